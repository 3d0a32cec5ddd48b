"""Format detection from content first, the suffix second: a `.txt` may hold markdown or a pasted web page.

- PDF: `%PDF-` header.
- DOCX: a zip package with `word/document.xml` (whatever the suffix); other zip
  packages (OpenDocument, Excel, PowerPoint, .docm-less zips) and OLE2 files (Word
  97-2003 `.doc`) are refused with the list of supported formats.
- OEP XML: an XML document whose root element is an officielebekendmakingen root
  (`officiele-publicatie`, `kamerstuk`, ...); an OEP `metadata.xml` given on its own is
  refused with a pointer to the publication beside it; other XML is refused.
- HTML: an `<!DOCTYPE html>`/`<html` start (or `.html`/`.htm` with tags).
- Pasted web page: plain text with two or more site signatures (tkconv, tweedekamer.nl, OEP).
- Markdown / plain text as before.
"""

from __future__ import annotations

import io
import re
import zipfile
from itertools import islice
from pathlib import Path

from mhextract.errors import IngestError
from mhextract.ingest.raw import Format

_UNSUPPORTED = {
    ".doc": "Word 97-2003 (.doc)",
    ".docm": "macro-enabled Word (.docm)",
    ".dot": "Word 97-2003 template (.dot)",
    ".odt": "OpenDocument text (.odt)",
    ".ods": "OpenDocument spreadsheet (.ods)",
    ".rtf": "RTF",
    ".xls": "Excel",
    ".xlsx": "Excel",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".pages": "Apple Pages",
    ".wpd": "WordPerfect",
    ".epub": "EPUB",
}
SUPPORTED = (
    "PDF (.pdf), Word (.docx), officielebekendmakingen XML (.xml) and HTML (.html/.htm), "
    "plain text (.txt, also text pasted from tweedekamer.nl, officielebekendmakingen.nl or tkconv) "
    "and markdown (.md)"
)
_CONVERT = "; save it as .docx or PDF first"
# Suffixes a directory is searched for: the formats above that we read (given files are always
# tried, whatever their suffix, since detection goes by content first).
LETTER_SUFFIXES = (".pdf", ".txt", ".md", ".markdown", ".docx", ".xml", ".html", ".htm")

# Markdown signals that PDF text dumps never have.
_MARKDOWN_SIGNS = re.compile(
    r"^(#{1,6}\s|\*\*\S|>\s|\*\*\*\S)|<sup>|\*\*\s*$|^\s*[-*]\s+\S.*$", re.MULTILINE
)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+html|<html[\s>])", re.I | re.S)
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # control bytes no text file holds
_ZIP_KINDS = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "Excel (.xlsx)"),
    ("ppt/presentation.xml", "PowerPoint (.pptx)"),
)


def _unsupported(path: Path, kind: str, hint: str = "") -> IngestError:
    return IngestError(path, f"unsupported format: {kind}; supported are {SUPPORTED}{hint}")


def detect_format(path: Path, data: bytes) -> Format:
    """Decide the reader for `data`; raise `IngestError` for formats we do not read."""
    head = data[:1024]
    suffix = path.suffix.lower()
    if head.lstrip().startswith(b"%PDF-"):
        return "pdf"
    if suffix == ".pdf":
        raise IngestError(path, "not a valid PDF (no %PDF header; the file is corrupt or not a PDF)")
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path, data)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _unsupported(path, _UNSUPPORTED.get(suffix, "Word 97-2003 (.doc) or another legacy Office file"),
                           _CONVERT)
    if head.lstrip().startswith(b"{\\rtf"):
        raise _unsupported(path, "RTF", _CONVERT)
    if suffix in _UNSUPPORTED:
        raise _unsupported(path, _UNSUPPORTED[suffix])
    if _looks_binary(data):
        raise IngestError(path, "binary content, not text (is the file corrupt or of another format?)")
    markup = _markup_format(path, data)
    if markup:
        return markup
    if suffix in (".md", ".markdown"):
        return "markdown"
    sample = data[:200_000].decode("utf-8", errors="replace")
    from mhextract.ingest.web import looks_like_web_paste

    if looks_like_web_paste(sample):
        return "web"
    if _has_markdown_signs(sample, 3):
        return "markdown"
    return "text"


def _has_markdown_signs(text: str, needed: int) -> bool:
    """At least `needed` matches of `_MARKDOWN_SIGNS`. Each match holds its own `#`, `*`, `>` or `<`, or is a
    line opening with `-`: with fewer of those, the text is not scanned at all (most letters)."""
    marks = sum(text.count(c) for c in "#*><")
    if marks < needed:
        marks += sum(1 for line in text.split("\n") if line.lstrip().startswith("-"))
    if marks < needed:
        return False
    return sum(1 for _ in islice(_MARKDOWN_SIGNS.finditer(text), needed)) >= needed


def _zip_format(path: Path, data: bytes) -> Format:
    """A zip package is a DOCX when it holds `word/document.xml`; anything else is refused by name."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        kind = "OpenDocument text (.odt)" if b"opendocument" in data[:200] else _UNSUPPORTED.get(path.suffix.lower())
        if kind:
            raise _unsupported(path, kind) from exc
        raise IngestError(path, f"corrupt zip/Office file ({exc}); supported are {SUPPORTED}") from exc
    for member, kind in _ZIP_KINDS:
        if member in names:
            if kind == "docx":
                return "docx"
            raise _unsupported(path, kind)
    if "opendocument" in mimetype:
        raise _unsupported(path, f"OpenDocument ({mimetype.rsplit('.', 1)[-1]})", _CONVERT)
    raise _unsupported(path, _UNSUPPORTED.get(path.suffix.lower(), "a zip archive that is not a Word document"))


def _markup_format(path: Path, data: bytes) -> Format | None:
    """HTML by its start (or suffix), OEP XML by its root element; other XML is refused."""
    from mhextract.ingest.lines import vocab

    if _HTML_START.match(data[:4096].lstrip(b"\xef\xbb\xbf")):
        return "html"
    if path.suffix.lower() in (".html", ".htm", ".xhtml") and re.search(rb"<(?:body|p|div)\b", data[:65536], re.I):
        return "html"
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return None
    from mhextract.ingest.oep_xml import xml_root_name  # lxml is loaded only for markup

    root = xml_root_name(data)
    if root is None:
        return None
    oep = vocab()["oep"]
    if root in oep["xml_roots"]:
        return "xml"
    if root in oep["metadata_roots"]:
        raise IngestError(path, "this is officielebekendmakingen metadata, not a letter; read the publication "
                                "(.xml or .html) beside it, which picks this metadata up")
    if root.lower() == "html":
        return "html"
    raise _unsupported(path, f"XML with root element <{root}> (not an officielebekendmakingen publication)")


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters mean the bytes are not a text letter."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls > max(8, len(sample) // 50)
