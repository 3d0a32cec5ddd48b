"""Model loading (fallback, explicit, env) and the CLI's parse/schema contract."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mhextract.analysis.pipeline import COMPONENTS, load_pipeline, model_label
from mhextract.cli import app
from mhextract.errors import ModelError
from mhextract.record.model import Record

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))


def test_fallback_to_blank_dutch_warns_once_with_install_hint(monkeypatch) -> None:
    monkeypatch.delenv("MHEXTRACT_MODEL", raising=False)
    monkeypatch.setattr("mhextract.analysis.pipeline.DEFAULT_MODEL", "nl_core_news_notinstalled")
    stream = io.StringIO()
    nlp = load_pipeline(warn=stream)
    warning = stream.getvalue()
    assert warning.count("\n") == 1
    assert "python -m spacy download nl_core_news_lg" in warning
    assert nlp.lang == "nl" and model_label(nlp) == "blank:nl"
    assert [p for p in nlp.pipe_names if p.startswith("mh_")] == list(COMPONENTS)


def test_explicit_missing_model_is_an_error(monkeypatch) -> None:
    with pytest.raises(ModelError):
        load_pipeline("nl_core_news_doesnotexist")
    monkeypatch.setenv("MHEXTRACT_MODEL", "/nonexistent/pipeline")
    with pytest.raises(ModelError):
        load_pipeline()


def test_model_from_path_is_named_in_the_record(tmp_path: Path) -> None:
    import spacy

    blank = spacy.blank("nl")
    blank.add_pipe("sentencizer")
    blank.meta["name"] = "tiny"
    blank.meta["version"] = "0.0.1"
    blank.to_disk(tmp_path / "tiny")
    nlp = load_pipeline(str(tmp_path / "tiny"))
    assert model_label(nlp) == "nl_tiny-0.0.1"
    assert "mh_kamerstukken" in nlp.pipe_names


runner = CliRunner()


def test_parse_one_letter_prints_a_valid_record() -> None:
    result = runner.invoke(app, ["parse", str(LETTERS[3]), "--model", "blank:nl"])
    assert result.exit_code == 0, result.output
    record = Record.model_validate_json(result.stdout)
    assert record.extractor.model == "blank:nl"
    assert record.metadata.date == "2023-11-30"
    assert record.text[record.sections[0].start:].startswith("1. Gegevensdeling")
    # Every span points into the text and carries a section where it lies inside one.
    for k in record.kamerstukken:
        for m in k.mentions:
            assert 0 <= m.start < m.end <= len(record.text)


def test_every_corpus_record_validates_against_the_printed_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    result = runner.invoke(app, ["parse", str(ROOT / "corpus" / "letters"), "--out", str(tmp_path),
                                 "--model", "blank:nl"])
    assert result.exit_code == 0, result.output
    outputs = sorted(tmp_path.glob("*.json"))
    assert [p.stem for p in outputs] == [p.stem for p in LETTERS]
    for path in outputs:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_bad_file_among_good_ones_is_reported_and_others_kept(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(LETTERS[0].read_text(encoding="utf-8"), encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = runner.invoke(app, ["parse", str(src), "--out", str(out), "--model", "blank:nl"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "empty" in result.stderr
    assert (out / "good.json").exists() and not (out / "empty.json").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(LETTERS[0]), "--model", "nl_core_news_doesnotexist"])
    assert result.exit_code == 2
    assert "nl_core_news_doesnotexist" in result.stderr


def test_doc_text_is_built_once_and_matches_doc_text(nlp) -> None:
    from mhextract.analysis.extensions import doc_text

    doc = nlp.make_doc("Zie Kamerstuk 28 638, nr. 204.")
    assert doc._.text is None
    assert doc_text(doc) == doc.text
    assert doc._.text is doc_text(doc)


def test_components_declare_what_they_require_and_assign() -> None:
    """`nlp.analyze_pipes()` finds every attribute a component requires set by one before it."""
    from mhextract.analysis.pipeline import COMPONENTS

    nlp = load_pipeline("blank:nl")
    analysis = nlp.analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values())
    assert [name for name in nlp.pipe_names if name in COMPONENTS] == list(COMPONENTS)
    assigned = {attr for row in analysis["summary"].values() for attr in row["assigns"]}
    assert {"doc._.sentences", "doc._.commitments", "doc._.person_mentions"} <= assigned
    doc = nlp("Dit is nr. 5 van de brief. Hij schreef aan E. Jansen.\n\nNieuwe alinea.")
    assert [s.text.strip() for s in doc.sents] == ["Dit is nr. 5 van de brief.", "Hij schreef aan E. Jansen.",
                                                   "Nieuwe alinea."]
