"""Dutch numbers in running text: digits (`1.175`, `2,5`), words (`drieëntwintig`), collectives, scales.

Shared by the figures and dates extractors. `find_numbers` is the find pass: every
number with its character offsets and value; it does not decide what is counted.
The word lists live in `models/numbers.json`; the number-stem pre-filter is a trie from
`analysis.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from mhextract.analysis.patterns import DIGIT_RUN, finditer_at, trie_pattern
from mhextract.paths import load_json

Number = int | float
NumberKind = Literal["digits", "word", "collective"]

# Not glued to a word, id or decimal; a dash only between two numbers (`12-18 jaar`), not in `35925-VI-118`.
_NOT_AFTER = r"(?<![\w.,/:°])(?<!(?<!\d)[-–])"


@cache
def _digit_patterns() -> tuple[str, re.Pattern[str]]:
    """A digit numeral (regex text) and the finder of numbers written in digits, with the words of
    models/numbers.json. Dutch digits: thousands dot (1.175, 10.000.000) or (thin) space (316 000; not a
    dossier `28 638, nr.`: number_abbreviations), decimal comma (2,5). A number glued to letters, slashes,
    colons or ° (273f, 2023/24, ECLI:...:2023:4838, 1°) is not a quantity; `50-tal` is a collective.
    `(?=\\d)` first (every match starts with a digit) lets a scan skip other positions before the lookbehinds."""
    data = _data()
    abbreviations = "|".join(map(re.escape, data["number_abbreviations"]))
    spaced = rf"\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|,?\s*(?:{abbreviations}|[A-Z]{{1,5}}\b|-))"
    digits = rf"\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|{spaced}(?:,\d+)?|\d+(?:,\d+)?"
    suffix = re.escape(data["collective_suffix"])
    return digits, re.compile(
        rf"(?=\d)(?:{_NOT_AFTER}(?P<num>{digits})(?P<tal>-?{suffix}\b)?(?![\w/°%]|[.,:]\w)|"
        rf"{_NOT_AFTER}(?P<pct>{digits})(?=\s?%))"
    )


_WORD_RE = re.compile(r"[^\W\d_]+(?:\.(?=\s|$))?")
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+\.?)")
_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class NumberMatch:
    """One number in a text: offsets, value (scale applied), how it was written."""

    start: int
    end: int
    value: Number
    kind: NumberKind
    text: str
    scaled: bool = False  # a scale word (miljoen, mln., miljard) was applied


@cache
def _data() -> dict[str, Any]:
    """The number word lists from models/numbers.json."""
    data: dict[str, Any] = load_json("numbers.json")
    return data


def as_number(value: float) -> Number:
    """An int where the value is whole (10.0 -> 10), else the float."""
    return int(value) if float(value).is_integer() else value


@lru_cache(maxsize=4096)  # the same numerals and words recur in every letter
def parse_numeral(text: str) -> Number | None:
    """Value of a digit numeral in Dutch notation: `1.175` -> 1175, `2,5` -> 2.5."""
    if not re.fullmatch(_digit_patterns()[0], text):
        return None
    return as_number(float(re.sub(r"[.\s]", "", text).replace(",", ".")))


def parse_number_word(word: str) -> int | None:
    """Value of a Dutch cardinal word, compounds included (`drieëntwintig`, `tweehonderd`)."""
    return _parse_compound(word.lower())


@cache
def _multipliers() -> list[tuple[str, int]]:
    """The multiplier words (duizend, honderd), largest first."""
    return sorted(_data()["multipliers"].items(), key=lambda kv: -kv[1])


@lru_cache(maxsize=4096)
def _parse_compound(w: str) -> int | None:
    """Recursive parse: multipliers (duizend, honderd), then unit-en-tens, then the lists."""
    data = _data()
    units: dict[str, int] = data["units"]
    tens: dict[str, int] = data["tens"]
    if w in units:
        return units[w]
    if w in tens:
        return tens[w]
    for mult_word, mult in _multipliers():
        if mult_word in w:
            left, _, right = w.partition(mult_word)
            factor = _parse_compound(left) if left else 1
            rest = _parse_compound(right) if right else 0
            if factor is None or rest is None or factor >= mult or rest >= mult:
                return None
            return factor * mult + rest
    for tens_word, ten in tens.items():
        head = w[: -len(tens_word)]
        if w.endswith(tens_word) and head[-2:] in data["tens_joiners"]:
            unit = units.get(head[:-2])
            if unit is not None and 1 <= unit <= 9:
                return unit + ten
    return None


@lru_cache(maxsize=4096)
def parse_collective(word: str) -> int | None:
    """Value of a collective count word: `elftal` 11, `tiental` 10, `50-tal` 50, `dozijn` 12."""
    data = _data()
    w = word.lower()
    if w in data["collectives"]:
        return int(data["collectives"][w])
    suffix = data["collective_suffix"]
    if not w.endswith(suffix) or len(w) <= len(suffix):
        return None
    head = w[: -len(suffix)].rstrip("-")
    if head.isdigit():
        return int(head)
    if head in data["article_one"]:
        return None
    return parse_number_word(head)


def scale_of(word: str) -> int | None:
    """Multiplier of a scale word: `miljoen`/`mln.` 10**6, `miljard`/`mld.` 10**9, `duizend` 1000."""
    scales: dict[str, int] = _data()["scales"]
    w = word.lower()
    return scales.get(w) or scales.get(w.rstrip("."))


def article_one_words() -> list[str]:
    """The article `een` (models/numbers.json article_one): a number only before a scale or collective."""
    words: list[str] = _data()["article_one"]
    return words


def is_article_one(word: str) -> bool:
    """True for `een` without accents: an article, a number only before a scale or collective."""
    return word.lower() in _data()["article_one"]


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in `text`, left to right, with a following scale word applied."""
    found: list[NumberMatch] = []
    for m in digit_matches(text):
        raw = m.group("num") or m.group("pct")
        value = parse_numeral(raw)
        if value is None:
            continue
        kind: NumberKind = "collective" if m.group("tal") else "digits"
        found.append(_with_scale(text, NumberMatch(m.start(), m.end(), value, kind, m.group())))
    found.extend(_find_word_numbers(text))
    found.sort(key=lambda n: n.start)
    return found


def digit_matches(text: str) -> Iterator[re.Match[str]]:
    """`_digit_patterns()[1].finditer(text)`: a match follows no word character (`_NOT_AFTER`), so it starts where a
    run of digits does, and is tried only there."""
    return finditer_at(_digit_patterns()[1], text, (run.start() for run in DIGIT_RUN.finditer(text)))


def _find_word_numbers(text: str) -> list[NumberMatch]:
    """Number words, collectives (`een elftal`) and fractions before a scale (`anderhalf miljoen`)."""
    fractions: dict[str, float] = _data()["fractions"]
    out: list[NumberMatch] = []
    for m in _candidate_words(text):
        word = m.group().rstrip(".")
        end = m.start() + len(word)
        nxt = _next_word(text, end)
        collective = parse_collective(word)
        if collective is not None:
            out.append(NumberMatch(m.start(), end, collective, "collective", word))
            continue
        if is_article_one(word) or word.lower() in fractions:
            fraction = fractions.get(word.lower(), 1.0)
            if nxt and nxt[0].lower() in fractions and is_article_one(word):
                fraction, nxt = fractions[nxt[0].lower()], _next_word(text, nxt[2])
            if nxt and scale_of(nxt[0]):
                out.append(_scaled(text, m.start(), nxt, fraction))
            continue
        value: Number | None = parse_number_word(word)
        if value is None:
            value = _and_a_half(word)
        if value is not None:
            out.append(_with_scale(text, NumberMatch(m.start(), end, value, "word", word)))
    return _drop_inner(out)


def _and_a_half(word: str) -> float | None:
    """`vijfenhalf` 5.5, `tweeënhalve` 2.5: a cardinal, a tens joiner and a fraction (models/numbers.json)."""
    w = word.lower()
    for fraction, part in _data()["fractions"].items():
        head = w[: -len(fraction)]
        if w.endswith(fraction) and head[-2:] in _data()["tens_joiners"]:
            whole = _parse_compound(head[:-2])
            return whole + part if whole is not None and part < 1 else None
    return None


@cache
def _number_stems_list() -> tuple[str, ...]:
    """Every word `_find_word_numbers` can read holds one of these strings (lowercased), from
    models/numbers.json: a cardinal (`_parse_compound` needs a unit or tens word, a multiplier, or a
    tens word as ending), a collective or the collective suffix, the article, a fraction."""
    data = _data()
    return tuple(sorted({*data["units"], *data["tens"], *data["multipliers"], *data["collectives"],
                         data["collective_suffix"], *data["article_one"], *data["fractions"]}))


@cache
def _number_stems() -> re.Pattern[str]:
    """The pre-filter of `_find_word_numbers`: one regex of the number stems, a trie
    (`a(?:cht(?:tien)?|nderhal(?:f|ve))|...`), quick to scan a whole text with."""
    return re.compile(trie_pattern(_number_stems_list()))


@cache
def _stems_are_letters() -> bool:
    """True when every number stem is letters only (then a stem found in a text lies inside one word)."""
    stems = _number_stems_list()
    return all(re.fullmatch(r"[^\W\d_]+", stem) for stem in stems)


def _candidate_words(text: str) -> Iterator[re.Match[str]]:
    """The words of `text` (`_WORD_RE` matches, left to right) that hold a number stem (lowercased).

    Words are maximal runs of letters and no stem holds anything else, so a stem found in the
    lowercased text lies inside one word; when lowercasing keeps the length (it maps each character
    to one, the usual case), offsets agree and only the words around the stems found are read."""
    stems = _number_stems()
    lowered = text.lower()
    if len(lowered) != len(text) or not _stems_are_letters():  # `İ` lowercases to two: word by word
        yield from (m for m in _WORD_RE.finditer(text) if stems.search(m.group().rstrip(".").lower()))
        return
    yield from words_holding(text, stems, lowered)


def words_holding(text: str, stems: re.Pattern[str], haystack: str | None = None) -> Iterator[re.Match[str]]:
    """The words of `text` (`_WORD_RE` matches, left to right, each once) in which `stems` finds a match in
    `haystack` (the text, or a form of it with the same offsets: lowercased). Every match of `stems` must be
    letters only (then it lies inside one word): only the words around the matches are read."""
    done = 0
    for stem in stems.finditer(text if haystack is None else haystack):
        if stem.start() < done:
            continue  # in the word just read
        start = stem.start()
        while start > done and _LETTER_RE.match(text, start - 1):
            start -= 1
        word = _WORD_RE.match(text, start)
        if word is not None:
            done = word.end()
            yield word


def _next_word(text: str, pos: int) -> tuple[str, int, int] | None:
    """The word right after `pos` (across whitespace) with its offsets, keeping a final dot."""
    m = _NEXT_WORD_RE.match(text, pos)
    return (m.group(1), m.start(1), m.end(1)) if m else None


def _scaled(text: str, start: int, scale_word: tuple[str, int, int], base: float) -> NumberMatch:
    """A number made of a fraction or article and a scale word: `anderhalf miljoen`."""
    word, _, end = scale_word
    if not word.endswith(".") or word.lower() not in _data()["scales"]:
        end = scale_word[1] + len(word.rstrip("."))
    value = as_number(base * (scale_of(word) or 1))
    return NumberMatch(start, end, value, "word", text[start:end], scaled=True)


def _with_scale(text: str, number: NumberMatch) -> NumberMatch:
    """Apply a scale word that follows the number (`10 miljoen`, `52 mln.`)."""
    nxt = _next_word(text, number.end)
    if not nxt or number.kind == "collective":
        return number
    word, wstart, wend = nxt
    factor = scale_of(word)
    if not factor or (factor == 1000 and number.kind == "word" and "duizend" in number.text.lower()):
        return number
    end = wend if word.lower() in _data()["scales"] else wstart + len(word.rstrip("."))
    value = as_number(float(number.value) * factor)
    return NumberMatch(number.start, end, value, number.kind, text[number.start : end], scaled=True)


def _drop_inner(numbers: list[NumberMatch]) -> list[NumberMatch]:
    """Drop a number lying inside another (the scale word of `een miljoen` read on its own)."""
    return [n for n in numbers if not any(o is not n and o.start <= n.start and n.end <= o.end
                                          and (o.end - o.start) > (n.end - n.start) for o in numbers)]


@cache
def _noun_units() -> tuple[dict[str, str], list[tuple[str, str]], int]:
    """Counted noun -> unit from models/figures.json, plus the nouns longest first for compounds."""
    data: dict[str, Any] = load_json("figures.json")
    table = {noun.lower(): unit for unit, nouns in data["nouns"].items() for noun in nouns}
    return table, sorted(table.items(), key=lambda kv: -len(kv[0])), int(data["min_suffix_len"])


@cache
def _non_compounds() -> frozenset[str]:
    """Words that end like a counted noun without being one (`oorzaken`, `reacties`)."""
    data: dict[str, Any] = load_json("figures.json")
    return frozenset(w.lower() for w in data["non_compounds"])


def quantity_unit(word: str) -> str | None:
    """Unit of a word that follows a count: a unit word (`fte`, `euro`, `procent`) or a counted noun."""
    data: dict[str, Any] = load_json("figures.json")
    w = word.lower()
    for unit, words in data["unit_words"].items():
        if w in (x.lower() for x in words):
            return str(unit)
    return counted_unit(word)


def counted_unit(word: str) -> str | None:
    """Unit of a counted noun (`verdachten` -> persons), compounds included (`reclasseringsorganisaties`)."""
    table, by_length, min_len = _noun_units()
    w = word.lower().strip("'’").rsplit("-", 1)[-1]
    if w in table:
        return table[w]
    if w in _non_compounds():
        return None
    # the longest counted noun of min_len or more that ends the word and is shorter than it (the first
    # such noun of `by_length`), looked up by suffix length: one noun of each length can end the word
    longest = len(by_length[0][0]) if by_length else 0
    for size in range(min(len(w) - 1, longest), max(min_len, 1) - 1, -1):
        unit = table.get(w[-size:])
        if unit is not None:
            return unit
    return None
