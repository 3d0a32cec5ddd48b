"""Scorer tests: exact counts on hand-made pairs, and perfect synthetic records made from the corpus gold."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from mhextract.errors import MhextractError
from mhextract.evaluate import (
    FIELDS,
    EvalReport,
    diff,
    evaluate,
    format_missed,
    load_gold,
    max_matching,
    missed_items,
    norm,
    number_key,
    organisations_match,
    persons_match,
    record_to_gold_view,
    score_document,
)
from mhextract.record import model as rec

GOLD_DIR = Path(__file__).resolve().parents[1] / "corpus" / "gold"
GOLD = load_gold(GOLD_DIR)
SPAN = rec.Span(start=0, end=0)


def gold_to_record(gold: dict[str, Any], path: str | None = None, fmt: str = "text") -> dict[str, Any]:
    """A synthetic, contract-valid record that says exactly what the gold says."""
    meta = gold["metadata"]
    record = rec.Record(
        extractor=rec.Extractor(version="test", model="blank:nl"),
        source=rec.Source(path=path or f"corpus/letters/{gold['document']}", sha256="0" * 64, format=fmt),  # type: ignore[arg-type]
        text="",
        metadata=rec.Metadata(
            date=meta["date"], subject=meta["subject"], reference=meta["reference"],
            signatories=[rec.Signatory(**s) for s in meta["signatories"]],
        ),
        kamerstukken=[rec.KamerstukRef(id=k, dossier=k.split("-")[0]) for k in gold["kamerstukken"]],
        references=[rec.Reference(kind=r.split(":", 1)[0], id=r.split(":", 1)[1])
                    for r in gold["other_references"]],
        motions=[rec.Motion(submitters=m["submitters"], kamerstuk=m["kamerstuk"]) for m in gold["motions"]],
        organisations=[rec.Organisation(name=o["name"], aliases=o["aliases"]) for o in gold["organisations"]],
        persons=[rec.Person(name=p["name"], role=p.get("role")) for p in gold["persons"]],
        dates=[rec.DateMention(text=d["text"], value=d["value"], span=SPAN) for d in gold["dates"]],
        figures=[rec.Figure(text=f["text"], value=float(f["value"]), unit=f["unit"], span=SPAN)
                 for f in gold["figures"]],
        recommendations=[rec.Recommendation(number=r["number"], by=r["by"], title=r["title"], text=r["title"],
                                            span=SPAN) for r in gold["recommendations"]],
        sections=[rec.Section(title=t, start=0, end=0) for t in gold["sections"]],
        commitments=[rec.Commitment(text=c["text"], kind=c["kind"], due=c.get("due"), span=SPAN)
                     for c in gold.get("commitments", [])],
    )
    return record.model_dump(mode="json")


def counts(score: Any) -> tuple[int, int, int]:
    """(tp, fp, fn) of a field score."""
    return score.tp, score.fp, score.fn


def score_field(name: str, gold_value: Any, pred_value: Any) -> tuple[int, int, int]:
    """Score one field of a one-field gold against a one-field view."""
    return counts(score_document({name: gold_value}, {name: pred_value})[name])


# ---------------------------------------------------------------- normalisation


@pytest.mark.parametrize(("text", "expected"), [
    ("Aanleiding.", "aanleiding"),
    ("  Aanpak   kwetsbare\njongeren ", "aanpak kwetsbare jongeren"),
    (": Ten slotte;", "ten slotte"),
    ("ﬁeld lab", "field lab"),            # NFKC folds the ligature
    ("Segers-Asscher", "segers-asscher"),  # inner hyphens stay
    ("e.g. a.b.", "e.g. a.b"),
])
def test_norm(text: str, expected: str) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(("a", "b", "equal"), [
    (10000000, 1e7, True), (87, 87.0, True), ("1e7", 10000000, True), (60, 0.6, False), (None, None, True),
])
def test_number_key(a: object, b: object, equal: bool) -> None:
    assert (number_key(a) == number_key(b)) is equal


# ---------------------------------------------------------------- sets


def test_kamerstukken_set_counts_each_id_once() -> None:
    assert score_field("kamerstukken", ["28638-207", "34193-207", "35925-VI-118"],
                       ["28638-207", "28638-207", "35925-vi-118", "28638"]) == (2, 1, 1)


def test_sections_normalised_titles() -> None:
    assert score_field("sections", ["Aanleiding", "Ten slotte", "Algemene reactie"],
                       ["aanleiding.", "Ten  slotte", "Bijlagen"]) == (2, 1, 1)


def test_recommendation_numbers() -> None:
    gold = [{"number": 1}, {"number": 2}, {"number": 3}]
    assert score_field("recommendations", gold, [{"number": 1}, {"number": 3}, {"number": None}]) == (2, 1, 1)


def test_dates_distinct_values_null_is_one_value() -> None:
    gold = [{"value": None}, {"value": None}, {"value": "2023"}, {"value": "2021-summer"}]
    pred = [{"value": None}, {"value": "2024"}, {"value": "2021-summer"}, {"value": "2021-summer"}]
    assert score_field("dates", gold, pred) == (2, 1, 1)


def test_figures_value_unit_pairs_compared_numerically() -> None:
    gold = [{"value": 10000000, "unit": "EUR"}, {"value": 87, "unit": "fte"},
            {"value": 60, "unit": "percent"}]
    pred = [{"value": 1e7, "unit": "EUR"}, {"value": 87.0, "unit": "fte"}, {"value": 87, "unit": "persons"},
            {"value": 10000000.0, "unit": "EUR"}]
    assert score_field("figures", gold, pred) == (2, 1, 1)


# ---------------------------------------------------------------- metadata


def test_metadata_slots_and_signatories() -> None:
    gold = {"date": "2023-11-30", "subject": None, "reference": "6013609",
            "signatories": [{"role": "x", "name": "E. van der Burg"}]}
    pred = {"date": "2023-12-18", "subject": "Iets", "reference": None,
            "signatories": [{"role": "y", "name": "E. van der  Burg"},
                            {"role": "z", "name": "A. Broekers-Knol"}]}
    # date wrong: fp+fn; subject set but gold null: fp; reference missing: fn; one signatory right, one extra
    assert score_field("metadata", gold, pred) == (1, 3, 2)


def test_metadata_all_right() -> None:
    gold = {"date": "2022-11-08", "subject": "Beleidsreactie CKM", "reference": "4283675",
            "signatories": [{"role": "x", "name": "E. van der Burg"}]}
    pred = {**gold, "subject": "Beleidsreactie  CKM."}
    assert score_field("metadata", gold, pred) == (4, 0, 0)


# ---------------------------------------------------------------- motions


def motion(submitters: list[str], kamerstuk: str | None = None) -> dict[str, Any]:
    """A gold-shaped motion."""
    return {"submitters": submitters, "kamerstuk": kamerstuk}


@pytest.mark.parametrize(("gold", "pred", "expected"), [
    # same id, submitters not found
    ([motion(["Kuik"], "35925-VI-118")], [motion([], "35925-VI-118")], (1, 0, 0)),
    # no id in gold, same surname set in another order
    ([motion(["Kuik", "Bikker"])], [motion(["Bikker", "Kuik"])], (1, 0, 0)),
    # surnames compare on the last word: `Van der Graaf` ~ `Graaf`
    ([motion(["Van der Graaf"], "35570-VI-64")], [motion(["graaf"])], (1, 0, 0)),
    # a subset of the submitters and a different id is no match
    ([motion(["Kuik", "Bikker"])], [motion(["Kuik"], "28638-1")], (0, 1, 1)),
    # two predictions of the same motion: one matches, the other is a false positive
    ([motion(["Wiersma"], "28638-192")], [motion(["Wiersma"]), motion([], "28638-192")], (1, 1, 0)),
    # empty submitters and no id never match
    ([motion([])], [motion([])], (0, 1, 1)),
])
def test_motions(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], expected: tuple[int, int, int],
) -> None:
    assert score_field("motions", gold, pred) == expected


def test_motions_prefer_id_matches_and_reach_the_maximum() -> None:
    gold = [{"submitters": ["Kuik"], "kamerstuk": "28638-224"}, {"submitters": ["Kuik"], "kamerstuk": None}]
    pred = [{"submitters": ["Kuik"], "kamerstuk": None}, {"submitters": ["Bikker"], "kamerstuk": "28638-224"}]
    score = score_document({"motions": gold}, {"motions": pred})["motions"]
    assert counts(score) == (2, 0, 0)
    assert counts(score_document({"motions": gold}, {"motions": pred[::-1]})["motions"]) == (2, 0, 0)


# ---------------------------------------------------------------- organisations


def test_organisation_matches_by_alias() -> None:
    gold = [{"name": "Coördinatiecentrum tegen Mensenhandel", "aliases": ["CoMensha"]},
            {"name": "Openbaar Ministerie", "aliases": ["OM"]}, {"name": "VNG", "aliases": []}]
    pred = [{"name": "comensha", "aliases": []}, {"name": "OM", "aliases": ["Openbaar Ministerie"]},
            {"name": "Gemeente Utrecht", "aliases": []}]
    assert score_field("organisations", gold, pred) == (2, 1, 1)


def test_organisations_use_maximum_matching_not_order() -> None:
    gold = [{"name": "Nationale Politie", "aliases": ["politie"]}, {"name": "politie", "aliases": []}]
    pred = [{"name": "politie", "aliases": []}, {"name": "Nationale Politie", "aliases": []}]
    for order in (pred, pred[::-1]):
        assert score_field("organisations", gold, order) == (2, 0, 0)
        assert score_field("organisations", gold[::-1], order) == (2, 0, 0)


def test_organisation_each_matches_at_most_once() -> None:
    gold = [{"name": "Ministerie van Justitie en Veiligheid", "aliases": ["JenV"]}]
    pred = [{"name": "JenV", "aliases": []}, {"name": "Ministerie van Justitie en Veiligheid", "aliases": []}]
    assert organisations_match(gold[0], pred[0])
    assert score_field("organisations", gold, pred) == (1, 1, 0)


def test_max_matching_beats_greedy() -> None:
    gold = [{"a", "b"}, {"a"}]
    pred = [{"a"}, {"b"}]
    assert len(max_matching(gold, pred, lambda g, p: bool(g & p))) == 2


# ---------------------------------------------------------------- persons


@pytest.mark.parametrize(("gold", "pred", "match"), [
    ("E. van der Burg", "E. van der Burg", True),
    ("E. van der Burg", "Van der Burg", True),
    ("E. van der Burg", "Eric van der Burg", True),
    ("E. van der Burg", "J. van der Burg", False),
    ("E. van der Burg", "Burg", False),
    ("Van Dijk", "Dijk", False),
    ("Van Dijk", "van Dijk", True),
    ("D.M. van Weel", "D. M. van Weel", True),
    ("D.M. van Weel", "Dilan van Weel", True),
    ("A. Broekers-Knol", "Broekers-Knol", True),
    ("A. Broekers-Knol", "Knol", False),
    ("Kuik", "Kuiken", False),
    ("Kuik", "kuik.", True),
    ("Verkuijlen", "Verkuilen", False),
])
def test_persons_match(gold: str, pred: str, match: bool) -> None:
    assert persons_match({"name": gold}, {"name": pred}) is match


def test_persons_counts() -> None:
    gold = [{"name": "E. van der Burg"}, {"name": "Kuik"}, {"name": "Bikker"}]
    pred = [{"name": "Van der Burg"}, {"name": "Kuik"}, {"name": "Kuik"}, {"name": "Podt"}]
    assert score_field("persons", gold, pred) == (2, 2, 1)


# ---------------------------------------------------------------- commitments


def commitment(text: str, kind: str = "made") -> dict[str, Any]:
    """A gold-shaped commitment."""
    return {"text": text, "kind": kind, "due": None}


@pytest.mark.parametrize(("gold", "pred", "expected"), [
    # one text contains the other after normalisation
    ([commitment("Uw Kamer zal hierover worden geïnformeerd")],
     [commitment("uw Kamer zal hierover worden geïnformeerd.")], (1, 0, 0)),
    # same text, different kind: no match
    ([commitment("heb ik u toegezegd terug te komen op een aantal onderwerpen", "fulfilled")],
     [commitment("heb ik u toegezegd terug te komen op een aantal onderwerpen", "reported")], (0, 1, 1)),
    # 4 of the 5 words of the shorter text (80%) occur in the other
    ([commitment("Ik zal uw Kamer daarover voor de zomer informeren")],
     [commitment("Kamer zal daarover informeren vandaag")], (1, 0, 0)),
    # 2 of 5 words (40%): no match
    ([commitment("Ik zal uw Kamer daarover voor de zomer informeren")],
     [commitment("Kamer zal iets anders doen")], (0, 1, 1)),
    # two identical gold commitments need two predictions
    ([commitment("Uw Kamer zal hierover worden geïnformeerd")] * 2,
     [commitment("Uw Kamer zal hierover worden geïnformeerd")], (1, 0, 1)),
])
def test_commitments(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], expected: tuple[int, int, int],
) -> None:
    assert score_field("commitments", gold, pred) == expected


# ---------------------------------------------------------------- mapping and fields


def test_record_view_maps_references_and_skips_unannotated_kinds() -> None:
    record = gold_to_record(GOLD["003_749c75a436ca6fa8"])
    record["references"].append({"kind": "document", "id": "2021D07686", "mentions": []})
    record["references"].append({"kind": "unknown-kind", "id": "x", "mentions": []})
    view = record_to_gold_view(record)
    # document numbers are annotated since the real-world conventions (GOLD_FORMAT.md); unknown kinds are not
    assert sorted(view["other_references"]) == [
        "document:2021D07686", "ecli:ECLI:NL:RBMNE:2023:4838", "toezegging:118836"]
    assert view["document"] == "003_749c75a436ca6fa8.txt"


def test_fields_missing_in_gold_are_skipped_and_present_ones_scored() -> None:
    gold = {k: v for k, v in GOLD["003_749c75a436ca6fa8"].items() if k != "commitments"}
    assert "commitments" not in score_document(gold, record_to_gold_view(gold_to_record(gold)))
    with_commitments = {**gold, "commitments": [{"text": "Ik zal uw Kamer voor de zomer informeren.", "kind": "made"}]}
    record = gold_to_record(gold)
    record["commitments"] = [{"text": "ik zal uw Kamer voor de zomer informeren", "kind": "made",
                              "span": {"start": 0, "end": 0}}]
    assert counts(score_document(with_commitments, record_to_gold_view(record))["commitments"]) == (1, 0, 0)


@pytest.mark.parametrize("stem", sorted(GOLD))
def test_perfect_synthetic_record_scores_one(stem: str) -> None:
    gold = GOLD[stem]
    scores = score_document(gold, record_to_gold_view(gold_to_record(gold)))
    assert set(scores) == {f for f in FIELDS if f in gold}
    assert {name: s.f1 for name, s in scores.items()} == {name: 1.0 for name in scores}
    assert all(s.fp == 0 and s.fn == 0 for s in scores.values())


def _drop_first(record: dict[str, Any], key: str, same: Any) -> None:
    """Remove every entry of record[key] that shares the first entry's scoring key."""
    first = same(record[key][0])
    record[key] = [x for x in record[key] if same(x) != first]


def _drop_scored_figure(record: dict[str, Any]) -> None:
    """Remove the first figure that is scored (`Bijlagen 2` is not: eval_config.json figures_not_scored)."""
    first = next(f for f in record["figures"] if not f["text"].startswith("Bijlage"))
    record["figures"] = [f for f in record["figures"] if (f["value"], f["unit"]) != (first["value"], first["unit"])]


REMOVALS: dict[str, Any] = {
    "metadata": lambda r: r["metadata"].update(subject=None),
    "kamerstukken": lambda r: _drop_first(r, "kamerstukken", lambda x: x["id"]),
    "other_references": lambda r: _drop_first(r, "references", lambda x: x["id"]),
    "motions": lambda r: _drop_first(r, "motions", lambda x: x["kamerstuk"]),
    "organisations": lambda r: _drop_first(r, "organisations", lambda x: x["name"]),
    "persons": lambda r: _drop_first(r, "persons", lambda x: x["name"]),
    "dates": lambda r: _drop_first(r, "dates", lambda x: x["value"]),
    "figures": lambda r: _drop_scored_figure(r),
    "recommendations": lambda r: _drop_first(r, "recommendations", lambda x: x["number"]),
    "sections": lambda r: _drop_first(r, "sections", lambda x: x["title"]),
    "commitments": lambda r: _drop_first(r, "commitments", lambda x: x["text"]),
}


@pytest.mark.parametrize("field", sorted(REMOVALS))
def test_removing_one_item_lowers_only_that_field(field: str) -> None:
    stem = "004_e6592aba5af7c8ea" if field == "recommendations" else "003_749c75a436ca6fa8"
    gold = GOLD[stem]
    record = gold_to_record(gold)
    REMOVALS[field](record)
    scores = score_document(gold, record_to_gold_view(record))
    assert counts(scores[field]) == (scores[field].tp, 0, 1)
    assert scores[field].f1 < 1.0
    assert all(s.f1 == 1.0 for name, s in scores.items() if name != field)


# ---------------------------------------------------------------- evaluate, report, diff


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_evaluate_perfect_corpus(tmp_path: Path) -> None:
    for stem, gold in GOLD.items():
        _write(tmp_path / f"{stem}.json", gold_to_record(gold))
    _write(tmp_path / ".last_eval.json", {"version": 1})
    report = evaluate(GOLD_DIR, tmp_path)
    assert len(report.documents) == len(GOLD)
    assert report.macro_f1 == 1.0
    assert not report.unmatched_records
    assert all(c.f1 == 1.0 for c in report.fields.values())
    assert "macro F1" in report.to_table()


def test_evaluate_formats_missing_letters_and_unmatched(tmp_path: Path) -> None:
    stem = "003_749c75a436ca6fa8"
    _write(tmp_path / f"{stem}.json", gold_to_record(GOLD[stem]))
    pdf = gold_to_record(GOLD[stem], path=f"corpus/pdf/{stem}.pdf", fmt="pdf")
    pdf["kamerstukken"] = pdf["kamerstukken"][1:]
    _write(tmp_path / "pdf" / "brief.json", pdf)
    _write(tmp_path / "other.json", gold_to_record(GOLD[stem], path="elsewhere/unknown.txt"))
    report = evaluate(GOLD_DIR, tmp_path)
    rows = {(r.document, r.format): r for r in report.documents}
    assert ("pdf/brief.json", "pdf") in rows and (f"{stem}.json", "text") in rows
    assert sum(r.missing for r in report.documents) == len(GOLD) - 1
    assert report.unmatched_records == ["other.json"]
    by_format = report.by_format()
    assert by_format["pdf"]["kamerstukken"].fn == 1 and by_format["text"]["kamerstukken"].fn == 0
    total_gold_ids = sum(len(set(g["kamerstukken"])) for g in GOLD.values())
    # two records of 003 score its ids twice; missing letters count all their ids as FN
    assert report.fields["kamerstukken"].tp + report.fields["kamerstukken"].fn == total_gold_ids + len(
        GOLD[stem]["kamerstukken"])
    table = report.to_table()
    assert "format pdf (1 records)" in table and "MISSING" in table and "other.json" in table


def test_missed_items_and_diff(tmp_path: Path) -> None:
    stem = "004_e6592aba5af7c8ea"
    record = gold_to_record(GOLD[stem])
    _write(tmp_path / f"{stem}.json", record)
    before = evaluate(GOLD_DIR, tmp_path, include_missing=False)
    record["dates"] = [d for d in record["dates"] if d["value"] != "2022-10-17"]
    record["figures"].append({"text": "7 zaken", "value": 7, "unit": "cases", "subject": None, "period": None,
                              "span": {"start": 0, "end": 0, "page": None, "section": None}})
    _write(tmp_path / f"{stem}.json", record)
    after = evaluate(GOLD_DIR, tmp_path, include_missing=False)

    missed = missed_items(GOLD_DIR, tmp_path, "dates")
    assert [(m["document"], m["fn"], m["fp"]) for m in missed] == [(f"{stem}.json", ["2022-10-17"], [])]
    assert "FN  2022-10-17" in format_missed(missed, "dates")
    with pytest.raises(ValueError):
        missed_items(GOLD_DIR, tmp_path, "nonsense")

    text = diff(before.to_json(), after)
    assert "- lost     2022-10-17" in text
    assert "- new FP   7 cases" in text
    assert [line.split()[0] for line in text.splitlines()[1:3]] == ["dates", "figures"]
    assert diff(None, after) == "no previous evaluation to compare with"
    assert "(no field F1 changed)" in diff(after.to_dict(), after)


def test_report_json_round_trip(tmp_path: Path) -> None:
    stem = "002_4f8f281e8ae3634a"
    _write(tmp_path / f"{stem}.json", gold_to_record(GOLD[stem]))
    report = evaluate(GOLD_DIR, tmp_path, include_missing=False)
    data = json.loads(report.to_json())
    assert data["fields"]["recommendations"] == {"tp": 3, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0,
                                                 "f1": 1.0}
    assert data["macro_f1"] == round(report.macro_f1, 4)
    assert isinstance(report, EvalReport) and copy.deepcopy(data) == json.loads(report.to_json())


def test_bad_directories_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(MhextractError, match="gold directory not found"):
        evaluate(tmp_path / "nope", tmp_path)
    with pytest.raises(MhextractError, match="no gold files"):
        load_gold(tmp_path)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(MhextractError, match=r"bad\.json: unreadable gold file"):
        load_gold(tmp_path)
    with pytest.raises(MhextractError, match="records directory not found"):
        evaluate(GOLD_DIR, tmp_path / "nope")


def test_optional_organisation_neither_rewarded_nor_penalised() -> None:
    gold = [{"name": "Ministerie van Sociale Zaken en Werkgelegenheid", "aliases": [], "optional": True},
            {"name": "Openbaar Ministerie", "aliases": ["OM"]}]
    found = [{"name": "OM", "aliases": []}, {"name": "Ministerie van Sociale Zaken en Werkgelegenheid", "aliases": []}]
    # found: the optional match is no tp and no fp
    assert score_field("organisations", gold, found) == (1, 0, 0)
    # not found: the optional miss is no fn
    assert score_field("organisations", gold, found[:1]) == (1, 0, 0)
    # an unrelated prediction is still a false positive
    assert score_field("organisations", gold, [*found[:1], {"name": "VNG", "aliases": []}]) == (1, 1, 0)


def test_optional_date_and_figure_keys_count_nowhere_unless_also_required() -> None:
    gold = [{"text": "2020", "value": "2020", "optional": True}, {"text": "mei 2021", "value": "2021-05"}]
    assert score_field("dates", gold, [{"value": "2020"}, {"value": "2021-05"}]) == (1, 0, 0)
    assert score_field("dates", gold, [{"value": "2021-05"}]) == (1, 0, 0)
    both = [*gold, {"text": "in 2020", "value": "2020"}]
    assert score_field("dates", both, [{"value": "2021-05"}]) == (1, 0, 1)
    figures = [{"text": "3 fte", "value": 3, "unit": "fte", "optional": True}]
    assert score_field("figures", figures, [{"value": 3, "unit": "fte"}]) == (0, 0, 0)


def test_record_view_lists_the_letters_own_ids() -> None:
    record = {"source": {"path": "x.txt"}, "metadata": {},
              "kamerstukken": [{"id": "28638-206", "own": True}, {"id": "28638-183", "own": False}]}
    assert record_to_gold_view(record)["kamerstukken"] == ["28638-206", "28638-183"]
