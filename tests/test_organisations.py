"""Organisations: gazetteer matching, the letter's definitions, unknown names by head word, merging."""

from __future__ import annotations

import pytest
import spacy

from mhextract.analysis.pipeline import add_components
from mhextract.extract.organisations import (
    KINDS,
    find_definitions,
    find_organisations,
    gazetteer,
    letterhead_mentions,
    model_mentions,
    near_duplicate,
    norm,
)
from mhextract.record.model import Organisation


def orgs(text: str, **kwargs: object) -> dict[str, Organisation]:
    """Organisations found in `text`, by name and by each alias (a known body carries its canonical name)."""
    found = find_organisations(text, **kwargs)  # type: ignore[arg-type]
    by_name = {o.name: o for o in found}
    for o in found:
        for alias in o.aliases:
            by_name.setdefault(alias, o)
    return by_name


def forms(text: str, org: Organisation) -> set[str]:
    """The names the letter itself uses for a body: its aliases, and the canonical name where the text has it."""
    return {*org.aliases, *([org.name] if org.name.casefold() in text.casefold() else [])}


def distinct(found: dict[str, Organisation]) -> list[Organisation]:
    """The organisations of an `orgs` result, once each."""
    return list({id(o): o for o in found.values()}.values())


def mentioned(text: str, org: Organisation) -> list[str]:
    return [text[s.start:s.end] for s in org.mentions]


# (text, expected name, expected aliases)
GAZETTEER_CASES = [
    ("Dit is besproken met het OM en de politie.", "OM", []),
    ("Het Openbaar Ministerie (OM) vervolgt.", "Openbaar Ministerie", ["OM"]),
    ("het openbaar ministerie heeft dit gedaan", "Openbaar Ministerie", []),
    ("Tijdens een overleg met de VNG.", "VNG", []),
    ("Het CCV ondersteunt gemeenten.", "CCV", []),
    ("De Nationale Politie en de politie in Utrecht.", "Nationale Politie", ["politie"]),
    ("Politie en Koninklijke Marechaussee werken samen.", "Politie", []),
    ("Het WODC-rapport is verschenen.", "WODC", []),
    ("in het RIEC-verband", "RIEC", []),
    ("Zie Rb. Midden-Nederland 23 augustus 2023.", "Rb. Midden-Nederland", []),
    ("het resocialisatieproces van de 3RO", "3RO", []),
    ("drie reclasseringsorganisaties ... de 3RO en de reclassering", "reclassering",
     ["drie reclasseringsorganisaties", "3RO"]),
    ("samen met FIER en Sterk Huis", "Fier", []),  # the canonical spelling of a name the letter uses
    ("De Raad voor de Kinderbescherming en Veilig Thuis", "Raad voor de Kinderbescherming", []),
    ("een brief aan de Tweede Kamer der Staten-Generaal", "Tweede Kamer der Staten-Generaal", []),
    ("ingediend door het lid Van Dijk (Eerste Kamer)", "Eerste Kamer", []),
    ("Het Centrum tegen Kinderhandel en Mensenhandel voert een proef uit.",
     "Centrum tegen Kinderhandel en Mensenhandel", []),
]


@pytest.mark.parametrize(("text", "name", "aliases"), GAZETTEER_CASES)
def test_gazetteer_names(text: str, name: str, aliases: list[str]) -> None:
    found = orgs(text)
    assert name in found, found.keys()
    assert forms(text, found[name]) == {name, *aliases}


# (text, name that must be absent) - case decides for words that are also Dutch words
CASE_SENSITIVE = [
    ("om dit te bereiken", "OM"),
    ("ik ben fier op het resultaat", "Fier"),
    ("een sterk huis bouwen", "Sterk Huis"),
    ("zich veilig thuis voelen", "Veilig Thuis"),
    ("de koppeling tussen systemen", "De Koppeling"),
    ("de financiën van gemeenten", "Ministerie van Financiën"),
]


@pytest.mark.parametrize(("text", "name"), CASE_SENSITIVE)
def test_common_words_are_not_names(text: str, name: str) -> None:
    assert name not in orgs(text)


# ministries: the letter names the ministry, its minister or state secretary, or a short form
MINISTRY_CASES = [
    ("aan het ministerie van Buitenlandse Zaken", "Ministerie van Buitenlandse Zaken"),
    ("door het Ministerie van JenV toegezegd", "Ministerie van Justitie en Veiligheid"),
    ("De Ministeries van JenV en SZW", "Ministerie van Sociale Zaken en Werkgelegenheid"),
    ("met financiële ondersteuning van het Ministerie van VWS", "Ministerie van Volksgezondheid, Welzijn en Sport"),
    ("de staatssecretaris van Volksgezondheid, Welzijn en Sport (VWS)",
     "Ministerie van Volksgezondheid, Welzijn en Sport"),
    ("Het Ministerie van Klimaat en Groene Groei", "Ministerie van Klimaat en Groene Groei"),
]


@pytest.mark.parametrize(("text", "name"), MINISTRY_CASES)
def test_ministries_get_normalised_names(text: str, name: str) -> None:
    found = orgs(text)
    assert name in found, found.keys()
    assert found[name].kind == "ministry"


def test_minister_post_alone_names_no_ministry_but_joins_one_the_letter_names() -> None:
    assert orgs("De Minister voor Rechtsbescherming zal de Kamer informeren.") == {}
    text = "De Minister voor Rechtsbescherming en de Minister van Justitie en Veiligheid informeren u."
    jenv = orgs(text)["Ministerie van Justitie en Veiligheid"]
    assert mentioned(text, jenv) == ["Minister voor Rechtsbescherming", "Justitie en Veiligheid"]
    assert jenv.aliases == ["Justitie en Veiligheid"]  # the post is a mention, not a name


def test_sender_made_up_from_a_ministers_post_is_not_an_organisation() -> None:
    assert orgs("Geen organisaties.", letterhead=["Ministerie van Rechtsbescherming"]) == {}
    assert set(orgs("Geen organisaties.", letterhead=["Ministerie van Justitie en Veiligheid"])) == {
        "Ministerie van Justitie en Veiligheid"}


# definitions: (text, name, aliases, mention count)
DEFINITION_CASES = [
    ("het Coördinatiecentrum tegen Mensenhandel (hierna: CoMensha). Later meldt CoMensha dit.",
     "Coördinatiecentrum tegen Mensenhandel", ["CoMensha"], 3),
    ("de Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen (hierna: de Nationaal Rapporteur). "
     "De Nationaal Rapporteur concludeert", "Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen",
     ["Nationaal Rapporteur"], 3),
    ("voor advies aan de Afdeling advisering van de Raad van State (hierna: de Afdeling). In de aanvraag is "
     "aandacht van de Afdeling gevraagd.", "Afdeling advisering van de Raad van State", ["Afdeling"], 3),
    ("de Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel (hierna: AVIM). De AVIM groeit.",
     "Afdeling Vreemdelingenpolitie, Identificatie en Mensenhandel", ["AVIM"], 3),
    # unknown to the gazetteer: the definition itself makes it an organisation (head word `Centrum`)
    ("het Landelijk Kenniscentrum Uitbuiting (LKU) heeft een rapport uitgebracht. Het LKU adviseert",
     "Landelijk Kenniscentrum Uitbuiting", ["LKU"], 3),
    ("de Stichting Veilig Werk Nederland (hierna: SVWN). Volgens SVWN",
     "Stichting Veilig Werk Nederland", ["SVWN"], 3),
    # a known short form with the full name spelled differently joins the known entry
    ("het Landelijk Informatie- en Expertise Centrum (LIEC) en later het LIEC",
     "Landelijk Informatie- en Expertise Centrum", ["LIEC"], 3),
]


@pytest.mark.parametrize(("text", "name", "aliases", "count"), DEFINITION_CASES)
def test_definitions_link_alias_to_one_entity(text: str, name: str, aliases: list[str], count: int) -> None:
    found = orgs(text)
    assert len(distinct(found)) == 1 and name in found
    assert forms(text, found[name]) == {name, *aliases}
    assert len(found[name].mentions) == count


# a parenthesised abbreviation after a name that is no organisation adds nothing
NOT_DEFINITIONS = [
    "de Algemene verordening gegevensbescherming (AVG) speelt een rol",
    "voor het onderdeel Identificatie & Registratie (I&R) betreft dit 29 fte",
    "de Domeinoverstijgende Informatiegestuurde Werkwijze (hierna: DIGW) is ingevoerd",
    "het rapport 'Onzichtbare slachtoffers' (hierna: het rapport) verscheen",
]


@pytest.mark.parametrize("text", NOT_DEFINITIONS)
def test_definitions_of_non_organisations_are_ignored(text: str) -> None:
    assert orgs(text) == {}


def test_find_definitions_offsets() -> None:
    text = "het Centrum tegen Kinderhandel en Mensenhandel (hierna: CKM) en de VNG (VNG)"
    defs = find_definitions(text)
    assert [(d.alias, d.hierna) for d in defs] == [("CKM", True), ("VNG", False)]
    assert text[defs[0].alias_start:defs[0].alias_end] == "CKM"
    assert text[: defs[0].full_end].endswith("Mensenhandel")


# unknown organisations by head word: (text, expected name)
PATTERN_CASES = [
    ("heeft de Opsporingsdienst van de Nederlandse Arbeidsinspectie in 2023 een gespecialiseerde "
     "Afdeling Arbeidsuitbuiting opgericht", "Afdeling Arbeidsuitbuiting"),
    ("heeft de Opsporingsdienst van de Nederlandse Arbeidsinspectie in 2023", "Opsporingsdienst van de Nederlandse "
     "Arbeidsinspectie"),
    ("Op 18 oktober jl. heeft de Vaste Commissie voor Justitie en Veiligheid een verzoek gedaan.",
     "Vaste Commissie voor Justitie en Veiligheid"),
    ("door de politie, het CCV, Zorg- en Veiligheidshuis Groningen en het EMM", "Zorg- en Veiligheidshuis Groningen"),
    ("op verzoek van het Mensenhandel Fieldlab Lovitura is het signaal aangeboden", "Mensenhandel Fieldlab Lovitura"),
    ("Het Kenniscentrum Kinderhandel Utrecht was aanwezig.", "Kenniscentrum Kinderhandel Utrecht"),
    ("De Stichting Ketenbureau Sociaal Domein ondersteunt", "Stichting Ketenbureau Sociaal Domein"),
    ("een overleg met de gemeente Den Haag over prostitutie", "gemeente Den Haag"),
    ("De Ottho Gerhard Heldringstichting/Entrea Lindenhout heeft niet geparticipeerd.",
     "Ottho Gerhard Heldringstichting/Entrea Lindenhout"),
    ("een initiatief van de Johannes Wierstichting voor zorgverleners", "Johannes Wierstichting"),
    ("Zie Rb. Oost-Nederland 1 maart 2012 en Hof Leeuwarden 2 april 2012.", "Rb. Oost-Nederland"),
    ("Zie Rb. Oost-Nederland 1 maart 2012 en Hof Leeuwarden 2 april 2012.", "Hof Leeuwarden"),
    ("het Slachtoffer Informatiepunt Schadevergoedingsmaatregelen heeft", "Slachtoffer Informatiepunt "
     "Schadevergoedingsmaatregelen"),
    ("contact met het Verbond van Verzekeraars", "Verbond van Verzekeraars"),
]


@pytest.mark.parametrize(("text", "name"), PATTERN_CASES)
def test_unknown_organisations_by_head_word(text: str, name: str) -> None:
    found = orgs(text)
    assert name in found, found.keys()


def test_head_word_alone_or_with_only_an_adjective_is_not_a_name() -> None:
    assert orgs("De Raad heeft geadviseerd. De Vaste Commissie vergaderde. Het Centrum is open.") == {}


def test_two_bodies_joined_by_en_stay_two() -> None:
    found = orgs("de Raad voor de Kinderbescherming en Veilig Thuis overleggen")
    assert set(found) == {"Raad voor de Kinderbescherming", "Veilig Thuis"}


@pytest.mark.parametrize(("text", "names"), [
    ("De Brzo-partners (provincie, Inspectie SZW en de Veiligheidsregio) doen onderzoek.", {"Inspectie SZW"}),
    ("De Inspectie SZW en de Veiligheidsregio Zuid-Holland Zuid doen onderzoek.",
     {"Inspectie SZW", "Veiligheidsregio Zuid-Holland Zuid"}),
    ("De Stichting Werk en de Commissie Arbeid Noord overleggen.", {"Stichting Werk", "Commissie Arbeid Noord"}),
])
def test_a_head_word_after_en_begins_a_second_body(text: str, names: set[str]) -> None:
    found = orgs(text)
    assert names <= set(found) and not any(" en de " in name for name in found), found.keys()


def test_a_name_with_en_between_plain_words_stays_one() -> None:  # near-miss: no head word after `en`
    assert "Centrum voor Criminaliteitspreventie en Veiligheid" in orgs(
        "Het Centrum voor Criminaliteitspreventie en Veiligheid publiceerde een handreiking.")


def test_field_lab_spellings_and_short_name_are_one_organisation() -> None:
    text = ("Tenslotte ga ik in op het mensenhandel Field Lab Lovitura.\n\n"
            "Toezegging Mensenhandel Field Lab Lovitura\n\n"
            "Op verzoek van het Mensenhandel Fieldlab Lovitura is de brief aangeboden aan Lovitura.")
    found = find_organisations(text)
    assert len(found) == 1
    lovitura = found[0]
    assert lovitura.name == "Mensenhandel Field Lab Lovitura"
    assert set(lovitura.aliases) == {"Field Lab Lovitura", "Mensenhandel Fieldlab Lovitura", "Lovitura"}
    assert len(lovitura.mentions) == 4


GENERIC = [
    "Ik informeer uw Kamer graag over de ontwikkelingen.",
    "Gemeenten en ketenpartners werken samen met de regering en het kabinet.",
    "Tijdens het Algemeen Overleg Mensenhandel van 5 december 2019 is dit besproken.",
    "In de Chat met Fier kunnen slachtoffers anoniem chatten.",
    "Via het programma Samen tegen Mensenhandel en de Veiligheidsagenda.",
    "Monitoring loopt via de gesprekken tussen de Korpsleiding en het ministerie.",
]


@pytest.mark.parametrize("text", GENERIC)
def test_generic_words_services_and_programmes_are_not_organisations(text: str) -> None:
    assert orgs(text) == {}


def test_hyphen_broken_and_misspelt_letterhead_variants_merge() -> None:
    text = ("Directie Rechtshandhaving en Criminaliteitsbestrijding\n\n"
            "Directie Rechts-handhaving en Criminaliteitsbestrijding\n\n"
            "Directie Rechtspleging en Criminaliteitsbestrijding")
    found = find_organisations(text)
    assert [o.name for o in found] == ["Directie Rechtshandhaving en Criminaliteitsbestrijding"]
    assert set(found[0].aliases) == {"Directie Rechts-handhaving en Criminaliteitsbestrijding",
                                     "Directie Rechtspleging en Criminaliteitsbestrijding"}


@pytest.mark.parametrize(("a", "b", "same"), [
    ("directie rechtspleging en criminaliteitsbestrijding", "directie rechtshandhaving en criminaliteitsbestrijding",
     True),
    ("rechtbank noord-holland", "rechtbank noord-nederland", False),
    ("directie wetgeving en juridische zaken", "directie rechtshandhaving en criminaliteitsbestrijding", False),
])
def test_near_duplicate(a: str, b: str, same: bool) -> None:
    assert near_duplicate(a, b) is same


def test_letterhead_sender_block_gives_units_without_mentions() -> None:
    sender = "Directoraat-Generaal Rechtspleging en Rechtshandhaving Directie Rechtshandhaving en " \
             "Criminaliteitsbestrijding Turfmarkt 147"
    assert [m.text for m in letterhead_mentions([sender])] == [
        "Directoraat-Generaal Rechtspleging en Rechtshandhaving",
        "Directie Rechtshandhaving en Criminaliteitsbestrijding",
    ]
    found = orgs("Geen organisaties in de tekst.", letterhead=[sender])
    assert set(found) == {"Directoraat-Generaal Rechtspleging en Rechtshandhaving",
                          "Directie Rechtshandhaving en Criminaliteitsbestrijding"}
    assert all(o.mentions == [] for o in found.values())


def test_legal_form_joins_the_known_entry() -> None:
    found = orgs("Stichting FairWork organiseerde een bijeenkomst.")
    assert found["FairWork"].aliases == ["Stichting FairWork"]


def test_mentions_are_offsets_into_the_text() -> None:
    text = "Het OM en de politie. Later opnieuw het OM."
    om = orgs(text)["OM"]
    assert mentioned(text, om) == ["OM", "OM"]


def test_gazetteer_is_data_with_valid_kinds_and_a_few_hundred_entries() -> None:
    entries = gazetteer()
    assert len(entries) >= 250
    assert {e.kind for e in entries} == set(KINDS)  # every kind is used, none outside the record's
    names = [norm(n) for e in entries for n in e.names]
    assert "openbaar ministerie" in names and "comensha" in names


def test_component_sets_extension_and_span_group() -> None:
    from mhextract.analysis.pipeline import load_pipeline

    nlp = load_pipeline("blank:nl")
    doc = nlp("Het Centrum tegen Kinderhandel en Mensenhandel (hierna: CKM) en het OM.")
    assert [o.name for o in doc._.organisations] == [
        "Centrum tegen Kinderhandel en Mensenhandel", "Openbaar Ministerie"]
    assert [s.text for s in doc.spans["organisations"]] == ["Centrum tegen Kinderhandel en Mensenhandel", "CKM", "OM"]


def test_component_runs_in_a_users_own_pipeline() -> None:
    import mhextract.extract  # noqa: F401  (registers the factories)

    nlp = add_components(spacy.blank("nl"), until="mh_organisations")
    doc = nlp("De VNG en de Nationale Politie.")
    assert {o.name for o in doc._.organisations} == {"Vereniging van Nederlandse Gemeenten", "Nationale Politie"}


MODEL_ENTITIES = [
    # (text, the model's entity in it, kept as)
    ("Samen met het Leger des Heils.", "het Leger des Heils", "Leger des Heils"),
    ("Samen met Zwerfjongeren Nederland.", "Zwerfjongeren Nederland", "Zwerfjongeren Nederland"),
    ("Zoals de GGD: het doet.", "GGD:", "GGD"),
    ("Samen met de gemeenten.", "de gemeenten", None),
    ("Volgens de Wet seksuele misdrijven.", "Wet seksuele misdrijven", None),
    ("Zo voldoen we aan de AVG.", "AVG", None),
    ("Ik ben De Staatssecretaris van Justitie.", "De Staatssecretaris van Justitie", None),
    ("Postbus 20018 2500 EA DEN HAAG", "Postbus 20018", None),
    ("Postbus 20018 2500 EA DEN HAAG", "EA", None),
    ("Dus uw Kamer is geïnformeerd.", "Kamer is", None),
    ("Het verdrag is in Warschau gesloten.", "Warschau", None),
    ("Het begon met de Proeftuin. De proeftuin loopt.", "Proeftuin", None),
    ("Proeftuin Amsterdam loopt.", "Proeftuin", None),  # sentence-initial single word
    ("Ik heb met Kuik gesproken.", "Kuik", None),  # a person named elsewhere
]


@pytest.mark.parametrize(("text", "entity", "kept"), MODEL_ENTITIES)
def test_model_mentions_are_filtered(text: str, entity: str, kept: str | None) -> None:
    start = text.index(entity)
    found = model_mentions(text, [(start, start + len(entity))], person_names=["Kuik"])
    assert [m.text for m in found] == ([kept] if kept else [])


def test_model_mentions_inside_claimed_ranges_are_dropped() -> None:
    text = "Zie Kamerstuk 28 638 en het Leger des Heils."
    spans = [(4, 20), (text.index("Leger"), text.index("Leger") + 15)]
    assert [m.text for m in model_mentions(text, spans, claimed=[(4, 20)])] == ["Leger des Heils"]


# ---------------------------------------------------------------- found on the hold-out sets, generalised

# (text, name, aliases)
HOLDOUT_NAMES = [
    # known bodies (gazetteer data)
    ("Samen met NOC*NSF werk ik aan een meldcode.", "NOC*NSF", []),
    ("Het Centrum Veilige Sport Nederland (CVSN) ontvangt meldingen.", "Centrum Veilige Sport Nederland", ["CVSN"]),
    ("De vakcentrales FNV, CNV en VCP hebben een klacht ingediend.", "VCP", []),
    # a compound ending in -raad followed by a name
    ("Het rapport is vastgesteld door de Beheersraad van de ILO en openbaar gemaakt.", "Beheersraad van de ILO", []),
    ("De Mensenrechtenraad van de Verenigde Naties nam een resolutie aan.",
     "Mensenrechtenraad van de Verenigde Naties", []),
    ("Ik sprak met de Toezichtsraad van het CCV over de certificering.", "Toezichtsraad van het CCV", []),
    # research firms: a final head word, or a descriptor before the name
    ("Zo blijkt uit een onderzoek van I&O Research naar arbeidsrechten.", "I&O Research", []),
    ("De enquête is afgenomen door Motivaction Research in opdracht van het WODC.", "Motivaction Research", []),
    ("Het onderzoek is uitgevoerd door onderzoeksbureau Kompas Beleidsonderzoek en beslaat 2017-2020.",
     "Kompas Beleidsonderzoek", []),
    ("De evaluatie is uitgevoerd door adviesbureau Andersson Elffers Felix in 2023.",
     "Andersson Elffers Felix", []),
    ("Het bureau Beke heeft de monitor opgesteld.", "Beke", []),
    # names listed with a recognised organisation
    ("Zo blijkt uit een onderzoek van I&O Research en Centerdata2 naar de effectuering.", "Centerdata", []),
    ("Ik werk samen met CoMensha en Pretty Woman aan de opvang.", "Pretty Woman", []),
    ("het WODC en Significant hebben de evaluatie uitgevoerd", "Significant", []),
    ("met de politie, Fier en Humanitas is gesproken", "Humanitas", []),
]


@pytest.mark.parametrize(("text", "name", "aliases"), HOLDOUT_NAMES)
def test_holdout_generalised_names(text: str, name: str, aliases: list[str]) -> None:
    found = orgs(text)
    assert name in found, found.keys()
    assert forms(text, found[name]) == {name, *aliases}


# (text, names that must be absent)
HOLDOUT_NEAR_MISSES = [
    ("De Ministerraad heeft besloten.", ["Ministerraad"]),
    ("de voorraad van de politie is op", ["voorraad van de politie"]),
    ("Het onderzoek van I&O Research en Nederland", ["Nederland", "I&O Research en Nederland"]),
    ("Ik sprak met het OM en Mei over de aanpak", ["Mei"]),
    ("Gemeenten en Fier werken samen.", ["Gemeenten"]),
    ("het bureau van de Kamer", ["Kamer"]),
    ("het bureau Den Haag", ["Den Haag"]),
    ("De Ministeries van JenV en Werkgelegenheid", ["Werkgelegenheid"]),
]


@pytest.mark.parametrize(("text", "absent"), HOLDOUT_NEAR_MISSES)
def test_holdout_near_misses(text: str, absent: list[str]) -> None:
    found = orgs(text)
    assert not set(absent) & set(found), found.keys()


def test_listed_person_is_not_an_organisation() -> None:
    assert [o.name for o in distinct(orgs("Ik sprak met het OM en Kuik over de aanpak.", person_names=["Kuik"]))] == [
        "Openbaar Ministerie"]


@pytest.mark.parametrize(("text", "committee", "alias"), [
    ("Op 27 maart jl. heeft de vaste commissie voor Sociale Zaken en Werkgelegenheid (SZW) gevraagd.",
     "Vaste Commissie voor Sociale Zaken en Werkgelegenheid", "SZW"),
    ("de vaste commissie voor Justitie en Veiligheid (JenV) heeft een brief gevraagd",
     "Vaste Commissie voor Justitie en Veiligheid", "JenV"),
    ("de vaste commissie voor Volksgezondheid, Welzijn en Sport (VWS) vroeg",
     "Vaste Commissie voor Volksgezondheid, Welzijn en Sport", "VWS"),
    ("de vaste Kamercommissie voor Landbouw, Visserij, Voedselzekerheid en Natuur (LVVN) vroeg",
     "vaste Kamercommissie voor Landbouw, Visserij, Voedselzekerheid en Natuur", "LVVN"),
])
def test_committee_abbreviation_is_the_committees_not_the_ministrys(text: str, committee: str, alias: str) -> None:
    found = orgs(text)
    assert found[committee].aliases == [alias]
    assert found[committee].kind == "chamber"
    assert not any(o.kind == "ministry" for o in found.values()), found.keys()


def test_ministry_abbreviation_after_the_ministry_stays_the_ministrys() -> None:
    found = orgs("het Ministerie van Sociale Zaken en Werkgelegenheid (SZW) betaalt")
    assert found["Ministerie van Sociale Zaken en Werkgelegenheid"].aliases == ["SZW"]


@pytest.mark.parametrize(("text", "ministry"), [
    ("Tekst.\n\nFinanciën en capaciteit\n\nVoor de uitvoering is geld.", None),
    ("Tekst.\n\nDefensie\n\nDe krijgsmacht helpt.", None),
    ("Tekst.\n\nAsiel en Migratie\n\nDe instroom daalt.", None),
    # near misses: in running text, after a minister's title, or an abbreviation in a heading
    ("Ik overleg met Financiën over de middelen.", "Ministerie van Financiën"),
    ("Tekst.\n\nDe Minister van Financiën\n\nW.B. Hoekstra", None),  # an office in a signature names no body
    ("Inzet SZW\n\nTekst.", "Ministerie van Sociale Zaken en Werkgelegenheid"),
])
def test_bare_portfolio_in_a_heading_is_a_topic(text: str, ministry: str | None) -> None:
    found = orgs(text)
    assert [o.name for o in distinct(found) if o.kind == "ministry"] == ([ministry] if ministry else [])


# ---------------------------------------------------------------- hold-out 3 (other ministries), generalised

# (text, name, aliases): bodies that recur in letters of every ministry (gazetteer data)
HOLDOUT3_NAMES = [
    ("de hoge instroom en de uitdagingen voor Nederland, de EU en de regio's rondom de EU", "EU", []),
    ("Het beleid van de Europese Unie (EU) is herzien.", "Europese Unie", ["EU"]),
    ("onderzoeken van de Nederlandse Arbeidsinspectie (in samenwerking met OM en politie), ProRail, NS, "
     "DB Cargo en BAM.", "DB Cargo", []),
    ("De Nederlandse Spoorwegen (NS) rijden meer treinen.", "Nederlandse Spoorwegen", ["NS"]),
    ("Rijkswaterstaat en het KNMI verwachten hoogwater.", "Rijkswaterstaat", []),
    ("De AIVD en de MIVD schrijven in hun jaarverslag", "MIVD", []),
    ("De Nederlandse Zorgautoriteit (NZa) houdt toezicht.", "Nederlandse Zorgautoriteit", ["NZa"]),
    ("De Kiesraad stelt de uitslag vast.", "Kiesraad", []),
    ("Het Kadaster en Staatsbosbeheer ruilen grond.", "Staatsbosbeheer", []),
    ("TenneT en Gasunie leggen leidingen aan.", "Gasunie", []),
    ("GREVIO heeft Nederland geëvalueerd.", "GREVIO", []),
    ("De Dienst Wegverkeer (RDW) keurt voertuigen.", "RDW", ["Dienst Wegverkeer"]),  # RDW is its official name
]


@pytest.mark.parametrize(("text", "name", "aliases"), HOLDOUT3_NAMES)
def test_holdout3_known_bodies(text: str, name: str, aliases: list[str]) -> None:
    found = orgs(text)
    assert name in found, found.keys()
    assert forms(text, found[name]) == {name, *aliases}


# the big public bodies and semi-public companies an analyst expects in letters of any ministry
EXPECTED_BODIES = [
    "EU", "ProRail", "NS", "DB Cargo", "BAM", "Rijkswaterstaat", "KNMI", "RIVM", "CBS", "CPB", "SCP", "UWV",
    "SVB", "DUO", "Belastingdienst", "Douane", "IND", "COA", "DT&V", "Nidos", "DJI", "NFI", "KMar", "NCTV",
    "AIVD", "MIVD", "ACM", "AFM", "DNB", "AP", "NZa", "IGJ", "ILT", "OVV", "Kiesraad", "Nationale ombudsman",
    "KNVB", "NOC*NSF", "Schiphol Group", "KLM", "TenneT", "Gasunie", "Staatsbosbeheer", "Kadaster", "RVO",
    "RDW", "CJIB", "Halt", "Raad voor de rechtspraak", "Hoge Raad", "Europese Commissie", "Europees Parlement",
    "Raad van Europa", "Verenigde Naties", "OESO", "Europol", "Eurojust", "Interpol", "Frontex", "GREVIO",
    "GRETA", "NAVO", "NWO", "TNO", "CBR", "Zorginstituut Nederland", "Logius", "Unie van Waterschappen",
]


def test_gazetteer_covers_bodies_of_every_ministry() -> None:
    names = {norm(n) for e in gazetteer() for n in e.names}
    assert [b for b in EXPECTED_BODIES if norm(b) not in names] == []


# (text, names that must be absent, names that must be present with their mention count)
COMPOUND_CASES = [
    ("de herziene EU-richtlijn over mensenhandel", ["EU"], {}),
    ("het VN-Vrouwenverdrag en de NAVO-top", ["VN", "NAVO"], {}),
    ("EU-beleid binnen en buiten de EU", [], {"EU": 1}),
    ("Het WODC-rapport is verschenen.", [], {"WODC": 1}),  # other bodies keep compound mentions
    ("in het RIEC-verband", [], {"RIEC": 1}),
]


@pytest.mark.parametrize(("text", "absent", "present"), COMPOUND_CASES)
def test_adjectival_compounds_of_supranational_bodies(text: str, absent: list[str], present: dict[str, int]) -> None:
    found = orgs(text)
    assert not set(absent) & set(found), found.keys()
    assert {n: len(found[n].mentions) for n in present if n in found} == present


def test_short_form_of_a_found_name_joins_it() -> None:
    text = ("het kabinet heeft besloten tot de instelling van een tijdelijke Ministeriële Commissie Migratie. "
            "De Ministeriële Commissie zal maatregelen voorbereiden.")
    found = orgs(text)
    assert [o.name for o in distinct(found)] == ["Ministeriële Commissie Migratie"]
    assert found["Ministeriële Commissie Migratie"].aliases == ["Ministeriële Commissie"]
    assert mentioned(text, found["Ministeriële Commissie Migratie"]) == [
        "Ministeriële Commissie Migratie", "Ministeriële Commissie"]


def test_short_form_shared_by_two_bodies_joins_neither() -> None:
    text = ("Er is een Ministeriële Commissie Migratie en een Ministeriële Commissie Economie. "
            "De Ministeriële Commissie vergadert maandelijks.")
    found = orgs(text)
    assert found["Ministeriële Commissie Migratie"].aliases == []
    assert found["Ministeriële Commissie Economie"].aliases == []


def test_all_caps_header_forms_are_no_aliases() -> None:
    text = ("BRIEF VAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE\n\nTekst over Veiligheid en Justitie.\n\n"
            "De Staatssecretaris van Veiligheid en Justitie,")
    ministry = orgs(text)["Ministerie van Veiligheid en Justitie"]
    assert ministry.aliases == ["Veiligheid en Justitie"]
    assert len(ministry.mentions) == 3
    header_only = orgs("BRIEF VAN DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT\n\n"
                       "Tekst over Infrastructuur en Waterstaat.")
    assert header_only["Ministerie van Infrastructuur en Waterstaat"].aliases == ["Infrastructuur en Waterstaat"]


def test_coordination_steps_over_a_parenthesis_after_the_host() -> None:
    text = ("Er lopen onderzoeken van de Nederlandse Arbeidsinspectie (in samenwerking met OM en politie), "
            "Keolis, Arriva en Qbuzz.")
    assert {"Keolis", "Arriva", "Qbuzz"} <= set(orgs(text))
    assert "Keolis" in orgs("Het Centrum tegen Kinderhandel en Mensenhandel (CKM) en Keolis werken samen.")
    # a parenthesis that runs past the sentence end is no aside
    assert "Keolis" not in orgs("Het CKM (zie bijlage. En Keolis")


@pytest.mark.parametrize("text", [
    "De politie heeft de zaak onderzocht.",
    "De Nationale Politie heeft de zaak onderzocht.",
    "Het Korps Nationale Politie heeft de zaak onderzocht.",
])
def test_known_body_has_one_canonical_name_and_stable_id_in_every_letter(text: str) -> None:
    found = [o for o in distinct(orgs(text)) if o.kind == "police"]
    assert [(o.id, o.name) for o in found] == [("nationale-politie", "Nationale Politie")]


def test_the_letters_own_form_of_a_known_body_is_kept_as_alias() -> None:
    found = orgs("Het OM vervolgt. De politie onderzoekt.")
    om = next(o for o in found.values() if o.id == "openbaar-ministerie")
    assert om.name == "Openbaar Ministerie" and "OM" in om.aliases


@pytest.mark.parametrize(("text", "party"), [
    ("de motie van de leden Kuik en Palland (CDA)", "CDA"),
    ("Indiener(s): Ronald Plasterk (minister) (PvdA)", "PvdA"),
    ("het lid Bisschop (SGP) vroeg", "SGP"),
    ("de leden Van der Lee (GroenLinks) en Sienot (D66)", "D66"),
])
def test_political_parties_are_organisations(text: str, party: str) -> None:
    found = orgs(text)
    assert any(o.kind == "party" and o.name == party for o in found.values())


@pytest.mark.parametrize("text", ["De SPoedprocedure loopt.", "Wij spreken met elkaar af.", "Een volt-meter."])
def test_party_abbreviations_need_their_exact_form(text: str) -> None:
    assert not any(o.kind == "party" for o in orgs(text).values())


@pytest.mark.parametrize("text", [
    "Dit heb ik besproken met de Minister van Defensie.",
    "De Onderzoeksraad deed aanbevelingen aan mijn collega-bewindspersonen van Infrastructuur en Waterstaat, "
    "Binnenlandse Zaken en Koninkrijksrelaties, Economische Zaken en Klimaat en Defensie.",
    "BRIEF VAN DE MINISTERS VAN SOCIALE ZAKEN EN WERKGELEGENHEID, VAN BUITENLANDSE ZAKEN EN VOOR BUITENLANDSE HANDEL",
    "De Staatssecretaris van Justitie en Veiligheid,\n\nE. van der Burg",
])
def test_a_ministry_named_only_through_an_office_is_left_out(text: str) -> None:
    assert not [o for o in distinct(orgs(text)) if o.kind == "ministry"]


@pytest.mark.parametrize(("text", "ministry"), [
    ("Het Ministerie van Defensie heeft dit onderzocht.", "Ministerie van Defensie"),
    ("Defensie heeft dit onderzocht, zoals de Minister van Defensie schreef.", "Ministerie van Defensie"),
    ("Het ministerie van SZW en de minister van SZW overleggen.", "Ministerie van Sociale Zaken en Werkgelegenheid"),
])
def test_a_ministry_named_as_a_body_stays(text: str, ministry: str) -> None:
    assert [o.name for o in distinct(orgs(text)) if o.kind == "ministry"] == [ministry]


@pytest.mark.parametrize(("text", "name"), [
    ("Volgens de Inspectie van Justitie en Veiligheid2 is dat zo.", "Inspectie van Justitie en Veiligheid"),
    ("Ministerie van Buitenlandse Zaken Bezuidenhoutseweg 67 Den Haag", "Ministerie van Buitenlandse Zaken"),
])
def test_glued_marker_and_letterhead_address_are_not_part_of_a_name(text: str, name: str) -> None:
    assert name in orgs(text)


def test_toeslagen_is_its_own_body_beside_the_belastingdienst() -> None:
    found = distinct(orgs("De Dienst Toeslagen en de Belastingdienst werken samen. Toeslagen betaalt uit."))
    assert {o.name for o in found} == {"Dienst Toeslagen", "Belastingdienst"}


@pytest.mark.parametrize(("text", "names"), [
    ("Ik informeer de Eerste en Tweede Kamer gelijktijdig.",
     {"Eerste Kamer der Staten-Generaal", "Tweede Kamer der Staten-Generaal"}),
    ("Het kabinet sprak in de Onderwijs, Jeugd, Cultuur en Sport Raad (OJCS-Raad) over media.",
     {"Onderwijs-, Jeugd-, Cultuur- en Sportraad"}),
    ("Het onderzoek is gedaan door Sardes en Universiteit Utrecht samen.", {"Sardes", "Universiteit Utrecht"}),
])
def test_a_shared_head_names_one_body_per_known_name(text: str, names: set[str]) -> None:
    assert {o.name for o in distinct(orgs(text))} == names


@pytest.mark.parametrize(("text", "name"), [
    ("Het rapport is opgesteld door Lysias Consulting Group in opdracht.", "Lysias Consulting Group"),
    ("De vluchten van Eindhoven Airport gaan door.", "Eindhoven Airport"),
    ("Volgens de Rijksbrede Benchmark Groep is dat zo.", "Rijksbrede Benchmark Groep"),
    ("De Studiegroep Begrotingsruimte adviseert het kabinet.", "Studiegroep Begrotingsruimte"),
    ("De Taskforce Strategische Afhankelijkheden begint.", "Taskforce Strategische Afhankelijkheden"),
])
def test_company_and_working_group_heads(text: str, name: str) -> None:
    assert name in orgs(text)


@pytest.mark.parametrize("text", ["Groep jongeren zijn gevolgd.", "De Werkgroep vergaderde niet.",
                                  "Bij de Airport was het druk.", "Een groep van tien gemeenten."])
def test_working_group_and_company_heads_alone_are_no_names(text: str) -> None:
    assert orgs(text) == {}


def test_a_footnote_marker_glued_after_a_full_stop_does_not_hide_a_name() -> None:
    assert "Europees Parlement" in orgs("Het voorstel ging naar de voorzitter van het Europees Parlement.4 Daarna "
                                        "volgde de stemming.")


@pytest.mark.parametrize(("text", "names"), [
    ("Dit sluit aan bij de oproep van de Europese Commissie3 aan de lidstaten.", {"Europese Commissie"}),
    ("Daarnaast heeft Bureau Risicobeoordeling & Onderzoek van de NVWA op eigen initiatief advies gegeven.",
     {"Bureau Risicobeoordeling & Onderzoek", "Nederlandse Voedsel- en Warenautoriteit"}),
    ("De Directie Wetgeving van het Ministerie van Financiën bereidt dit voor.",
     {"Directie Wetgeving", "Ministerie van Financiën"}),
    ("De Beheersraad van de ILO stelde het vast.", {"Beheersraad van de ILO"}),
])
def test_glued_marker_after_a_word_and_units_of_a_known_body(text: str, names: set[str]) -> None:
    assert {o.name for o in distinct(orgs(text))} == names


@pytest.mark.parametrize(("text", "name"), [
    ("Volgens de Wereldbank groeit de economie.", "Wereldbank"),
    ("Het onderzoek is door KPMG uitgevoerd.", "KPMG"),
    ("De Navo-top in Vilnius en de Navo zelf.", "Noord-Atlantische Verdragsorganisatie"),
    ("Het CVZ adviseerde hierover.", "Zorginstituut Nederland"),
])
def test_well_known_bodies_are_in_the_gazetteer(text: str, name: str) -> None:
    assert name in {o.name for o in distinct(orgs(text))}


def test_glued_marker_split_keeps_codes_whole() -> None:
    from mhextract.analysis.tokenizer import blank_dutch
    tokens = [t.text for t in blank_dutch()("CO2 en MH17 en G20 en A4 en Commissie3")]
    assert tokens == ["CO2", "en", "MH17", "en", "G20", "en", "A4", "en", "Commissie", "3"]


@pytest.mark.parametrize(("text", "names"), [
    ("het verslag van de Raad voor Werkgelegenheid en Sociaal Beleid, Volksgezondheid en Consumentenzaken.",
     {"Raad Werkgelegenheid, Sociaal Beleid, Volksgezondheid en Consumentenzaken"}),  # the Council's EPSCO
    ("de Vaste Commissie voor Justitie en Veiligheid in de Tweede Kamer heeft gevraagd",
     {"Vaste Commissie voor Justitie en Veiligheid", "Tweede Kamer der Staten-Generaal"}),
    ("de vaste Kamercommissie Koninkrijksrelaties over het Jaarverslag en de Slotwet",
     {"vaste Kamercommissie Koninkrijksrelaties"}),
    ("Ter inzage gelegd bij het Centraal Informatiepunt Tweede Kamer.", {"Centraal Informatiepunt Tweede Kamer"}),
])
def test_committee_ends_and_policy_areas(text: str, names: set[str]) -> None:
    assert {o.name for o in distinct(orgs(text))} >= names
    assert not {o.name for o in distinct(orgs(text))} - names - {"Tweede Kamer der Staten-Generaal"}


def test_a_shared_head_mention_gives_no_one_word_alias() -> None:
    found = distinct(orgs("Ik informeer de Eerste en Tweede Kamer gelijktijdig."))
    assert all("Eerste" not in o.aliases for o in found)


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("het rapport van de commissie Kuijken over de opsporing", "commissie Kuijken", "advisory"),
    ("zoals de commissie-Haren adviseerde", "commissie-Haren", "advisory"),
    ("de commissie Onderwijs, Cultuur en Wetenschap vroeg om een brief", "commissie Onderwijs, Cultuur en Wetenschap",
     "chamber"),
])
def test_a_lowercase_commissie_before_a_name_or_portfolio(text: str, name: str, kind: str) -> None:
    found = orgs(text)
    assert name in found and found[name].kind == kind


def test_a_lowercase_commissie_alone_is_no_name() -> None:
    assert orgs("De commissie heeft gesproken. De minister reageert later.") == {}


@pytest.mark.parametrize(("text", "names"), [
    ("de Veteranenombudsman adviseert het kabinet", {"Veteranenombudsman"}),
    ("het rapport van de Onderzoeksraad voor Veiligheid - Infectieziektenbestrijding",
     {"Onderzoeksraad voor Veiligheid"}),
    ("het Ministerie van Binnenlandse Zaken en Koninkrijkrelaties de Kamerbrief gestuurd",
     {"Ministerie van Binnenlandse Zaken en Koninkrijkrelaties"}),
])
def test_compound_ombudsman_and_names_that_end_at_a_spaced_dash_or_an_article(text: str, names: set[str]) -> None:
    assert {o.name for o in distinct(orgs(text))} == names


@pytest.mark.parametrize(("text", "name"), [
    ("De Rijksarchiefinspectie rapporteert jaarlijks.", "Rijksarchiefinspectie"),
    ("Het ESM verstrekt leningen.", "Europees Stabiliteitsmechanisme"),
    ("De Ecofin Raad besprak de begroting.", "Raad voor Economische en Financiële Zaken"),
])
def test_inspectie_compounds_and_eu_bodies(text: str, name: str) -> None:
    assert name in {o.name for o in distinct(orgs(text))}


def test_reglement_van_orde_is_no_body_and_its_chamber_still_is() -> None:
    found = orgs("volgens het Reglement van Orde van de Tweede Kamer. De Orde van Advocaten reageerde.")
    assert "Tweede Kamer" in found and "Orde van Advocaten" in found
    assert not any(name.startswith("Orde van de") for name in found), found.keys()


def test_the_eu_health_council_is_not_the_dutch_gezondheidsraad() -> None:
    assert "Gezondheidsraad" not in orgs("te betrekken bij het AO EU-Gezondheidsraad van juni")
    assert "Gezondheidsraad" in orgs("De Gezondheidsraad adviseert de minister.")  # near-miss: the Dutch body


@pytest.mark.parametrize(("text", "names"), [
    ("De Nationale ombudsman, de Kinderombudsman en de Veteranenombudsman zijn onafhankelijk.",
     {"Nationale ombudsman", "Kinderombudsman", "Veteranenombudsman"}),
    ("In de Verkenning Onderwijsraad staat het.", {"Onderwijsraad"}),
    ("De Jeugdraad Amsterdam adviseert.", {"Jeugdraad Amsterdam"}),  # near-miss: a compound no entry knows
])
def test_a_known_compound_heads_no_longer_name(text: str, names: set[str]) -> None:
    assert {o.name for o in find_organisations(text)} == names


@pytest.mark.parametrize(("text", "absent"), [
    ("de symptomen konden wijzen op Infectieuze Laryngotracheïtis (ILT). De ILT is een virusziekte.",
     "Inspectie Leefomgeving en Transport"),
    ("de regels van het Stabiliteits- en Groeipact (SGP) gelden voor alle lidstaten.", "SGP"),
])
def test_a_known_abbreviation_the_letter_defines_otherwise_names_no_body(text: str, absent: str) -> None:
    assert absent not in orgs(text)


@pytest.mark.parametrize(("text", "present"), [  # near-misses: a name before a party, the body's own name
    ("de motie van het lid Westerveld (GL) over de opvang", "GroenLinks"),
    ("De Inspectie Leefomgeving en Transport (ILT) houdt toezicht. De ILT meldt.",
     "Inspectie Leefomgeving en Transport"),
    ("de directie Internationaal Onderzoek en Beleidsevaluatie (IOB) evalueerde het beleid",
     "Inspectie Ontwikkelingssamenwerking en Beleidsevaluatie"),
])
def test_a_known_abbreviation_after_its_own_name_or_a_person_keeps_its_body(text: str, present: str) -> None:
    assert present in orgs(text)


def test_a_committee_named_by_its_ministrys_abbreviation_is_the_committee_with_the_portfolio() -> None:
    found = find_organisations("De vaste commissie voor Landbouw, Natuur en Voedselkwaliteit vergaderde. "
                               "Daarna besloot de commissie LNV tot een rondetafelgesprek.")
    assert [(o.name, o.aliases) for o in found] == [
        ("vaste commissie voor Landbouw, Natuur en Voedselkwaliteit", ["commissie LNV"])]
    two = find_organisations("De commissie LNV en de vaste commissie voor Justitie en Veiligheid vergaderden.")
    assert len(two) == 2  # near-miss: another ministry's committee stays apart


@pytest.mark.parametrize(("text", "names"), [  # EU Council letters (b10)
    ("Op 24 oktober vindt de Raad WSB te Luxemburg plaats. De Formele Raad WSBVC besloot.",
     {"Raad Werkgelegenheid, Sociaal Beleid, Volksgezondheid en Consumentenzaken"}),
    ("GEANNOTEERDE AGENDA RAAD WERKGELEGENHEID EN SOCIAAL BELEID (WSBVC) 24 oktober 2019\n\nDe Raad vergadert.",
     {"Raad Werkgelegenheid, Sociaal Beleid, Volksgezondheid en Consumentenzaken"}),
    ("Na de RBZ vond de EU-Israël Associatieraad plaats.", {"Raad Buitenlandse Zaken", "EU-Israël Associatieraad"}),
    ("een werkbezoek aan de Veiligheidsregio Midden- en West-Brabant te Breda",
     {"Veiligheidsregio Midden- en West-Brabant"}),
    # near-miss: `te` before a word that is no known place stays inside the name
    ("De Stichting Wonen te Velde adviseert.", {"Stichting Wonen te Velde"}),
])
def test_council_forms_places_and_glued_abbreviations(text: str, names: set[str]) -> None:
    assert {o.name for o in find_organisations(text)} == names


@pytest.mark.parametrize(("text", "names"), [
    ("De Vaste Commissie voor Europese Zaken van de Tweede Kamer vergaderde.",
     {"Vaste Commissie voor Europese Zaken", "Tweede Kamer der Staten-Generaal"}),
    ("de vaste commissie voor Koninkrijksrelaties van de Eerste Kamer vroeg",
     {"vaste commissie voor Koninkrijksrelaties", "Eerste Kamer der Staten-Generaal"}),
    # near-misses: a unit keeps its chamber; a committee keeps a ministry's portfolio after `van`
    ("Ter inzage bij het Centraal Informatiepunt van de Tweede Kamer.",
     {"Centraal Informatiepunt van de Tweede Kamer"}),
    ("de Vaste Commissie van Justitie en Veiligheid vroeg", {"Vaste Commissie van Justitie en Veiligheid"}),
])
def test_a_committees_name_ends_before_van_and_its_chamber(text: str, names: set[str]) -> None:
    assert {o.name for o in find_organisations(text)} == names


def test_the_european_court_of_auditors_is_not_the_dutch_one() -> None:
    assert set(orgs("De Europese Rekenkamer (ERK) rapporteerde.")) >= {"Europese Rekenkamer", "ERK"}
    assert "Algemene Rekenkamer" not in orgs("De Europese Rekenkamer (ERK) rapporteerde.")
    assert "Algemene Rekenkamer" in orgs("De Algemene Rekenkamer rapporteerde.")  # near-miss: the Dutch body


@pytest.mark.parametrize(("text", "name"), [
    ("de vaste commissie voor Landbouw, Natuur en Voedselveiligheid heeft gevraagd",
     "vaste commissie voor Landbouw, Natuur en Voedselveiligheid"),  # b11: a portfolio no ministry has now
    ("de vaste commissie voor Financiën, de minister en de staatssecretaris", "Vaste Commissie voor Financiën"),
])
def test_a_committees_portfolio_list_takes_its_commas(text: str, name: str) -> None:
    assert [o.name for o in find_organisations(text)] == [name]
