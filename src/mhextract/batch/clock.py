"""Per-letter time limits: each letter has one budget (`--timeout`) for all of its own work.

A letter's budget is spent by the stages that work on it alone (reading, tokenising,
each rule component, building the record), so the limit a user gives is the limit a
letter gets, however it is batched. `LetterTimeout` is a `BaseException`, so no
reader's `except Exception` can mistake it for a corrupt file.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class LetterTimeout(BaseException):
    """One letter took longer than its time limit."""


@dataclass
class Budget:
    """The time a letter may still take: `limit` seconds in all (None = no limit), `spent` so far."""

    limit: float | None
    spent: float = 0.0

    @property
    def left(self) -> float | None:
        return None if self.limit is None else self.limit - self.spent

    @contextmanager
    def charge(self) -> Iterator[None]:
        """Run a stage of this letter's own work under what is left of its budget, and charge it."""
        start = time.perf_counter()
        try:
            if self.limit is not None and self.spent >= self.limit:
                raise self.expired()
            with deadline(self.left, self):
                yield
        finally:
            self.spent += time.perf_counter() - start

    def expired(self) -> LetterTimeout:
        return LetterTimeout(f"took longer than {self.limit:g} s (timeout)")


@contextmanager
def deadline(seconds: float | None, budget: Budget | None = None) -> Iterator[None]:
    """Raise `LetterTimeout` in this block after `seconds`: by SIGALRM in the main thread (POSIX),
    else (a Dask worker's task thread) as an asynchronous exception in the thread."""
    if seconds is None:
        yield
        return
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        with _thread_deadline(max(seconds, 1e-3), budget):
            yield
        return

    def _expire(signum: int, frame: object) -> None:
        raise budget.expired() if budget is not None else LetterTimeout(f"took longer than {seconds:g} s (timeout)")

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 1e-3))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_deadline(seconds: float, budget: Budget | None = None) -> Iterator[None]:
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
        raise (budget.expired() if budget is not None
               else LetterTimeout(f"took longer than {seconds:g} s (timeout)")) from None
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
