"""A letterhead block led by an unlisted label, and a numbered title whose sub-title is numbered too."""

from __future__ import annotations

import pytest

from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.normalise import normalise
from mhextract.normalise.layout import is_letterhead
from mhextract.normalise.metadata import extract_metadata
from mhextract.normalise.segment import find_sections


def _letter(text: str):  # type: ignore[no-untyped-def]
    return normalise(RawLetter(path="x.txt", format="text", sha256="0",
                               lines=[RawLine(t) for t in text.split("\n")]))


@pytest.mark.parametrize(
    ("lines", "letterhead"),
    [
        (["Onderdeel Hoofddirectie", "Datum 27 oktober 2005", "Ons kenmerk 5371427/05/DJI",
          "Onderwerp Brand detentiecentrum Schiphol"], True),
        (["Sector Beleid", "Datum 3 maart 2004", "Kenmerk BJZ/2004/118", "Onderwerp Voortgang"], True),
        (["Afdeling Juridische Zaken", "Ons kenmerk 2004-0012", "Uw kenmerk 04/118"], True),
        # near-misses: one label line among prose lines, or only two lines
        (["Het project loopt volgens plan.", "Datum van oplevering is nog niet bekend.",
          "De kosten blijven binnen budget.", "Wij houden u op de hoogte."], False),
        (["Onderdeel Hoofddirectie", "Datum 27 oktober 2005"], False),
    ],
)
def test_block_led_by_an_unlisted_label(lines: list[str], letterhead: bool) -> None:
    assert is_letterhead(lines) is letterhead


def test_unlisted_label_block_gives_date_subject_and_reference() -> None:
    letter = _letter(
        "Brief minister aan de Kamer\n\nSector Beleid\nDatum 3 maart 2004\nOns kenmerk BJZ/2004/118\n"
        "Onderwerp Voortgang programma veiligheid\n\n\n"
        "Hierbij informeer ik u over de voortgang van het programma. Het programma loopt volgens plan.\n\n"
        "Het tweede deel van het programma start in het najaar. Ik houd u op de hoogte."
    )
    meta = extract_metadata(letter)
    assert (meta.date, meta.subject, meta.reference) == (
        "2004-03-03", "Voortgang programma veiligheid", "BJZ/2004/118")
    assert all("Datum" not in s.title for s in find_sections(letter))


BODY = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 1 juli 2020\n\n"
        "1. Inleiding\n\nIn deze brief ga ik in op de stand van zaken van het programma. Het loopt goed.\n\n")


@pytest.mark.parametrize(
    ("title", "sub"),
    [
        ("2. Het systeem van toezicht bij de Rijksoverheid", "2.1 De context van het toezicht"),
        ("3 Uitvoering en handhaving", "3.1 Gemeenten"),
        ("II. Financiële gevolgen", "a) Structurele kosten"),
    ],
)
def test_numbered_title_over_a_numbered_subtitle(title: str, sub: str) -> None:
    letter = _letter(BODY + f"{title}\n\n{sub}\n\nDe uitvoering ligt bij de gemeenten en verloopt volgens plan. "
                     "Er zijn geen knelpunten gemeld.\n\nDe Minister van Binnenlandse Zaken,\nA. Bakker")
    titles = [s.title for s in find_sections(letter)]
    assert titles[-2:] == [title.split(" ", 1)[1], sub.split(" ", 1)[1]]


def test_numbered_line_over_a_lower_case_numbered_line_is_no_title() -> None:
    """`2 Kosten` over `12 maanden ...` (a number opening a lower-case line) is not a title over a sub-title."""
    letter = _letter(BODY + "2. De kosten van het programma\n\n12 maanden na de start volgt een evaluatie\n\n"
                     "Dat is nu.\n\nDe Minister van Binnenlandse Zaken,\nA. Bakker")
    assert "De kosten van het programma" not in [s.title for s in find_sections(letter)]


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # a date place and two labels, the last column blank where the paragraph ends
        ("Den Haag Ons kenmerk Uw brief van 26 mei 2005 ASEA/DIR/2005/11365",
         {"Datum": ["26 mei 2005"], "Ons kenmerk": ["ASEA/DIR/2005/11365"]}),
        # a date place and one label
        ("Den Haag Uw brief van 30 maart 2007 16 maart 2007",
         {"Datum": ["30 maart 2007"], "Uw brief van": ["16 maart 2007"]}),
        ("'s-Gravenhage Kenmerk 12 februari 2003 BJZ/2003/118",
         {"Datum": ["12 februari 2003"], "Kenmerk": ["BJZ/2003/118"]}),
        # two labels whose values stand in the other order; the label after them keeps its own value
        ("Ons kenmerk Datum 13 november 2018 2413397 Onderwerp Voortgang aanpak Hierbij stuur ik u de rapportage.",
         {"Ons kenmerk": ["2413397"], "Datum": ["13 november 2018"], "Onderwerp": ["Voortgang aanpak"]}),
    ],
)
def test_two_columns_read_by_rows(text: str, fields: dict[str, list[str]]) -> None:
    from mhextract.normalise.inline_labels import fields_in
    assert fields_in(text) == fields


@pytest.mark.parametrize(
    "text",
    [
        "Wij vergaderden in Den Haag Uw brief van 30 maart 2007 kwam later",  # a place inside a sentence
        "Den Haag Ons kenmerk Uw brief van ons overleg ASEA/DIR/2005/11365 volgt",  # words, not values
    ],
)
def test_not_columns_read_by_rows(text: str) -> None:
    from mhextract.normalise.inline_labels import fields_in
    assert "Datum" not in fields_in(text)


def test_letterhead_line_with_two_labels_then_their_values() -> None:
    from mhextract.normalise.layout import Block
    from mhextract.normalise.letterhead import parse_letterhead
    block = Block(lines=[RawLine("Ons kenmerk Datum 13 november 2018 2413397 Onderwerp Aanbieding van het "
                                 "programma \"Samen tegen mensenhandel\"")])
    assert parse_letterhead([block]) == {"Ons kenmerk": ["2413397"], "Datum": ["13 november 2018"],
                                         "Onderwerp": ["Aanbieding van het programma \"Samen tegen mensenhandel\""]}


def test_letterhead_line_whose_values_do_not_fit_reads_as_before() -> None:
    """`Onderwerp Bijlage(n) Afschrift van ...`: words, not a date or a code, after two labels."""
    from mhextract.normalise.inline_labels import row_fields
    assert row_fields("Onderwerp Bijlage(n) Afschrift van de brief aan VSNU over Regeling Brief HO&S/CBV/9591") == {}
    assert row_fields("Ons kenmerk 2413397 Datum 13 november 2018") == {}  # each label has its own value


@pytest.mark.parametrize("prefix", ["Fiche", "Bijlage", "BNC-fiche"])
def test_a_run_of_lines_with_the_same_prefix_is_a_list_not_headings(prefix: str) -> None:
    letter = _letter(BODY + f"Hierbij ontvangt u drie fiches van de werkgroep.\n\n"
                     f"{prefix}: Verordening inzake screening (Kamerstuk 22 112, nr. 2958)\n\n"
                     f"{prefix}: Verordening inzake crisis en overmacht (Kamerstuk 22 112, nr. 2959)\n\n"
                     f"{prefix}: Aanbeveling inzake legale trajecten\n\n"
                     "De fiches worden u separaat toegezonden. Zij zijn besproken in de ministerraad.\n\n"
                     "De Minister van Buitenlandse Zaken,\nA. Bakker")
    assert [s.title for s in find_sections(letter)] == ["Inleiding"]


def test_prefixed_headings_with_prose_between_stay_headings() -> None:
    letter = _letter(BODY + "Motie: verbetering van de uitvoering\n\nDe motie verzoekt de regering de uitvoering te "
                     "verbeteren. Dat doe ik.\n\nMotie: versterking van het toezicht\n\nDe motie verzoekt de regering "
                     "het toezicht te versterken. Dat doe ik ook.\n\nDe Minister van Binnenlandse Zaken,\nA. Bakker")
    assert [s.title for s in find_sections(letter)] == [
        "Inleiding", "Motie: verbetering van de uitvoering", "Motie: versterking van het toezicht"]


KST_HEAD = ("Tweede Kamer der Staten-Generaal\nVergaderjaar 1999–2000\n\n26 991 Voedselveiligheid\n\n"
            "Nr. 1 BRIEF VAN DE MINISTER VAN LANDBOUW\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("’s-Gravenhage, 4 februari 2000", "2000-02-04"),  # a typographic apostrophe
        ("'s-Gravenhage, 4 februari 2000", "2000-02-04"),  # at the start of its line
        ("Den Haag, 31oktober 2011", "2011-10-31"),  # a day glued to its month
        ("Den Haag, 2 Juni 2014", "2014-06-02"),
        ("Den Haag, 2000 2001", None),  # near-miss: no day and month
    ],
)
def test_place_date_forms(line: str, iso: str | None) -> None:
    letter = _letter(KST_HEAD + f"{line}\n\nHierbij bied ik u het rapport aan. Het rapport is af.\n\n"
                     "De Minister van Landbouw,\nA. Bakker")
    assert extract_metadata(letter).date == iso
    if iso:  # the date line ends the header: never a section
        assert line not in [s.title for s in find_sections(letter)]
