"""Counting machinery: tp/fp/fn with P/R/F1, set comparison and one-to-one (bipartite) matching."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Counts:
    """True/false positives and false negatives of one field, with P, R and F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1 when nothing was predicted and nothing missed, else 0 for no predictions."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1 when there was nothing to find and nothing was wrongly found."""
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        """Accumulate another field's counts (micro average)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        """Counts plus rounded P/R/F1, for JSON."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class FieldScore(Counts):
    """Counts of one field in one document, plus the items behind them (for diffs and --details)."""

    tp_items: list[str] = field(default_factory=list)
    fp_items: list[str] = field(default_factory=list)
    fn_items: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Counts and item lists, for JSON."""
        return {**super().to_dict(), "tp_items": self.tp_items, "fp_items": self.fp_items,
                "fn_items": self.fn_items}


def is_optional(item: Any) -> bool:
    """A gold item marked `"optional": true`: neither rewarded nor penalised (GOLD_FORMAT.md)."""
    return isinstance(item, Mapping) and item.get("optional") is True


def score_keys(gold: Mapping[Any, str], pred: Mapping[Any, str], optional: Iterable[Any] = ()) -> FieldScore:
    """Compare two sets of keys; the mappings give each key's display text; optional keys count nowhere."""
    score = FieldScore()
    skip = set(optional)
    gold = {k: v for k, v in gold.items() if k not in skip}
    pred = {k: v for k, v in pred.items() if k not in skip}
    for key, shown in gold.items():
        if key in pred:
            score.tp += 1
            score.tp_items.append(shown)
        else:
            score.fn += 1
            score.fn_items.append(shown)
    for key, shown in pred.items():
        if key not in gold:
            score.fp += 1
            score.fp_items.append(shown)
    return score


def keyed(items: Iterable[Any], key: Callable[[Any], Any], show: Callable[[Any], str]) -> dict[Any, str]:
    """Distinct keys of items, each shown as its first item."""
    keyed: dict[Any, str] = {}
    for item in items:
        keyed.setdefault(key(item), show(item))
    return keyed


def max_matching(
    gold: Sequence[Any], pred: Sequence[Any], edge: Callable[[Any, Any], bool],
    preferred: Callable[[Any, Any], bool] | None = None,
) -> dict[int, int]:
    """Maximum bipartite matching gold index -> pred index (Kuhn); preferred edges are matched first."""
    pred_of_gold: dict[int, int] = {}
    gold_of_pred: dict[int, int] = {}

    def augment(g: int, seen: set[int], allowed: Callable[[Any, Any], bool]) -> bool:
        for p, candidate in enumerate(pred):
            if p in seen or not allowed(gold[g], candidate):
                continue
            seen.add(p)
            if p not in gold_of_pred or augment(gold_of_pred[p], seen, allowed):
                pred_of_gold[g] = p
                gold_of_pred[p] = g
                return True
        return False

    phases = [edge] if preferred is None else [preferred, edge]
    for allowed in phases:
        for g in range(len(gold)):
            if g not in pred_of_gold:
                augment(g, set(), allowed)
    return pred_of_gold


def score_matching(
    gold: Sequence[Any], pred: Sequence[Any], edge: Callable[[Any, Any], bool],
    show: Callable[[Any], str], preferred: Callable[[Any, Any], bool] | None = None,
) -> FieldScore:
    """Score a one-to-one matching: matched pairs are tp, unmatched gold fn, unmatched predictions fp.

    Optional gold items take part in the matching (so a prediction matching one is not a false
    positive) but count neither as tp nor as fn.
    """
    matched = max_matching(gold, pred, edge, preferred)
    score = FieldScore()
    for g, item in enumerate(gold):
        if is_optional(item):
            continue
        if g in matched:
            score.tp += 1
            score.tp_items.append(show(item))
        else:
            score.fn += 1
            score.fn_items.append(show(item))
    used = set(matched.values())
    score.fp_items = [show(item) for p, item in enumerate(pred) if p not in used]
    score.fp = len(score.fp_items)
    return score
