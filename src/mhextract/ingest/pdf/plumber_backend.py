"""The reference backend: glyphs read with pdfplumber (pdfminer), each page closed after use.

Whitespace glyphs are dropped (PDFium does not report them all, and some producers
draw a soft hyphen as a zero-width space): word spaces come from the gaps between
glyphs. pdfminer reports a character's matrix without the text rise (`Ts`); the baseline
here is taken from the glyph box instead (its bottom minus the font's descent), so a
raised superscript keeps its rise, as PDFium reports it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from mhextract.errors import IngestError
from mhextract.ingest.pdf.glyphs import Glyph, PageGlyphs, Rule, make_glyph, make_rule


def open_document(path: Path, data: bytes) -> Any:
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


def iter_pages(path: Path, data: bytes) -> Iterator[PageGlyphs]:
    """Each page's glyphs and rules, in page order; each page's caches are dropped after it is read."""
    pdf = open_document(path, data)
    try:
        for page in pdf.pages:
            try:
                chars = page.chars
                paths = page.lines + page.rects
            except Exception as exc:  # a damaged content stream surfaces only here
                raise IngestError(path, f"not a valid PDF: page {page.page_number}: {exc}") from exc
            descents = _descents(pdf)
            glyphs = [_glyph(c, descents) for c in chars if c.get("upright", True) and str(c.get("text", "")).strip()]
            rules = [make_rule(p["x0"], p["x1"], p["top"], p["bottom"]) for p in paths]
            result = PageGlyphs(
                page.page_number,
                float(page.width),
                float(page.height),
                glyphs,
                sorted(r for r in rules if r is not None),
            )
            page.close()
            yield result
    finally:
        pdf.close()


def _descents(pdf: Any) -> dict[str, float]:
    """Font name -> descent per unit of font size, from pdfminer's font cache."""
    out: dict[str, float] = {}
    for font in getattr(pdf.rsrcmgr, "_cached_fonts", {}).values():
        name = getattr(font, "fontname", None)
        if name and name not in out:
            out[name] = float(font.get_descent())
    return out


def _glyph(c: dict[str, Any], descents: dict[str, float]) -> Glyph:
    """A pdfplumber char as a Glyph; the baseline from the box bottom, which includes the rise."""
    size = float(c["size"])
    descent = descents.get(c["fontname"])
    if descent is None:
        base = float(c["bottom"]) + float(c["y0"]) - float(c["matrix"][5])
    else:
        base = float(c["bottom"]) + descent * size
    return make_glyph(str(c["text"]), float(c["x0"]), float(c["x1"]), base, size, str(c["fontname"]))


__all__ = ["Rule", "iter_pages", "open_document"]
