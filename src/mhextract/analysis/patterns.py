"""Regex builders every extractor shares: word-list alternations, tries, required-literal pre-filters.

One place (eyecite's regexes.py idea) instead of a private helper per extractor, so a
word list in `models/` becomes a pattern the same way everywhere: literal, longest
first (a longer phrase wins over its prefix), spaces matching any whitespace where the
text may wrap.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache, lru_cache
from typing import Any


def alternation(words: Iterable[str], *, spaces: bool = False,
                escape: Callable[[str], str] = re.escape) -> str:
    """`a|b|c` of the literal `words` (duplicates dropped), longest first; with `spaces`, a space
    inside a phrase matches any run of whitespace (`tweede\\nkerstdag`)."""
    out = "|".join(escape(w) for w in sorted(set(words), key=len, reverse=True))
    return out.replace(r"\ ", r"\s+") if spaces else out


def whole_words(pattern: str) -> str:
    """`pattern` as a whole word or phrase: no word character right before or after it."""
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def phrase_alternation(phrases: Iterable[str]) -> str:
    """Whole-word `alternation` of literal phrases, longest first, spaces matching any whitespace."""
    return whole_words(alternation(phrases, spaces=True))


def initial_either_case(phrase: str) -> str:
    """A phrase whose words may start in either case (`Motie van`/`motie van`), spaces matching any whitespace."""
    words = []
    for w in phrase.split():
        head = f"[{w[0].upper()}{w[0].lower()}]" if w[0].isalpha() else re.escape(w[0])
        words.append(head + re.escape(w[1:]))
    return r"\s+".join(words)


def either_case_alternation(phrases: Iterable[str]) -> str:
    """`alternation` of phrases whose words may start in either case, longest first."""
    return alternation(phrases, escape=initial_either_case)


def either_case_trie(phrases: Iterable[str]) -> str:
    """`either_case_alternation` as a trie (`[Vv]an(?:\\s+[Dd]e(?:[nr])?)?|...`): the same matches in the same
    order (phrases matching at one place are prefixes of one another, tried longest first), in a pattern
    about half the size, for word lists a grammar repeats many times."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for unit in _either_case_units(phrase):
            node = node.setdefault(unit, {})
        node[""] = {}
    return _trie_branches(trie, escape=lambda unit: unit)


def _either_case_units(phrase: str) -> list[str]:
    """The regex units of `initial_either_case(phrase)`: one per character, `\\s+` per space."""
    units: list[str] = []
    for i, word in enumerate(phrase.split()):
        if i:
            units.append(r"\s+")
        head = f"[{word[0].upper()}{word[0].lower()}]" if word[0].isalpha() else re.escape(word[0])
        units += [head, *(re.escape(c) for c in word[1:])]
    return units


def trie_pattern(words: Iterable[str]) -> str:
    """A regex matching where any of `words` starts, as a trie (`acht(?:tien)?|...`): a scan tries one
    branch per letter at each position instead of every word."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_branches(trie)


def word_alternation(words: Iterable[str], *, trie: bool = True) -> str:
    """`alternation`, or for ASCII words a trie of their lowercase forms (for patterns that ignore
    case): words matching at one place are prefixes of one another, which the trie tries longest first."""
    words = list(words)
    if trie and all(w.isascii() for w in words):
        return trie_pattern({w.lower() for w in words})
    return alternation(words)


def _trie_branches(node: dict[str, Any], escape: Callable[[str], str] = re.escape) -> str:
    """The regex of one trie node: its branches, optional where a word ends at the node."""
    branches = [escape(char) + _trie_branches(child, escape) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{group})?" if "" in node else group


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Literal strings one of which every match of `pattern` contains (`\\bgestand\\s+doen` -> {`gestand`},
    `(?:heb|had)\\s+toegezegd` -> {`toegezegd`}), or None when there are none or the parse tree is unreadable."""
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        return _sequence_literals(list(parser.parse(pattern, flags)), constants)
    except Exception:  # another Python's private parser: no pre-filter, never a wrong one
        return None


def _sequence_literals(items: list[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
    """Required literals of a sequence: the most selective of its literal runs and required parts."""
    options: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is c.LITERAL:
            run += chr(arg)
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        inner = _item_literals(op, arg, c)
        if inner:
            options.append(inner)
    if run:
        options.append(frozenset({run}))
    return max(options, key=lambda o: min(map(len, o)), default=None)


def _item_literals(op: Any, arg: Any, c: Any) -> frozenset[str] | None:
    """Required literals of one part: a group, an alternation (each branch must have some), a repeat
    of at least one; None for anything else (classes, assertions, optional parts)."""
    if op is c.SUBPATTERN:
        return _sequence_literals(list(arg[-1]), c)
    if op is c.ATOMIC_GROUP:
        return _sequence_literals(list(arg), c)
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence_literals(list(branch), c)
            if not found:
                return None  # a branch without a required literal: the alternation has none
            union |= found
        return frozenset(union)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
        return _sequence_literals(list(arg[2]), c)
    return None


_INLINE_IGNORECASE = re.compile(r"\(\?[a-zA-Z-]*i")


@cache
def _needles(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """Literals one of which every match of `pattern` holds, and whether case is ignored (anywhere in
    it: then lowercase ASCII literals, compared with the lowercased text); None when there are none."""
    found = required_literals(pattern.pattern, pattern.flags)
    if not found:
        return None
    if pattern.flags & re.IGNORECASE or _INLINE_IGNORECASE.search(pattern.pattern):
        return (frozenset(n.lower() for n in found), True) if all(n.isascii() for n in found) else None
    return found, False


def scan(pattern: re.Pattern[str], text: str, *, part: re.Pattern[str] | None = None) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, skipped at once when `text` lacks every literal a match needs
    (a letter without `otie` holds no named motion): one substring test instead of a regex scan.
    `part`: a smaller pattern that every match of `pattern` holds a match of (its literals are
    found faster: reading a large pattern's literals costs milliseconds of start-up)."""
    return pattern.finditer(text) if may_match(pattern, text, part=part) else iter(())


DIGIT_RUN = re.compile(r"\d\d*")  # a run of digits; a class first, so a scan skips ahead to the next digit


def starts_of(finder: re.Pattern[str], text: str) -> Iterator[int]:
    """Every offset where `finder` matches, overlapping matches included (a search goes on one character on):
    the places to try a larger pattern at with `finditer_at`."""
    pos = 0
    while (m := finder.search(text, pos)) is not None:
        yield m.start()
        pos = m.start() + 1


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` tried only at `starts` (ascending offsets): exactly its matches when every
    match starts at one of them and none is empty. A pattern led by a lookbehind or an optional part is
    tried at every character by `finditer`; a quick scan for the few places where it can start
    (`\\d\\d*`: a class first, which a scan skips ahead to) and `match` there cost far less."""
    done = 0  # where the last match ended: finditer goes on from there
    for start in starts:
        if start >= done and (m := pattern.match(text, start)) is not None:
            done = max(m.end(), start + 1)
            yield m


def scan_first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """`pattern.search(text)`, skipped at once when `text` lacks every literal a match needs (as `scan`)."""
    return pattern.search(text) if may_match(pattern, text) else None


PREFILTER_AFTER = 60_000  # characters of text before literals are read (about five letters)


class _TextSeen:
    """How much text `may_match` has been asked about, each text counted once, up to a limit."""

    def __init__(self, limit: int) -> None:
        self.limit, self.seen, self.last = limit, 0, ""

    def past_limit(self, text: str) -> bool:
        if self.seen <= self.limit and text is not self.last:
            self.last, self.seen = text, self.seen + len(text)
        return self.seen > self.limit


_PREFILTER_TEXT = _TextSeen(PREFILTER_AFTER)


def may_match(pattern: re.Pattern[str], text: str, *, part: re.Pattern[str] | None = None) -> bool:
    """False when `text` lacks every literal a match of `pattern` (or of `part`, see `scan`) needs.

    Reading a pattern's literals parses it again, which costs about what compiling did: more than the
    filter saves on one letter. So the first PREFILTER_AFTER characters of text are never filtered
    (the matches are the same either way), and a one-letter run does not pay for it."""
    if not _PREFILTER_TEXT.past_limit(text):
        return True
    needles = _needles(part if part is not None else pattern)
    if needles is None:
        return True
    words, folded = needles
    if folded and folds_to_ascii(text):
        return True
    haystack = _lowered(text) if folded else text
    return any(n in haystack for n in words)


@lru_cache(maxsize=2)
def _lowered(text: str) -> str:
    return text.lower()


# The non-ASCII characters an ASCII one matches when case is ignored (CPython's `re`: `ſ` matches `s`, the
# Kelvin sign `k`, `İ` and `ı` match `i`); a test checks this list against every Unicode character.
ASCII_FOLDING = "\u0130\u0131\u017f\u212a"


def folds_to_ascii(text: str) -> bool:
    """True when `text` holds a non-ASCII character that an ASCII one matches when case is ignored
    (`ſ` matches `s` but lowercases to itself): lowercasing then cannot show an ASCII literal absent."""
    return not text.isascii() and any(c in text for c in ASCII_FOLDING)  # four fast `in`s beat one class search


def finditer_not_after(pattern: re.Pattern[str], text: str, before: re.Pattern[str]) -> Iterator[re.Match[str]]:
    r"""The matches of `(?<!B)P` as `finditer` gives them, for `P` = `pattern` and `B` = `before` (one character):
    `P` is searched first and the character before each hit checked after. A pattern that starts with a
    lookbehind is tried at every position of the text; one that starts with literals jumps between them.
    `P` should not match the empty string (an empty match is skipped past by one character)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() and before.match(text, m.start() - 1):
            pos = m.start() + 1  # no match here; one may start at the next position
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1
