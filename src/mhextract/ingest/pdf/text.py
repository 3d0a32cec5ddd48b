"""Characters -> text: spaces from wide gaps (the backends drop space glyphs), raised digits as markers, hyphens.

Hyphens: U+2010 and U+2011 (Chromium's line-end and non-breaking hyphens) are written
as `-`; a soft hyphen (U+00AD) left in the text layer is dropped inside a line (without
opening a gap) and written as `-` where it ends a line, so the normaliser undoes the
break like any other line-end hyphen.
"""

from __future__ import annotations

import itertools
import unicodedata
from typing import Protocol

from mhextract.ingest.lines import marker

_JOIN_MARKERS = marker(0)[-1] + marker(0)[0]  # between two adjacent digit tokens: one marker of both digits
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
SHY = "\u00ad"
# A gap wider than the line's usual letter gap by this share of the font size is a word space
# (a normal space is 0.25-0.28 em, less ~0.05 em where kerning pulls the next letter in).
SPACE_EM = 0.12


class CharLike(Protocol):
    """What text assembly reads of a character."""

    text: str
    x0: float
    x1: float
    size: float
    raised: bool


def plain(chars: list[CharLike], presorted: bool = False) -> str:
    """Text of characters with spaces only at wide gaps, no raised characters."""
    return text_of([c for c in chars if not c.raised], superscript=False, presorted=presorted)


def text_of(chars: list[CharLike], superscript: bool = True, presorted: bool = False) -> str:
    """Assemble characters into text: spaces at wide gaps, a run of raised digits as a marker token
    (`lines.marker`, a field of the line once it is a RawLine) glued to the word before.

    A gap is a word space when it exceeds the line's usual letter gap by SPACE_EM of the
    font size: kerning (`A` after a space pulls in ~0.05 em) and letter-spacing (every
    gap wider by the same amount) then neither hide nor invent a space.
    """
    ordered = chars if presorted else sorted(chars, key=lambda c: c.x0)
    if not ordered:
        return ""
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(ordered)]
    usual = 0.0
    if len(gaps) >= 5:
        usual = max(0.0, sorted(gaps)[len(gaps) // 2])
    last = len(ordered) - 1
    out: list[str] = []
    prev: CharLike | None = None
    for i, c in enumerate(ordered):
        text = c.text
        space = False
        if prev is not None:
            em = c.size if c.size > prev.size else prev.size
            space = gaps[i - 1] - usual > SPACE_EM * em
        if text == SHY:
            if i != last:
                prev = c  # the next glyph starts where the soft hyphen ends: no gap
                continue
            text = "-"
        if c.raised and superscript and text.isdigit():
            text = "".join(marker(unicodedata.digit(d)) for d in text)
            if prev is not None and not prev.raised:
                space = False
        if space and out:
            out.append(" ")
        out.append(text)
        prev = c
    return "".join(out).strip().translate(HYPHENS).replace(_JOIN_MARKERS, "")
