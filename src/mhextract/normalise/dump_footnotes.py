"""Footnotes of a text dump (`pdftotext`-like): the numbered blocks at the bottom of a page whose numbers
continue the letter's footnote sequence, so `5 december 2019` in the middle of a page is not footnote 5.

`find_dump_footnotes` sets the kind of the layout's still unknown blocks: `footnote` or `body`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the blocks are `normalise.layout`'s, which calls this module
    from mhextract.normalise.layout import Block

DUMP_FOOTNOTE = re.compile(r"^\s?(\d{1,3})\s+(\S.*)$")  # `12 Kamerstuk 28 638, nr. 1`: a note's number and text


def find_dump_footnotes(blocks: list[Block]) -> None:
    """Mark the numbered blocks at the bottom of each page of a text dump as footnotes."""
    expected = 1
    by_page: dict[int | None, list[int]] = {}
    for i, b in enumerate(blocks):
        by_page.setdefault(b.page, []).append(i)
    for page in sorted(by_page, key=lambda p: p or 0):
        idxs = [i for i in by_page[page] if blocks[i].kind == "unknown"]
        start = _footnote_tail_start(blocks, idxs, expected)
        if start is None:
            for i in idxs:
                blocks[i].kind = "body"
            continue
        for i in idxs:
            if i < start:
                blocks[i].kind = "body"
        expected = _mark_footnote_tail(blocks, [i for i in idxs if i >= start], expected)


_NOTE_CONTINUATION = 400  # characters at most of an unnumbered block that continues a footnote


def _footnote_tail_start(blocks: list[Block], idxs: list[int], expected: int) -> int | None:
    """Earliest block on the page from which every block is a footnote continuing the sequence."""
    for pos, i in enumerate(idxs):
        m = DUMP_FOOTNOTE.match(blocks[i].texts[0])
        if not m or int(m.group(1)) != expected or pos == 0:
            continue  # footnotes stand below some body text of their page (`1 Inleiding` opens a letter)
        if _tail_is_footnotes(blocks, idxs[pos:], expected):
            return i
    return None


def _tail_is_footnotes(blocks: list[Block], idxs: list[int], expected: int) -> bool:
    """Numbers in the tail go up one by one; unnumbered blocks are short continuations."""
    for i in idxs:
        texts = blocks[i].texts
        m = DUMP_FOOTNOTE.match(texts[0])
        if m and int(m.group(1)) == expected:
            expected += 1
        elif len(texts) > 3 or sum(map(len, texts)) > _NOTE_CONTINUATION:
            return False  # a long unnumbered block is body text, not a footnote's continuation
        for text in texts[1:]:
            m2 = DUMP_FOOTNOTE.match(text)
            if m2 and int(m2.group(1)) == expected:
                expected += 1
    return True


def _mark_footnote_tail(blocks: list[Block], idxs: list[int], expected: int) -> int:
    """Mark the tail as footnotes and return the next expected footnote number."""
    for i in idxs:
        blocks[i].kind = "footnote"
        for text in blocks[i].texts:
            m = DUMP_FOOTNOTE.match(text)
            if m and int(m.group(1)) == expected:
                expected += 1
    return expected
