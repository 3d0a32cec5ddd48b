"""The statistical path: a tiny trained `ner`, loaded like nl_core_news_lg, merged with the rule entities.

nl_core_news_lg cannot be downloaded here, so a blank Dutch pipeline with an `ner` is trained
on a few annotated sentences until it reproduces them, saved to a temporary folder and loaded
through `load_pipeline(path)`, the same code that loads the real model.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed

from mhextract.analysis.pipeline import load_pipeline
from mhextract.record.model import Organisation

SENTENCES = [
    # an organisation no rule knows (no gazetteer entry, no head word)
    ("Zwerfjongeren Nederland werkt samen met het OM.", ["Zwerfjongeren Nederland", "OM"]),
    # the model's span is longer than the rule's: the rule entity wins
    ("Het Openbaar Ministerie Utrecht heeft dit onderzocht.", ["Openbaar Ministerie Utrecht"]),
    # a spelling the case-sensitive gazetteer misses, equal to a known alias after normalising
    ("Het Coördinatiecentrum tegen Mensenhandel (CoMensha) meldt dat volgens Comensha het aantal stijgt.",
     ["Comensha"]),
    # a generic word the model calls an organisation
    ("De gemeenten en de Politie overleggen.", ["gemeenten", "Politie"]),
    # the same span as the rule's
    ("Het Leger des Heils biedt opvang.", ["Leger des Heils"]),
    # a Kamerstuk citation the model mistakes for an organisation
    ("Zie Kamerstuk 28 638, nr. 204 hierover.", ["Kamerstuk 28 638"]),
]
TEXT = "\n\n".join(s for s, _ in SENTENCES)


def _example(nlp: Language, text: str, names: list[str]) -> Example:
    spans = []
    for name in names:
        start = text.index(name)
        spans.append((start, start + len(name), "ORG"))
    return Example.from_dict(nlp.make_doc(text), {"entities": spans})


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Train blank Dutch + ner on SENTENCES (and on them joined) and save it."""
    fix_random_seed(0)
    nlp = spacy.blank("nl")
    nlp.add_pipe("ner").add_label("ORG")  # type: ignore[attr-defined]
    examples = [_example(nlp, text, names) for text, names in SENTENCES]
    examples.append(_example(nlp, TEXT, [n for _, names in SENTENCES for n in names]))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(60):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("tiny_nl_ner")
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def doc(tiny_model: Path) -> spacy.tokens.Doc:
    nlp = load_pipeline(str(tiny_model))
    assert nlp.pipe_names[0] == "ner" and "mh_organisations" in nlp.pipe_names
    return nlp(TEXT)


def by_name(orgs: list[Organisation]) -> dict[str, Organisation]:
    return {o.name: o for o in orgs}


def test_tiny_model_reproduces_its_training_entities(doc: spacy.tokens.Doc) -> None:
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == [n for _, names in SENTENCES for n in names]


def test_model_adds_an_organisation_the_rules_do_not_know(doc: spacy.tokens.Doc) -> None:
    found = by_name(doc._.organisations)
    assert "Zwerfjongeren Nederland" in found
    assert found["Zwerfjongeren Nederland"].kind == "other"


def test_rule_entity_wins_on_overlap(doc: spacy.tokens.Doc) -> None:
    found = by_name(doc._.organisations)
    assert "Openbaar Ministerie Utrecht" not in found
    om = found["Openbaar Ministerie"]
    assert [doc.text[s.start:s.end] for s in om.mentions] == ["OM", "Openbaar Ministerie"]
    assert [doc.text[s.start:s.end] for s in found["Leger des Heils"].mentions] == ["Leger des Heils"]


def test_model_entity_equal_to_a_known_alias_merges_into_that_entry(doc: spacy.tokens.Doc) -> None:
    found = by_name(doc._.organisations)
    assert "Comensha" not in found
    comensha = found["Coördinatiecentrum tegen Mensenhandel"]
    assert comensha.kind == "ngo"
    assert comensha.aliases == ["CoMensha"]  # `Comensha` is the same name after case folding
    assert [doc.text[s.start:s.end] for s in comensha.mentions] == [
        "Coördinatiecentrum tegen Mensenhandel", "CoMensha", "Comensha"]


def test_generic_words_and_claimed_citations_from_the_model_are_dropped(doc: spacy.tokens.Doc) -> None:
    names = {n.lower() for o in doc._.organisations for n in [o.name, *o.aliases]}
    assert "gemeenten" not in names
    assert not any("kamerstuk" in n for n in names)
    assert [k.id for k in doc._.kamerstukken] == ["28638-204"]


def test_merged_result_against_blank_pipeline(doc: spacy.tokens.Doc) -> None:
    blank = load_pipeline("blank:nl")(TEXT)
    with_model = {o.name for o in doc._.organisations}
    rules_only = {o.name for o in blank._.organisations}
    assert rules_only == {"Openbaar Ministerie", "Coördinatiecentrum tegen Mensenhandel", "Nationale Politie",
                          "Leger des Heils"}
    assert with_model - rules_only == {"Zwerfjongeren Nederland"}
    comensha = by_name(blank._.organisations)["Coördinatiecentrum tegen Mensenhandel"]
    assert len(comensha.mentions) == 2  # the rules alone miss the `Comensha` spelling
    assert len(doc._.organisations) == len(with_model)  # one entry per organisation
