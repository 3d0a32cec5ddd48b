"""Reading letter files: detect the format from content (and suffix), then one reader per format."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from mhextract.errors import IngestError
from mhextract.ingest.detect import detect_format
from mhextract.ingest.raw import RawLetter, RawLine

if TYPE_CHECKING:
    from mhextract.ingest.pdf import Backend

__all__ = ["RawLetter", "RawLine", "detect_format", "read_letter"]


def read_letter(path: Path | str, pdf_backend: Backend | None = None) -> RawLetter:
    """Read one letter file into lines; raises `IngestError` naming the file and the reason.

    `pdf_backend` chooses the PDF reader ("pdfium", the default, or "pdfplumber"); without
    it `MHEXTRACT_PDF_BACKEND` decides.
    """
    path = Path(path)
    if not path.exists():
        raise IngestError(path, "file not found")
    if path.is_dir():
        raise IngestError(path, "is a directory, not a letter file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise IngestError(path, "file is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    fmt = detect_format(path, data)
    if fmt == "pdf":
        from mhextract.ingest.pdf import read_pdf

        return read_pdf(path, data, sha256, backend=pdf_backend)
    if fmt == "docx":
        from mhextract.ingest.docx import read_docx

        return read_docx(path, data, sha256)
    if fmt == "xml":
        from mhextract.ingest.oep_xml import read_oep_xml

        return read_oep_xml(path, data, sha256)
    if fmt == "html":
        from mhextract.ingest.oep_html import read_oep_html

        return read_oep_html(path, data, sha256)
    if fmt == "web":
        from mhextract.ingest.web import read_web

        return read_web(path, data, sha256)
    from mhextract.ingest.text import read_text

    return read_text(path, data, sha256, fmt)
