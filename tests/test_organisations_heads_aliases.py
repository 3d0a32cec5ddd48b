"""Organisations: `algemene commissie` and lowercase `werkgroep` heads, an abbreviation a letter defines for
something else than the known body that writes it differently, `TK` for the Tweede Kamer, address words
that end a name, and known bodies of defence, health care and research."""

from __future__ import annotations

import pytest

from mhextract.extract.organisations import find_organisations
from mhextract.extract.organisations.definitions import written_as_known


def _names(text: str) -> dict[str, list[str]]:
    return {o.name: o.aliases for o in find_organisations(text)}


@pytest.mark.parametrize(("text", "name"), [
    ("Ik reageer op een verzoek van de algemene commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking.",
     "algemene commissie voor Buitenlandse Handel en Ontwikkelingssamenwerking"),
    ("De algemene commissie voor Wonen en Rijksdienst vroeg om een brief.",
     "algemene commissie voor Wonen en Rijksdienst"),
    ("Bij brief van 3 mei verzocht de Algemene Commissie voor Europese Zaken om een reactie.",
     "Algemene Commissie voor Europese Zaken"),
])
def test_algemene_commissie_is_one_committee_with_its_adjective(text: str, name: str) -> None:
    found = _names(text)
    assert name in found
    assert not any(n.startswith("commissie voor") for n in found)


@pytest.mark.parametrize(("text", "name", "aliases"), [
    ("9 fiches die werden opgesteld door de werkgroep Beoordeling Nieuwe Commissievoorstellen (BNC).",
     "werkgroep Beoordeling Nieuwe Commissievoorstellen", ["BNC"]),
    ("Het advies van de werkgroep Wonen en Zorg volgt.", "werkgroep Wonen en Zorg", []),
])
def test_lowercase_werkgroep_before_a_name(text: str, name: str, aliases: list[str]) -> None:
    assert _names(text).get(name) == aliases


@pytest.mark.parametrize("text", [
    "Er is een werkgroep ingesteld. De werkgroep komt in het najaar met advies.",
    "een ambtelijke werkgroep onderzoekt dit",
])
def test_werkgroep_without_a_name_is_no_organisation(text: str) -> None:
    assert _names(text) == {}


def test_abbreviation_defined_for_a_project_is_not_the_known_body_written_otherwise() -> None:
    text = ("de vijfde voortgangsrapportage van het project Ruimte voor de Rivier (RvdR) over 2004. "
            "Het project RvdR loopt op schema.")
    assert "Raad voor de rechtspraak" not in _names(text)


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("De Raad voor de rechtspraak (Rvdr) meldt dat de Rvdr akkoord is.", "Raad voor de rechtspraak", "Rvdr"),
    ("Het Openbaar Ministerie (OM) vervolgt.", "Openbaar Ministerie", "OM"),
])
def test_abbreviation_written_as_the_known_body_writes_it_still_links(text: str, name: str, alias: str) -> None:
    assert alias in _names(text)[name]


@pytest.mark.parametrize(("alias", "names", "known"), [
    ("RvdR", ("Raad voor de rechtspraak", "Raad voor de Rechtspraak", "Rvdr"), False),
    ("Rvdr", ("Raad voor de rechtspraak", "Rvdr"), True),
    ("RVDR", ("Raad voor de rechtspraak", "Rvdr"), True),
    ("Inspectie JenV", ("Inspectie Justitie en Veiligheid", "inspectie jenv"), True),
])
def test_written_as_known(alias: str, names: tuple[str, ...], known: bool) -> None:
    assert written_as_known(alias, names) is known


@pytest.mark.parametrize("text", [
    "- 2025-11-25 15:15: Regeling van werkzaamheden (Regeling van werkzaamheden), TK",
    "Zoals ik in mijn brief van 5 juni 2007 (TK 2006–2007, 30 800 VII, nr. 54) heb aangegeven.",
])
def test_tk_is_the_tweede_kamer(text: str) -> None:
    assert "TK" in _names(text)["Tweede Kamer der Staten-Generaal"]


@pytest.mark.parametrize("text", ["de TK-verkiezingen van 2023", "het TK-lid sprak", "Tk is geen woord"])
def test_tk_in_a_compound_or_other_case_is_no_mention(text: str) -> None:
    assert "Tweede Kamer der Staten-Generaal" not in _names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Directie Rechtshandhaving en Postbus 20018 Criminaliteitsbestrijding", "Directie Rechtshandhaving"),
    ("Directoraat-Generaal Straffen en Beschermen Postbus 20301 2500 EH Den Haag",
     "Directoraat-Generaal Straffen en Beschermen"),
])
def test_postbus_ends_a_name(text: str, name: str) -> None:
    assert name in _names(text)
    assert not any("Postbus" in n for n in _names(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Het Commando Zeestrijdkrachten beschikt over twee M-fregatten.", "Commando Zeestrijdkrachten"),
    ("Het CLAS levert de eenheden.", "Commando Landstrijdkrachten"),
    ("De Defensie Materieel Organisatie (DMO) koopt in.", "Defensie Materieel Organisatie"),
    ("Ik heb Nictiz de opdracht gegeven.", "Nictiz"),
    ("De brandweer is hierop gealarmeerd.", "brandweer"),
    ("(Adviesbureau van Montfoort, 2001)", "Adviesbureau Van Montfoort"),
    ("«Jeugdbescherming onder de loep» (B&A, Den Haag, 2005)", "B&A Groep"),
    ("vertegenwoordigers van banken en pensioenfondsen als ook de NVP.",
     "Nederlandse Vereniging van Participatiemaatschappijen"),
])
def test_known_bodies(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize("text", ["de brandweerlieden rukten uit", "het brandweerkorps", "Brandweer Nederland"])
def test_brandweer_only_as_the_word_itself(text: str) -> None:
    assert "brandweer" not in _names(text)
