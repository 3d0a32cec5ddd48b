"""Figures: a number before an article counts nothing (`acht het kabinet`), digits glued to a word by a hyphen
are part of it (`35-minners`), `vijfenhalf` is 5.5, suspended compounds (`vier opsporings- en
handhavingsdiensten`), and singular and shipyard nouns that count organisations."""

from __future__ import annotations

import pytest

from mhextract.extract.figures import find_figures
from mhextract.extract.numbers import find_numbers


def _figures(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.unit) for f in find_figures(text, claimed=[])]


@pytest.mark.parametrize("text", [
    "In algemene zin acht het kabinet het niet wenselijk om verslagen openbaar te maken.",
    "Voorts acht de minister dit onvoldoende.",
    "zie de brief.2 De kern van het advies is dat",
    "het advies (2 de kabinetsreactie daarop) volgt",
])
def test_a_number_before_an_article_is_no_figure(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("dat 190 door het OM-geregistreerde verdachten zouden worden voorgeleid",
     [("190 door het OM-geregistreerde verdachten", 190, "persons")]),
    ("Er werden acht nieuwe rechercheurs aangesteld.", [("acht nieuwe rechercheurs", 8, "persons")]),
])
def test_articles_further_on_are_passed(text: str, found: list[tuple[str, float, str]]) -> None:
    assert _figures(text) == found


@pytest.mark.parametrize("text", [
    "de arbeidsparticipatie van 35-minners en mensen met een uitkering",
    "een regeling voor 65-plussers",
    "het 10-puntenplan van de minister",
])
def test_digits_glued_to_a_word_are_part_of_it(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("er zijn 18-jarige slachtoffers gemeld", [("18-jarige slachtoffers", 18, "persons")]),
    ("een 50-tal aanbevelingen", [("een 50-tal aanbevelingen", 50, "other")]),
    ("jongeren van 12-18 jaar", [("12", 12, "years"), ("18 jaar", 18, "years")]),
])
def test_glued_near_misses_stay_figures(text: str, found: list[tuple[str, float, str]]) -> None:
    assert _figures(text) == found


@pytest.mark.parametrize(("word", "value"), [("vijfenhalf", 5.5), ("tweeënhalf", 2.5), ("drieënhalve", 3.5),
                                             ("twintigenhalf", 20.5)])
def test_and_a_half_words(word: str, value: float) -> None:
    assert [(n.text, n.value) for n in find_numbers(f"de eerste {word} jaar")] == [(word, value)]


@pytest.mark.parametrize("text", ["de enhalf regel", "een halfjaar", "de helft"])
def test_and_a_half_near_misses(text: str) -> None:
    assert find_numbers(text) == []


def test_and_a_half_counts_years() -> None:
    assert _figures("lering uit de eerste vijfenhalf jaar van het fonds") == [("vijfenhalf jaar", 5.5, "years")]


@pytest.mark.parametrize(("text", "found"), [
    ("Er zijn vier opsporings- en handhavingsdiensten actief.",
     ("vier opsporings- en handhavingsdiensten", 4, "organisations")),
    ("Er werken 12 zeden- en jeugdrechercheurs.", ("12 zeden- en jeugdrechercheurs", 12, "persons")),
    ("twee publiek- of privaatrechtelijke partijen", ("twee publiek- of privaatrechtelijke partijen", 2,
                                                       "organisations")),
    ("beschikt over vier Luchtverdedigings- en Commandofregatten (LC-fregatten).",
     ("vier Luchtverdedigings- en Commandofregatten", 4, "other")),
])
def test_suspended_compounds_count_the_full_noun(text: str, found: tuple[str, float, str]) -> None:
    assert _figures(text) == [found]


@pytest.mark.parametrize("text", [
    "Kamerstuk 21 501-32 Landbouw- en Visserijraad",  # a dossier title: a capitalised singular
    "vier opsporings- en Handhavingsdiensten",  # a capital only in the second part: a name
    "drie kinder- en",  # cut off
])
def test_suspended_compound_near_misses(text: str) -> None:
    assert _figures(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("13 bedrijven hebben de status, waarvan er bij 1 bedrijf sprake is van herbesmetting.",
     [("13 bedrijven", 13, "organisations"), ("1 bedrijf", 1, "organisations")]),
    ("de offerteaanvraag naar de drie kandidaat-werven", [("drie kandidaat-werven", 3, "organisations")]),
    ("Het ging om één onderneming.", [("één onderneming", 1, "organisations")]),
])
def test_singular_and_shipyard_nouns_count_organisations(text: str, found: list[tuple[str, float, str]]) -> None:
    assert _figures(text) == found


def test_werven_as_a_verb_is_not_counted() -> None:
    assert _figures("om 20 agenten te werven") == [("20 agenten", 20, "persons")]


@pytest.mark.parametrize(("text", "found"), [
    ("Op 1 januari 2003 bedroeg het aantal onder toezicht gestelde minderjarigen 20 236, in 2004 20 928 en in "
     "2005 22 243.", [("20 236", 20236, "persons"), ("20 928", 20928, "persons"), ("22 243", 22243, "persons")]),
    ("Het aantal minderjarigen onder voogdij bedroeg op 1 januari 2003 5021, in 2004 5108 en in 2005 5376.",
     [("5021", 5021, "persons"), ("5108", 5108, "persons"), ("5376", 5376, "persons")]),
    ("Het aantal aangiften was in 2019 412 en in 2020 530.", [("412", 412, "cases"), ("530", 530, "cases")]),
])
def test_counts_per_year_in_a_series(text: str, found: list[tuple[str, float, str]]) -> None:
    assert _figures_dated(text) == found


@pytest.mark.parametrize("text", [
    "Zoals aangegeven in de brief van 1 oktober 2012 2 Kamerstuk 29 984, nr. 312, is er gesproken.",
    "Datum 13 november 2018 2413397 Onderwerp Programma",
    "Den Haag, 8 juni 2006 1. Inleiding",
    "Het rapport over slachtoffers 300 is verschenen.",  # a counted noun without a total word before it
])
def test_series_near_misses(text: str) -> None:
    assert _figures_dated(text) == []


def _figures_dated(text: str) -> list[tuple[str, float, str]]:
    """Figures with the dates claimed, as the pipeline runs them."""
    return [(f.text, f.value, f.unit) for f in find_figures(text)]
