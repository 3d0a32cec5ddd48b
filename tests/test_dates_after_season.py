"""Dates: `na de <season>` names the season after it; a Staatsblad year is a citation's volume, not a date."""

from __future__ import annotations

import pytest

from mhextract.extract.dates import find_dates


@pytest.mark.parametrize(("sentence", "letter", "text", "value"), [
    ("Ik verwacht u hierover na de zomer te kunnen informeren.", "2013-04-09", "na de zomer", "2013-autumn"),
    ("Na de zomer stuur ik u de evaluatie.", "2022-07-15", "Na de zomer", "2022-autumn"),
    ("Het kabinet besluit na de zomer over de tweede tranche.", "2025-09-09", "na de zomer", "2025-autumn"),
    ("De pilot start na de winter in drie regio's.", "2023-11-01", "na de winter", "2024-spring"),
    ("Het overleg volgt na de zomer van 2021.", None, "na de zomer van 2021", "2021-autumn"),
])
def test_na_de_season_is_the_season_after(sentence: str, letter: str | None, text: str, value: str) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, letter)] == [(text, value)]


@pytest.mark.parametrize(("sentence", "text", "value"), [
    ("Ik informeer u voor de zomer over de uitkomst.", "de zomer", "2013-summer"),
    ("Ik informeer u na het zomerreces over de uitkomst.", "het zomerreces", "2013-summer"),  # a recess, not a season
    ("In de zomer is de regeling aangepast.", "de zomer", "2013-summer"),
    ("Na de zomervakantie starten de scholen.", None, None),  # no season word
])
def test_other_words_before_a_season_keep_it(sentence: str, text: str | None, value: str | None) -> None:
    found = [(d.text, d.value) for d in find_dates(sentence, "2013-04-09")]
    assert found == ([(text, value)] if text else [])


@pytest.mark.parametrize("sentence", [
    "Dit is geregeld in het besluit (Stb. 1999, nr. 464).",
    "Zie de wijziging van de Tijdelijke wet (Stb. 2021, 549) en de toelichting.",
    "De wet is gepubliceerd in Staatsblad 2003, 12.",
])
def test_a_staatsblad_year_is_no_date(sentence: str) -> None:
    assert find_dates(sentence, "2023-05-01") == []


def test_a_year_near_a_staatsblad_citation_still_is() -> None:
    sentence = "De wet van 1999 (Stb. 1999, nr. 464) geldt sinds 2000."
    assert [d.value for d in find_dates(sentence, None)] == ["1999", "2000"]


@pytest.mark.parametrize(("sentence", "letter", "text", "value"), [
    ("In het afgelopen kwartaal zijn 40 zaken afgerond.", "2024-04-09", "het afgelopen kwartaal", "2024-Q1"),
    ("Over het vorige kwartaal rapporteer ik later.", "2024-01-15", "het vorige kwartaal", "2023-Q4"),
    ("Dit kwartaal volgt de brief.", "2024-11-20", "Dit kwartaal", "2024-Q4"),
    ("Het komende kwartaal volgt de brief.", "2024-11-20", "Het komende kwartaal", "2025-Q1"),
    ("In het afgelopen kwartaal zijn 40 zaken afgerond.", None, "het afgelopen kwartaal", None),
])
def test_a_relative_quarter_is_the_letters_quarter_shifted(sentence: str, letter: str | None, text: str,
                                                          value: str | None) -> None:
    assert [(d.text, d.value) for d in find_dates(sentence, letter)] == [(text, value)]


@pytest.mark.parametrize("sentence", [
    "Het afgelopen kwartaalbericht is gepubliceerd.",  # part of a word
    "Elk kwartaal rapporteert de politie.",
    "In het afgelopen half jaar is veel gebeurd.",  # relative half years are left out
])
def test_no_relative_quarter(sentence: str) -> None:
    assert find_dates(sentence, "2024-04-09") == []
