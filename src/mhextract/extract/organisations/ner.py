"""A statistical model's ORG entities as candidate mentions, with what is no organisation name dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from mhextract.analysis.extensions import Ranges, overlaps
from mhextract.analysis.patterns import alternation, either_case_alternation
from mhextract.extract.organisations.mentions import OrgMention
from mhextract.extract.organisations.names import generic, norm, places
from mhextract.extract.organisations.wordlists import rules, word_set

MODEL_LABELS = ("ORG",)


@cache
def _lead_article() -> re.Pattern[str]:
    """An article opening a model's entity: any case before a capital, lowercase before anything."""
    articles = rules()["articles"]
    return re.compile(rf"(?:{either_case_alternation(articles)})\s+(?=[A-Z])|(?:{alternation(articles)})\s+")


def model_mentions(
    text: str, spans: Iterable[tuple[int, int]], claimed: Sequence[tuple[int, int]] = (),
    person_names: Iterable[str] = (),
) -> list[OrgMention]:
    """A statistical model's ORG entities as candidate mentions: punctuation and articles trimmed;
    generic words, places, titles, addresses, laws, people and spans claimed elsewhere dropped."""
    spans = list(spans)
    if not spans:
        return []  # blank Dutch has no entities: no need to index the claimed ranges
    people = {norm(n) for n in person_names}
    taken = Ranges(claimed)
    found: list[OrgMention] = []
    for start, end in spans:
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")'’"):
            end -= 1
        lead = _lead_article().match(text[start:end])
        if lead:
            start += lead.end()
        surface = text[start:end]
        if (surface and norm(surface) not in people and plausible_model_name(text, start, surface)
                and not overlaps(taken, start, end)):
            found.append(OrgMention(start, end, surface, f"u:{norm(surface)}", "model"))
    return found


def plausible_model_name(text: str, start: int, surface: str) -> bool:
    """Could a model's ORG entity be an organisation name (rather than a title, place, law, word)?"""
    words = surface.split()
    key = norm(surface)
    if not words or not any(c.isupper() for c in surface) or key in generic():
        return False
    if words[0] in word_set("model_not_first_words") or words[0] in word_set("stop_words"):
        return False
    if re.search(r"\d{3}", surface) or key in places():
        return False
    connectors = word_set("connectors")
    if words[-1] in connectors or any(w[:1].islower() and w not in connectors for w in words[1:]):
        return False  # `Kamer is`, `Kamer op`: a name does not run on into lowercase words
    before = text[:start].rstrip(" \t")
    acronym = sum(c.isupper() for c in surface) >= 2
    if acronym and re.search(r"\d{4}$", before):
        return False  # `2500 EA`: a postcode
    if len(words) == 1 and not acronym:
        if not before or before[-1] in ".!?:\n":
            return False  # a capitalised word at the start of a sentence
        if re.search(rf"(?<!\w){re.escape(surface.lower())}(?!\w)", text):
            return False  # the same word also written lowercase: a common noun (`Proeftuin`)
    return True
