"""Batch re-extraction: many letters -> records; incremental, atomic, fault-isolated, optionally parallel.

`run_batch` is what `mhextract parse` runs, in three steps:

1. plan: each input file is hashed and its stamp (sha256, extractor version, model)
   compared with the stamp of its last record; an unchanged letter is skipped
   (`force` redoes it);
2. extract: letters in chunks of `CHUNK_LETTERS` (`batch.chunks`), in this process,
   with `workers > 1` in worker processes (`batch.workers`), or with `cluster` on the
   workers of a Dask cluster (`batch.cluster`); only letters to redo are sent;
3. write, in the parent only (`batch.stores`): `<out>/<name>.json` by temp file + rename;
   JSONL lines appended to `<file>.partial` and merged into `<file>` (temp file + rename)
   when the run completes. An interrupted run leaves no half-written record, and a
   re-run skips what was done and finishes the rest.

Memory stays flat: only a few chunks of letters are in flight at any time, and chunks
run in spaCy memory zones (`batch.zones`).
"""

from __future__ import annotations

import errno
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, TextIO

from spacy.language import Language

from mhextract import storage
from mhextract.analysis.pipeline import model_label
from mhextract.batch.chunks import DEFAULT_BATCH_SIZE, DEFAULT_TIMEOUT, Outcome, Task, WorkConfig, warm_up
from mhextract.batch.inputs import InputFile
from mhextract.batch.progress import Failure, Progress, Summary, error_line
from mhextract.batch.remote_jsonl import RemoteJsonl
from mhextract.batch.stamps import Stamp, file_sha256
from mhextract.batch.stores import STDOUT, JsonlStore, RecordDir, Sink, StdoutSink
from mhextract.batch.workers import auto_workers, run_in_process, run_parallel
from mhextract.fingerprint import extractor_id
from mhextract.limits import DEFAULT_LIMITS, Limits
from mhextract.storage import Location

# Write errors that say the output (disk, directory) is unusable rather than this one record.
OUTPUT_DOWN = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO})
CHUNK_LETTERS = 16  # letters per worker task and per memory zone (at least one minibatch)


@dataclass
class BatchOptions:
    """How to run a batch (mirrors the `mhextract parse` options)."""

    out: Location | None = None  # one <name>.json per letter (a directory or a URL prefix)
    jsonl: Location | None = None  # all records as JSON lines; Path("-") = stdout
    errors: Location | None = None  # failures as JSON lines
    model: str | None = None  # for spawned workers (forked ones inherit the parent's pipeline)
    workers: int = 0  # 0 = auto
    batch_size: int = DEFAULT_BATCH_SIZE
    chunk_size: int = CHUNK_LETTERS  # letters per worker task (raised to batch_size if smaller)
    indent: int | None = 2
    force: bool = False
    timeout: float | None = DEFAULT_TIMEOUT
    quiet: bool = False
    cluster: str | None = None  # Dask: tcp://scheduler:8786 or local:N
    cluster_pipeline: Callable[[], Language] | None = None  # builds the workers' pipeline (default: load `model`)
    limits: Limits = DEFAULT_LIMITS  # bytes, pages, characters of one letter


class Terminated(KeyboardInterrupt):
    """SIGTERM (`timeout`, systemd, CI cancellation): stops the run as Ctrl-C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


def stop_on_sigterm() -> Callable[[], None]:
    """Turn SIGTERM into `Terminated` for this run (main thread only); returns what restores the old handler."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def _raise(signum: int, frame: object) -> None:
        raise Terminated(signum)

    previous = signal.signal(signal.SIGTERM, _raise)
    return lambda: _set_sigterm(previous)


def _hold_sigterm() -> Callable[[], None]:
    """Ignore SIGTERM until the returned function is called (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    return lambda: _set_sigterm(previous)


def _set_sigterm(handler: Any) -> None:
    signal.signal(signal.SIGTERM, handler)


def make_sinks(options: BatchOptions, count: int) -> list[Sink]:
    """The outputs asked for: --out DIR, --jsonl FILE (or stdout), else stdout for a single letter."""
    sinks: list[Sink] = []
    if options.out is not None:
        sinks.append(RecordDir(options.out, options.indent))
    if options.jsonl == STDOUT:
        sinks.append(StdoutSink(None))
    elif isinstance(options.jsonl, str):
        sinks.append(RemoteJsonl(options.jsonl))
    elif options.jsonl is not None:
        sinks.append(JsonlStore(options.jsonl))
    if not sinks:
        if count > 1:
            raise ValueError("several letters need --out DIR or --jsonl FILE")
        sinks.append(StdoutSink(options.indent))
    return sinks


def _current(item: InputFile, sinks: Sequence[Sink], version: str, model: str) -> bool:
    """Whether every output already holds a record of this exact input, extractor and model."""
    stamps = [s.stamp(item) for s in sinks]
    if any(s is None for s in stamps):
        return False
    sha = file_sha256(item.location)
    return sha is not None and all(s == Stamp(sha, version, model) for s in stamps)


def run_batch(
    items: Sequence[InputFile],
    nlp: Language,
    options: BatchOptions,
    *,
    on_outcome: Callable[[Outcome], None] | None = None,
    stderr: TextIO | None = None,
) -> Summary:
    """Extract `items` into the outputs of `options`; never raises for a bad letter.

    Ctrl-C (KeyboardInterrupt) and SIGTERM stop cleanly: records written so far stay,
    the summary says `interrupted` (exit 130 or 143), and a re-run continues where this
    one stopped.
    """
    err = stderr or sys.stderr
    started = time.perf_counter()
    summary = Summary(total=len(items))
    sinks = make_sinks(options, len(items))
    for sink in sinks:
        if isinstance(sink, RecordDir):
            sink.clean(items)
    indents = tuple(dict.fromkeys(s.indent for s in sinks))
    config = WorkConfig(indents, max(1, options.batch_size), options.timeout or None, options.model, options.limits)
    label = model_label(nlp)
    progress = Progress(len(items), quiet=options.quiet, stream=err)
    outcomes: Iterator[Outcome] = iter(())
    cluster: Any = None
    finished = False
    restore_sigterm = stop_on_sigterm()
    try:
        with progress:
            tasks = _plan(items, sinks, options.force, label, summary, progress)
            chunks = _chunks(tasks, chunk_letters(options, config.batch_size, len(items)))
            head = list(islice(chunks, 2))  # fewer than two chunks to do: not worth starting processes
            summary.workers = (options.workers or auto_workers()) if len(head) > 1 else 1
            if options.workers > 1 and summary.workers == 1 and not options.cluster:
                todo = sum(len(c) for c in head)
                summary.workers_note = (f"--workers {options.workers} not used: "
                                        f"{todo} letter{'s' if todo != 1 else ''} to extract fit one chunk")
            chunks = _counted(chain(head, chunks), summary)
            if options.cluster and head:
                from mhextract.batch.cluster import connect

                cluster = connect(options.cluster, options.model, options.cluster_pipeline)
                summary.cluster, summary.workers = options.cluster, cluster.workers
                outcomes = cluster.run(chunks, config)
            elif summary.workers > 1:
                outcomes = run_parallel(nlp, chunks, summary.workers, config)
            else:
                warm_up(nlp)
                outcomes = run_in_process(nlp, chunks, config)
            for outcome in outcomes:
                _deliver(outcome, items, sinks, indents, summary, progress)
                if on_outcome is not None:
                    on_outcome(outcome)
        finished = True
    except KeyboardInterrupt as exc:
        summary.interrupted = True
        summary.signal = exc.signum if isinstance(exc, Terminated) else signal.SIGINT
    finally:
        signal_guard = _hold_sigterm()  # a second SIGTERM must not cut the clean-up short
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()  # stops worker processes at once when we did not finish
        if cluster is not None:
            cluster.close()
        for sink in sinks:
            if finished:
                sink.finish(items)
            else:
                sink.close()
        if options.errors is not None:
            data = "".join(f.to_json() + "\n" for f in summary.failures)
            storage.write_bytes(options.errors, data.encode("utf-8"))
        summary.seconds = time.perf_counter() - started
        signal_guard()
        restore_sigterm()
    return summary


def chunk_letters(options: BatchOptions, batch_size: int, letters: int) -> int:
    """Letters per chunk: `chunk_size`, smaller when --workers N is given so that N workers get work."""
    size = max(options.chunk_size, batch_size)
    if options.workers > 1:
        size = min(size, -(-letters // options.workers))
    return max(size, batch_size, 1)


def _plan(
    items: Sequence[InputFile], sinks: Sequence[Sink], force: bool, label: str,
    summary: Summary, progress: Progress,
) -> Iterator[Task]:
    """Tasks for the letters whose records are missing or stale; counts the skipped ones."""
    for index, item in enumerate(items):
        if item.error is not None:
            summary.failures.append(Failure(str(item.path), item.error, "ingest"))
            progress.print(error_line(str(item.path), item.error))
            progress.advance(failed=True)
            continue
        if not force and _current(item, sinks, extractor_id(), label):
            summary.skipped += 1
            progress.advance()
            continue
        yield Task(index, item.key)


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """Tasks in lists of `size` (the last one shorter), cut lazily as the run asks for them."""
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def _counted(chunks: Iterable[list[Task]], summary: Summary) -> Iterator[list[Task]]:
    """The chunks, counting in `summary.sent` the letters handed to the extraction."""
    for chunk in chunks:
        summary.sent += len(chunk)
        yield chunk


def _deliver(
    outcome: Outcome, items: Sequence[InputFile], sinks: Sequence[Sink], indents: tuple[int | None, ...],
    summary: Summary, progress: Progress,
) -> None:
    """Write one letter's record to every sink, or note its failure (a write error is a failure too)."""
    item = items[outcome.index]
    if outcome.ok:
        try:
            for sink in sinks:
                sink.write(item, outcome.texts[indents.index(sink.indent)])
        except OSError as exc:
            if exc.errno in OUTPUT_DOWN:
                raise  # the output itself is unusable: the run stops once (exit 2), not once per letter
            outcome = Outcome(outcome.index, outcome.path, reason=f"cannot write record: {exc}", kind="write")
    if outcome.ok:
        summary.done += 1
    else:
        assert outcome.reason is not None and outcome.kind is not None
        summary.failures.append(Failure(outcome.path, outcome.reason, outcome.kind))
        progress.print(error_line(outcome.path, outcome.reason))
    progress.advance(failed=not outcome.ok)
