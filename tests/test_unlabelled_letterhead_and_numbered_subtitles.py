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
