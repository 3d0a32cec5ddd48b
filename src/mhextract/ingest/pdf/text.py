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
# A gap wider than the line's usual letter gap by this share of the font size is a word space
# (a normal space is 0.25-0.28 em, less ~0.05 em where kerning pulls the next letter in).
SPACE_EM = 0.12


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
    """Assemble characters into text: spaces at wide gaps, raised digits as superscripts glued to the word before.

    A gap is a word space when it exceeds the line's usual letter gap by SPACE_EM of the
    font size: kerning (`A` after a space pulls in ~0.05 em) and letter-spacing (every
    gap wider by the same amount) then neither hide nor invent a space.
    """
    ordered = sorted(chars, key=lambda c: c.x0)
    last_ink = len(ordered) - 1
    usual = _usual_gap(ordered)
    out: list[str] = []
    prev: CharLike | None = None
    for i, c in enumerate(ordered):
        gap_space = prev is not None and c.x0 - prev.x1 - usual > SPACE_EM * max(c.size, prev.size)
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
        prev = c
    return "".join(out).strip().translate(HYPHENS)


def _usual_gap(ordered: list[CharLike]) -> float:
    """The median gap between neighbouring glyphs of a line (0 for short lines): its letter-spacing."""
    if len(ordered) < 6:
        return 0.0
    gaps = sorted(b.x0 - a.x1 for a, b in zip(ordered, ordered[1:], strict=False))
    return max(0.0, gaps[len(gaps) // 2])
