"""Tokenising a whole letter: linear in its length, whatever it holds, and without spaCy's `max_length`.

spaCy's tokenizer strips affixes from a whitespace-free run one at a time, which costs
the square of the run's length (`((((…`, `ECLI:NL:ECLI:NL:…`, a megabyte with no space).
No word is longer than `LONG_RUN` characters, so longer runs are tokenized in pieces of
that size and the Docs joined: the Doc's text is the letter's text, character for
character. `max_length` guards memory of statistical parsers; our bound is `--max-chars`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

LONG_RUN = 120  # longer than any word; a longer URL becomes several tokens (our components read text)
_LONG = re.compile(rf"(?<!\S)\S{{{LONG_RUN + 1},}}")  # tried at run starts only: a fifth faster


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)` in time linear in the text, for texts of any length."""
    if _LONG.search(text) is None:
        return nlp.tokenizer(text)
    pieces: list[str] = []
    pos = 0
    for m in _LONG.finditer(text):
        pieces.append(text[pos : m.start()])
        pieces.extend(text[i : min(i + LONG_RUN, m.end())] for i in range(m.start(), m.end(), LONG_RUN))
        pos = m.end()
    pieces.append(text[pos:])
    docs = [nlp.tokenizer(piece) for piece in pieces if piece]
    return Doc.from_docs(docs, ensure_whitespace=False)
