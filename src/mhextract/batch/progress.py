"""What a batch reports: a progress bar while it runs, its failures, and the summary at the end.

The bar is drawn only on a terminal (never into a log or a pipe); failure lines always
reach stderr; the summary's exit code is what `mhextract parse` exits with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TextIO


def shown(text: str) -> str:
    """`text` on one line: control characters (a newline in a file name) escaped as Python would."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def error_line(path: str, reason: str) -> str:
    """The one stderr line for a failed letter."""
    return f"mhextract: error: {shown(path)}: {shown(reason)}"


@dataclass(frozen=True)
class Failure:
    """A letter that produced no record, and why."""

    path: str
    reason: str
    kind: str

    def to_json(self) -> str:
        return json.dumps({"path": self.path, "reason": self.reason, "kind": self.kind}, ensure_ascii=False)


@dataclass
class Summary:
    """What a batch did: counts, failures with reasons, wall time."""

    total: int = 0
    done: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 1
    workers_note: str = ""  # why fewer processes ran than --workers asked for
    interrupted: bool = False
    sent: int = 0  # letters handed to the extraction (the rest were skipped before sending)
    cluster: str | None = None  # the Dask cluster the letters ran on
    signal: int = 2  # what interrupted the run: SIGINT (2) or SIGTERM (15)

    @property
    def exit_code(self) -> int:
        """0 all letters have a current record, 1 some failed, 128 + signal when interrupted (130, 143)."""
        if self.interrupted:
            return 128 + int(self.signal)
        return 1 if self.failures else 0

    def render(self) -> str:
        """A short human summary: counts and time, then one line per failure."""
        processes = f"{self.workers} process{'es' if self.workers > 1 else ''}"
        if self.cluster:
            processes = f"cluster {self.cluster}, {self.workers} worker{'s' if self.workers != 1 else ''}"
        if self.workers_note:
            processes += f"; {self.workers_note}"
        rate = f"{self.done / self.seconds:.1f} letters/s, " if self.done and self.seconds > 0 else ""
        head = (f"mhextract: {self.total} letters in {self.seconds:.1f} s ({rate}{processes}): "
                f"{self.done} done, {self.skipped} skipped (unchanged), {len(self.failures)} failed")
        if self.interrupted:
            head += f"; interrupted, {self.total - self.done - self.skipped - len(self.failures)} not reached"
        return "\n".join([head, *(f"  failed: {shown(f.path)}: {shown(f.reason)}" for f in self.failures)])


class Progress:
    """A rich progress bar on a terminal; silent otherwise. Error lines always go to stderr."""

    def __init__(self, total: int, *, quiet: bool, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.failed = 0
        self._bar: Any = None
        self._task: Any = None
        if not quiet and total > 1 and stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[failed]} failed"), TimeRemainingColumn(),
                console=Console(file=stream), transient=True,
            )
            self._task = self._bar.add_task("letters", total=total, failed=0)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def advance(self, failed: bool = False) -> None:
        self.failed += failed
        if self._bar is not None:
            self._bar.update(self._task, advance=1, failed=self.failed)

    def print(self, line: str) -> None:
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=self.stream)
