"""Figures written around a fraction or fused with a suffix: shares of a whole (`twee derde van`), count
adjectives (`18-jarige slachtoffers`), times (`tweemaal`), and the `Quantity` every figure finder returns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from mhextract.analysis.patterns import alternation, finditer_at, folds_to_ascii, scan
from mhextract.extract.figure_words import figure_data, noun_head
from mhextract.extract.numbers import Number, parse_number_word, words_holding
from mhextract.record.model import Unit


@dataclass(frozen=True)
class Quantity:
    """One classified number: what the figure is before it becomes a `Figure`."""

    start: int
    end: int
    value: Number
    unit: Unit
    subject: str | None = None



def count_adjective(text: str, start: int, end: int, value: Number) -> Quantity | None:
    """`18-jarige slachtoffers`: the number, with the people (cases, organisations) it describes;
    `tweejarig project` describes a thing and is no figure."""
    head = noun_head(text, end)
    if head is None or head[0] not in ("persons", "cases", "organisations"):
        return None
    return Quantity(start, head[2], value, head[0], head[1] or None)


@cache
def _share_pattern() -> re.Pattern[str]:
    """`[qualifier] (numerator denominator | driekwart | de helft) (van | deel)`, or the same after `waarvan`
    (`900.000 woningen, waarvan twee derde betaalbaar`), where no `van` need follow; words from models/figures.json."""
    data = figure_data()
    denominators = "|".join(sorted(data["share_denominators"], key=len, reverse=True))
    qualifiers = "|".join(re.escape(q) for q in sorted(data["share_qualifiers"], key=len, reverse=True))
    article, half = map(re.escape, data["share_half"].split())
    whole = re.escape(data["share_three_quarters"])
    before = "|".join(re.escape(b) for b in data["share_before"])
    return re.compile(
        rf"(?<![\w-])(?:(?P<before>{before})\s+)?(?P<share>(?:(?P<qual>{qualifiers})\s+)?"
        rf"(?:{article}\s+(?P<half>{half})|(?P<whole>{whole})|(?P<num>[^\W\d_]+|\d{{1,2}})\s+(?P<den>{denominators})))"
        rf"(?:{_share_end()})?(?(before)(?![\w-])|(?(part)|(?(of)|(?!))))", re.IGNORECASE)


def _share_end() -> str:
    """What follows the share's fraction: `van` or a part word (`deel`)."""
    parts = "|".join(re.escape(p) for p in figure_data()["share_parts"])
    return rf"\s+(?:(?P<part>{parts})\b|(?P<of>{re.escape(figure_data()['share_of'])})\b)"


@cache
def _share_anchors() -> tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str]]:
    """What every share holds, for the lowercased text: a fraction word and the share's end right after it
    (`derde van`), or a fraction word a few words after `waarvan`. The fraction words are found with
    `str.find` and only their ends matched: a regex led by the alternation of them tries every character."""
    data = figure_data()
    words = [*data["share_denominators"], data["share_half"].split()[-1], data["share_three_quarters"]]
    before = alternation(data["share_before"])
    # after `waarvan` the fraction word comes after at most a qualifier's words and a numerator or article
    gap = 1 + max((len(q.split()) for q in data["share_qualifiers"]), default=0)
    return (tuple(dict.fromkeys(words)), re.compile(_share_end()),
            re.compile(rf"(?:{before})\s+(?:\S+\s+){{0,{gap}}}(?:{alternation(words)})"))


def _may_hold_share(text: str) -> bool:
    """False when `text` holds no fraction word with its end or after `waarvan`, so that no share can match."""
    lowered = text.lower()
    if len(lowered) != len(text) or folds_to_ascii(text):  # lowercasing may hide a match (`İ`, `ſ`)
        return True
    words, end, after_before = _share_anchors()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            if end.match(lowered, at + len(word)):
                return True
            at = lowered.find(word, at + 1)
    return after_before.search(lowered) is not None


def find_shares(text: str) -> list[Quantity]:
    """Shares of a whole as percent: `twee derde van de woningen` -> 66.67, `Meer dan de helft van` -> 50."""
    data = figure_data()
    out: list[Quantity] = []
    if not _may_hold_share(text):
        return out
    for m in _share_pattern().finditer(text):
        if m.group("whole"):
            value: float = 75.0
        elif m.group("half"):
            value = 50.0
        else:
            numerator = parse_number_word(m.group("num")) if not m.group("num").isdigit() else int(m.group("num"))
            denominator = data["share_denominators"][m.group("den").lower()]
            if numerator is None or not 0 < numerator < denominator:
                continue
            value = round(100 * numerator / denominator, 2)
        end = m.end() - len(data["share_of"]) if m.group("of") else m.end()
        out.append(Quantity(m.start("share"), len(text[:end].rstrip()), value, "percent"))
    return out


@cache
def adjective_suffix() -> re.Pattern[str]:
    """`-jarig`/`jarige` right after a number (matched at the number's end)."""
    return re.compile(rf"-?(?:{'|'.join(figure_data()['count_adjective_suffixes'])})\b")


@cache
def _count_adjective_pattern() -> re.Pattern[str]:
    """A word of letters ending in a count-adjective suffix (`tweejarige`), the number word in group 1."""
    return re.compile(rf"\b([^\W\d_]+?)(?:{'|'.join(figure_data()['count_adjective_suffixes'])})\b")


def find_count_adjectives(text: str) -> list[Quantity]:
    """Number words fused with `-jarig`: `tweejarig project` (digits with `-jarige` go via numbers)."""
    out: list[Quantity] = []
    for m in _count_adjectives(text):
        value = parse_number_word(m.group(1))
        quantity = count_adjective(text, m.start(), m.end(), value) if value is not None else None
        if quantity is not None:
            out.append(quantity)
    return out


def _count_adjectives(text: str) -> Iterator[re.Match[str]]:
    """`_count_adjective_pattern().finditer(text)`, tried only at the words that hold a suffix: a match is
    one whole run of letters, so it can start only where such a word starts."""
    pattern = _count_adjective_pattern()
    suffixes = figure_data()["count_adjective_suffixes"]
    if not all(_LETTERS.fullmatch(s) for s in suffixes):
        yield from scan(pattern, text)  # a suffix that is not letters only: every word start
        return
    yield from finditer_at(pattern, text, (word.start() for word in words_holding(text, _suffix_finder())))


@cache
def _times_pattern() -> re.Pattern[str]:
    """A number word fused with a times suffix (`tweemaal`, `driemaal`), the number word in group 1."""
    return re.compile(rf"(?<![\w-])([^\W\d_]+?)(?:{alternation(figure_data()['times_suffixes'])})(?![\w-])",
                      re.IGNORECASE)


def find_times(text: str) -> list[Quantity]:
    """`tweemaal`, `viermaal`: how many times, unit other; `eenmaal` (`nu eenmaal`) is an idiom, no count."""
    out: list[Quantity] = []
    for m in _times_matches(text):
        value = parse_number_word(m.group(1).lower())
        if value is not None and value >= 2:
            out.append(Quantity(m.start(), m.end(), value, "other"))
    return out


def _times_matches(text: str) -> Iterator[re.Match[str]]:
    """`_times_pattern().finditer(text)`, tried only at the words that hold a times suffix (`maal` is in
    `normaal` too): a match is one whole run of letters, so it starts where such a word starts."""
    suffixes = [s.lower() for s in figure_data()["times_suffixes"]]
    lowered = text.lower()
    if not any(suffix in lowered for suffix in suffixes):
        return iter(())
    pattern = _times_pattern()
    if len(lowered) != len(text) or folds_to_ascii(text) or not all(_LETTERS.fullmatch(s) for s in suffixes):
        return pattern.finditer(text)  # lowercasing may move or hide a suffix: every word start
    return finditer_at(pattern, text, (w.start() for w in words_holding(text, _times_finder(), lowered)))


@cache
def _times_finder() -> re.Pattern[str]:
    """Where a times suffix occurs in lowercased text (`maal`)."""
    return re.compile(alternation([s.lower() for s in figure_data()["times_suffixes"]]))


@cache
def _suffix_finder() -> re.Pattern[str]:
    """Where a count-adjective suffix occurs (`jarig`)."""
    return re.compile(alternation(figure_data()["count_adjective_suffixes"]))


_LETTERS = re.compile(r"[^\W\d_]+")
