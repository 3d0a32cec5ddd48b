"""More ways letters arrive: DOCX, OEP XML/HTML (+ metadata.xml), pasted web pages.

Each format's quirks are tested on small documents built here; the samples in
corpus/formats/ (letter 003 in every format, made by tests/make_format_samples.py)
must give records whose extracted fields agree with the txt (and PDF) record.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from make_format_samples import NS_DECL, footnote_ref_xml, footnotes_part_xml, run_xml, textbox_run_xml
from mhextract.errors import IngestError
from mhextract.extract.kamerstuk import find_kamerstukken
from mhextract.ingest import read_letter
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.normalise import normalise
from mhextract.normalise.metadata import extract_metadata
from mhextract.normalise.segment import find_sections
from rawtext import superscript, with_markers

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "corpus" / "formats"
TXT = ROOT / "corpus" / "letters" / "003_749c75a436ca6fa8.txt"
PDF = ROOT / "corpus" / "pdf" / "003_749c75a436ca6fa8.pdf"
KST = "kst-28638-240"


def _texts(raw: RawLetter, kind: str | None = None) -> list[str]:
    """The lines' texts with their structure fields shown in markdown notation (for short assertions):
    `## ` for `heading` 2, `**...**` for a bold line, `¹ ` before a footnote's text for `note` 1, and each
    footnote marker (`markers`) as superscript digits where it stands."""
    return [_shown(ln) for ln in raw.lines if (ln.text or ln.markers) and (kind is None or ln.kind == kind)]


def _shown(line: RawLine) -> str:
    text = with_markers(line)
    if line.note is not None:
        return f"{superscript(line.note)} {text}"
    if line.heading:
        return f"{'#' * line.heading} {text}"
    return f"**{text}**" if line.bold else text


def _error(path: Path) -> str:
    with pytest.raises(IngestError) as info:
        read_letter(path)
    assert str(path) in str(info.value)
    return info.value.reason


# --- detection ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "fmt"), [
    ("003_letter.docx", "docx"),
    (f"{KST}.xml", "xml"),
    (f"{KST}.html", "html"),
    ("tkconv_2023D48113.txt", "web"),
    ("tweedekamer_2023D48113.txt", "web"),
    (f"oep_{KST}.txt", "web"),
])
def test_samples_are_detected_by_content_whatever_the_suffix(tmp_path: Path, name: str, fmt: str) -> None:
    assert read_letter(FORMATS / name).format == fmt
    renamed = tmp_path / "letter.bin"
    renamed.write_bytes((FORMATS / name).read_bytes())
    assert read_letter(renamed).format == fmt


def test_corpus_text_letters_are_not_taken_for_web_pages() -> None:
    for path in sorted((ROOT / "corpus" / "letters").glob("*.txt")):
        assert read_letter(path).format in ("text", "markdown"), path.name


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("brief.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "Word 97-2003 (.doc)"),
    ("brief.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     "OpenDocument"),
    ("brief.bin", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}),
     "OpenDocument"),
    ("cijfers.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}), "Excel"),
    ("archief.zip", _zip({"a.txt": b"hallo"}), "not a Word document"),
    ("brief.rtf", b"{\\rtf1\\ansi Geachte voorzitter}", "RTF"),
    ("feed.xml", b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>', "<rss>"),
])
def test_unsupported_formats_are_named_with_the_supported_ones(tmp_path: Path, name: str, data: bytes,
                                                                expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    reason = _error(path)
    assert "unsupported format" in reason and expected in reason
    assert "Word (.docx)" in reason and "officielebekendmakingen XML" in reason and "PDF" in reason


def test_metadata_xml_on_its_own_points_to_the_publication() -> None:
    reason = _error(FORMATS / KST / "metadata.xml")
    assert "metadata" in reason and "beside it" in reason


def test_corrupt_docx_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(_zip({"word/document.xml": b"<w:document>not closed", "[Content_Types].xml": b"<x/>"}))
    assert "cannot open DOCX" in _error(path)


def test_malformed_oep_xml(tmp_path: Path) -> None:
    path = tmp_path / "kst.xml"
    path.write_bytes(b"<officiele-publicatie><kamerstuk><al>open</kamerstuk>")
    assert "not well-formed XML" in _error(path)


# --- DOCX -----------------------------------------------------------------------------------------------

def _docx(tmp_path: Path, build, notes: dict[int, str] | None = None) -> Path:  # type: ignore[no-untyped-def]
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    build(document)
    if notes:
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes_part_xml(notes), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
    path = tmp_path / "brief.docx"
    document.save(str(path))
    return path


def _para_with_notes(document, pieces: list[str | int]) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import parse_xml

    p = document.add_paragraph()
    for piece in pieces:
        p._p.append(parse_xml(footnote_ref_xml(piece) if isinstance(piece, int) else run_xml(piece)))


def test_docx_footnotes_are_numbered_in_reference_order_and_anchored(tmp_path: Path) -> None:
    # Word ids need not follow the shown numbers: id 7 is referenced first, so it is footnote 1.
    def build(document) -> None:  # type: ignore[no-untyped-def]
        _para_with_notes(document, ["Zie het rapport", 7, " en de brief van 12 maart 2021.", 3])
        _para_with_notes(document, ["Tot slot de motie", 9, "."])

    path = _docx(tmp_path, build, {3: "Kamerstuk 28 638, nr. 203", 7: "WODC-rapport 2020", 9: "Motie nr. 12"})
    raw = read_letter(path)
    assert _texts(raw, "body")[:2] == ["Zie het rapport¹ en de brief van 12 maart 2021.²", "Tot slot de motie³."]
    assert _texts(raw, "footnote") == ["¹ WODC-rapport 2020", "² Kamerstuk 28 638, nr. 203", "³ Motie nr. 12"]
    letter = normalise(raw)
    anchors = {f.number: letter.text[f.anchor - 7: f.anchor] for f in letter.footnotes if f.anchor}
    assert anchors == {1: "rapport", 2: "t 2021.", 3: "e motie"}
    assert "2021.²" not in letter.body and "12 maart 2021." in letter.body


def test_docx_headings_numbering_bold_and_tables(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    def build(document) -> None:  # type: ignore[no-untyped-def]
        from make_format_samples import _add_heading_numbering

        table = document.add_table(rows=2, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Datum", "7 februari 2022"
        table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Onderwerp", "Voortgang aanpak"
        num = _add_heading_numbering(document)
        for title in ("Aanleiding", "Vervolg"):
            p = document.add_paragraph(style="Heading 2")
            p.add_run(title)
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {NS_DECL}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'))
            document.add_paragraph("Een volzin met inhoud die de alinea vormt en eindigt met een punt.")
        document.add_paragraph().add_run("Een vetgedrukte tussenkop").bold = True
        document.add_paragraph("Nog een alinea met tekst. En een tweede zin.")
        data = document.add_table(rows=2, cols=2)
        for row, cells in zip(data.rows, [("Jaar", "Slachtoffers"), ("2021", "1.019")], strict=True):
            row.cells[0].text, row.cells[1].text = cells
        p = document.add_paragraph()
        p._p.append(parse_xml(f'<w:del {NS_DECL} w:id="1" w:author="x" w:date="2023-01-01T00:00:00Z">'
                              '<w:r><w:delText>geschrapte tekst</w:delText></w:r></w:del>'))
        p._p.append(parse_xml(f'<w:ins {NS_DECL} w:id="2" w:author="x" w:date="2023-01-01T00:00:00Z">'
                              f'{run_xml("Ingevoegde zin.")}</w:ins>'))

    raw = read_letter(_docx(tmp_path, build))
    assert _texts(raw, "margin") == ["Datum 7 februari 2022", "Onderwerp Voortgang aanpak"]
    body = _texts(raw, "body")
    assert body[0] == "## 1. Aanleiding" and body[2] == "## 2. Vervolg"
    assert "**Een vetgedrukte tussenkop**" in body
    assert "Jaar | Slachtoffers" in body and "2021 | 1.019" in body
    assert "Ingevoegde zin." in body and not any("geschrapte" in t for t in body)
    letter = normalise(raw)
    assert [(s.number, s.title) for s in find_sections(letter)][:3] == [
        ("1", "Aanleiding"), ("2", "Vervolg"), (None, "Een vetgedrukte tussenkop")]
    assert extract_metadata(letter).date == "2022-02-07"


def test_docx_header_text_box_and_page_footer(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    def build(document) -> None:  # type: ignore[no-untyped-def]
        section = document.sections[0]
        header = section.header.paragraphs[0]
        header._p.append(parse_xml(textbox_run_xml(["Directoraat-Generaal Migratie", "", "Ons kenmerk", "4283675"])))
        section.footer.paragraphs[0].text = "Pagina 1 van 2"
        address = document.add_paragraph()
        for i, line in enumerate(["Aan de Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018"]):
            run = address.add_run(line)
            if i < 2:
                run.add_break()
        document.add_paragraph("De brief begint hier met een zin. En gaat verder.")

    raw = read_letter(_docx(tmp_path, build))
    assert _texts(raw, "margin")[:3] == ["Directoraat-Generaal Migratie", "Ons kenmerk", "4283675"]
    assert _texts(raw, "furniture") == ["Pagina 1 van 2"]
    letter = normalise(raw)
    meta = extract_metadata(letter)
    assert meta.reference == "4283675"
    assert meta.addressee == "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    assert letter.body.startswith("De brief begint hier") and "Pagina 1 van 2" not in letter.text


def test_docx_sample_keeps_letterhead_out_of_the_body() -> None:
    raw = read_letter(FORMATS / "003_letter.docx")
    margin = _texts(raw, "margin")
    assert margin[0] == "Directoraat-Generaal Rechtspleging en Rechtshandhaving"  # first-page text box
    assert "Datum 30 november 2023" in margin and "18 december 2023" in margin  # table; running header last
    assert margin.index("Datum 30 november 2023") < margin.index("18 december 2023")
    assert _texts(raw, "furniture") == ["Pagina 2 van 6"]
    letter = normalise(raw)
    assert letter.body.startswith("Middels deze brief")
    assert len(letter.footnotes) == 11 and all(f.anchor for f in letter.footnotes)


# --- OEP XML and HTML -----------------------------------------------------------------------------------

_TWO_DOSSIERS = """<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie><kamerstuk>
<kamerstukkop><tekstregel inhoud="kamer">Tweede Kamer der Staten-Generaal</tekstregel>
<tekstregel inhoud="vergaderjaar">Vergaderjaar 2021–2022</tekstregel></kamerstukkop>
<dossier><dossiernummer><dossiernr>28 638</dossiernr></dossiernummer><titel>Mensenhandel</titel></dossier>
<dossier><dossiernummer><dossiernr>31 015</dossiernr></dossiernummer><titel>Kindermishandeling</titel></dossier>
<stuk><stuknr><ondernummer>206</ondernummer></stuknr>
<titel>BRIEF VAN DE STAATSSECRETARISSEN VAN JUSTITIE EN VEILIGHEID EN VAN VOLKSGEZONDHEID, WELZIJN EN SPORT</titel>
<algemeen><brief>
<dagtekening><plaats>Den Haag</plaats>, <datum isodatum="2022-02-07">7 februari 2022</datum></dagtekening>
<tekst><al>In de brief van 1 juli 2020<noot id="a" type="voet"><noot.nr>1</noot.nr>
<noot.al>Kamerstuk 28 638, nr. 183</noot.al></noot> schreven wij over
<nadruk type="cur">loverboys</nadruk>.<?xpp qa?></al>
<tussenkop kopopmaak="vet">Vervolg</tussenkop>
<al>Wij gaan door met 12 projecten.<noot id="b" type="voet"><noot.nr>2</noot.nr>
<noot.al>Zie bijlage.</noot.al></noot></al>
</tekst>
<tekst-sluiting>
<ondertekening><functie>De Staatssecretaris van Justitie en Veiligheid</functie>,<naam><voorletters>T.</voorletters>
<achternaam>van der Burg</achternaam></naam></ondertekening>
<ondertekening><functie>De Staatssecretaris van Volksgezondheid, Welzijn en Sport</functie>,<naam>
<voorletters>M.</voorletters><achternaam>van Ooijen</achternaam></naam></ondertekening>
</tekst-sluiting></brief></algemeen></stuk></kamerstuk></officiele-publicatie>
"""


def test_oep_xml_header_with_two_dossiers_gives_both_own_ids(tmp_path: Path) -> None:
    path = tmp_path / "kst-28638-206.xml"
    path.write_text(_TWO_DOSSIERS, encoding="utf-8")
    raw = read_letter(path)
    assert raw.hints["kamerstuk"] == "28638-206"
    assert raw.hints["kamerstukken_own"].split("\n") == ["28638-206", "31015-206"]
    assert raw.hints["date"] == "2022-02-07"
    assert raw.hints["sender"] == "Ministerie van Justitie en Veiligheid"
    assert raw.hints["signatories"].split("\n") == [
        "De Staatssecretaris van Justitie en Veiligheid|T. van der Burg",
        "De Staatssecretaris van Volksgezondheid, Welzijn en Sport|M. van Ooijen"]
    letter = normalise(raw)
    assert {r.id for r in find_kamerstukken(letter.text)} >= {"28638-206", "31015-206", "28638-183"}
    assert "In de brief van 1 juli 2020 schreven wij over loverboys." in letter.body
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 28 638, nr. 183"), (2, "Zie bijlage.")]
    assert letter.text[letter.footnotes[0].anchor - 11: letter.footnotes[0].anchor] == "1 juli 2020"
    assert [s.title for s in find_sections(letter)] == ["Vervolg"]
    meta = extract_metadata(letter)
    assert meta.kamerstuk == "28638-206" and meta.date == "2022-02-07"
    assert [s.name for s in meta.signatories] == ["T. van der Burg", "M. van Ooijen"]


def test_metadata_xml_beside_the_file_wins_and_must_name_the_same_publication(tmp_path: Path) -> None:
    path = tmp_path / "kst-28638-206.xml"
    path.write_text(_TWO_DOSSIERS, encoding="utf-8")
    meta = (FORMATS / KST / "metadata.xml").read_text(encoding="utf-8")
    (tmp_path / "metadata.xml").write_text(meta, encoding="utf-8")  # names kst-28638-240: another publication
    assert read_letter(path).hints["date"] == "2022-02-07"
    own = meta.replace(KST, "kst-28638-206").replace("2023-11-30", "2022-02-08")
    own = own.replace('content="240"', 'content="206"')
    (tmp_path / "metadata.xml").write_text(own, encoding="utf-8")
    hints = read_letter(path).hints
    assert hints["date"] == "2022-02-08" and hints["metadata_file"] == "yes"
    assert hints["indiener"] == "E. van der Burg" and hints["published"] == "2023-12-05"
    assert extract_metadata(normalise(read_letter(path))).date == "2022-02-08"


def test_oep_xml_never_resolves_external_entities(tmp_path: Path) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("TOPGEHEIM")
    path = tmp_path / "kst.xml"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'
                    "<officiele-publicatie><kamerstuk><stuk><al>Tekst &e; van de brief.</al></stuk></kamerstuk>"
                    "</officiele-publicatie>", encoding="utf-8")
    assert "TOPGEHEIM" not in " ".join(_texts(read_letter(path)))


def test_oep_html_sample_drops_site_chrome_and_reads_meta_tags() -> None:
    raw = read_letter(FORMATS / f"{KST}.html")
    text = " ".join(_texts(raw))
    for chrome in ("Direct naar content", "Uitgebreid zoeken", "U bent hier", "Toegankelijkheid", "dataLayer"):
        assert chrome not in text
    assert _texts(raw, "margin")[:4] == ["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2023–2024",
                                         "28 638 Mensenhandel",
                                         "Nr. 240 BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID"]
    assert raw.hints["identifier"] == KST and raw.hints["kamerstuk"] == "28638-240"
    assert len(_texts(raw, "footnote")) == 11 and _texts(raw, "footnote")[0] == "¹ Zie kamerstuk 28 638, nr. 233."


def test_generic_html_with_pandoc_footnotes(tmp_path: Path) -> None:
    page = """<!doctype html><html><head><title>Brief</title></head><body>
    <nav><a href="/">Home</a> <a href="/zoek">Zoeken</a></nav>
    <article><h2>Aanleiding</h2>
    <p>Op 5 december 2019 sprak ik met de Kamer<sup><a href="#fn1" id="r1">1</a></sup> over <b>mensenhandel</b>.
    Er komen 3 extra rechercheurs bij voor 120 m<sup>2</sup> kantoor.</p>
    <p><strong>Vervolg</strong></p>
    <ul><li>eerste punt van de lijst met meer tekst;</li><li>tweede punt.</li></ul>
    <p>Met vriendelijke groet,</p>
    <p class="ondertekening">De Minister van Justitie en Veiligheid,<br>D. Yeşilgöz-Zegerius</p>
    <section class="footnotes"><hr><ol><li id="fn1">Kamerstuk 28 638, nr. 178 <a href="#r1">↩</a></li></ol></section>
    </article><footer>Privacy | Cookies</footer></body></html>"""
    path = tmp_path / "brief.html"
    path.write_text(page, encoding="utf-8")
    raw = read_letter(path)
    assert raw.format == "html"
    body = _texts(raw, "body")
    assert body[0] == "## Aanleiding" and body[2] == "**Vervolg**"
    assert body[1] == ("Op 5 december 2019 sprak ik met de Kamer¹ over mensenhandel. "
                       "Er komen 3 extra rechercheurs bij voor 120 m2 kantoor.")
    assert "eerste punt van de lijst met meer tekst;" in body
    assert body[-2:] == ["De Minister van Justitie en Veiligheid,", "D. Yeşilgöz-Zegerius"]
    assert _texts(raw, "footnote") == ["¹ Kamerstuk 28 638, nr. 178"]
    assert "Privacy" not in " ".join(_texts(raw)) and "Zoeken" not in " ".join(_texts(raw))
    letter = normalise(raw)
    assert extract_metadata(letter).signatories[0].name == "D. Yeşilgöz-Zegerius"


# --- pasted web pages -----------------------------------------------------------------------------------

_TKCONV_206 = """[overzicht] [activiteiten] [ongeplande activiteiten] [besluiten] [commissies] [kamerleden]
[toezeggingen] [stemmingen] [verslagen] [🔍 uitgebreid zoeken] [wat is dit?]

Reactie op verzoek commissie over mensenhandel en kindermishandeling

Mensenhandel

Brief regering

Nummer: 2022D04614, datum: 2022-02-07, bijgewerkt: 2024-02-19 10:56, versie: 3

Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site, officiële HTML versie (kst-28638-206).

Gerelateerde personen:
- Eerste ondertekenaar: T. van der Burg, staatssecretaris van Justitie en Veiligheid (Ooit VVD kamerlid)
- Mede ondertekenaar: M. van Ooijen, staatssecretaris van Volksgezondheid, Welzijn en Sport

Onderdeel van kamerstukdossier 28638 -206 Mensenhandel .

Onderdeel van zaak 2022Z02283:
- Indiener: T. van der Burg, staatssecretaris van Justitie en Veiligheid
- 2022-02-10 14:00: Procedures en brieven (Procedurevergadering), vaste commissie voor Justitie en Veiligheid

Preview document (🔗 origineel)


Tweede Kamer der Staten-Generaal 2
Vergaderjaar 2021-2022

28 638 Mensenhandel

31 015 Kindermishandeling

Nr. 206 BRIEF VAN DE STAATSSECRETARISSEN VAN JUSTITIE EN VEILIGHEID EN VAN VOLKSGEZONDHEID, WELZIJN EN SPORT

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 7 februari 2022

Op 13 november 2019 informeerde ik u door middel van een voortgangsbrief1 over het programma dat in \
november 20182 van start is gegaan. Er is 2,5 miljoen euro extra (zie nr.3) en dat is gemeld aan de Kamer.3

Naar boven

De Staatssecretaris van Justitie en Veiligheid,
T. van der Burg

1
Kamerstuk 28 638, nr. 176

2
Kamerstuk 28 638, nr. 170
en de bijlage daarbij

3 Kamerstuk 31 015, nr. 200
"""


def test_pasted_tkconv_page_keeps_what_identifies_the_letter(tmp_path: Path) -> None:
    path = tmp_path / "geplakt.txt"
    path.write_text(_TKCONV_206, encoding="utf-8")
    raw = read_letter(path)
    assert raw.format == "web"
    assert raw.hints["document_number"] == "2022D04614" and raw.hints["date"] == "2022-02-07"
    assert raw.hints["kamerstuk"] == "28638-206"
    assert raw.hints["kamerstukken_own"].split("\n") == ["28638-206", "31015-206"]
    assert raw.hints["subject"] == "Reactie op verzoek commissie over mensenhandel en kindermishandeling"
    assert raw.hints["sender"] == "Ministerie van Justitie en Veiligheid"
    assert raw.hints["signatories"].split("\n") == [
        "De Staatssecretaris van Justitie en Veiligheid|T. van der Burg",
        "De Staatssecretaris van Volksgezondheid, Welzijn en Sport|M. van Ooijen"]
    everything = " ".join(_texts(raw))
    for chrome in ("[overzicht]", "Preview document", "Naar boven", "bijgewerkt", "versie: 3", "Indiener:"):
        assert chrome not in everything
    margin = _texts(raw, "margin")
    assert "Nummer: 2022D04614, datum: 2022-02-07" in margin
    # site metadata that is letter metadata stays as margin text: the zaak, the committees, the agenda
    assert any(t.startswith("Onderdeel van zaak 2022Z") for t in margin)
    assert any(t.startswith("2022-02-10 14:00: Procedures en brieven") for t in margin)
    assert _texts(raw, "footnote") == ["¹ Kamerstuk 28 638, nr. 176",
                                       "² Kamerstuk 28 638, nr. 170 en de bijlage daarbij",
                                       "³ Kamerstuk 31 015, nr. 200"]
    letter = normalise(raw)
    assert {"28638-206", "31015-206"} <= {r.id for r in find_kamerstukken(letter.text)}
    assert "voortgangsbrief over het programma dat in november 2018 van start" in letter.body
    assert "2,5 miljoen euro extra (zie nr.3)" in letter.body  # not markers
    anchors = [letter.text[f.anchor - 6: f.anchor] for f in letter.footnotes]
    assert anchors == ["sbrief", "r 2018", "Kamer."]
    meta = extract_metadata(letter)
    assert meta.date == "2022-02-07" and meta.kamerstuk == "28638-206"
    assert meta.subject == "Reactie op verzoek commissie over mensenhandel en kindermishandeling"


def test_pasted_tweedekamer_page_subject_and_wrapped_text() -> None:
    raw = read_letter(FORMATS / "tweedekamer_2023D48113.txt")
    assert raw.hints["subject"] == "Brief inzake moties en toezeggingen op het dossier mensenhandel"
    everything = " ".join(_texts(raw))
    for chrome in ("Direct naar de inhoud", "Kamerleden & commissies", "Naar boven", "Cookies", "©"):
        assert chrome not in everything
    letter = normalise(raw)
    assert "tweeminutendebat over mensenhandel en prostitutie op 27 september jl. is de motie van Bikker en" \
           " Verkuilen ingediend." in letter.body
    assert len(letter.footnotes) == 11 and all(f.anchor for f in letter.footnotes)


def test_pasted_oep_page_table_row_gives_id_and_letter_date() -> None:
    raw = read_letter(FORMATS / f"oep_{KST}.txt")
    assert raw.hints["kamerstuk"] == "28638-240" and raw.hints["date"] == "2023-11-30"
    assert "Zoals vergunningen" not in " ".join(_texts(raw))


# --- the same letter in every format --------------------------------------------------------------------

SAMPLES = ["003_letter.docx", f"{KST}.xml", f"{KST}.html", "tkconv_2023D48113.txt", "tweedekamer_2023D48113.txt",
           f"oep_{KST}.txt"]
OWN_IDS = {"28638-240"}


def _fields(record) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What must agree across formats: the letter's fields, outside the (format-specific) letterhead."""
    body = record.body_start

    def in_body(span) -> bool:  # type: ignore[no-untyped-def]
        return span.start >= body

    return {
        "kamerstukken": {k.id for k in record.kamerstukken} - OWN_IDS,
        "references": {r.id for r in record.references if any(in_body(s) for s in r.mentions)},
        "dates": {(d.text, d.value) for d in record.dates if in_body(d.span)},
        "figures": {(f.text, f.value, f.unit) for f in record.figures if in_body(f.span)},
        "motions": {(tuple(m.submitters), m.kamerstuk) for m in record.motions},
        "persons": {p.name for p in record.persons},
        "signatories": {(s.role, s.name) for s in record.metadata.signatories},
        "date": record.metadata.date,
        "sections": [s.title for s in record.sections],
        "footnotes": [(f.number, f.text) for f in record.footnotes],
    }


@pytest.fixture(scope="module")
def txt_record(nlp):  # type: ignore[no-untyped-def]
    from mhextract.record.build import extract_file

    return extract_file(TXT, nlp)


@pytest.mark.parametrize("name", SAMPLES)
def test_same_letter_same_fields_in_every_format(nlp, txt_record, name: str) -> None:  # type: ignore[no-untyped-def]
    from mhextract.record.build import extract_file

    record = extract_file(FORMATS / name, nlp)
    expected, got = _fields(txt_record), _fields(record)
    assert len(expected["kamerstukken"]) >= 7 and len(expected["dates"]) >= 20  # the comparison has substance
    for key in expected:
        assert got[key] == expected[key], key
    if record.source.format == "docx":
        assert record.metadata.reference == txt_record.metadata.reference == "6013609"
        assert record.metadata.subject == txt_record.metadata.subject
    else:  # the publication and the pages about it carry its own id
        assert record.metadata.kamerstuk == "28638-240"
        assert "28638-240" in {k.id for k in record.kamerstukken}


@pytest.mark.skipif(not PDF.exists(), reason="corpus/pdf/003 is made by another developer's generator")
def test_pdf_of_the_letter_agrees_too(nlp, txt_record) -> None:  # type: ignore[no-untyped-def]
    from mhextract.record.build import extract_file

    record = extract_file(PDF, nlp)
    assert _fields(record) == _fields(txt_record)
    assert record.metadata.reference == "6013609"


def test_layout_tables_keep_their_paragraphs(tmp_path: Path) -> None:
    prose = ("Deze alinea staat in een opmaaktabel, zoals sommige sjablonen de hele brief in een tabel zetten; "
             "zij moet als gewone alinea gelezen worden en niet als rij van een gegevenstabel, want dan zouden "
             "alle alinea's van de brief tot één regel samensmelten.")

    def build(document) -> None:  # type: ignore[no-untyped-def]
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        cell.paragraphs[0].text = prose
        cell.add_paragraph("Tweede alinea in dezelfde cel. Met twee zinnen.")

    assert _texts(read_letter(_docx(tmp_path, build)), "body") == [
        prose, "Tweede alinea in dezelfde cel. Met twee zinnen."]
    page = tmp_path / "brief.html"
    page.write_text(f"<html><body><table><tr><td><p>{prose}</p><p>Tweede alinea. Met twee zinnen.</p></td></tr>"
                    "<tr><td>Jaar</td></tr></table></body></html>", encoding="utf-8")
    assert _texts(read_letter(page), "body") == [prose, "Tweede alinea. Met twee zinnen.", "Jaar"]


def test_a_numbered_list_after_the_signature_is_not_taken_for_footnotes() -> None:
    from mhextract.ingest.web import split_footnotes

    lines = ["Ik zeg toe dat de Kamer voor de zomer wordt geïnformeerd.", "", "De Minister van Justitie en Veiligheid,",
             "D. Yeşilgöz-Zegerius", "", "Bijlage: planning", "1 Eerste fase van het project", "2 Tweede fase"]
    assert split_footnotes(lines) == (len(lines), [])
    lines[0] = "Ik zeg toe dat de Kamer1 voor de zomer wordt geïnformeerd over de fasen.2"
    assert split_footnotes(lines) == (6, [(1, "Eerste fase van het project"), (2, "Tweede fase")])


def test_oep_paragraph_with_unknown_inline_element_stays_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "kst.xml"
    path.write_text("<officiele-publicatie><kamerstuk><stuk><al>De <afkorting>NRM</afkorting> publiceert "
                    "<citaat>de monitor</citaat> in 2024.</al><al>Met <lijst><li><al>een lijst</al></li></lijst></al>"
                    "</stuk></kamerstuk></officiele-publicatie>", encoding="utf-8")
    assert _texts(read_letter(path), "body") == ["De NRM publiceert de monitor in 2024.", "Met", "een lijst"]
