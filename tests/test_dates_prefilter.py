"""Dates: word tries and digit-first scans find exactly what the plain grammar finds."""

from __future__ import annotations

import re

import pytest

from mhextract.extract.date_grammar import date_patterns, date_sources, find_date_candidates
from mhextract.normalise.letter import Letter


def variants(letters: dict[str, Letter]) -> list[str]:
    """The corpus letters, and upper-case, `ſ` and Kelvin-sign variants of each (case is ignored)."""
    texts = [letter.text for letter in letters.values()]
    return texts + [t.upper() for t in texts] + [t.replace("s", "ſ").replace("k", "\u212a") for t in texts]


def test_trie_grammar_matches_as_the_plain_one(corpus_letters: dict[str, Letter]) -> None:
    plain = {kind: re.compile(p, re.IGNORECASE) for kind, p in date_sources(trie=False).items()}
    assert plain.keys() == date_patterns().keys()
    found = 0
    for text in variants(corpus_letters):
        for kind, pattern in date_patterns().items():
            fast = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert fast == [(m.span(), m.groupdict()) for m in plain[kind].finditer(text)], kind
            found += len(fast)
    assert found > 100


@pytest.mark.parametrize(("text", "dates"), [
    ("Op 14 en 15 juni 2022 en in het eerste kwartaal van 2023.",
     ["14 en 15 juni 2022", "het eerste kwartaal van 2023"]),
    ("In 2019–2023 en Q1 2024, medio 2021.", ["2019–2023", "Q1 2024", "medio 2021"]),
    ("Kamerstukken II 2023/24, nr. 2021 en 2000 slachtoffers.", []),
])
def test_candidates(text: str, dates: list[str]) -> None:
    assert [c.text for c in find_date_candidates(text)] == dates
