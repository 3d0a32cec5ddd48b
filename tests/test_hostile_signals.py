"""Signals: SIGTERM stops a run as cleanly as Ctrl-C (exit 143), and workers never outlive a killed parent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or sys.platform != "linux",
                                reason="reads processes from /proc (Linux)")


def _letters(folder: Path, count: int) -> None:
    """`count` distinct long letters (each a corpus letter twice), so a run lasts a few seconds."""
    folder.mkdir()
    for i in range(count):
        src = LETTERS[i % len(LETTERS)].read_bytes()
        (folder / f"{i:03d}.txt").write_bytes(src * 2 + b" " * (i + 1))


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(folder: Path, *extra: str) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "mhextract.cli", "parse", str(folder), "--model", "blank:nl", "--batch-size", "1",
           "--quiet", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(condition, seconds: float = 60) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_sigterm_stops_cleanly_with_exit_143(tmp_path: Path) -> None:
    folder, out, target = tmp_path / "in", tmp_path / "out", tmp_path / "all.jsonl"
    _letters(folder, 34)
    proc = _start(folder, "--out", str(out), "--jsonl", str(target), "--workers", "2")
    assert _wait_for(lambda: len(_children(proc.pid)) >= 2)
    time.sleep(1.0)  # the workers are extracting
    workers = _children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    try:
        _, stderr = proc.communicate(timeout=30)
        assert proc.returncode == 143, stderr.decode()
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 10)
    finally:
        for w in workers:  # never leave them behind, even when the test fails
            if _alive(w):
                os.kill(w, signal.SIGKILL)
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    for path in out.glob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    partial = target.with_name(target.name + ".partial")
    data = partial.read_bytes() if partial.exists() else b""
    assert data == b"" or data.endswith(b"\n")
    assert all(json.loads(line) for line in data.splitlines())


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _letters(folder, 34)
    proc = _start(folder, "--out", str(out), "--workers", "2")
    try:
        assert _wait_for(lambda: len(_children(proc.pid)) >= 2)
        time.sleep(1.0)  # the workers are extracting
        workers = _children(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    try:
        assert _wait_for(lambda: not any(_alive(w) for w in workers), 10), "workers outlived their parent"
    finally:
        for w in workers:  # never leave them behind, even when the test fails
            if _alive(w):
                os.kill(w, signal.SIGKILL)
