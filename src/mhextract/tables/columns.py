"""The tables and their typed columns: the contract of `mhextract tables` (add columns, never rename).

Every table starts with `letter` (the record's id: its file name without `.json`, made
unique). A date column (Arrow `date32`) is filled only where the value is an exact day;
the ISO text it came from is kept in the column beside it (`date_text`, `value`, `due`).
Span columns (`start`, `end`, `page`, `section`) give the provenance of the first mention.
"""

from __future__ import annotations

import pyarrow as pa

TEXT = pa.string()
INT = pa.int64()
DAY = pa.date32()

_SPAN = [("start", INT), ("end", INT), ("page", INT), ("section", INT)]
_MENTIONED = [("mentions", INT), *_SPAN]  # count of mentions, then the first one's span

TABLES: dict[str, list[tuple[str, pa.DataType]]] = {
    "letters": [
        ("letter", TEXT), ("date", DAY), ("date_text", TEXT), ("subject", TEXT), ("reference", TEXT),
        ("addressee", TEXT), ("sender", TEXT), ("kamerstuk", TEXT), ("signatories", TEXT),
        ("path", TEXT), ("sha256", TEXT), ("format", TEXT), ("pages", INT), ("chars", INT),
        ("extractor_version", TEXT), ("model", TEXT),
        ("organisations", INT), ("persons", INT), ("kamerstukken", INT), ("references", INT), ("motions", INT),
        ("dates", INT), ("figures", INT), ("recommendations", INT), ("commitments", INT),
    ],
    "kamerstukken": [
        ("letter", TEXT), ("letter_date", DAY), ("letter_kamerstuk", TEXT), ("id", TEXT), ("dossier", TEXT),
        ("suffix", TEXT), ("number", TEXT), ("chamber", TEXT), ("session", TEXT), ("url", TEXT), ("own", pa.bool_()),
        *_MENTIONED,
    ],
    "references": [("letter", TEXT), ("kind", TEXT), ("id", TEXT), *_MENTIONED],
    "motions": [
        ("letter", TEXT), ("letter_date", DAY), ("kamerstuk", TEXT), ("submitters", TEXT), ("chamber", TEXT),
        ("status", TEXT), *_MENTIONED,
    ],
    "organisations": [("letter", TEXT), ("id", TEXT), ("name", TEXT), ("aliases", TEXT), ("kind", TEXT),
                      *_MENTIONED],
    "persons": [("letter", TEXT), ("name", TEXT), ("role", TEXT), *_MENTIONED],
    "dates": [("letter", TEXT), ("text", TEXT), ("value", TEXT), ("date", DAY), ("precision", TEXT), *_SPAN],
    "figures": [
        ("letter", TEXT), ("letter_date", DAY), ("value", pa.float64()), ("unit", TEXT), ("subject", TEXT),
        ("period", TEXT), ("text", TEXT), *_SPAN,
    ],
    "recommendations": [
        ("letter", TEXT), ("number", INT), ("by", TEXT), ("title", TEXT), ("text", TEXT), ("response", TEXT), *_SPAN,
    ],
    "commitments": [
        ("letter", TEXT), ("letter_date", DAY), ("kind", TEXT), ("due", TEXT), ("due_date", DAY),
        ("reference", TEXT), ("text", TEXT), *_SPAN,
    ],
}


def schema(table: str) -> pa.Schema:
    """The Arrow schema of one table."""
    return pa.schema([pa.field(name, kind) for name, kind in TABLES[table]])


def names(table: str) -> list[str]:
    """The column names of one table, in order."""
    return [name for name, _ in TABLES[table]]
