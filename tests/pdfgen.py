"""Build realistic Kamerbrief PDFs with reportlab, for testing the PDF reader.

The layout follows the rijksoverheid letter: A4, a body column on the left and a
narrow margin column on the right (Directoraat-Generaal, address, Ons kenmerk,
Datum, repeated on every page), a Retouradres line and addressee block on page 1,
`Datum` and `Onderwerp` lines, bold section headings, ragged-right paragraphs with
line-end hyphenation at soft hyphens (U+00AD), superscript footnote markers,
footnotes in small type at the page bottom (long ones continue on the next page),
a footer "Pagina N van M" and a signature block.

Text conventions in `Block.text` and `Footnote.text`:
- `[^N]` is a footnote marker, drawn as a raised small number glued to the
  preceding word (`jl.[^1]` -> `jl.` + raised `1`);
- a soft hyphen (U+00AD) marks where a long word may be split at a line end;
  when it is split there, the line ends in `-` (`geregis-` / `treerd`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

SHY = "\u00ad"
PAGE_W, PAGE_H = A4

BODY_X = 76.0
BODY_W = 310.0
MARGIN_X = 445.0
MARGIN_TOP = 155.0  # distance from the page top, like the rijksoverheid letters
BODY_TOP_FIRST = 320.0
BODY_TOP_NEXT = 155.0
BODY_BOTTOM = 775.0
FOOTER_Y = 805.0

Style = Literal["normal", "bold", "sup", "italic", "bolditalic"]
MARKER = re.compile(r"\[\^(\d+)\]")


@dataclass
class Block:
    """A body block: a paragraph or a (bold) heading."""

    text: str
    kind: Literal["paragraph", "heading", "emphasis"] = "paragraph"  # emphasis: bold italic


@dataclass
class Footnote:
    """A footnote; its marker `[^number]` appears in a block's text."""

    number: int
    text: str


@dataclass
class Letterhead:
    """The first-page header and the margin column fields."""

    retouradres: str = "Retouradres Postbus 20301 2500 EH Den Haag"
    addressee: tuple[str, ...] = (
        "Aan de Voorzitter van de Tweede Kamer",
        "der Staten-Generaal",
        "Postbus 20018",
        "2500 EA DEN HAAG",
    )
    date: str = "30 november 2023"
    subject: str = "Brief inzake moties en toezeggingen op het dossier mensenhandel"
    organisation: tuple[str, ...] = ("Directoraat-Generaal", "Rechtspleging en", "Rechtshandhaving")
    unit: tuple[str, ...] = ("Directie Rechtshandhaving en", "Criminaliteitsbestrijding")
    address: tuple[str, ...] = (
        "Turfmarkt 147",
        "2511 DP Den Haag",
        "Postbus 20301",
        "2500 EH Den Haag",
        "www.rijksoverheid.nl/jenv",
    )
    reference: str = "6013609"
    attachments: str | None = "2"
    small_print: tuple[str, ...] = (
        "Bij beantwoording de datum",
        "en ons kenmerk vermelden.",
        "Wilt u slechts één zaak in uw",
        "brief behandelen.",
    )
    # what the margin of pages 2+ shows where it differs from page 1 (None = the same)
    later_date: str | None = None
    later_organisation: tuple[str, ...] | None = None
    later_unit: tuple[str, ...] | None = None
    later_reference: str | None = None


@dataclass
class LetterSpec:
    """Everything needed to draw one letter."""

    blocks: list[Block]
    footnotes: list[Footnote] = field(default_factory=list)
    letterhead: Letterhead = field(default_factory=Letterhead)
    signature: tuple[str, ...] = ("De Staatssecretaris van Justitie en Veiligheid,", "", "", "E. van der Burg")
    footer: bool = True
    running_header: str | None = None  # a header line repeated on every page; `{page}` = the page number
    logo_text: str | None = None  # text beside the logo, straddling the column gutter
    # superscript: a raised small number and a space; plain: a full-size number and a space;
    # tab: a full-size number and the text at a tab stop (the Word/LibreOffice default)
    # glued: a full-size number with the text right after it (a tab stop just past the number)
    footnote_number_style: Literal["superscript", "plain", "tab", "glued"] = "superscript"
    marker_rise: bool = False  # draw superscripts with a text rise (`Ts`) on the line's baseline, not moved
    heading_gap_after: bool = True
    positioned_words: bool = False  # each word placed separately, no space glyphs (as many PDF producers do)
    margin_char_space: float = 0.0  # letter-spacing in the margin column (PDF spacing artefacts like `4 2 83675`)
    max_footnote_lines: int = 10
    font: str = "Helvetica"
    bold_font: str = "Helvetica-Bold"
    italic_font: str = "Helvetica-Oblique"
    bold_italic_font: str = "Helvetica-BoldOblique"
    body_size: float = 9.5
    body_leading: float = 13.5
    footnote_size: float = 7.0
    footnote_leading: float = 9.0
    margin_size: float = 6.5
    margin_leading: float = 9.0
    sup_size: float = 5.5
    sup_rise: float = 3.5


Piece = tuple[str, Style]


@dataclass
class _Line:
    pieces: list[Piece]
    markers: list[int] = field(default_factory=list)
    kind: Literal["text", "blank"] = "text"
    keep_with_next: bool = False


@dataclass
class _Page:
    body: list[tuple[float, _Line]] = field(default_factory=list)  # (y from top, line)
    footnotes: list[_Line] = field(default_factory=list)


def _font(spec: LetterSpec, style: Style) -> str:
    """The font name for a piece style."""
    fonts = {"bold": spec.bold_font, "italic": spec.italic_font, "bolditalic": spec.bold_italic_font}
    return fonts.get(style, spec.font)


def _width(spec: LetterSpec, pieces: list[Piece], size: float) -> float:
    """Drawn width of pieces at a base font size (superscripts smaller)."""
    total = 0.0
    for text, style in pieces:
        s = spec.sup_size * size / spec.body_size if style == "sup" else size
        total += stringWidth(text.replace(SHY, ""), _font(spec, style), s)
    return total


def _word_pieces(word: str, style: Style) -> list[Piece]:
    """A word (possibly with `[^N]` markers inside) as pieces in order: text and raised numbers."""
    pieces: list[Piece] = []
    for i, part in enumerate(MARKER.split(word)):
        if i % 2:
            pieces.append((part, "sup"))
        elif part:
            pieces.append((part.replace(SHY, ""), style))
    return pieces


def _markers(text: str) -> list[int]:
    """The footnote numbers marked in a text."""
    return [int(m) for m in MARKER.findall(text)]


def _split_at_shy(spec: LetterSpec, word: str, room: float, style: Style, size: float) -> tuple[str, str] | None:
    """The longest split of `word` at a soft hyphen whose head plus `-` fits in `room`."""
    best = None
    for i, ch in enumerate(word):
        if ch != SHY:
            continue
        head = word[:i] + "-"
        if _width(spec, _word_pieces(head, style), size) <= room:
            best = (head, word[i + 1 :])
    return best


def wrap(spec: LetterSpec, text: str, width: float, size: float, style: Style = "normal") -> list[_Line]:
    """Wrap text into ragged-right lines, hyphenating at soft hyphens where a word does not fit."""
    lines: list[_Line] = []
    cur: list[Piece] = []
    cur_markers: list[int] = []
    queue = text.split()
    while queue:
        word = queue.pop(0)
        sep: list[Piece] = [(" ", style)] if cur else []
        cand = cur + sep + _word_pieces(word, style)
        if _width(spec, cand, size) <= width or not cur:
            cur, cur_markers = cand, cur_markers + _markers(word)
            continue
        room = width - _width(spec, cur + sep, size)
        split = _split_at_shy(spec, word, room, style, size)
        if split:
            cur = cur + sep + _word_pieces(split[0], style)
            cur_markers += _markers(split[0])
            queue.insert(0, split[1])
        else:
            queue.insert(0, word)
        lines.append(_Line(_merge(cur), cur_markers))
        cur, cur_markers = [], []
    if cur:
        lines.append(_Line(_merge(cur), cur_markers))
    return lines


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join adjacent pieces of the same style."""
    out: list[Piece] = []
    for text, style in pieces:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


def _body_lines(spec: LetterSpec) -> list[_Line]:
    """All body lines of the letter in order, with blank lines between blocks."""
    out: list[_Line] = []
    after_heading = False
    for i, block in enumerate(spec.blocks):
        if i and not (after_heading and not spec.heading_gap_after):
            out.append(_Line([], kind="blank", keep_with_next=after_heading))
        style: Style = "bold" if block.kind == "heading" else "bolditalic" if block.kind == "emphasis" else "normal"
        lines = wrap(spec, block.text, BODY_W, spec.body_size, style)
        after_heading = block.kind == "heading"
        for line in lines:
            line.keep_with_next = after_heading
        out += lines
    sig = [_Line([], kind="blank", keep_with_next=True)]
    for text in spec.signature:
        sig.append(_Line([(text, "normal")] if text else [], kind="text" if text else "blank", keep_with_next=True))
    sig[-1].keep_with_next = False
    return out + sig


def _footnote_lines(spec: LetterSpec, note: Footnote) -> list[_Line]:
    """A footnote wrapped into lines; the first starts with its number."""
    lines = wrap(spec, note.text, BODY_W - 8, spec.footnote_size)
    number: Piece = (str(note.number), "sup" if spec.footnote_number_style == "superscript" else "normal")
    gap: Piece = ("\t", "normal") if spec.footnote_number_style == "tab" else (" ", "normal")
    lines[0].pieces = _merge([number, *([] if spec.footnote_number_style == "glued" else [gap]), *lines[0].pieces])
    return lines


def layout(spec: LetterSpec) -> list[_Page]:
    """Flow body lines over pages, placing each footnote on the page of its marker."""
    notes = {n.number: _footnote_lines(spec, n) for n in spec.footnotes}
    items = _body_lines(spec)
    pages: list[_Page] = []
    carry: list[_Line] = []
    i = 0
    while i < len(items) or carry:
        page = _Page(footnotes=list(carry))
        y = BODY_TOP_FIRST if not pages else BODY_TOP_NEXT
        while i < len(items):
            group = _keep_group(items, i)
            need = [ln for g in group for m in g.markers for ln in notes.get(m, [])]
            fn_count = min(len(page.footnotes) + len(need), spec.max_footnote_lines)
            fn_height = fn_count * spec.footnote_leading + (8 if fn_count else 0)
            height = len(group) * spec.body_leading
            if page.body and y + height > BODY_BOTTOM - fn_height:
                break
            for line in group:
                if line.kind == "text" or page.body:
                    page.body.append((y, line))
                    y += spec.body_leading
            page.footnotes += need
            i += len(group)
        carry = page.footnotes[spec.max_footnote_lines :]
        page.footnotes = page.footnotes[: spec.max_footnote_lines]
        pages.append(page)
    return pages


def _keep_group(items: list[_Line], i: int) -> list[_Line]:
    """Lines from `i` that must stay on one page (a heading with the line after it)."""
    j = i
    while j < len(items) - 1 and items[j].keep_with_next:
        j += 1
    return items[i : j + 1]


def _draw_pieces(
    c: canvas.Canvas, spec: LetterSpec, x: float, y: float, pieces: list[Piece], size: float, char_space: float = 0.0
) -> None:
    """Draw pieces left to right at baseline y (from the top); superscripts raised."""
    for text, style in pieces:
        if style == "sup" and spec.marker_rise:
            s = spec.sup_size * size / spec.body_size
            x += _draw_text(c, spec, x, y, text, spec.font, s, 0.0, rise=spec.sup_rise * size / spec.body_size)
        elif style == "sup":
            s = spec.sup_size * size / spec.body_size
            x += _draw_text(c, spec, x, y - spec.sup_rise * size / spec.body_size, text, spec.font, s, 0.0)
        elif "\t" in text:  # a tab: the rest starts at the next 12 pt stop
            head, _, tail = text.partition("\t")
            x += _draw_text(c, spec, x, y, head, _font(spec, style), size, char_space)
            x = BODY_X + 12 * (int((x - BODY_X) // 12) + 1)
            x += _draw_text(c, spec, x, y, tail, _font(spec, style), size, char_space)
        else:
            x += _draw_text(c, spec, x, y, text, _font(spec, style), size, char_space)


def _draw_text(
    c: canvas.Canvas,
    spec: LetterSpec,
    x: float,
    y: float,
    text: str,
    font: str,
    size: float,
    char_space: float,
    rise: float = 0.0,
) -> float:
    """Draw a string (word by word without space glyphs if `positioned_words`); return its advance."""
    width = stringWidth(" ", font, size) + char_space
    start = x
    chunks = re.split(r"( )", text) if spec.positioned_words else [text]
    for chunk in chunks:
        if spec.positioned_words and chunk == " ":
            x += width
            continue
        t = c.beginText(x, PAGE_H - y)
        t.setFont(font, size)
        t.setCharSpace(char_space)
        if rise:
            t.setRise(rise)
        t.textOut(chunk)
        if rise:
            t.setRise(0)  # the rise is text state: it outlives the text object
        c.drawText(t)
        x += stringWidth(chunk, font, size) + char_space * len(chunk)
    return x - start


def _draw_margin(c: canvas.Canvas, spec: LetterSpec, first: bool) -> None:
    """The right-hand margin column: organisation, address and references."""
    lh = spec.letterhead

    def lines(texts: tuple[str, ...] | list[str], style: Style = "normal") -> list[list[Piece]]:
        return [[(t, style)] for t in texts]

    if first:
        blocks = lines(lh.organisation, "bold") + lines(lh.unit) + [[]]
        blocks += [*lines(lh.address), []]
        blocks += lines(["Ons kenmerk"], "bold") + lines([lh.reference]) + [[]]
        if lh.attachments:
            blocks += lines(["Bijlagen"], "bold") + lines([lh.attachments]) + [[]]
        blocks += lines(lh.small_print, "italic")
    else:
        blocks = lines(lh.later_organisation or lh.organisation, "bold") + lines(lh.later_unit or lh.unit) + [[]]
        blocks += lines(["Datum"], "bold") + lines([lh.later_date or lh.date]) + [[]]
        blocks += lines(["Ons kenmerk"], "bold") + lines([lh.later_reference or lh.reference])
    y = MARGIN_TOP
    for pieces in blocks:
        if pieces:
            _draw_pieces(c, spec, MARGIN_X, y, pieces, spec.margin_size, spec.margin_char_space)
        y += spec.margin_leading


def _draw_first_header(c: canvas.Canvas, spec: LetterSpec) -> None:
    """Retouradres, addressee, Datum and Onderwerp lines in the body column of page 1."""
    lh = spec.letterhead
    _draw_pieces(c, spec, BODY_X, MARGIN_TOP, [(lh.retouradres, "normal")], spec.margin_size)
    c.line(
        BODY_X,
        PAGE_H - MARGIN_TOP - 2,
        BODY_X + stringWidth(lh.retouradres, spec.font, spec.margin_size),
        PAGE_H - MARGIN_TOP - 2,
    )
    y = MARGIN_TOP + 20
    for text in lh.addressee:
        _draw_pieces(c, spec, BODY_X, y, [(text, "normal")], spec.body_size)
        y += spec.body_leading
    label_x = BODY_X + 55
    y = 265.0
    _draw_pieces(c, spec, BODY_X, y, [("Datum", "normal")], spec.margin_size)
    _draw_pieces(c, spec, label_x, y, [(lh.date, "normal")], spec.body_size)
    y += spec.body_leading
    _draw_pieces(c, spec, BODY_X, y, [("Onderwerp", "normal")], spec.margin_size)
    for line in wrap(spec, lh.subject, BODY_W - 55, spec.body_size):
        _draw_pieces(c, spec, label_x, y, line.pieces, spec.body_size)
        y += spec.body_leading


def _draw_page(c: canvas.Canvas, spec: LetterSpec, page: _Page, number: int, total: int) -> None:
    """One page: logo, header, margin column, body lines, footnotes, footer."""
    c.setFillGray(0.2)
    c.rect(PAGE_W / 2 - 8, PAGE_H - 80, 16, 80, stroke=0, fill=1)  # the blue "lint" of the logo
    c.setFillGray(0)
    if spec.logo_text:
        _draw_pieces(c, spec, PAGE_W / 2 + 14, 50, [(spec.logo_text, "normal")], spec.body_size + 2)
    if spec.running_header:
        header = spec.running_header.replace("{page}", str(number))
        _draw_pieces(c, spec, BODY_X, 40, [(header, "normal")], spec.margin_size)
    if number == 1:
        _draw_first_header(c, spec)
    _draw_margin(c, spec, number == 1)
    for y, line in page.body:
        if line.kind == "text":
            _draw_pieces(c, spec, BODY_X, y, line.pieces, spec.body_size)
    if page.footnotes:
        y = BODY_BOTTOM - (len(page.footnotes) - 1) * spec.footnote_leading
        c.line(BODY_X, PAGE_H - y + spec.footnote_leading, BODY_X + 60, PAGE_H - y + spec.footnote_leading)
        for line in page.footnotes:
            _draw_pieces(c, spec, BODY_X, y, line.pieces, spec.footnote_size)
            y += spec.footnote_leading
    if spec.footer:
        _draw_pieces(c, spec, MARGIN_X, FOOTER_Y, [(f"Pagina {number} van {total}", "normal")], spec.margin_size)


def build_pdf(spec: LetterSpec, encrypt: pdfencrypt.StandardEncryption | None = None) -> bytes:
    """Draw the letter and return the PDF bytes."""
    pages = layout(spec)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt, invariant=True)  # same spec, same bytes
    c.setTitle(spec.letterhead.subject)
    for n, page in enumerate(pages, 1):
        _draw_page(c, spec, page, n, len(pages))
        c.showPage()
    c.save()
    return buf.getvalue()


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def line_text(line: _Line) -> str:
    """A drawn line's text as the reader should give it: markers as superscript digits."""
    return "".join(t.translate(SUPERSCRIPT) if s == "sup" else t.replace("\t", " ") for t, s in line.pieces)


def page_of_line(spec: LetterSpec) -> list[tuple[int, str]]:
    """(page, text) of every drawn body line, so tests know where each line landed."""
    out = []
    for n, page in enumerate(layout(spec), 1):
        out += [(n, line_text(line)) for _, line in page.body if line.kind == "text"]
    return out


def footnote_pages(spec: LetterSpec) -> dict[int, list[int]]:
    """The pages each footnote's lines are drawn on."""
    first_line = {tuple(_footnote_lines(spec, n)[0].pieces): n.number for n in spec.footnotes}
    out: dict[int, list[int]] = {}
    current = None
    for n, page in enumerate(layout(spec), 1):
        for line in page.footnotes:
            current = first_line.get(tuple(line.pieces), current)
            if current is not None and n not in out.setdefault(current, []):
                out[current].append(n)
    return out


def encrypted_pdf(spec: LetterSpec, password: str = "geheim") -> bytes:
    """The letter encrypted with a user password (cannot be opened without it)."""
    return build_pdf(spec, pdfencrypt.StandardEncryption(password, ownerPassword="eigenaar", strength=128))


def image_only_pdf(pages: int = 2) -> bytes:
    """A 'scanned' letter: pages with drawn shapes and no text layer."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        c.setFillGray(0.85)
        c.rect(60, 60, PAGE_W - 120, PAGE_H - 120, stroke=0, fill=1)
        c.setFillGray(0.3)
        for k in range(30):
            c.rect(BODY_X, 200 + k * 18, BODY_W * (0.6 + 0.4 * (k % 3) / 2), 7, stroke=0, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def corrupt_pdf(spec: LetterSpec | None = None) -> bytes:
    """A PDF cut off after its first few hundred bytes, as from a failed download."""
    data = build_pdf(spec or sample_spec())
    return data[:400]


def sample_spec(**overrides: object) -> LetterSpec:
    """A three-page Kamerbrief modelled on the mensenhandel letters, with all layout features."""
    blocks = [
        Block(
            "Middels deze brief informeer ik u over de stand van zaken van de uitvoering van een aantal "
            "moties en toezeggingen op het dossier mensenhandel."
        ),
        Block("1. Gegevensdeling tussen CoMensha en politie", "heading"),
        Block(
            "Tijdens het debat van 19 januari jl.[^1] heb ik uw Kamer toegezegd terug te komen op "
            "gegevensdeling. Slachtoffers die zich tot CoMensha richten krijgen in alle gevallen de zorg "
            "die zij behoeven, ook als zij niet ge\u00adre\u00adgis\u00adtreerd worden als slacht\u00adoffer. "
            "Het tweede vraagstuk betreft de verbetering van de gegevens\u00addeling tussen de verschil\u00adlende "
            "ketenpartners, ten behoeve van de ondersteuning aan slachtoffers en de aanpak van daders."
        ),
        Block(
            "In november 2018[^2] is een handreiking gepubliceerd over de samen\u00adwerking van de "
            "Segers-Asscher middelen in de periode 2015–2019, waarin 10 miljoen euro structureel "
            "beschikbaar is gesteld. Het WODC-rapport[^3] bevestigt het beeld van de Nationaal Rapporteur. "
            "Dit wordt in de komende periode verder uitge\u00adwerkt in samen\u00adspraak met de gemeenten, "
            "de politie en het Openbaar Ministerie, zodat de aanpak van mensen\u00adhandel versterkt wordt."
        ),
        Block("2. Aanpak klanten", "heading"),
    ]
    filler = (
        "De aanpak van mensenhandel vraagt om een integrale inzet van alle betrokken partijen, "
        "waarbij informatie\u00addeling, opsporing en zorg voor slachtoffers hand in hand gaan. "
    )
    for k in range(6):
        blocks.append(Block(filler * 3 + f"Dit is alinea {k + 1} van de toelichting."))
    blocks.append(Block("3. Afronding", "heading"))
    blocks.append(
        Block(
            "Op 14 december 2023 is een brief aangeboden aan het LIEC.[^4] Hiermee doe ik mijn "
            "eerdere toezegging gestand."
        )
    )
    long_note = (
        "Zie het rapport van de Nationaal Rapporteur over de periode 2019–2023, waarin uitgebreid "
        "wordt ingegaan op de registratie van slachtoffers, de samenwerking tussen de keten\u00adpartners "
        "en de knelpunten die daarbij zijn ervaren. "
    ) * 6
    footnotes = [
        Footnote(1, "Kamerstukken II 2023/24, 28 638, nr. 233."),
        Footnote(2, "Kamerstuk 28 638, nr. 185. Bijlage 2: «Handreiking»."),
        Footnote(3, long_note.strip()),
        Footnote(4, "Toezegging nr. 118836"),
    ]
    spec = LetterSpec(blocks=blocks, footnotes=footnotes)
    for key, value in overrides.items():
        setattr(spec, key, value)
    return spec


def write(spec: LetterSpec, path: Path) -> Path:
    """Write the letter's PDF to `path`."""
    path.write_bytes(build_pdf(spec))
    return path


def zero_page_pdf() -> bytes:
    """A syntactically valid PDF whose page tree is empty."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (i, obj))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()
