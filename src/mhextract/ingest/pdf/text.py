"""Characters -> text: spaces from space glyphs or wide gaps, superscript markers, hyphens normalised.

Hyphens: U+2010 and U+2011 (Chromium's line-end and non-breaking hyphens) are written
as `-`; a soft hyphen (U+00AD) left in the text layer is dropped inside a line (without
opening a gap) and written as `-` where it ends a line, so the normaliser undoes the
break like any other line-end hyphen.
"""

from __future__ import annotations

from typing import Protocol

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
SHY = "\u00ad"
# A gap wider than this share of the font size is a word space even without a space glyph
# (a normal space is 0.25-0.28 em; kerning stays under 0.05 em, letter-spaced digits like `4 2 83675` under it).
SPACE_EM = 0.2


class CharLike(Protocol):
    """What text assembly reads of a character."""

    text: str
    x0: float
    x1: float
    size: float
    space: bool
    raised: bool


def plain(chars: list[CharLike]) -> str:
    """Text of characters with spaces only where the PDF has them or at wide gaps, no superscripts."""
    return text_of([c for c in chars if not c.raised], superscript=False)


def text_of(chars: list[CharLike], superscript: bool = True) -> str:
    """Assemble characters into text: spaces at space glyphs or gaps above SPACE_EM,
    raised digits as superscripts glued to the word before."""
    ordered = sorted(chars, key=lambda c: c.x0)
    last_ink = max((i for i, c in enumerate(ordered) if not c.space), default=-1)
    out: list[str] = []
    prev: CharLike | None = None
    gap_space = False
    for i, c in enumerate(ordered):
        if c.space:
            gap_space = prev is not None
            continue
        if prev is not None and c.x0 - prev.x1 > SPACE_EM * max(c.size, prev.size):
            gap_space = True
        text = c.text
        if text == SHY:
            if i != last_ink:
                prev = c  # the next glyph starts where the soft hyphen ends: no gap
                continue
            text = "-"
        if superscript and c.raised and text.isdigit():
            text = text.translate(SUPERSCRIPT)
            if prev is not None and not prev.raised:
                gap_space = False
        if gap_space and out:
            out.append(" ")
        out.append(text)
        gap_space = False
        prev = c
    return "".join(out).strip().translate(HYPHENS)
