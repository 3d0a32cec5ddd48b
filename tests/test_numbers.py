"""Dutch number parsing: digits with thousands dot and decimal comma, words, collectives, scales."""

from __future__ import annotations

import pytest

from mhextract.extract.numbers import (
    counted_unit,
    find_numbers,
    parse_collective,
    parse_number_word,
    parse_numeral,
    quantity_unit,
    scale_of,
)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("één", 1), ("eén", 1), ("twee", 2), ("drie", 3), ("zes", 6), ("tien", 10), ("elf", 11),
        ("dertien", 13), ("zestien", 16), ("negentien", 19), ("twintig", 20), ("eenentwintig", 21),
        ("drieëntwintig", 23), ("tweeëntwintig", 22), ("vijfenzeventig", 75), ("negenennegentig", 99),
        ("honderd", 100), ("tweehonderd", 200), ("tweehonderdvijftig", 250), ("duizend", 1000),
        ("tweeduizend", 2000), ("Drie", 3),
    ],
)
def test_number_words(word: str, value: int) -> None:
    assert parse_number_word(word) == value


@pytest.mark.parametrize("word", ["tweede", "eerste", "honderden", "duizenden", "aantal", "tientallen", "mensen",
                                  "tweeën", "enkele", "ten"])
def test_not_number_words(word: str) -> None:
    assert parse_number_word(word) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("87", 87), ("1.175", 1175), ("500.000", 500000), ("10.000.000", 10000000), ("2,5", 2.5),
     ("1.175,50", 1175.5), ("0,75", 0.75)],
)
def test_numerals(text: str, value: float) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize(
    ("word", "value"),
    [("elftal", 11), ("tiental", 10), ("twintigtal", 20), ("50-tal", 50), ("vijftigtal", 50),
     ("honderdtal", 100), ("dozijn", 12), ("tweetal", 2), ("aantal", None), ("tal", None), ("getal", None)],
)
def test_collectives(word: str, value: int | None) -> None:
    assert parse_collective(word) == value


@pytest.mark.parametrize(
    ("word", "value"),
    [("miljoen", 10**6), ("mln.", 10**6), ("mln", 10**6), ("miljard", 10**9), ("mld.", 10**9),
     ("duizend", 1000), ("euro", None)],
)
def test_scales(word: str, value: int | None) -> None:
    assert scale_of(word) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€ 10 miljoen", [("10 miljoen", 10_000_000)]),
        ("€ 52 mln. voor", [("52 mln.", 52_000_000)]),
        ("één miljoen euro", [("één miljoen", 1_000_000)]),
        ("drie miljoen per jaar", [("drie miljoen", 3_000_000)]),
        ("een miljoen euro", [("een miljoen", 1_000_000)]),
        ("anderhalf miljoen", [("anderhalf miljoen", 1_500_000)]),
        ("een half miljoen", [("een half miljoen", 500_000)]),
        ("€ 1,5 miljard", [("1,5 miljard", 1_500_000_000)]),
        ("tien duizend", [("tien duizend", 10_000)]),
        ("een elftal sites", [("elftal", 11)]),
        ("een 50-tal aanbevelingen", [("50-tal", 50)]),
        ("60% en 40 %", [("60", 60), ("40", 40)]),
        ("12 en 23 jaar", [("12", 12), ("23", 23)]),
        ("een van de kernoorzaken", []),
        ("artikel 273f Sr", []),
        ("Kamerstukken II 2023/24", []),
        ("ECLI:NL:RBMNE:2023:4838", []),
        ("onderdeel 1° tot en met 9°", []),
        ("de 3RO en 2022Z19982", []),
        ("om 10.00 uur", []),
        ("de 2e Kamer", []),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == expected


def test_offsets_point_into_text() -> None:
    text = "In totaal 1.175 fte."
    (n,) = find_numbers(text)
    assert text[n.start : n.end] == "1.175"
    assert n.kind == "digits" and not n.scaled


@pytest.mark.parametrize(
    ("word", "unit"),
    [("verdachten", "persons"), ("mensenhandelslachtoffers", "persons"), ("reclasseringsorganisaties",
     "organisations"), ("advertentiesites", "organisations"), ("opsporingsonderzoeken", "cases"),
     ("politie-eenheden", "organisations"), ("gevallen", "cases"), ("maanden", "other"), ("kwesties", None),
     ("geleden", None)],
)
def test_counted_unit(word: str, unit: str | None) -> None:
    assert counted_unit(word) == unit


@pytest.mark.parametrize(("word", "unit"), [("fte", "fte"), ("euro", "EUR"), ("procent", "percent"),
                                            ("personen", "persons"), ("kwesties", None)])
def test_quantity_unit(word: str, unit: str | None) -> None:
    assert quantity_unit(word) == unit
