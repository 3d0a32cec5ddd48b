"""Page furniture and the margin column, decided from the document's own geometry.

- `furniture`: page numbers ("Pagina 1 van 3", "2", "- 2 -") near the top or bottom
  edge, and lines repeated at the same height on most pages there (running headers
  and footers, a trailing number allowed to run with the page number);
- `margin`: segments right of an empty vertical gutter, in a narrow right-hand column
  (the rijksoverheid margin with Directoraat-Generaal, Datum, Ons kenmerk), however the
  producer drew it (a frame, a text box, a table cell, a CSS float or grid).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from functools import cache

from mhextract.ingest.lines import vocab
from mhextract.ingest.pdf.glyphs import Rule
from mhextract.ingest.pdf.segments import Seg


@cache
def page_number() -> re.Pattern[str]:
    """A page number line (`Pagina 2 van 3`, `- 2 -`): formats.json `pdf`."""
    return re.compile(str(vocab()["pdf"]["page_number"]), re.IGNORECASE)


EDGE_ZONE = 0.12  # top and bottom share of the page where running headers and footers live


@dataclass
class Page:
    """A page's segments, rules and size."""

    number: int
    width: float
    height: float
    segs: list[Seg] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def in_edge_zone(seg: Seg, page: Page) -> bool:
    """Whether a segment sits in the top or bottom strip of its page."""
    return seg.base < EDGE_ZONE * page.height or seg.base > (1 - EDGE_ZONE) * page.height


def mark_page_numbers(pages: list[Page]) -> None:
    """Page numbers near the top or bottom edge are furniture; a bare number only as the page's first or last line."""
    for page in pages:
        if not page.segs:
            continue
        top, bottom = min(s.base for s in page.segs), max(s.base for s in page.segs)
        for s in page.segs:
            if not in_edge_zone(s, page):
                continue
            text = s.plain
            if page_number().match(text) and (not text[:1].isdigit() or s.base in (top, bottom)):
                s.kind = "furniture"


def margin_edge(pages: list[Page]) -> float | None:
    """The x where a narrow right-hand margin column starts, if the letter has one.

    A gutter is a run of x positions (right of mid-page) that almost no line crosses:
    at most a tenth of the peak coverage further right, so an occasional straddling
    line (a logo caption) does not hide it.
    """
    segs = [s for p in pages for s in p.segs if s.kind == "body"]
    if not segs:
        return None
    width = max(p.width for p in pages)
    size = int(width) + 2
    diff = [0] * (size + 1)
    for s in segs:  # difference array: +1 where a segment starts, -1 after it ends
        start, end = max(int(s.x0), 0), min(math.ceil(s.x1), size - 1)
        if start <= end:
            diff[start] += 1
            diff[end + 1] -= 1
    cover = list(itertools.accumulate(diff[:size]))
    peak_right = cover[:]
    for x in range(len(cover) - 2, -1, -1):
        peak_right[x] = max(cover[x], peak_right[x + 1])
    x = int(0.45 * width)
    while x < len(cover):
        if cover[x] > max(1, 0.1 * peak_right[x]):
            x += 1
            continue
        end = x
        while end < len(cover) and cover[end] <= max(1, 0.1 * peak_right[x]):
            end += 1
        if end - x >= 12 and _is_margin_column(segs, float(x), float(end), width):
            return float(end) - 0.5
        x = end
    return None


def _is_margin_column(segs: list[Seg], gap_start: float, gap_end: float, width: float) -> bool:
    """Whether the segments right of a gutter form a narrow column beside a wider body column."""
    right = [s for s in segs if s.x0 >= gap_end - 0.5]
    left = [s for s in segs if s.x1 <= gap_start + 0.5]
    if len(right) < 3 or len(left) < 3:
        return False
    right_width = max(s.x1 for s in right) - gap_end
    left_width = gap_start - min(s.x0 for s in left)
    return right_width <= 0.38 * width and right_width < left_width


def mark_margin(pages: list[Page]) -> None:
    """Segments in the right-hand margin column are margin."""
    edge = margin_edge(pages)
    if edge is None:
        return
    for page in pages:
        for s in page.segs:
            if s.kind == "body" and s.x0 >= edge:
                s.kind = "margin"


def mark_repeated(pages: list[Page]) -> None:
    """Lines repeated at the same height near the page edge on most pages are running headers/footers.

    The text must be identical, except for a trailing number that runs with the page
    number (`Tweede Kamer, vergaderjaar 2023–2024, 28 638, nr. 233 2`); lines starting
    with a raised footnote number are never furniture.
    """
    if len(pages) < 2:
        return
    seen: dict[tuple[str, int], list[tuple[float, int, Seg]]] = {}
    for page in pages:
        for s in page.segs:
            if s.kind == "body" and in_edge_zone(s, page) and not s.opens_raised:
                text = s.plain
                for key in {(text, 0), _running_key(text, page.number)}:
                    seen.setdefault(key, []).append((s.base, page.number, s))
    need = max(2, math.ceil(len(pages) / 2))
    for items in seen.values():
        for base, _, _ in items:
            same = [(n, s) for b, n, s in items if abs(b - base) <= 2.0]
            if len({n for n, _ in same}) >= need:
                for _, s in same:
                    s.kind = "furniture"


def _running_key(text: str, page: int) -> tuple[str, int]:
    """What stays the same in a running header on every page: the text, a trailing number as its page offset."""
    m = re.fullmatch(r"(.*?)\s*(\d{1,4})", text)
    return (m.group(1) + "#", int(m.group(2)) - page) if m else (text, 0)
