"""Extracting a chunk of letters in this process (the parent or a worker): every letter ends done or failed.

Each letter is prepared on its own (an unreadable letter becomes a failure outcome,
never an exception that stops the batch), then the chunk is streamed through
`nlp.pipe` (`build.extract_docs`) under a per-letter time limit and the memory-zone
policy of `batch.zones`; if a component fails, the rest of the chunk is redone letter
by letter so only the guilty letter fails. Records leave as JSON text, in every
indent the outputs want, so workers send back strings rather than models.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from mhextract.analysis.pipeline import model_label
from mhextract.batch.zones import chunk_zone
from mhextract.errors import IngestError
from mhextract.record.build import Prepared, build_record, extract_docs, prepare, to_doc
from mhextract.record.model import Record
from mhextract.storage import as_location, local_copy, name_of

# Letters per nlp.pipe minibatch. Statistical components (tok2vec, ner) hold a minibatch's
# activations at once, ~35 MB per 2,000-word letter, and get no faster with bigger batches of
# such long documents: 4 keeps the peak within ~150 MB of the loaded model.
DEFAULT_BATCH_SIZE = 4
DEFAULT_TIMEOUT = 600.0  # seconds one letter may take before it counts as failed


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
    """Raise `LetterTimeout` in this block after `seconds`: by SIGALRM in the main thread (POSIX),
    else (a Dask worker's task thread) as an asynchronous exception in the thread."""
    if not seconds:
        yield
        return
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        with _thread_deadline(seconds):
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


@contextmanager
def _thread_deadline(seconds: float) -> Iterator[None]:
    """A time limit for a non-main thread: a timer raises `LetterTimeout` in it at its next bytecode.

    Python code that loops is stopped; a single C call (one huge regex match) is stopped
    when it returns. A limit that fires as the block ends is withdrawn, never raised later.
    """
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"open": True, "fired": False}

    def _expire() -> None:
        with lock:
            if state["open"]:
                state["fired"] = True
                _async_raise(target, _ThreadTimeout)

    timer = threading.Timer(seconds, _expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _ThreadTimeout:
        raise LetterTimeout(f"took longer than {seconds:g} s (timeout)") from None
    finally:
        timer.cancel()
        with lock:
            state["open"] = False
            if state["fired"]:
                _async_raise(target, None)  # withdraw an exception not yet raised


class _ThreadTimeout(LetterTimeout):
    """Raised asynchronously in a thread by `_thread_deadline` (turned into `LetterTimeout`)."""


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    """Set (or with None, clear) the pending asynchronous exception of a thread."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


def _failed(task: Task, exc: BaseException) -> Outcome:
    """A failure outcome with a one-line reason: the ingest reason, or the exception for anything else."""
    if isinstance(exc, IngestError):
        return Outcome(task.index, task.path, reason=exc.reason, kind="ingest")
    if isinstance(exc, LetterTimeout):
        return Outcome(task.index, task.path, reason=str(exc) or "took longer than the time limit (timeout)",
                       kind="timeout")
    detail = " ".join(str(exc).split())[:300]
    return Outcome(task.index, task.path, reason=f"internal error: {type(exc).__name__}: {detail}", kind="error")


def iter_chunk(nlp: Language, tasks: Sequence[Task], config: WorkConfig) -> Iterator[Outcome]:
    """Extract a chunk of letters, yielding each outcome as it is ready (unreadable letters first)."""
    ready: list[tuple[Task, Prepared]] = []
    for task in tasks:
        try:
            with deadline(config.timeout):
                ready.append((task, prepare_location(task.path)))
        except Exception as exc:  # one broken letter must never stop the batch
            yield _failed(task, exc)
    with chunk_zone(nlp, len(ready)):
        for task, result in _extract(nlp, ready, config):
            yield _render(task, result, config.indents)


def prepare_location(path: str) -> Prepared:
    """`prepare` for a local path or a URL; a remote letter is fetched (with its OEP metadata file) first."""
    loc = as_location(path)
    if isinstance(loc, Path):
        return prepare(path)
    companions: tuple[str, ...] = ()
    if Path(name_of(loc)).suffix.lower() in (".xml", ".html", ".htm", ".xhtml"):
        from mhextract.ingest.lines import vocab

        companions = tuple(vocab()["oep"]["metadata_file_names"])
    with local_copy(loc, companions) as local:
        prepared = prepare(local)
    prepared.letter.path = path
    return prepared


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


def warm_up(nlp: Language) -> None:
    """Run the pipeline once outside any memory zone, so lazily built state is never freed by one."""
    with suppress(Exception):  # a component bug shows up, per letter, on the real letters
        nlp("Bij brief van 1 januari 2020 (Kamerstuk 28 638, nr. 1) meldde de minister 25 zaken.")
