"""Classified segments -> output lines -> RawLines with paragraph breaks.

Per page, a row's segments of one kind form one line; body, footnote and furniture
lines come first in top-to-bottom order, then the margin column. A vertical gap wider
than the usual line pitch of a kind becomes an empty line of that kind (a paragraph
break).
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from mhextract.ingest.pdf.classify import Page
from mhextract.ingest.pdf.segments import Char, Seg, dominant
from mhextract.ingest.raw import LineKind, RawLine

PARAGRAPH_GAP = 1.45  # a gap above this many line pitches is a paragraph break


@dataclass
class Line:
    """An output line before it becomes a RawLine: its segments joined, with its position."""

    page: int
    base: float
    chars: list[Char]
    kind: LineKind
    text: str = ""
    x0: float = 0.0


def page_lines(page: Page) -> list[Line]:
    """Join each row's segments of one kind into lines (body segments of a row form one line)."""
    by_key: dict[tuple[int, LineKind, int], list[Seg]] = {}
    for i, s in enumerate(page.segs):
        by_key.setdefault((s.row, s.kind, i if s.kind == "furniture" else 0), []).append(s)
    out = []
    for (_, kind, _), segs in by_key.items():
        segs.sort(key=lambda s: s.x0)
        chars = [c for s in segs for c in s.chars]
        base = segs[0].base if len(segs) == 1 else statistics.median(s.base for s in segs)
        out.append(Line(page.number, base, chars, kind, x0=segs[0].x0))
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
        ink = [c for c in ln.chars if not c.space and not c.raised] or [c for c in ln.chars if not c.space]
        size = dominant([c.size for c in ink])
        bold = all(c.bold for c in ink)
        out.append(RawLine(ln.text, ln.kind, ln.page, bold, size))
    return out
