"""Many whole-text regex scans as one pass over the words: each pattern tried only where it can start.

A pattern such as `(?<!\\w)(?:de|het)\\s+zomer` can only match at a word start, and only where that
word is `de` or `het`. `start_words` reads such first words from the pattern's parse tree (a digit
first counts as the word `0`), and `WordStartScanner` walks the text's words once, trying each
pattern with `match` only at the words it can start with. The result is what `finditer` gives,
match for match: a pattern whose first words cannot be read is scanned with `finditer`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from mhextract.analysis.patterns import finditer_at, folds_to_ascii, scan, scan_first, trie_pattern
from mhextract.analysis.start_words import DIGIT, start_word_pairs

if TYPE_CHECKING:
    from mhextract.analysis.shared_words import SharedWords

BUILD_AFTER = 60_000  # characters scanned before the first words are read (about five letters)
_MEMO = 4  # texts whose first words are kept (a sentence is searched for several patterns in turn)


class WordStartScanner:
    """`finditer` (`scan`) or `search` of several patterns over one text, from one pass over its words.

    Reading the patterns' first words costs milliseconds, more than it saves on one letter: until
    `build_after` characters have been scanned, the patterns run as they are (same matches either way),
    so a one-letter run does not pay for it."""

    def __init__(self, patterns: Mapping[str, re.Pattern[str]], build_after: int = BUILD_AFTER,
                 prefilter: bool = False, lookahead: bool = False, shared: SharedWords | None = None) -> None:
        self.patterns = dict(patterns)
        self.build_after = build_after
        self.prefilter = prefilter  # a pattern run as it is skips a text without its literals (`patterns.scan`)
        # `lookahead`: a first word that every pattern starting with it wants followed by certain words is
        # only listed when one follows (`de` before `leden`, `heer`): fewer words to walk for common first words
        self.lookahead = lookahead
        self.shared = shared  # scanners of the same texts read their words in one pass
        self.built = False
        self.starts: dict[str, dict[str, frozenset[str] | None] | None] = {}
        self.by_word: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
        self.whole: list[str] = []  # patterns whose first words are unknown: scanned as a whole
        self.words = re.compile(r"(?!)")
        self._seen = 0
        self._last = ""
        self._memo: dict[str, tuple[str, list[tuple[int, str]]] | None] = {}

    def build(self) -> WordStartScanner:
        """Read every pattern's first words (once)."""
        if not self.built:
            self.starts = {name: start_word_pairs(pattern) for name, pattern in self.patterns.items()}
            for name, pairs in self.starts.items():
                for word, following in (pairs or {}).items():
                    self.by_word.setdefault(word, []).append((name, following))
            self.whole = [name for name, pairs in self.starts.items() if pairs is None]
            if self.shared is None:
                self.words = first_words_pattern(self.by_word, self.following())
            else:
                self.shared.join(self)
            self.built = True
        return self

    def following(self) -> dict[str, frozenset[str]]:
        """Per first word, the words that may follow it, where every pattern starting with it says which
        (only with `lookahead`; else none: every first word is listed wherever it stands)."""
        out: dict[str, frozenset[str]] = {}
        if not self.lookahead:
            return out
        for word, entries in self.by_word.items():
            sets = [following for _, following in entries]
            if word != DIGIT and sets and all(f is not None for f in sets):
                out[word] = frozenset().union(*(f for f in sets if f is not None))
        return out

    def _ready(self, text: str) -> bool:
        """True once the first words are read: when `build_after` characters have been scanned."""
        if not self.built and text is not self._last:  # a text searched for several patterns counts once
            self._last = text
            self._seen += len(text)
            if self._seen > self.build_after:
                self.build()
        return self.built

    def first_words(self, text: str) -> tuple[str, list[tuple[int, str]]] | None:
        """The lowercased text and (offset, word) of each listed first word in it (`0` for a digit), left
        to right; None when lowercasing could hide one (`İ` lowercases to two characters, `ſ` matches `s`).
        The last few texts' words are kept."""
        if text in self._memo:
            return self._memo[text]
        lowered = text.lower()
        found: tuple[str, list[tuple[int, str]]] | None = None
        if len(lowered) == len(text) and not folds_to_ascii(text):
            # lowercasing keeps word boundaries and digits in place (each character stays \w or not)
            if self.shared is None:
                found = lowered, words_in(self.words, lowered)
            else:  # the words of every scanner sharing the pass: keep ours
                found = lowered, [(at, word) for at, word in self.shared.words(lowered) if word in self.by_word]
        if len(self._memo) >= _MEMO:
            self._memo.clear()
        self._memo[text] = found
        return found

    def scan(self, text: str) -> dict[str, list[re.Match[str]]]:
        """Per pattern name, its matches in `text`: exactly `list(pattern.finditer(text))`."""
        first = self.first_words(text) if self._ready(text) else None
        if first is None:
            return {name: self._whole(name, text) for name in self.patterns}
        lowered, words = first
        found: dict[str, list[re.Match[str]]] = {name: [] for name in self.patterns}
        free = dict.fromkeys(self.patterns, 0)  # per pattern, where its next match may start (finditer's position)
        for start, word in words:
            after: str | None = None  # the next word, read when a pattern asks for it
            for name, following in self.by_word[word]:
                if start < free[name]:
                    continue
                if following is not None:
                    if after is None:
                        after = _next_word(lowered, start + len(word))
                    if after not in following:
                        continue
                m = self.patterns[name].match(text, start)
                if m is not None:
                    found[name].append(m)
                    free[name] = m.end()
        for name in self.whole:
            found[name] = self._whole(name, text)
        return found

    def candidates(self, text: str) -> dict[str, list[int]] | None:
        """Per pattern name, the offsets in `text` where `search` would try it, left to right (its listed first
        words there, the word after them checked), from one pass over the words for all patterns at once;
        None when `search` would search the whole text. For `search_at` (many patterns, one text)."""
        first = self.first_words(text) if self._ready(text) else None
        if first is None:
            return None
        lowered, words = first
        out: dict[str, list[int]] = {}
        for start, word in words:
            after: str | None = None
            for name, following in self.by_word[word]:
                if following is not None:
                    if after is None:
                        after = _next_word(lowered, start + len(word))
                    if after not in following:
                        continue
                out.setdefault(name, []).append(start)
        return out

    def search_at(self, name: str, text: str, candidates: dict[str, list[int]] | None) -> re.Match[str] | None:
        """`search(name, text)` given `candidates(text)`: exactly `pattern.search(text)` (a pattern searched
        as a whole is first pre-filtered by its literals, `patterns.scan_first`)."""
        pattern = self.patterns[name]
        if candidates is None or self.starts.get(name) is None:
            return scan_first(pattern, text)
        for start in candidates.get(name, ()):
            m = pattern.match(text, start)
            if m is not None:
                return m
        return None

    def scan_at(self, name: str, text: str, candidates: dict[str, list[int]] | None) -> list[re.Match[str]]:
        """The pattern `name`'s matches in `text` given `candidates(text)`: exactly `list(pattern.finditer(text))`
        (a pattern scanned as a whole is first pre-filtered by its literals, `patterns.scan`)."""
        pattern = self.patterns[name]
        if candidates is None or self.starts.get(name) is None:
            return list(scan(pattern, text))
        return list(finditer_at(pattern, text, candidates.get(name, ())))

    def _whole(self, name: str, text: str) -> list[re.Match[str]]:
        """`finditer` of one pattern over the whole text (pre-filtered by its literals with `prefilter`)."""
        pattern = self.patterns[name]
        return list(scan(pattern, text) if self.prefilter else pattern.finditer(text))

    def search(self, name: str, text: str) -> re.Match[str] | None:
        """The pattern `name`'s first match in `text`: exactly `pattern.search(text)`."""
        pattern, starts = self.patterns[name], self.starts.get(name) if self._ready(text) else None
        first = self.first_words(text) if starts is not None else None
        if first is None or starts is None:
            return pattern.search(text)
        lowered, words = first
        for start, word in words:
            if word in starts:
                following = starts[word]
                if following is not None and _next_word(lowered, start + len(word)) not in following:
                    continue
                m = pattern.match(text, start)
                if m is not None:
                    return m
        return None


def words_in(words: re.Pattern[str], lowered: str) -> list[tuple[int, str]]:
    """(offset, word) of each listed first word that `words` finds in the lowercased text (`0`: a digit)."""
    return [(m.start(), DIGIT if m.group().isdecimal() else m.group()) for m in words.finditer(lowered)]


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _next_word(lowered: str, pos: int) -> str:
    """The word after the whitespace at `pos` (`0` for one starting with a digit), or '' when none follows."""
    m = _NEXT_WORD.match(lowered, pos)
    if m is None:
        return ""
    word = m.group(1)
    return DIGIT if word[0].isdecimal() else word


def first_words_pattern(by_word: Mapping[str, object],
                         following: Mapping[str, frozenset[str]] | None = None) -> re.Pattern[str]:
    """Where a listed first word (lowercase, as a trie) or a digit starts a word, in lowercased text; a word in
    `following` only where one of its following words comes after the whitespace (as `_next_word` reads it)."""
    following = following or {}
    words = [w for w in by_word if w != DIGIT and w not in following]
    branches = [rf"(?:{trie_pattern(words)})(?!\w)"] if words else []
    for word, after in sorted(following.items()):
        nexts = [rf"(?:{trie_pattern(w for w in after if w != DIGIT)})(?!\w)"] if after - {DIGIT} else []
        nexts += [r"\d"] if DIGIT in after else []
        branches.append(rf"{re.escape(word)}(?!\w)(?=\s+(?:{'|'.join(nexts) or '(?!)'}))")
    branches += [r"\d"] if DIGIT in by_word else []
    # every listed word starts with a word character, before which `\b` is `(?<!\w)`: a fifth faster to scan
    return re.compile(rf"(?<!\w)(?:{'|'.join(branches)})" if branches else r"(?!)")
