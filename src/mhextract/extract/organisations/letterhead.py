"""Organisations named in the letter's sender block (`Directoraat-Generaal ...`), which has no offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from mhextract.analysis.tokenizer import tokenize
from mhextract.extract.organisations.known import canonical_key, find_gazetteer_mentions
from mhextract.extract.organisations.mentions import OrgMention, select_mentions
from mhextract.extract.organisations.unknown import find_pattern_mentions
from mhextract.extract.organisations.wordlists import rules


def letterhead_mentions(lines: Iterable[str]) -> list[OrgMention]:
    """Organisations named in the sender block (`Directoraat-Generaal ...`); no offsets in the text."""
    return list(_letterhead_mentions(tuple(lines)))


@lru_cache(maxsize=256)  # pure; letters of one sender repeat its block
def _letterhead_mentions(lines: tuple[str, ...]) -> tuple[OrgMention, ...]:
    found: list[OrgMention] = []
    for line in lines:
        line = re.split(rules()["address_split"], line)[0]
        doc = tokenize(line)
        gaz = [m for m in find_gazetteer_mentions(doc) if m.source == "gazetteer"]
        for m in select_mentions([*gaz, *find_pattern_mentions(doc, gaz)], []):
            key = canonical_key(m.key)
            made_up = m.kind == "ministry" and m.text.startswith(rules()["ministry_prefix"].split()[0])
            if key.startswith("u:") and made_up:
                continue  # `Ministerie van Rechtsbescherming`, made up from a minister's post
            found.append(OrgMention(0, 0, m.text, key, "letterhead", m.kind))
    return tuple(found)
