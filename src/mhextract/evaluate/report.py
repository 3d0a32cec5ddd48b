"""The evaluation report: per-document rows, per-field and per-format totals, table and JSON forms."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mhextract.evaluate.counts import Counts, FieldScore
from mhextract.evaluate.settings import FIELDS, SHORT_NAMES

REPORT_VERSION = 1


@dataclass
class DocumentRow:
    """The scores of one record (or one gold letter without a record) per field."""

    document: str
    gold: str
    format: str
    fields: dict[str, FieldScore]
    missing: bool = False

    @property
    def macro_f1(self) -> float:
        """Mean F1 over this document's fields; 0 for a gold letter without a record (a miss, not
        partial credit from fields whose gold is empty)."""
        if self.missing:
            return 0.0
        return sum(s.f1 for s in self.fields.values()) / len(self.fields) if self.fields else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"document": self.document, "gold": self.gold, "format": self.format,
                "missing": self.missing, "macro_f1": round(self.macro_f1, 4),
                "fields": {k: v.to_dict() for k, v in self.fields.items()}}


def _totals(rows: Iterable[DocumentRow]) -> dict[str, Counts]:
    """Micro-averaged counts per field over rows, in FIELDS order."""
    totals: dict[str, Counts] = {}
    for row in rows:
        for name, score in row.fields.items():
            totals.setdefault(name, Counts()).add(score)
    return {name: totals[name] for name in FIELDS if name in totals}


def _macro(totals: Mapping[str, Counts]) -> float:
    """Mean F1 over fields."""
    return sum(c.f1 for c in totals.values()) / len(totals) if totals else 0.0


def _table(totals: Mapping[str, Counts]) -> list[str]:
    """Fixed-width lines: field, P, R, F1, tp/fp/fn, then the macro F1 line."""
    lines = [f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>6}{'fn':>6}"]
    for name, c in totals.items():
        lines.append(f"{name:<18}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>7}{c.fp:>6}{c.fn:>6}")
    lines.append(f"{'macro F1':<18}{'':>14}{_macro(totals):>7.3f}   ({len(totals)} fields)")
    return lines


@dataclass
class EvalReport:
    """Per-field micro counts, per-format totals, per-document rows and the macro F1."""

    documents: list[DocumentRow]
    unmatched_records: list[str] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, Counts]:
        """Per-field counts summed over all document rows."""
        return _totals(self.documents)

    @property
    def macro_f1(self) -> float:
        """Mean over fields of the micro-averaged F1."""
        return _macro(self.fields)

    @property
    def formats(self) -> list[str]:
        """Record formats present (missing letters excluded), sorted."""
        return sorted({row.format for row in self.documents if not row.missing})

    def by_format(self) -> dict[str, dict[str, Counts]]:
        """Per-field counts per record format (only rows of records, not missing letters)."""
        return {fmt: _totals(r for r in self.documents if r.format == fmt and not r.missing)
                for fmt in self.formats}

    def to_table(self) -> str:
        """A readable fixed-width report: the field table, macro F1, per-format tables, per-document F1s."""
        lines = [f"{len(self.documents)} document rows "
                 f"({sum(r.missing for r in self.documents)} gold letters without a record)", ""]
        lines += _table(self.fields)
        if len(self.formats) > 1:
            for fmt, totals in self.by_format().items():
                count = sum(1 for r in self.documents if r.format == fmt and not r.missing)
                lines += ["", f"format {fmt} ({count} records)", *_table(totals)]
        lines += ["", *self._document_matrix()]
        if self.unmatched_records:
            lines += ["", "records without a gold file: " + ", ".join(self.unmatched_records)]
        return "\n".join(lines)

    def _document_matrix(self) -> list[str]:
        """One line per document row: macro F1 and the F1 of every field."""
        names = list(self.fields)
        width = max([len("document"), *(len(r.document) for r in self.documents)]) + 2
        header = f"{'document':<{width}}{'format':<10}{'macro':>6}" + "".join(
            f"{SHORT_NAMES[n]:>6}" for n in names)
        lines = [header]
        for row in self.documents:
            cells = "".join(f"{row.fields[n].f1:>6.2f}" if n in row.fields else f"{'-':>6}" for n in names)
            fmt = "MISSING" if row.missing else row.format
            lines.append(f"{row.document:<{width}}{fmt:<10}{row.macro_f1:>6.2f}{cells}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (read back by `diff`)."""
        return {
            "version": REPORT_VERSION,
            "macro_f1": round(self.macro_f1, 4),
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "by_format": {fmt: {k: v.to_dict() for k, v in t.items()} for fmt, t in self.by_format().items()},
            "documents": [row.to_dict() for row in self.documents],
            "unmatched_records": self.unmatched_records,
        }

    def to_json(self) -> str:
        """The report as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
