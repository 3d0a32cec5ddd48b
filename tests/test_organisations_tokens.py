"""Organisations on the pipeline's own tokens (with the split rules of analysis.tokenizer), and memory zones."""

from __future__ import annotations

import pytest
import spacy
from spacy.util import compile_infix_regex

from mhextract.analysis.pipeline import add_components, load_pipeline
from mhextract.analysis.tokenizer import SPLIT_INFIX, add_split_rules, has_split_rules, shared_tokenizer, tokenize
from mhextract.extract import organisations
from mhextract.extract.organisations import find_organisations

# Runs with `-` or `/` that our split rules cut further, and runs where they must not.
SPLIT_CASES = [
    ("in het RIEC-verband", ["in", "het", "RIEC", "-", "verband"]),
    ("de Noord-Holland/Zeeland-regio", ["de", "Noord", "-", "Holland", "/", "Zeeland", "-", "regio"]),
    ("in 2023-2024 en 1/2", ["in", "2023-2024", "en", "1/2"]),
    ("geen streepjes hier.", ["geen", "streepjes", "hier", "."]),
]


@pytest.mark.parametrize(("text", "tokens"), SPLIT_CASES)
def test_the_pipeline_tokenizer_has_the_split_rules(text: str, tokens: list[str]) -> None:
    nlp = load_pipeline("blank:nl")
    assert has_split_rules(nlp.tokenizer)
    assert [t.text for t in nlp.make_doc(text)] == tokens
    assert [t.text for t in tokenize(text)] == tokens


def test_split_rules_are_added_once_and_only_to_a_spacy_tokenizer() -> None:
    nlp = spacy.blank("nl")
    assert not has_split_rules(nlp.tokenizer)
    add_split_rules(add_split_rules(nlp))
    assert nlp.tokenizer.infix_finditer.__self__.pattern.count(SPLIT_INFIX) == 1  # type: ignore[attr-defined]
    assert not has_split_rules(lambda text: text)


def test_component_gives_the_same_with_any_tokenizer() -> None:
    """On the pipeline's tokens (split rules present) and on its own tokens (a user's tokenizer without
    them) the component finds the same organisations."""
    text = ("Het RIEC-verband, de Inspectie Justitie en Veiligheid (IJenV) en het Noord-Holland/Zeeland-team "
            "van de politie werken samen met FNV, CNV en VCP.")
    ours = load_pipeline("blank:nl")
    plain = add_components(spacy.blank("nl"))
    other = spacy.blank("nl")
    infixes = [*other.Defaults.infixes, r"(?<=[a-z])x(?=[a-z])"]
    other.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    add_components(other)
    expected = find_organisations(text)
    assert [o.name for o in expected]
    for nlp in (ours, plain, other):
        assert nlp(text)._.organisations == expected


def test_memory_zone_keeps_the_matchers() -> None:
    """The matchers are built when the component is made, before any zone: a zone that is the first
    thing a pipeline sees frees the letter's words, never the matchers."""
    nlp = load_pipeline("blank:nl")
    text = "Het Zorgxyzcentrum-verband en de Stichting Qwertyuiop/Asdfgh werken samen met het OM."
    with nlp.memory_zone():
        inside = [o.model_dump() for o in nlp(text)._.organisations]
    after = nlp(text)._.organisations
    assert inside == [o.model_dump() for o in after]
    assert {"Openbaar Ministerie"} <= {o.name for o in after}
    with nlp.memory_zone():
        nlp("Het Plmoknijbuhv-verband en Zxcvbnmlkj/Poiuytrewq.")
    assert "Plmoknijbuhv" not in nlp.vocab.strings
    assert "Plmoknijbuhv" not in shared_tokenizer().vocab.strings


def test_nested_pipelines_share_the_matchers_without_nesting_a_zone() -> None:
    first, second = load_pipeline("blank:nl"), load_pipeline("blank:nl")
    with first.memory_zone(), second.memory_zone():
        assert {o.name for o in second("Het OM-team en de politie.")._.organisations} == {
            o.name for o in find_organisations("Het OM-team en de politie.")
        }
    assert organisations.prepare_matchers() is shared_tokenizer()


# SPLIT_INFIX as first written: lookbehinds first. The rule tests its cheap character first (faster scan).
PLAIN_SPLIT_INFIX = (r"(?<=[^\W_])[-/](?=[^\W\d_])|(?<=[^\W\d_]{2})\.(?=\d{1,2}$)"
                     r"|(?<=[^\W\d_][a-zà-ÿ]{3})(?=\d{1,2}$)")


def test_the_reordered_split_rule_splits_as_the_plain_one() -> None:
    from pathlib import Path

    plain = spacy.blank("nl")
    plain.tokenizer.infix_finditer = compile_infix_regex([*plain.Defaults.infixes, PLAIN_SPLIT_INFIX]).finditer
    ours = load_pipeline("blank:nl")
    root = Path(__file__).resolve().parents[1] / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("realworld/b0[12]/letters/*.txt"))]
    texts += [text for text, _ in SPLIT_CASES] + ["Parlement.4 en 1.4, Commissie3, CO2, MH17, ab.12 abc.123 é-b x/y"]
    for text in texts:
        assert [t.text for t in ours.make_doc(text)] == [t.text for t in plain.make_doc(text)], text[:60]
