"""Persons: surnames of two capitalised words, a lowercase particle after an honorific, a minister's surname
before the portfolio, academic titles in any case after `onder leiding van`, titles inside a signatory's name."""

from __future__ import annotations

import pytest

from mhextract.extract.person_titles import (
    find_academic_mentions,
    find_government_mentions,
    find_leader_mentions,
    find_official_mentions,
    find_titled_mentions,
)
from mhextract.extract.persons import find_persons
from mhextract.record.model import Signatory


@pytest.mark.parametrize(("text", "name"), [
    ("De voorzitter, de heer A.H.G. Rinnooy Kan, heeft mij laten weten dat hij stopt.", "A.H.G. Rinnooy Kan"),
    ("Ook ga ik in op het verzoek van de heer van Haersma Buma gedaan tijdens de regeling.", "Van Haersma Buma"),
    ("Ik respecteer de overwegingen van de heer Rinnooy Kan.", "Rinnooy Kan"),
    ("– De heer dr. A.H.G. Rinnooy Kan – Voorzitter SER", "A.H.G. Rinnooy Kan"),
    ("voorstellen van de heren van Rompuy en Barroso zal toegaan", "Van Rompuy"),
])
def test_titled_surnames_of_two_words_and_lowercase_particles(text: str, name: str) -> None:
    assert name in [m.name for m in find_titled_mentions(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Ik sprak met de heer Cohen over de Nationale Politie.", "Cohen"),  # no second word: a lowercase word follows
    ("Daarna sprak ik met mevrouw Van Ark Donderdag Utrecht.", None),  # a run of capitals: not a name
    ("Hoogachtend, mr. M.C.G. Keijzer Staat", "M.C.G. Keijzer"),  # a word cut at the end of the page
    ("Hoogachtend, mr. M.C.G. Keijzer Staatssecretaris van Economische Zaken", "M.C.G. Keijzer"),
])
def test_a_second_capitalised_word_that_is_no_surname(text: str, name: str | None) -> None:
    found = [m.name for m in [*find_titled_mentions(text), *find_academic_mentions(text)]]
    assert found == ([name] if name else [])


def test_an_academic_title_mention_inside_the_signatorys_name_is_that_person() -> None:
    text = "Hoogachtend,\n\nDE MINISTER VAN JUSTITIE,\n\nDr. E.M.H. Hirsch Ballin"
    persons = find_persons(text, [Signatory(role="De Minister van Justitie", name="E.M.H. Hirsch Ballin")])
    assert [p.name for p in persons] == ["E.M.H. Hirsch Ballin"]


@pytest.mark.parametrize(("text", "name"), [
    ("In deze brief maak ik, mede namens Staatssecretaris Wiebes van Financiën, de balans op.", "Wiebes"),
    ("Ik sprak met minister Hoekstra van Buitenlandse Zaken over de Raad.", "Hoekstra"),
    ("De brief van minister Van der Burg voor Migratie is verstuurd.", "Van der Burg"),
    ("Ik sprak met minister Dilan Yeşilgöz over de aanpak.", "Dilan Yeşilgöz"),
])
def test_a_ministers_surname_before_the_portfolio(text: str, name: str) -> None:
    found = find_government_mentions(text)
    assert [m.name for m in found] == [name]
    assert text[found[0].start:found[0].end] == name


def test_a_portfolio_alone_is_no_minister() -> None:
    assert find_government_mentions("De minister van Justitie en Veiligheid schrijft.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("De commissie onder voorzitterschap van Prof. dr. A. van Staden is klaar.", "A. van Staden"),
    ("Het team onder leiding van Mr. Dr. J. de Vries werkt.", "J. de Vries"),
    ("De werkgroep onder leiding van prof. dr. K. Jansen rapporteert.", "K. Jansen"),
])
def test_academic_titles_in_any_case_after_a_leader_phrase(text: str, name: str) -> None:
    assert [m.name for m in find_leader_mentions(text)] == [name]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("de voorzitter, oud Inspecteur Generaal der Krijgsmacht Luitenant-generaal b.d. C.J.M. De Veer, beschikt",
     "C.J.M. De Veer", "Luitenant-generaal"),
    ("De Commandant der Strijdkrachten, generaal O.A. Eichelsheim, heeft gesproken.", "O.A. Eichelsheim", "generaal"),
    ("Het rapport van vice-admiraal b.d. J.W. Kelder is ontvangen.", "J.W. Kelder", "vice-admiraal"),
])
def test_military_ranks_before_initials(text: str, name: str, role: str) -> None:
    assert [(m.name, m.role) for m in find_official_mentions(text)] == [(name, role)]


@pytest.mark.parametrize("text", [
    "De kolonel van de Landmacht sprak.",  # no initials
    "Generaal Winter kwam vroeg dit jaar.",
    "Het inspecteur-generaal rapport komt later.",
])
def test_a_rank_without_initials_names_no_one(text: str) -> None:
    assert find_official_mentions(text) == []
