"""The shortcuts the organisation finders take give what the slower spaCy and regex calls give."""

from __future__ import annotations

import random
import re

from spacy.attrs import LOWER, ORTH

from mhextract.analysis.patterns import finditer_not_after
from mhextract.analysis.tokenizer import tokenize
from mhextract.extract.organisations.tokens import Offsets, offsets_of, tokens_ending_with, tokens_where

_CHARS = "Ab .-\n\t(x)1/é"


def test_offsets_expand_is_char_span_expand() -> None:
    rng = random.Random(3)
    compared = 0
    for _ in range(2000):
        text = "".join(rng.choice(_CHARS) for _ in range(rng.randint(0, 30)))
        doc = tokenize(text)
        offsets = Offsets(doc)
        assert offsets_of(doc) is offsets_of(doc)
        for _ in range(8):
            start = rng.randint(-2, len(text) + 2)
            end = rng.randint(start + 1, len(text) + 3)
            span = doc.char_span(start, end, alignment_mode="expand")
            assert offsets.expand(start, end) == (None if span is None else (span.start, span.end)), (text, start, end)
            compared += 1
        for i, tok in enumerate(doc):
            assert (offsets.starts[i], offsets.ends[i]) == (tok.idx, tok.idx + len(tok))
    assert compared > 10000


def test_tokens_ending_with_is_tokens_where() -> None:
    rng = random.Random(7)
    endings = ("raad", "ad", "Stichting", "ing")

    def lower_keep(word: str) -> bool:
        return word.endswith(endings) and len(word) > 3

    def orth_keep(word: str) -> bool:
        return word in endings

    words = ["raad", "Jeugdraad", "RAAD", "ad", "Stichting", "stichting", "(raad)", "raad-", "raadad", "İraad", "x"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        doc = tokenize(text)
        assert tokens_ending_with(doc, endings, lower_keep, lower=True) == tokens_where(doc, LOWER, lower_keep), text
        assert tokens_ending_with(doc, endings, orth_keep, lower=False) == tokens_where(doc, ORTH, orth_keep), text


def test_finditer_not_after_is_the_lookbehind_pattern() -> None:
    rng = random.Random(11)
    before = re.compile(r"\w")
    for _ in range(3000):
        word = "".join(rng.choice("ab ") for _ in range(rng.randint(1, 3))).strip() or "a"
        text = "".join(rng.choice("ab -\n") for _ in range(30))
        pattern = re.escape(word) + r"(?!\w)"
        want = [m.span() for m in re.finditer(rf"(?<!\w){pattern}", text)]
        assert [m.span() for m in finditer_not_after(re.compile(pattern), text, before)] == want, (word, text)
