"""Commitments: the keyword pre-filter and the joined pattern groups change no classification."""

from __future__ import annotations

import re

import pytest

from mhextract.analysis.patterns import required_literals
from mhextract.extract import commitment_forms
from mhextract.extract.commitments import classify_sentence, may_hold_commitment, split_sentences
from mhextract.normalise.letter import Letter


@pytest.mark.parametrize(("pattern", "literals"), [
    (r"\bgestand\s+(?:te\s+)?doen", {"gestand"}),
    (r"(?:heb|had)\s+toegezegd\b", {"toegezegd"}),
    (r"\b(?:informeer|bericht)\s+ik\b", {"informeer", "bericht"}),
    (r"\btoezegging(?:en)?\b[^;]{0,300}?\bgestand\b", {"toezegging"}),
    (r"(?:ab)+c", {"ab"}),
    (r"(?:a|b?)x?", None),  # a branch and a part that can be empty
    (r"[Tt]oe", {"oe"}),
    (r"\w+", None),
    (r"(?=toe)", None),
])
def test_required_literals(pattern: str, literals: set[str] | None) -> None:
    assert required_literals(pattern, re.IGNORECASE) == (frozenset(literals) if literals is not None else None)


@pytest.mark.parametrize(("sentence", "may"), [
    ("Ik zal uw Kamer voor de zomer informeren over de voortgang", True),
    ("Hiermee doe ik mijn toezegging gestand", True),
    ("HIERMEE DOE IK MIJN TOEZEGGING GESTAND", True),
    ("Hiermee doe ik mijn toezegging geſtand", True),  # `ſ` matches `s` when case is ignored
    ("Het aantal slachtoffers is gestegen", False),
    ("De cijfers staan in tabel 2", False),
])
def test_may_hold_commitment(sentence: str, may: bool) -> None:
    assert may_hold_commitment(sentence) is may


def corpus_sentences(letters: dict[str, Letter]) -> list[str]:
    """Every sentence of the corpus letters, with upper-case and `ſ` variants of each."""
    out = []
    for letter in letters.values():
        for s in split_sentences(letter.text):
            text = letter.text[s.start : s.end]
            out += [text, text.upper(), text.replace("s", "ſ")]
    return out


def test_prefilter_changes_no_classification(corpus_letters: dict[str, Letter],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = corpus_sentences(corpus_letters)
    fast = [classify_sentence(s) for s in sentences]
    assert sum(f is not None for f in fast) >= 30
    assert sum(not may_hold_commitment(s) for s in sentences) > len(sentences) // 2  # it does skip
    monkeypatch.setattr(commitment_forms, "keywords", lambda: None)
    assert [classify_sentence(s) for s in sentences] == fast


@pytest.mark.parametrize("group", ["fulfilled", "earlier", "this_letter", "present_inform", "progress"])
def test_joined_group_starts_where_the_earliest_pattern_matches(corpus_letters: dict[str, Letter],
                                                                group: str) -> None:
    joined = commitment_forms.patterns()[group]
    assert isinstance(joined, re.Pattern)
    patterns = [re.compile(commitment_forms.fill(p), commitment_forms.FLAGS) for p in commitment_forms.data()[group]]
    found = 0
    for sentence in corpus_sentences(corpus_letters):
        one = joined.search(sentence)
        each = min((m.start() for m in (p.search(sentence) for p in patterns) if m), default=None)
        assert (one.start() if one else None) == each
        scanned = commitment_forms.first(group, sentence)  # tried at its first words only: the same match
        assert (scanned.span() if scanned else None) == (one.span() if one else None)
        found += one is not None
    assert found > 0 or group == "progress"


def test_joined_keeps_lists_it_cannot_join() -> None:
    with_group = [re.compile(r"(a)\1"), re.compile("b")]
    assert commitment_forms.joined(with_group) is with_group
    assert commitment_forms.joined([]) == []
