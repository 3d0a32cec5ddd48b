"""The pipeline saved with `nlp.to_disk` and loaded with `spacy.load` carries its components' data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from mhextract import paths
from mhextract.analysis.data import DATA_FILES, forget_derived_data
from mhextract.analysis.pipeline import COMPONENTS, load_pipeline
from mhextract.analysis.tokenizer import has_split_rules
from mhextract.record.build import extract_file

LETTERS = sorted((paths.CORPUS_DIR / "letters").glob("*.txt"))


def _record(letter: Path, nlp: spacy.language.Language) -> dict[str, object]:
    record = json.loads(extract_file(letter, nlp).model_dump_json())
    record.pop("extractor")
    return record


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline") / "mh"
    load_pipeline("blank:nl").to_disk(path)
    return path


def test_to_disk_writes_every_components_data(saved: Path) -> None:
    for component in COMPONENTS:
        for name in DATA_FILES[component]:
            assert (saved / component / name).read_bytes() == paths.read_data(name)


def test_saved_pipeline_loads_back_with_identical_output(saved: Path) -> None:
    nlp = load_pipeline("blank:nl")
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    assert has_split_rules(loaded.tokenizer)
    for letter in LETTERS[:2]:
        assert _record(letter, loaded) == _record(letter, nlp)


def test_loaded_pipeline_reads_its_saved_data(saved: Path, tmp_path: Path) -> None:
    """Data edited in a saved pipeline is what its components read after `spacy.load`."""
    copy = tmp_path / "edited"
    spacy.load(saved).to_disk(copy)
    data_file = copy / "mh_analysis" / "abbreviations.json"
    data = json.loads(data_file.read_text(encoding="utf-8"))
    data["abbreviations"].append("brief.")
    data_file.write_text(json.dumps(data), encoding="utf-8")
    text = "Dit is de brief. Hij schreef het."
    try:
        assert len(list(spacy.load(copy)(text).sents)) == 1
    finally:
        paths._RESTORED.clear()
        paths.load_json.cache_clear()
        forget_derived_data()
    assert len(list(load_pipeline("blank:nl")(text).sents)) == 2
