"""Sentences of a letter, cut once for every extractor, with the one abbreviation list of `models/`.

Paragraphs split at blank lines; inside a paragraph a sentence ends at `.`, `!` or `?`
(closing brackets and quotes included) before whitespace and a capital, digit, opening
bracket, quote or footnote marker, except after an abbreviation of
`models/abbreviations.json` (`nr.`, `jl.`, `z.s.m.`) or a capital initial (`E.`, `Th.`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from mhextract.paths import load_json

DATA_FILE = "abbreviations.json"
_BOUNDARY = re.compile(r"[.!?]+[)\]\"'’”»]*\s+(?=[A-ZÀ-Ý0-9(«\"'‘“¹²³⁴⁵⁶⁷⁸⁹])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_INITIAL = re.compile(r"(?:[A-Z][a-z]?\.)+")


@dataclass(frozen=True)
class Sentence:
    """One sentence: offsets (surrounding whitespace excluded, final punctuation kept) and its paragraph."""

    start: int
    end: int
    paragraph: int


@cache
def abbreviations() -> frozenset[str]:
    """The abbreviations of models/abbreviations.json, lowercased."""
    return frozenset(a.lower() for a in load_json(DATA_FILE)["abbreviations"])


def is_abbreviation(token: str) -> bool:
    """True when `token` (a word with its final stop) is an abbreviation or an initial: no sentence ends after it."""
    lowered = token.lower()
    return (lowered in abbreviations() or lowered.rstrip(".") in abbreviations()
            or _INITIAL.fullmatch(token) is not None)


def _ends_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` ends an abbreviation or an initial."""
    start = stop
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([":
        start -= 1
    return is_abbreviation(text[start : stop + 1])


class Sentences(tuple[Sentence, ...]):
    """A text's sentences in order, with a lookup by offset."""

    @cached_property
    def starts(self) -> list[int]:
        return [s.start for s in self]

    def at(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding offset `pos`; the whitespace after a sentence counts as
        its own (before the first sentence: the text up to it)."""
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return 0, self[0].start if self else pos
        return self[i].start, self[i].end

    def before(self, end: int) -> list[Sentence]:
        """The sentences that start before offset `end`."""
        return list(self[: bisect_right(self.starts, end - 1)])


@lru_cache(maxsize=8)
def split_sentences(text: str) -> Sentences:
    """The sentences of `text`, left to right (cached per text: every extractor asks for them)."""
    return find_sentences(text)


def find_sentences(text: str) -> Sentences:
    """`split_sentences` uncached: for the many short texts (paragraphs) that would push letters out."""
    sentences: list[Sentence] = []
    starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for index, (p_start, p_end) in enumerate(zip(starts, ends, strict=True)):
        cursor = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            if m.group().startswith(".") and m.group().count(".") == 1 and _ends_abbreviation(text, m.start()):
                continue
            _add(sentences, text, cursor, m.end(), index)
            cursor = m.end()
        _add(sentences, text, cursor, p_end, index)
    return Sentences(sentences)


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))
