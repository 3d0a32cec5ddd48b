"""Many whole-text regex scans as one pass over the words: each pattern tried only where it can start.

A pattern such as `(?<!\\w)(?:de|het)\\s+zomer` can only match at a word start, and only where that
word is `de` or `het`. `start_words` reads such first words from the pattern's parse tree (a digit
first counts as the word `0`), and `WordStartScanner` walks the text's words once, trying each
pattern with `match` only at the words it can start with. The result is what `finditer` gives,
match for match: a pattern whose first words cannot be read is scanned with `finditer`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from typing import Any

from mhextract.analysis.patterns import finditer_at, folds_to_ascii, scan, scan_first, trie_pattern

DIGIT = "0"  # stands for every word starting with a decimal digit
_WORD_CHAR = re.compile(r"\w")
_MAX_STEPS = 20000  # parse paths walked per pattern before giving up (a pattern too branchy to read)
_ANY_DIGIT = "\\d"  # `\\d` in a class: any decimal digit
BUILD_AFTER = 60_000  # characters scanned before the first words are read (about five letters)
_MEMO = 4  # texts whose first words are kept (a sentence is searched for several patterns in turn)
_SMALL_CLASS = 16  # a character class of word characters up to this size is expanded, char by char


class _Unreadable(Exception):
    """The pattern's first words cannot be read (it is then scanned as a whole)."""


def start_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The whole words (lowercase; `0` for any word starting with a digit) every match of `pattern` starts
    with, or None when unknown.

    Known only when the pattern starts with a negative lookbehind for a word character or a `\\b` (a match
    starts at a word start: every word listed starts with a word character) and each path then spells
    a word that ends before a non-word character, a `(?!\\w)` or a `\\b`; ASCII only, flags other than
    IGNORECASE/UNICODE make it unknown."""
    pairs = start_word_pairs(pattern)
    return None if pairs is None else frozenset(pairs)


def start_word_pairs(pattern: re.Pattern[str]) -> dict[str, frozenset[str] | None] | None:
    """`start_words`, each with the words that can follow it after whitespace (`de` -> `zomer`, `winter`, ...),
    or None when any word may (the first word not followed by `\\s+` and a readable word)."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        walker = _Walker(constants)
        walker.walk(list(parser.parse(pattern.pattern, pattern.flags)), "", False)
    except (_Unreadable, RecursionError):
        return None
    except Exception:  # another Python's private parser: scan the whole text, never miss a match
        return None
    return walker.keys or None


class _Walker:
    """Walks the parse tree's paths from the start, collecting the first word of each."""

    def __init__(self, c: Any, second: bool = True) -> None:
        self.c = c
        self.keys: dict[str, frozenset[str] | None] = {}  # first word -> the words that may follow it
        self.steps = 0
        self.second = second  # also read the word after a first word (only one level deep)
        self._seconds: dict[tuple[int, ...], frozenset[str] | None] = {}

    def walk(self, items: list[tuple[Any, Any]], prefix: str, guarded: bool) -> None:
        """Follow `items` with the first word spelled so far (`prefix`); `guarded`: a word start is asserted."""
        c = self.c
        for i, (op, arg) in enumerate(items):
            self.steps += 1
            if self.steps > _MAX_STEPS:
                raise _Unreadable
            rest = items[i + 1:]
            if op is c.SUBPATTERN:
                return self.walk([*arg[-1], *rest], prefix, guarded)
            if op is c.ATOMIC_GROUP:
                return self.walk([*arg, *rest], prefix, guarded)
            if op is c.BRANCH:
                for branch in arg[1]:
                    self.walk([*branch, *rest], prefix, guarded)
                return None
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                return self._repeat(op, arg, rest, prefix, guarded)
            if op is c.ASSERT_NOT:
                direction, sub = arg
                if direction < 0 and not prefix and self._excludes_word(sub):
                    guarded = True
                elif direction > 0 and prefix and self._excludes_word(sub):
                    return self._emit(prefix, guarded)
                continue  # another zero-width assertion only narrows the matches
            if op is c.AT and arg is c.AT_BOUNDARY:
                if prefix:  # `\b` after a word character: the word ends here
                    return self._emit(prefix, guarded)
                guarded = True  # `\b` before a word character: a word start
                continue
            if op in (c.ASSERT, c.AT):
                continue
            chars, ends_word = self._chars(op, arg)
            if ends_word:  # a non-word character here ends the word
                if not prefix:
                    raise _Unreadable
                self._emit(prefix, guarded, self._following(rest) if self._is_space([(op, arg)]) else None)
            if not prefix and any(ch.isdecimal() or ch == _ANY_DIGIT for ch in chars):
                self._emit(DIGIT, guarded)
                chars = [ch for ch in chars if not (ch.isdecimal() or ch == _ANY_DIGIT)]
            if _ANY_DIGIT in chars:
                raise _Unreadable  # any digit inside a word: too many words to list
            for ch in chars:
                self.walk(rest, prefix + ch, guarded)
            return None
        raise _Unreadable  # the pattern may end inside a word (or match nothing at all)

    def _repeat(self, op: Any, arg: Any, rest: list[tuple[Any, Any]], prefix: str, guarded: bool) -> None:
        """`x?` forks into skipping and taking `x`; at the first word's start, `x{m,n}` forks into skipping
        (m = 0) and one `x` then `x{m-1,n-1}`; inside it, a longer repeat must start with a non-word char."""
        low, high, sub = arg
        if high == 1 or not prefix:
            if low == 0:
                self.walk(rest, prefix, guarded)
            more = [] if high == 1 else [(op, (max(low - 1, 0), high if high is self.c.MAXREPEAT else high - 1, sub))]
            return self.walk([*sub, *more, *rest], prefix, guarded)
        if self._first_is_word(list(sub)):
            raise _Unreadable
        if low == 0:
            self.walk(rest, prefix, guarded)
        return self._emit(prefix, guarded, self._following(rest) if low >= 1 and self._is_space(list(sub)) else None)

    def _is_space(self, items: list[tuple[Any, Any]]) -> bool:
        """True for one item that matches whitespace only (`\\s`, a space)."""
        c = self.c
        if len(items) != 1:
            return False
        op, arg = items[0]
        if op is c.LITERAL:
            return chr(arg).isspace()
        return op is c.IN and all((k is c.CATEGORY and v is c.CATEGORY_SPACE) or (k is c.LITERAL and chr(v).isspace())
                                  for k, v in arg)

    def _following(self, rest: list[tuple[Any, Any]]) -> frozenset[str] | None:
        """The words that can start `rest` right after whitespace; None when unknown (any)."""
        if not self.second:
            return None
        key = tuple(map(id, rest))
        if key not in self._seconds:
            walker = _Walker(self.c, second=False)
            try:
                walker.walk(list(rest), "", True)  # after whitespace: a word start
                self._seconds[key] = frozenset(walker.keys) if walker.keys else None
            except (_Unreadable, RecursionError):
                self._seconds[key] = None
        return self._seconds[key]

    def _first_is_word(self, items: list[tuple[Any, Any]]) -> bool:
        """True unless the first item surely matches a non-word character."""
        if not items:
            return True
        op, arg = items[0]
        return bool(self._chars(op, arg)[0])

    def _chars(self, op: Any, arg: Any) -> tuple[list[str], bool]:
        """The lowercase word characters one item may match (`_ANY_DIGIT` for `\\d`), and whether it may
        match a non-word character instead."""
        c = self.c
        if op is c.LITERAL:
            ch = chr(arg)
            if not ch.isascii():
                raise _Unreadable
            return ([ch.lower()], False) if _WORD_CHAR.match(ch) else ([], True)
        if op is not c.IN:
            raise _Unreadable
        out: list[str] = []
        other = False
        for kind, value in arg:
            if kind is c.LITERAL:
                ch = chr(value)
                if not ch.isascii():
                    raise _Unreadable
                if _WORD_CHAR.match(ch):
                    out.append(ch.lower())
                else:
                    other = True
            elif kind is c.RANGE and value[1] - value[0] < _SMALL_CLASS and value[1] < 128:
                for v in range(value[0], value[1] + 1):
                    if _WORD_CHAR.match(chr(v)):
                        out.append(chr(v).lower())
                    else:
                        other = True
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                out.append(_ANY_DIGIT)
            elif kind is c.CATEGORY and value in (c.CATEGORY_SPACE, c.CATEGORY_NOT_WORD):
                other = True
            else:
                raise _Unreadable  # a negated or large class: its first words cannot be listed
        if len(out) > _SMALL_CLASS:
            raise _Unreadable
        return sorted(set(out)), other

    def _excludes_word(self, sub: Any) -> bool:
        """True for an assertion's body that is one class holding every word character (`\\w`, `[\\w.,]`)."""
        c = self.c
        items = list(sub)
        return (len(items) == 1 and items[0][0] is c.IN
                and (c.CATEGORY, c.CATEGORY_WORD) in items[0][1] and not any(k is c.NEGATE for k, _ in items[0][1]))

    def _emit(self, key: str, guarded: bool, following: frozenset[str] | None = None) -> None:
        if not guarded:
            raise _Unreadable  # the match may start inside a word
        key = DIGIT if key[0].isdecimal() else key
        if key in self.keys:
            known = self.keys[key]
            following = None if known is None or following is None else known | following
        self.keys[key] = following


class WordStartScanner:
    """`finditer` (`scan`) or `search` of several patterns over one text, from one pass over its words.

    Reading the patterns' first words costs milliseconds, more than it saves on one letter: until
    `build_after` characters have been scanned, the patterns run as they are (same matches either way),
    so a one-letter run does not pay for it."""

    def __init__(self, patterns: Mapping[str, re.Pattern[str]], build_after: int = BUILD_AFTER,
                 prefilter: bool = False, lookahead: bool = False) -> None:
        self.patterns = dict(patterns)
        self.build_after = build_after
        self.prefilter = prefilter  # a pattern run as it is skips a text without its literals (`patterns.scan`)
        # `lookahead`: a first word that every pattern starting with it wants followed by certain words is
        # only listed when one follows (`de` before `leden`, `heer`): fewer words to walk for common first words
        self.lookahead = lookahead
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
            self.words = _first_words_pattern(self.by_word, self._following() if self.lookahead else {})
            self.built = True
        return self

    def _following(self) -> dict[str, frozenset[str]]:
        """Per first word, the words that may follow it, where every pattern starting with it says which."""
        out: dict[str, frozenset[str]] = {}
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
            found = lowered, [(m.start(), DIGIT if m.group().isdecimal() else m.group())
                              for m in self.words.finditer(lowered)]
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


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _next_word(lowered: str, pos: int) -> str:
    """The word after the whitespace at `pos` (`0` for one starting with a digit), or '' when none follows."""
    m = _NEXT_WORD.match(lowered, pos)
    if m is None:
        return ""
    word = m.group(1)
    return DIGIT if word[0].isdecimal() else word


def _first_words_pattern(by_word: Mapping[str, object],
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
