"""Running chunks of letters: in this process, or in a process pool that isolates crashes.

With more than one worker, chunks go to a process pool, a few in flight per worker,
and come back in input order. A worker that dies (a crash, the OOM killer) breaks the
pool: the pool is rebuilt and the chunks it held are redone one letter at a time, so
only the letter that kills a worker again fails (as a `crash`). Workers ignore Ctrl-C;
the parent stops them (also on SIGTERM), and the kernel kills them if the parent dies.
"""

from __future__ import annotations

import ctypes
import io
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import Any

from spacy.language import Language

from mhextract.analysis.pipeline import load_pipeline
from mhextract.batch.chunks import Outcome, Task, WorkConfig, iter_chunk, run_chunk, warm_up

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
AUTO_WORKERS_MAX = 4  # `workers=0` uses up to this many processes, never more than the cores

# Worker processes: the pipeline is inherited (fork) or loaded once by the initializer (spawn).
_WORKER_NLP: Language | None = None


def auto_workers() -> int:
    """Processes for `workers=0`: one per usable core, at most AUTO_WORKERS_MAX."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, AUTO_WORKERS_MAX))


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux `PR_SET_PDEATHSIG`), so a
    SIGKILLed run leaves no orphaned workers; exit at once if the parent is already gone."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(model: str | None, parent: int) -> None:
    """Per worker: die with the parent, ignore Ctrl-C (the parent stops the pool), have a pipeline."""
    global _WORKER_NLP
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker must not inherit the parent's handler
    if _WORKER_NLP is None:
        _WORKER_NLP = load_pipeline(model, warn=io.StringIO())
        warm_up(_WORKER_NLP)


def _worker_chunk(tasks: list[Task], config: WorkConfig) -> list[Outcome]:
    """A worker's task: one chunk through the worker's pipeline."""
    assert _WORKER_NLP is not None, "worker not initialised"
    return run_chunk(_WORKER_NLP, tasks, config)


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
                                   initializer=_init_worker, initargs=(self.config.model, os.getpid()))

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


def run_parallel(
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
    """Whether a chunk's future went down with the pool (it then holds an exception)."""
    return future.exception() is not None


def _isolated(pool: _Pool, task: Task) -> Outcome:
    """Run one letter alone in the pool; if the worker dies again, that letter is the one."""
    try:
        return pool.submit([task]).result()[0]
    except BrokenProcessPool:
        pool.restart()
        return Outcome(task.index, task.path, kind="crash",
                       reason="the worker process died on this letter (crash or out of memory)")


def run_in_process(nlp: Language, chunks: Iterable[list[Task]], config: WorkConfig) -> Iterator[Outcome]:
    """Chunks in this process, one after another, each outcome as soon as it is ready."""
    for chunk in chunks:
        yield from iter_chunk(nlp, chunk, config)
