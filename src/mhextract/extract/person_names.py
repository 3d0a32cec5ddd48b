"""Full names in running text without a title: `Derk Wiersum`, `Laura van Geest`, `Emile Roemer`.

A full name is a known Dutch first name, surname particles (`van`, `van der`) and one or two
capitalised surname words. The first names come from the lookup lists that ship with the
Dutch de-identification package `deduce` (about 15,000 names, with its own list of first
names that are also common words, which we leave out), read as package data rather than
through deduce's API; the particles are ours (`models/roles.json`). One pass over the
capitalised words of the text, set look-ups only: linear in the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from mhextract.paths import load_json

_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?")
_SURNAME = re.compile(r"[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’]+(?:-[A-ZÀ-ÝĀ-ɏ][a-zà-ÿĀ-ɏ'’]+)?")  # Latin Extended too: `Yeşilgöz`
_GAP = re.compile(r"[ \t]+")


def _deduce_list(*parts: str) -> set[str]:
    """One of deduce's lookup lists (`names/lst_first_name/items.txt`); empty when deduce is missing."""
    try:  # found, not imported: importing deduce (rapidfuzz, docdeid, ...) costs ~40 ms of start-up
        spec = find_spec("deduce")
        if spec is None or not spec.submodule_search_locations:
            return set()
        path = Path(next(iter(spec.submodule_search_locations)), "data", "lookup", "src", *parts)
        return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return set()


@cache
def first_names() -> frozenset[str]:
    """Dutch first names, without those that are also common words (`Bent`, `Art`) or ours to skip."""
    names = _deduce_list("names", "lst_first_name", "items.txt")
    names -= _deduce_list("names", "lst_first_name", "exceptions.txt")
    names -= set(_data()["not_first_names"])
    common = {w.casefold() for w in _deduce_list("whitelist", "lst_common_word", "items.txt")}
    return frozenset(n for n in names if n.casefold() not in common and len(n) > 2)


@cache
def surnames() -> frozenset[str]:
    """Dutch surnames (casefolded), without those that are also common words (deduce's lists)."""
    names = {n.casefold() for n in _deduce_list("names", "lst_surname", "items.txt")}
    common = {w.casefold() for w in _deduce_list("whitelist", "lst_common_word", "items.txt")}
    return frozenset(names - common - _not_surnames())


def is_surname(name: str) -> bool:
    """`Heijnen`, `De Pater-van der Meer`: a capitalised part of the name (not a particle) is a known surname."""
    parts = re.split(r"[\s-]+", name)
    return any(p[:1].isupper() and p.casefold() not in _particles() and p.casefold() in surnames() for p in parts)


@cache
def _data() -> dict[str, list[str]]:
    data: dict[str, list[str]] = load_json("roles.json")["full_names"]
    return data


@cache
def _not_surnames() -> frozenset[str]:
    """Capitalised words that end no name: months, days, bodies' head words, place and title words."""
    return frozenset(w.casefold() for w in _data()["not_surnames"])


@cache
def _particles() -> tuple[str, ...]:
    """Surname particles, longest first (`van der` before `van`)."""
    words: list[str] = load_json("roles.json")["particles"]
    return tuple(sorted({w.lower() for w in words}, key=len, reverse=True))


@cache
def _street_suffixes() -> tuple[str, ...]:
    return tuple(_data()["street_suffixes"])


def _street(word: str) -> bool:
    """`Hannoverstraat`, `Koningsplein`: a street's name, unless the word is also a known surname (`Langstraat`)."""
    folded = word.casefold()
    return any(folded.endswith(s) and len(folded) > len(s) for s in _street_suffixes()) and folded not in surnames()


def _surname_at(text: str, pos: int) -> tuple[int, int] | None:
    """(start, end) of `[particles] Surname[-Surname]` right after a first name ending at `pos`."""
    gap = _GAP.match(text, pos)
    if gap is None:
        return None
    at = gap.end()
    for _ in range(3):  # `van der`, `in 't`: up to three lowercase particles before the surname
        particle = next((p for p in _particles() if text[at: at + len(p)] == p), None)
        after = _GAP.match(text, at + len(particle)) if particle else None
        if after is None:
            break
        at = after.end()
    m = _SURNAME.match(text, at)
    if m is None or m.group(0).casefold() in _not_surnames() or _street(m.group(0)):
        return None
    follows = text[m.end()] if m.end() < len(text) else ""
    if follows.isalpha() or (follows.isdigit() and not _glued_marker(text, m.end())):
        return None  # the word goes on (a letter the pattern does not know): no surname cut out of it
    return at, m.end()


def _glued_marker(text: str, pos: int) -> bool:
    """A footnote marker glued to the name (`Roemer1 (hierna`): one or two digits, then no more digits."""
    digits = re.match(r"\d{1,2}(?!\d)", text[pos:])
    return digits is not None


def find_full_names(text: str, blocked: list[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, name) of each `Firstname [particles] Surname` outside the blocked ranges."""
    names = first_names()
    spans = sorted(blocked or [])
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end of the blocked ranges up to each index, for an overlap test by bisection
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    out: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text):
        if m.group(0) not in names:
            continue
        surname = _surname_at(text, m.end())
        if surname is None:
            continue
        start, end = m.start(), surname[1]
        i = bisect_left(starts, end) - 1  # the last blocked range starting before the name ends
        if i >= 0 and reach[i] > start:
            continue
        out.append((start, end, text[start:end]))
    return out
