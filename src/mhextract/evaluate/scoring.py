"""Per-field scorers: one document's gold view against the gold file, field by field."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mhextract.evaluate.counts import FieldScore, is_optional, keyed, score_keys, score_matching
from mhextract.evaluate.matchers import (
    commitments_match,
    motion_ids_equal,
    motions_match,
    organisations_match,
    persons_match,
    show_commitment,
    show_motion,
    show_org,
)
from mhextract.evaluate.normalise import fmt_number, norm, number_key
from mhextract.evaluate.settings import FIELDS, eval_config


def _score_metadata(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> FieldScore:
    """date, subject and reference count one each where set; plus one per signatory name."""
    score = FieldScore()
    for slot in ("date", "subject", "reference"):
        want, got = gold.get(slot), pred.get(slot)
        if want is not None and got is not None and norm(want) == norm(got):
            score.tp += 1
            score.tp_items.append(f"{slot}={want}")
            continue
        if want is not None:
            score.fn += 1
            score.fn_items.append(f"{slot}={want}")
        if got is not None:
            score.fp += 1
            score.fp_items.append(f"{slot}={got}")
    names = score_keys(
        keyed((s.get("name") for s in gold.get("signatories") or [] if s.get("name")), norm,
               lambda n: f"signatory={n}"),
        keyed((s.get("name") for s in pred.get("signatories") or [] if s.get("name")), norm,
               lambda n: f"signatory={n}"),
    )
    score.add(names)
    score.tp_items += names.tp_items
    score.fp_items += names.fp_items
    score.fn_items += names.fn_items
    return score


def _score_text_set(gold: Sequence[str], pred: Sequence[str]) -> FieldScore:
    """Sets of normalised strings (kamerstuk ids, `kind:id` references, section titles)."""
    return score_keys(keyed(gold, norm, str), keyed(pred, norm, str))


def _score_dates(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> FieldScore:
    """The set of distinct date values; null is one value of its own. Against gold that never uses the
    year-less form `--MM-DD` (it wrote null for `27 mei jl.` in an undated letter), that form counts as null."""
    yearless_is_null = not any(str(d.get("value") or "").startswith("--") for d in gold)

    def key(d: Mapping[str, Any]) -> str | None:
        value = d.get("value")
        if value is None or (yearless_is_null and str(value).startswith("--")):
            return None
        return norm(value)

    def show(d: Mapping[str, Any]) -> str:
        return "null" if d.get("value") is None else str(d["value"])

    return score_keys(keyed(gold, key, show), keyed(pred, key, show), _optional_keys(gold, key))


def _optional_keys(gold: Sequence[Any], key: Callable[[Any], Any]) -> set[Any]:
    """Keys given only by optional gold items (a key also given by a required item stays scored)."""
    required = {key(g) for g in gold if not is_optional(g)}
    return {key(g) for g in gold if is_optional(g)} - required


def _score_figures(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> FieldScore:
    """The set of distinct (value, unit) pairs, values compared as numbers (`eval_config.json`: figures
    that are no figures are left out on both sides; `years`/`months` count as `other` against older gold)."""
    config = eval_config()
    skip = [(rule["unit"], re.compile(rule["text"])) for rule in config["figures_not_scored"]]

    def scored(f: Mapping[str, Any]) -> bool:
        return not any(f.get("unit") == unit and pattern.search(str(f.get("text") or "")) for unit, pattern in skip)

    gold, pred = [f for f in gold if scored(f)], [f for f in pred if scored(f)]
    legacy = set(config["legacy_other_units"]) - {str(f.get("unit")) for f in gold}

    def key(f: Mapping[str, Any]) -> tuple[float | None, str]:
        unit = f.get("unit") or "other"
        return number_key(f.get("value")), norm("other" if unit in legacy else unit)

    def show(f: Mapping[str, Any]) -> str:
        value, unit = key(f)
        return f"{fmt_number(value)} {unit}"

    return score_keys(keyed(gold, key, show), keyed(pred, key, show), _optional_keys(gold, key))


def _score_recommendations(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]],
) -> FieldScore:
    """The set of recommendation numbers (a missing number is one value `None`)."""

    def key(r: Mapping[str, Any]) -> float | None:
        return number_key(r.get("number"))

    def show(r: Mapping[str, Any]) -> str:
        return f"#{fmt_number(key(r))}"

    return score_keys(keyed(gold, key, show), keyed(pred, key, show))


SCORERS: dict[str, Callable[[Any, Any], FieldScore]] = {
    "metadata": _score_metadata,
    "kamerstukken": _score_text_set,
    "other_references": _score_text_set,
    "sections": _score_text_set,
    "dates": _score_dates,
    "figures": _score_figures,
    "recommendations": _score_recommendations,
    "motions": lambda g, p: score_matching(g, p, motions_match, show_motion, motion_ids_equal),
    "organisations": lambda g, p: score_matching(g, p, organisations_match, show_org),
    "persons": lambda g, p: score_matching(g, p, persons_match, lambda x: str(x.get("name"))),
    "commitments": lambda g, p: score_matching(g, p, commitments_match, show_commitment),
}


def score_document(gold: Mapping[str, Any], view: Mapping[str, Any] | None) -> dict[str, FieldScore]:
    """Score one gold-shaped view against one gold file, for every field the gold file has."""
    empty: dict[str, Any] = {"metadata": {}}
    view = view if view is not None else empty
    return {name: SCORERS[name](gold[name], view.get(name) or ([] if name != "metadata" else {}))
            for name in FIELDS if name in gold}
