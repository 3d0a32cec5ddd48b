"""Ministries named only through an office: `de Minister van Defensie`, `mijn collega-bewindspersonen van
Infrastructuur en Waterstaat, Binnenlandse Zaken en Defensie`, `BRIEF VAN DE MINISTERS VAN ...`.

Such a mention names a post holder, not the ministry as a body (GOLD_FORMAT.md: at most an
optional entry), so a ministry that the letter names only this way is left out of the record.
The office words are data: `models/roles.json` -> `offices`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from mhextract.extract.organisations.wordlists import rules
from mhextract.paths import load_json
from mhextract.record.model import Organisation

LOOK_BACK = 250  # characters of the sentence before a mention searched for the office phrase


@cache
def _office_tail() -> re.Pattern[str]:
    """An office phrase, then only list material (names, commas, `en`), up to the end of the string."""
    words: list[str] = load_json("roles.json")["offices"]
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    org = rules()
    listed = org["office_list_words"]  # as written or in capitals
    words_alt = "|".join([*listed, *(w.upper() for w in listed)])
    item = rf"(?:[A-ZÀ-Ý][\w’'&\-]*|{words_alt})"
    prepositions = "|".join(org["portfolio_prepositions"])
    return re.compile(rf"(?i:\b(?:{alternation}))\s+(?i:{prepositions})\s+(?:{item}(?:\s+|\s*,\s*))*$")


def office_mention(text: str, start: int) -> bool:
    """Whether the mention at `start` stands in an office phrase or a list that one opens."""
    before = text[max(0, start - LOOK_BACK): start]
    cut = max(before.rfind(". "), before.rfind("\n\n"), before.rfind(";"))
    return bool(_office_tail().search(before[cut + 1:]))


def drop_office_only_ministries(text: str, organisations: Sequence[Organisation]) -> list[Organisation]:
    """The organisations without ministries that are named only through an office."""
    return [o for o in organisations
            if o.kind != "ministry" or not o.mentions or not all(office_mention(text, m.start) for m in o.mentions)]
