"""The words around a number, as the figures extractor reads them: unit words, counted nouns, adjectives.

`noun_head` finds what a number counts (`87 fte`, `314 unieke bezoekers`), stepping over adjectives;
the word lists are `models/figures.json`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

from mhextract.extract.numbers import counted_unit
from mhextract.paths import load_json
from mhextract.record.model import Unit

# a word (a glued footnote marker after it is not part of it: `55 procent1`), `%` or one punctuation mark
_TOKEN_RE = re.compile(r"\s*([^\W\d_][\w'’\-]*?(?:(?<![-\d])(?=\d{1,2}(?!\w))|(?=[^\w'’\-]|$))|%|[^\w\s])")


@cache
def figure_data() -> dict[str, Any]:
    """The figures vocabulary from models/figures.json."""
    loaded: dict[str, Any] = load_json("figures.json")
    return loaded


@cache
def lower_set(key: str) -> frozenset[str]:
    """A word list from the data file, lowercased."""
    return frozenset(w.lower() for w in figure_data()[key])


def tokens_after(text: str, pos: int, limit: int) -> list[tuple[str, int, int]]:
    """Up to `limit` tokens (words or single punctuation marks) from `pos`, with offsets."""
    out: list[tuple[str, int, int]] = []
    while len(out) < limit:
        m = _TOKEN_RE.match(text, pos)
        if m is None:
            break
        out.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    return out


def unit_word(word: str) -> Unit | None:
    """The unit a unit word names directly: `fte`, `euro`, `procent`, `%`."""
    w = word.lower().rstrip(".")
    for unit, words in figure_data()["unit_words"].items():
        if w in (x.lower() for x in words):
            return cast(Unit, unit)
    return None


def is_adjective(word: str) -> bool:
    """An inflected or typical adjective (`unieke`, `digitaal`, `OM-geregistreerde`) we may step over."""
    w = word.lower()
    return w in lower_set("pass_words") or any(w.endswith(e) for e in figure_data()["adjective_endings"])


def noun_head(text: str, pos: int) -> tuple[Unit, str, int] | None:
    """The unit word or counted noun after a number: (unit, subject, end), stepping over adjectives."""
    stops = lower_set("stop_words") - lower_set("pass_words")
    passed: list[str] = []
    for i, (word, start, end) in enumerate(tokens_after(text, pos, 5)):
        if i == 0 and word.lower() in lower_set("article_after_number"):
            return None  # `acht het kabinet`, `2 De kern`: an article never follows a count
        if "\n\n" in text[pos:start]:
            return None  # the counted noun stands in the same paragraph as its number
        unit = unit_word(word)
        if unit:
            return unit, "", end
        if word in _OPENING_QUOTES and text[end : end + 1].isalpha():
            continue  # `zeven «actielijnen»`: a counted noun in quotes
        if not word[0].isalpha() or word.lower() in stops:
            return None
        if word.endswith("-"):
            return _suspended_compound(text, word, start, end)
        end = _closing_quote_end(text, end, start)
        noun_unit = counted_unit(word)
        if noun_unit:
            if not _qualified(word.lower(), passed):
                noun_unit = "other"  # `twee onderzoeken` (studies), not `31 strafrechtelijke onderzoeken` (cases)
            return cast(Unit, noun_unit), word, end
        if is_adjective(word):
            passed.append(word.lower())
            continue
        if _CAPITAL_COMPOUND.fullmatch(word):
            return "other", word, end  # `vier AT-stations`: an abbreviation, then the counted noun
        if word[0].isupper() or len(word) < 2 or re.match(r"\.\w", text[end : end + 2]):
            return None  # a name, a letter or an abbreviation (z.s.m.) is no counted noun
        return "other", word, end
    return None


_PLURAL = re.compile(r"(?:en|s|['’]s)$")  # a counted class written with capitals is a plural: `Commandofregatten`


@cache
def _suspended_tail() -> re.Pattern[str]:
    """After a truncated first compound (`opsporings-`): a connector (`en`, `of`) and the full compound."""
    connectors = "|".join(map(re.escape, figure_data()["elision_connectors"]))
    return re.compile(rf"\s+(?:{connectors})\s+([^\W\d_][\w'’]*(?:-[\w'’]+)*)")


def _suspended_compound(text: str, first: str, start: int, end: int) -> tuple[Unit, str, int] | None:
    """`vier opsporings- en handhavingsdiensten`, `vier Luchtverdedigings- en Commandofregatten`: two
    compounds sharing their last part; the second, written in full, is the counted noun (with a capital only
    when the first part has one too and it is a plural: a class of ships, not a name), or an adjective before it."""
    m = _suspended_tail().match(text, end)
    if m is None or len(first) < 3:
        return None
    noun = m.group(1)
    if noun[0].isupper() and not (first[0].isupper() and _PLURAL.search(noun)):
        return None  # `21 501-32 Landbouw- en Visserijraad`: a dossier title, no counted class of things
    if counted_unit(noun) is None and is_adjective(noun):  # `twee publiek- of privaatrechtelijke partijen`
        rest = noun_head(text, m.end(1))
        return (rest[0], text[start : rest[2]], rest[2]) if rest is not None else None
    return cast(Unit, counted_unit(noun) or "other"), text[start : m.end(1)], m.end(1)


def _qualified(word: str, passed: list[str]) -> bool:
    """False for a noun that has its unit only after a cue (models/figures.json `qualified_nouns`) when no
    cue stands before it: `twee onderzoeken`; a compound of such a noun needs the cue as its first part
    (`opsporingsonderzoeken` are cases, `drie deelonderzoeken` are parts of a study)."""
    qualified = figure_data()["qualified_nouns"]
    cues = qualified.get(word)
    if cues is not None:
        return bool(set(passed) & set(cues))
    base = next((noun for noun in qualified if word.endswith(noun) and len(word) > len(noun)), None)
    if base is None:
        return True
    prefix = word[: -len(base)].rstrip("-")
    return bool(set(passed) & set(qualified[base])) or prefix in qualified[base]


_OPENING_QUOTES = {"«": "»", "“": "”", "‘": "’", '"': '"', "'": "'", "„": "”"}
_CAPITAL_COMPOUND = re.compile(r"[A-Z][\w'’\-]*-[a-zà-ÿ]{3,}")


def _closing_quote_end(text: str, end: int, start: int) -> int:
    """The end of a quoted word: past the closing quote when the word opened with a quote mark."""
    opening = text[start - 1 : start]
    closing = _OPENING_QUOTES.get(opening)
    return end + 1 if closing and text[end : end + 1] == closing else end


_WORD_AT_END = re.compile(r"([^\W\d_][\w.]*)\s*$")


def prev_word(text: str, start: int) -> str:
    """The word right before `start` (same line), lowercased, keeping a final dot."""
    m = _WORD_AT_END.search(text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def counted_units(segment: str) -> list[Unit]:
    """Units of the counted nouns in a stretch of text (persons, cases, organisations), in order."""
    units = (counted_unit(m.group()) for m in re.finditer(r"[^\W\d_][\w'’\-]*", segment))
    return [cast(Unit, u) for u in units if u and u != "other"]
