"""Whether two sentences say the same thing: shared content words (models/commitments.json stopwords, merge).

Neutral ground for the commitments extractor (merging mentions of one commitment within a
letter) and the dossier view (one commitment across letters), so neither imports the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from mhextract.paths import load_json

_WORD = re.compile(r"[^\W\d_][\w-]*")


def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_json("commitments.json")
    return data


def content_words(text: str, skip: Iterable[tuple[int, int]] = (), offset: int = 0) -> frozenset[str]:
    """Distinct lower-case content words of a sentence, without stopwords, numbers and skipped ranges."""
    stop = set(_data()["stopwords"])
    ranges = [(s - offset, e - offset) for s, e in skip]
    out = set()
    for m in _WORD.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in ranges):
            continue
        word = m.group().lower()
        if len(word) >= 3 and word not in stop:
            out.add(word)
    return frozenset(out)


def alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sets of content words that share most of the smaller one (models/commitments.json `merge`)."""
    cfg = _data()["merge"]
    shared = len(a & b)
    smaller = min(len(a), len(b))
    return shared >= cfg["min_shared"] and smaller > 0 and shared / smaller >= cfg["min_overlap"]


def similar_texts(a: str, b: str) -> bool:
    """Whether two texts (e.g. commitments of different letters) share most of their content words."""
    return alike(content_words(a), content_words(b))
