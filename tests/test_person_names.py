"""Full names in running text, from deduce's Dutch first-name list: wordings beyond the corpus and near-misses."""

from __future__ import annotations

import pytest

from mhextract.extract.person_names import find_full_names, first_names
from mhextract.extract.persons import find_persons


def test_first_name_list_is_loaded_from_deduce() -> None:
    names = first_names()
    assert len(names) > 10_000
    assert {"Derk", "Laura", "Emile", "Jan"} <= names
    assert "Bent" not in names  # deduce lists it as a first name that is also a common word


@pytest.mark.parametrize(("text", "name"), [
    ("Derk Wiersum werd in 2019 vermoord.", "Derk Wiersum"),
    ("de voorzitter Laura van Geest van de AFM", "Laura van Geest"),
    ("Twee jaar geleden presenteerde dhr. Emile Roemer het rapport.", "Emile Roemer"),
    ("zoals Jan Jansen1 opmerkte", "Jan Jansen"),
    ("met oud-burgemeester Femke Halsema-Dijkstra besproken", "Femke Halsema-Dijkstra"),
    ("Het onderzoek van Paul van der Berg laat zien", "Paul van der Berg"),
])
def test_full_names_are_found(text: str, name: str) -> None:
    assert [n for _, _, n in find_full_names(text)] == [name]


@pytest.mark.parametrize("text", [
    "In Den Haag en Sint Maarten is overleg gevoerd.",
    "Bent u bekend met het bericht?",
    "Het Jeugdfonds Sport & Cultuur en het Prinses Máxima Centrum.",
    "Op 1 Juni Maart volgt het besluit.",
    "in de Tweede Kamer en de Raad",
    "het advies van de Raad van State van Maria Kamer",
])
def test_near_misses_are_no_full_names(text: str) -> None:
    assert find_full_names(text) == []


def test_a_full_name_inside_an_organisation_name_is_blocked() -> None:
    text = "De Stichting Anne Frank Huis opent."
    start = text.index("Stichting")
    assert find_full_names(text) and not find_full_names(text, [(start, start + len("Stichting Anne Frank Huis"))])


def test_full_name_joins_a_titled_mention_of_the_same_person() -> None:
    persons = find_persons("Minister Rutte sprak. Later zei Mark Rutte dat het kabinet besluit.")
    # one person, named as the titled mention names him (more authoritative), with both mentions
    assert [(p.name, p.role, len(p.mentions)) for p in persons] == [("Rutte", "Minister", 2)]


def test_a_member_pattern_that_stops_at_a_first_name_takes_the_full_name() -> None:
    persons = find_persons("Vragen van het lid Jasper van Dijk aan de Minister-President.")
    assert [(p.name, p.role) for p in persons] == [("Jasper van Dijk", "Kamerlid")]


def test_members_named_with_academic_titles_and_initials() -> None:
    text = ("De commissie bestond uit de volgende leden:\n\n • Mevrouw drs. M. Sint, tevens voorzitter,\n\n"
            " • Dr. Ir. A.W. Veenman,\n\n • Prof. Mr. Dr. S. Zouridis, en\n\n • Mr. Dr. P.J.P.M. van Lochem.")
    assert [p.name for p in find_persons(text)] == ["M. Sint", "A.W. Veenman", "S. Zouridis", "P.J.P.M. van Lochem"]


def test_an_academic_title_without_initials_names_nobody() -> None:
    assert find_persons("Het advies van dr. mr. Onderzoeksraad is bekend. Mr. en mevrouw kwamen.") == []


@pytest.mark.parametrize("text", [
    "Het secretariaat zit aan de Anna van Hannoverstraat 4 in Den Haag.",  # b06: a ministry's address
    "Wij spraken met bewoners van de Jan van Galenstraat over de overlast.",
    "De opening was op het Willem Koningsplein in Utrecht.",
])
def test_a_street_named_after_a_person_is_no_person(text: str) -> None:
    assert find_full_names(text) == []


def test_a_known_surname_with_a_street_ending_stays_a_name() -> None:
    """`Langstraat` is a Dutch surname as well as a street ending: a known surname wins."""
    text = "Wij spraken met Piet Langstraat en Anna Verkade over het rapport."
    assert [name for _, _, name in find_full_names(text)] == ["Piet Langstraat", "Anna Verkade"]


def test_a_surname_is_never_cut_out_of_a_longer_word() -> None:
    """`Dilan Yeşilgöz-Zegerius`: the name is whole (Latin Extended letters), never `Dilan Ye`."""
    assert [n for _, _, n in find_full_names("Minister Dilan Yeşilgöz-Zegerius sprak.")] == ["Dilan Yeşilgöz-Zegerius"]
    assert [n for _, _, n in find_full_names("Wij spraken met Anna Deﬁnitief.")] == []  # a ligature letter goes on
