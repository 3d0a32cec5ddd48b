"""Tokens as the organisation matchers see them: a blank Dutch tokenizer and word tests."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from mhextract.extract.organisations.wordlists import word_set

_SENTENCE_END = {".", "!", "?", ":", ";", "•"}


@cache
def tokenizer() -> Language:
    """Blank Dutch, also splitting `RIEC-verband` and `A/B` so that name parts can match."""
    nlp = spacy.blank("nl")
    infixes = [*cast(Sequence[str], nlp.Defaults.infixes), r"(?<=[^\W_])[-/](?=[^\W\d_])"]
    cast(Any, nlp.tokenizer).infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def tokenize(text: str) -> Doc:
    """Tokens of `text` as our matchers see them."""
    return tokenizer().make_doc(text)


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
