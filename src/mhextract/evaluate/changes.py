"""Diff of two evaluation reports: per-field F1 changes and items gained or lost per document."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mhextract.evaluate.report import EvalReport


def _as_report_dict(report: EvalReport | Mapping[str, Any] | str | Path | None) -> dict[str, Any] | None:
    """Accept a report, its dict, its JSON text or a path to its JSON file."""
    if report is None:
        return None
    if isinstance(report, EvalReport):
        return report.to_dict()
    if isinstance(report, Path):
        return dict(json.loads(report.read_text(encoding="utf-8"))) if report.exists() else None
    if isinstance(report, str):
        return dict(json.loads(report)) if report.strip() else None
    return dict(report)


def _item_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Items found / lost and false positives added / removed in one field of one document."""
    changes: list[str] = []
    old_tp, new_tp = set(old.get("tp_items", [])), set(new.get("tp_items", []))
    old_fp, new_fp = set(old.get("fp_items", [])), set(new.get("fp_items", []))
    changes += [f"+ found    {x}" for x in sorted(new_tp - old_tp)]
    changes += [f"- lost     {x}" for x in sorted(old_tp - new_tp)]
    changes += [f"- new FP   {x}" for x in sorted(new_fp - old_fp)]
    changes += [f"+ FP gone  {x}" for x in sorted(old_fp - new_fp)]
    return changes


def diff(previous: EvalReport | Mapping[str, Any] | str | Path | None,
         current: EvalReport | Mapping[str, Any] | str | Path) -> str:
    """Per-field F1 changes and, per document, items gained and lost since the previous report."""
    before, after = _as_report_dict(previous), _as_report_dict(current)
    if after is None:
        raise ValueError("no current report to compare")
    if before is None:
        return "no previous evaluation to compare with"
    lines = [f"{'field':<18}{'before':>8}{'now':>8}{'change':>9}"]
    changed = False
    for name in [*after["fields"], *(n for n in before["fields"] if n not in after["fields"])]:
        old = before["fields"].get(name, {}).get("f1")
        new = after["fields"].get(name, {}).get("f1")
        if old == new:
            continue
        changed = True
        delta = f"{new - old:+9.3f}" if old is not None and new is not None else f"{'':>9}"
        lines.append(f"{name:<18}{_fmt_f1(old):>8}{_fmt_f1(new):>8}{delta}")
    lines.append(f"{'macro F1':<18}{_fmt_f1(before.get('macro_f1')):>8}{_fmt_f1(after.get('macro_f1')):>8}"
                 f"{after.get('macro_f1', 0.0) - before.get('macro_f1', 0.0):+9.3f}")
    if not changed:
        lines.insert(1, "(no field F1 changed)")
    old_docs = {d["document"]: d for d in before.get("documents", [])}
    new_docs = {d["document"]: d for d in after.get("documents", [])}
    for name in sorted(set(old_docs) | set(new_docs)):
        if name not in old_docs or name not in new_docs:
            lines += ["", f"{name}: {'new row' if name not in old_docs else 'row gone'}"]
            continue
        doc_lines: list[str] = []
        for fname, new_score in new_docs[name]["fields"].items():
            changes = _item_changes(old_docs[name]["fields"].get(fname, {}), new_score)
            doc_lines += [f"  {fname:<17}{c}" for c in changes]
        if doc_lines:
            lines += ["", f"{name} [{new_docs[name]['format']}]", *doc_lines]
    return "\n".join(lines)


def _fmt_f1(value: float | None) -> str:
    """An F1 for the diff table, `-` when the field was not scored."""
    return "-" if value is None else f"{value:.3f}"
