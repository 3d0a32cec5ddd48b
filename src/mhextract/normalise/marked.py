"""Text with footnote markers beside it: the edits the normaliser makes, with the markers carried along.

A marker is (offset, number): it stands before `text[offset]` (`RawLine.markers`). Joining
lines into paragraphs strips, joins, dehyphenates and squeezes whitespace; each edit here
returns the new text and the markers moved with it, so a marker stays after the word it
followed (a marker inside a replaced stretch stays inside the replacement, at most at its end).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from mhextract.ingest.raw import RawLine

Marks = list[tuple[int, int]]  # (offset, footnote number), in text order


def strip_marked(text: str, marks: Sequence[tuple[int, int]]) -> tuple[str, Marks]:
    """`text.strip()` with the markers moved (one in the stripped space goes to the nearest end)."""
    kept = text.strip()
    lead = len(text) - len(text.lstrip())
    return kept, [(min(max(o - lead, 0), len(kept)), n) for o, n in marks]


def join_marked(left: str, lmarks: Sequence[tuple[int, int]], right: str, rmarks: Sequence[tuple[int, int]],
                joined: str) -> Marks:
    """The markers of `joined`, made of `left` (perhaps losing its line-end hyphen) and then all of
    `right.lstrip()`: how `paragraphs.join_pair` and a plain `' '` join put two pieces together."""
    rest = right.lstrip()
    start = len(joined) - len(rest)
    lead = len(right) - len(rest)
    keep = min(len(left), start)
    return [(min(o, keep), n) for o, n in lmarks] + [(start + max(o - lead, 0), n) for o, n in rmarks]


def sub_marked(pattern: re.Pattern[str], repl: str, text: str, marks: Sequence[tuple[int, int]]) -> tuple[str, Marks]:
    """`pattern.sub(repl, text)` (a fixed replacement) with the markers moved."""
    if not marks:
        return pattern.sub(repl, text), []
    spans = [m.span() for m in pattern.finditer(text)]
    if not spans:
        return text, list(marks)
    return pattern.sub(repl, text), [(_moved(o, spans, len(repl)), n) for o, n in marks]


def _moved(offset: int, spans: Iterable[tuple[int, int]], size: int) -> int:
    """Where `offset` lands when each span is replaced by `size` characters."""
    shift = 0
    for a, b in spans:
        if b <= offset:
            shift += size - (b - a)
        elif a < offset:
            return a + shift + min(offset - a, size)
        else:
            break
    return offset + shift


def opening_marker(line: RawLine) -> int | None:
    """The number of the footnote marker a line opens with (`¹ text` read from a text file), if any."""
    if line.markers and not line.text[: line.markers[0][0]].strip():
        return line.markers[0][1]
    return None


def without_form_feeds(line: RawLine) -> RawLine:
    """The line with its form feeds removed, its markers moved with the text."""
    text = line.text
    feeds = [i for i, c in enumerate(text) if c == "\f"]
    markers = tuple((o - sum(1 for i in feeds if i < o), n) for o, n in line.markers)
    return replace(line, text=text.replace("\f", ""), markers=markers)
