"""fsspec locations: `s3://` in and out against a local S3 server (moto, on 127.0.0.1), `file://` URLs."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import Cli
from mhextract import storage

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))


@pytest.fixture(scope="module")
def s3() -> Iterator[Any]:
    """A moto S3 server on 127.0.0.1 (never a real cloud) and an s3fs filesystem pointed at it."""
    fsspec = pytest.importorskip("fsspec")
    pytest.importorskip("s3fs")
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    settings = {"endpoint_url": f"http://{host}:{port}", "key": "testing", "secret": "testing",
                "client_kwargs": {"region_name": "eu-central-1"}}
    previous = fsspec.config.conf.get("s3")
    fsspec.config.conf["s3"] = settings  # how a user points s3fs at MinIO or another S3 (FSSPEC_S3_ENDPOINT_URL)
    try:
        fs = fsspec.filesystem("s3", skip_instance_cache=True)
        fs.mkdir("letters")
        yield fs
    finally:
        if previous is None:
            fsspec.config.conf.pop("s3", None)
        else:
            fsspec.config.conf["s3"] = previous
        server.stop()


def test_s3_in_and_out_matches_local_and_reruns_skip(cli: Cli, tmp_path: Path, s3: Any) -> None:
    local = tmp_path / "in"
    local.mkdir()
    for src in LETTERS[:3]:
        shutil.copy(src, local / src.name)
    (local / "sub").mkdir()
    shutil.copy(LETTERS[3], local / "sub" / LETTERS[3].name)
    (local / "empty.txt").write_bytes(b"")
    s3.put(str(local) + "/", "letters/in/", recursive=True)

    args = ["--jsonl", "s3://letters/out/all.jsonl", "--errors", "s3://letters/out/errors.jsonl", "--model", "blank:nl"]
    code, stderr = cli("parse", "s3://letters/in/", "--out", "s3://letters/out/records", *args)
    assert code == 1, stderr
    assert "4 done, 0 skipped (unchanged), 1 failed" in stderr
    assert "mhextract: error: s3://letters/in/empty.txt: file is empty" in stderr
    names = sorted(p.split("/out/records/", 1)[1] for p in s3.find("letters/out/records"))
    assert names == sorted([f"{p.stem}.json" for p in LETTERS[:3]] + [f"sub/{LETTERS[3].stem}.json"])

    # the same records as the local run, apart from the source path
    code, _ = cli("parse", local, "--out", tmp_path / "records", "--model", "blank:nl")
    for name in names:
        remote = json.loads(s3.cat_file(f"letters/out/records/{name}"))
        mine = json.loads((tmp_path / "records" / name).read_text(encoding="utf-8"))
        assert remote["source"].pop("path") == f"s3://letters/in/{name[:-5]}.txt"
        mine["source"].pop("path")
        assert remote == mine
    lines = s3.cat_file("letters/out/all.jsonl").decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [
        f"s3://letters/in/{p.name}" for p in LETTERS[:3]] + [f"s3://letters/in/sub/{LETTERS[3].name}"]
    failures = [json.loads(line) for line in s3.cat_file("letters/out/errors.jsonl").decode().splitlines()]
    assert [(f["path"], f["kind"]) for f in failures] == [("s3://letters/in/empty.txt", "ingest")]

    # a re-run reads the stamps back from S3 and skips every unchanged letter
    code, stderr = cli("parse", "s3://letters/in/", "--out", "s3://letters/out/records", *args)
    assert "0 done, 4 skipped (unchanged), 1 failed" in stderr
    assert s3.cat_file("letters/out/all.jsonl").decode().splitlines() == lines

    # tables from the S3 JSONL, written to S3 as Parquet, read back with pandas
    code, stderr = cli("tables", "s3://letters/out/all.jsonl", "-o", "s3://letters/tables/")
    assert code == 0, stderr
    import pandas as pd

    with s3.open("letters/tables/letters.parquet", "rb") as fh:
        letters = pd.read_parquet(fh)
    assert sorted(letters["letter"]) == sorted(p.stem for p in LETTERS[:4])


def test_file_urls_are_local_paths(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LETTERS[0], folder / LETTERS[0].name)
    code, stderr = cli("parse", f"file://{folder}", "--out", f"file://{tmp_path}/out", "--model", "blank:nl")
    assert code == 0, stderr
    record = json.loads((tmp_path / "out" / f"{LETTERS[0].stem}.json").read_text(encoding="utf-8"))
    assert record["source"]["path"] == str(folder / LETTERS[0].name)
    assert storage.as_location("s3://b/k") == "s3://b/k"
    assert storage.as_location(f"file://{folder}") == folder
    assert storage.join("s3://b/p/", "sub/x.json") == "s3://b/p/sub/x.json"


def test_missing_driver_is_a_clear_error() -> None:
    with pytest.raises(OSError, match="no filesystem driver for nosuchscheme://"):
        storage.read_bytes("nosuchscheme://bucket/x.txt")


def _letters(folder: Path, count: int) -> list[Path]:
    """`count` distinct short letters: the opening of a corpus letter, a numbered line, a signature."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8")[:2500] for p in LETTERS]
    paths = []
    for i in range(count):
        path = folder / f"l{i:03d}.txt"
        path.write_text(f"{texts[i % len(texts)]}\n\nGeachte voorzitter, zie Kamerstuk 28 638, nr. {i + 1}.\n\n"
                        "De minister van Financiën,\n\nJ. Jansen\n", encoding="utf-8")
        paths.append(path)
    return paths


def _part_lines(s3: Any, prefix: str) -> list[str]:
    s3.invalidate_cache()
    return [line for part in sorted(s3.glob(prefix + "/*.jsonl")) for line in s3.cat_file(part).decode().splitlines()]


def test_remote_jsonl_is_streamed_in_parts_while_the_run_goes(tmp_path: Path, s3: Any) -> None:
    from mhextract import batch
    from mhextract.analysis.pipeline import load_pipeline
    from mhextract.batch.remote_jsonl import PART_LINES

    letters = _letters(tmp_path / "in", 36)
    seen: list[tuple[int, int]] = []

    def look(outcome: batch.Outcome) -> None:  # after every third record: how many lines are in S3 already
        written = outcome.index + 1
        if written % 3 == 0:
            seen.append((written, len(_part_lines(s3, "letters/stream/all.jsonl.parts"))))

    options = batch.BatchOptions(jsonl="s3://letters/stream/all.jsonl", model="blank:nl", workers=1, quiet=True)
    summary = batch.run_batch(batch.expand_inputs(letters), load_pipeline("blank:nl"), options, on_outcome=look)
    assert summary.done == 36
    assert all(streamed >= written - (PART_LINES - 1) for written, streamed in seen), seen  # at most a part behind
    assert max(streamed for _, streamed in seen) >= 32
    lines = s3.cat_file("letters/stream/all.jsonl").decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(p) for p in letters]
    assert _part_lines(s3, "letters/stream/all.jsonl.parts") == []  # merged into the one object, parts removed


def test_killed_driver_loses_at_most_the_last_part_of_a_remote_jsonl(tmp_path: Path, s3: Any, cli: Cli) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    letters = _letters(tmp_path / "in", 80)
    conf = json.dumps(__import__("fsspec").config.conf["s3"])
    env = {**os.environ, "FSSPEC_S3": conf, "MHEXTRACT_QUIET": "1"}
    target = "s3://letters/killed/all.jsonl"
    args = ["parse", str(tmp_path / "in"), "--jsonl", target, "--model", "blank:nl", "--workers", "1"]
    run = subprocess.Popen([str(Path(sys.executable).parent / "mhextract"), *args], env=env,
                           stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while len(_part_lines(s3, "letters/killed/all.jsonl.parts")) < 32:
        assert run.poll() is None and time.monotonic() < deadline, "no parts while the run went"
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    assert not s3.exists("letters/killed/all.jsonl")
    streamed = {json.loads(line)["source"]["path"] for line in _part_lines(s3, "letters/killed/all.jsonl.parts")}
    assert len(streamed) >= 32

    # the next run takes the streamed records as done (skips them) and merges everything into one object
    code, stderr = cli(*args)
    assert code == 0, stderr
    assert f"{len(letters) - len(streamed)} done, {len(streamed)} skipped (unchanged), 0 failed" in stderr
    lines = s3.cat_file("letters/killed/all.jsonl").decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [str(p) for p in letters]
    assert _part_lines(s3, "letters/killed/all.jsonl.parts") == []


@pytest.fixture
def gcs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A GCS emulator (`gcp-storage-emulator`, in memory) on 127.0.0.1 and gcsfs pointed at it, anonymously."""
    # gcsfs would ask the real storage-control API (gRPC) for each bucket's layout: not on an emulator
    # (read when gcsfs is imported)
    monkeypatch.setenv("GCSFS_EXPERIMENTAL_ZB_HNS_SUPPORT", "false")
    pytest.importorskip("gcsfs")
    emulator = pytest.importorskip("gcp_storage_emulator.server")
    import socket

    import fsspec

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = emulator.create_server("127.0.0.1", port, in_memory=True, default_bucket="letters")
    server.start()
    monkeypatch.setitem(fsspec.config.conf, "gcs",
                        {"endpoint_url": f"http://127.0.0.1:{port}", "token": "anon", "project": "test"})
    try:
        yield fsspec.filesystem("gcs", skip_instance_cache=True)
    finally:
        server.stop()


def test_gs_in_and_out_against_a_local_emulator(tmp_path: Path, gcs: Any, cli: Cli) -> None:
    local = tmp_path / "in"
    local.mkdir()
    for src in LETTERS[:2]:
        shutil.copy(src, local / src.name)
    (local / "sub").mkdir()
    shutil.copy(LETTERS[2], local / "sub" / LETTERS[2].name)
    (local / "empty.txt").write_bytes(b"")
    for path in sorted(p for p in local.rglob("*") if p.is_file()):
        gcs.pipe_file(f"letters/in/{path.relative_to(local).as_posix()}", path.read_bytes())

    args = ["--jsonl", "gs://letters/out/all.jsonl", "--errors", "gs://letters/out/errors.jsonl", "--model", "blank:nl"]
    code, stderr = cli("parse", "gs://letters/in/", "--out", "gs://letters/out/records", *args)
    assert code == 1, stderr
    assert "3 done, 0 skipped (unchanged), 1 failed" in stderr
    code, _ = cli("parse", local, "--out", tmp_path / "records", "--model", "blank:nl")
    names = [f"{p.stem}.json" for p in LETTERS[:2]] + [f"sub/{LETTERS[2].stem}.json"]
    for name in names:
        remote = json.loads(gcs.cat_file(f"letters/out/records/{name}"))
        mine = json.loads((tmp_path / "records" / name).read_text(encoding="utf-8"))
        assert remote["source"].pop("path") == f"gs://letters/in/{name[:-5]}.txt"
        mine["source"].pop("path")
        assert remote == mine
    lines = gcs.cat_file("letters/out/all.jsonl").decode().splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == [
        f"gs://letters/in/{p.name}" for p in LETTERS[:2]] + [f"gs://letters/in/sub/{LETTERS[2].name}"]
    failures = [json.loads(line) for line in gcs.cat_file("letters/out/errors.jsonl").decode().splitlines()]
    assert [(f["path"], f["kind"]) for f in failures] == [("gs://letters/in/empty.txt", "ingest")]
    gcs.invalidate_cache()
    assert gcs.glob("letters/out/all.jsonl.parts/*") == []

    # a re-run reads the stamps back from the emulator and skips every unchanged letter
    code, stderr = cli("parse", "gs://letters/in/", "--out", "gs://letters/out/records", *args)
    assert "0 done, 3 skipped (unchanged), 1 failed" in stderr
    assert gcs.cat_file("letters/out/all.jsonl").decode().splitlines() == lines
