"""`mhextract parse --cluster`: real Dask clusters on 127.0.0.1 (a LocalCluster, and `dask scheduler` +
`dask worker` processes), compared with the in-process path; a worker killed mid-run loses no letter."""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from mhextract import batch
from mhextract.analysis.pipeline import load_pipeline
from mhextract.batch.cluster import Cluster, connect, letters_seen
from mhextract.cli import app
from mhextract.record.model import Record

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))
BIN = Path(sys.executable).parent
runner = CliRunner()


def _mixed_folder(folder: Path) -> dict[str, str]:
    """Good letters and bad inputs; the bad ones by name with (part of) their reason."""
    folder.mkdir(parents=True)
    for src in LETTERS:
        shutil.copy(src, folder / src.name)
    (folder / "sub").mkdir()
    shutil.copy(LETTERS[0], folder / "sub" / "copy.md")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    return {"empty.txt": "file is empty", "junk.txt": "binary content", "truncated.pdf": "PDF"}


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    """`--cluster local:2`: a LocalCluster of 2 worker processes over TCP (closed before the next tests start)."""
    started = connect("local:2", "blank:nl")
    try:
        yield started
    finally:
        started.close()


def test_local_cluster_gives_the_in_process_records_and_errors(tmp_path: Path, cluster: Cluster) -> None:
    bad = _mixed_folder(tmp_path / "in")
    files = batch.expand_inputs([tmp_path / "in"])
    nlp = load_pipeline("blank:nl")
    results = {}
    for mode, extra in (("local", {"workers": 1}), ("cluster", {"cluster": cluster.local.scheduler_address})):
        base = tmp_path / mode
        options = batch.BatchOptions(out=base / "records", jsonl=base / "all.jsonl", errors=base / "errors.jsonl",
                                     model="blank:nl", batch_size=1, chunk_size=1, quiet=True, **extra)
        summary = batch.run_batch(files, nlp, options)
        assert summary.exit_code == 1
        results[mode] = (summary, base)
    (local, lbase), (remote, rbase) = results["local"], results["cluster"]
    assert remote.cluster and remote.workers == 2
    assert remote.sent == len(files) and remote.done == len(LETTERS) + 1
    assert _files(rbase / "records") == _files(lbase / "records")  # byte for byte (records carry no timings)
    assert (rbase / "all.jsonl").read_bytes() == (lbase / "all.jsonl").read_bytes()
    assert (rbase / "errors.jsonl").read_bytes() == (lbase / "errors.jsonl").read_bytes()
    assert [(Path(f.path).name, f.kind) for f in remote.failures] == [
        (Path(f.path).name, f.kind) for f in local.failures]
    reasons = {Path(f.path).name: f.reason for f in remote.failures}
    assert sorted(reasons) == sorted(bad) and all(bad[n] in reasons[n] for n in bad), reasons
    seen = cluster.client.run(letters_seen)
    assert len(seen) == 2 and all(n > 0 for n in seen.values()), seen  # both workers did letters


@pytest.mark.parametrize("spec", ["local:0", "scheduler:8786", "http://127.0.0.1:8786"])
def test_bad_cluster_spec_is_a_usage_error(tmp_path: Path, spec: str) -> None:
    result = runner.invoke(app, ["parse", str(LETTERS[0]), "--cluster", spec, "--model", "blank:nl"])
    assert result.exit_code == 2
    assert "tcp://HOST:PORT" in result.stderr or "N >= 1" in result.stderr


# --- a cluster of separate processes: `dask scheduler` and two `dask worker` (with their nannies) ------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def dask_processes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-thread workers on 127.0.0.1; the scheduler gives up a task whose worker dies
    (allowed-failures 0, as the README advises) so mhextract's own retry applies; yields the scheduler address."""
    logs = tmp_path_factory.mktemp("dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "0",
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
    procs = [subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--dashboard-address", ":0"], env=env, stdout=(logs / "scheduler.log").open("wb"),
                              stderr=subprocess.STDOUT)]
    try:
        procs.append(subprocess.Popen([str(BIN / "dask"), "worker", address, "--nworkers", "2", "--nthreads", "1",
                                       "--host", "127.0.0.1", "--dashboard-address", ":0"], env=env,
                                      stdout=(logs / "workers.log").open("wb"), stderr=subprocess.STDOUT,
                                      start_new_session=True))
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        if len(procs) > 1:  # the workers' group: `dask worker`, its nannies and their worker processes
            os.killpg(procs[1].pid, signal.SIGKILL)
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)


def _long_letters(folder: Path, count: int) -> list[Path]:
    """`count` distinct letters (corpus letters with a numbered closing line)."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in LETTERS]
    paths = []
    for i in range(count):
        path = folder / f"letter{i:03d}.txt"
        path.write_text(texts[i % len(texts)] + f"\n\nVolgnummer {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _task_transitions(dask_scheduler) -> int:  # type: ignore[no-untyped-def]
    return int(dask_scheduler.transition_counter)


def test_killed_worker_loses_no_letter_and_rerun_sends_nothing(tmp_path: Path, dask_processes: str) -> None:
    from distributed import Client

    letters = _long_letters(tmp_path / "in", 12)
    jsonl = tmp_path / "all.jsonl"
    args = ["parse", str(tmp_path / "in"), "--jsonl", str(jsonl), "--model", "blank:nl", "--cluster", dask_processes,
            "--chunk-size", "1", "--batch-size", "1"]
    run = subprocess.Popen([str(BIN / "mhextract"), *args], stderr=subprocess.PIPE, text=True)
    partial = tmp_path / "all.jsonl.partial"
    deadline = time.monotonic() + 60
    while not (partial.exists() and partial.read_bytes().count(b"\n") >= 2) and run.poll() is None:
        assert time.monotonic() < deadline, "no record arrived"
        time.sleep(0.05)
    with Client(dask_processes, timeout=30) as client:
        pids = client.run(os.getpid)
    os.kill(next(iter(pids.values())), signal.SIGKILL)  # one worker process dies mid-run
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 0, stderr
    assert partial.exists() is False
    records = [Record.model_validate_json(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert sorted(r.source.path for r in records) == sorted(map(str, letters))  # every letter exactly once
    assert "12 done, 0 skipped (unchanged), 0 failed" in stderr

    # a re-run skips every unchanged letter without sending it: the scheduler sees no task at all
    with Client(dask_processes, timeout=30) as client:
        before = client.run_on_scheduler(_task_transitions)
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.stderr
    assert "0 done, 12 skipped (unchanged), 0 failed" in again.stderr
    with Client(dask_processes, timeout=30) as client:
        assert client.run_on_scheduler(_task_transitions) == before > 0
    assert [json.loads(line)["source"]["path"] for line in jsonl.read_text(encoding="utf-8").splitlines()] == [
        str(p) for p in letters]


# Components for the fault test; the workers build this pipeline (`cluster_pipeline`) by importing this module.
@Language.component("test_cluster_faults")
def _faults(doc):  # type: ignore[no-untyped-def]
    if "HANGFOREVER" in doc.text:
        while True:  # a letter that never finishes (pure Python: the time limit stops it)
            pass
    if "BLOCKINC" in doc.text:
        ctypes.CDLL(None).sleep(3600)  # blocked in one C call (GIL released): no Python-level timeout reaches it
    if "KILLWORKER" in doc.text:
        os._exit(3)  # a worker dying hard, as on a segfault or the OOM killer
    return doc


def faulty_pipeline() -> Language:
    nlp = load_pipeline("blank:nl")
    nlp.add_pipe("test_cluster_faults", first=True)  # the letters spend their time limit here, not before
    return nlp


def test_hanging_and_crashing_letters_fail_alone_on_the_cluster(tmp_path: Path, dask_processes: str) -> None:
    """Last on this cluster: the crashing letter kills both workers (once in its chunk, once alone); the letter
    stuck in a C call is failed as a timeout by the driver, which restarts its worker."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):  # chunks of two: 0+1 (1 hangs in Python), 2+3 (3 kills its worker), 4+5 (4 blocks in C)
        shutil.copy(LETTERS[i % len(LETTERS)], folder / f"{i}.txt")
    (folder / "1.txt").write_text(LETTERS[1].read_text(encoding="utf-8") + "\nHANGFOREVER\n", encoding="utf-8")
    (folder / "3.txt").write_text(LETTERS[3].read_text(encoding="utf-8") + "\nKILLWORKER\n", encoding="utf-8")
    (folder / "4.txt").write_text(LETTERS[4].read_text(encoding="utf-8") + "\nBLOCKINC\n", encoding="utf-8")
    options = batch.BatchOptions(out=tmp_path / "out", model="blank:nl", batch_size=1, chunk_size=2, timeout=1.0,
                                 quiet=True, cluster=dask_processes, cluster_pipeline=faulty_pipeline)
    summary = batch.run_batch(batch.expand_inputs([folder]), load_pipeline("blank:nl"), options)
    failures = {Path(f.path).name: f for f in summary.failures}
    assert sorted((name, f.kind) for name, f in failures.items()) == [
        ("1.txt", "timeout"), ("3.txt", "crash"), ("4.txt", "timeout")]
    assert "stuck in one C call" in failures["4.txt"].reason
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["0.json", "2.json", "5.json"]  # 5: resent
    assert summary.exit_code == 1
