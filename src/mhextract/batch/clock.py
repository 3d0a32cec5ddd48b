"""Per-letter time limits: each letter has one budget (`--timeout`) for all of its own work.

A letter's budget is spent by the stages that work on it alone (reading, tokenising,
each rule component, building the record), so the limit a user gives is the limit a
letter gets, however it is batched. `LetterTimeout` is a `BaseException`, so no
reader's `except Exception` can mistake it for a corrupt file.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class LetterTimeout(BaseException):
    """One letter took longer than its time limit."""


@dataclass
class Budget:
    """The time a letter may still take: `limit` seconds in all (None = no limit), `spent` so far."""

    limit: float | None
    spent: float = 0.0
    letters: tuple[int, ...] = ()  # whose budget (task indices), named if a thread is stuck in one C call

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
def deadline(seconds: float | None, budget: Budget | None = None, letters: tuple[int, ...] = ()) -> Iterator[None]:
    """Raise `LetterTimeout` in this block after `seconds`: by SIGALRM in the main thread (POSIX),
    else (a Dask worker's task thread) as an asynchronous exception in the thread."""
    if seconds is None:
        yield
        return
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        with _thread_deadline(max(seconds, 1e-3), budget, budget.letters if budget is not None else letters):
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
def _thread_deadline(seconds: float, budget: Budget | None = None, letters: tuple[int, ...] = ()) -> Iterator[None]:
    """A time limit for a non-main thread: the watchdog raises `LetterTimeout` in it at its next bytecode.

    Python code that loops is stopped; a single C call (one huge regex match) is stopped
    when it returns (or, if it does not return within `STUCK_GRACE`, reported to `on_stuck`).
    A limit that fires as the block ends is withdrawn, never raised later.
    """
    entry = _WATCHDOG.arm(seconds, letters)
    try:
        yield
    except _ThreadTimeout:
        raise (budget.expired() if budget is not None
               else LetterTimeout(f"took longer than {seconds:g} s (timeout)")) from None
    finally:
        _WATCHDOG.disarm(entry)


@dataclass
class _Armed:
    """One armed limit: when it fires, in which thread, and whether it fired."""

    when: float
    thread: int
    letters: tuple[int, ...]
    fired: bool = False
    reported: bool = False


class _Watchdog:
    """One thread per process that raises `_ThreadTimeout` in threads past their deadline.

    Arming and disarming are a dict update under a lock (a thread per limit cost a thread
    start and a wake-up per stage of every letter); the thread sleeps until the earliest
    deadline and is woken only when an earlier one is armed. A thread that has not taken
    its exception `STUCK_GRACE` seconds after it fired is stuck in one C call (the exception
    waits for the next bytecode): `on_stuck(letters)` is called once, from the watchdog
    thread, so that the process can be replaced (`batch.cluster`).
    """

    def __init__(self) -> None:
        self.cond = threading.Condition()
        self.armed: dict[int, _Armed] = {}
        self.serial = 0
        self.waking = float("inf")  # when the thread wakes next
        self.thread: threading.Thread | None = None
        self.on_stuck: Callable[[tuple[int, ...]], None] | None = None

    def arm(self, seconds: float, letters: tuple[int, ...] = ()) -> int:
        with self.cond:
            self.serial += 1
            when = time.monotonic() + seconds
            self.armed[self.serial] = _Armed(when, threading.get_ident(), letters)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="mhextract-letter-timeouts", daemon=True)
                self.thread.start()
            elif when < self.waking:
                self.cond.notify()
            return self.serial

    def disarm(self, serial: int) -> None:
        with self.cond:
            entry = self.armed.pop(serial)
            if entry.fired:
                _async_raise(entry.thread, None)  # withdraw an exception not yet raised

    def _run(self) -> None:
        with self.cond:
            while True:
                now = time.monotonic()
                for entry in self.armed.values():
                    if not entry.fired and entry.when <= now:
                        entry.fired = True
                        _async_raise(entry.thread, _ThreadTimeout)
                    elif entry.fired and not entry.reported and entry.when + STUCK_GRACE <= now:
                        entry.reported = True
                        if self.on_stuck is not None:
                            self.on_stuck(entry.letters)
                pending = [e.when + (STUCK_GRACE if e.fired else 0.0) for e in self.armed.values() if not e.reported]
                self.waking = min(pending, default=float("inf"))
                self.cond.wait(None if not pending else max(self.waking - now, 1e-3))


STUCK_GRACE = 2.0  # seconds a fired thread may stay in one C call before it counts as stuck
_WATCHDOG = _Watchdog()


def on_stuck(handler: Callable[[tuple[int, ...]], None] | None) -> None:
    """Have `handler(letters)` called when a thread is stuck in one C call past a letter's limit."""
    _WATCHDOG.on_stuck = handler


def _new_watchdog() -> None:
    """In a forked child: a fresh watchdog (the parent's thread and lock state do not carry over)."""
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_watchdog)


class _ThreadTimeout(LetterTimeout):
    """Raised asynchronously in a thread by `_thread_deadline` (turned into `LetterTimeout`)."""


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    """Set (or with None, clear) the pending asynchronous exception of a thread."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)
