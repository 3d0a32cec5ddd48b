"""Where the project's data lives: `models/` (package data: patterns, gazetteers) and `corpus/` (checkout only)."""

from __future__ import annotations

import json
import os
import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

_REPO = Path(__file__).resolve().parents[2]

# `models/` is package data (installed with the wheel); MHEXTRACT_MODELS overrides it.
MODELS_DIR = Path(os.environ.get("MHEXTRACT_MODELS") or str(files("mhextract") / "models"))
CORPUS_DIR = _REPO / "corpus"


# Data a loaded pipeline brought along (`nlp.to_disk` saved it with the components; see
# analysis/data.py): read instead of models/ when it differs from it.
_RESTORED: dict[str, bytes] = {}


def read_data(name: str) -> bytes:
    """The bytes of `models/<name>`, or of the copy a loaded pipeline restored."""
    restored = _RESTORED.get(name)
    return restored if restored is not None else (MODELS_DIR / name).read_bytes()


def restore_data(files: dict[str, bytes]) -> list[str]:
    """Use `files` (name -> content, from a saved pipeline) instead of models/; returns the names whose
    content differs from what was in use (callers then drop what they built from the old data)."""
    changed = [name for name, content in files.items() if content != read_data(name)]
    _RESTORED.update({name: files[name] for name in changed})
    if changed:
        load_json.cache_clear()
    return changed


@cache
def load_json(name: str) -> Any:
    """Read `models/<name>` (JSON), once per process."""
    return json.loads(read_data(name).decode("utf-8"))


@cache
def data_pattern(name: str, *keys: str, flags: int = 0) -> re.Pattern[str]:
    """The regex stored in `models/<name>` under `keys` (`data_pattern("letterhead.json", "layout", "own_line")`),
    compiled once."""
    value = load_json(name)
    for key in keys:
        value = value[key]
    return re.compile(str(value), flags)


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """Read `models/<name>` (JSON lines); blank lines and `//` comments are skipped."""
    rows: list[dict[str, Any]] = []
    for line in read_data(name).decode("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            rows.append(json.loads(line))
    return rows
