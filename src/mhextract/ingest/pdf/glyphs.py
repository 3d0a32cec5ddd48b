"""The character records both PDF backends produce, so the layout analysis never sees a backend.

A `Glyph` is one drawn character in page space with y growing downwards: its text,
left and right edge (the advance box), baseline (including any text rise), font size
(scaled by the text matrix, to 0.1 pt) and whether its font is bold. A `Rule` is a
thin horizontal line (a footnote separator). The two backends compute the numbers
along different paths; they agree to far below any threshold the layout uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
LIGATURE_CHARS = frozenset("ﬀﬁﬂﬃﬄﬅﬆ")
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
RULE_MAX_HEIGHT = 2.0  # a path no taller than this (pt) ...
RULE_MIN_WIDTH = 20.0  # ... and at least this wide is a rule


class Glyph:
    """One character as drawn (y grows downwards); `raised` is what the layout analysis decides (a superscript)."""

    __slots__ = ("base", "bold", "raised", "size", "text", "x0", "x1")

    def __init__(self, text: str, x0: float, x1: float, base: float, size: float, bold: bool) -> None:
        self.text, self.x0, self.x1, self.base, self.size, self.bold = text, x0, x1, base, size, bold
        self.raised = False

    def astuple(self) -> tuple[str, float, float, float, float, bool]:
        """The record as read (for comparing backends)."""
        return (self.text, self.x0, self.x1, self.base, self.size, self.bold)

    def __repr__(self) -> str:
        return f"Glyph{self.astuple()!r}"


class Rule(NamedTuple):
    """A thin horizontal line: x extent and its y (downwards)."""

    x0: float
    x1: float
    y: float


@dataclass
class PageGlyphs:
    """What a backend reads from one page."""

    number: int
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def make_glyph(text: str, x0: float, x1: float, base: float, size: float, fontname: str) -> Glyph:
    """A Glyph with ligatures spelled out, the baseline to 0.01 pt and the size to 0.1 pt."""
    return Glyph(text.translate(LIGATURES), x0, x1, round(base, 2), round(size, 1), bool(BOLD_FONT.search(fontname)))


def make_rule(x0: float, x1: float, top: float, bottom: float) -> Rule | None:
    """A Rule from a path's box (y downwards), or None when the box is not a thin horizontal line."""
    if bottom - top > RULE_MAX_HEIGHT or x1 - x0 < RULE_MIN_WIDTH:
        return None
    return Rule(x0, x1, round((top + bottom) / 2, 0))
