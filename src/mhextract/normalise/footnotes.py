"""Footnotes: split footnote blocks into numbered notes, find their markers, remove the markers.

Markers are the readers' (`RawLine.markers`, carried into `Para.markers`: PDF raised
digits, `<sup>N</sup>`, Word's footnote references, `¹` in a text file) or, in
text dumps, digits glued to the preceding word, punctuation or year (`jl.1`,
`WODC-rapport.2`, `november 20182`). Glued markers are only accepted in
footnote order and before the page bottom where that footnote stands, so a
number that merely looks like a marker is left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from mhextract.analysis.patterns import alternation
from mhextract.ingest.lines import not_marker_after
from mhextract.ingest.raw import RawLine
from mhextract.normalise.layout import Block
from mhextract.normalise.marked import opening_marker
from mhextract.normalise.paragraphs import Para, join_lines
from mhextract.paths import load_json

_START = re.compile(r"^\s*(\d{1,3})(?=\s)\s*")  # `2 text`: a text dump's footnote opening


@dataclass
class Note:
    """One footnote before offsets: its number, lines, page and where it stood among paragraphs."""

    number: int
    lines: list[str] = field(default_factory=list)
    page: int | None = None
    before_para: int = 0  # index of the first body paragraph after the footnote block

    def text(self) -> str:
        return join_lines(self.lines)


def collect_notes(blocks: list[tuple[Block, int]]) -> list[Note]:
    """Footnote blocks (with the paragraph count before each) -> notes in number order.

    A line starting with the next number (the reader's `note`, an opening marker, or a text
    dump's digits) opens a new note; any other line continues the current note, also across
    a page break. Markers inside a footnote's own text are left out of it.
    """
    notes: list[Note] = []
    for block, before in blocks:
        for line in block.lines:
            number, rest = _opening(line)
            text = line.text
            expected = notes[-1].number + 1 if notes else (number or 1)
            opens = number is not None and (number == expected or (not notes and number >= 1))
            if opens and number is not None:
                notes.append(Note(number=number, lines=[rest], page=block.page, before_para=before))
            elif notes:
                notes[-1].lines.append(text)
    return notes


def _opening(line: RawLine) -> tuple[int | None, str]:
    """The note number a footnote line opens with, if any, and its text after that number."""
    if line.note is not None:
        return line.note, line.text
    number = opening_marker(line)
    if number is not None:
        return number, line.text[line.markers[0][0]:].lstrip()
    m = _START.match(line.text)
    return (int(m.group(1)), line.text[m.end():]) if m else (None, line.text)


@dataclass
class Marker:
    number: int
    para: int
    start: int
    end: int


def find_markers(paras: list[Para], notes: list[Note], glued: bool) -> list[Marker]:
    """Locate each note's marker: the readers' (zero-width: not in the text) first; glued digits (text
    dumps, cut out of the text) in note order."""
    markers = [Marker(number, i, at, at) for i, p in enumerate(paras) for at, number in p.markers]
    if not glued:
        return markers
    found = {mk.number for mk in markers}
    candidates = _glued_candidates(paras)
    pos = (0, 0)
    for note in notes:
        if note.number in found:
            continue
        hit = _glued_marker(candidates.get(note.number, []), paras, note, pos)
        if hit:
            markers.append(hit)
            pos = (hit.para, hit.end)
    return sorted(markers, key=lambda mk: (mk.para, mk.start))


# Where a glued marker can stand (after a non-space, non-digit character, or right after a year), as a
# zero-width match so that a run's own start and a marker glued to a year inside it are both seen.
_GLUED = re.compile(r"(?:(?<=[^\s\d\-/+€§°])|(?<=\b(?:19|20)\d\d))(?=([1-9]\d{0,5})(?:[\s,.;:)\]»”]|$))")

_MARKER_START = re.compile("[1-9]")


def _glued_candidates(paras: list[Para]) -> dict[int, list[tuple[int, int]]]:
    """Every place a glued marker can stand, by its number, in text order: one pass over the text."""
    found: dict[int, list[tuple[int, int]]] = {}
    for i, p in enumerate(paras):
        for digit in _MARKER_START.finditer(p.text):  # tried only where a marker's first digit stands
            m = _GLUED.match(p.text, digit.start())
            if m and not not_marker_after().search(p.text[max(0, m.start() - 8) : m.start()]):
                found.setdefault(int(m.group(1)), []).append((i, m.start()))
    return found


def _glued_marker(
    places: list[tuple[int, int]], paras: list[Para], note: Note, pos: tuple[int, int]
) -> Marker | None:
    """The first place of digits equal to the note number glued to text, between `pos` and the note's page end."""
    last = min(max(note.before_para, pos[0] + 1), len(paras))
    at = bisect_left(places, pos)
    if at == len(places) or places[at][0] >= last:
        return None
    para, start = places[at]
    return Marker(note.number, para, start, start + len(str(note.number)))


_GLUED_YEAR = re.compile(r"(?:19|20)\d{3}")


@cache
def _dated_glued_marker() -> re.Pattern[str]:
    months = alternation(load_json("dates.json")["months"])
    return re.compile(rf"\b(?:{months})\s+(?:19|20)\d\d(\d{{1,2}})(?=[\s,.;:)»”]|$)", re.IGNORECASE)


def unlinked_year_markers(paras: list[Para], taken: list[Marker]) -> list[Marker]:
    """Markers glued to a year after a month name (`8 december 20221`) whose footnote text is missing.

    A five- or six-digit "year" after a month name is never a year; the extra digits are a
    footnote marker even when the text (a paste, a cut letter) lost the footnote itself.
    """
    seen = {(mk.para, mk.start) for mk in taken}
    out: list[Marker] = []
    for i, p in enumerate(paras):
        if _GLUED_YEAR.search(p.text) is None:
            continue  # every match holds a year with digits glued on: a quick scan rules most paragraphs out
        for m in _dated_glued_marker().finditer(p.text):
            if (i, m.start(1)) not in seen:
                out.append(Marker(0, i, m.start(1), m.end(1)))
    return out


def remove_markers(paras: list[Para], markers: list[Marker]) -> dict[int, tuple[int, int]]:
    """Cut markers out of paragraph texts; returns number -> (paragraph, offset) of each anchor."""
    anchors: dict[int, tuple[int, int]] = {}
    by_para: dict[int, list[Marker]] = {}
    for mk in markers:
        by_para.setdefault(mk.para, []).append(mk)
    for i, mks in by_para.items():
        text = paras[i].text
        for mk in sorted(mks, key=lambda m: m.start, reverse=True):
            text = text[: mk.start] + text[mk.end:]
        shift = 0
        for mk in sorted(mks, key=lambda m: m.start):
            if mk.number:
                anchors.setdefault(mk.number, (i, mk.start - shift))
            shift += mk.end - mk.start
        paras[i].text = text
    return anchors
