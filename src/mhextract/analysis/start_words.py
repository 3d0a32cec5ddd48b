"""Reading a regex's first words off its parse tree (`(?<!\\w)(?:de|het)\\s+zomer` starts with `de` or `het`).

`start_words` and `start_word_pairs` walk the tree CPython's own `re` parser gives, from the
start, and spell the whole word each path begins with (a digit first counts as the word `0`),
with the words that may follow it; `analysis.word_starts` tries each pattern only there.
An unreadable pattern (another Python's parser, a class too large, flags) gives None.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

DIGIT = "0"  # stands for every word starting with a decimal digit
_WORD_CHAR = re.compile(r"\w")
_MAX_STEPS = 20000  # parse paths walked per pattern before giving up (a pattern too branchy to read)
_ANY_DIGIT = "\\d"  # `\\d` in a class: any decimal digit
_SMALL_CLASS = 16  # a character class of word characters up to this size is expanded, char by char
# Non-ASCII letters a pattern may spell its first word with (`geïnformeerd`, `vóór`): the Latin-1 letters,
# each matched ignoring case only by itself and its other case, both lowercasing to it (a test checks
# this against every Unicode character), so the lowercased text shows the word wherever it matches.
LATIN1_LETTERS = "".join(chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7))


def _readable(ch: str) -> bool:
    """True for a character a first word may be spelled with: ASCII or a Latin-1 letter."""
    return ch.isascii() or ch in LATIN1_LETTERS


class _Unreadable(Exception):
    """The pattern's first words cannot be read (it is then scanned as a whole)."""


def start_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The whole words (lowercase; `0` for any word starting with a digit) every match of `pattern` starts
    with, or None when unknown.

    Known only when the pattern starts with a negative lookbehind for a word character or a `\\b` (a match
    starts at a word start: every word listed starts with a word character) and each path then spells
    a word that ends before a non-word character, a `(?!\\w)` or a `\\b`; ASCII and Latin-1 letters only,
    flags other than IGNORECASE/UNICODE make it unknown."""
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
            if not _readable(ch):
                raise _Unreadable
            return ([ch.lower()], False) if _WORD_CHAR.match(ch) else ([], True)
        if op is not c.IN:
            raise _Unreadable
        out: list[str] = []
        other = False
        for kind, value in arg:
            if kind is c.LITERAL:
                ch = chr(value)
                if not _readable(ch):
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
