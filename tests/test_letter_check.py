"""The folder parse's letter check (ingest.letter_check): the one-pass word counts equal the regex counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from mhextract.ingest import letter_check
from mhextract.ingest.letter_check import function_words, letter_signs, not_a_letter

ROOT = Path(__file__).resolve().parents[1] / "corpus"
LETTERS = sorted(ROOT.glob("realworld/*/letters/*.txt"))

ODD = [
    "This README explains how the letters of the Tweede Kamer are parsed; it is in English and the tool is Dutch.",
    "DE MINISTER VAN JUSTITIE EN VEILIGHEID heeft het rapport ontvangen; Het kabinet is van mening dat...",
    "De \u017ftaatssecretaris en İstanbul: de ſ en de İ laten kleine letters schuiven.",
    "de-minister, the_end, voor2020 en 'het' \"van\" (de) [en] de\u00a0minister",
    "",
]


def regex_counts(text: str) -> tuple[int, int]:
    _, _, dutch, english = letter_check._signs()
    return len(dutch.findall(text)), len(english.findall(text))


@pytest.mark.parametrize("text", ODD)
def test_function_words_are_the_regex_counts_on_odd_texts(text: str) -> None:
    assert function_words(text) == regex_counts(text)


def test_function_words_are_the_regex_counts_on_real_letters() -> None:
    assert len(LETTERS) > 400
    total = 0
    for path in LETTERS:
        text = path.read_text(encoding="utf-8")
        counts = function_words(text)
        assert counts == regex_counts(text), path.name
        total += counts[0]
    assert total > 10_000


def test_letter_signs_stop_at_enough_and_every_real_letter_reads_as_a_letter() -> None:
    text = "Geachte voorzitter, hierbij zend ik u, mede namens de minister, de brief over Kamerstuk 28 638."
    assert len(letter_signs(text)) > 2
    assert len(letter_signs(text, enough=2)) == 2
    assert all(not_a_letter(path) is None for path in LETTERS)
