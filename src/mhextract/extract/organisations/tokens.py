"""Word tests on the tokens the organisation matchers read (the pipeline's own, see analysis.tokenizer)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import numpy
from spacy.tokens import Doc, Token

from mhextract.extract.organisations.wordlists import word_set

_SENTENCE_END = {".", "!", "?", ":", ";", "•"}


def tokens_where(doc: Doc, attr: int, keep: Callable[[str], bool]) -> list[int]:
    """Indices (ascending) of the tokens whose `attr` string (ORTH, LOWER) passes `keep`; each distinct
    string is tested once, and no Token objects are made: a cheap filter before a loop over tokens."""
    values = doc.to_array(attr)
    strings = doc.vocab.strings
    wanted = [value for value in numpy.unique(values).tolist() if keep(strings[value])]
    return cast(list[int], numpy.flatnonzero(numpy.isin(values, wanted)).tolist()) if wanted else []


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
