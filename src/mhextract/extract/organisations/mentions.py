"""Candidate mentions of organisations and the choice among overlapping ones."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from mhextract.analysis.extensions import Ranges, overlaps
from mhextract.analysis.tokenizer import shared_tokenizer
from mhextract.extract.organisations.wordlists import rules


class OrgMention(NamedTuple):
    """One mention of an organisation with the key of the body it names (a named tuple: hundreds are made
    per letter, and a tuple is made four times faster than a frozen dataclass)."""

    start: int
    end: int
    text: str
    key: str  # `g:<gazetteer index>` or `u:<normalised name>`
    source: str  # gazetteer | post | pattern | definition | alias | model | redefined
    kind: str = "other"
    surface: bool = True  # the text is a name the letter uses for it (not `minister voor X`)
    tail: bool = False  # its last word may stand alone as a short name


def find_blocked(doc: Doc) -> list[tuple[int, int]]:
    """Spans of names that contain an organisation's name but are not one (`Chat met Fier`)."""
    matcher = blocked_matcher()
    return [(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in matcher(doc)]


@cache
def blocked_matcher() -> PhraseMatcher:
    """PhraseMatcher (LOWER) over the names that are no organisation (non_organisations)."""
    nlp = shared_tokenizer()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("blocked", [nlp.make_doc(n) for n in rules()["non_organisations"]])
    return matcher


def select_mentions(rule: Sequence[OrgMention], model: Sequence[OrgMention],
                    blocked: Sequence[tuple[int, int]] = ()) -> list[OrgMention]:
    """Non-overlapping mentions: longest rule mention first (gazetteer before pattern), then the model's."""
    rank = {"gazetteer": 0, "post": 0, "definition": 0, "alias": 1, "pattern": 2, "model": 3}
    chosen: list[OrgMention] = []
    taken = Ranges(blocked)
    ordered = sorted(rule, key=lambda m: (-(m.end - m.start), rank[m.source], m.start))
    for m in [*ordered, *sorted(model, key=lambda m: m.start)]:
        if not overlaps(taken, m.start, m.end):
            chosen.append(m)
            taken.add(m.start, m.end)
    return sorted(chosen, key=lambda m: m.start)
