"""Issue 15's extractor items as the evaluator sees them: year-less `jl.` days, ages/durations, non-figures."""

from __future__ import annotations

from pathlib import Path

from mhextract.evaluate.scoring import SCORERS
from mhextract.record.build import extract_file

ROOT = Path(__file__).resolve().parents[1]


def _counts(field: str, gold: list[dict], pred: list[dict]) -> tuple[int, int, int]:
    score = SCORERS[field](gold, pred)
    return score.tp, score.fp, score.fn


def test_years_and_months_count_as_other_against_gold_written_before_them() -> None:
    gold = [{"text": "21 jaar", "value": 21, "unit": "other"}, {"text": "zes maanden", "value": 6, "unit": "other"}]
    pred = [{"text": "21 jaar", "value": 21, "unit": "years"}, {"text": "zes maanden", "value": 6, "unit": "months"}]
    assert _counts("figures", gold, pred) == (2, 0, 0)
    new_gold = [{**gold[0], "unit": "years"}]  # gold that uses the units is compared exactly
    assert _counts("figures", new_gold, [pred[0]]) == (1, 0, 0)
    assert _counts("figures", new_gold, [{**pred[0], "unit": "other"}]) == (0, 1, 1)


def test_letterhead_counts_and_jarig_things_are_not_scored() -> None:
    gold = [{"text": "Bijlagen 2", "value": 2, "unit": "other"},
            {"text": "tweejarig project", "value": 2, "unit": "other"},
            {"text": "87 fte", "value": 87, "unit": "fte"}]
    assert _counts("figures", gold, [gold[2]]) == (1, 0, 0)
    assert _counts("figures", [gold[2]], gold) == (1, 0, 0)


def test_a_yearless_day_counts_as_null_against_gold_without_that_form() -> None:
    gold = [{"text": "24 februari jl.", "value": None}]
    assert _counts("dates", gold, [{"text": "24 februari jl.", "value": "--02-24"}]) == (1, 0, 0)
    assert _counts("dates", [{"text": "x", "value": "--02-24"}], [{"text": "x", "value": "--02-24"}]) == (1, 0, 0)
    assert _counts("dates", [{"text": "x", "value": "--02-24"}], [{"text": "x", "value": None}]) == (0, 1, 1)


def test_corpus_letters_keep_yearless_days_and_give_ages_a_unit(nlp) -> None:
    undated = extract_file(ROOT / "corpus" / "letters" / "000_d382b78c494beb71.txt", nlp)
    assert ("24 februari jl.", "--02-24", "day") in [(d.text, d.value, d.precision) for d in undated.dates]
    units = {f.text: f.unit for f in undated.figures}
    assert units.get("zes maanden") == "months" and units.get("23 jaar") == "years"
    dated = extract_file(ROOT / "corpus" / "letters" / "004_e6592aba5af7c8ea.txt", nlp)
    texts = [f.text for f in dated.figures]
    assert "tweejarig project" not in texts and not any(t.startswith("Bijlagen") for t in texts)
    assert ("21 jaar", "years") in [(f.text, f.unit) for f in dated.figures]
