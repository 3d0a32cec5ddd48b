"""When a figure applies and how it is hedged: the period (`per jaar`, `structureel`, `vanaf 2022` in the
sentence) and the qualifier before it (`ongeveer`, `ruim`); word lists in `models/figures.json`."""

from __future__ import annotations

import re
from functools import cache

from mhextract.analysis.patterns import alternation
from mhextract.analysis.sentences import split_sentences
from mhextract.extract.figure_words import figure_data


@cache
def qualifier_patterns() -> list[re.Pattern[str]]:
    """One pattern per qualifier (`ongeveer`, `ruim`) ending a text, longest qualifier first."""
    return [re.compile(rf"(?<!\w){re.escape(q)}\s+$", re.IGNORECASE)
            for q in sorted(figure_data()["qualifiers"], key=len, reverse=True)]


def figure_period(text: str, start: int, end: int) -> str | None:
    """When the figure applies: `per jaar` after it, `structureel` before it, `vanaf 2022` in the sentence."""
    parts: list[str] = []
    before_re, after_re, year_re = _patterns()
    before = before_re.search(text[max(0, start - 40) : start])
    if before:
        parts.append(before.group(1).lower())
    after = after_re.match(text[end : end + 40])
    if after:
        parts.append(after.group(1).lower())
    s, e = split_sentences(text).at(start)
    year = year_re.search(text[s:e])
    if year:
        parts.append(year.group(1)[0].lower() + year.group(1)[1:])
    return " ".join(dict.fromkeys(parts)) or None


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns of `figure_period`: a period word before the figure, one after it, an anchored year in the sentence."""
    periods = alternation(figure_data()["periods"])
    anchors = alternation(figure_data()["period_anchors"])
    and_ = re.escape(figure_data()["period_and"])
    return (
        re.compile(rf"(?<!\w)({periods})\s+(?:\w+\s+)?$", re.IGNORECASE),
        re.compile(rf"\s+(?:\w+\s+)?({periods})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w)((?:{anchors})\s+(?:1[89]|20)\d\d(?:\s+{and_}\s+(?:1[89]|20)\d\d)?)(?![\d/])",
                   re.IGNORECASE),
    )
