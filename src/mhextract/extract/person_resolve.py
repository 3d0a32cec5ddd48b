"""Person mentions and how they merge: one `Person` per surname, name and role from the best source.

Every finder in `persons` returns `PersonMention`s; `resolve_persons` groups them by
surname (`person_key`), lets a bare first name take the full name found at the same
place, and keeps the name and role of the most authoritative source (`SOURCES`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from mhextract.record.model import Person, Span

# most authoritative first
SOURCES = ("signatory", "motion", "member", "government", "rapporteur", "official", "leader", "fullname")


@dataclass(frozen=True)
class PersonMention:
    """One mention of a named person with the role the letter gives there."""

    start: int
    end: int
    name: str
    role: str | None
    source: str


def person_key(name: str) -> str:
    """Who a mention is about: the lowercased last word of the surname."""
    return re.split(r"[\s.]+", name.strip())[-1].lower()


def _complete_first_names(mentions: Sequence[PersonMention]) -> list[PersonMention]:
    """A mention that is only the first part of a full name found at the same place takes the full name
    (`het lid Jasper van Dijk`: the member pattern stops at `Jasper`, the full-name pass has it all; `Dr.
    E.M.H. Hirsch Ballin` under the signature: the title pattern stops at `Hirsch`, the signatory has it all)."""
    full = sorted((m for m in mentions if m.source in ("fullname", "signatory")), key=lambda m: m.start)
    starts = [m.start for m in full]
    out = []
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if m.source not in ("fullname", "signatory") and i >= 0 and full[i].start <= m.start < full[i].end \
                and full[i].name.startswith(f"{m.name} "):
            m = replace(m, name=full[i].name, end=max(m.end, full[i].end))
        out.append(m)
    return out


def resolve_persons(mentions: Sequence[PersonMention]) -> list[Person]:
    """One `Person` per surname: name and role from the most authoritative source, all mentions."""
    groups: dict[str, list[PersonMention]] = {}
    for m in sorted(_complete_first_names(mentions), key=lambda m: (m.start, SOURCES.index(m.source))):
        groups.setdefault(person_key(m.name), []).append(m)
    persons = []
    for group in groups.values():
        best = min(group, key=lambda m: (SOURCES.index(m.source), -len(m.name)))
        role = best.role or next((m.role for m in group if m.role), None)
        spans = sorted({(m.start, m.end) for m in group if m.end > m.start})
        persons.append(Person(name=best.name, role=role, mentions=[Span(start=s, end=e) for s, e in spans]))
    return persons
