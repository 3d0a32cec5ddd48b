"""The analysis stage's shared pieces: one sentence splitter (one abbreviation list) and the regex builders."""

from __future__ import annotations

import re

import pytest

from mhextract.analysis.patterns import alternation, either_case_alternation, phrase_alternation, trie_pattern
from mhextract.analysis.sentences import is_abbreviation, split_sentences

TEXT = ("Zie Kamerstuk 28 638, nr. 5 van 3 jan. jl. en de brief van E. Jansen. Hij schreef: \"Ja.\" "
        "Daarna kwam z.s.m. een reactie!\n\nNieuwe alinea? ja, klein begonnen. Een zin.")


def test_sentences_skip_abbreviations_and_initials_and_split_paragraphs() -> None:
    sents = split_sentences(TEXT)
    assert [TEXT[s.start : s.end] for s in sents] == [
        "Zie Kamerstuk 28 638, nr. 5 van 3 jan. jl. en de brief van E. Jansen.",
        'Hij schreef: "Ja."',
        "Daarna kwam z.s.m. een reactie!",
        "Nieuwe alinea? ja, klein begonnen.",
        "Een zin.",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 0, 1, 1]


def test_sentence_lookup_by_offset() -> None:
    sents = split_sentences(TEXT)
    second = sents[1]
    assert sents.at(second.start + 3) == (second.start, second.end)
    assert sents.at(second.start - 1) == (sents[0].start, sents[0].end)  # the space after a sentence is its own
    assert [s.start for s in sents.before(second.start + 1)] == [sents[0].start, second.start]


@pytest.mark.parametrize(("token", "expected"), [
    ("nr.", True), ("Nr.", True), ("z.s.m.", True), ("Th.", True), ("E.", True), ("brief.", False), ("2024.", False),
])
def test_one_abbreviation_list(token: str, expected: bool) -> None:
    assert is_abbreviation(token) is expected


def test_alternation_longest_first_and_literal() -> None:
    pattern = re.compile(alternation(["de", "de minister", "a.b"]))
    assert pattern.match("de minister").group() == "de minister"
    assert pattern.match("axb") is None
    assert re.fullmatch(alternation(["tweede kerstdag"], spaces=True), "tweede\nkerstdag")


def test_phrase_and_case_alternations() -> None:
    whole = re.compile(phrase_alternation(["zal"]), re.IGNORECASE)
    assert whole.search("Ik zal het doen") and not whole.search("zalig")
    either = re.compile(either_case_alternation(["motie van"]))
    assert either.fullmatch("Motie Van") and either.fullmatch("motie\nvan") and not either.fullmatch("MOTIE van")


def test_trie_matches_the_same_words_as_the_alternation() -> None:
    words = ["acht", "achttien", "achtste", "een", "elf"]
    trie = re.compile(rf"(?:{trie_pattern(words)})\b")
    assert [m.group() for m in trie.finditer("achttien een achtste elf acht")] == [
        "achttien", "een", "achtste", "elf", "acht"]
