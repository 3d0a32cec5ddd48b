"""Organisations on the pipeline's own tokens: re-split, not re-tokenized, and freed by memory zones."""

from __future__ import annotations

import pytest
import spacy
from spacy.util import compile_infix_regex

from mhextract.extract import organisations
from mhextract.extract.organisations import (
    find_organisations,
    is_blank_tokenizer,
    retokenize,
    tokenize,
    tokenizer,
)
from mhextract.extract.organisations.known import gazetteer_matchers
from mhextract.extract.organisations.mentions import blocked_matcher
from mhextract.extract.organisations.unknown import head_matcher

# Runs with `-` or `/` that our tokenizer splits further, and runs where it must not.
SPLIT_CASES = [
    "in het RIEC-verband en het WODC-rapport",
    "de Noord-Holland/Zeeland-regio",
    "zie https://www.rijksoverheid.nl/a-b/c en e-mail",
    "in 2023-2024 en 1/2 van de zaken",
    "Rb. Midden-Nederland 23 augustus 2023.",
    "(zie: Fier/Sterk Huis) -- en -x x- a-/b :-) (-:",
    "regel\n\nmet  dubbele   spaties -\n/ en\ttab-stop",
    "geen streepjes hier, alleen woorden.",
    "-",
    " ",
]


@pytest.mark.parametrize("text", SPLIT_CASES)
def test_retokenize_equals_our_tokenizer(text: str) -> None:
    pipeline_doc = spacy.blank("nl").make_doc(text)
    assert [t.text_with_ws for t in retokenize(pipeline_doc, text)] == [t.text_with_ws for t in tokenize(text)]


def test_retokenize_keeps_the_pipeline_vocab_and_doc_when_nothing_splits() -> None:
    nlp = spacy.blank("nl")
    plain = nlp.make_doc("de politie en het OM")
    assert retokenize(plain, plain.text) is plain
    hyphen = nlp.make_doc("het RIEC-verband")
    split = retokenize(hyphen, hyphen.text)
    assert [t.text for t in split] == ["het", "RIEC", "-", "verband"]
    assert split.vocab is nlp.vocab


def test_retokenize_falls_back_on_a_doc_not_cut_at_whitespace() -> None:
    from spacy.tokens import Doc

    nlp = spacy.blank("nl")
    glued = Doc(nlp.vocab, words=["het RIEC-verband"], spaces=[False])  # not a tokenizer's Doc
    assert [t.text for t in retokenize(glued, glued.text)] == ["het", "RIEC", "-", "verband"]


def test_is_blank_tokenizer() -> None:
    assert is_blank_tokenizer(spacy.blank("nl").tokenizer)
    assert not is_blank_tokenizer(tokenizer().tokenizer)  # ours has the extra infix rule
    assert not is_blank_tokenizer(spacy.blank("en").tokenizer)
    assert not is_blank_tokenizer(lambda text: text)


def test_component_gives_the_same_with_any_tokenizer() -> None:
    """The re-split tokens (blank Dutch) and our own tokenization (other tokenizers) agree."""
    text = ("Het RIEC-verband, de Inspectie Justitie en Veiligheid (IJenV) en het Noord-Holland/Zeeland-team "
            "van de politie werken samen met FNV, CNV en VCP.")
    blank = spacy.blank("nl")
    blank.add_pipe("mh_organisations")
    other = spacy.blank("nl")
    infixes = [*other.Defaults.infixes, r"(?<=[a-z])x(?=[a-z])"]
    other.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    other.add_pipe("mh_organisations")
    assert not is_blank_tokenizer(other.tokenizer)
    expected = find_organisations(text)
    assert [o.name for o in expected]
    assert blank(text)._.organisations == expected
    assert other(text)._.organisations == expected


def test_memory_zone_frees_our_words_and_keeps_the_matchers() -> None:
    """Words our tokenizer meets inside `nlp.memory_zone()` are gone after it; the matchers (built
    before the zone, even when a zone is the first thing the pipeline sees) still work."""
    for built in (gazetteer_matchers, head_matcher, blocked_matcher, tokenizer):
        built.cache_clear()
    nlp = spacy.blank("nl")
    nlp.add_pipe("mh_organisations")
    text = "Het Zorgxyzcentrum-verband en de Stichting Qwertyuiop/Asdfgh werken samen met het OM."
    assert tokenizer.cache_info().currsize == 0  # the zone below builds our tokenizer and matchers
    with nlp.memory_zone():
        inside = [o.model_dump() for o in nlp(text)._.organisations]
    after = nlp(text)._.organisations
    assert inside == [o.model_dump() for o in after]
    assert {"Openbaar Ministerie"} <= {o.name for o in after}
    before = len(tokenizer().vocab.strings)
    with nlp.memory_zone():
        nlp("Het Plmoknijbuhv-verband en Zxcvbnmlkj/Poiuytrewq.")
    assert len(tokenizer().vocab.strings) == before
    assert "Plmoknijbuhv" not in tokenizer().vocab.strings


def test_nested_pipelines_share_our_tokenizer_without_nesting_its_zone() -> None:
    first, second = spacy.blank("nl"), spacy.blank("nl")
    for nlp in (first, second):
        nlp.add_pipe("mh_organisations")
    with first.memory_zone(), second.memory_zone():
        assert {o.name for o in second("Het OM-team en de politie.")._.organisations} == {
            o.name for o in find_organisations("Het OM-team en de politie.")
        }
    assert organisations.prepare_matchers() is tokenizer()
