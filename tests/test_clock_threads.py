"""Letter time limits in a non-main thread (a Dask worker's task thread): one watchdog thread per process."""

from __future__ import annotations

import ctypes
import threading
import time

import pytest

from mhextract.batch import clock
from mhextract.batch.clock import Budget, LetterTimeout, deadline


def _in_thread(fn):  # type: ignore[no-untyped-def]
    """Run `fn` in a new thread; its result or exception."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["result"] = fn()
        except BaseException as exc:  # handed back to the test
            box["error"] = exc

    t = threading.Thread(target=run)
    t.start()
    t.join(30)
    assert not t.is_alive()
    return box


def test_a_python_loop_in_a_thread_is_stopped_and_short_blocks_never_fire_later() -> None:
    def loop() -> None:
        budget = Budget(0.3)
        with budget.charge():
            while True:
                pass

    box = _in_thread(loop)
    assert isinstance(box.get("error"), LetterTimeout), box

    def many() -> int:  # thousands of short limits: none fires after its block (a late one would raise here)
        for _ in range(5000):
            with deadline(0.05):
                pass
        time.sleep(0.2)
        return 1

    assert _in_thread(many) == {"result": 1}


def test_a_thread_stuck_in_one_c_call_is_reported_with_its_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "STUCK_GRACE", 0.3)
    reported: list[tuple[tuple[int, ...], float]] = []
    clock.on_stuck(lambda letters: reported.append((letters, time.monotonic())))
    libc = ctypes.CDLL(None)
    try:
        def stuck() -> None:
            with Budget(0.2, letters=(7,)).charge():
                libc.usleep(1_500_000)  # C, GIL released: the timeout exception waits until it returns

        started = time.monotonic()
        box = _in_thread(stuck)
        assert isinstance(box.get("error"), LetterTimeout)  # raised when the call returned
        assert time.monotonic() - started >= 1.4
        assert [letters for letters, _ in reported] == [(7,)]
        assert reported[0][1] - started < 1.2  # ... but reported while it was still in the call
    finally:
        clock.on_stuck(None)
