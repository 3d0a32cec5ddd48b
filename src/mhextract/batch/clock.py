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
    """Raise `LetterTimeout` in this block after `seconds` (main thread on POSIX only; else no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if seconds is None or not usable:
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
