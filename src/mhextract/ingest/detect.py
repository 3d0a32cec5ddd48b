"""Format detection from content first, the suffix second: a `.txt` may hold markdown."""

from __future__ import annotations

import re
from pathlib import Path

from mhextract.errors import IngestError
from mhextract.ingest.raw import Format

_UNSUPPORTED = {
    ".doc": "Word 97-2003 (.doc)",
    ".odt": "OpenDocument text (.odt)",
    ".rtf": "RTF",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".pptx": "PowerPoint",
}
SUPPORTED = "PDF (.pdf), plain text (.txt) and markdown (.md)"

# Markdown signals that PDF text dumps never have.
_MARKDOWN_SIGNS = re.compile(
    r"^(#{1,6}\s|\*\*\S|>\s|\*\*\*\S)|<sup>|\*\*\s*$|^\s*[-*]\s+\S.*$", re.MULTILINE
)


def detect_format(path: Path, data: bytes) -> Format:
    """Decide the reader for `data`; raise `IngestError` for formats we do not read."""
    head = data[:1024]
    suffix = path.suffix.lower()
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if suffix == ".pdf":
        raise IngestError(path, "not a valid PDF (no %PDF header; the file is corrupt or not a PDF)")
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        kind = _UNSUPPORTED.get(suffix, "an office/zip document")
        raise IngestError(path, f"unsupported format: {kind}; supported are {SUPPORTED}")
    if suffix in _UNSUPPORTED:
        raise IngestError(path, f"unsupported format: {_UNSUPPORTED[suffix]}; supported are {SUPPORTED}")
    if _looks_binary(data):
        raise IngestError(path, "binary content, not text (is the file corrupt or of another format?)")
    if suffix in (".md", ".markdown"):
        return "markdown"
    sample = data[:200_000].decode("utf-8", errors="replace")
    if len(_MARKDOWN_SIGNS.findall(sample)) >= 3:
        return "markdown"
    return "text"


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean the bytes are not a text letter."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(sample) // 50)
