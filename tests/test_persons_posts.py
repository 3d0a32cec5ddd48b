"""Persons named with a minister's or state secretary's title, portfolio and initials: signature blocks run
into one line by a transcription, and the co-signers of a `mede namens` phrase."""

from __future__ import annotations

import pytest

from mhextract.extract.person_posts import find_post_mentions


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.role) for m in find_post_mentions(text)]


@pytest.mark.parametrize(("text", "found"), [
    ("Bijgaand bieden wij u een notitie aan. De minister van Buitenlandse Zaken, M. J. M. Verhagen De minister van "
     "Defensie, E. van Middelkoop KST tkkst ISSN",
     [("M. J. M. Verhagen", "minister van Buitenlandse Zaken"), ("E. van Middelkoop", "minister van Defensie")]),
    ("De minister van Onderwijs, Cultuur en Wetenschap, mede namens de staatssecretarissen van Onderwijs, Cultuur "
     "en Wetenschap J.M. van Bijsterveldt-Vliegenthart en S.A.M. Dijksma,",
     [("J.M. van Bijsterveldt-Vliegenthart", "staatssecretaris van Onderwijs, Cultuur en Wetenschap"),
      ("S.A.M. Dijksma", "staatssecretaris van Onderwijs, Cultuur en Wetenschap")]),
    ("Zoals de minister voor Klimaat en Energie, R.A.A. Jetten, eerder meldde",
     [("R.A.A. Jetten", "minister voor Klimaat en Energie")]),
    ("De minister van Defensie, A.Th.B. Bijleveld-Schouten heeft besloten",
     [("A.Th.B. Bijleveld-Schouten", "minister van Defensie")]),
    ("De Minister van Buitenlandse Zaken, Drs. M.J.M. Verhagen De minister", [("M.J.M. Verhagen",
                                                                             "minister van Buitenlandse Zaken")]),
    ("De Staatssecretaris van Infrastructuur en Waterstaat,\n\nS. van Veldhoven-van der Meer\n\nNoot 1",
     [("S. van Veldhoven-van der Meer", "staatssecretaris van Infrastructuur en Waterstaat")]),
    ("De minister van Infrastructuur en Milieu, M. H. Schultz van Haegen- Maas Geesteranus\n\nTer inzage",
     [("M. H. Schultz van Haegen- Maas Geesteranus", "minister van Infrastructuur en Milieu")]),
    ("de minister van BZK, K.H. Ollongren", [("K.H. Ollongren", "minister van BZK")]),
])
def test_title_portfolio_and_initials_name_a_person(text: str, found: list[tuple[str, str]]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize("text", [
    "De minister van Justitie en Veiligheid, De heer Van Dam sprak",  # no initials
    "de minister van Financiën. In 2020 volgde",
    "de minister van Defensie, F.M. en de rest",  # initials without a surname
    "de minister van Sport, E. Jansen",  # no ministry's portfolio
    "Het ministerie van Defensie, E. van Middelkoop",  # a ministry, not a title
    "de ministers van Financiën en Defensie",
])
def test_near_misses(text: str) -> None:
    assert _found(text) == []


def test_a_name_stops_before_a_capitalised_word_that_goes_on() -> None:
    text = "De minister van Defensie, E. van Middelkoop Achtergrondschets en aspecten van de besluitvorming"
    assert _found(text) == [("E. van Middelkoop", "minister van Defensie")]
