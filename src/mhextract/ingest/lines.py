"""The line conventions every reader writes to, and the readers' vocabulary (`models/formats.json`).

A reader emits blocks of lines separated by blank lines. Structure travels as fields of
the lines (`RawLine.heading`, `bold`, `italic`, `note`), never as markup in the text: a
heading is a line with its level, a wholly bold paragraph has `bold` lines, and each
footnote is one `footnote` line with its number in `note` at the end, and each footnote
marker is an entry of `markers` (offset, number). While a reader assembles a line from
pieces (markup runs, PDF glyphs) it places a marker as a private token (`marker`);
`marked_line` / `LineSink` turn the tokens into the field, so no line a reader hands over
holds one. `LineSink` collects the lines; the OEP XML and HTML readers, the DOCX reader
and the pasted-web reader all write through it.

Plain text (text dumps, markdown, pasted pages) has no markup for a marker: a run of Unicode
superscript digits (`¹²`) is how such a letter writes one, and `read_superscripts` reads each
run as a marker, so those letters take the same path (a run that is not a footnote number,
`m²` in a text file, is read as a marker too, as it always was; structured readers only mark
what their markup says is a footnote reference). Digits glued to a word in a text dump
(`advocaten1`) are not read here: the normaliser infers them against the footnotes it found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from mhextract.analysis.patterns import alternation
from mhextract.ingest.raw import LineKind, RawLine
from mhextract.paths import load_json

# A table cell with more text than this holds prose: the table is layout, not data.
LAYOUT_CELL_CHARS = 250

_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"  # private-use characters: a reader's marker token, never output
MARKER_TOKEN = re.compile("\ue000(\\d+)\ue001")
_SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_RUN = re.compile(f"[{_SUP_DIGITS}]{{1,6}}(?![{_SUP_DIGITS}])(?<![{_SUP_DIGITS}]{{7}})")
_FROM_SUP = str.maketrans(_SUP_DIGITS, "0123456789")
_ANY_SUP = re.compile(f"[{_SUP_DIGITS}]")
SUP_RUN = re.compile(f"[{_SUP_DIGITS}]+")  # superscript digits in plain text (a pasted page's header lines)
_OTHER_SPACE = r"\t\r\f\v\u00a0\u2009\u202f"  # whitespace a line may hold besides the plain space
_ODD_SPACE = re.compile(f"[{_OTHER_SPACE}]")
# A whitespace run other than a single space (which needs no replacing): found by its first character fast.
_WS = re.compile(rf"[ {_OTHER_SPACE}](?:[ {_OTHER_SPACE}]+|(?<! ))")
BR = "\u2028"  # a hard line break (`<br/>`) inside a paragraph of markup, where source newlines are spaces


def markup_text(text: str | None) -> str:
    """Markup text: any whitespace run (newlines included) is one space."""
    return re.sub(r"\s+", " ", text) if text else ""


@cache
def not_marker_after() -> re.Pattern[str]:
    """A word after which a glued number is a real number, not a marker (`nr.2`, `art.18`, `versie 2`),
    ending the searched text (models/markers.json): the one stop-list, for the normaliser and the pasted-page reader."""
    words = alternation(load_json("markers.json")["not_marker_after"])
    return re.compile(rf"(?<![^\W_])(?:{words})\.?\s*$", re.IGNORECASE)


@cache
def vocab() -> dict[str, Any]:
    """The readers' vocabulary (`models/formats.json`)."""
    data: dict[str, Any] = load_json("formats.json")
    return data


# --- output: lines in blocks -----------------------------------------------------------------------------


def clean_line(text: str) -> str:
    """One output line: whitespace runs collapsed, ends trimmed."""
    return _WS.sub(" ", text).strip()


def outer_lines(text: str, head: int, tail: int) -> tuple[list[str], list[str]]:
    """The first `head` and the last `tail` non-empty lines of `text` (split at `\\n`), each as `clean_line`
    gives it, the last ones from the end backwards; only those lines are cleaned (a page's signs are there)."""
    lines = text.split("\n")
    return _non_empty(lines, head), _non_empty(reversed(lines), tail)


def _non_empty(lines: Iterable[str], count: int) -> list[str]:
    out: list[str] = []
    for line in lines:
        if len(out) == count:
            break
        cleaned = clean_line(line)
        if cleaned:
            out.append(cleaned)
    return out


def marker(number: int) -> str:
    """A footnote marker's token while a reader assembles a line (`marked_line` makes it a field)."""
    return f"{_MARK_OPEN}{number}{_MARK_CLOSE}"


def take_markers(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A line's text without its marker tokens, and each marker as (offset in that text, number)."""
    if _MARK_OPEN not in text:
        return text, ()
    out: list[str] = []
    found: list[tuple[int, int]] = []
    size = last = 0
    for m in MARKER_TOKEN.finditer(text):
        out.append(text[last:m.start()])
        size += m.start() - last
        found.append((size, int(m.group(1))))
        last = m.end()
    out.append(text[last:])
    return "".join(out), tuple(found)


def drop_markers(text: str) -> str:
    """Text without marker tokens (a header line or hint, where a marker means nothing)."""
    return MARKER_TOKEN.sub("", text) if _MARK_OPEN in text else text


def has_superscripts(text: str) -> bool:
    """Whether `text` holds a superscript digit (ten substring tests beat a regex scan of a whole letter)."""
    return any(d in text for d in _SUP_DIGITS)


def read_superscripts(text: str) -> str:
    """Plain text's markers: each run of up to six superscript digits (`¹²`) as a marker token."""
    if not _ANY_SUP.search(text):
        return text
    return _SUP_RUN.sub(lambda m: marker(int(m.group(0).translate(_FROM_SUP))), text)


def marked_line(text: str, **fields: Any) -> RawLine:
    """A RawLine from assembled text: marker tokens out of `text`, into `markers`."""
    plain, markers = take_markers(text)
    return RawLine(text=plain, markers=markers, **fields)


@dataclass
class Note:
    """A footnote as a reader found it: its number and its text (one line)."""

    number: int
    text: str


@dataclass
class LineSink:
    """Collects a reader's output: blocks separated by blank lines, footnotes last."""

    lines: list[RawLine] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def block(self, texts: Iterable[str], kind: LineKind = "body", *, bold: bool = False,
              heading: int | None = None) -> None:
        """Add one block of lines (empty lines dropped); blocks never run together."""
        kept = [clean_line(t) for t in texts]
        kept = [t for t in kept if t]
        if not kept:
            return
        if self.lines and self.lines[-1].text:
            self.lines.append(RawLine(text="", kind=kind))
        self.lines.extend(marked_line(t, kind=kind, bold=bold, heading=heading if i == 0 else None)
                          for i, t in enumerate(kept))

    def paragraph(self, text: str, kind: LineKind = "body", *, bold: bool = False) -> None:
        """A paragraph whose hard line breaks (`\\n`) stay separate lines of one block; `bold`: wholly bold."""
        self.block(re.split(f"[\n{BR}]", text), kind, bold=bold)

    def heading(self, text: str, level: int) -> None:
        """A heading: one line carrying its level (1-6)."""
        text = clean_line(re.sub(f"[\n{BR}]", " ", text))
        if text:
            self.block([text], heading=max(1, min(level, 6)))

    def note(self, number: int, text: str) -> None:
        """Remember a footnote; `finish` writes it after the body."""
        text = clean_line(re.sub(f"[\n{BR}]", " ", text))
        if text:
            self.notes.append(Note(number, text))

    def finish(self) -> list[RawLine]:
        """The lines with the footnotes appended as one block of lines, each opening its note (`note`)."""
        if self.notes:
            if self.lines and self.lines[-1].text:
                self.lines.append(RawLine(text="", kind="footnote"))
            self.lines.extend(marked_line(n.text, kind="footnote", note=n.number) for n in self.notes)
        return self.lines

