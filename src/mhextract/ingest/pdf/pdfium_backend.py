"""The fast backend: glyphs read with pypdfium2 (PDFium), one page at a time, each page closed after use.

Per character it makes two C calls (the origin and the owning text object); font,
size, baseline and advance widths are read once per text object (whose font, size and
matrix, text rise included, are fixed). The text of the page comes in one call.
Whitespace and generated characters (spaces and line breaks PDFium invents, or drops
where the producer drew them) are skipped, as in the pdfplumber backend: word spaces
come from the gaps between glyphs.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pr

from mhextract.errors import IngestError
from mhextract.ingest.pdf.glyphs import BOLD_FONT, LIGATURE_CHARS, LIGATURES, Glyph, PageGlyphs, Rule, make_rule

_ENCRYPTED = {pr.FPDF_ERR_PASSWORD, pr.FPDF_ERR_SECURITY}


def _fast(name: str, restype: Any) -> Any:
    """A lean ctypes prototype of a PDFium function: no declared arguments, so ctypes converts none.

    The callers pass ready ctypes objects (the text page as `c_void_p`, `byref` outputs)
    and plain ints, which halves the cost of the two calls made per character.
    """
    address = ctypes.cast(getattr(pr, name), ctypes.c_void_p).value
    if address is None:
        raise ImportError(f"PDFium has no {name}")
    return ctypes.CFUNCTYPE(restype)(address)


_TEXT_OBJECT = _fast("FPDFText_GetTextObject", ctypes.c_void_p)
_ORIGIN = _fast("FPDFText_GetCharOrigin", ctypes.c_int)
_GET_OBJECT = _fast("FPDFPage_GetObject", ctypes.c_void_p)
_OBJECT_TYPE = _fast("FPDFPageObj_GetType", ctypes.c_int)
_BOUNDS = _fast("FPDFPageObj_GetBounds", ctypes.c_int)
_FORM_OBJECT = _fast("FPDFFormObj_GetObject", ctypes.c_void_p)
_FORM_COUNT = _fast("FPDFFormObj_CountObjects", ctypes.c_int)
_OBJECT_MATRIX = _fast("FPDFPageObj_GetMatrix", ctypes.c_int)
_CHAR_MATRIX = _fast("FPDFText_GetMatrix", ctypes.c_int)
_FONT_SIZE = _fast("FPDFText_GetFontSize", ctypes.c_double)
_OBJECT_FONT = _fast("FPDFTextObj_GetFont", ctypes.c_void_p)
_GLYPH_WIDTH = _fast("FPDFFont_GetGlyphWidth", ctypes.c_int)


def open_document(path: Path, data: bytes) -> pdfium.PdfDocument:
    """Open the PDF, turning PDFium's failures into one clear IngestError."""
    if b"%PDF-" not in data[:1024]:
        raise IngestError(path, "not a valid PDF: no %PDF header")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in _ENCRYPTED:
            raise IngestError(path, "PDF is encrypted (password-protected); decrypt it first") from exc
        _diagnose(path, data)
        raise IngestError(path, f"not a valid PDF: {exc}") from exc
    if len(doc) == 0:
        doc.close()
        raise IngestError(path, "PDF has no pages")
    return doc


def _diagnose(path: Path, data: bytes) -> None:
    """On a file PDFium refuses, raise the reference backend's (more specific) error, if it has one."""
    from mhextract.ingest.pdf.plumber_backend import open_document as open_reference

    open_reference(path, data).close()


def iter_pages(path: Path, data: bytes) -> Iterator[PageGlyphs]:
    """Each page's glyphs and rules, in page order; a page is closed before the next is loaded."""
    doc = open_document(path, data)
    try:
        for index in range(len(doc)):
            page = pr.FPDF_LoadPage(doc.raw, index)
            if not page:
                raise IngestError(path, f"not a valid PDF: page {index + 1} cannot be loaded")
            try:
                yield _read_page(page, index + 1)
            finally:
                pr.FPDF_ClosePage(page)
    finally:
        doc.close()


def _read_page(page: Any, number: int) -> PageGlyphs:
    """Glyphs and rules of one loaded page."""
    width, height = pr.FPDF_GetPageWidthF(page), pr.FPDF_GetPageHeightF(page)
    textpage = pr.FPDFText_LoadPage(page)
    text_objects: set[int] = set()
    try:
        glyphs = _glyphs(textpage, height, text_objects)
    finally:
        pr.FPDFText_ClosePage(textpage)
    return PageGlyphs(number, width, height, glyphs, _rules(page, height, text_objects))


def _page_text(textpage: Any, n: int) -> str:
    """The text of all n characters, one str character per PDFium character."""
    buf = (ctypes.c_ushort * (n + 1))()
    pr.FPDFText_GetText(textpage, 0, n, buf)
    text = bytes(buf)[: 2 * n].decode("utf-16-le", errors="replace")
    if len(text) != n:  # characters outside the BMP take two UTF-16 units: ask one by one
        text = "".join(chr(pr.FPDFText_GetUnicode(textpage, i)) for i in range(n))
    # A line-end hyphen PDFium recognises comes out as U+FFFE (and as 0x02 from GetUnicode): it is a hyphen.
    return text.replace("\ufffe", "-").replace("\x02", "-")


def _glyphs(textpage: Any, height: float, text_objects: set[int]) -> list[Glyph]:
    """The page's upright characters that leave ink as Glyphs (whitespace and generated characters skipped).

    The right edge is the origin plus the advance width from the font's widths (what
    pdfminer reports), not the loose box, which also covers ink overhanging the advance.
    """
    n = pr.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    text = _page_text(textpage, n)
    tp = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    objects: dict[int, _TextObject | None] = {}
    reader = _ObjectReader(textpage, height)
    out: list[Glyph] = []
    append = out.append
    last_x0, last_obj, cur_obj = -1.0, 0, -1
    info: _TextObject | None = None
    widths: dict[str, float] = {}
    em = base = size = 0.0
    bold = False
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        obj = _TEXT_OBJECT(tp, i)
        if obj != cur_obj:  # characters of one text object come together: look it up once per run
            cur_obj = obj
            if not obj:  # generated by PDFium, not drawn
                info = None
            else:
                info = objects.get(obj, _MISSING)
                if info is _MISSING:
                    info = objects[obj] = reader.read(i, obj)
            if info is not None:
                widths, em, base, size, bold = info.widths, info.em, info.base, info.size, info.bold
        if info is None:
            continue
        _ORIGIN(tp, i, x_ref, y_ref)
        x0 = x.value
        if x0 == last_x0 and obj == last_obj and out:  # a ligature PDFium split into its letters: one glyph
            g = out[-1]
            g.text += ch
            g.x1 = max(g.x1, _loose_right(textpage, i))
            continue
        last_x0, last_obj = x0, obj
        unit = widths.get(ch)
        if unit is None:
            unit = info.advance(ch)
        width = unit * em if unit >= 0 else _loose_width(textpage, i)
        if ch in LIGATURE_CHARS:
            ch = ch.translate(LIGATURES)
        append(Glyph(ch, x0, x0 + width, base, size, bold))
    text_objects.update(objects)
    return out


def _loose_right(textpage: Any, i: int) -> float:
    """The right edge of character i's loose box."""
    box = pr.FS_RECTF()
    pr.FPDFText_GetLooseCharBox(textpage, i, box)
    return float(box.right)


def _loose_width(textpage: Any, i: int) -> float:
    """The width of character i's loose box (when the font does not give an advance width)."""
    box = pr.FS_RECTF()
    pr.FPDFText_GetLooseCharBox(textpage, i, box)
    return float(box.right - box.left)


class _Font:
    """A font of the page: whether it is bold, and advance widths per 1000 units of size, per character."""

    __slots__ = ("bold", "handle", "widths")

    def __init__(self, handle: int, bold: bool) -> None:
        self.handle, self.bold = ctypes.c_void_p(handle), bold
        self.widths: dict[str, float] = {}

    def advance(self, ch: str) -> float:
        """The advance width of a character per 1000 units of font size (from the font's widths); -1 if unknown."""
        w = ctypes.c_float()
        ok = len(ch) == 1 and _GLYPH_WIDTH(self.handle, ord(ch), ctypes.c_float(1000.0), ctypes.byref(w))
        width = float(w.value) if ok and w.value > 0 else -1.0
        self.widths[ch] = width
        return width


class _TextObject:
    """What is fixed for all characters of one PDFium text object: baseline, size, font, x scale."""

    __slots__ = ("base", "bold", "em", "font", "size", "widths")

    def __init__(self, base: float, size: float, font: _Font, em: float) -> None:
        self.base, self.size, self.font, self.bold = round(base, 2), round(size, 1), font, font.bold
        self.em, self.widths = em, font.widths  # em: page-space width of one unit of font size (per 1000)

    def advance(self, ch: str) -> float:
        return self.font.advance(ch)


class _ObjectReader:
    """Reads text objects of one page; objects drawn alike (Chromium draws one per glyph) share one entry."""

    def __init__(self, textpage: Any, height: float) -> None:
        self.textpage, self.height = textpage, height
        self.tp = ctypes.c_void_p(ctypes.cast(textpage, ctypes.c_void_p).value)
        self.matrix = pr.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)
        self.fonts: dict[int, _Font] = {}
        self.alike: dict[tuple[float, ...], _TextObject | None] = {}

    def read(self, i: int, obj: int) -> _TextObject | None:
        """The text object of character i; None when its text is not upright."""
        m = self.matrix
        _CHAR_MATRIX(self.tp, i, self.matrix_ref)
        a, b, c, d, y = m.a, m.b, m.c, m.d, m.f
        if not (a * d > 0 and b * c <= 0):
            return None
        if b:  # rotated a little: the object's origin is not the character's
            x_, y_ = ctypes.c_double(), ctypes.c_double()
            pr.FPDFText_GetCharOrigin(self.textpage, i, x_, y_)
            y = y_.value
        handle = _OBJECT_FONT(ctypes.c_void_p(obj)) or 0
        tf_size = _FONT_SIZE(self.tp, i)
        key = (handle, tf_size, a, b, c, d, y)
        found = self.alike.get(key, _MISSING)
        if found is not _MISSING:
            return found
        font = self.fonts.get(handle)
        if font is None:
            fontbuf = ctypes.create_string_buffer(256)
            pr.FPDFText_GetFontInfo(self.textpage, i, fontbuf, len(fontbuf), ctypes.c_int())
            font = self.fonts[handle] = _Font(handle, bool(BOLD_FONT.search(fontbuf.value.decode("latin-1"))))
        size = tf_size * (abs(d) if not c else (c * c + d * d) ** 0.5)
        scale = abs(a) if not b else (a * a + b * b) ** 0.5
        info = self.alike[key] = _TextObject(self.height - y, size, font, tf_size * scale / 1000)
        return info


_MISSING = _TextObject(0.0, 0.0, _Font(0, False), 0.0)  # "not read yet" in the per-page caches


def _rules(page: Any, height: float, text_objects: set[int]) -> list[Rule]:
    """Thin horizontal paths on the page, also inside form XObjects (footnote separators, underlines).

    The text objects already seen are skipped without asking their type (Chromium draws one per glyph).
    """
    out: list[Rule] = []
    handle = ctypes.c_void_p(ctypes.cast(page, ctypes.c_void_p).value)
    objects = [_GET_OBJECT(handle, k) for k in range(pr.FPDFPage_CountObjects(page))]
    _collect_rules(objects, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), height, text_objects, out)
    return sorted(out)


Matrix = tuple[float, float, float, float, float, float]


def _collect_rules(objects: list[int], ctm: Matrix, height: float, skip: set[int], out: list[Rule]) -> None:
    """Rules among page objects whose coordinates `ctm` maps to the page; forms are entered."""
    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]
    for address in objects:
        if address in skip:
            continue
        obj = ctypes.c_void_p(address)
        kind = _OBJECT_TYPE(obj)
        if kind == pr.FPDF_PAGEOBJ_FORM:
            m = pr.FS_MATRIX()
            if _OBJECT_MATRIX(obj, ctypes.byref(m)):
                inner = _compose((m.a, m.b, m.c, m.d, m.e, m.f), ctm)
                count = _FORM_COUNT(obj)
                children = [_FORM_OBJECT(obj, k) for k in range(max(count, 0))]
                _collect_rules(children, inner, height, skip, out)
            continue
        if kind != pr.FPDF_PAGEOBJ_PATH or not _BOUNDS(obj, *refs):
            continue
        left, bottom, right, top = (v.value for v in box)
        # PDFium's bounds include the pen, pdfminer's do not: the extent differs by up to a line
        # width, which the layout's tolerances (20 pt in x, whole points in y) absorb.
        if ctm != (1.0, 0.0, 0.0, 1.0, 0.0, 0.0):
            xs, ys = zip(*(_apply(ctm, x, y) for x in (left, right) for y in (bottom, top)), strict=True)
            left, right, bottom, top = min(xs), max(xs), min(ys), max(ys)
        rule = make_rule(left, right, height - top, height - bottom)
        if rule:
            out.append(rule)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner`, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
