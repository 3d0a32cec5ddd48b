"""Persons: signatories, motion submitters, `het lid` / `de leden`, ministers, rapporteurs; one entry each."""

from __future__ import annotations

import pytest

from mhextract.extract.person_titles import (
    find_government_mentions,
    find_leader_mentions,
    find_member_mentions,
    find_official_mentions,
    find_rapporteur_mentions,
    find_titled_mentions,
    standalone,
)
from mhextract.extract.persons import find_persons, find_signatories
from mhextract.record.model import Motion, Signatory, Span

# (text, [(name, role)])
MEMBER_CASES = [
    ("de gewijzigde motie van het lid Kuik c.s. waarin", [("Kuik", "Kamerlid")]),
    ("vragen van de leden Kuik, Bikker en Verkuijlen ontvangen",
     [("Kuik", "Kamerlid"), ("Bikker", "Kamerlid"), ("Verkuijlen", "Kamerlid")]),
    ("de motie van de leden Mutluer, Bikker, Kuik en Podt verzoekt",
     [("Mutluer", "Kamerlid"), ("Bikker", "Kamerlid"), ("Kuik", "Kamerlid"), ("Podt", "Kamerlid")]),
    ("Conform de motie van het lid Van der Graaf (Kamerstuk 35 570 VI, nr. 64)", [("Van der Graaf", "Kamerlid")]),
    ("een motie aangenomen, ingediend door het Lid Van Dijk (Eerste Kamer) die verzoekt",
     [("Van Dijk", "Eerste Kamerlid")]),
    ("het Eerste Kamerlid Nicolaï vroeg", [("Nicolaï", "Eerste Kamerlid")]),
    ("Kamerlid Ceder heeft gevraagd", [("Ceder", "Kamerlid")]),
    ("de motie van de leden Brouwer en El Idrissi (Kamerstukken II", [("Brouwer", "Kamerlid"),
                                                                      ("El Idrissi", "Kamerlid")]),
    ("de motie van de leden van Bikker en Kuiken", [("Van Bikker", "Kamerlid"), ("Kuiken", "Kamerlid")]),
    ("vragen van de leden Kuik (CDA), Bikker (ChristenUnie) en Mutluer (PvdA) over",
     [("Kuik", "Kamerlid"), ("Bikker", "Kamerlid"), ("Mutluer", "Kamerlid")]),
    # a glued footnote marker is not part of the name
    ("het initiatiefwetsvoorstel van het lid Agema1 tot wijziging", [("Agema", "Kamerlid")]),
    ("de motie van de leden Kuik2 en Bikker3 over", [("Kuik", "Kamerlid"), ("Bikker", "Kamerlid")]),
    ("vragen van het lid Van der Werf12, gesteld op", [("Van der Werf", "Kamerlid")]),
    ("Kamerlid Yeşilgöz-Zegerius4 vroeg", [("Yeşilgöz-Zegerius", "Kamerlid")]),
]


@pytest.mark.parametrize(("text", "expected"), MEMBER_CASES)
def test_member_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_member_mentions(text)
    assert [(m.name, m.role) for m in found] == expected
    for m in found:
        assert text[m.start:m.end].lower() == m.name.lower()


NOT_MEMBERS = [
    "artikel 273f, eerste lid, onderdeel 1°",
    "de leden van de commissie hebben gevraagd",
    "het lid van de Tweede Kamer",
]


@pytest.mark.parametrize("text", NOT_MEMBERS)
def test_not_members(text: str) -> None:
    assert find_member_mentions(text) == []


GOVERNMENT_CASES = [
    ("Minister Yeşilgöz-Zegerius heeft dit toegezegd.", [("Yeşilgöz-Zegerius", "Minister")]),
    ("zoals staatssecretaris Van der Burg aangaf", [("Van der Burg", "Staatssecretaris")]),
    ("heeft minister Dilan Yeşilgöz-Zegerius gezegd", [("Dilan Yeşilgöz-Zegerius", "Minister")]),
    ("door de Minister van JenV toegezegd", []),
    ("de minister van Buitenlandse Zaken en de Minister voor Rechtsbescherming", []),
    ("de staatssecretaris van Volksgezondheid, Welzijn en Sport", []),
    ("de Staatssecretaris van Langdurige en maatschappelijke Zorg", []),
    ("en minister Van Weel heeft", [("Van Weel", "Minister")]),
    # a title followed at once by its portfolio names no one (b09)
    ("de koers die ik als Staatssecretaris Fiscaliteit en Belastingdienst heb ingezet", []),
    ("zoals de staatssecretaris Herstel Toeslagen schreef", []),
    ("zoals minister Rechtsbescherming aangaf", []),
    ("zoals staatssecretaris Fiscaal aangaf", [("Fiscaal", "Staatssecretaris")]),  # near-miss: no portfolio
]


@pytest.mark.parametrize(("text", "expected"), GOVERNMENT_CASES)
def test_government_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.role) for m in find_government_mentions(text)] == expected


OFFICIAL_CASES = [
    ("uitgevoerd onder verantwoordelijkheid van inspecteur-generaal H.J. Kooistra, laat zien",
     [("H.J. Kooistra", "inspecteur-generaal")]),
    ("In gesprek met burgemeester A. Aboutaleb van Rotterdam", [("A. Aboutaleb", "burgemeester")]),
    ("de brief van directeur-generaal mr. J.A. van Beek aan de gemeenten", [("J.A. van Beek", "directeur-generaal")]),
    ("volgens procureur-generaal G.W. van der Burg3 is", [("G.W. van der Burg", "procureur-generaal")]),
    # near misses: no initials, a unit after the title, a title alone
    ("de directeur-generaal Straffen en Beschermen heeft", []),
    ("de inspecteur-generaal heeft het rapport aangeboden", []),
    ("burgemeester Halsema sprak", []),
]


@pytest.mark.parametrize(("text", "expected"), OFFICIAL_CASES)
def test_official_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_official_mentions(text)
    assert [(m.name, m.role) for m in found] == expected
    for m in found:
        assert " ".join(text[m.start:m.end].split()) == m.name


LEADER_CASES = [
    ("In het rapport van het Aanjaagteam Bescherming Arbeidsmigranten onder leiding van Roemer1 (hierna: "
     "Aanjaagteam Roemer) is aanbevolen", [("Roemer", "leider van het Aanjaagteam Bescherming Arbeidsmigranten")]),
    ("De Commissie Regulering van Werk onder voorzitterschap van Borstlap adviseerde",
     [("Borstlap", "voorzitter van de Commissie Regulering van Werk")]),
    ("het Adviescollege onder leiding van prof. dr. J.P. van der Leun heeft",
     [("J.P. van der Leun", "leider van het Adviescollege")]),
    ("de werkgroep onder leiding van Emile Roemer komt", [("Emile Roemer", "leider")]),
    # near misses: organisations, acronyms, places and unnamed leaders
    ("het onderzoek onder leiding van Europol heeft", []),
    ("de actiedagen onder leiding van CoMensha werden", []),
    ("de teams onder leiding van het OM werken", []),
    ("de controles onder leiding van Rotterdam liepen", []),
    ("de pilot onder leiding van Stichting Fier loopt", []),
    ("het project onder leiding van Nationale Politie", []),
    ("onder leiding van de burgemeester", []),
]


@pytest.mark.parametrize(("text", "expected"), LEADER_CASES)
def test_leader_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.name, m.role) for m in find_leader_mentions(text)] == expected


def test_rapporteur_named_after_title_but_not_the_title_itself() -> None:
    text = ("de Nationaal Rapporteur, Conny Rijken, heeft gereageerd. De Nationaal Rapporteur Mensenhandel en "
            "Seksueel Geweld tegen Kinderen publiceerde.")
    assert [(m.name, m.role) for m in find_rapporteur_mentions(text)] == [("Conny Rijken", "Nationaal Rapporteur")]


@pytest.mark.parametrize(("raw", "expected"), [
    ("van Dijk", "Van Dijk"), ("van der Graaf", "Van der Graaf"), ("E. van der Burg", "E. van der Burg"),
    ("Kuik", "Kuik"),
])
def test_standalone_surname_capitalises_particle(raw: str, expected: str) -> None:
    assert standalone(raw) == expected


def test_signatory_role_without_article_and_mention_in_text() -> None:
    text = "Ik informeer u graag.\n\nDe Staatssecretaris van Justitie en Veiligheid,\n\nE. van der Burg"
    sig = Signatory(role="De Staatssecretaris van Justitie en Veiligheid", name="E. van der Burg")
    persons = find_persons(text, [sig])
    assert [(p.name, p.role) for p in persons] == [("E. van der Burg", "Staatssecretaris van Justitie en Veiligheid")]
    assert [text[s.start:s.end] for s in persons[0].mentions] == ["E. van der Burg"]


def test_signatory_fallback_from_signature_block() -> None:
    text = "Tekst van de brief.\n\nDe Minister van Justitie en Veiligheid,\n\nD.M. van Weel\n"
    assert find_signatories(text) == [Signatory(role="De Minister van Justitie en Veiligheid", name="D.M. van Weel")]
    assert [(p.name, p.role) for p in find_persons(text)] == [("D.M. van Weel", "Minister van Justitie en Veiligheid")]


def test_motion_submitters_with_chamber_role_and_merge_by_surname() -> None:
    text = "de motie van de leden van Bikker en Kuiken (Kamerstuk 28 638, nr. 191) en Motie van Dijk (EK)"
    start = text.index("motie van de leden")
    ek = text.index("Motie van Dijk")
    motions = [
        Motion(submitters=["Bikker", "Kuiken"], kamerstuk="28638-191", mentions=[Span(start=start, end=start + 48)]),
        Motion(submitters=["Van Dijk"], kamerstuk="34091-M", chamber="Eerste Kamer",
               mentions=[Span(start=ek, end=ek + 14)]),
    ]
    persons = find_persons(text, [], motions)
    assert [(p.name, p.role) for p in persons] == [
        ("Bikker", "Kamerlid"), ("Kuiken", "Kamerlid"), ("Van Dijk", "Eerste Kamerlid"),
    ]
    bikker = persons[0]
    assert [text[s.start:s.end] for s in bikker.mentions] == ["van Bikker", "Bikker"]


def test_minister_named_in_text_merges_with_signatory() -> None:
    text = "Staatssecretaris Van der Burg heeft toegezegd.\n\nDe Staatssecretaris van Justitie en Veiligheid,\n\n" \
           "E. van der Burg"
    sig = Signatory(role="De Staatssecretaris van Justitie en Veiligheid", name="E. van der Burg")
    persons = find_persons(text, [sig])
    assert len(persons) == 1
    assert persons[0].name == "E. van der Burg"
    assert len(persons[0].mentions) == 2


def test_component_reads_metadata_and_motions(nlp) -> None:  # type: ignore[no-untyped-def]
    from mhextract.record.model import Metadata

    text = "Conform de motie van het lid Van der Graaf (Kamerstuk 35 570 VI, nr. 64) doe ik verslag.\n\n" \
           "De Minister van Justitie en Veiligheid,\n\nD.M. van Weel"
    doc = nlp.make_doc(text)
    doc._.metadata = Metadata(signatories=[Signatory(role="De Minister van Justitie en Veiligheid",
                                                     name="D.M. van Weel")])
    doc = nlp(doc)
    assert [(p.name, p.role) for p in doc._.persons] == [
        ("Van der Graaf", "Kamerlid"), ("D.M. van Weel", "Minister van Justitie en Veiligheid"),
    ]
    assert [s.text for s in doc.spans["persons"]] == ["Van der Graaf", "D.M. van Weel"]


@pytest.mark.parametrize(("text", "found"), [
    ("De commissie is onder voorzitterschap van de heer Cohen gekomen met bevindingen.", [("Cohen", None)]),
    ("Op Aruba sprak ik met gouverneur Boekhoudt over de aanpak.", [("Boekhoudt", "gouverneur")]),
    ("naar aanleiding van het onderzoek door de rapporteurs De Kort en Kat.",
     [("De Kort", "rapporteur"), ("Kat", "rapporteur")]),
    ("Ik sprak met mevrouw Van Ark en met de heer mr. J.P. de Vries.", [("Van Ark", None), ("J.P. de Vries", None)]),
])
def test_honorifics_and_titles_before_a_bare_surname(text: str, found: list[tuple[str, str | None]]) -> None:
    assert [(m.name, m.role) for m in find_titled_mentions(text)] == found


@pytest.mark.parametrize("text", [
    "Ik sprak met de voorzitter Europese Commissie over de aanpak.", "De burgemeester Van Amsterdam sprak.",
    "Bevindingen Nationaal Rapporteur\nIn haar rapportage concludeert zij dat.", "de president van de Raad"])
def test_titles_before_organisations_portfolios_or_a_new_line_name_no_person(text: str) -> None:
    assert find_titled_mentions(text) == []
