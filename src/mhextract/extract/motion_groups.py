"""Motion mentions and their grouping: one `Motion` per distinct motion of a letter.

`MotionMention` is what the finders of `extract/motions.py` return; `group_motions` merges
the mentions of one motion (same id, same submitters, or a `c.s.` mention of the same lead).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mhextract.record.model import Motion, Span


@dataclass
class MotionMention:
    """One mention of a motion: named (submitters), numbered (Kamerstuk id) or anaphoric."""

    start: int
    end: int
    kind: str  # "named" | "numbered" | "anaphor"
    submitters: tuple[str, ...] = ()
    co_signed: bool = False
    kamerstuk: str | None = None
    chamber: str | None = None
    status: tuple[int, str] | None = None
    order: tuple[int, int, int] = (0, 0, 0)


@dataclass
class _Entry:
    submitters: list[str]
    co_signed: bool
    kamerstuk: str | None
    chamber: str | None
    status: tuple[int, str] | None
    mentions: list[tuple[int, int]]


def _key(names: Sequence[str]) -> frozenset[str]:
    return frozenset(n.lower() for n in names)


def same_motion(e: _Entry, m: MotionMention) -> bool:
    """Same id, or same submitters, or a `c.s.` mention whose first submitter leads the other list."""
    if e.kamerstuk and m.kamerstuk:
        return e.kamerstuk == m.kamerstuk
    if not e.submitters or not m.submitters:
        return False
    a, b = _key(e.submitters), _key(m.submitters)
    if a == b:
        return True
    lead = e.submitters[0].lower() == m.submitters[0].lower()
    return lead and (e.co_signed or m.co_signed) and (a <= b or b <= a)


def _merge(e: _Entry, m: MotionMention) -> None:
    fuller = e.co_signed and not m.co_signed and _key(m.submitters) > _key(e.submitters)
    if m.submitters and (not e.submitters or fuller):
        e.submitters, e.co_signed = list(m.submitters), m.co_signed
    e.kamerstuk = e.kamerstuk or m.kamerstuk
    e.chamber = e.chamber or m.chamber
    if m.status and (e.status is None or m.status[0] > e.status[0]):
        e.status = m.status
    e.mentions.append((m.start, m.end))


def group_motions(mentions: Sequence[MotionMention]) -> list[Motion]:
    """One `Motion` per distinct motion; anaphors join the motion mentioned last before them."""
    entries: list[_Entry] = []
    last: _Entry | None = None
    for m in mentions:
        if m.kind == "anaphor":
            if last is not None:
                _merge(last, m)
            continue
        entry = next((e for e in entries if same_motion(e, m)), None)
        if entry is None:
            entry = _Entry([], False, None, None, None, [])
            entries.append(entry)
        _merge(entry, m)
        last = entry
    return [
        Motion(submitters=e.submitters, kamerstuk=e.kamerstuk, chamber=e.chamber,
               status=e.status[1] if e.status else None,
               mentions=[Span(start=s, end=t) for s, t in sorted(set(e.mentions))])
        for e in entries
    ]
