"""What is new in each letter of a dossier, against the letters before it (in dossier order).

Per letter: motions mentioned for the first time, motions whose stated status changed since
the last letter that stated one, commitments made and fulfilled in it, and commitments of
earlier letters that became overdue by its date (due before it, not fulfilled by then, and
not already overdue at the previous dated letter).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mhextract.views.overdue import overdue_commitments

if TYPE_CHECKING:
    from mhextract.views.dossier import DossierCommitment, DossierMotion, Letter


@dataclass
class Change:
    """One new thing in a letter: its kind and a one-line description."""

    kind: str  # motion first mentioned | motion status changed | commitment made | ... fulfilled | ... overdue
    text: str


def _motion_name(motion: DossierMotion) -> str:
    who = ", ".join(motion.submitters) or "unknown submitters"
    return f"{who} ({motion.kamerstuk})" if motion.kamerstuk else who


def letter_news(letters: Sequence[Letter], motions: Sequence[DossierMotion],
                commitments: Sequence[DossierCommitment]) -> dict[str, list[Change]]:
    """The changes each letter brings, by letter key, in a fixed kind order."""
    news: dict[str, list[Change]] = {letter.key: [] for letter in letters}
    for motion in motions:
        status: str | None = None
        for n, mention in enumerate(motion.mentions):
            changes = news[mention.letter.key]
            if n == 0:
                changes.append(Change("motion first mentioned", _motion_name(motion)
                                      + (f": {mention.status}" if mention.status else "")))
            elif mention.status and status and mention.status != status:
                changes.append(Change("motion status changed", f"{_motion_name(motion)}: {status} → {mention.status}"))
            status = mention.status or status
    for item in commitments:
        kind = item.commitment.kind
        if kind in ("made", "fulfilled"):
            due = f" (due {item.commitment.due})" if item.commitment.due else ""
            news[item.letter.key].append(Change(f"commitment {kind}", item.commitment.text + due))
    before: set[str] = set()
    for letter in letters:
        if not letter.date:
            continue
        as_of = date.fromisoformat(letter.date)
        earlier = [c for c in commitments if c.letter.date and c.letter.date < letter.date]
        now = {row.item.id: row for row in overdue_commitments(earlier, as_of)}
        for key in sorted(set(now) - before):
            row = now[key]
            news[letter.key].append(Change("commitment overdue", f"{row.item.commitment.text} (due "
                                           f"{row.item.commitment.due}, from {row.item.letter.key})"))
        before = set(now)
    order = ["motion first mentioned", "motion status changed", "commitment made", "commitment fulfilled",
             "commitment overdue"]
    return {key: sorted(changes, key=lambda c: order.index(c.kind)) for key, changes in news.items()}
