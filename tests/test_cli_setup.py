"""What a new user hits first (issue 15): README commands, flags, workers, folder parse, model note, eval, API."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import mhextract
from mhextract.analysis import pipeline
from mhextract.batch import BatchOptions, expand_inputs, run_batch
from mhextract.cli import app
from mhextract.record.model import Record

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()
COMMANDS = ("parse", "schema", "eval", "render", "dossier", "tables")


def _section(title: str) -> str:
    start = README.index(f"## {title}\n")
    return README[start:README.index("\n## ", start + 3)]


def _commands(block: str) -> list[list[str]]:
    """The `mhextract ...` command lines of a README section's sh blocks (comments cut)."""
    lines = []
    for code in re.findall(r"```sh\n(.*?)```", block, re.S):
        for line in code.splitlines():
            line = line.split("#")[0].strip()
            if line.startswith("mhextract "):
                lines.append(shlex.split(line)[1:])
    return lines


def test_readme_says_how_to_get_mhextract_on_path() -> None:
    setup = _section("Set-up")
    assert "source .venv/bin/activate" in setup and "pipx install ." in setup
    assert "mhextract parse corpus/letters/" in setup  # the first command works once activated


def test_readme_use_commands_are_runnable_as_written() -> None:
    """Every `mhextract` line of Use names a real command, real options (flags without values) and real inputs."""
    group = typer.main.get_command(app)
    lines = _commands(_section("Use"))
    assert {line[0] for line in lines} == set(COMMANDS)
    ctx = group.make_context("mhextract", ["schema"])
    for line in lines:
        command = group.get_command(ctx, line[0])  # type: ignore[attr-defined]
        assert command is not None, line
        options = {o: p for p in command.params if p.param_type_name == "option"
                   for o in (*p.opts, *p.secondary_opts)}
        args = iter(line[1:])
        for word in args:
            if word.startswith("-"):
                assert word in options, f"{line[0]}: unknown option {word}"
                if not options[word].is_flag:
                    next(args)
            elif line[0] in ("parse", "render"):
                assert (ROOT / word).exists(), f"{line}: {word} does not exist in the repository"


@pytest.mark.parametrize("command", COMMANDS)
def test_boolean_flags_are_shown_as_flags(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "<bool>" not in result.output
    if command == "parse":
        assert re.search(r"--force\s+Re-extract", result.output)


def test_a_value_after_a_flag_is_a_usage_error_naming_the_flag(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(LETTERS[0]), "--out", str(tmp_path / "out"), "--force", "true"])
    assert result.exit_code == 2
    assert "flags and take no value" in result.stderr and "file not found" not in result.stderr
    assert not (tmp_path / "out").exists()


def _copies(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    out = []
    for i in range(n):
        src = LETTERS[i % len(LETTERS)]
        out.append(folder / f"{i:02d}_{src.name}")
        out[-1].write_bytes(src.read_bytes() + b" " * (i + 1))
    return out


def test_workers_are_used_for_a_batch_smaller_than_a_chunk(tmp_path: Path, nlp) -> None:
    _copies(tmp_path / "in", 6)
    summary = run_batch(expand_inputs([tmp_path / "in"]), nlp,
                        BatchOptions(out=tmp_path / "out", workers=2, model="blank:nl", quiet=True))
    assert summary.done == 6 and summary.workers == 2
    assert "2 processes" in summary.render()


def test_a_batch_of_one_chunk_says_why_workers_were_not_used(tmp_path: Path, nlp) -> None:
    _copies(tmp_path / "in", 2)
    summary = run_batch(expand_inputs([tmp_path / "in"]), nlp,
                        BatchOptions(out=tmp_path / "out", workers=2, model="blank:nl", batch_size=4, quiet=True))
    assert summary.workers == 1
    assert "--workers 2 not used: 2 letters to extract fit one chunk" in summary.render()


README_TEXT = "# Letters\n\nThis folder holds the letters of the Kamerstuk dossier; the minister sent them.\n"


def test_folder_parse_skips_files_that_are_not_letters_with_a_note(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LETTERS[3], folder / LETTERS[3].name)
    (folder / "README.md").write_text(README_TEXT, encoding="utf-8")
    (folder / "notes.txt").write_text("boodschappen: melk, brood\n", encoding="utf-8")
    table = "| brief | minister | datum |\n| --- | --- | --- |\n| kst-28638-240 | Minister van Justitie | 2023 |\n"
    (folder / "SOURCES.md").write_text(table, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(folder), "--out", str(tmp_path / "out"), "--model", "blank:nl"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [f"{LETTERS[3].stem}.json"]
    notes = [line for line in result.stderr.splitlines() if line.startswith("mhextract: note:")]
    assert len(notes) == 3 and "README.md: skipped, does not read as a letter" in result.stderr
    assert "SOURCES.md: skipped, does not read as a letter: a table" in result.stderr
    assert "notes.txt: skipped" in result.stderr


def test_a_file_named_directly_is_always_read(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(README_TEXT, encoding="utf-8")
    files, notes = mhextract.api.letter_files([readme])
    assert [f.path for f in files] == [readme] and notes == []


def test_missing_model_note_is_short_once_per_run_and_can_be_silenced(monkeypatch, capsys) -> None:
    monkeypatch.delenv("MHEXTRACT_MODEL", raising=False)
    monkeypatch.delenv("MHEXTRACT_QUIET", raising=False)
    monkeypatch.setattr(pipeline, "DEFAULT_MODEL", "nl_core_news_notinstalled")
    monkeypatch.setattr(pipeline, "_noted", set())
    pipeline.load_pipeline()
    pipeline.load_pipeline()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and len(err) < 170
    assert "--quiet" in err and "MHEXTRACT_QUIET=1" in err and "spacy download" in err
    monkeypatch.setattr(pipeline, "_noted", set())
    pipeline.load_pipeline(quiet=True)
    monkeypatch.setenv("MHEXTRACT_QUIET", "1")
    pipeline.load_pipeline()
    assert capsys.readouterr().err == ""
    assert "MHEXTRACT_QUIET" in README


def test_parse_quiet_prints_no_model_note(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("MHEXTRACT_MODEL", raising=False)
    monkeypatch.delenv("MHEXTRACT_QUIET", raising=False)
    monkeypatch.setattr(pipeline, "DEFAULT_MODEL", "nl_core_news_notinstalled")
    monkeypatch.setattr(pipeline, "_noted", set())
    result = runner.invoke(app, ["parse", str(LETTERS[3]), "--quiet"])
    assert result.exit_code == 0 and result.stderr == ""


def test_eval_on_an_empty_or_missing_records_folder_is_a_usage_error(tmp_path: Path) -> None:
    gold = ROOT / "corpus" / "gold"
    (tmp_path / "empty").mkdir()
    for folder in (tmp_path / "empty", tmp_path / "nothere"):
        result = runner.invoke(app, ["eval", "--gold", str(gold), "--records", str(folder)])
        assert result.exit_code == 2 and str(folder) in result.stderr
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x.json").write_text(json.dumps({"source": {"path": "zzz.txt"}}), encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--records", str(tmp_path / "other")])
    assert result.exit_code == 2 and "none of its record files" in result.stderr


def test_a_gold_letter_without_record_is_a_miss_not_partial_credit(tmp_path: Path) -> None:
    from mhextract import evaluate

    gold = tmp_path / "gold"
    gold.mkdir()
    data = {"document": "a.txt", "metadata": {"date": "2023-01-01"}, "recommendations": [], "kamerstukken": ["28638-1"]}
    (gold / "a.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "records").mkdir()
    row = evaluate.evaluate(gold, tmp_path / "records").documents[0]
    assert row.missing and row.macro_f1 == 0.0


def test_python_api_parses_a_file_and_a_folder(tmp_path: Path) -> None:
    record = mhextract.parse(LETTERS[3], model="blank:nl")
    assert isinstance(record, Record) and isinstance(record, mhextract.Record)
    assert record.metadata.date and record.kamerstukken
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(LETTERS[3], folder / "a.txt")
    (folder / "README.md").write_text(README_TEXT, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"")
    records = list(mhextract.parse_many([folder], model="blank:nl", errors="skip", quiet=True))
    assert [Path(r.source.path).name for r in records] == ["a.txt"]
    assert records[0].kamerstukken == record.kamerstukken
    with pytest.raises(mhextract.errors.IngestError):
        list(mhextract.parse_many([folder], model="blank:nl", quiet=True))
    assert 'mhextract.parse("' in README and "mhextract.parse_many(" in README


def test_a_cover_letter_without_salutation_or_kamerstuk_still_reads_as_a_letter(tmp_path: Path) -> None:
    from mhextract.ingest.letter_check import not_a_letter
    letter = tmp_path / "igk.txt"
    letter.write_text("Brieven aan de Kamer\n\nJaarverslag IGK 2001\n\nHierbij bied ik u het verslag aan van de "
                      "Inspecteur-Generaal der Krijgsmacht over het jaar 2001. Het kabinet neemt de aanbevelingen "
                      "over.\n", encoding="utf-8")
    assert not_a_letter(letter) is None
    readme = tmp_path / "README.md"
    readme.write_text("# Tool\n\nHierbij the tool reads letters from a folder and writes the records.\n",
                      encoding="utf-8")
    assert not_a_letter(readme) is not None
