"""What the scorer scores: the gold fields in report order, their short names, and its settings file."""

from __future__ import annotations

from typing import Any

from mhextract.paths import load_json

FIELDS: tuple[str, ...] = (
    "metadata", "kamerstukken", "other_references", "motions", "organisations", "persons",
    "dates", "figures", "recommendations", "sections", "commitments",
)
SHORT_NAMES = {
    "metadata": "meta", "kamerstukken": "kst", "other_references": "refs", "motions": "mot",
    "organisations": "org", "persons": "pers", "dates": "date", "figures": "fig",
    "recommendations": "rec", "sections": "sect", "commitments": "comm",
}


def eval_config() -> dict[str, Any]:
    """The scorer's own settings (name particles, scored reference kinds)."""
    config: dict[str, Any] = load_json("eval_config.json")
    return config
