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
from functools import cache
from typing import TYPE_CHECKING

from mhextract.extract.date_resolve import season_months
from mhextract.paths import load_json
from mhextract.record.model import Record

if TYPE_CHECKING:
    from mhextract.views.dossier import DossierCommitment


@cache
def _ministry_rules() -> tuple[re.Pattern[str], re.Pattern[str], str]:
    """A ministry's name, a role's portfolio and the group label (models/letterhead.json)."""
    m = load_json("letterhead.json")["metadata"]
    return re.compile(m["ministry_name"]), re.compile(m["portfolio_of_role"]), str(m["ministry_group"])


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
            first, last = season_months(m[2])  # the one season table; winter ends in the next year
            year = int(m[1]) + (1 if last < first else 0)
            return date(year, last, calendar.monthrange(year, last)[1])
    except ValueError:
        return None
    return None


def ministry(record: Record) -> str:
    """The ministry a letter speaks for: its sender when that is a ministry, else its first signatory's
    portfolio (`De Staatssecretaris van Justitie en Veiligheid` -> `Ministerie van Justitie en Veiligheid`)."""
    name, portfolio, group = _ministry_rules()
    sender = record.metadata.sender or ""
    if name.match(sender):
        return sender
    for signatory in record.metadata.signatories:
        if m := portfolio.search(signatory.role):
            return group.format(m[1], m[2].strip())
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
