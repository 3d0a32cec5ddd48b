"""Kamerstuk citations: real citation strings (corpus letters and public Kamerstukken) and near-misses."""

from __future__ import annotations

import pytest
import spacy

from mhextract.extract.kamerstuk import (
    find_header_kamerstukken,
    find_kamerstukken,
    normalise_session,
    ref_from_id,
)
from mhextract.extract.motions import find_motions

# (citation as it appears in a letter, expected ids in order)
CITATIONS: list[tuple[str, list[str]]] = [
    # corpus letters 000-004
    ("24 februari jl. (Kamerstukken 28 638 en 34 193, nr. 207)heb ik u", ["28638-207", "34193-207"]),
    ("1 Kamerstukken 28 638 en 31 015, nr. 206.", ["28638-206", "31015-206"]),
    ("2 Kamerstuk 28 638, nr. 204.", ["28638-204"]),
    ("3 Kamerstuk 28 638, nr. 185. Bijlage 2: «Handreiking", ["28638-185"]),
    ("7 Kamerstuk 35 925 VI, nr. 118.", ["35925-VI-118"]),
    ("ingediend door het Lid Van Dijk (Eerste Kamer) (Kamerstuk 34 091, M) die verzoekt", ["34091-M"]),
    ("Binnen het coalitieakkoord (Bijlage bij Kamerstuk 35 788, nr. 77) zijn", ["35788-77"]),
    ("8 Kamerstuk 28 741, nr. 86", ["28741-86"]),
    ("tegemoetgekomen aan Motie van Dijk (Kamerstuk 34 091, M) die", ["34091-M"]),
    ("voor online seksplatforms (Kamerstuk 28 638, \nnr. 192).", ["28638-192"]),
    ("lokprofielen en de webcrawler (Kamerstuk 28 638, nr. 191).", ["28638-191"]),
    ("27 mei jl. (Kamerstuk 28 638, nr. 190) heb ik uw Kamer gemeld", ["28638-190"]),
    ("Segers en Asscher (€ 10 miljoen) (Kamerstuk 35 300, nr. 25). Met deze", ["35300-25"]),
    ("5 december 2019 (Kamerstuk 28 638, nr. 178) informeer ik u", ["28638-178"]),
    ("Conform de motie van het lid Van der Graaf (Kamerstuk 35 570 VI, nr. 64) doe ik", ["35570-VI-64"]),
    ("6 Eerste halfjaarbericht politie 2021, Kamerstuk 29 628, nr. 1015.", ["29628-1015"]),
    ("¹ Zie kamerstuk 28 638, nr. 233.", ["28638-233"]),
    ("³ Kamerstukken II 2023/24, 28 638, nr.231", ["28638-231"]),
    ("⁴ Kamerstukken II 2023/24, 28 638, nr. 229.", ["28638-229"]),
    ("⁵ Kamerstuk 28 638, nr. 224", ["28638-224"]),
    ("⁶ Kamerstukken II 2020/21, 28 638, nr. 184 en 203", ["28638-184", "28638-203"]),
    ("⁷ Motie Segers/Asscher TK 2019–2020, 35 300, nr. 25", ["35300-25"]),
    ("⁸ Kamerstukken II 2020/21, 28 638, nr. 203", ["28638-203"]),
    ("<sup>5</sup> Kamerstukken II 2021/22, 29 628, nr. 1127.", ["29628-1127"]),
    # forms from the issue
    ("35 570 VI, nr. 64", ["35570-VI-64"]),
    ("34 475 VI, nr. 2", ["34475-VI-2"]),
    ("de begroting 35 300-XV wordt", ["35300-XV"]),
    ("21 501-32, nr. 1703", ["21501-32-1703"]),
    ("21501-32-1740", ["21501-32-1740"]),
    ("Kamerstuk 34 091, nr. E", ["34091-E"]),
    ("Kamerstukken I 2019/20, 34 775 VI, nr. 42e", ["34775-VI-42e"]),
    ("Kamerstukken 28 638, nrs. 3 en 4", ["28638-3", "28638-4"]),
    ("Kamerstukken II 2001/02 28 000 VI nr. 46", ["28000-VI-46"]),
    ("TK 2019–2020, 35 300, nr. 25", ["35300-25"]),
    ("zie kst-28638-188", ["28638-188"]),
    ("brief 28638 -188 van", ["28638-188"]),
    ("34300-VII-60", ["34300-VII-60"]),
    ("bij brief van 5 juni (Kamerstuk\n28 638, nr. 253)", ["28638-253"]),
    ("het dossier Kamerstuk 28 638 bevat", ["28638"]),
    # public Kamerstukken citation forms
    ("Kamerstukken II 2019/20, 28 638, nr. 174", ["28638-174"]),
    ("Kamerstukken II 2021/22, 36 067, nr. 2", ["36067-2"]),
    ("Kamerstukken I 2020/21, 35 300 VI, E", ["35300-VI-E"]),
    ("Kamerstukken II 2022/23, 36 200 VI, nr. 10", ["36200-VI-10"]),
    ("Kamerstukken II 2018/19, 35 000 VI, nr. 87", ["35000-VI-87"]),
    ("Kamerstukken II 2017/18, 34 775 VI, nrs. 39 en 48", ["34775-VI-39", "34775-VI-48"]),
    ("Kamerstukken II 2014/15, 21 501-20, nr. 1015", ["21501-20-1015"]),
    ("Kamerstukken II 2020/21, 21 501-02, nr. 2287", ["21501-02-2287"]),
    ("Kamerstukken II 2019/20, 31 839, nr. 700", ["31839-700"]),
    ("Kamerstukken II 2022/23, 36 200 A, nr. 8", ["36200-A-8"]),
    ("Kamerstukken II 2015/16, 34 300-XIII, nr. 5", ["34300-XIII-5"]),
    ("Kamerstukken II 2023/24, 36 410 VI, nr. 2", ["36410-VI-2"]),
    ("Kamerstukken I 2021/22, 35 570, AB", ["35570-AB"]),
    ("Kamerstukken II 2016/17, 34 550 VI, nrs. 3–5", ["34550-VI-3", "34550-VI-4", "34550-VI-5"]),
    ("TK 2008–2009, 31 700 VI, nr. 3", ["31700-VI-3"]),
    ("EK 2013–2014, 33 400 VI, F", ["33400-VI-F"]),
    ("Kamerstukken II 1999/2000, 26 800 VI, nr. 2", ["26800-VI-2"]),
    ("https://zoek.officielebekendmakingen.nl/kst-35925-VI-118.html", ["35925-VI-118"]),
    ("kst-21501-32-1740", ["21501-32-1740"]),
    ("Kamerstuk 32 317, nr. 800", ["32317-800"]),
    ("Kamerstukken II 2022/23, 28 638 en 31 015, nr. 215", ["28638-215", "31015-215"]),
    ("(Kamerstukken II 2019/20, 28 638, nr. 173 en Kamerstukken II 2019/20, 28 638, nr. 175)",
     ["28638-173", "28638-175"]),
    ("Kamerstukken 31 015 en 32 279, nr. 253", ["31015-253", "32279-253"]),
    ("Kamerstukken II, 2022/23, 36 200 VI, nr. 95", ["36200-VI-95"]),
    ("Kamerstukken II 2020–2021, 35 570 VI, nr. 64", ["35570-VI-64"]),
    ("Kamerstuknummer 28 638-200", ["28638-200"]),
    ("Kamerstukken II 2023/24, 36 410 XV, nr. 3", ["36410-XV-3"]),
    ("Kamerstukken 28 638, nr. 190 en 29 628, nr. 1015", ["28638-190", "29628-1015"]),
    ("Kamerstukken II 2009/10, 32 123 VI, nr. 10", ["32123-VI-10"]),
    ("unnormalised, marker glued: Kamerstuk 28 638, nr. 25³ en", ["28638-25"]),
    ("(Kamerstuk 34 091, M)¹ die", ["34091-M"]),
    ("Kamerstuk 28 638 nr. 253", ["28638-253"]),
    ("Kamerstukken 28 638, nummer 253", ["28638-253"]),
    ("TK 28 638, nr. 253", ["28638-253"]),
    ("de aangehouden motie-Ouwehand (21501-32, nr. 590)", ["21501-32-590"]),
    ("de motie-Van Aalst over de N35 (35300-A, nr. 15);", ["35300-A-15"]),
    ("Kamerstuk 35925-IV-20", ["35925-IV-20"]),
    ("(Kamerstukken II 2019/20, 35 300 VI, nr. 105)", ["35300-VI-105"]),
]

# Text that only looks like a citation.
NEAR_MISSES: list[str] = [
    "Retouradres Postbus 20301 2500 EH Den Haag",
    "Turfmarkt 147\n2511 DP Den Haag",
    "Postbus 20018\n2500 EA DEN HAAG",
    "€ 10 000-15 000 per jaar",
    "ruim 10 000 - 12 000 slachtoffers",
    "in 2020 190 door het OM-geregistreerde verdachten",
    "artikel 273f Wetboek van Strafrecht",
    "artikel 273f, eerste lid, onder 4",
    "een bedrag van 12 345 euro",
    "in totaal 58 fte en 29 fte",
    "24 februari jl.",
    "Monitor Mensenhandel 2019-2023",
    "Veiligheidsagenda 2023-2026",
    "1 januari 2021 tot en met 31 december 2021",
    "ECLI:NL:RBMNE:2023:4838",
    "Kamerstukken II 2021/22, 2022Z19982.",
    "Handelingen II 2020/21, nr. 30, item 7",
    "Ons kenmerk 6013609",
    "4 2 83675",
    "Stb. 2021, 123",
    "Stcrt. 2020, nr. 12345",
    "Toezegging nr. 118836",
    "telefoonnummer 06-12345678",
    "tussen de 12 en 23 jaar",
    "20 190 verdachten",
    "28 638 slachtoffers",
    "Dadermonitor 2017-2021",
    "nr. 3 van de reeks",
    "www.rijksoverheid.nl/jenv",
    "€ 25 000-50",
    "parketnummer 12345-2023",
    "ISBN 978-90-12345-67-8",
]


@pytest.mark.parametrize(("text", "expected"), CITATIONS)
def test_citation_ids(text: str, expected: list[str]) -> None:
    assert [r.id for r in find_kamerstukken(text)] == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_not_citations(text: str) -> None:
    assert find_kamerstukken(text) == []


def test_table_sizes() -> None:
    assert len(CITATIONS) >= 60 and len(NEAR_MISSES) >= 20


def test_parts_chamber_session_and_url() -> None:
    (ref,) = find_kamerstukken("Kamerstukken II 2023/24, 35 925 VI, nr. 118")
    assert (ref.dossier, ref.suffix, ref.number) == ("35925", "VI", "118")
    assert (ref.chamber, ref.session) == ("Tweede Kamer", "2023/24")
    assert ref.url == "https://zoek.officielebekendmakingen.nl/kst-35925-VI-118.html"


def test_eerste_kamer_letter_sets_chamber_and_bare_dossier_has_no_url() -> None:
    letter, bare = find_kamerstukken("(Kamerstuk 34 091, M) en Kamerstuk 28 638.")
    assert (letter.id, letter.number, letter.chamber) == ("34091-M", "M", "Eerste Kamer")
    assert (bare.id, bare.number, bare.url) == ("28638", None, None)


def test_one_entry_per_id_with_every_mention() -> None:
    text = "Zie Kamerstuk 28 638, nr. 203. Ook in Kamerstukken II 2020/21, 28 638, nr. 184 en 203."
    refs = find_kamerstukken(text)
    assert [r.id for r in refs] == ["28638-203", "28638-184"]
    mentions = [text[s.start : s.end] for s in refs[0].mentions]
    assert mentions == ["Kamerstuk 28 638, nr. 203", "Kamerstukken II 2020/21, 28 638, nr. 184 en 203"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2023/24", "2023/24"), ("2019–2020", "2019/20"), ("1999/2000", "1999/00"), (None, None)],
)
def test_normalise_session(raw: str | None, expected: str | None) -> None:
    assert normalise_session(raw) == expected


def test_header_own_number() -> None:
    text = ("Tweede Kamer der Staten-Generaal\nVergaderjaar 2021–2022\n28 638 Mensenhandel\n"
            "Nr. 183 BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID\n\nBody text.")
    dossier, number = find_header_kamerstukken(text)
    assert (dossier.id, dossier.session, number.id) == ("28638-183", "2021/22", "28638-183")
    assert (text[dossier.start:dossier.end], text[number.start:number.end]) == ("28 638", "183")
    assert [r.id for r in find_kamerstukken(text)] == ["28638-183"]


def test_header_with_two_dossiers_on_joined_lines() -> None:
    text = "28 638 Mensenhandel\n31 015 Kindermishandeling\nNr. 207 BRIEF VAN DE MINISTER"
    assert [c.id for c in find_header_kamerstukken(text)] == ["28638-207", "28638-207", "31015-207", "31015-207"]


def test_header_offsets_come_from_the_one_header_parser() -> None:
    # the same forms as the readers' header parser: a bare dossier with its title on the next line,
    # the addressee and date between the dossier and the number; each id has two mentions, the dossier
    # number and the document number (the dossier title between them is text: `... voor het jaar 2013`)
    text = ("29 826 Industriebeleid\n\n30 196\n\nDuurzame ontwikkeling\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nNr. 216\n\nBRIEF VAN DE MINISTER")
    cits = find_header_kamerstukken(text)
    assert [(c.id, text[c.start:c.end]) for c in cits] == [
        ("29826-216", "29 826"), ("29826-216", "216"), ("30196-216", "30 196"), ("30196-216", "216")]
    assert find_header_kamerstukken("28 638 Mensenhandel\n\nDit is een zin.\n\nNr. 3 BRIEF") == []


def test_own_id_from_metadata_is_added_once() -> None:
    refs = find_kamerstukken("Geen citaten hier.", own_ids="35925-VI-118")
    assert [(r.id, r.suffix, r.number, r.mentions) for r in refs] == [("35925-VI-118", "VI", "118", [])]
    two = find_kamerstukken("Geen citaten hier.", own_ids=["29544-1223", "29279-1223"])
    assert [(r.id, r.own) for r in two] == [("29544-1223", True), ("29279-1223", True)]
    assert ref_from_id("28638").number is None


def test_spacy_component_fills_doc_and_span_group() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("mh_kamerstukken")
    doc = nlp("Zie Kamerstuk 28 638, nr. 204 en postcode 2511 DP.")
    assert [r.id for r in doc._.kamerstukken] == ["28638-204"]
    assert [(s.text, s.label_) for s in doc.spans["kamerstukken"]] == [("Kamerstuk 28 638, nr. 204", "28638-204")]


def test_own_number_from_header_is_marked_own_not_cited() -> None:
    text = ("28 638 Mensenhandel\n\nNr. 254\n\nBRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\n\n"
            "Tijdens het commissiedebat (Kamerstuk 28 638, nr. 253) heb ik toegezegd terug te komen.")
    refs = {r.id: r for r in find_kamerstukken(text)}
    assert refs["28638-254"].own and not refs["28638-253"].own
    assert [r.id for r in find_kamerstukken("Zie Kamerstuk 28 638, nr. 253.", own_ids="28638-254") if r.own] == [
        "28638-254"]


def test_a_citation_never_runs_across_a_paragraph_break() -> None:
    text = "ID: 35394-48\n\nNr. 48 BRIEF VAN DE MINISTER VOOR ARMOEDEBELEID\n\nTekst (Kamerstuk 35 394, nr. 12)."
    assert [k.id for k in find_kamerstukken(text)] == ["35394-12"]


def test_the_dossier_title_between_the_header_numbers_is_text_for_the_other_components() -> None:
    import pathlib
    import tempfile

    from mhextract import parse
    text = ("33 400 VIII Vaststelling van de begrotingsstaten van het Ministerie (VIII) voor het jaar 2013\n\n"
            "Nr. 5 BRIEF VAN DE MINISTER VAN ONDERWIJS, CULTUUR EN WETENSCHAP\n\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 27 september 2012\n\n"
            "Hierbij stuur ik u de brief. Dat is goed.\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "letter.txt"
        path.write_text(text, encoding="utf-8")
        record = parse(path)
    assert ("2013", "2013") in {(d.text, d.value) for d in record.dates}
    assert record.metadata.kamerstuk == "33400-VIII-5"


def test_an_eerste_kamer_nota_dossier_cited_with_session_and_letter() -> None:
    text = "Uw Kamer aanvaardde de motie Vliegenthart (2012–2013, CII, B) om te komen met een plan."
    assert [(k.id, k.session, k.chamber) for k in find_kamerstukken(text)] == [("CII-B", "2012/13", "Eerste Kamer")]
    motions = find_motions(text, find_kamerstukken(text))
    assert [(m.submitters, m.kamerstuk) for m in motions] == [(["Vliegenthart"], "CII-B")]
    assert find_kamerstukken("(2012–2013, CIA, B)") == []


@pytest.mark.parametrize(("text", "ids"), [
    ("Per brief van 20 december 2011 (Kamerstuk 31 839/28 638, nr. 166) heb ik u het plan gestuurd.",
     ["28638-166", "31839-166"]),  # b06: one document of two dossiers
    ("Zie Kamerstukken 31839/28638, nr. 166.", ["28638-166", "31839-166"]),
    ("Zie (Kamerstukken 31 839 / 28 638, nr. 166).", ["28638-166", "31839-166"]),
    ("De motie-Essers c.s. (Kamerstuk 30 306/30 307, letter D) vraagt dat.", ["30306-D", "30307-D"]),
    ("Zie Kamerstukken I 2008/09, 31 700, letter A.", ["31700-A"]),
])
def test_joint_dossiers_and_a_letter_number(text: str, ids: list[str]) -> None:
    assert sorted(k.id for k in find_kamerstukken(text)) == ids


@pytest.mark.parametrize("text", [
    "In 2023/2024 waren er 12 345/67 890 zaken.",  # a ratio of counts, no citation keyword, no number
    "In 2023 / 2024 steeg het aantal.",
    "Die brief is duidelijk: geen letter D van 31 700 zaken.",
])
def test_slashes_and_letters_that_cite_nothing(text: str) -> None:
    assert find_kamerstukken(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Kamerstukken I, 2017/18 30 880 AA", [("30880-AA", "Eerste Kamer")]),
    ("Zie Kamerstukken I 2019/20, 35 300 AB.", [("35300-AB", "Eerste Kamer")]),
    ("(Kamerstukken I 2014/15, 33 802 CD)", [("33802-CD", "Eerste Kamer")]),
])
def test_a_two_letter_eerste_kamer_number_without_comma(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(k.id, k.chamber) for k in find_kamerstukken(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("30 880 AA", []),  # no keyword: two capitals after five digits may be anything
    ("Kamerstuk 34 775 VII", ["34775-VII"]),  # a dossier suffix stays a suffix
    ("Kamerstukken II 2019/20, 35 300 XV, nr. 3", ["35300-XV-3"]),
    ("Kamerstukken II 2019/20, 35 300 over de NS", ["35300"]),  # `NS` is no number after a word between
])
def test_two_capitals_near_misses(text: str, expected: list[str]) -> None:
    assert [k.id for k in find_kamerstukken(text)] == expected
