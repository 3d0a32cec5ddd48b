"""Word tests on the tokens the organisation matchers read (the pipeline's own, see analysis.tokenizer)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import cast

import numpy
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from mhextract.extract.organisations.wordlists import word_set

_SENTENCE_END = {".", "!", "?", ":", ";", "•"}


def tokens_where(doc: Doc, attr: int, keep: Callable[[str], bool]) -> list[int]:
    """Indices (ascending) of the tokens whose `attr` string (ORTH, LOWER) passes `keep`; each distinct
    string is tested once per process (the answers are kept by string hash, which no vocabulary changes),
    and no Token objects are made: a cheap filter before a loop over tokens."""
    values = doc.to_array(attr)
    answers = _answers(attr, keep)
    new = set(values.tolist()) - answers.seen
    if new:
        answers.learn(new, doc.vocab.strings, keep)
    if not answers.kept:
        return []
    return cast(list[int], numpy.flatnonzero(numpy.isin(values, answers.kept_array)).tolist())


class _Answers:
    """`keep`'s answers so far: the string hashes seen and those kept (kept also as an array for `isin`)."""

    LIMIT = 1_000_000  # hashes remembered before starting afresh (a long batch of ever new words)

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.kept: set[int] = set()
        self.kept_array = numpy.zeros(0, dtype=numpy.uint64)

    def learn(self, values: set[int], strings: StringStore, keep: Callable[[str], bool]) -> None:
        """Ask `keep` about new hashes."""
        if len(self.seen) + len(values) > self.LIMIT:
            self.seen.clear()
        self.seen |= values
        kept = {value for value in values if keep(strings[value])}
        if kept - self.kept:
            self.kept |= kept
            self.kept_array = numpy.array(sorted(self.kept), dtype=numpy.uint64)


@cache  # cleared with the other derived data when a pipeline's saved data is restored
def _answers(attr: int, keep: Callable[[str], bool]) -> _Answers:
    return _Answers()


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
