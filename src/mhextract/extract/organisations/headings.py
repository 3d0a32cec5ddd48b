"""A bare portfolio name in a heading (`Financiën en capaciteit`) is a topic, not a ministry mention."""

from __future__ import annotations

import re
from functools import cache

from mhextract.analysis.patterns import alternation
from mhextract.extract.organisations.known import gazetteer
from mhextract.extract.organisations.mentions import OrgMention
from mhextract.extract.organisations.wordlists import rules

_ACRONYM_WORD = re.compile(r"\w*[A-Z]\w*[A-Z]")  # `SZW`, `JenV`, `BuZa`


@cache
def _title_before() -> re.Pattern[str]:
    """An office title, perhaps with its preposition and article, ending the searched text (`minister van`)."""
    r = rules()
    titles, prepositions = alternation(r["office_titles"]), alternation(r["portfolio_prepositions"])
    articles = alternation(r["definite_articles"])
    return re.compile(rf"(?i)(?:{titles})(?:\s+(?:{prepositions}))?\s+(?:(?:{articles})\s+)?$")


def is_heading(text: str, start: int, end: int) -> bool:
    """True when the line around [start, end) is short and has no final punctuation (a heading)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return bool(line) and len(line.split()) <= int(rules()["heading_max_words"]) and line[-1] not in ".!?:;,"


def bare_portfolio(text: str, mention: OrgMention) -> bool:
    """A ministry's portfolio words (no `Ministerie`, no abbreviation, no minister's title before them)."""
    if mention.source != "gazetteer" or not mention.key.startswith("g:"):
        return False
    if gazetteer()[int(mention.key[2:])].kind != "ministry":
        return False
    words = mention.text.split()
    ministry_word = rules()["ministry_prefix"].split()[0].lower()  # `Ministerie`
    if words[0].lower().startswith(ministry_word) or any(_ACRONYM_WORD.match(w) for w in words):
        return False
    return _title_before().search(text[max(0, mention.start - 40) : mention.start]) is None


def heading_topics(text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """The mentions without bare portfolio names that stand in a heading."""
    return [m for m in mentions if not (bare_portfolio(text, m) and is_heading(text, m.start, m.end))]
