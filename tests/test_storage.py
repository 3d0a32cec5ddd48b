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
