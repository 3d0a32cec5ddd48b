"""Tokens as the organisation matchers see them: a blank Dutch tokenizer and word tests."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, cast

import numpy
import spacy
from spacy.attrs import IDX, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from mhextract.extract.organisations.wordlists import word_set

_SENTENCE_END = {".", "!", "?", ":", ";", "•"}
# The characters our extra infix rule splits at: only a whitespace-free run of text (which a spaCy
# tokenizer splits on its own) that holds one can be tokenized differently from blank Dutch.
_SPLIT_CHAR = re.compile(r"[-/]")


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


@cache
def _blank_rules() -> bytes:
    """The settings of blank Dutch's tokenizer (affix patterns, exceptions), serialised."""
    return cast(bytes, cast(Any, spacy.blank("nl").tokenizer).to_bytes(exclude=["vocab"]))


def is_blank_tokenizer(tok: object) -> bool:
    """True when `tok` tokenizes exactly as blank Dutch does (same affix patterns and exceptions),
    so that its tokens differ from ours only inside runs holding `-` or `/`."""
    try:
        return cast(Any, tok).to_bytes(exclude=["vocab"]) == _blank_rules()
    except Exception:  # not a spaCy Tokenizer, or a token_match that is no regex
        return False


def retokenize(doc: Doc, text: str) -> Doc:
    """Our tokens of `doc` (made by a blank Dutch tokenizer, `text` = doc.text) without tokenizing the
    whole text again: its tokens, with each whitespace-free run that holds `-` or `/` tokenized by ours.
    A spaCy tokenizer handles every such run on its own, so the tokens equal those of `tokenize(text)`;
    they stay in `doc`'s vocabulary (whose words the pipeline's memory zones free), and `doc` itself
    is returned when no run splits differently."""
    if not len(doc):
        return tokenize(text)
    starts = doc.to_array(IDX).tolist()
    spaces = [bool(space) for space in doc.to_array(SPACY).tolist()]
    ends = [start - space for start, space in zip(starts[1:], spaces, strict=False)] + [len(text) - spaces[-1]]
    words = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    changed = False
    runs: list[tuple[int, int]] = []  # token ranges of the runs to split, left to right
    for mark in _SPLIT_CHAR.finditer(text):
        k = bisect_right(starts, mark.start()) - 1
        if runs and k < runs[-1][1]:
            continue  # in the run just found
        first, last = k, k + 1
        while first > 0 and not spaces[first - 1] and not words[first - 1].isspace():
            first -= 1
        while last < len(words) and not spaces[last - 1] and not words[last].isspace():
            last += 1
        runs.append((first, last))
    for first, last in reversed(runs):  # from the end, so that earlier token indices stay valid
        run = text[starts[first] : ends[last - 1]]
        if not _is_run(text, starts[first], ends[last - 1]):
            return tokenize(text)  # tokens not cut where the text's whitespace is: not a tokenizer's Doc
        pieces = [t.text for t in tokenizer().make_doc(run)]
        if pieces != words[first:last]:
            changed = True
            words[first:last] = pieces
            spaces[first:last] = [False] * (len(pieces) - 1) + [spaces[last - 1]]
    return Doc(doc.vocab, words=words, spaces=spaces) if changed else doc


def _is_run(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a whole whitespace-free run of `text`."""
    run = text[start:end]
    return (
        run.split() == [run] and (start == 0 or text[start - 1].isspace()) and (end == len(text) or text[end].isspace())
    )


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
