"""What every reader returns: lines of a letter, per page, with a layout hint.

Readers only read; they do not join lines or interpret the letter. A reader that
knows the layout (PDF geometry) classifies lines as body, footnote, margin or
furniture; a reader that does not (plain text) leaves them `unknown` and
`normalise.layout` classifies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

LineKind = Literal["unknown", "body", "footnote", "margin", "furniture"]
Format = Literal["pdf", "text", "markdown", "docx", "html", "xml", "web"]


@dataclass
class RawLine:
    """One line of text as the source lays it out."""

    text: str
    kind: LineKind = "unknown"
    page: int | None = None
    bold: bool = False
    size: float | None = None  # font size (PDF), for heading / footnote hints


@dataclass
class RawLetter:
    """A letter file read into lines; `pages` is the page count where the format knows it."""

    path: str
    format: Format
    sha256: str
    lines: list[RawLine] = field(default_factory=list)
    pages: int | None = None
    # Metadata the source states outright (e.g. OEP metadata.xml, DOCX core properties):
    # keys of record.Metadata (date as ISO, subject, reference, addressee, sender, kamerstuk)
    # plus "signatories" as "role|name" lines; preferred to what the text says.
    hints: dict[str, str] = field(default_factory=dict)
