"""Reading letter files: detect the format from content (and suffix), then one reader per format.

`read_letter` also enforces the bounds of `mhextract.limits` (regular files only, bytes
read, PDF pages and inflated size, characters of text) and cleans what no reader should
pass on: a UTF-16 file is transcoded first, NUL characters are dropped.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from mhextract.errors import IngestError
from mhextract.ingest.detect import detect_format
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.limits import DEFAULT_LIMITS, Limits

if TYPE_CHECKING:
    from mhextract.ingest.pdf import Backend

__all__ = ["RawLetter", "RawLine", "detect_format", "read_letter"]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_letter(path: Path | str, limits: Limits = DEFAULT_LIMITS, pdf_backend: Backend | None = None) -> RawLetter:
    """Read one letter file into lines; raises `IngestError` naming the file and the reason.

    `pdf_backend` chooses the PDF reader ("pdfium", the default, or "pdfplumber"); without
    it `MHEXTRACT_PDF_BACKEND` decides.
    """
    path = Path(path)
    data = read_bytes(path, limits)
    if not data.strip():
        raise IngestError(path, "file is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    raw = _read_format(path, from_utf16(path, data), sha256, limits, pdf_backend)
    for line in raw.lines:
        if "\x00" in line.text:
            line.text = line.text.replace("\x00", "")
    chars = sum(len(line.text) + 1 for line in raw.lines)
    if chars > limits.max_chars:
        raise IngestError(path, f"letter has {chars:,} characters of text, more than the limit of "
                                f"{limits.max_chars:,} (--max-chars)")
    return raw


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, at most `limits.max_bytes`; FIFOs, devices and sockets are refused unless allowed."""
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise IngestError(path, "file not found") from exc
    except (OSError, RuntimeError) as exc:
        raise IngestError(path, f"cannot open file: {getattr(exc, 'strerror', None) or exc}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(path, "is a directory, not a letter file")
    regular = stat.S_ISREG(info.st_mode)
    if not regular and not limits.special_files:
        raise IngestError(path, "not a regular file (a FIFO, device or socket); letters are read from "
                                "regular files only (--special-files reads it anyway)")
    if regular and info.st_size > limits.max_bytes:
        raise IngestError(path, f"file is {info.st_size:,} bytes, more than the limit of "
                                f"{limits.max_bytes:,} (--max-bytes)")
    try:
        with open(path, "rb") as fh:
            data = _read_at_most(fh, limits.max_bytes + 1)
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > limits.max_bytes:
        raise IngestError(path, f"file holds more than the limit of {limits.max_bytes:,} bytes (--max-bytes)")
    return data


def _read_at_most(fh: BinaryIO, limit: int) -> bytes:
    """Up to `limit` bytes, in 1 MB reads (`read(limit)` would allocate all of `limit` at once)."""
    parts: list[bytes] = []
    size = 0
    while size < limit and (part := fh.read(min(1 << 20, limit - size))):
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def from_utf16(path: Path, data: bytes) -> bytes:
    """A UTF-16 file with a byte-order mark, as UTF-8 (so format detection sees text, not binary)."""
    if not data.startswith(_UTF16_BOMS):
        return data
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"cannot decode UTF-16 text: {exc}") from exc


def _read_format(path: Path, data: bytes, sha256: str, limits: Limits, pdf_backend: Backend | None) -> RawLetter:
    """The reader for the detected format."""
    fmt = detect_format(path, data)
    if fmt == "pdf":
        from mhextract.ingest.pdf import read_pdf
        from mhextract.ingest.pdf_limits import check_pdf_limits

        check_pdf_limits(path, data, limits)
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
    if fmt == "markdown":
        from mhextract.ingest.markdown import read_markdown

        return read_markdown(path, data, sha256)
    from mhextract.ingest.text import read_text

    return read_text(path, data, sha256, fmt)
