"""Batch re-extraction: many letters -> records; incremental, atomic, fault-isolated, optionally parallel.

`run_batch` is what `mhextract parse` runs, in three steps:

1. plan: each input file is hashed and its stamp (sha256, extractor version, model)
   compared with the stamp of its last record; an unchanged letter is skipped
   (`force` redoes it);
2. extract: letters in chunks of `CHUNK_LETTERS`, each one prepared on its own (an
   unreadable letter becomes a `Failure`, never an exception that stops the batch)
   and the chunk streamed through `nlp.pipe` (`build.extract_docs`), after the first
   letters inside a spaCy memory zone; if a component fails, the chunk is redone letter by letter so only
   the guilty letter fails. With `workers > 1` chunks run in worker processes;
3. write, in the parent only: `<out>/<name>.json` by temp file + rename; JSONL lines
   appended to `<file>.partial` and merged into `<file>` (temp file + rename) when
   the run completes. An interrupted run leaves no half-written record, and a
   re-run skips what was done and finishes the rest.

Memory stays flat: only a few chunks of letters are in flight at any time.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any, Protocol, TextIO

from spacy.language import Language

from mhextract.build import Prepared, build_record, extract_docs, prepare, to_doc
from mhextract.errors import IngestError
from mhextract.fingerprint import extractor_id
from mhextract.nlp.pipeline import load_pipeline, model_label
from mhextract.record import Record

# Suffixes a directory is searched for (given files are always tried, whatever their suffix).
LETTER_SUFFIXES = (".pdf", ".txt", ".md", ".markdown", ".docx", ".xml", ".html", ".htm")
COMPANIONS = ("metadata.xml",)  # read with the publication beside it (OEP), never a letter of its own
# Letters per nlp.pipe minibatch. Statistical components (tok2vec, ner) hold a minibatch's
# activations at once, ~35 MB per 2,000-word letter, and get no faster with bigger batches of
# such long documents: 4 keeps the peak within ~150 MB of the loaded model.
DEFAULT_BATCH_SIZE = 4
CHUNK_LETTERS = 16  # letters per worker task and per memory zone (at least one minibatch)
DEFAULT_TIMEOUT = 600.0  # seconds one letter may take before it counts as failed
AUTO_WORKERS_MAX = 4  # `workers=0` uses up to this many processes, never more than the cores
HEAD_BYTES = 16_384  # a record's stamp (extractor, source) sits in its first bytes
STDOUT = Path("-")


# --- inputs and stamps -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputFile:
    """A letter file to extract and the name of its record under `--out` (e.g. `sub/x.json`)."""

    path: Path
    name: Path

    @property
    def key(self) -> str:
        """The record's `source.path`: how JSONL records are matched to inputs."""
        return str(self.path)


@dataclass(frozen=True)
class Stamp:
    """What decides whether a record is still current: input content, extractor, model."""

    sha256: str
    version: str
    model: str


def expand_inputs(paths: Iterable[Path]) -> list[InputFile]:
    """Files as given, directories expanded to their letter files (recursive, sorted, hidden skipped).

    A file inside a directory argument keeps its relative path as record name, so
    trees do not collide; the same file given twice is taken once.
    """
    found: list[tuple[Path, Path]] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if _letter_like(f) and not _hidden(rel) and f.is_file():
                    found.append((f, rel))
        else:
            found.append((p, Path(p.name)))
    seen: set[Path] = set()
    taken: set[Path] = set()
    out: list[InputFile] = []
    for f, rel in found:
        resolved = f.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        out.append(InputFile(f, _record_name(rel, taken)))
    return out


def _letter_like(path: Path) -> bool:
    return path.suffix.lower() in LETTER_SUFFIXES and path.name.lower() not in COMPANIONS


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _record_name(rel: Path, taken: set[Path]) -> Path:
    """`x.txt` -> `x.json`; if taken (x.pdf beside x.txt) `x.pdf.json`, then `x.pdf.2.json`."""
    candidates = chain([rel.with_suffix(".json"), rel.with_name(rel.name + ".json")],
                       (rel.with_name(f"{rel.name}.{i}.json") for i in range(2, 10_000)))
    name = next(c for c in candidates if c not in taken)
    taken.add(name)
    return name


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes (as in `Source.sha256`), or None if it cannot be read."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


_STAMP_KEYS = re.compile(r'"(extractor|source)"\s*:\s*')


def parse_stamp(head: str) -> tuple[Stamp, str] | None:
    """(stamp, source path) from the start of a record's JSON, without parsing its text."""
    decoder = json.JSONDecoder()
    parts: dict[str, Any] = {}
    for m in _STAMP_KEYS.finditer(head):
        if m.group(1) in parts:
            continue
        try:
            parts[m.group(1)], _ = decoder.raw_decode(head, m.end())
        except ValueError:
            return None
        if len(parts) == 2:
            break
    extractor, source = parts.get("extractor"), parts.get("source")
    if not isinstance(extractor, dict) or not isinstance(source, dict):
        return None
    try:
        version = f"{extractor['version']}+{extractor.get('fingerprint') or ''}"
        stamp = Stamp(str(source["sha256"]), version, str(extractor["model"]))
        return stamp, str(source["path"])
    except KeyError:
        return None


def read_record_stamp(path: Path) -> Stamp | None:
    """The stamp of a record file, or None if missing, unreadable or cut short."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
            size = fh.seek(0, os.SEEK_END)
            fh.seek(max(0, size - 64))
            tail = fh.read()
    except OSError:
        return None
    if not tail.rstrip().endswith(b"}"):
        return None
    parsed = parse_stamp(head.decode("utf-8", errors="replace"))
    return parsed[0] if parsed else None


# --- writing -------------------------------------------------------------------------------------------


def temp_path(target: Path) -> Path:
    """A hidden temp file beside `target`, unique per process (`.x.json.<pid>.tmp`)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


_TEMP = re.compile(r"^\..+\.(\d+)\.tmp$")


def atomic_write(target: Path, data: bytes) -> None:
    """Write to a temp file, then rename over `target`: readers see the old or the new file, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(target)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temps(directory: Path) -> int:
    """Delete temp files left in `directory` by runs that were killed (their process is gone)."""
    removed = 0
    if not directory.is_dir():
        return 0
    for entry in os.scandir(directory):
        m = _TEMP.match(entry.name)
        if m and entry.is_file() and not _alive(int(m.group(1))):
            Path(entry.path).unlink(missing_ok=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class Sink(Protocol):
    """Where records go; `stamp` is None when there is no current record (or no incrementality)."""

    indent: int | None

    def stamp(self, item: InputFile) -> Stamp | None: ...

    def write(self, item: InputFile, text: str) -> None: ...

    def finish(self, items: Sequence[InputFile]) -> None: ...

    def close(self) -> None: ...


class RecordDir:
    """One `<name>.json` per letter under `root`, each written atomically."""

    def __init__(self, root: Path, indent: int | None) -> None:
        self.root = root
        self.indent = indent

    def clean(self, items: Sequence[InputFile]) -> None:
        """Remove temp files of killed runs from every directory this run writes to."""
        for directory in {(self.root / item.name).parent for item in items}:
            remove_stale_temps(directory)

    def stamp(self, item: InputFile) -> Stamp | None:
        return read_record_stamp(self.root / item.name)

    def write(self, item: InputFile, text: str) -> None:
        atomic_write(self.root / item.name, (text + "\n").encode("utf-8"))

    def finish(self, items: Sequence[InputFile]) -> None:
        return None

    def close(self) -> None:
        return None


@dataclass
class _Line:
    offset: int
    length: int
    stamp: Stamp | None


class JsonlStore:
    """All records in one JSON-lines file, one per line, in input order.

    New lines are appended (and flushed) to `<file>.partial` as they come; `finish`
    merges them with the unchanged lines of the previous `<file>` into a temp file
    renamed over `<file>`. A run that is killed leaves `<file>` as it was and its
    `.partial` behind, which the next run reads back (dropping a torn last line), so
    nothing is lost or duplicated. Records of letters not in this run are kept.
    """

    indent: int | None = None

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        path.parent.mkdir(parents=True, exist_ok=True)
        self._out: IO[bytes] | None = open(self.partial, "ab")  # noqa: SIM115 (closed in finish/close)
        _lock(self._out, path)
        remove_stale_temps(path.parent)
        self.base = _index_jsonl(path)
        self.fresh = _index_jsonl(self.partial, repair=True)
        self._end = self._out.seek(0, os.SEEK_END)

    def stamp(self, item: InputFile) -> Stamp | None:
        line = self.fresh.get(item.key) or self.base.get(item.key)
        return line.stamp if line else None

    def write(self, item: InputFile, text: str) -> None:
        """Append one record line; it is keyed by its own `source.path`, as it will be when read back."""
        assert self._out is not None, "store already closed"
        data = (text + "\n").encode("utf-8")
        self._out.write(data)
        self._out.flush()
        parsed = parse_stamp(text[:HEAD_BYTES])
        self.fresh[parsed[1] if parsed else item.key] = _Line(self._end, len(data), None)
        self._end += len(data)

    def finish(self, items: Sequence[InputFile]) -> None:
        """Merge into `<file>`: this run's letters in input order, then older records kept as they were."""
        self.close()
        order = chain((i.key for i in items), self.base, self.fresh)
        tmp = temp_path(self.path)
        written: set[str] = set()
        try:
            with open(tmp, "wb") as out, _open_or_none(self.path) as base, open(self.partial, "rb") as fresh:
                for key in order:
                    source = (fresh, self.fresh.get(key)) if key in self.fresh else (base, self.base.get(key))
                    handle, line = source
                    if key in written or line is None or handle is None:
                        continue
                    handle.seek(line.offset)
                    out.write(handle.read(line.length))
                    written.add(key)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        self.partial.unlink(missing_ok=True)

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


def _lock(handle: IO[bytes], path: Path) -> None:
    """Hold an exclusive lock on the open `.partial` file: two runs never write one JSONL file."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise OSError(f"{path}: another mhextract run is writing this file") from exc


@contextmanager
def _open_or_none(path: Path) -> Iterator[IO[bytes] | None]:
    if not path.exists():
        yield None
        return
    with open(path, "rb") as fh:
        yield fh


def _index_jsonl(path: Path, repair: bool = False) -> dict[str, _Line]:
    """Where each record of a JSONL file is (by source path); with `repair`, cut a torn last line."""
    index: dict[str, _Line] = {}
    if not path.exists():
        return index
    offset = complete = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            parsed = parse_stamp(raw[:HEAD_BYTES].decode("utf-8", errors="replace"))
            if parsed and raw.rstrip().endswith(b"}"):
                index[parsed[1]] = _Line(offset, len(raw), parsed[0])
            offset += len(raw)
            complete = offset
    if repair and complete < path.stat().st_size:
        with open(path, "r+b") as fh:
            fh.truncate(complete)
    return index


class StdoutSink:
    """Records to standard output: pretty JSON for one letter, or JSON lines (`--jsonl -`)."""

    def __init__(self, indent: int | None, stream: TextIO | None = None) -> None:
        self.indent = indent
        self.stream = stream

    def stamp(self, item: InputFile) -> Stamp | None:
        return None

    def write(self, item: InputFile, text: str) -> None:
        stream = self.stream or sys.stdout
        stream.write(text + "\n")
        stream.flush()

    def finish(self, items: Sequence[InputFile]) -> None:
        return None

    def close(self) -> None:
        return None


# --- extraction (in the parent or a worker process) ----------------------------------------------------


@dataclass(frozen=True)
class Task:
    """One letter to extract: its place in the input list and its path."""

    index: int
    path: str


@dataclass(frozen=True)
class WorkConfig:
    """What a worker needs besides the tasks: JSON renderings wanted, limits, model name."""

    indents: tuple[int | None, ...]
    batch_size: int = DEFAULT_BATCH_SIZE
    timeout: float | None = DEFAULT_TIMEOUT
    model: str | None = None


@dataclass(frozen=True)
class Outcome:
    """The result for one letter: its JSON texts (one per wanted indent) or why it failed."""

    index: int
    path: str
    texts: tuple[str, ...] = ()
    reason: str | None = None
    kind: str | None = None  # ingest | timeout | crash | error

    @property
    def ok(self) -> bool:
        return self.reason is None


class LetterTimeout(Exception):
    """One letter took longer than the timeout."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise `LetterTimeout` in this block after `seconds` (main thread on POSIX only; else no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise LetterTimeout(f"took longer than {seconds:g} s (timeout)")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _failed(task: Task, exc: BaseException) -> Outcome:
    """A failure outcome with a one-line reason: the ingest reason, or the exception for anything else."""
    if isinstance(exc, IngestError):
        return Outcome(task.index, task.path, reason=exc.reason, kind="ingest")
    if isinstance(exc, LetterTimeout):
        return Outcome(task.index, task.path, reason=str(exc), kind="timeout")
    detail = " ".join(str(exc).split())[:300]
    return Outcome(task.index, task.path, reason=f"internal error: {type(exc).__name__}: {detail}", kind="error")


# The first letters a pipeline sees run outside a memory zone, so their words (the common
# vocabulary) stay in its vocab and tokenizer cache; after that every chunk runs in a zone
# that frees the strings, lexemes and cache entries it added: memory stays flat and only
# rarer words pay for being looked up afresh.
PERMANENT_VOCAB_LETTERS = 200
_letters_seen: weakref.WeakKeyDictionary[Language, int] = weakref.WeakKeyDictionary()


def iter_chunk(nlp: Language, tasks: Sequence[Task], config: WorkConfig) -> Iterator[Outcome]:
    """Extract a chunk of letters, yielding each outcome as it is ready (unreadable letters first)."""
    ready: list[tuple[Task, Prepared]] = []
    for task in tasks:
        try:
            with deadline(config.timeout):
                ready.append((task, prepare(task.path)))
        except Exception as exc:  # one broken letter must never stop the batch
            yield _failed(task, exc)
    seen = _letters_seen.get(nlp, 0)
    _letters_seen[nlp] = seen + len(ready)
    with nlp.memory_zone() if seen >= PERMANENT_VOCAB_LETTERS else nullcontext():
        for task, result in _extract(nlp, ready, config):
            yield _render(task, result, config.indents)


def run_chunk(nlp: Language, tasks: Sequence[Task], config: WorkConfig) -> list[Outcome]:
    """Extract a chunk of letters (a worker's task); every letter ends up done or failed, in task order."""
    outcomes = {o.index: o for o in iter_chunk(nlp, tasks, config)}
    return [outcomes[t.index] for t in tasks]


def _extract(
    nlp: Language, ready: list[tuple[Task, Prepared]], config: WorkConfig
) -> Iterator[tuple[Task, Record | Exception]]:
    """Stream through `nlp.pipe`; if that fails, redo the rest one letter at a time to find the culprit.

    A statistical component processes a whole minibatch when the first of its letters
    is asked for, so while streaming the time limit is the per-letter limit times the
    batch size; letters redone singly get the per-letter limit.
    """
    done = 0
    streaming_limit = config.timeout * config.batch_size if config.timeout else None
    try:
        stream = extract_docs(nlp, (p for _, p in ready), batch_size=config.batch_size)
        while done < len(ready):
            with deadline(streaming_limit):
                record = next(stream)
            yield ready[done][0], record
            done += 1
        return
    except Exception:  # the letters from `done` on are redone singly below
        pass
    label = model_label(nlp)
    for task, prepared in ready[done:]:
        try:
            with deadline(config.timeout):
                record = build_record(prepared, nlp(to_doc(nlp, prepared)), label)
        except Exception as exc:
            yield task, exc
            continue
        yield task, record


def _render(task: Task, result: Record | Exception, indents: tuple[int | None, ...]) -> Outcome:
    """The record as JSON in every wanted indent (None = one line)."""
    if isinstance(result, Exception):
        return _failed(task, result)
    try:
        texts = tuple(result.model_dump_json(indent=i or None) for i in indents)
    except Exception as exc:
        return _failed(task, exc)
    return Outcome(task.index, task.path, texts)


# Worker processes: the pipeline is inherited (fork) or loaded once by the initializer (spawn).
_WORKER_NLP: Language | None = None


def _init_worker(model: str | None) -> None:
    """Per worker: ignore Ctrl-C (the parent stops the pool) and have a pipeline."""
    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _WORKER_NLP is None:
        _WORKER_NLP = load_pipeline(model, warn=io.StringIO())
        warm_up(_WORKER_NLP)


def _worker_chunk(tasks: list[Task], config: WorkConfig) -> list[Outcome]:
    assert _WORKER_NLP is not None, "worker not initialised"
    return run_chunk(_WORKER_NLP, tasks, config)


def warm_up(nlp: Language) -> None:
    """Run the pipeline once outside any memory zone, so lazily built state is never freed by one."""
    with suppress(Exception):  # a component bug shows up, per letter, on the real letters
        nlp("Bij brief van 1 januari 2020 (Kamerstuk 28 638, nr. 1) meldde de minister 25 zaken.")


def _mp_context() -> Any:
    """Fork where available (workers share the loaded pipeline), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class _Pool:
    """A process pool that can be rebuilt after a worker died."""

    def __init__(self, workers: int, config: WorkConfig) -> None:
        self.workers = workers
        self.config = config
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_mp_context(),
                                   initializer=_init_worker, initargs=(self.config.model,))

    def submit(self, tasks: list[Task]) -> Future[list[Outcome]]:
        return self.executor.submit(_worker_chunk, tasks, self.config)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def close(self, abort: bool) -> None:
        """Wait for the workers to exit; on abort (Ctrl-C, error) cancel the queue and stop them now."""
        if not abort:
            self.executor.shutdown(wait=True)
            return
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            if proc.is_alive():
                proc.terminate()


def _parallel(
    nlp: Language, chunks: Iterable[list[Task]], workers: int, config: WorkConfig
) -> Iterator[Outcome]:
    """Chunks through a process pool, results in input order; a few chunks in flight per worker.

    Forked workers inherit `nlp` as it is (custom components included); spawned ones
    load `config.model` themselves.
    """
    global _WORKER_NLP
    _WORKER_NLP = nlp
    warm_up(nlp)
    pool = _Pool(workers, config)
    window: deque[tuple[list[Task], Future[list[Outcome]] | None]] = deque()
    try:
        for chunk in chunks:
            window.append((chunk, pool.submit(chunk)))
            while len(window) >= 2 * workers:
                yield from _collect(window, pool)
        while window:
            yield from _collect(window, pool)
    except BaseException:
        pool.close(abort=True)
        raise
    pool.close(abort=False)


def _collect(window: deque[tuple[list[Task], Future[list[Outcome]] | None]], pool: _Pool) -> Iterator[Outcome]:
    """Outcomes of the oldest chunk; if the pool broke, redo the broken chunks one letter at a time."""
    chunk, future = window.popleft()
    if future is not None:
        try:
            yield from future.result()
            return
        except BrokenProcessPool:
            broken = [(c, None if f is None or _broken(f) else f) for c, f in window]
            window.clear()
            window.extend(broken)
            pool.restart()
    for task in chunk:
        yield _isolated(pool, task)


def _broken(future: Future[list[Outcome]]) -> bool:
    return future.exception() is not None


def _isolated(pool: _Pool, task: Task) -> Outcome:
    """Run one letter alone in the pool; if the worker dies again, that letter is the one."""
    try:
        return pool.submit([task]).result()[0]
    except BrokenProcessPool:
        pool.restart()
        return Outcome(task.index, task.path, kind="crash",
                       reason="the worker process died on this letter (crash or out of memory)")


def _in_process(nlp: Language, chunks: Iterable[list[Task]], config: WorkConfig) -> Iterator[Outcome]:
    for chunk in chunks:
        yield from iter_chunk(nlp, chunk, config)


# --- the batch -----------------------------------------------------------------------------------------


@dataclass
class BatchOptions:
    """How to run a batch (mirrors the `mhextract parse` options)."""

    out: Path | None = None  # one <name>.json per letter
    jsonl: Path | None = None  # all records as JSON lines; Path("-") = stdout
    errors: Path | None = None  # failures as JSON lines
    model: str | None = None  # for spawned workers (forked ones inherit the parent's pipeline)
    workers: int = 0  # 0 = auto
    batch_size: int = DEFAULT_BATCH_SIZE
    chunk_size: int = CHUNK_LETTERS  # letters per worker task (raised to batch_size if smaller)
    indent: int | None = 2
    force: bool = False
    timeout: float | None = DEFAULT_TIMEOUT
    quiet: bool = False


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
    interrupted: bool = False

    @property
    def exit_code(self) -> int:
        """0 all letters have a current record, 1 some failed, 130 interrupted."""
        if self.interrupted:
            return 130
        return 1 if self.failures else 0

    def render(self) -> str:
        """A short human summary: counts and time, then one line per failure."""
        processes = f"{self.workers} process{'es' if self.workers > 1 else ''}"
        rate = f"{self.done / self.seconds:.1f} letters/s, " if self.done and self.seconds > 0 else ""
        head = (f"mhextract: {self.total} letters in {self.seconds:.1f} s ({rate}{processes}): "
                f"{self.done} done, {self.skipped} skipped (unchanged), {len(self.failures)} failed")
        if self.interrupted:
            head += f"; interrupted, {self.total - self.done - self.skipped - len(self.failures)} not reached"
        return "\n".join([head, *(f"  failed: {f.path}: {f.reason}" for f in self.failures)])


def auto_workers() -> int:
    """Processes for `workers=0`: one per usable core, at most AUTO_WORKERS_MAX."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, AUTO_WORKERS_MAX))


def make_sinks(options: BatchOptions, count: int) -> list[Sink]:
    """The outputs asked for: --out DIR, --jsonl FILE (or stdout), else stdout for a single letter."""
    sinks: list[Sink] = []
    if options.out is not None:
        sinks.append(RecordDir(options.out, options.indent))
    if options.jsonl == STDOUT:
        sinks.append(StdoutSink(None))
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
    sha = file_sha256(item.path)
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

    Ctrl-C (KeyboardInterrupt) stops cleanly: records written so far stay, the
    summary says `interrupted`, and a re-run continues where this one stopped.
    """
    err = stderr or sys.stderr
    started = time.perf_counter()
    summary = Summary(total=len(items))
    sinks = make_sinks(options, len(items))
    for sink in sinks:
        if isinstance(sink, RecordDir):
            sink.clean(items)
    indents = tuple(dict.fromkeys(s.indent for s in sinks))
    config = WorkConfig(indents, max(1, options.batch_size), options.timeout or None, options.model)
    label = model_label(nlp)
    progress = _Progress(len(items), quiet=options.quiet, stream=err)
    outcomes: Iterator[Outcome] = iter(())
    finished = False
    try:
        with progress:
            tasks = _plan(items, sinks, options.force, label, summary, progress)
            chunks = _chunks(tasks, max(options.chunk_size, config.batch_size))
            head = list(islice(chunks, 2))  # fewer than two chunks to do: not worth starting processes
            summary.workers = (options.workers or auto_workers()) if len(head) > 1 else 1
            chunks = chain(head, chunks)
            if summary.workers > 1:
                outcomes = _parallel(nlp, chunks, summary.workers, config)
            else:
                warm_up(nlp)
                outcomes = _in_process(nlp, chunks, config)
            for outcome in outcomes:
                _deliver(outcome, items, sinks, indents, summary, progress)
                if on_outcome is not None:
                    on_outcome(outcome)
        finished = True
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()  # stops worker processes at once when we did not finish
        for sink in sinks:
            if finished:
                sink.finish(items)
            else:
                sink.close()
        if options.errors is not None:
            data = "".join(f.to_json() + "\n" for f in summary.failures)
            atomic_write(options.errors, data.encode("utf-8"))
        summary.seconds = time.perf_counter() - started
    return summary


def _plan(
    items: Sequence[InputFile], sinks: Sequence[Sink], force: bool, label: str,
    summary: Summary, progress: _Progress,
) -> Iterator[Task]:
    """Tasks for the letters whose records are missing or stale; counts the skipped ones."""
    for index, item in enumerate(items):
        if not force and _current(item, sinks, extractor_id(), label):
            summary.skipped += 1
            progress.advance()
            continue
        yield Task(index, str(item.path))


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def _deliver(
    outcome: Outcome, items: Sequence[InputFile], sinks: Sequence[Sink], indents: tuple[int | None, ...],
    summary: Summary, progress: _Progress,
) -> None:
    """Write one letter's record to every sink, or note its failure (a write error is a failure too)."""
    item = items[outcome.index]
    if outcome.ok:
        try:
            for sink in sinks:
                sink.write(item, outcome.texts[indents.index(sink.indent)])
        except OSError as exc:
            outcome = Outcome(outcome.index, outcome.path, reason=f"cannot write record: {exc}", kind="write")
    if outcome.ok:
        summary.done += 1
    else:
        assert outcome.reason is not None and outcome.kind is not None
        summary.failures.append(Failure(outcome.path, outcome.reason, outcome.kind))
        progress.print(f"mhextract: error: {outcome.path}: {outcome.reason}")
    progress.advance(failed=not outcome.ok)


class _Progress:
    """A rich progress bar on a terminal; silent otherwise. Error lines always go to stderr."""

    def __init__(self, total: int, *, quiet: bool, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.failed = 0
        self._bar: Any = None
        self._task: Any = None
        if not quiet and total > 1 and stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[failed]} failed"), TimeRemainingColumn(),
                console=Console(file=stream), transient=True,
            )
            self._task = self._bar.add_task("letters", total=total, failed=0)

    def __enter__(self) -> _Progress:
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
