"""scripts/record_diff.py: records compared per letter and field, the per-commit extractor fields ignored."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "record_diff.py"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("record_diff", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_identical_apart_from_version_and_fingerprint(tmp_path: Path) -> None:
    rd = _module()
    base = {"source": {"path": "a.txt"}, "extractor": {"version": "1", "fingerprint": "x", "model": "blank:nl"},
            "dates": [{"text": "2020"}], "metadata": {"subject": "s"}}
    new = json.loads(json.dumps(base))
    new["extractor"].update(version="2", fingerprint="y")
    a = rd.read_records(_write(tmp_path / "a.jsonl", [base]))
    b = rd.read_records(_write(tmp_path / "b.jsonl", [new]))
    assert rd.diff_records(a, b) == []


def test_every_difference_is_listed(tmp_path: Path) -> None:
    rd = _module()
    base = {"source": {"path": "a.txt"}, "extractor": {}, "dates": [{"text": "2020"}, {"text": "mei"}],
            "metadata": {"subject": "s"}}
    new = {"source": {"path": "a.txt"}, "extractor": {}, "dates": [{"text": "mei"}, {"text": "juni"}],
           "metadata": {"subject": "t"}}
    other = {"source": {"path": "b.txt"}, "extractor": {}}
    lines = rd.diff_records(rd.read_records(_write(tmp_path / "a.jsonl", [base, other])),
                            rd.read_records(_write(tmp_path / "b.jsonl", [new])))
    assert lines == [
        'a.txt: dates - {"text": "2020"}',
        'a.txt: dates + {"text": "juni"}',
        'a.txt: metadata: {"subject": "s"} -> {"subject": "t"}',
        "b.txt: only in baseline",
    ]
