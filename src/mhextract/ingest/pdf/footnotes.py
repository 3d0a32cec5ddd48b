"""The footnote zone at the bottom of a page, found from the page's own statistics.

The zone is either the lines under a short separator rule in the lower part of the
page, or the run of lines at the page bottom set clearly smaller than the body font
(the size with the most characters). It starts with a footnote number (superscript
digits, or plain digits followed by a space or tab: the Word/LibreOffice default) or
continues a footnote from the previous page. A footnote's first line carries its
number in `note` and its text without the number, so a continuation line that happens
to start with a number stays distinguishable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mhextract.ingest.lines import MARKER_TOKEN
from mhextract.ingest.pdf.classify import Page
from mhextract.ingest.pdf.lines import Line

PLAIN_FOOTNOTE_START = re.compile(r"^(\d{1,3})\s+\S")
GLUED_FOOTNOTE_START = re.compile(r"^(\d{1,3})(?=[A-Z«(\"'‘“])")  # `2Kamerstukken`: a tab stop right after the number
SMALL = 0.88  # a line is "small type" below this share of the body font size
LOWER_PART = 0.4  # the footnote zone lies below this share of the page height
RULE_MAX_WIDTH = 0.6  # a separator rule is narrower than this share of the page


@dataclass
class FootnoteState:
    """What carries over from page to page: an open footnote and the last number seen."""

    open: bool = False
    last: int = 0


def is_small(line: Line, body_size: float) -> bool:
    """Whether every non-superscript character is set clearly smaller than the body."""
    sizes = line.body_sizes
    return bool(sizes) and max(sizes) <= SMALL * body_size


def footnote_start(line: Line, expected: int, first_in_block: bool) -> int | None:
    """The footnote number a line starts with, or None when it continues a footnote."""
    if line.lead:
        return int(line.lead)
    m = PLAIN_FOOTNOTE_START.match(line.plain)
    if m and (first_in_block or int(m.group(1)) == expected):
        return int(m.group(1))
    m = GLUED_FOOTNOTE_START.match(line.plain)
    if m and int(m.group(1)) == expected:
        return expected
    return None


def _zone_under_rule(body: list[Line], page: Page) -> int | None:
    """Index of the first body line under a separator rule in the lower part of the page, if any."""
    rules = [r for r in page.rules if r.y > LOWER_PART * page.height and r.x1 - r.x0 <= RULE_MAX_WIDTH * page.width]
    for rule in sorted(rules, key=lambda r: -r.y):
        below = [i for i, ln in enumerate(body) if ln.base > rule.y and ln.x0 >= rule.x0 - 20]
        if below and all(ln.base > rule.y for ln in body[below[0] :]):
            return below[0]
    return None


def _small_run(body: list[Line], page: Page, body_size: float) -> int:
    """Index where the run of small-type lines at the bottom of the page starts (len(body) if none)."""
    k = len(body)
    while k > 0 and is_small(body[k - 1], body_size) and body[k - 1].base > LOWER_PART * page.height:
        k -= 1
    return k


def mark_footnotes(lines: list[Line], page: Page, body_size: float, state: FootnoteState) -> None:
    """Mark the footnote zone at the bottom of the page as footnotes; number their first lines."""
    body = [ln for ln in lines if ln.kind == "body"]
    for k in (_zone_under_rule(body, page), _small_run(body, page, body_size)):
        if k is not None and k < len(body) and _mark_run(body[k:], state):
            return
    state.open = False


def _mark_run(run: list[Line], state: FootnoteState) -> bool:
    """Mark a candidate zone as footnotes if it starts a footnote or continues an open one."""
    continuing = state.open
    start = 0 if continuing else None
    for i, ln in enumerate(run):
        if start is None and footnote_start(ln, state.last + 1, True) is not None:
            start = i
            break
    if start is None:
        return False
    state.open = True
    for i, ln in enumerate(run[start:]):
        number = footnote_start(ln, state.last + 1, i == 0 and not continuing)
        ln.kind = "footnote"
        if number is not None:
            state.last = number
            ln.text, ln.note = _footnote_text(ln.text), number
    return True


_NUMBER = re.compile(rf"^(?:{MARKER_TOKEN.pattern}|\d+)\s*")


def _footnote_text(text: str) -> str:
    """A footnote's first line without the number it opens with (raised digits, or plain ones)."""
    return _NUMBER.sub("", text, count=1)
