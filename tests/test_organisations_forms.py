"""Organisations: name forms that letters use beside the canonical one (plural council names, a committee with
and without `vaste ... voor`, a descriptor opening a sentence, a document word before a body, case variants)."""

from __future__ import annotations

import pytest

from mhextract.extract.organisations import find_organisations
from mhextract.extract.organisations.merge import committee_form
from mhextract.record.model import Organisation


def names(text: str) -> dict[str, Organisation]:
    """Each organisation found in `text` by its name and by each alias."""
    found = find_organisations(text)
    by_name = {o.name: o for o in found}
    for o in found:
        for alias in o.aliases:
            by_name.setdefault(alias, o)
    return by_name


@pytest.mark.parametrize(("text", "name"), [
    ("Ik neem deel aan de Raden Algemene Zaken en de Raden Buitenlandse Zaken.", "Raad Algemene Zaken"),
    ("Op de agenda van de Raden Buitenlandse Zaken staat Oekraïne.", "Raad Buitenlandse Zaken"),
    ("Aanwezigheid RAZ en RBZ in 2018.", "Raad Algemene Zaken"),
    ("De geannoteerde agenda van de RBZ volgt.", "Raad Buitenlandse Zaken"),
])
def test_eu_council_configurations_in_the_plural_and_abbreviated(text: str, name: str) -> None:
    found = names(text)
    assert name in found
    assert "Ministerie van Algemene Zaken" not in found and "Ministerie van Buitenlandse Zaken" not in found


@pytest.mark.parametrize(("text", "name"), [
    ("De Wetenschappelijke Raad voor Regeringsbeleid heeft een rapport uitgebracht.",
     "Wetenschappelijke Raad voor het Regeringsbeleid"),
    ("Blijkens de mededeling van de Directeur van het Kabinet van de Koningin is het advies ontvangen.",
     "Kabinet der Koningin"),
    ("Blijkens de mededeling van de directeur van het Kabinet van de Koning van 3 mei.", "Kabinet der Koningin"),
    ("pilots met aanvullende bewapening voor de Mobiele Eenheid (ME) en de politie", "Mobiele Eenheid"),
    ("De stukken die door het kabinet aan de POK zijn geleverd, staan online.",
     "Parlementaire ondervragingscommissie Kinderopvangtoeslag"),
])
def test_known_bodies_in_forms_letters_use(text: str, name: str) -> None:
    assert name in names(text)


def test_the_short_name_of_the_national_rapporteur_is_one_body() -> None:
    text = "het onderzoek Nationaal Rapporteur Mensenhandel en Seksueel Geweld «Dadermonitor» (NRMSGK)"
    found = find_organisations(text)
    assert [o.name for o in found] == ["Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen"]


@pytest.mark.parametrize(("text", "name"), [
    ("De minister heeft de staatscommissie Grondwet om advies gevraagd.", "staatscommissie Grondwet"),
    ("Het advies van de staatscommissie Parlementair Stelsel is ontvangen.", "staatscommissie Parlementair Stelsel"),
    ("Het rapport richt zich met name op de regionale eenheid Oost-Nederland.", "regionale eenheid Oost-Nederland"),
    ("De Regionale Eenheid Limburg heeft de zaak overgenomen.", "Regionale Eenheid Limburg"),
])
def test_lowercase_heads_of_state_committees_and_police_units(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "De staatscommissie heeft haar werk afgerond.",  # no name after the head
    "Elke regionale eenheid heeft een eigen recherche.",
])
def test_a_lowercase_head_without_a_name_is_no_organisation(text: str) -> None:
    assert find_organisations(text) == []


@pytest.mark.parametrize(("text", "name", "not_name"), [
    ("Aanbieding Advies Raad van State inzake de opdracht", "Raad van State", "Advies Raad van State"),
    ("Kabinetsreactie Raad voor Cultuur over de kunsten", "Raad voor Cultuur", "Kabinetsreactie Raad voor Cultuur"),
    ("Zie het Jaarverslag Nationale ombudsman van 2022.", "Nationale ombudsman", "Jaarverslag Nationale ombudsman"),
])
def test_a_document_word_never_opens_the_name_of_a_body(text: str, name: str, not_name: str) -> None:
    found = names(text)
    assert name in found and not_name not in found


def test_a_name_that_starts_with_a_topic_word_keeps_it() -> None:
    """`Mensenhandel` is no document word: `Mensenhandel Field Lab Lovitura` is the body's own name."""
    text = "de aanbevelingen van Mensenhandel Field Lab Lovitura mee te nemen"
    assert "Mensenhandel Field Lab Lovitura" in names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Er is een pilot gestart. Onderzoeksbureau M+P heeft een plan van aanpak opgesteld.", "M+P"),
    ("Onderzoeksbureau Significant heeft de evaluatie uitgevoerd.", "Significant"),
    ("Het onderzoek is gedaan. Adviesbureau Berenschot leverde het rapport op.", "Berenschot"),
    ("Het onderzoeksbureau Kompas Beleidsonderzoek deed het veldwerk.", "Kompas Beleidsonderzoek"),
])
def test_a_descriptor_also_names_the_body_after_it_at_a_sentence_start(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize("text", [
    "Onderzoeksbureaus hebben dit onderzocht.",
    "Wij vroegen het Adviesbureau Van Dijk om hulp.",  # capitalised inside a sentence: a name's own first word
])
def test_a_descriptor_needs_its_own_form(text: str) -> None:
    assert "Van Dijk" not in names(text) and find_organisations(text) == []


@pytest.mark.parametrize(("names"), [
    ["vaste commissie voor klimaat en groene groei", "commissie klimaat en groene groei", "commissie kgg"],
    ["commissie voor financiën", "commissie financiën", "vaste commissie voor financiën"],
    ["vaste commissie voor landbouw, natuur en voedselkwaliteit", "commissie lnv"],
])
def test_committee_forms_of_a_ministrys_portfolio_are_one(names: list[str]) -> None:
    forms = {committee_form(name) for name in names}
    assert len(forms) == 1 and None not in forms
    assert committee_form("commissie jenv") not in forms  # another ministry's committee


@pytest.mark.parametrize(("name", "form"), [
    ("kamercommissie voor digitale zaken", "kamercommissie digitale zaken"),
    ("commissie evaluatie politiewet", "commissie evaluatie politiewet"),
    ("commissie", None),
    ("raad voor cultuur", None),
])
def test_committee_form(name: str, form: str | None) -> None:
    assert committee_form(name) == form


@pytest.mark.parametrize("text", [
    "Voortouwcommissie: vaste commissie voor Klimaat en Groene Groei. Procedurevergadering commissie Klimaat en "
    "Groene Groei.",
    "De vaste commissie voor Digitale Zaken sprak erover; de commissie Digitale Zaken stemde in.",
])
def test_a_committee_with_and_without_vaste_voor_is_one_body(text: str) -> None:
    found = find_organisations(text)
    assert len(found) == 1 and len(found[0].mentions) == 2


def test_different_committees_stay_apart() -> None:
    text = ("De vaste commissie voor Financiën en de commissie voor Financiën van de Eerste Kamer spraken. "
            "Ook de commissie Evaluatie Politiewet was er.")
    assert len(find_organisations(text)) == 3


def test_a_case_variant_never_takes_the_spelling_of_another_known_body() -> None:
    """`RVS` is the Raad voor Volksgezondheid & Samenleving, `RvS` the Raad van State."""
    text = ("Op 18 april heeft de Raad voor Volksgezondheid & Samenleving (RVS) een advies gepubliceerd. "
            "In deze brief geef ik mijn reactie op het advies van de RVS, mede namens de minister.")
    assert [o.name for o in find_organisations(text)] == ["Raad voor Volksgezondheid & Samenleving"]
    assert "Raad van State" in names("De RvS heeft op 3 mei geadviseerd over het wetsvoorstel.")
    assert "Raad voor Volksgezondheid & Samenleving" in names("De RVS heeft op 3 mei geadviseerd over de zorg.")
    assert "Ministerie van Buitenlandse Zaken" in names("Het BUZA heeft de notitie opgesteld.")  # `BuZa`, upper case


@pytest.mark.parametrize(("text", "name"), [
    ("De commissie Evaluatie Politiewet 2012 heeft haar rapport aangeboden.", "commissie Evaluatie Politiewet 2012"),
    ("De Commissie Evaluatie Vreemdelingenwet 2000 adviseerde anders.", "Commissie Evaluatie Vreemdelingenwet 2000"),
    ("Het advies van de Adviescommissie Mediawet 2008 volgt.", "Adviescommissie Mediawet 2008"),
])
def test_a_body_named_after_a_law_keeps_the_laws_year(text: str, name: str) -> None:
    assert name in names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("De commissie Evaluatie Politiewet in 2013 vond het anders.", "commissie Evaluatie Politiewet"),
    ("De Raad voor Cultuur 2012 is het jaar van de kunsten.", "Raad voor Cultuur"),  # no law before the year
    ("De commissie Evaluatie Politiewet 20123 is klaar.", "commissie Evaluatie Politiewet"),  # no year
])
def test_no_year_without_a_law_right_before_it(text: str, name: str) -> None:
    assert name in names(text)
