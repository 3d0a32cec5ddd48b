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
    bold: bool = False  # bold font (PDF), or the line's paragraph is wholly bold (structured readers)
    size: float | None = None  # font size (PDF), for heading / footnote hints
    # Structure a reader knows, handed over as fields (never as markup in `text`):
    heading: int | None = None  # heading level 1-6 of the line's paragraph (its first line)
    italic: bool = False  # the line's paragraph is wholly italic
    note: int | None = None  # this line opens footnote `note`; `text` is the note's text without its number
    # footnote markers as (offset in `text`, footnote number): the marker stood before `text[offset]`;
    # `text` holds no marker. A marker numbered 0 stood where a reader saw a marker but no number.
    markers: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class LineTraits:
    """How a format lays its lines out, which is all the normaliser asks of the format.

    A new format declares its traits once (`TRAITS`); the normaliser never tests a format's name.
    """

    wrapped: bool = False  # hard-wrapped lines: a block may hold several paragraphs (a title glued on)
    unspaced: bool = False  # paragraphs may follow each other without a blank line
    text_dump: bool = False  # pages and footnotes live only in the text: form feeds or indented page starts,
    # numbered footnotes at a page's bottom, markers as digits glued to a word
    bold_font: bool = False  # `RawLine.bold` is a line's font, not its paragraph's emphasis


TRAITS: dict[str, LineTraits] = {
    "text": LineTraits(wrapped=True, unspaced=True, text_dump=True),
    "web": LineTraits(wrapped=True, unspaced=True),
    "pdf": LineTraits(wrapped=True, bold_font=True),
}  # markdown, docx, html and xml: one block is one paragraph, structure in the lines' fields


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

    @property
    def traits(self) -> LineTraits:
        """The layout traits of this letter's format."""
        return TRAITS.get(self.format, LineTraits())
