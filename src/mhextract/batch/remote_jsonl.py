"""A JSON-lines output at a URL (`--jsonl s3://bucket/records.jsonl`): streamed as part objects, merged at the end."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from mhextract import storage
from mhextract.batch.inputs import InputFile
from mhextract.batch.stamps import Stamp
from mhextract.batch.stores import JsonlStore

PART_LINES = 16  # records per part object (a chunk of letters): what a killed driver can lose at most


class RemoteJsonl:
    """A JSON-lines file at a URL, streamed as part objects while the run goes, merged into one object at the end.

    Object stores cannot append, and rewriting the whole file per chunk would cost O(n^2),
    so new lines go out every `PART_LINES` records as one object under `<url>.parts/`
    (named by run and sequence, so they sort in writing order). `finish` merges the
    previous object, the parts and this run's lines (a `JsonlStore` on a local staging
    copy, in input order), puts the one `<url>` readers expect, then deletes the parts.
    A killed driver loses at most the lines of its last part; the next run reads the parts
    back (their letters are skipped) and merges them. An interrupted run (Ctrl-C, SIGTERM)
    puts its last lines as a part too.
    """

    indent: int | None = None

    def __init__(self, url: str, part_lines: int = PART_LINES) -> None:
        self.url = url
        self.parts_prefix = url.rstrip("/") + ".parts/"
        self.part_lines = max(1, part_lines)
        self.run = f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{os.getpid()}"
        self.sequence = 0
        self.pending: list[bytes] = []
        self._dir = tempfile.TemporaryDirectory(prefix="mhextract-jsonl-")
        local = Path(self._dir.name) / storage.name_of(url)
        if storage.exists(url):
            local.write_bytes(storage.read_bytes(url))
        self.parts = _remote_parts(self.parts_prefix)
        with open(local.with_name(local.name + ".partial"), "wb") as partial:  # a killed run's lines: as if ours
            for part in self.parts:
                partial.write(_whole_lines(storage.read_bytes(part)))
        self.store = JsonlStore(local)

    def stamp(self, item: InputFile) -> Stamp | None:
        return self.store.stamp(item)

    def write(self, item: InputFile, text: str) -> None:
        self.store.write(item, text)
        self.pending.append((text + "\n").encode("utf-8"))
        if len(self.pending) >= self.part_lines:
            self._put_part()

    def _put_part(self) -> None:
        """The lines written since the last part, as one new part object."""
        if not self.pending:
            return
        self.sequence += 1
        part = f"{self.parts_prefix}{self.run}-{self.sequence:06d}.jsonl"
        storage.write_bytes(part, b"".join(self.pending))
        self.parts.append(part)
        self.pending = []

    def finish(self, items: Sequence[InputFile]) -> None:
        self.store.finish(items)
        storage.write_bytes(self.url, self.store.path.read_bytes())
        self.pending = []
        for part in self.parts:  # after the merged object is in place: a kill in between only leaves duplicates
            storage.remove(part)
        self._dir.cleanup()

    def close(self) -> None:
        with suppress(OSError):
            self._put_part()
        self.store.close()
        self._dir.cleanup()


def _remote_parts(prefix: str) -> list[str]:
    """The part objects under `prefix`, in writing order (their names sort so)."""
    if not storage.is_dir(prefix):
        return []
    return sorted(str(loc) for loc, rel in storage.walk_files(prefix) if rel.suffix == ".jsonl")


def _whole_lines(data: bytes) -> bytes:
    """The whole lines of a part (an object is written whole, but a part of a foreign writer may not be)."""
    end = data.rfind(b"\n")
    return data[: end + 1] if end >= 0 else b""
