"""Number words: the stem pre-filter reads the same words as reading every word, only faster."""

from __future__ import annotations

import re

import pytest

from mhextract.analysis import patterns
from mhextract.extract import numbers
from mhextract.extract.numbers import counted_unit, find_numbers


def every_word(text: str) -> list[tuple[int, int, str]]:
    """The words of `text` holding a number stem, found by testing every word (the slow reference)."""
    stems = numbers._number_stems()
    return [(m.start(), m.end(), m.group()) for m in numbers._WORD_RE.finditer(text)
            if stems.search(m.group().rstrip(".").lower())]


CANDIDATE_CASES = [
    ("Er zijn drieëntwintig zaken en twee miljoen euro.", ["drieëntwintig", "twee"]),
    ("Een elftal advertentiesites, anderhalf miljoen.", ["Een", "elftal", "anderhalf"]),
    ("Het aantal meldingen steeg; totaal 40.", ["aantal"]),
    ("DRIEHONDERD gevallen. Zelfstandig.", ["DRIEHONDERD", "Zelfstandig."]),
    ("twee_drie x2twee ½twee Ⅻtwee", ["twee", "drie", "twee", "½twee", "Ⅻtwee"]),  # `½`, `Ⅻ` are letters here
    ("İstanbul: twee vluchten.", ["twee"]),  # `İ` lowercases to two characters: word by word
    ("İİİİİİİİ twee boom", ["twee"]),
    ("Geen getallen hier.", ["Geen", "getallen"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "words"), CANDIDATE_CASES)
def test_candidate_words_are_the_words_holding_a_stem(text: str, words: list[str]) -> None:
    found = [(m.start(), m.end(), m.group()) for m in numbers._candidate_words(text)]
    assert found == every_word(text)
    assert [w for _, _, w in found] == words


@pytest.mark.parametrize("text", [c[0] for c in CANDIDATE_CASES])
def test_word_numbers_same_as_reading_every_word(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = numbers._find_word_numbers(text)
    monkeypatch.setattr(numbers, "_candidate_words", numbers._WORD_RE.finditer)
    assert numbers._find_word_numbers(text) == fast


def test_find_numbers_values() -> None:
    text = "Er zijn drieëntwintig zaken, 1.175 meldingen, een elftal sites en anderhalf miljoen euro (60%)."
    assert [(n.text, n.value, n.kind) for n in find_numbers(text)] == [
        ("drieëntwintig", 23, "word"), ("1.175", 1175, "digits"), ("elftal", 11, "collective"),
        ("anderhalf miljoen", 1_500_000, "word"), ("60", 60, "digits"),
    ]


@pytest.mark.parametrize("words", [["acht", "achttien", "achttig"], ["een", "één", "eén"], ["tal"], ["a", "ab", "abc"]])
def test_trie_pattern_finds_where_any_word_starts(words: list[str]) -> None:
    pattern = re.compile(patterns.trie_pattern(words))
    text = " ".join(["xx", *words, "achtendertig", "abab", "talent", "zeen"])
    naive = sorted({i for w in words for i in range(len(text)) if text.startswith(w, i)})
    found, pos = [], 0
    while (m := pattern.search(text, pos)) is not None:
        found.append(m.start())
        pos = m.start() + 1
    assert found == naive


@pytest.mark.parametrize(("word", "unit"), [
    ("verdachten", "persons"), ("reclasseringsorganisaties", "organisations"), ("slachtoffers", "persons"),
    ("meldingen", "cases"), ("oorzaken", None), ("fiets", None), ("organisaties", "organisations"),
    ("rechtszaken", "cases"), ("hoofddader", "persons"), ("sportclubs", "organisations"),  # nouns of min_len
])
def test_counted_unit_by_suffix_lookup(word: str, unit: str | None) -> None:
    assert counted_unit(word) == unit
    table, by_length, min_len = numbers._noun_units()
    w = word.lower()
    slow = table.get(w) or (None if w in numbers._non_compounds() else next(
        (u for noun, u in by_length if len(noun) >= min_len and len(w) > len(noun) and w.endswith(noun)), None))
    assert counted_unit(word) == slow


def _real_texts() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpus"
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("realworld/*/letters/*.txt"))]


ODD_TIMES = ["Tweemaal, DRIEMAAL en normaal; viermaal-vijfmaal; nu eenmaal.", "\u0130k tweemaal en zesmaal.",
             "maal", "De maaltijd, het totaal en vijfmaal de Maal."]


def test_times_are_read_only_at_words_holding_the_suffix() -> None:
    """`figure_shares._times_matches` is exactly `finditer` of the times pattern, on real letters and odd texts."""
    from mhextract.extract import figure_shares

    found = 0
    for text in [*_real_texts(), *ODD_TIMES]:
        fast = [m.span() for m in figure_shares._times_matches(text)]
        assert fast == [m.span() for m in figure_shares._times_pattern().finditer(text)], text[:60]
        found += len(fast)
    assert found > 10


SHARE_TEXTS = ["900.000 woningen, waarvan twee derde betaalbaar.", "daarvan ruim de helft in 2024",
               "waarvan meer dan een derde", "een derde van de gemeenten", "driekwart deel",
               "waarvan 12 in Utrecht en een derde kwartaal", "Waarvan twee derde."]


def test_share_anchors_hold_for_every_share() -> None:
    """Where the share pattern matches, the cheap anchors do too (a text without them is skipped)."""
    from mhextract.extract import figure_shares

    shares = 0
    for text in [*_real_texts(), *SHARE_TEXTS]:
        if figure_shares._share_pattern().search(text):
            shares += 1
            assert figure_shares._may_hold_share(text), text[:80]
    assert shares > 10
    assert not figure_shares._may_hold_share("waarvan 12 in Utrecht, en in het derde kwartaal van 2024")
