"""Batch runs: bad input is isolated, runs are incremental and resumable, JSONL is one record per line."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from mhextract import batch
from mhextract.analysis.pipeline import load_pipeline
from mhextract.cli import app
from mhextract.record.model import Record

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))
runner = CliRunner()


# --- building inputs ---------------------------------------------------------------------------------------


def _pdf(path: Path, *, text: str | None = "Datum 1 juli 2020", encrypt: str | None = None) -> Path:
    """A one-page PDF: with a text line, encrypted, or image-only (a filled rectangle, no text layer)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    if text:
        c.drawString(72, 760, text)
    else:
        c.rect(72, 400, 400, 300, fill=1)
    c.showPage()
    c.save()
    return path


def _copy_letters(folder: Path, count: int = 3) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(src, folder / src.name)) for src in LETTERS[:count]]


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Each kind of bad letter in `folder`, by file name, with (part of) the reason it must fail with."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    whole = _pdf(folder / "whole.pdf").read_bytes()
    (folder / "whole.pdf").unlink()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 3])
    _pdf(folder / "encrypted.pdf", encrypt="geheim")
    _pdf(folder / "scanned.pdf", text=None)
    return {
        "empty.txt": "file is empty",
        "junk.txt": "binary content",
        "truncated.pdf": "not a valid PDF",
        "encrypted.pdf": "encrypted",
        "scanned.pdf": "no text layer",
    }


def _cp1252_letter(folder: Path) -> Path:
    """Letter 000 saved as Windows-1252: it must decode, accents intact."""
    target = folder / "cp1252.txt"
    target.write_bytes(LETTERS[0].read_text(encoding="utf-8").encode("cp1252"))
    return target


def _parse(*args: str | Path) -> tuple[int, str, str]:
    """Run `mhextract parse ... --model blank:nl`; (exit code, stdout, stderr)."""
    result = runner.invoke(app, ["parse", *map(str, args), "--model", "blank:nl"])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _records(out: Path) -> dict[str, dict[str, object]]:
    """Every record JSON under `out` (no hidden files), parsed, by relative name."""
    found = {}
    for path in sorted(out.rglob("*.json")):
        if not path.name.startswith("."):
            found[str(path.relative_to(out))] = json.loads(path.read_text(encoding="utf-8"))
    return found


def _jsonl(path: Path) -> list[Record]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [Record.model_validate_json(line) for line in lines]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".tmp", ".partial")))


@pytest.fixture(scope="module")
def blank() -> Language:
    return load_pipeline("blank:nl")


# --- bad input never stops a batch ---------------------------------------------------------------------------


def test_batch_with_every_kind_of_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = _copy_letters(folder)
    bad = _bad_inputs(folder)
    _cp1252_letter(folder)
    missing = tmp_path / "does-not-exist.txt"
    out, errors = tmp_path / "out", tmp_path / "errors.jsonl"

    code, stdout, stderr = _parse(folder, missing, "--out", out, "--errors", errors)

    assert code == 1
    records = _records(out)
    assert sorted(records) == sorted([f"{p.stem}.json" for p in good] + ["cp1252.json"])
    assert "Coördinatiecentrum" in str(records["cp1252.json"]["text"])
    assert records["cp1252.json"]["source"]["sha256"] != records[f"{LETTERS[0].stem}.json"]["source"]["sha256"]
    failures = {Path(f["path"]).name: f for f in map(json.loads, errors.read_text().splitlines())}
    assert sorted(failures) == sorted([*bad, missing.name])
    for name, reason in bad.items():
        assert reason in failures[name]["reason"], (name, failures[name])
        assert failures[name]["kind"] == "ingest"
    assert "file not found" in failures[missing.name]["reason"]
    assert f"{len(good) + 1} done, 0 skipped (unchanged), {len(bad) + 1} failed" in stderr
    assert f"mhextract: error: {folder / 'junk.txt'}: binary content" in stderr
    assert stdout == ""
    assert _leftovers(tmp_path) == []


def test_all_good_exits_zero_and_errors_file_is_empty(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _copy_letters(folder, 2)
    code, _, _ = _parse(folder, "--out", tmp_path / "out", "--errors", tmp_path / "errors.jsonl")
    assert code == 0
    assert len(_records(tmp_path / "out")) == 2
    assert (tmp_path / "errors.jsonl").read_text() == ""


def test_failing_component_fails_only_its_letter(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    files = _copy_letters(folder, 3)
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nBOOM\n", encoding="utf-8")
    nlp = load_pipeline("blank:nl")
    nlp.add_pipe("test_batch_boom")
    summary = batch.run_batch(batch.expand_inputs([folder]), nlp,
                              batch.BatchOptions(out=tmp_path / "out", quiet=True))
    assert (summary.done, summary.exit_code) == (2, 1)
    assert [(Path(f.path).name, f.kind) for f in summary.failures] == [(files[1].name, "error")]
    assert "RuntimeError: boom" in summary.failures[0].reason
    assert sorted(_records(tmp_path / "out")) == sorted(f"{p.stem}.json" for p in (files[0], files[2]))


def test_slow_letter_times_out_and_the_rest_go_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    files = _copy_letters(folder, 2)
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\nSLOW\n", encoding="utf-8")
    nlp = load_pipeline("blank:nl")
    nlp.add_pipe("test_batch_slow")
    start = time.perf_counter()
    summary = batch.run_batch(batch.expand_inputs([folder]), nlp,
                              batch.BatchOptions(out=tmp_path / "out", quiet=True, timeout=2, batch_size=2))
    assert time.perf_counter() - start < 8
    assert summary.done == 1  # each letter has its own 2 s, also the normal one on a loaded machine
    assert [(Path(f.path).name, f.kind) for f in summary.failures] == [(files[0].name, "timeout")]
    assert "2 s" in summary.failures[0].reason


@Language.component("test_batch_boom")
def _boom(doc):  # type: ignore[no-untyped-def]
    if "BOOM" in doc.text:
        raise RuntimeError("boom")
    return doc


@Language.component("test_batch_slow")
def _slow(doc):  # type: ignore[no-untyped-def]
    if "SLOW" in doc.text:
        time.sleep(10)
    return doc


@Language.component("test_batch_crash")
def _crash(doc):  # type: ignore[no-untyped-def]
    if "CRASH" in doc.text and multiprocessing_child():
        os._exit(3)  # a worker dying hard, as on a segfault or the OOM killer
    return doc


def multiprocessing_child() -> bool:
    import multiprocessing

    return multiprocessing.parent_process() is not None


# --- incremental --------------------------------------------------------------------------------------------


def test_second_run_skips_unchanged_and_force_redoes(tmp_path: Path, blank: Language) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    files = _copy_letters(folder, 3)
    items = batch.expand_inputs([folder])
    options = batch.BatchOptions(out=out, quiet=True)

    first = batch.run_batch(items, blank, options)
    assert (first.done, first.skipped) == (3, 0)
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    second = batch.run_batch(items, blank, options)
    assert (second.done, second.skipped, second.exit_code) == (0, 3, 0)
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == mtimes

    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    third = batch.run_batch(items, blank, options)
    assert (third.done, third.skipped) == (1, 2)
    assert "Nog een zin." in _records(out)[f"{files[2].stem}.json"]["text"]  # type: ignore[operator]

    forced = batch.run_batch(items, blank, batch.BatchOptions(out=out, quiet=True, force=True))
    assert (forced.done, forced.skipped) == (3, 0)


def test_record_of_another_model_or_version_is_redone(tmp_path: Path, blank: Language) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _copy_letters(folder, 1)
    items = batch.expand_inputs([folder])
    batch.run_batch(items, blank, batch.BatchOptions(out=out, quiet=True))
    target = out / items[0].name
    for field, value in (("model", "nl_core_news_lg-3.8.0"), ("version", "0.0.1"), ("fingerprint", "0ldrules")):
        record = json.loads(target.read_text(encoding="utf-8"))
        record["extractor"][field] = value
        target.write_text(json.dumps(record, indent=2), encoding="utf-8")
        summary = batch.run_batch(items, blank, batch.BatchOptions(out=out, quiet=True))
        assert (summary.done, summary.skipped) == (1, 0), field


def test_cli_second_run_reports_skips(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _copy_letters(folder, 2)
    _parse(folder, "--out", tmp_path / "out")
    code, _, stderr = _parse(folder, "--out", tmp_path / "out")
    assert code == 0
    assert "0 done, 2 skipped (unchanged), 0 failed" in stderr
    code, _, stderr = _parse(folder, "--out", tmp_path / "out", "--force", "--quiet")
    assert (code, stderr) == (0, "")


# --- JSONL --------------------------------------------------------------------------------------------------


def test_jsonl_one_valid_record_per_line_in_input_order(tmp_path: Path) -> None:
    folder, target = tmp_path / "in", tmp_path / "all.jsonl"
    files = _copy_letters(folder, 3)
    (folder / "empty.txt").write_bytes(b"")

    code, _, _ = _parse(folder, "--jsonl", target)
    assert code == 1
    records = _jsonl(target)
    assert [r.source.path for r in records] == [str(p) for p in files]
    assert all(r.text and r.extractor.model == "blank:nl" for r in records)

    before = target.read_bytes()
    code, _, stderr = _parse(folder, "--jsonl", target)
    assert "0 done, 3 skipped (unchanged), 1 failed" in stderr
    assert target.read_bytes() == before

    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nExtra alinea.\n", encoding="utf-8")
    _parse(files[1], "--jsonl", target)  # a run over one letter keeps the others' records
    records = _jsonl(target)
    assert [r.source.path for r in records] == [str(files[1]), str(files[0]), str(files[2])]
    assert "Extra alinea." in records[0].text
    assert _leftovers(tmp_path) == []


def test_jsonl_to_stdout(tmp_path: Path) -> None:
    files = _copy_letters(tmp_path / "in", 2)
    code, stdout, _ = _parse(*files, "--jsonl", "-")
    assert code == 0
    assert [Record.model_validate_json(line).source.path for line in stdout.splitlines()] == list(map(str, files))


# --- interrupted runs ------------------------------------------------------------------------------------------


def _stop_after(n: int) -> Callable[[batch.Outcome], None]:
    seen = []

    def hook(outcome: batch.Outcome) -> None:
        seen.append(outcome)
        if len(seen) == n:
            raise KeyboardInterrupt

    return hook


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_interrupted_run_resumes_without_duplicates_or_partial_files(tmp_path: Path, blank: Language) -> None:
    folder, out, target = tmp_path / "in", tmp_path / "out", tmp_path / "all.jsonl"
    files = _copy_letters(folder, 5)
    items = batch.expand_inputs([folder])
    options = batch.BatchOptions(out=out, jsonl=target, quiet=True, batch_size=2)

    summary = batch.run_batch(items, blank, options, on_outcome=_stop_after(2))

    assert summary.interrupted and summary.exit_code == 130
    assert summary.done == 2
    assert sorted(_records(out)) == sorted(f"{p.stem}.json" for p in files[:2])
    assert not target.exists()  # the JSONL file only ever holds a finished run
    partial = target.with_name("all.jsonl.partial")
    assert len(partial.read_text(encoding="utf-8").splitlines()) == 2
    assert _leftovers(out) == []

    # what a kill -9 at the wrong moment leaves: a torn JSONL line, a temp file, a half-written record
    # (from a writer that did not rename atomically)
    with open(partial, "ab") as fh:
        fh.write(b'{"schema_version": "1", "extr')
    (out / f".{files[3].stem}.json.{_dead_pid()}.tmp").write_text('{"schema_version": ')
    half = json.dumps(json.loads((out / f"{files[0].stem}.json").read_text()), indent=2)[:2000]
    (out / f"{files[0].stem}.json").write_text(half)

    code, _, stderr = _parse(folder, "--out", out, "--jsonl", target)

    assert code == 0, stderr
    assert "4 done, 1 skipped (unchanged), 0 failed" in stderr  # letter 0 redone (cut short), letter 1 skipped
    records = _records(out)
    assert sorted(records) == sorted(f"{p.stem}.json" for p in files)
    assert all(Record.model_validate(r) for r in records.values())
    lines = _jsonl(target)
    assert [r.source.path for r in lines] == [str(p) for p in files]
    assert _leftovers(tmp_path) == []


def test_killed_process_leaves_nothing_partial_and_rerun_completes(tmp_path: Path) -> None:
    folder, out, target = tmp_path / "in", tmp_path / "out", tmp_path / "all.jsonl"
    folder.mkdir()
    sources = LETTERS * 6
    for i, src in enumerate(sources):
        (folder / f"{i:03d}_{src.name}").write_bytes(src.read_bytes() + b" " * (i + 1))
    cmd = [sys.executable, "-m", "mhextract.cli", "parse", str(folder), "--out", str(out), "--jsonl", str(target),
           "--model", "blank:nl", "--batch-size", "1", "--workers", "1", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(list(out.glob("*.json"))) >= 3:
            break
        time.sleep(0.02)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    written = list(out.glob("*.json"))
    for path in written:  # whatever the kill left: only complete records
        Record.model_validate_json(path.read_text(encoding="utf-8"))

    code, _, stderr = _parse(folder, "--out", out, "--jsonl", target)

    assert code == 0, stderr
    assert len(_records(out)) == len(sources)
    assert [r.source.path for r in _jsonl(target)] == sorted(str(p) for p in folder.iterdir())
    assert _leftovers(tmp_path) == []


# --- processes ------------------------------------------------------------------------------------------------


def test_workers_give_the_same_records(tmp_path: Path, blank: Language) -> None:
    folder = tmp_path / "in"
    _copy_letters(folder, 4)
    items = batch.expand_inputs([folder])
    one = batch.run_batch(items, blank, batch.BatchOptions(out=tmp_path / "one", quiet=True, workers=1))
    two = batch.run_batch(items, blank, batch.BatchOptions(out=tmp_path / "two", quiet=True, workers=2,
                                                           batch_size=1, chunk_size=1))
    assert (one.workers, two.workers) == (1, 2)
    assert two.done == 4
    assert _records(tmp_path / "one") == _records(tmp_path / "two")


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_crashing_worker_fails_only_its_letter(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    files = _copy_letters(folder, 4)
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\nCRASH\n", encoding="utf-8")
    nlp = load_pipeline("blank:nl")
    nlp.add_pipe("test_batch_crash")  # forked workers inherit this pipeline
    summary = batch.run_batch(batch.expand_inputs([folder]), nlp,
                              batch.BatchOptions(out=tmp_path / "out", quiet=True, workers=2, batch_size=1,
                                                 chunk_size=1))
    assert summary.done == 3
    assert [(Path(f.path).name, f.kind) for f in summary.failures] == [(files[1].name, "crash")]
    assert len(_records(tmp_path / "out")) == 3


# --- command line and inputs ------------------------------------------------------------------------------------


def test_one_file_prints_json_to_stdout() -> None:
    code, stdout, stderr = _parse(LETTERS[3])
    assert code == 0
    record = Record.model_validate_json(stdout)
    assert record.source.path == str(LETTERS[3])
    assert stdout.startswith('{\n  "schema_version"')
    assert stderr == ""


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (lambda d: [LETTERS[0], LETTERS[1]], 2, "several letters need --out"),
        (lambda d: [d], 2, "no letter files found"),
        (lambda d: [d / "nope.txt"], 1, "file not found"),
        (lambda d: [LETTERS[0], "--out", LETTERS[1]], 2, "not a directory"),
        (lambda d: [LETTERS[0], "--out", d, "--workers", "-1"], 2, "--workers"),
        (lambda d: [LETTERS[0], "--jsonl", LETTERS[1] / "all.jsonl"], 2, "cannot write output"),
    ],
    ids=["several-no-out", "empty-dir", "missing-file", "out-is-file", "bad-workers", "jsonl-unwritable"],
)
def test_exit_codes(tmp_path: Path, args: Callable[[Path], list[object]], code: int, message: str) -> None:
    got, _, stderr = _parse(*args(tmp_path))  # type: ignore[arg-type]
    assert got == code
    assert message in stderr


def test_expand_inputs_names_mirror_trees_and_never_collide(tmp_path: Path) -> None:
    for rel in ("a.txt", "a.pdf", "sub/a.txt", "sub/b.md", ".hidden/c.txt", "notes.json", "x.TXT",
                "oep/metadata.xml", "oep/kst-28638-1.xml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    items = batch.expand_inputs([tmp_path, tmp_path / "sub" / "a.txt"])
    assert [(str(i.path.relative_to(tmp_path)), str(i.name)) for i in items] == [
        ("a.pdf", "a.json"),
        ("a.txt", "a.txt.json"),
        ("oep/kst-28638-1.xml", "oep/kst-28638-1.json"),
        ("sub/a.txt", "sub/a.json"),
        ("sub/b.md", "sub/b.json"),
        ("x.TXT", "x.json"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema_version": "1", "extractor": {"name": "mhextract", "version": "0.1.0", "model": "blank:nl"}, '
         '"source": {"path": "a}.txt", "sha256": "ab", "format": "text", "pages": null}, "text": "...',
         (batch.Stamp("ab", "0.1.0+", "blank:nl"), "a}.txt")),
        ('{"schema_version": "1", "extractor": {"name": "mhextract", "version": "0.1.0", "fingerprint": "f00d", '
         '"model": "blank:nl"}, "source": {"path": "a.txt", "sha256": "ab", "format": "text"}, "text": "...',
         (batch.Stamp("ab", "0.1.0+f00d", "blank:nl"), "a.txt")),
        ('{\n  "schema_version": "1",\n  "extractor": {\n    "name": "mhextract",\n    "version": "2",\n'
         '    "model": "m"\n  },\n  "source": {\n    "path": "p",\n    "sha256": "cd"\n  },\n  "text": "',
         (batch.Stamp("cd", "2+", "m"), "p")),
        ('{"schema_version": "1", "extractor": {"name": "mhextract", "vers', None),
        ('{"text": "\\"source\\": {\\"sha256\\": 1}"}', None),
        ("not json at all", None),
    ],
    ids=["compact", "fingerprint", "indented", "cut-short", "keys-inside-text", "junk"],
)
def test_parse_stamp(text: str, expected: tuple[batch.Stamp, str] | None) -> None:
    assert batch.parse_stamp(text) == expected


def test_two_runs_never_write_one_jsonl_file(tmp_path: Path) -> None:
    target = tmp_path / "all.jsonl"
    first = batch.JsonlStore(target)
    try:
        with pytest.raises(OSError, match="another mhextract run is writing"):
            batch.JsonlStore(target)
        code, _, stderr = _parse(LETTERS[0], "--jsonl", target)
        assert code == 2
        assert "another mhextract run is writing" in stderr
    finally:
        first.close()
    code, _, _ = _parse(LETTERS[0], "--jsonl", target)
    assert code == 0
    assert len(_jsonl(target)) == 1
