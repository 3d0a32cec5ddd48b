"""PhraseMatcher patterns made without tokenising a phrase where the tokenizer's answer is known.

Adding a long name list to a PhraseMatcher tokenises every name, which makes a lexeme for every
new word: ~0.1 s of a one-letter run for the organisation gazetteer. A phrase of words made of
letters only is split by the tokenizer at its spaces and nowhere else (tests check this for every
phrase in models/), so its pattern is the hashes of those words, lowercased for LOWER, as the
tokens' lexemes give them. Any other phrase (`I&W`, `Staten-Generaal`, `(LVR)`) is tokenised.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher

ATTRS = {"LOWER": LOWER, "ORTH": ORTH}


def is_plain(phrase: str) -> bool:
    """True for a phrase of words of letters only, which the tokenizer splits at its spaces only."""
    words = phrase.split()
    return bool(words) and all(w.isalpha() for w in words)


def phrase_hashes(nlp: Language, phrase: str, attr: str) -> tuple[int, ...]:
    """The `attr` (LOWER or ORTH) hashes of the tokens `nlp`'s tokenizer makes of `phrase`."""
    if is_plain(phrase):
        strings = nlp.vocab.strings
        return tuple(strings[w.lower() if attr == "LOWER" else w] for w in phrase.split())
    attr_id = ATTRS[attr]
    return tuple(token.lower if attr_id == LOWER else token.orth for token in nlp.make_doc(phrase))


def token_count(nlp: Language, phrase: str) -> int:
    """How many tokens `nlp`'s tokenizer makes of `phrase`."""
    return len(phrase.split()) if is_plain(phrase) else len(nlp.make_doc(phrase))


def add_hashed(matcher: PhraseMatcher, key: str, patterns: Iterable[tuple[int, ...]]) -> None:
    """`matcher.add(key, ...)` with patterns given as attribute hashes (what `phrase_hashes` gives):
    `PhraseMatcher.add` takes such arrays as well as Docs, though its type stub lists only Docs."""
    matcher.add(key, cast(Any, [list(p) for p in patterns]))
