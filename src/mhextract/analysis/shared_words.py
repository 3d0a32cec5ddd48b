"""One pass over a letter's words for every scanner of the letter text (dates, references, persons, motions).

Each `WordStartScanner` finds the first words of its patterns in a text with one regex pass;
four of them scan the same letter. A scanner made with `shared=LETTER_TEXT` reads its words
from the union of theirs, found once per text, and keeps its own: a third of the time.
"""

from __future__ import annotations

import re

from mhextract.analysis.word_starts import WordStartScanner, first_words_pattern, words_in

# Texts whose words are kept: the components of a minibatch scan its letters in turn (and dates a copy
# with glued markers masked), so a few minibatches' worth; a very long text is read anew each time.
_MEMO = 32
_MEMO_MAX_CHARS = 200_000


class SharedWords:
    """The union of several scanners' first words, found once per text. A word is listed wherever any
    scanner would list it, so each scanner gets at least what its own pass gives (a word it wants
    followed by certain words is checked again by its `scan`, `candidates` and `search`)."""

    def __init__(self) -> None:
        self.scanners: list[WordStartScanner] = []
        self.pattern: re.Pattern[str] | None = None
        self._memo: dict[str, list[tuple[int, str]]] = {}

    def join(self, scanner: WordStartScanner) -> None:
        """Add a built scanner's first words to the pass."""
        self.scanners.append(scanner)
        self.pattern = None
        self._memo.clear()

    def words(self, lowered: str) -> list[tuple[int, str]]:
        """(offset, word) of every scanner's first words in the lowercased text (`0`: a digit)."""
        if lowered in self._memo:
            return self._memo[lowered]
        if self.pattern is None:
            self.pattern = first_words_pattern(*self._union())
        found = words_in(self.pattern, lowered)
        if len(lowered) <= _MEMO_MAX_CHARS:
            if len(self._memo) >= _MEMO:
                del self._memo[next(iter(self._memo))]  # the oldest
            self._memo[lowered] = found
        return found

    def _union(self) -> tuple[dict[str, None], dict[str, frozenset[str]]]:
        """Every scanner's first words, and the following words of those that every scanner listing them
        wants followed by certain words."""
        by_word: dict[str, None] = {}
        following: dict[str, frozenset[str]] = {}
        free: set[str] = set()  # words some scanner lists wherever they stand
        for scanner in self.scanners:
            own = scanner.following()
            for word in scanner.by_word:
                by_word[word] = None
                if word in own and word not in free:
                    following[word] = following.get(word, frozenset()) | own[word]
                else:
                    free.add(word)
                    following.pop(word, None)
        return by_word, following


LETTER_TEXT = SharedWords()  # the scanners of a whole letter's text (not of its sentences)
