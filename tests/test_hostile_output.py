"""Output faults: a disk that fills up mid-record, torn JSONL lines from older runs, the lock during the merge."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from mhextract import batch
from mhextract.analysis.pipeline import load_pipeline
from mhextract.batch import stores
from mhextract.cli import app

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))
runner = CliRunner()


@pytest.fixture(scope="module")
def blank() -> Language:
    return load_pipeline("blank:nl")


def _letters(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(src, folder / src.name)) for src in LETTERS[:count]]


def _valid_lines(path: Path) -> list[str]:
    """The source paths of a JSONL file; fails unless every line is one whole JSON record with a newline."""
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n")
    return [json.loads(line)["source"]["path"] for line in data.decode("utf-8").splitlines()]


class _FillingDisk:
    """`os.write` on a disk that fills up: after `records` whole records, half a record is written, then ENOSPC."""

    def __init__(self, records: int) -> None:
        self.records = records
        self.real = os.write
        self.full = False

    def __call__(self, fd: int, data: bytes | memoryview) -> int:
        if len(data) < 1000:
            return self.real(fd, data)
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        if self.records == 0:
            self.full = True
            return self.real(fd, bytes(data[: len(data) // 2]))
        self.records -= 1
        return self.real(fd, data)


def test_disk_full_mid_record_leaves_whole_lines_and_rerun_completes(
    tmp_path: Path, blank: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, target = tmp_path / "in", tmp_path / "all.jsonl"
    files = _letters(folder, 4)
    items = batch.expand_inputs([folder])
    monkeypatch.setattr(stores.os, "write", _FillingDisk(records=2))
    with pytest.raises(OSError) as caught:
        batch.run_batch(items, blank, batch.BatchOptions(jsonl=target, quiet=True, workers=1))
    monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    partial = target.with_name(target.name + ".partial")
    assert len(_valid_lines(partial)) == 2  # the torn third record was cut off again

    summary = batch.run_batch(items, blank, batch.BatchOptions(jsonl=target, quiet=True, workers=1))

    assert (summary.done, summary.skipped, summary.exit_code) == (2, 2, 0)
    assert _valid_lines(target) == [str(p) for p in files]
    assert not partial.exists()


def test_full_disk_fails_once_with_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _letters(folder, 4)

    def full(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(stores, "atomic_write", full)
    result = runner.invoke(app, ["parse", str(folder), "--out", str(out), "--model", "blank:nl", "--quiet"])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("mhextract: error")]
    assert len(errors) == 1 and "No space left on device" in errors[0]


def test_torn_line_of_an_older_run_is_redone_and_dropped(tmp_path: Path, blank: Language) -> None:
    folder, target = tmp_path / "in", tmp_path / "all.jsonl"
    files = _letters(folder, 4)
    items = batch.expand_inputs([folder])
    batch.run_batch(items, blank, batch.BatchOptions(jsonl=target, quiet=True, workers=1))
    lines = target.read_bytes().splitlines(keepends=True)
    # What the old writer left after a transient full disk: record 1 torn and glued to record 2,
    # and a last record without its newline.
    target.write_bytes(lines[0] + lines[1][:700] + lines[2] + lines[3][:-1])

    summary = batch.run_batch(items, blank, batch.BatchOptions(jsonl=target, quiet=True, workers=1))

    assert (summary.done, summary.skipped) == (3, 1)
    assert _valid_lines(target) == [str(p) for p in files]


def test_lock_is_held_through_the_merge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "all.jsonl"
    store = batch.JsonlStore(target)
    seen: list[str] = []
    real_replace = os.replace

    def replace_while_another_run_starts(src: str | Path, dst: str | Path) -> None:
        try:
            batch.JsonlStore(target).close()
            seen.append("second run got in")
        except OSError as exc:
            seen.append(str(exc))
        real_replace(src, dst)

    monkeypatch.setattr(stores.os, "replace", replace_while_another_run_starts)
    store.finish([])
    monkeypatch.undo()
    assert len(seen) == 1 and "another mhextract run is writing" in seen[0]
    batch.JsonlStore(target).close()  # after the merge the file is free again


def _mount_tmpfs(where: Path, size: str, remount: bool = False) -> bool:
    options = f"remount,size={size}" if remount else f"size={size}"
    cmd = ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)]
    return subprocess.run(cmd, capture_output=True).returncode == 0


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None,
                    reason="a real tmpfs needs root and mount")
def test_real_small_tmpfs_fills_then_grows(tmp_path: Path) -> None:
    folder, disk = tmp_path / "in", tmp_path / "disk"
    disk.mkdir()
    _letters(folder, 5)
    if not _mount_tmpfs(disk, "150k"):
        pytest.skip("cannot mount a tmpfs here")
    try:
        cmd = [sys.executable, "-m", "mhextract.cli", "parse", str(folder), "--jsonl", str(disk / "all.jsonl"),
               "--model", "blank:nl", "--workers", "1", "--quiet"]
        first = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert first.returncode == 2, first.stderr
        assert first.stderr.count("mhextract: error") == 1 and "No space left" in first.stderr
        for name in ("all.jsonl", "all.jsonl.partial"):
            if (disk / name).exists():
                _valid_lines(disk / name)
        assert _mount_tmpfs(disk, "4m", remount=True)
        second = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr
        assert _valid_lines(disk / "all.jsonl") == sorted(str(p) for p in folder.iterdir())
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_unreadable_arguments_fail_alone_one_line_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    good = _letters(folder, 2)
    (folder / "loop1").symlink_to(folder / "loop2")
    (folder / "loop2").symlink_to(folder / "loop1")
    odd = folder / "two\nlines.txt"
    shutil.copy(good[0], odd)
    secret = tmp_path / "locked"
    secret.mkdir()
    real_listdir = os.listdir

    def listdir(path: str | Path) -> list[str]:  # root reads everything: simulate the permission error
        if Path(path) == secret:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    result = runner.invoke(app, ["parse", str(good[0]), str(folder / "loop1"), str(secret), str(odd), str(good[1]),
                                 "--out", str(out), "--model", "blank:nl", "--quiet"])
    assert result.exit_code == 1, result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all(line.startswith("mhextract: error: ") for line in errors)
    assert "loop1: cannot open file" in errors[0]
    assert "locked: cannot read directory: Permission denied" in errors[1]
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{good[0].stem}.json", f"{good[1].stem}.json",
                                                            "two\nlines.json"])


def test_newline_in_a_file_name_stays_on_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad\nname.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(bad), "--model", "blank:nl"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"mhextract: error: {tmp_path}/bad\\nname.txt: file is empty"]
