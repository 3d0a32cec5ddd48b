"""Read a PDF letter into lines with pdfplumber, classifying them by geometry and fonts.

Per page, characters are grouped into rows by baseline and rows into segments
at wide horizontal gaps; raised small segments (footnote markers) are attached
to the line they belong to. Then, over the whole document:

- `furniture`: page numbers ("Pagina 1 van 3", "2", "- 2 -") near the top or
  bottom edge, and lines repeated at the same height on several pages there;
- `margin`: segments right of an empty vertical gutter, in a narrow right-hand
  column (the rijksoverheid margin with Directoraat-Generaal, Datum, Ons kenmerk);
- `footnote`: the run of lines at the bottom of a page set smaller than the body
  font (the most common size), starting with a footnote number or continuing a
  footnote from the previous page;
- `body`: everything else, including the first-page Retouradres/addressee/Datum/
  Onderwerp lines, in reading order.

Output conventions: raised footnote markers become Unicode superscript digits
glued to the preceding text (`jl.¹`, `november 2018²`); a footnote's own number
starts its first line as superscript digits plus a space (`¹ Kamerstukken ...`),
so a continuation line that happens to start with a number stays distinguishable.
A vertical gap wider than the usual line pitch becomes an empty line of the same
kind (a paragraph break). Per page, body/footnote/furniture lines come first in
top-to-bottom order, then the margin column. Line-end hyphens are kept.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from mhextract.errors import IngestError
from mhextract.ingest.raw import LineKind, RawLetter, RawLine

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
PAGE_NUMBER = re.compile(
    r"^(?:(?:pagina|page|blz\.?|p\.)\s*)?\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$",
    re.IGNORECASE,
)
PLAIN_FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+\S")
EDGE_ZONE = 0.12  # top and bottom share of the page where running headers and footers live
SMALL = 0.88  # a line is "small type" below this share of the body font size
SUP_SIZE = 0.85  # a raised character is a superscript below this share of its line's size
# A gap wider than this share of the font size is a word space even without a space glyph
# (a normal space is 0.25-0.28 em; kerning stays under 0.05 em, letter-spaced digits like `4 2 83675` under it).
SPACE_EM = 0.2


@dataclass
class _Char:
    """One glyph with the geometry the classification needs (y grows downwards)."""

    text: str
    x0: float
    x1: float
    base: float
    size: float
    bold: bool
    raised: bool = False

    @property
    def space(self) -> bool:
        return self.text.isspace()


@dataclass
class _Seg:
    """A horizontal run of characters on one row of a page; geometry cached by `refresh`."""

    page: int
    row: int
    chars: list[_Char]
    kind: LineKind = "body"
    ink: list[_Char] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    base: float = 0.0

    def __post_init__(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute the ink, extent, dominant size and baseline after the chars changed."""
        self.ink = [c for c in self.chars if not c.space]
        self.x0 = min(c.x0 for c in self.ink)
        self.x1 = max(c.x1 for c in self.ink)
        self.size = _dominant([c.size for c in self.ink if not c.raised] or [c.size for c in self.ink])
        main = [c for c in self.ink if c.size >= self.size * SUP_SIZE] or self.ink
        self.base = statistics.median(c.base for c in main)


@dataclass
class _Page:
    """A page's segments and size."""

    number: int
    width: float
    height: float
    segs: list[_Seg] = field(default_factory=list)


@dataclass
class _Line:
    """An output line before it becomes a RawLine: its segments joined, with its position."""

    page: int
    base: float
    chars: list[_Char]
    kind: LineKind
    text: str = ""


def _dominant(sizes: list[float]) -> float:
    """The most common size, rounded to a tenth of a point."""
    return Counter(round(s, 1) for s in sizes).most_common(1)[0][0] if sizes else 0.0


# --- opening and errors ---------------------------------------------------------------------------------


def _open(path: Path, data: bytes) -> Any:
    """Open the PDF, turning pdfminer's failures into one clear IngestError."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, "not a valid PDF: no %PDF header")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        n_pages = len(pdf.pages)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise IngestError(path, "PDF is encrypted (password-protected); decrypt it first") from exc
        raise IngestError(path, f"not a valid PDF: {cause}") from exc
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise IngestError(path, f"not a valid PDF: {exc}") from exc
    if n_pages == 0:
        pdf.close()
        raise IngestError(path, "PDF has no pages")
    return pdf


def _page_chars(path: Path, page: Any) -> list[dict[str, Any]]:
    """The page's upright characters, duplicates (fake bold) removed."""
    try:
        chars = page.chars
    except Exception as exc:  # a damaged content stream surfaces only here
        raise IngestError(path, f"not a valid PDF: page {page.page_number}: {exc}") from exc
    return _dedupe([c for c in chars if c.get("upright", True) and c.get("text")])


def _dedupe(chars: list[dict[str, Any]], tol: float = 1.0) -> list[dict[str, Any]]:
    """Drop a glyph drawn again within `tol` points of an identical one (PDF fake bold, overprint)."""
    seen: dict[tuple[str, int, int], list[dict[str, Any]]] = {}
    kept = []
    for c in chars:
        bx, by = int(c["x0"] // tol), int(c["top"] // tol)
        near = (seen.get((c["text"], bx + i, by + j), []) for i in (-1, 0, 1) for j in (-1, 0, 1))
        if any(abs(o["x0"] - c["x0"]) <= tol and abs(o["top"] - c["top"]) <= tol for group in near for o in group):
            continue
        seen.setdefault((c["text"], bx, by), []).append(c)
        kept.append(c)
    return kept


def _to_char(c: dict[str, Any]) -> _Char:
    """Convert a pdfplumber char; the baseline comes from the text matrix."""
    matrix = c.get("matrix") or (1, 0, 0, 1, c["x0"], c["y0"])
    base = float(c["bottom"]) + float(c["y0"]) - float(matrix[5])
    text = str(c["text"]).translate(LIGATURES)
    return _Char(text, float(c["x0"]), float(c["x1"]), base, float(c["size"]), bool(BOLD_FONT.search(c["fontname"])))


# --- rows, segments, superscripts -----------------------------------------------------------------------


def _rows(chars: list[_Char]) -> list[list[_Char]]:
    """Group characters into rows of (nearly) the same baseline."""
    rows: list[list[_Char]] = []
    for c in sorted(chars, key=lambda c: c.base):
        if rows and c.base - rows[-1][-1].base <= min(0.2 * c.size, 2.0):
            rows[-1].append(c)
        else:
            rows.append([c])
    return rows


def _segments(page: int, row_id: int, row: list[_Char]) -> list[_Seg]:
    """Split a row at horizontal gaps wider than 1.5 em (column gutters, tab stops)."""
    segs: list[list[_Char]] = []
    last: _Char | None = None
    for c in sorted(row, key=lambda c: c.x0):
        if c.space:
            if segs:
                segs[-1].append(c)
            continue
        if last is None or c.x0 - last.x1 > 1.5 * max(c.size, last.size):
            segs.append([c])
        else:
            segs[-1].append(c)
        last = c
    return [_Seg(page, row_id, s) for s in segs if any(not c.space for c in s)]


def _attach_superscripts(segs: list[_Seg]) -> list[_Seg]:
    """Merge short raised small segments (markers) into the line they sit on."""
    hosts = sorted(segs, key=lambda s: s.base)
    kept: list[_Seg] = []
    for s in segs:
        host = _host(s, hosts) if len(s.ink) <= 6 else None
        if host is None:
            kept.append(s)
        else:
            host.chars = sorted(host.chars + s.chars, key=lambda c: c.x0)
            host.refresh()
    return kept


def _host(s: _Seg, hosts: list[_Seg]) -> _Seg | None:
    """The larger-type segment a raised small segment belongs to, if any."""
    best = None
    for h in hosts:
        if h is s or h.size * SUP_SIZE < s.size:
            continue
        rise = h.base - s.base
        near = s.x1 >= h.x0 - 0.8 * h.size and s.x0 <= h.x1 + 0.5 * h.size
        if near and 0.12 * h.size <= rise <= 0.8 * h.size and (best is None or rise < best[0]):
            best = (rise, h)
    return best[1] if best else None


def _mark_raised(seg: _Seg) -> None:
    """Flag small characters above the segment's baseline as superscripts."""
    size, base = seg.size, seg.base
    for c in seg.ink:
        c.raised = c.size <= SUP_SIZE * size and c.base <= base - 0.12 * size
    seg.refresh()


def _read_pages(path: Path, pdf: Any) -> list[_Page]:
    """All pages as segments with superscripts attached."""
    pages: list[_Page] = []
    for n, page in enumerate(pdf.pages, 1):
        raw = _page_chars(path, page)
        chars = [_to_char(c) for c in raw]
        segs = [s for i, row in enumerate(_rows(chars)) for s in _segments(n, i, row)]
        segs = _attach_superscripts(segs)
        for s in segs:
            _mark_raised(s)
        pages.append(_Page(n, float(page.width), float(page.height), segs))
    return pages


# --- classification ------------------------------------------------------------------------------------


def _in_edge_zone(seg: _Seg, page: _Page) -> bool:
    """Whether a segment sits in the top or bottom strip of its page."""
    return seg.base < EDGE_ZONE * page.height or seg.base > (1 - EDGE_ZONE) * page.height


def _mark_page_numbers(pages: list[_Page]) -> None:
    """Page numbers near the top or bottom edge are furniture; a bare number only as the page's first or last line."""
    for page in pages:
        if not page.segs:
            continue
        top, bottom = min(s.base for s in page.segs), max(s.base for s in page.segs)
        for s in page.segs:
            text = _plain(s.chars)
            if not (_in_edge_zone(s, page) and PAGE_NUMBER.match(text)):
                continue
            if not text[:1].isdigit() or s.base in (top, bottom):
                s.kind = "furniture"


def _margin_edge(pages: list[_Page]) -> float | None:
    """The x where a narrow right-hand margin column starts, if the letter has one.

    A gutter is a run of x positions (right of mid-page) that almost no line crosses:
    at most a tenth of the peak coverage further right, so an occasional straddling
    line (a logo caption) does not hide it.
    """
    segs = [s for p in pages for s in p.segs if s.kind == "body"]
    if not segs:
        return None
    width = max(p.width for p in pages)
    cover = [0] * (int(width) + 2)
    for s in segs:
        for x in range(max(int(s.x0), 0), min(math.ceil(s.x1), len(cover) - 1) + 1):
            cover[x] += 1
    peak_right = cover[:]
    for x in range(len(cover) - 2, -1, -1):
        peak_right[x] = max(cover[x], peak_right[x + 1])
    x = int(0.45 * width)
    while x < len(cover):
        if cover[x] > max(1, 0.1 * peak_right[x]):
            x += 1
            continue
        end = x
        while end < len(cover) and cover[end] <= max(1, 0.1 * peak_right[x]):
            end += 1
        if end - x >= 12 and _is_margin_column(segs, float(x), float(end), width):
            return float(end) - 0.5
        x = end
    return None


def _is_margin_column(segs: list[_Seg], gap_start: float, gap_end: float, width: float) -> bool:
    """Whether the segments right of a gutter form a narrow column beside a wider body column."""
    right = [s for s in segs if s.x0 >= gap_end - 0.5]
    left = [s for s in segs if s.x1 <= gap_start + 0.5]
    if len(right) < 3 or len(left) < 3:
        return False
    right_width = max(s.x1 for s in right) - gap_end
    left_width = gap_start - min(s.x0 for s in left)
    return right_width <= 0.38 * width and right_width < left_width


def _mark_margin(pages: list[_Page]) -> None:
    """Segments in the right-hand margin column are margin."""
    edge = _margin_edge(pages)
    if edge is None:
        return
    for page in pages:
        for s in page.segs:
            if s.kind == "body" and s.x0 >= edge:
                s.kind = "margin"


def _mark_repeated(pages: list[_Page]) -> None:
    """Lines repeated at the same height near the page edge on most pages are running headers/footers.

    The text must be identical, except for a trailing number that runs with the page
    number (`Tweede Kamer, vergaderjaar 2023–2024, 28 638, nr. 233 2`); lines starting
    with a raised footnote number are never furniture.
    """
    if len(pages) < 2:
        return
    seen: dict[tuple[str, int], list[tuple[float, int, _Seg]]] = {}
    for page in pages:
        for s in page.segs:
            if s.kind == "body" and _in_edge_zone(s, page) and not s.ink[0].raised:
                text = _plain(s.chars)
                for key in {(text, 0), _running_key(text, page.number)}:
                    seen.setdefault(key, []).append((s.base, page.number, s))
    need = max(2, math.ceil(len(pages) / 2))
    for items in seen.values():
        for base, _, _ in items:
            same = [(n, s) for b, n, s in items if abs(b - base) <= 2.0]
            if len({n for n, _ in same}) >= need:
                for _, s in same:
                    s.kind = "furniture"


def _running_key(text: str, page: int) -> tuple[str, int]:
    """What stays the same in a running header on every page: the text, a trailing number as its page offset."""
    m = re.fullmatch(r"(.*?)\s*(\d{1,4})", text)
    return (m.group(1) + "#", int(m.group(2)) - page) if m else (text, 0)


def _body_size(pages: list[_Page]) -> float:
    """The body font size: the most common size of body text."""
    sizes = [c.size for p in pages for s in p.segs if s.kind == "body" for c in s.ink if not c.raised]
    return _dominant(sizes)


# --- lines, footnotes, text ----------------------------------------------------------------------------


def _lines(page: _Page) -> list[_Line]:
    """Join each row's segments of one kind into lines (body segments of a row form one line)."""
    by_key: dict[tuple[int, LineKind, int], list[_Seg]] = {}
    for i, s in enumerate(page.segs):
        by_key.setdefault((s.row, s.kind, i if s.kind == "furniture" else 0), []).append(s)
    out = []
    for (_, kind, _), segs in by_key.items():
        segs.sort(key=lambda s: s.x0)
        chars = [c for s in segs for c in s.chars]
        out.append(_Line(page.number, statistics.median(s.base for s in segs), chars, kind))
    return sorted(out, key=lambda ln: (ln.kind == "margin", ln.base))


def _is_small(line: _Line, body_size: float) -> bool:
    """Whether every non-superscript character is set clearly smaller than the body."""
    sizes = [c.size for c in line.chars if not c.space and not c.raised]
    return bool(sizes) and max(sizes) <= SMALL * body_size


def _footnote_start(line: _Line, expected: int | None, first_in_block: bool) -> int | None:
    """The footnote number a line starts with, or None when it continues a footnote."""
    ink = [c for c in line.chars if not c.space]
    digits = ""
    for c in ink:
        if not (c.raised and c.text.isdigit()):
            break
        digits += c.text
    if digits:
        return int(digits)
    m = PLAIN_FOOTNOTE_START.match(_plain(line.chars))
    if m and (first_in_block or int(m.group(1)) == expected):
        return int(m.group(1))
    return None


def _mark_footnotes(lines: list[_Line], page: _Page, body_size: float, state: dict[str, Any]) -> None:
    """Mark the small-type run at the bottom of the page as footnotes; number their first lines."""
    body = [ln for ln in lines if ln.kind == "body"]
    k = len(body)
    while k > 0 and _is_small(body[k - 1], body_size) and body[k - 1].base > 0.4 * page.height:
        k -= 1
    run = body[k:]
    continuing = bool(state.get("open"))
    start = 0 if continuing else None
    for i, ln in enumerate(run):
        if start is None and _footnote_start(ln, state.get("last", 0) + 1, True) is not None:
            start = i
    state["open"] = start is not None
    if start is None:
        return
    for i, ln in enumerate(run[start:]):
        number = _footnote_start(ln, state.get("last", 0) + 1, i == 0 and not continuing)
        ln.kind = "footnote"
        if number is not None:
            state["last"] = number
            ln.text = _footnote_text(ln, number)


def _footnote_text(line: _Line, number: int) -> str:
    """A footnote's first line: its number as superscript digits, a space, then the text."""
    rest = re.sub(r"^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d+)\s*", "", line.text, count=1)
    return f"{str(number).translate(SUPERSCRIPT)} {rest}"


def _plain(chars: list[_Char]) -> str:
    """Text of characters with spaces only where the PDF has them or at wide gaps, no superscripts."""
    return _text([c for c in chars if not c.raised], superscript=False)


def _text(chars: list[_Char], superscript: bool = True) -> str:
    """Assemble characters into text: spaces at space glyphs or gaps above SPACE_EM,
    raised digits as superscripts glued to the word before."""
    out: list[str] = []
    prev: _Char | None = None
    gap_space = False
    for c in sorted(chars, key=lambda c: c.x0):
        if c.space:
            gap_space = prev is not None
            continue
        if prev is not None and c.x0 - prev.x1 > SPACE_EM * max(c.size, prev.size):
            gap_space = True
        text = c.text
        if superscript and c.raised and c.text.isdigit():
            text = c.text.translate(SUPERSCRIPT)
            if prev is not None and not prev.raised:
                gap_space = False
        if gap_space and out:
            out.append(" ")
        out.append(text)
        gap_space = False
        prev = c
    return "".join(out).strip()


def _pitch(lines: list[_Line], kind: LineKind) -> float | None:
    """The usual distance between consecutive lines of a kind (the lower quartile of gaps)."""
    gaps = []
    for a, b in itertools.pairwise(lines):
        if a.kind == b.kind == kind and a.page == b.page and b.base > a.base:
            gaps.append(b.base - a.base)
    if not gaps:
        return None
    gaps.sort()
    return gaps[len(gaps) // 4]


def _raw_lines(lines: list[_Line], body_size: float) -> list[RawLine]:
    """RawLines with an empty line of the same kind wherever the vertical gap shows a paragraph break."""
    pitch = {k: _pitch(lines, k) for k in ("body", "margin", "footnote")}
    out: list[RawLine] = []
    last: dict[LineKind, _Line] = {}
    for ln in lines:
        prev = last.get(ln.kind)
        p = pitch.get(ln.kind)
        if prev and p and prev.page == ln.page and ln.base - prev.base > 1.45 * p:
            out.append(RawLine("", ln.kind, ln.page))
        last[ln.kind] = ln
        ink = [c for c in ln.chars if not c.space and not c.raised] or [c for c in ln.chars if not c.space]
        size = _dominant([c.size for c in ink])
        bold = all(c.bold for c in ink)
        out.append(RawLine(ln.text, ln.kind, ln.page, bold, size))
    return out


def read_pdf(path: Path, data: bytes, sha256: str) -> RawLetter:
    """Read a PDF letter into classified lines (body, footnote, margin, furniture) per page."""
    pdf = _open(path, data)
    try:
        pages = _read_pages(path, pdf)
    finally:
        pdf.close()
    if not any(s.ink for p in pages for s in p.segs):
        raise IngestError(path, "PDF has no text layer (scanned image?); run OCR first")
    _mark_page_numbers(pages)
    _mark_margin(pages)
    _mark_repeated(pages)
    body_size = _body_size(pages) or 10.0
    state: dict[str, Any] = {}
    lines: list[_Line] = []
    for page in pages:
        page_lines = _lines(page)
        for ln in page_lines:
            ln.text = _text(ln.chars)
        _mark_footnotes(page_lines, page, body_size, state)
        lines += page_lines
    return RawLetter(str(path), "pdf", sha256, _raw_lines(lines, body_size), pages=len(pages))
