"""One record -> its rows in every table (plain dicts keyed by `columns.TABLES`); pure functions.

Values keep their Python types (a `datetime.date` for a date column, None for missing);
the writers turn them into Arrow columns or CSV cells.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from mhextract.record.model import (
    Commitment,
    DateMention,
    Figure,
    KamerstukRef,
    Motion,
    Organisation,
    Person,
    Recommendation,
    Record,
    Reference,
    Span,
)

Row = dict[str, Any]
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def exact_day(iso: str | None) -> dt.date | None:
    """`2022-02-24` -> a date; a month, season, range or anything else -> None."""
    if not iso or not _DAY.match(iso):
        return None
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None


def joined(items: Sequence[object]) -> str:
    """A list as one text cell (`a; b`)."""
    return "; ".join(str(i) for i in items)


def span_cells(span: Span | None) -> Row:
    """start, end, page, section of a span (all None without one)."""
    if span is None:
        return {"start": None, "end": None, "page": None, "section": None}
    return {"start": span.start, "end": span.end, "page": span.page, "section": span.section}


def mention_cells(mentions: Sequence[Span]) -> Row:
    """The number of mentions and the span of the first."""
    return {"mentions": len(mentions), **span_cells(mentions[0] if mentions else None)}


def letter_row(letter: str, record: Record) -> Row:
    meta, source = record.metadata, record.source
    return {
        "letter": letter, "date": exact_day(meta.date), "date_text": meta.date, "subject": meta.subject,
        "reference": meta.reference, "addressee": meta.addressee, "sender": meta.sender,
        "kamerstuk": meta.kamerstuk, "signatories": joined([f"{s.role}: {s.name}" for s in meta.signatories]),
        "path": source.path, "sha256": source.sha256, "format": source.format, "pages": source.pages,
        "chars": len(record.text), "extractor_version": record.extractor.version, "model": record.extractor.model,
        **{name: len(getattr(record, name)) for name in (
            "organisations", "persons", "kamerstukken", "references", "motions", "dates", "figures",
            "recommendations", "commitments")},
    }


def kamerstuk_row(letter: str, record: Record, k: KamerstukRef) -> Row:
    return {"letter": letter, "letter_date": exact_day(record.metadata.date),
            "letter_kamerstuk": record.metadata.kamerstuk, "id": k.id, "dossier": k.dossier, "suffix": k.suffix,
            "number": k.number, "chamber": k.chamber, "session": k.session, "url": k.url, "own": k.own,
            **mention_cells(k.mentions)}


def reference_row(letter: str, r: Reference) -> Row:
    return {"letter": letter, "kind": r.kind, "id": r.id, **mention_cells(r.mentions)}


def motion_row(letter: str, record: Record, m: Motion) -> Row:
    return {"letter": letter, "letter_date": exact_day(record.metadata.date), "kamerstuk": m.kamerstuk,
            "submitters": joined(m.submitters), "chamber": m.chamber, "status": m.status,
            **mention_cells(m.mentions)}


def organisation_row(letter: str, o: Organisation) -> Row:
    return {"letter": letter, "id": o.id, "name": o.name, "aliases": joined(o.aliases), "kind": o.kind,
            **mention_cells(o.mentions)}


def person_row(letter: str, p: Person) -> Row:
    return {"letter": letter, "name": p.name, "role": p.role, **mention_cells(p.mentions)}


def date_row(letter: str, d: DateMention) -> Row:
    return {"letter": letter, "text": d.text, "value": d.value, "date": exact_day(d.value),
            "precision": d.precision, **span_cells(d.span)}


def figure_row(letter: str, record: Record, f: Figure) -> Row:
    return {"letter": letter, "letter_date": exact_day(record.metadata.date), "value": f.value, "unit": f.unit,
            "subject": f.subject, "period": f.period, "text": f.text, **span_cells(f.span)}


def recommendation_row(letter: str, r: Recommendation) -> Row:
    return {"letter": letter, "number": r.number, "by": r.by, "title": r.title, "text": r.text,
            "response": r.response, **span_cells(r.span)}


def commitment_row(letter: str, record: Record, c: Commitment) -> Row:
    return {"letter": letter, "letter_date": exact_day(record.metadata.date), "kind": c.kind, "due": c.due,
            "due_date": exact_day(c.due), "reference": c.reference, "text": c.text, **span_cells(c.span)}


def record_rows(letter: str, record: Record) -> dict[str, list[Row]]:
    """Every table's rows for one record (the letter id on each)."""
    return {
        "letters": [letter_row(letter, record)],
        "kamerstukken": [kamerstuk_row(letter, record, k) for k in record.kamerstukken],
        "references": [reference_row(letter, r) for r in record.references],
        "motions": [motion_row(letter, record, m) for m in record.motions],
        "organisations": [organisation_row(letter, o) for o in record.organisations],
        "persons": [person_row(letter, p) for p in record.persons],
        "dates": [date_row(letter, d) for d in record.dates],
        "figures": [figure_row(letter, record, f) for f in record.figures],
        "recommendations": [recommendation_row(letter, r) for r in record.recommendations],
        "commitments": [commitment_row(letter, record, c) for c in record.commitments],
    }
