"""Plain-text and markdown readers: decode the bytes (UTF-8, else per line when UTF-8 and cp1252 are
mixed, else a detected legacy encoding)."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from mhextract.errors import IngestError
from mhextract.ingest.lines import has_superscripts, marked_line, read_superscripts
from mhextract.ingest.raw import Format, RawLetter

# Letters that are not UTF-8 are nearly always Windows-1252 or Latin-1 (Dutch accents, €).
_LEGACY = ("cp1252", "latin_1", "iso8859_15")


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM) first; else the legacy encoding charset-normalizer prefers."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data)
    if mixed is not None:
        return mixed
    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is not None:
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"cannot decode text (not UTF-8, cp1252 or Latin-1): {exc}") from exc


def decode_mixed(data: bytes) -> str | None:
    """A file whose lines are partly UTF-8 and partly Windows-1252 (pasted together), decoded line by
    line; None when no line is non-ASCII UTF-8 (then the whole file is in one legacy encoding)."""
    lines = data.split(b"\n")
    utf8 = 0
    for line in lines:
        if not line.isascii():
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            utf8 += 1
    if not utf8:
        return None
    return "\n".join(_decode_line(line) for line in lines).removeprefix("\ufeff")


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def read_text(path: Path, data: bytes, sha256: str, fmt: Format) -> RawLetter:
    """Split decoded text into lines, superscript digits read as markers; layout is left to the normaliser."""
    text = decode_text(path, data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(path, "file has no text")
    read = read_superscripts if has_superscripts(text) else str  # most letters have none: no search per line
    lines = [marked_line(read(line)) for line in text.split("\n")]
    return RawLetter(path=str(path), format=fmt, sha256=sha256, lines=lines)
