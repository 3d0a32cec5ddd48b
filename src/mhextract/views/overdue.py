"""Overdue commitments: promises whose due date lies before a reference date and that no letter fulfils.

`due_end` turns a due value (README "Value forms") into the last day it allows: a day is
itself, a month its last day, a year 31 December, a quarter its last day, a season the last
day of its meteorological season (summer: 31 August; winter runs into February of the next
year), a range the end of its second part. A day without year (`--05-27`) cannot be placed
and is never overdue. A commitment is fulfilled when a commitment of kind `fulfilled` in a
letter dated on or before the reference date continues it, directly or through reports.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mhextract.record.model import Record

if TYPE_CHECKING:
    from mhextract.views.dossier import DossierCommitment

_SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30)}


def due_end(value: str | None) -> date | None:
    """The last day a due value allows, or None when it has no year or cannot be read."""
    if not value:
        return None
    value = value.split("/")[-1]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            year, month = int(m[1]), 3 * int(m[2])
            return date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4})-(spring|summer|autumn|winter)", value):
            year = int(m[1])
            if m[2] == "winter":
                return date(year + 1, 2, calendar.monthrange(year + 1, 2)[1])
            month, day = _SEASON_END[m[2]]
            return date(year, month, day)
    except ValueError:
        return None
    return None


def ministry(record: Record) -> str:
    """The ministry a letter speaks for: its sender when that is a ministry, else its first signatory's
    portfolio (`De Staatssecretaris van Justitie en Veiligheid` -> `Ministerie van Justitie en Veiligheid`)."""
    sender = record.metadata.sender or ""
    if sender.lower().startswith("ministerie "):
        return sender
    for signatory in record.metadata.signatories:
        if m := re.search(r"\b(van|voor)\s+(.+)$", signatory.role):
            return f"Ministerie {m[1]} {m[2].strip()}"
    return "ministry unknown"


def fulfilled_by(item: DossierCommitment, as_of: date) -> DossierCommitment | None:
    """The first commitment (dated on or before as_of) that fulfils item, following reports; else None."""
    seen: set[int] = set()
    todo = list(item.later)
    while todo:
        other = todo.pop(0)
        if id(other) in seen:
            continue
        seen.add(id(other))
        letter_date = _date(other.letter.date)
        if letter_date is None or letter_date > as_of:
            continue
        if other.commitment.kind == "fulfilled":
            return other
        todo.extend(other.later)
    return None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass
class Overdue:
    """One open commitment past its due date."""

    item: DossierCommitment
    due_by: date
    days: int  # days past due_by at the reference date


def overdue_commitments(items: Iterable[DossierCommitment], as_of: date) -> list[Overdue]:
    """Made or reported commitments due before as_of (made in a letter on or before it) and not fulfilled."""
    out = []
    for item in items:
        commitment = item.commitment
        if commitment.kind == "fulfilled":
            continue
        end = due_end(commitment.due)
        made = _date(item.letter.date)
        if end is None or end >= as_of or (made is not None and made > as_of):
            continue
        if fulfilled_by(item, as_of) is None:
            out.append(Overdue(item, end, (as_of - end).days))
    return out


def by_ministry(rows: Sequence[Overdue]) -> list[tuple[str, list[Overdue]]]:
    """Overdue rows grouped per ministry (sorted), within it by letter order."""
    groups: dict[str, list[Overdue]] = {}
    for row in rows:
        groups.setdefault(ministry(row.item.letter.record), []).append(row)
    return sorted(groups.items())
