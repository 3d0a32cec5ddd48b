"""Limits a PDF must meet before it is read: page count and decompressed size (Flate bombs).

`check_pdf_limits` runs before the PDF reader, on the raw bytes: it reads the page count
from the page tree and inflates every non-image stream with a bound (`zlib` `max_length`),
so a small file that inflates to gigabytes is refused using at most `max_page_bytes` of
memory. A file pdfminer cannot parse is left to the reader, which reports it.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path
from typing import Any

from mhextract.errors import IngestError
from mhextract.limits import Limits

_FLATE = {"FlateDecode", "Fl"}


def check_pdf_limits(path: Path, data: bytes, limits: Limits) -> None:
    """Raise `IngestError` if the PDF has more pages than allowed or a page/stream inflates beyond the cap."""
    _check_pages_count(path, _fast_page_count(data), limits)
    try:
        doc = _document(data)
    except Exception:  # broken or encrypted: the reader says which
        return
    _check_pages_count(path, _page_count(doc), limits)
    _check_streams(path, doc, limits.max_page_bytes)
    _check_pages(path, doc, limits.max_page_bytes)


def _check_pages_count(path: Path, pages: int | None, limits: Limits) -> None:
    if pages is not None and pages > limits.max_pages:
        raise IngestError(path, f"PDF has {pages} pages, more than the limit of {limits.max_pages} (--max-pages)")


def _fast_page_count(data: bytes) -> int | None:
    """The page count as pdfium reads it (C, a fraction of a second for 100,000 pages), or None."""
    try:
        import pypdfium2

        doc = pypdfium2.PdfDocument(data)
        try:
            return len(doc)
        finally:
            doc.close()
    except Exception:  # not installed, encrypted, damaged: pdfminer's count below, or the reader's error
        return None


def _document(data: bytes) -> Any:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    return PDFDocument(PDFParser(io.BytesIO(data)))


def _page_count(doc: Any) -> int | None:
    """`/Count` of the page tree root (no page is parsed), or None if it is missing."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(doc.catalog["Pages"]).get("Count"))
    except Exception:
        return None
    return count if isinstance(count, int) else None


def _inflated_size(stream: Any, cap: int) -> int:
    """Bytes a Flate stream inflates to, counting at most `cap + 1` (other filters: its raw size)."""
    from pdfminer.pdftypes import resolve1

    filters = resolve1(stream.attrs.get("Filter") or stream.attrs.get("F"))
    names = [getattr(f, "name", f) for f in (filters if isinstance(filters, list) else [filters])]
    raw = stream.rawdata if stream.rawdata is not None else b""
    if not names or names[0] not in _FLATE:
        return len(raw) if stream.rawdata is not None else 0
    inflater = zlib.decompressobj()
    try:
        return len(inflater.decompress(raw, cap + 1))
    except zlib.error:
        return 0  # damaged: the reader reports it


def _check_streams(path: Path, doc: Any, cap: int) -> None:
    """Every stream that a text reader may inflate (not images) stays under the cap."""
    from pdfminer.pdftypes import PDFStream

    seen: set[int] = set()
    for xref in doc.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                if xref.get_pos(objid)[0] is not None:
                    continue  # inside an object stream, so not a stream itself (and never inflated here)
                obj = doc.getobj(objid)
            except Exception:
                continue
            if not isinstance(obj, PDFStream) or getattr(obj.attrs.get("Subtype"), "name", None) == "Image":
                continue
            if _inflated_size(obj, cap) > cap:
                raise IngestError(path, f"PDF stream {objid} inflates to more than {cap >> 20} MB "
                                        "(a decompression bomb?); refused")


def _check_pages(path: Path, doc: Any, cap: int) -> None:
    """A page's content streams together stay under the cap."""
    from pdfminer.pdfpage import PDFPage

    try:
        for number, page in enumerate(PDFPage.create_pages(doc), start=1):
            total = 0
            for stream in page.contents:
                total += _inflated_size(stream, cap - total)
                if total > cap:
                    raise IngestError(path, f"page {number} inflates to more than {cap >> 20} MB "
                                            "(a decompression bomb?); refused")
    except IngestError:
        raise
    except Exception:
        return
