"""Regenerate corpus/formats/: letter 003 as DOCX, OEP XML (+ metadata.xml), OEP HTML and pasted web pages.

Run: `.venv/bin/python tests/make_format_samples.py`. Every sample holds the same
letter as `corpus/letters/003_749c75a436ca6fa8.txt` (body, footnotes, letterhead,
date, signatory), dressed the way each source delivers it:

- `003_letter.docx`: a rijksoverheid-style Word letter made with python-docx. The
  margin column is a text box in the first-page header, continuation pages carry
  the running margin (DG, Datum 18 december 2023, Ons kenmerk) in the default
  header, the footer has a page-number field; Datum/Onderwerp sit in a table;
  headings are `Heading 2` with automatic list numbering; footnotes are real Word
  footnotes (python-docx has no footnote API, so the footnotes part is written here).
- `kst-28638-240.xml` + `kst-28638-240/metadata.xml`: the publication as OEP XML;
- `kst-28638-240.html`: the publication page with site chrome and `<meta>` tags;
- `tkconv_2023D48113.txt`, `tweedekamer_2023D48113.txt`, `oep_kst-28638-240.txt`:
  the pages pasted as text, navigation included.

The publication number (28 638, nr. 240), the document number 2023D48113 and the
zaak 2023Z20917 are illustrative: they give the samples a realistic shape, they
are not the real identifiers of this letter's publication.
"""

from __future__ import annotations

import copy
import io
import re
import textwrap
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from html import escape as h
from pathlib import Path
from xml.sax.saxutils import escape as x

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "corpus" / "letters" / "003_749c75a436ca6fa8.txt"
OUT = ROOT / "corpus" / "formats"

DOSSIER, DOSSIER_TITLE, NUMBER, SESSION = "28 638", "Mensenhandel", "240", "2023–2024"
KST = f"kst-{DOSSIER.replace(' ', '')}-{NUMBER}"
DOC_NR, ZAAK = "2023D48113", "2023Z20917"
TITLE = "BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID"
SUBJECT = "Brief inzake moties en toezeggingen op het dossier mensenhandel"
DATE_TEXT, DATE_ISO = "30 november 2023", "2023-11-30"
ROLE, NAME = "De Staatssecretaris van Justitie en Veiligheid", "E. van der Burg"
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"
MARKER = re.compile(f"[{SUP}]+")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_DECL = f'xmlns:w="{W_NS}"'


@dataclass
class Letter:
    """Letter 003 taken apart: body paragraphs (kind, text with superscript markers) and footnotes."""

    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # kind: p | h | role | name
    notes: dict[int, str] = field(default_factory=dict)


def _number(marker: str) -> int:
    return int(marker.translate(str.maketrans(SUP, "0123456789")))


def parse_source() -> Letter:
    """Take the body, headings, signature and footnotes out of the 003 text (margin repeats dropped)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", SOURCE.read_text(encoding="utf-8")) if b.strip()]
    start = next(i for i, b in enumerate(blocks) if b.startswith("Middels deze brief"))
    letter = Letter()
    skip_margin = 0
    for block in blocks[start:]:
        if block.startswith("**Directoraat-Generaal"):
            skip_margin = 2  # the repeated margin: DG block, then Datum and Ons kenmerk
            continue
        if skip_margin and re.match(r"^(Datum|Ons kenmerk)\n", block):
            skip_margin -= 1
            continue
        if MARKER.match(block):
            m = MARKER.match(block)
            assert m is not None
            letter.notes[_number(m.group(0))] = block[m.end():].strip()
            continue
        text = " ".join(block.split())
        if text == ROLE + ",":
            letter.paragraphs.append(("role", text))
        elif text == NAME:
            letter.paragraphs.append(("name", text))
        elif re.match(r"^\d+\.\s?[A-Z]", text) and len(text) < 200 and not text.endswith("."):
            letter.paragraphs.append(("h", text))
        elif letter.paragraphs and letter.paragraphs[-1][0] == "p" and not letter.paragraphs[-1][1].endswith(
                (".", ":", ";", "?", "!")):
            letter.paragraphs[-1] = ("p", f"{letter.paragraphs[-1][1]} {text}")  # cut by a page break
        else:
            letter.paragraphs.append(("p", text))
    return letter


def heading_parts(text: str) -> tuple[str, str]:
    """`1. Gegevensdeling ...` -> ('1', 'Gegevensdeling ...'); `8.Toezegging` too."""
    m = re.match(r"^(\d+)\.\s?(.*)$", text)
    assert m is not None
    return m.group(1), m.group(2)


def split_markers(text: str) -> list[str | int]:
    """Text pieces and footnote numbers in order."""
    out: list[str | int] = []
    pos = 0
    for m in MARKER.finditer(text):
        out.append(text[pos:m.start()])
        out.append(_number(m.group(0)))
        pos = m.end()
    out.append(text[pos:])
    return [p for p in out if p != ""]


def glued(text: str) -> str:
    """Markers as plain digits glued to the text, as a copy-paste from a web page gives them."""
    return MARKER.sub(lambda m: str(_number(m.group(0))), text)


# --- DOCX ------------------------------------------------------------------------------------------------


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def run_xml(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r {NS_DECL}>{rpr}<w:t xml:space="preserve">{x(text)}</w:t></w:r>'


def footnote_ref_xml(note_id: int) -> str:
    return (f'<w:r {NS_DECL}><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{note_id}"/></w:r>')


def footnotes_part_xml(notes: dict[int, str]) -> bytes:
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>",
    ]
    for number, text in sorted(notes.items()):
        body.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {x(text)}</w:t></w:r></w:p></w:footnote>'
        )
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {NS_DECL}>{"".join(body)}'
           "</w:footnotes>")
    return xml.encode("utf-8")


def textbox_run_xml(paragraphs: list[str]) -> str:
    """A VML text box (the rijksoverheid margin column) holding `paragraphs` ('' = empty paragraph)."""
    paras = "".join(f"<w:p>{run_xml(t) if t else ''}</w:p>" for t in paragraphs)
    return (f'<w:r {NS_DECL} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            '<v:shape id="Marge" style="position:absolute;margin-left:400pt;margin-top:120pt;width:130pt;'
            'height:400pt;z-index:1" stroked="f"><v:textbox>'
            f"<w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>")


def _add_heading_numbering(document) -> str:  # type: ignore[no-untyped-def]
    """A decimal `%1.` list for the headings; returns its numId."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {NS_DECL} w:abstractNumId="90"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(_w("num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {NS_DECL} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def write_docx(letter: Letter, target: Path) -> None:
    """The letter as a Word document with header margin, letterhead table, numbered headings, footnotes."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = "Kamerbrief"  # template junk, as real files have; not letter metadata
    section = document.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header.paragraphs[0]
    first.text = "Rijksoverheid"
    margin = ["Directoraat-Generaal Rechtspleging en Rechtshandhaving",
              "Directie Rechtshandhaving en Criminaliteitsbestrijding", "",
              "Turfmarkt 147", "2511 DP Den Haag", "Postbus 20301", "2500 EH Den Haag", "www.rijksoverheid.nl/jenv", "",
              "Ons kenmerk", "6013609", "", "Bijlagen", "2", "",
              "Bij beantwoording de datum en ons kenmerk vermelden. Wilt u slechts één zaak in uw brief behandelen."]
    first._p.append(parse_xml(textbox_run_xml(margin)))
    running = section.header
    for i, text in enumerate(["Directoraat-Generaal Rechtspleging en Rechtshandhaving",
                              "Directie Rechtshandhaving en Criminaliteitsbestrijding", "", "Datum",
                              "18 december 2023", "", "Ons kenmerk", "6013609"]):
        p = running.paragraphs[0] if i == 0 else running.add_paragraph()
        p.add_run(text).bold = i == 0
    footer = section.footer.paragraphs[0]
    footer._p.append(parse_xml(f'<w:r {NS_DECL}><w:t xml:space="preserve">Pagina </w:t></w:r>'))
    footer._p.append(parse_xml(f'<w:fldSimple {NS_DECL} w:instr=" PAGE "><w:r><w:t>2</w:t></w:r></w:fldSimple>'))
    footer._p.append(parse_xml(f'<w:r {NS_DECL}><w:t xml:space="preserve"> van 6</w:t></w:r>'))

    retour = document.add_paragraph()
    retour.add_run("> Retouradres Postbus 20301 2500 EH Den Haag").font.size = Pt(7)
    address = document.add_paragraph()
    for i, line in enumerate(["Aan de Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018",
                              "2500 EA  DEN HAAG"]):
        run = address.add_run(line)
        if i < 3:
            run.add_break()
    table = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(table.rows, [("Datum", DATE_TEXT), ("Onderwerp", SUBJECT)], strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph()

    num_id = _add_heading_numbering(document)
    for kind, text in letter.paragraphs:
        if kind == "h":
            _, title = heading_parts(text)
            p = document.add_paragraph(style="Heading 2")
            p.add_run(title)
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {NS_DECL}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
            continue
        p = document.add_paragraph()
        for piece in split_markers(text):
            if isinstance(piece, int):
                p._p.append(parse_xml(footnote_ref_xml(piece)))
            else:
                p._p.append(parse_xml(run_xml(piece)))
        if kind == "role":
            document.add_paragraph()
            document.add_paragraph()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, footnotes_part_xml(letter.notes),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    stamp = datetime(2023, 11, 30, 12, 0, 0)
    document.core_properties.created = document.core_properties.modified = stamp
    document.core_properties.last_printed = stamp
    buffer = io.BytesIO()
    document.save(buffer)
    _rezip(buffer.getvalue(), target)


def _rezip(data: bytes, target: Path) -> None:
    """Write the package with fixed member timestamps, so regenerating gives the same bytes."""
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2023, 11, 30, 12, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))


# --- OEP XML and metadata.xml ----------------------------------------------------------------------------


def _xml_inline(text: str, note_ids: list[int]) -> str:
    out = []
    for piece in split_markers(text):
        if isinstance(piece, int):
            note_ids.append(piece)
            out.append(f'<noot id="n{piece}" type="voet"><noot.nr>{piece}</noot.nr>'
                       f"<noot.al>{x(NOTES[piece])}</noot.al></noot>")
        else:
            out.append(x(piece))
    return "".join(out)


NOTES: dict[int, str] = {}


def write_oep_xml(letter: Letter, target: Path) -> None:
    """The publication as OEP XML: kamerstukkop, dossier, stuk with brief, tussenkoppen, noten, ondertekening."""
    ids: list[int] = []
    body = []
    for kind, text in letter.paragraphs:
        if kind == "h":
            body.append(f'<tussenkop kopopmaak="cur">{x(text)}</tussenkop>')
        elif kind == "p":
            body.append(f"<al>{_xml_inline(text, ids)}</al>")
    initials, surname = NAME.split(" ", 1)
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <metadata>
    <meta name="OVERHEIDop.publicationName" scheme="" content="Kamerstuk"/>
    <meta name="DC.identifier" scheme="OVERHEIDop.ParlID" content="{KST}"/>
  </metadata>
  <kamerstuk>
    <kamerstukkop>
      <tekstregel inhoud="kamer">Tweede Kamer der Staten-Generaal</tekstregel>
      <tekstregel inhoud="vergaderjaar">Vergaderjaar {SESSION}</tekstregel>
    </kamerstukkop>
    <dossier>
      <dossiernummer><dossiernr>{DOSSIER}</dossiernr></dossiernummer>
      <titel>{DOSSIER_TITLE}</titel>
    </dossier>
    <stuk>
      <stuknr>Nr. <ondernummer>{NUMBER}</ondernummer></stuknr>
      <titel>{TITLE}</titel>
      <algemeen>
        <brief>
          <adres><adreslijn>Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</adreslijn></adres>
          <dagtekening><plaats>Den Haag</plaats>, <datum isodatum="{DATE_ISO}">{DATE_TEXT}</datum></dagtekening>
          <tekst>
            {(chr(10) + "            ").join(body)}
          </tekst>
          <tekst-sluiting>
            <ondertekening><functie>{ROLE}</functie>,<naam><voorletters>{initials}</voorletters> \
<achternaam>{surname}</achternaam></naam></ondertekening>
          </tekst-sluiting>
        </brief>
      </algemeen>
    </stuk>
  </kamerstuk>
</officiele-publicatie>
"""
    target.write_text(xml, encoding="utf-8")
    assert sorted(ids) == sorted(letter.notes), "every footnote is referenced once"


def write_metadata(target: Path) -> None:
    """The `metadata.xml` OEP publishes beside the publication."""
    target.parent.mkdir(parents=True, exist_ok=True)
    rows = [
        ("DC.title", "", f"{DOSSIER_TITLE}; Brief regering; {SUBJECT}"),
        ("OVERHEIDop.documenttitel", "", "Brief regering"),
        ("OVERHEIDop.dossiernummer", "", DOSSIER.replace(" ", "")),
        ("OVERHEIDop.dossiertitel", "", DOSSIER_TITLE),
        ("OVERHEIDop.ondernummer", "", NUMBER),
        ("OVERHEIDop.indiener", "", NAME),
        ("OVERHEIDop.vergaderjaar", "", SESSION.replace("–", "-")),
        ("OVERHEIDop.datumBrief", "OVERHEID.Datum", DATE_ISO),
        ("DCTERMS.issued", "DCTERMS.W3CDTF", "2023-12-05"),
        ("DC.creator", "OVERHEID.StatenGeneraal", "Tweede Kamer der Staten-Generaal"),
        ("DC.identifier", "OVERHEIDop.ParlID", KST),
    ]
    lines = [f'<metadata name="{n}" scheme="{s}" content="{x(c)}" />' for n, s, c in rows]
    target.write_text('<?xml version="1.0" encoding="utf-8"?>\n<metadata_gegevens>\n' + "\n".join(lines)
                      + "\n</metadata_gegevens>\n", encoding="utf-8")


# --- OEP HTML --------------------------------------------------------------------------------------------


def write_oep_html(letter: Letter, target: Path) -> None:
    """The publication page: site chrome (skiplink, menu, breadcrumb, footer), `<meta>` tags, broodtekst."""
    def inline(text: str) -> str:
        out = []
        for piece in split_markers(text):
            if isinstance(piece, int):
                out.append(f'<sup><a class="nootnum" href="#ID-{KST}-n{piece}" id="ref-n{piece}">{piece}</a></sup>')
            else:
                out.append(h(piece, quote=False))
        return "".join(out)

    body = []
    for kind, text in letter.paragraphs:
        if kind == "h":
            body.append(f'<p class="tussenkop"><em>{h(text)}</em></p>')
        elif kind == "p":
            body.append(f'<p class="al">{inline(text)}</p>')
    notes = "\n".join(
        f'<div class="voet noot" id="ID-{KST}-n{n}"><p><sup><span class="nootnum">{n}</span></sup> '
        f"{h(t, quote=False)}</p></div>" for n, t in sorted(letter.notes.items())
    )
    page = f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Kamerstuk {DOSSIER.replace(' ', '')}, nr. {NUMBER} | Overheid.nl &gt; Officiële bekendmakingen</title>
<meta name="DC.identifier" content="{KST}">
<meta name="DC.title" content="{DOSSIER_TITLE}; Brief regering; {h(SUBJECT)}">
<meta name="OVERHEIDop.dossiernummer" content="{DOSSIER.replace(' ', '')}">
<meta name="OVERHEIDop.ondernummer" content="{NUMBER}">
<meta name="OVERHEIDop.indiener" content="{NAME}">
<meta name="DCTERMS.issued" content="2023-12-05">
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<a href="#content" class="skiplink">Direct naar content</a>
<header class="header">
  <div class="header__logo"><a href="/">Overheid.nl | Officiële bekendmakingen</a></div>
  <nav class="header__nav" role="navigation"><ul><li><a href="/">Home</a></li>
  <li><a href="/zoeken">Uitgebreid zoeken</a></li><li><a href="/help">Help</a></li></ul></nav>
</header>
<div class="breadcrumb"><p>U bent hier:</p><ol><li><a href="/">Home</a></li>
<li>Kamerstuk 28638, nr. {NUMBER}</li></ol></div>
<main id="content" class="content">
<h1 class="pagetitle">Kamerstuk</h1>
<table class="table--dataintro"><tr><th>Datum publicatie</th><th>Organisatie</th><th>Vergaderjaar</th>
<th>Dossier- en ondernummer</th><th>Datum brief</th></tr>
<tr><td>05-12-2023</td><td>Tweede Kamer der Staten-Generaal</td><td>2023-2024</td><td>28638 nr. {NUMBER}</td>
<td>30-11-2023</td></tr></table>
<div id="broodtekst" class="broodtekst">
<div class="stuk">
<p class="kamerstukkop"><span class="kameraanduiding">Tweede Kamer der Staten-Generaal</span></p>
<p class="kamerstukkop"><span class="vergaderjaar">Vergaderjaar {SESSION}</span></p>
<div class="dossier"><span class="dossiernummer">{DOSSIER}</span>
<span class="dossiertitel">{DOSSIER_TITLE}</span></div>
<h1 class="stuktitel"><span class="stuknr">Nr. {NUMBER}</span> {TITLE}</h1>
<p class="adres">Aan de Voorzitter van de Tweede Kamer der Staten-Generaal</p>
<p class="dagtekening">Den Haag, {DATE_TEXT}</p>
{chr(10).join(body)}
<p class="ondertekening"><span class="functie">{h(ROLE)},</span><br><span class="naam">{h(NAME)}</span></p>
</div>
<div class="voetnoten">
<h2>Noten</h2>
{notes}
</div>
</div>
</main>
<footer class="footer"><ul><li><a href="/over">Over deze site</a></li><li><a href="/privacy">Privacy</a></li>
<li><a href="/toegankelijkheid">Toegankelijkheid</a></li></ul></footer>
</body>
</html>
"""
    target.write_text(page, encoding="utf-8")


# --- pasted pages ----------------------------------------------------------------------------------------


def _plain_body(letter: Letter, wrap: int | None = None, indent: str = "") -> list[str]:
    out: list[str] = []
    for kind, text in letter.paragraphs:
        text = glued(text)
        if wrap and kind == "p":
            lines = textwrap.wrap(text, wrap, break_on_hyphens=False)
            out += [lines[0], *(indent + ln for ln in lines[1:])]
            out.append(" " * len(indent))  # tweedekamer.nl separates paragraphs by whitespace-only lines
        else:
            out += [text, ""]
    return out


def _header_lines(page_no: bool) -> list[str]:
    return [f"Tweede Kamer der Staten-Generaal{' 2' if page_no else ''}", f"Vergaderjaar {SESSION.replace('–', '-')}",
            "", f"{DOSSIER} {DOSSIER_TITLE}", "", f"Nr. {NUMBER} {TITLE}", "",
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "", f"Den Haag, {DATE_TEXT}", ""]


def write_tkconv(letter: Letter, target: Path) -> None:
    """berthub.eu/tkconv document page pasted as text: menu, site metadata, preview, footnotes `1` then text."""
    top = [
        "[overzicht] [activiteiten] [ongeplande activiteiten] [besluiten] [commissies] [geschenken] [kamerleden] "
        "[kamerstukdossiers] [open vragen]",
        "[toezeggingen] [stemmingen] [verslagen] [🔍 uitgebreid zoeken] [wat is dit?]", "",
        SUBJECT, "", DOSSIER_TITLE, "", "Brief regering", "",
        f"Nummer: {DOC_NR}, datum: {DATE_ISO}, bijgewerkt: 2024-02-19 10:56, versie: 3", "",
        f"Directe link naar document (.pdf), link naar pagina op de Tweede Kamer site, officiële HTML versie ({KST}).",
        "", "Gerelateerde personen:",
        f"- Eerste ondertekenaar: {NAME}, staatssecretaris van Justitie en Veiligheid (Ooit VVD kamerlid)", "",
        "Bijlagen:", "- Reactie op bestuurlijk signaal Lovitura", "",
        f"Onderdeel van kamerstukdossier {DOSSIER.replace(' ', '')} -{NUMBER} {DOSSIER_TITLE} .", "",
        f"Onderdeel van zaak {ZAAK}:",
        f"- Indiener: {NAME}, staatssecretaris van Justitie en Veiligheid",
        "- Voortouwcommissie: vaste commissie voor Justitie en Veiligheid",
        "- 2023-12-06 14:00: Procedures en brieven (Procedurevergadering), vaste commissie voor Justitie en Veiligheid",
        "", "Onderdeel van activiteiten:",
        "- 2023-12-21 10:00: Programma Samen tegen Mensenhandel (Commissiedebat), vaste commissie voor Justitie en "
        "Veiligheid", "", "Preview document (🔗 origineel)", "", "",
    ]
    notes = [f"{line}" for n, t in sorted(letter.notes.items()) for line in (str(n), t, "")]
    target.write_text("\n".join([*top, *_header_lines(True), *_plain_body(letter), "", *notes]) + "\n",
                      encoding="utf-8")


def write_tweedekamer(letter: Letter, target: Path) -> None:
    """tweedekamer.nl document page pasted as text: menus, breadcrumb, wrapped text, `N text` footnotes, footer."""
    top = ["Direct naar de inhoud", "Tweede Kamer der Staten-Generaal", "Zoeken", "Menu",
           "Kamerleden & commissies", "Debat & vergadering", "Kamerstukken", "Over de Tweede Kamer", "",
           "Home", "Kamerstukken", "Brieven regering", "", f"Brief regering : {SUBJECT}", ""]
    header = [ln for ln in _header_lines(False) if not ln.startswith(("Tweede Kamer", "Vergaderjaar"))]
    notes = [f"{n} {t}" for n, t in sorted(letter.notes.items())]
    bottom = ["", "Naar boven", "", "Contact", "Toegankelijkheid", "Privacy", "Cookies",
              "© Tweede Kamer der Staten-Generaal"]
    body = _plain_body(letter, wrap=86, indent="                  ")
    target.write_text("\n".join([*top, *header, *body, *notes, *bottom]) + "\n", encoding="utf-8")


def write_oep_paste(letter: Letter, target: Path) -> None:
    """zoek.officielebekendmakingen.nl page pasted as text: service menu, 'U bent hier', data table, notes."""
    table = ["Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer | Datum brief |",
             "---|---|---|---|---|",
             f"05-12-2023 | Tweede Kamer der Staten-Generaal | 2023-2024 | 28638 nr. {NUMBER} | 30-11-2023 |"]
    top = ["Kamerstuk", *table, "Zoals vergunningen, bouwplannen en lokale regelgeving.",
           "Adressen en contactpersonen van overheidsorganisaties.", "U bent hier:", *table, ""]
    notes = [f"{n} {t}" for n, t in sorted(letter.notes.items())]
    bottom = ["", "Terug naar boven"]
    target.write_text("\n".join([*top, *_header_lines(False)[2:], *_plain_body(letter), *notes, *bottom]) + "\n",
                      encoding="utf-8")


def main() -> None:
    letter = parse_source()
    NOTES.clear()
    NOTES.update(letter.notes)
    OUT.mkdir(parents=True, exist_ok=True)
    write_docx(letter, OUT / "003_letter.docx")
    write_oep_xml(copy.deepcopy(letter), OUT / f"{KST}.xml")
    write_metadata(OUT / KST / "metadata.xml")
    write_oep_html(letter, OUT / f"{KST}.html")
    write_tkconv(letter, OUT / f"tkconv_{DOC_NR}.txt")
    write_tweedekamer(letter, OUT / f"tweedekamer_{DOC_NR}.txt")
    write_oep_paste(letter, OUT / f"oep_{KST}.txt")
    print(f"wrote {len(list(OUT.rglob('*.*')))} files to {OUT}")


if __name__ == "__main__":
    main()
