"""The word lists of models/org_heads.json: head words, connectors, generic names, places, ..."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from mhextract.paths import load_json


@dataclass(frozen=True)
class Head:
    """A word that makes a capitalised phrase an organisation name."""

    text: str
    kind: str
    left: bool = False
    lowercase: bool = False
    tail_alias: bool = False
    final: bool = False
    unit: bool = False
    alone: bool = False  # a compound ending in a suffix head that names a body by itself (`Veteranenombudsman`)
    suffix: bool = False  # a compound ending in a suffix head (`Gezondheidsdienst`), not a listed head word


@cache
def rules() -> dict[str, Any]:
    """models/org_heads.json as loaded."""
    loaded: dict[str, Any] = load_json("org_heads.json")
    return loaded


@cache
def heads() -> tuple[Head, ...]:
    """Head words from models/org_heads.json."""
    return tuple(
        Head(h["head"], h.get("kind", "other"), h.get("left", False), h.get("lowercase", False),
             h.get("tail_alias", False), h.get("final", False), h.get("unit", False))
        for h in rules()["heads"]
    )


@cache
def word_set(key: str) -> frozenset[str]:
    """One word list (`connectors`, `stop_words`, ...) as a set, exact spelling."""
    return frozenset(rules()[key])
