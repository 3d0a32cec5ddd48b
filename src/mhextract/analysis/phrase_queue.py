"""Phrases that wait to be tokenised until a doc could hold them (a lazily filled PhraseMatcher).

Tokenising a long name list makes a lexeme for every new word, which is most of a one-letter
run's start-up (~0.1 s for the organisation gazetteer). A phrase can only match tokens that
contain its longest run of letters, lowercased (`ministerie` for `Ministerie van Financiën`),
as long as the tokenizer never splits between two letters of the phrase (tests check this for
every phrase in models/). So each phrase is filed under that run, and released to its
matcher when the first doc whose tokens hold the run comes by: the matches are those of a
matcher built with every phrase up front.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

from spacy.attrs import LOWER
from spacy.strings import StringStore
from spacy.tokens import Doc

Item = TypeVar("Item", bound=Hashable)

LETTER_RUN = re.compile(r"[^\W\d_]+")


def letter_key(phrase: str) -> str | None:
    """The longest run of letters in the lowercased phrase (the first of equal length), or None."""
    runs = LETTER_RUN.findall(phrase.lower())
    return max(runs, key=len) if runs else None


def letter_runs(text: str) -> list[str]:
    """The runs of letters in a (lowercased) token."""
    return [text] if text.isalpha() else LETTER_RUN.findall(text)


class PhraseQueue(Generic[Item]):
    """Items (a phrase and what to do with it) filed under their phrases' letter keys until `due`.

    Each distinct lowercased token is read once per process: the token hashes seen so far, and of
    those the ones holding a waiting key, are kept (up to LIMIT hashes, then afresh)."""

    LIMIT = 1_000_000

    def __init__(self) -> None:
        self._waiting: dict[str, list[Item]] = {}
        self._now: list[Item] = []  # phrases without letters: released at the first doc
        self._released: set[Item] = set()
        self._seen: set[int] = set()
        self._holding: dict[int, tuple[str, ...]] = {}

    def file(self, item: Item, phrases: Iterable[str]) -> None:
        """Wait with `item` until a doc holds the letter key of one of `phrases` (its forms)."""
        for phrase in phrases:
            key = letter_key(phrase)
            if key is None:
                self._now.append(item)
            else:
                self._waiting.setdefault(key, []).append(item)
        self._seen.clear()  # tokens read before may hold the new keys
        self._holding.clear()

    def due(self, doc: Doc) -> list[Item]:
        """The items whose phrases `doc` could match and that were not released before."""
        if not self._waiting and not self._now:
            return []
        distinct = set(doc.to_array(LOWER).tolist())
        if len(self._seen) > self.LIMIT:
            self._seen.clear()
            self._holding.clear()
        new = distinct - self._seen
        if new:
            self._learn(new, doc.vocab.strings)
        keys = {key for token in distinct & self._holding.keys() for key in self._holding[token]}
        found = [*self._now, *(item for key in keys for item in self._waiting.pop(key, ()))]
        self._now = []
        out: list[Item] = []
        for item in found:
            if item not in self._released:
                self._released.add(item)
                out.append(item)
        return out

    def _learn(self, tokens: set[int], strings: StringStore) -> None:
        """Remember which of these lowercased token hashes hold a waiting key."""
        for token in tokens:
            keys = tuple(run for run in letter_runs(strings[token]) if run in self._waiting)
            if keys:
                self._holding[token] = keys
        self._seen |= tokens

    @property
    def waiting(self) -> int:
        """How many letter keys still wait for a doc."""
        return len(self._waiting)
