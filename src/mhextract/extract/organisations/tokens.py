"""Word tests on the tokens the organisation matchers read (the pipeline's own, see analysis.tokenizer)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from functools import cache
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import IDX, LENGTH, LOWER, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from mhextract.analysis.extensions import doc_text
from mhextract.extract.organisations.wordlists import word_set

_SENTENCE_END = {".", "!", "?", ":", ";", "•"}


def tokens_where(doc: Doc, attr: int, keep: Callable[[str], bool]) -> list[int]:
    """Indices (ascending) of the tokens whose `attr` string (ORTH, LOWER) passes `keep`; each distinct
    string is tested once per process (the answers are kept by string hash, which no vocabulary changes),
    and no Token objects are made: a cheap filter before a loop over tokens."""
    values = doc.to_array(attr).tolist()  # (numpy.unique and isin would load numpy.ma: 9 ms of a one-letter run)
    answers = _answers(attr, keep)
    distinct = set(values)
    new = distinct - answers.seen
    if new:
        answers.learn(new, doc.vocab.strings, keep)
    wanted = distinct & answers.kept
    if not wanted:
        return []
    return [i for i, value in enumerate(values) if value in wanted]


def tokens_ending_with(doc: Doc, endings: tuple[str, ...], keep: Callable[[str], bool], lower: bool) -> list[int]:
    """`tokens_where(doc, LOWER if lower else ORTH, keep)` for a `keep` that holds only for strings ending in
    one of `endings`: the tokens are found from the endings' occurrences in the text (`str.find`)."""
    text = doc_text(doc)
    hay = text.lower() if lower else text
    if len(hay) != len(text):  # lowercasing moved characters (`İ`): read the tokens instead
        return tokens_where(doc, LOWER if lower else ORTH, keep)
    offsets = offsets_of(doc)
    found: set[int] = set()
    for ending in filter(None, endings):
        at = hay.find(ending)  # `str.find` per ending: faster than one regex of them all
        while at >= 0:
            end = at + len(ending)
            i = bisect_right(offsets.starts, end - 1) - 1
            if i >= 0 and offsets.ends[i] == end:
                found.add(i)
            at = hay.find(ending, at + 1)
    return [i for i in sorted(found) if keep(doc[i].lower_ if lower else doc[i].text)]


class _Answers:
    """`keep`'s answers so far: the string hashes seen and those kept."""

    LIMIT = 1_000_000  # hashes remembered before starting afresh (a long batch of ever new words)

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.kept: set[int] = set()

    def learn(self, values: set[int], strings: StringStore, keep: Callable[[str], bool]) -> None:
        """Ask `keep` about new hashes."""
        if len(self.seen) + len(values) > self.LIMIT:
            self.seen.clear()
            self.kept.clear()
        self.seen |= values
        self.kept |= {value for value in values if keep(strings[value])}


@cache  # cleared with the other derived data when a pipeline's saved data is restored
def _answers(attr: int, keep: Callable[[str], bool]) -> _Answers:
    return _Answers()


class Offsets:
    """The character offsets of a doc's tokens, read at once: token ranges of character spans (as
    `doc.char_span(start, end, alignment_mode="expand")`) and spans' offsets, without making a Span each."""

    def __init__(self, doc: Doc) -> None:
        columns = doc.to_array([IDX, LENGTH]).astype(numpy.int64).T if len(doc) else numpy.zeros((2, 0))
        self.starts: list[int] = columns[0].tolist()
        self.ends: list[int] = (columns[0] + columns[1]).tolist()  # the end of each token's text (before its space)
        self.size = len(doc_text(doc))

    def expand(self, start: int, end: int) -> tuple[int, int] | None:
        """(first token, token after the last) of the tokens the characters [start, end) touch, the space
        after a token not counted as touching it; None where `char_span` gives None."""
        first, last = self._token_at(start), self._token_at(end - 1)
        if first < 0 or last < 0:
            return None
        return (first + 1 if start == self.ends[first] else first), last + 1

    def _token_at(self, char: int) -> int:
        """The token whose text or following space holds `char`, or -1."""
        return bisect_right(self.starts, char) - 1 if 0 <= char < self.size else -1


_OFFSETS: WeakKeyDictionary[Doc, Offsets] = WeakKeyDictionary()


def offsets_of(doc: Doc) -> Offsets:
    """The doc's `Offsets`, read once per doc (reading a doc's arrays costs ~0.1 ms per thousand tokens)."""
    found = _OFFSETS.get(doc)
    if found is None:
        found = _OFFSETS[doc] = Offsets(doc)
    return found


def sentence_initial(tok: Token) -> bool:
    """True for the first word of a sentence, paragraph or line."""
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or "\n" in prev.whitespace_ or prev.text in _SENTENCE_END or (
        prev.text.endswith(".") and prev.text[:-1].isdigit()
    )


def is_capword(tok: Token) -> bool:
    """A capitalised word that can be part of a name (not an article, month, ...)."""
    text = tok.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text) and text not in word_set(
        "stop_words"
    )
