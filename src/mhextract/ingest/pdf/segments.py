"""Glyphs -> rows -> segments, with superscripts found and attached to the line they belong to.

A row is a set of glyphs on (nearly) one baseline; a segment is a horizontal run of a
row, split at gaps wider than 1.5 em (column gutters, tab stops). A superscript is a
glyph set clearly smaller than its segment and either raised above its baseline or,
when it keeps the baseline (text drawn smaller without a rise), a short run of digits
glued to a word or opening the line: both producers' ways of drawing a footnote marker.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from mhextract.ingest.pdf.glyphs import Glyph
from mhextract.ingest.pdf.text import SPACE_EM, plain, text_of
from mhextract.ingest.raw import LineKind

SUP_SIZE = 0.85  # a superscript is set below this share of its line's size
RISE = 0.12  # ... and raised at least this share of the line's size, or a digit run on the baseline
MAX_MARKER_DIGITS = 3
SEGMENT_GAP_EM = 1.5
DUPLICATE = 1.0  # pt: a copy of a glyph this close is the same glyph drawn twice


Char = Glyph  # the analysis marks superscripts on the backends' records themselves (no copy per character)


@dataclass
class Seg:
    """A horizontal run of characters on one row of a page; geometry cached by `refresh`."""

    page: int
    row: int
    chars: list[Char]
    kind: LineKind = "body"
    ink: list[Char] = field(default_factory=list)
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0
    base: float = 0.0
    # filled by `freeze` when the page is done, after which the characters are dropped
    text: str = ""  # with marker tokens (`lines.marker`) for raised digits
    plain: str = ""  # without them
    lead: str = ""  # the raised digits the segment starts with (a footnote number)
    sizes: Counter[float] = field(default_factory=Counter)  # sizes of non-superscript characters
    all_sizes: Counter[float] = field(default_factory=Counter)
    bold: bool = False  # every character bold
    opens_raised: bool = False  # the first character is a superscript (a footnote number)

    def __post_init__(self) -> None:
        self.refresh()

    def freeze(self) -> None:
        """Keep what the document-level analysis reads (text, sizes, boldness) and drop the characters.

        A page's characters are the bulk of the reader's memory; after this only a few
        numbers and strings per segment stay, so a 200-page letter reads in flat memory.
        """
        chars = self.ink  # in x order
        self.text = text_of(chars, presorted=True)  # type: ignore[arg-type]
        raised = any(c.raised for c in chars)
        self.plain = plain(chars, presorted=True) if raised else self.text  # type: ignore[arg-type]
        for c in chars:
            if not (c.raised and c.text.isdigit()):
                break
            self.lead += c.text
        sizes = [c.size for c in chars]
        self.all_sizes = _count(sizes)
        self.sizes = _count([c.size for c in chars if not c.raised]) if raised else self.all_sizes
        self.bold = all(c.bold for c in chars)
        self.opens_raised = bool(chars) and chars[0].raised
        self.chars = self.ink = []


    def refresh(self) -> None:
        """Recompute the ink, extent, dominant size and baseline after the chars changed (chars in x order)."""
        self.ink = self.chars  # the backends drop whitespace glyphs
        self.x0 = self.ink[0].x0
        self.x1 = max(c.x1 for c in self.ink)
        self.size = dominant([c.size for c in self.ink if not c.raised] or [c.size for c in self.ink])
        floor = self.size * SUP_SIZE
        main = [c.base for c in self.ink if c.size >= floor] or [c.base for c in self.ink]
        self.base = main[0] if main.count(main[0]) == len(main) else statistics.median(main)


def _count(sizes: list[float]) -> Counter[float]:
    """Counter of sizes, quick when they are all the same."""
    if sizes and sizes.count(sizes[0]) == len(sizes):
        return Counter({sizes[0]: len(sizes)})
    return Counter(sizes)


def dominant(sizes: list[float]) -> float:
    """The most common size (sizes are already rounded to a tenth of a point)."""
    if not sizes:
        return 0.0
    first = sizes[0]
    if sizes.count(first) == len(sizes):
        return first
    return Counter(sizes).most_common(1)[0][0]


def rows(chars: list[Char]) -> list[list[Char]]:
    """Group characters into rows of (nearly) the same baseline."""
    out: list[list[Char]] = []
    row: list[Char] = []
    last_base = -1e9
    for c in sorted(chars, key=_by_base):
        tol = 0.2 * c.size
        if c.base - last_base <= (tol if tol < 2.0 else 2.0):
            row.append(c)
        else:
            row = [c]
            out.append(row)
        last_base = c.base
    return out


def _by_base(c: Char) -> float:
    return c.base


def _by_x(c: Char) -> float:
    return c.x0


def segments(page: int, row_id: int, row: list[Char]) -> list[Seg]:
    """Split a row at horizontal gaps wider than 1.5 em (column gutters, tab stops).

    A glyph drawn again within DUPLICATE points of the same glyph just before it (PDF fake
    bold, overprint) is dropped: in x order the copy lands right after the original.
    """
    segs: list[list[Char]] = []
    current: list[Char] = []
    last: Char | None = None
    for c in sorted(row, key=_by_x):
        if last is not None:
            gap = c.x0 - last.x1
            if c.x0 - last.x0 <= DUPLICATE and c.text == last.text and -DUPLICATE <= c.base - last.base <= DUPLICATE:
                continue
            if gap <= SEGMENT_GAP_EM * (c.size if c.size > last.size else last.size):
                current.append(c)
                last = c
                continue
        current = [c]
        segs.append(current)
        last = c
    return [Seg(page, row_id, s) for s in segs]


def attach_superscripts(segs: list[Seg]) -> list[Seg]:
    """Merge short raised small segments (markers) into the line they sit on."""
    hosts = sorted(segs, key=lambda s: s.base)
    kept: list[Seg] = []
    for s in segs:
        host = _host(s, hosts) if len(s.ink) <= 6 else None
        if host is None:
            kept.append(s)
        else:
            host.chars = sorted(host.chars + s.chars, key=lambda c: c.x0)
            host.refresh()
    return kept


def _host(s: Seg, hosts: list[Seg]) -> Seg | None:
    """The larger-type segment a raised small segment belongs to, if any."""
    best = None
    for h in hosts:
        if h is s or h.size * SUP_SIZE < s.size:
            continue
        rise = h.base - s.base
        near = s.x1 >= h.x0 - 0.8 * h.size and s.x0 <= h.x1 + 0.5 * h.size
        if near and RISE * h.size <= rise <= 0.8 * h.size and (best is None or rise < best[0]):
            best = (rise, h)
    return best[1] if best else None


def mark_raised(seg: Seg) -> None:
    """Flag the segment's superscripts: small and raised, or small digit runs on the baseline."""
    size, base = seg.size, seg.base
    small = SUP_SIZE * size
    chars = seg.chars  # in x order
    changed = False
    for i, c in enumerate(chars):
        if c.size > small:
            continue
        if c.base <= base - RISE * size or _marker_digit(chars, i, small):
            c.raised = changed = True
    if changed:
        seg.refresh()


def _marker_digit(chars: list[Char], i: int, small: float) -> bool:
    """Whether a small character on the baseline is part of a short digit run glued to a word (or opening the line)."""
    if not chars[i].text.isdigit():
        return False
    j = i
    while j > 0 and chars[j - 1].size <= small and chars[j - 1].text.isdigit():
        j -= 1
    k = i
    while k + 1 < len(chars) and chars[k + 1].size <= small and chars[k + 1].text.isdigit():
        k += 1
    if k - j + 1 > MAX_MARKER_DIGITS:
        return False
    before = chars[j - 1] if j > 0 else None
    after = chars[k + 1] if k + 1 < len(chars) else None
    if after is not None and after.size <= small:
        return False  # small text continues: a small-type number, not a marker
    return before is None or chars[j].x0 - before.x1 <= SPACE_EM * before.size  # glued to the word before
