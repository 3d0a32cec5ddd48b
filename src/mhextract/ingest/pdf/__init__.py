"""Read a PDF letter into classified lines (body, footnote, margin, furniture) per page.

Two backends read the same character records (`glyphs.Glyph`): `pdfium` (pypdfium2,
the default, fast) and `pdfplumber` (pdfminer, the reference). Choose one with the
`backend` argument, `MHEXTRACT_PDF_BACKEND` or `mhextract parse --pdf-backend`. The
layout analysis after that is shared, so both give the same lines:

1. per page: glyphs -> rows -> segments, superscripts found and attached (`segments`);
2. over the document: page numbers and running headers (furniture) and the margin
   column (`classify`), then the body size as the size with the most characters;
3. per page: lines, the footnote zone at the bottom (`footnotes`), text (`text`).

Output conventions: footnote markers (raised digits) are the lines' `markers`, at the
offset after the text they were glued to (`jl.`); a footnote's first line carries its
number in `note` and the text without it; an empty line of the same kind marks a paragraph
break; line-end hyphens are kept (as `-`, whatever hyphen the producer drew).
Pages are read one at a time and closed, so memory stays flat on long documents.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from mhextract.errors import IngestError
from mhextract.ingest.pdf.classify import Page, mark_margin, mark_page_numbers, mark_repeated
from mhextract.ingest.pdf.footnotes import FootnoteState, mark_footnotes
from mhextract.ingest.pdf.glyphs import PageGlyphs
from mhextract.ingest.pdf.lines import Line, page_lines, raw_lines
from mhextract.ingest.pdf.segments import attach_superscripts, mark_raised, rows, segments
from mhextract.ingest.raw import RawLetter

Backend = Literal["pdfium", "pdfplumber"]
BACKENDS: tuple[Backend, ...] = ("pdfium", "pdfplumber")
ENV_BACKEND = "MHEXTRACT_PDF_BACKEND"


def default_backend() -> Backend:
    """The backend named by MHEXTRACT_PDF_BACKEND, else pdfium."""
    name = os.environ.get(ENV_BACKEND, "").strip().lower() or "pdfium"
    if name not in BACKENDS:
        raise ValueError(f"unknown PDF backend {name!r} (choose from {', '.join(BACKENDS)})")
    return name


def page_reader(backend: Backend) -> Callable[[Path, bytes], Iterator[PageGlyphs]]:
    """The page iterator of a backend."""
    if backend == "pdfium":
        from mhextract.ingest.pdf.pdfium_backend import iter_pages
    elif backend == "pdfplumber":
        from mhextract.ingest.pdf.plumber_backend import iter_pages
    else:
        raise ValueError(f"unknown PDF backend {backend!r} (choose from {', '.join(BACKENDS)})")
    return iter_pages


def analyse_page(glyphs: PageGlyphs) -> Page:
    """One page's glyphs as segments with superscripts marked and attached."""
    segs = [s for i, row in enumerate(rows(glyphs.glyphs)) for s in segments(glyphs.number, i, row)]
    segs = attach_superscripts(segs)
    for s in segs:
        mark_raised(s)
        s.freeze()
    return Page(glyphs.number, glyphs.width, glyphs.height, segs, glyphs.rules)


def body_size(pages: list[Page]) -> float:
    """The body font size: the size with the most characters of body text."""
    sizes: Counter[float] = Counter()
    for p in pages:
        for s in p.segs:
            if s.kind == "body":
                sizes.update(s.sizes)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def read_pdf(path: Path, data: bytes, sha256: str, backend: Backend | None = None) -> RawLetter:
    """Read a PDF letter into classified lines (body, footnote, margin, furniture) per page."""
    pages = [analyse_page(g) for g in page_reader(backend or default_backend())(path, data)]
    if not any(p.segs for p in pages):
        raise IngestError(path, "PDF has no text layer (scanned image?); run OCR first")
    mark_page_numbers(pages)
    mark_margin(pages)
    mark_repeated(pages)
    size = body_size(pages) or 10.0
    state = FootnoteState()
    lines: list[Line] = []
    for page in pages:
        found = page_lines(page)
        mark_footnotes(found, page, size, state)
        lines += found
    return RawLetter(str(path), "pdf", sha256, raw_lines(lines), pages=len(pages))
