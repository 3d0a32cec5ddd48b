"""Where the project's data lives: `models/` (package data: patterns, gazetteers) and `corpus/` (checkout only)."""

from __future__ import annotations

import json
import os
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

_REPO = Path(__file__).resolve().parents[2]

# `models/` is package data (installed with the wheel); MHEXTRACT_MODELS overrides it.
MODELS_DIR = Path(os.environ.get("MHEXTRACT_MODELS") or str(files("mhextract") / "models"))
CORPUS_DIR = _REPO / "corpus"


@cache
def load_json(name: str) -> Any:
    """Read `models/<name>` (JSON), once per process."""
    with open(MODELS_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def load_jsonl(name: str) -> list[dict[str, Any]]:
    """Read `models/<name>` (JSON lines); blank lines and `//` comments are skipped."""
    rows: list[dict[str, Any]] = []
    with open(MODELS_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("//"):
                rows.append(json.loads(line))
    return rows
