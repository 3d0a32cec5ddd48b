"""Scoring a records directory against a gold directory, and listing one field's missed items."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mhextract.errors import MhextractError
from mhextract.evaluate.gold import load_gold, load_records
from mhextract.evaluate.report import DocumentRow, EvalReport
from mhextract.evaluate.scoring import score_document
from mhextract.evaluate.settings import FIELDS


def evaluate(gold_dir: Path, records_dir: Path, include_missing: bool = True) -> EvalReport:
    """Score every record in records_dir against its gold; gold letters without a record count as missed."""
    gold = load_gold(gold_dir)
    if not Path(records_dir).is_dir():
        raise MhextractError(f"{records_dir}: records directory not found")
    records, unmatched = load_records(records_dir, gold)
    rows = [DocumentRow(r.name, r.stem, r.format, score_document(gold[r.stem], r.view)) for r in records]
    if include_missing:
        covered = {r.stem for r in records}
        rows += [DocumentRow(str(gold[stem].get("document") or stem), stem, "-",
                             score_document(gold[stem], None), missing=True)
                 for stem in gold if stem not in covered]
    rows.sort(key=lambda r: (r.gold, r.document))
    return EvalReport(documents=rows, unmatched_records=unmatched)


def missed_items(
    gold_dir: Path, records_dir: Path, field: str, include_missing: bool = False,
) -> list[dict[str, Any]]:
    """False negatives and false positives of one field, per record (for `eval --details FIELD`).

    Gold letters without any record are left out unless include_missing: all their items are missed.
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}; choose from {', '.join(FIELDS)}")
    report = evaluate(gold_dir, records_dir, include_missing=include_missing)
    return [{"document": row.document, "format": row.format, "fn": row.fields[field].fn_items,
             "fp": row.fields[field].fp_items}
            for row in report.documents
            if field in row.fields and (row.fields[field].fn_items or row.fields[field].fp_items)]


def format_missed(items: Sequence[Mapping[str, Any]], field: str) -> str:
    """Readable text of `missed_items`: per document the missed (FN) and spurious (FP) items."""
    if not items:
        return f"{field}: no missed or spurious items"
    lines: list[str] = []
    for entry in items:
        lines.append(f"{entry['document']} [{entry['format']}]")
        lines += [f"  FN  {item}" for item in entry["fn"]]
        lines += [f"  FP  {item}" for item in entry["fp"]]
    return "\n".join(lines)
