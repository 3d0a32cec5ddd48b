"""Classified segments -> output lines -> RawLines with paragraph breaks.

Per page, a row's segments of one kind form one line; body, footnote and furniture
lines come first in top-to-bottom order, then the margin column. A vertical gap wider
than the usual line pitch of a kind becomes an empty line of that kind (a paragraph
break).
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

from mhextract.ingest.lines import marked_line
from mhextract.ingest.pdf.classify import Page
from mhextract.ingest.pdf.segments import Seg
from mhextract.ingest.raw import LineKind, RawLine

PARAGRAPH_GAP = 1.45  # a gap above this many line pitches is a paragraph break


@dataclass
class Line:
    """An output line before it becomes a RawLine: a row's segments of one kind, left to right."""

    page: int
    base: float
    segs: list[Seg]
    kind: LineKind
    text: str = ""  # with marker tokens (`lines.marker`)
    note: int | None = None  # the footnote this line opens (`footnotes`)

    @property
    def x0(self) -> float:
        return self.segs[0].x0

    @property
    def plain(self) -> str:
        """The text without raised characters (markers)."""
        return " ".join(s.plain for s in self.segs if s.plain)

    @property
    def lead(self) -> str:
        """The raised digits the line starts with (a footnote number)."""
        return self.segs[0].lead

    @property
    def sizes(self) -> Counter[float]:
        """Character count per font size, superscripts left out unless there is nothing else."""
        sizes: Counter[float] = sum((s.sizes for s in self.segs), Counter())
        return sizes or sum((s.all_sizes for s in self.segs), Counter())

    @property
    def body_sizes(self) -> list[float]:
        """The font sizes of the line's non-superscript characters."""
        return [size for s in self.segs for size in s.sizes]


def page_lines(page: Page) -> list[Line]:
    """Join each row's segments of one kind into lines (body segments of a row form one line)."""
    by_key: dict[tuple[int, LineKind, int], list[Seg]] = {}
    for i, s in enumerate(page.segs):
        by_key.setdefault((s.row, s.kind, i if s.kind == "furniture" else 0), []).append(s)
    out = []
    for (_, kind, _), segs in by_key.items():
        segs.sort(key=lambda s: s.x0)
        base = segs[0].base if len(segs) == 1 else statistics.median(s.base for s in segs)
        text = " ".join(s.text for s in segs if s.text)
        out.append(Line(page.number, base, segs, kind, text))
    return sorted(out, key=lambda ln: (ln.kind == "margin", ln.base))


def _pitch(lines: list[Line], kind: LineKind) -> float | None:
    """The usual distance between consecutive lines of a kind (the lower quartile of gaps)."""
    gaps = []
    for a, b in itertools.pairwise(lines):
        if a.kind == b.kind == kind and a.page == b.page and b.base > a.base:
            gaps.append(b.base - a.base)
    if not gaps:
        return None
    gaps.sort()
    return gaps[len(gaps) // 4]


def raw_lines(lines: list[Line]) -> list[RawLine]:
    """RawLines with an empty line of the same kind wherever the vertical gap shows a paragraph break."""
    pitch = {k: _pitch(lines, k) for k in ("body", "margin", "footnote")}
    out: list[RawLine] = []
    last: dict[LineKind, Line] = {}
    for ln in lines:
        prev = last.get(ln.kind)
        p = pitch.get(ln.kind)
        if prev and p and prev.page == ln.page and ln.base - prev.base > PARAGRAPH_GAP * p:
            out.append(RawLine("", ln.kind, ln.page))
        last[ln.kind] = ln
        sizes = ln.sizes
        size = sizes.most_common(1)[0][0] if sizes else 0.0
        out.append(marked_line(ln.text, kind=ln.kind, page=ln.page, bold=all(s.bold for s in ln.segs), size=size,
                               note=ln.note))
    return out
