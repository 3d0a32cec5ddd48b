"""Date forms of older and officielebekendmakingen letters: session years in a table header, slash and
`tussen ... en ...` year pairs, weekdays with a past or future marker, a day glued to its month, and
years that belong to a name or a print colophon."""

from __future__ import annotations

import pytest

from mhextract.extract.dates import find_dates, is_session_year

LETTER_DATE = "2019-11-22"  # a Friday


def _dates(text: str, letter_date: str | None = LETTER_DATE) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, letter_date=letter_date)]


@pytest.mark.parametrize("text", [
    "| Tweede Kamer der Staten-Generaal | 2018-2019 | 26485 nr. 308 |",
    "| Eerste Kamer der Staten-Generaal | 2020-2021 | 35106-(R2115) nr. H |",
    "Tweede Kamer der Staten-Generaal  |  2009–2010 | 31371 nr. 342",
    "ISSN 0921 - 7371 Sdu Uitgevers ’s-Gravenhage 2009",
    "KST tkkst ISSN Sdu Uitgevers s-gravenhage 2007 Tweede Kamer, vergaderjaar",
    "(2010/2011, 32 716, nr. 13)",
    "(2010–2011, 32716, nr. 13)",
])
def test_session_and_colophon_years_are_no_dates(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("In de periode 2018-2019 | 2020 staat in de tabel", [("2018-2019", "2018/2019"), ("2020", "2020")]),
    ("De Staten-Generaal stemden in 2019 in.", [("2019", "2019")]),
    ("Het rapport van 12 mei 2011 (Kamerstukken II, 2010–2011, 32 716) volgt.", [("12 mei 2011", "2011-05-12")]),
])
def test_near_misses_of_session_years_stay_dates(text: str, found: list[tuple[str, str]]) -> None:
    assert _dates(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("kort na de jaarwisseling van 2011/2012 de meeste besluiten", ("2011/2012", "2011/2012")),
    ("In de Schoolkostenmonitor 2018/2019 van Oberon staat", ("2018/2019", "2018/2019")),
    ("het rapport «Kwaliteit toezicht kinderopvang 2011/2012» van de Inspectie", ("2011/2012", "2011/2012")),
    ("een schooljaar 2022/2023", ("2022/2023", "2022/2023")),
])
def test_a_full_slash_pair_of_consecutive_years_is_one_period(text: str, found: tuple[str, str]) -> None:
    assert _dates(text) == [found]


@pytest.mark.parametrize("text", [
    "Kamerstukken II 2011/2012, 33 000",
    "het schooljaar 2023/24 begint",  # a short pair: a session or school year written as a label
    "ons kenmerk 2005/408",
    "kenmerk DN. 2004/2789 datum",
    "in 2020/2025 kwam",  # a slash between years further apart: no turn of the year
])
def test_slash_pairs_that_are_no_period(text: str) -> None:
    assert not [v for _, v in _dates(text) if v and "/" in v]


def test_session_year_detector_keeps_short_pairs_and_citations() -> None:
    text = "Kamerstukken II 2023/24 en (2010/2011, 32 716) en de jaarwisseling 2011/2012"
    assert is_session_year(text, text.index("2023/24"))
    assert is_session_year(text, text.index("2010/2011"))
    assert not is_session_year(text, text.index("2011/2012"))


@pytest.mark.parametrize(("text", "found"), [
    ("Dhr. Joustra was tussen 1987 en 2002 secretaris-generaal.", ("tussen 1987 en 2002", "1987/2002")),
    ("Tussen 2017 en 2020 zijn de vijf instellingen bezocht.", ("Tussen 2017 en 2020", "2017/2020")),
    ("de verlenging van de derogatie voor de jaren 2020 en 2021", ("de jaren 2020 en 2021", "2020/2021")),
    ("Het pgb wordt over de jaren 2015 en 2016 gemonitord.", ("de jaren 2015 en 2016", "2015/2016")),
])
def test_year_pairs_after_a_lead_are_one_period(text: str, found: tuple[str, str]) -> None:
    assert _dates(text) == [found]


@pytest.mark.parametrize(("text", "found"), [
    ("In 2020 en 2021 investeert JenV.", [("2020", "2020"), ("2021", "2021")]),
    ("tussen 2023 en 1990 ligt", [("2023", "2023"), ("1990", "1990")]),  # backwards: two years
    ("de cijfers over 2005 en 2006 respectievelijk", [("2005", "2005"), ("2006", "2006")]),
])
def test_year_pairs_without_a_lead_stay_two_years(text: str, found: list[tuple[str, str]]) -> None:
    assert _dates(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("wetsvoorstellen a.s. dinsdag in behandeling te nemen", ("a.s. dinsdag", "2019-11-26")),
    ("de besluitvorming van jongstleden vrijdag", ("jongstleden vrijdag", "2019-11-15")),
    ("voor het overleg van komende donderdag meer inzicht", ("komende donderdag", "2019-11-28")),
    ("Afgelopen maandag sprak ik met de burgemeesters.", ("Afgelopen maandag", "2019-11-18")),
    ("op woensdag jl. heb ik besloten", ("woensdag jl.", "2019-11-20")),
    ("het debat van vrijdag a.s.. Dan", ("vrijdag a.s.", "2019-11-29")),
])
def test_weekdays_with_a_marker_are_the_nearest_such_day(text: str, found: tuple[str, str]) -> None:
    assert _dates(text) == [found]


def test_marked_weekday_needs_the_letter_date() -> None:
    assert _dates("het overleg van komende donderdag", letter_date=None) == [("komende donderdag", None)]


@pytest.mark.parametrize(("text", "found"), [
    ("op dinsdag wordt vergaderd", []),  # a bare weekday
    ("in de ministerraad van vrijdag 25 mei jongstleden", [("vrijdag 25 mei jongstleden", "2019-05-25")]),
    ("a.s. dinsdag 26 november vergadert de Kamer", [("dinsdag 26 november", "2019-11-26")]),
])
def test_weekday_near_misses(text: str, found: list[tuple[str, str]]) -> None:
    assert _dates(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("Den Haag, 31oktober 2011", ("31oktober 2011", "2011-10-31")),
    ("op 2maart 2020 is besloten", ("2maart 2020", "2020-03-02")),
])
def test_a_day_glued_to_its_month_before_a_year(text: str, found: tuple[str, str]) -> None:
    assert _dates(text) == [found]


@pytest.mark.parametrize("text", ["op 3mei werd", "de 12mei-regeling"])
def test_a_glued_day_without_a_year_is_no_date(text: str) -> None:
    assert _dates(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("de nieuwe Natura 2000-beheerplannen voor de periode 2028-2034", [("2028-2034", "2028/2034")]),
    ("het beleid ten aanzien van Natura 2000 in zijn algemeenheid", []),
    ("in het jaar 2000 was dit anders", [("2000", "2000")]),
    ("de raad vergaderde in ’s-Gravenhage in 2009", [("2009", "2009")]),
])
def test_years_in_names_and_near_misses(text: str, found: list[tuple[str, str]]) -> None:
    assert _dates(text) == found
