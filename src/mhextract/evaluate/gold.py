"""Loading: the gold files, the record files matched to them, and the record -> gold view mapping."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mhextract.errors import MhextractError
from mhextract.evaluate.settings import eval_config


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """All gold files of a directory, keyed by document stem (`003_749c75a436ca6fa8`)."""
    if not Path(gold_dir).is_dir():
        raise MhextractError(f"{gold_dir}: gold directory not found")
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MhextractError(f"{path}: unreadable gold file ({exc})") from exc
        if not isinstance(data, dict) or "metadata" not in data:
            raise MhextractError(f"{path}: not a gold file (no 'metadata' key)")
        stem = Path(str(data.get("document") or path.name)).stem
        gold[stem] = data
    if not gold:
        raise MhextractError(f"{gold_dir}: no gold files (*.json)")
    return gold


def record_to_gold_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """Map one record (the `mhextract.record.Record` contract, as a dict) onto the gold's keys."""
    meta = record.get("metadata") or {}
    kinds = set(eval_config()["reference_kinds"])
    source = record.get("source") or {}
    return {
        "document": Path(str(source.get("path") or "")).name,
        "metadata": {
            "date": meta.get("date"), "subject": meta.get("subject"), "reference": meta.get("reference"),
            "signatories": [{"role": s.get("role"), "name": s.get("name")}
                            for s in meta.get("signatories") or []],
        },
        # The letter's own ids (its header) are listed too (GOLD_FORMAT.md, "The letter's own ids").
        "kamerstukken": [k["id"] for k in record.get("kamerstukken") or [] if k.get("id")],
        "other_references": [f"{r['kind']}:{r['id']}" for r in record.get("references") or []
                             if r.get("kind") in kinds and r.get("id")],
        "motions": [{"submitters": list(m.get("submitters") or []), "kamerstuk": m.get("kamerstuk")}
                    for m in record.get("motions") or []],
        "organisations": [{"name": o.get("name"), "aliases": list(o.get("aliases") or [])}
                          for o in record.get("organisations") or []],
        "persons": [{"name": p.get("name"), "role": p.get("role")} for p in record.get("persons") or []],
        "dates": [{"text": d.get("text"), "value": d.get("value")} for d in record.get("dates") or []],
        "figures": [{"text": f.get("text"), "value": f.get("value"), "unit": f.get("unit")}
                    for f in record.get("figures") or []],
        "recommendations": [{"number": r.get("number"), "by": r.get("by"), "title": r.get("title")}
                            for r in record.get("recommendations") or []],
        "sections": [s["title"] for s in record.get("sections") or [] if s.get("title")],
        "commitments": [{"text": c.get("text"), "kind": c.get("kind"), "due": c.get("due")}
                        for c in record.get("commitments") or []],
    }


def _record_files(records_dir: Path) -> list[Path]:
    """Record JSON files under records_dir, skipping hidden files such as `.last_eval.json`."""
    root = Path(records_dir)
    return sorted(p for p in root.rglob("*.json")
                  if not any(part.startswith(".") for part in p.relative_to(root).parts))


def _gold_stem(path: Path, record: Mapping[str, Any], gold: Mapping[str, Any]) -> str | None:
    """Which gold file a record belongs to: its file stem, else its source path stem."""
    source_path = str((record.get("source") or {}).get("path") or "")
    candidates = [path.stem, Path(path.stem).stem, Path(source_path).stem if source_path else ""]
    return next((c for c in candidates if c and c in gold), None)


@dataclass
class LoadedRecord:
    """One record file matched to its gold stem."""

    name: str
    stem: str
    format: str
    view: dict[str, Any]


def load_records(records_dir: Path, gold: Mapping[str, Any]) -> tuple[list[LoadedRecord], list[str]]:
    """Records matched to gold stems, and the names of JSON files that matched none."""
    loaded: list[LoadedRecord] = []
    unmatched: list[str] = []
    root = Path(records_dir)
    for path in _record_files(root):
        name = str(path.relative_to(root))
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            unmatched.append(name)
            continue
        stem = _gold_stem(path, record, gold) if isinstance(record, dict) and "source" in record else None
        if stem is None:
            unmatched.append(name)
            continue
        fmt = str((record.get("source") or {}).get("format") or "unknown")
        loaded.append(LoadedRecord(name, stem, fmt, record_to_gold_view(record)))
    return loaded, unmatched
