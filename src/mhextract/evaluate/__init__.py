"""Score extracted records against the hand-written gold (corpus/GOLD_FORMAT.md, section "Scoring").

Each record is first mapped onto the gold's keys (`record_to_gold_view`), then every field the
gold file has is compared: sets for kamerstukken / other_references / sections / recommendation
numbers / date values / (figure value, unit) pairs, one-to-one matchings for motions,
organisations, persons and commitments, and slot-wise scoring for metadata. Counts are summed over
letters (micro average); the macro F1 is the mean of the per-field F1s.

Decisions beyond GOLD_FORMAT.md (documented here so the numbers can be read):
- Text comparison: NFKC, lowercase, whitespace folded, `.,;:` stripped at both ends (`norm`).
- Persons: a predicted name matches a gold name when equal after `norm`, or when the surnames
  (last word) and the surname particles (`van der`) are equal and the given names are compatible:
  either side has none, or one side's initials are a prefix of the other's
  (`E. van der Burg` ~ `Van der Burg` ~ `Eric van der Burg`; `Dijk` does not match `Van Dijk`).
- Signatories (metadata) must match by normalised name exactly.
- Motions: a match is equal Kamerstuk ids (both set) or equal non-empty surname sets; id edges are
  tried first, then a maximum bipartite matching is completed with all edges.
- Recommendations without a number count as one value `None` (like null dates).
- other_references: only the kinds the gold annotates (`models/eval_config.json`) are scored.
- Commitments: kinds equal and texts overlapping substantially: one contains the other after `norm`,
  or at least `COMMITMENT_OVERLAP` of the shorter text's words occur in the other (`due` not scored).
- A gold letter without any record counts all its gold items as false negatives.
- P is 1 when nothing was predicted and nothing was missed, else tp/(tp+fp) (0 when nothing was
  predicted); R likewise; F1 0 when P+R is 0.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mhextract.errors import MhextractError
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
REPORT_VERSION = 1
COMMITMENT_OVERLAP = 0.6
_STRIP = ".,;:"
_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- normalisation


def norm(text: object) -> str:
    """Normalise a text for comparison: NFKC, lowercase, folded whitespace, `.,;:` stripped at the ends."""
    folded = " ".join(unicodedata.normalize("NFKC", str(text)).lower().split())
    return folded.strip(_STRIP + " ")


def _config() -> dict[str, Any]:
    """The scorer's own settings (name particles, scored reference kinds)."""
    config: dict[str, Any] = load_json("eval_config.json")
    return config


def number_key(value: object) -> float | None:
    """A figure value as a comparable number (`10000000 == 1e7 == "1e7"`); None stays None."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value.replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        return None
    return round(number, 6)


def _fmt_number(value: float | None) -> str:
    """Show a number without a spurious `.0`."""
    if value is None:
        return "null"
    return str(int(value)) if float(value).is_integer() else str(value)


# ---------------------------------------------------------------- counts


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


def _score_keys(gold: Mapping[Any, str], pred: Mapping[Any, str]) -> FieldScore:
    """Compare two sets of keys; the mappings give each key's display text."""
    score = FieldScore()
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


def _keyed(items: Iterable[Any], key: Callable[[Any], Any], show: Callable[[Any], str]) -> dict[Any, str]:
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


def _score_matching(
    gold: Sequence[Any], pred: Sequence[Any], edge: Callable[[Any, Any], bool],
    show: Callable[[Any], str], preferred: Callable[[Any, Any], bool] | None = None,
) -> FieldScore:
    """Score a one-to-one matching: matched pairs are tp, unmatched gold fn, unmatched predictions fp."""
    matched = max_matching(gold, pred, edge, preferred)
    score = FieldScore(tp=len(matched), fn=len(gold) - len(matched), fp=len(pred) - len(matched))
    used = set(matched.values())
    for g, item in enumerate(gold):
        (score.tp_items if g in matched else score.fn_items).append(show(item))
    score.fp_items = [show(item) for p, item in enumerate(pred) if p not in used]
    return score


# ---------------------------------------------------------------- per-field scorers


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
    names = _score_keys(
        _keyed((s.get("name") for s in gold.get("signatories") or [] if s.get("name")), norm,
               lambda n: f"signatory={n}"),
        _keyed((s.get("name") for s in pred.get("signatories") or [] if s.get("name")), norm,
               lambda n: f"signatory={n}"),
    )
    score.add(names)
    score.tp_items += names.tp_items
    score.fp_items += names.fp_items
    score.fn_items += names.fn_items
    return score


def _score_text_set(gold: Sequence[str], pred: Sequence[str]) -> FieldScore:
    """Sets of normalised strings (kamerstuk ids, `kind:id` references, section titles)."""
    return _score_keys(_keyed(gold, norm, str), _keyed(pred, norm, str))


def _score_dates(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> FieldScore:
    """The set of distinct date values; null is one value of its own."""

    def key(d: Mapping[str, Any]) -> str | None:
        return None if d.get("value") is None else norm(d["value"])

    def show(d: Mapping[str, Any]) -> str:
        return "null" if d.get("value") is None else str(d["value"])

    return _score_keys(_keyed(gold, key, show), _keyed(pred, key, show))


def _score_figures(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> FieldScore:
    """The set of distinct (value, unit) pairs, values compared as numbers."""

    def key(f: Mapping[str, Any]) -> tuple[float | None, str]:
        return number_key(f.get("value")), norm(f.get("unit") or "other")

    def show(f: Mapping[str, Any]) -> str:
        value, unit = key(f)
        return f"{_fmt_number(value)} {unit}"

    return _score_keys(_keyed(gold, key, show), _keyed(pred, key, show))


def _score_recommendations(
    gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]],
) -> FieldScore:
    """The set of recommendation numbers (a missing number is one value `None`)."""

    def key(r: Mapping[str, Any]) -> float | None:
        return number_key(r.get("number"))

    def show(r: Mapping[str, Any]) -> str:
        return f"#{_fmt_number(key(r))}"

    return _score_keys(_keyed(gold, key, show), _keyed(pred, key, show))


def surname(name: str) -> str:
    """The last word of a name, normalised (`Van der Graaf` -> `graaf`)."""
    words = norm(name).split()
    return words[-1] if words else ""


def _motion_ids_equal(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Both motions carry a Kamerstuk id and the ids are equal."""
    return bool(gold.get("kamerstuk")) and bool(pred.get("kamerstuk")) and (
        norm(gold["kamerstuk"]) == norm(pred["kamerstuk"]))


def _motion_surnames(motion: Mapping[str, Any]) -> frozenset[str]:
    """The set of submitter surnames of a motion."""
    return frozenset(s for s in (surname(n) for n in motion.get("submitters") or []) if s)


def motions_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Equal Kamerstuk ids, or equal non-empty submitter surname sets."""
    names = _motion_surnames(gold)
    return _motion_ids_equal(gold, pred) or (bool(names) and names == _motion_surnames(pred))


def _show_motion(motion: Mapping[str, Any]) -> str:
    """`Bikker, Mutluer (28638-229)`."""
    return f"{', '.join(motion.get('submitters') or []) or '?'} ({motion.get('kamerstuk') or 'no id'})"


def _org_names(org: Mapping[str, Any]) -> set[str]:
    """All normalised names and aliases of an organisation."""
    return {n for n in (norm(x) for x in [org.get("name") or "", *(org.get("aliases") or [])]) if n}


def organisations_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Any name or alias of one equals any of the other's."""
    return bool(_org_names(gold) & _org_names(pred))


def _show_org(org: Mapping[str, Any]) -> str:
    """`name [alias, alias]`."""
    aliases = org.get("aliases") or []
    return f"{org.get('name')}" + (f" [{', '.join(aliases)}]" if aliases else "")


def split_name(name: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Split a normalised name into (initials of given names, surname particles, last word)."""
    words = norm(name).split()
    if not words:
        return (), (), ""
    particles = set(_config()["name_particles"])
    rest = words[:-1]
    cut = len(rest)
    while cut > 0 and rest[cut - 1] in particles:
        cut -= 1
    initials: list[str] = []
    for word in rest[:cut]:
        initials += [part[0] for part in word.replace("-", ".").split(".") if part]
    return tuple(initials), tuple(rest[cut:]), words[-1]


def persons_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Equal normalised names, or equal surname and particles with compatible given names/initials."""
    want, got = norm(gold.get("name") or ""), norm(pred.get("name") or "")
    if not want or not got:
        return False
    if want == got:
        return True
    g_init, g_part, g_last = split_name(want)
    p_init, p_part, p_last = split_name(got)
    if g_last != p_last or g_part != p_part:
        return False
    shorter, longer = sorted((g_init, p_init), key=len)
    return longer[: len(shorter)] == shorter


def _words(text: str) -> list[str]:
    """Word tokens of a normalised text."""
    return _WORD.findall(norm(text))


def texts_overlap(a: str, b: str, share: float = COMMITMENT_OVERLAP) -> bool:
    """One normalised text contains the other, or `share` of the shorter's words occur in the other."""
    x, y = norm(a), norm(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    shorter, longer = sorted((_words(a), _words(b)), key=len)
    vocabulary = set(longer)
    return bool(shorter) and sum(w in vocabulary for w in shorter) >= share * len(shorter)


def commitments_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Equal kinds and substantially overlapping texts."""
    return norm(gold.get("kind") or "") == norm(pred.get("kind") or "") and texts_overlap(
        str(gold.get("text") or ""), str(pred.get("text") or ""))


def _show_commitment(commitment: Mapping[str, Any]) -> str:
    """`[made] Uw Kamer zal hierover worden geïnformeerd`."""
    return f"[{commitment.get('kind')}] {commitment.get('text')}"


SCORERS: dict[str, Callable[[Any, Any], FieldScore]] = {
    "metadata": _score_metadata,
    "kamerstukken": _score_text_set,
    "other_references": _score_text_set,
    "sections": _score_text_set,
    "dates": _score_dates,
    "figures": _score_figures,
    "recommendations": _score_recommendations,
    "motions": lambda g, p: _score_matching(g, p, motions_match, _show_motion, _motion_ids_equal),
    "organisations": lambda g, p: _score_matching(g, p, organisations_match, _show_org),
    "persons": lambda g, p: _score_matching(g, p, persons_match, lambda x: str(x.get("name"))),
    "commitments": lambda g, p: _score_matching(g, p, commitments_match, _show_commitment),
}


def score_document(gold: Mapping[str, Any], view: Mapping[str, Any] | None) -> dict[str, FieldScore]:
    """Score one gold-shaped view against one gold file, for every field the gold file has."""
    empty: dict[str, Any] = {"metadata": {}}
    view = view if view is not None else empty
    return {name: SCORERS[name](gold[name], view.get(name) or ([] if name != "metadata" else {}))
            for name in FIELDS if name in gold}


# ---------------------------------------------------------------- record -> gold view


def record_to_gold_view(record: Mapping[str, Any]) -> dict[str, Any]:
    """Map one record (the `mhextract.record.Record` contract, as a dict) onto the gold's keys."""
    meta = record.get("metadata") or {}
    kinds = set(_config()["reference_kinds"])
    source = record.get("source") or {}
    return {
        "document": Path(str(source.get("path") or "")).name,
        "metadata": {
            "date": meta.get("date"), "subject": meta.get("subject"), "reference": meta.get("reference"),
            "signatories": [{"role": s.get("role"), "name": s.get("name")}
                            for s in meta.get("signatories") or []],
        },
        # The letter's own number (its header) is not a citation: the gold lists cited ids only.
        "kamerstukken": [k["id"] for k in record.get("kamerstukken") or [] if k.get("id") and not k.get("own")],
        "other_references": [f"{r['kind']}:{r['id']}" for r in record.get("references") or []
                             if r.get("kind") in kinds and r.get("id")],
        "motions": [{"submitters": list(m.get("submitters") or []), "kamerstuk": m.get("kamerstuk")}
                    for m in record.get("motions") or []],
        "organisations": [{"name": o.get("name"), "aliases": list(o.get("aliases") or [])}
                          for o in record.get("organisations") or []],
        "persons": [{"name": p.get("name"), "role": p.get("role")} for p in record.get("persons") or []],
        "dates": [{"text": d.get("text"), "value": d.get("value")} for d in record.get("dates") or []],
        "figures": [{"text": f.get("text"), "value": f.get("value"), "unit": f.get("unit")}
                    for f in record.get("figures") or []],
        "recommendations": [{"number": r.get("number"), "by": r.get("by"), "title": r.get("title")}
                            for r in record.get("recommendations") or []],
        "sections": [s["title"] for s in record.get("sections") or [] if s.get("title")],
        "commitments": [{"text": c.get("text"), "kind": c.get("kind"), "due": c.get("due")}
                        for c in record.get("commitments") or []],
    }


# ---------------------------------------------------------------- loading


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """All gold files of a directory, keyed by document stem (`003_749c75a436ca6fa8`)."""
    if not Path(gold_dir).is_dir():
        raise MhextractError(f"{gold_dir}: gold directory not found")
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MhextractError(f"{path}: unreadable gold file ({exc})") from exc
        if not isinstance(data, dict) or "metadata" not in data:
            raise MhextractError(f"{path}: not a gold file (no 'metadata' key)")
        stem = Path(str(data.get("document") or path.name)).stem
        gold[stem] = data
    if not gold:
        raise MhextractError(f"{gold_dir}: no gold files (*.json)")
    return gold


def _record_files(records_dir: Path) -> list[Path]:
    """Record JSON files under records_dir, skipping hidden files such as `.last_eval.json`."""
    root = Path(records_dir)
    return sorted(p for p in root.rglob("*.json")
                  if not any(part.startswith(".") for part in p.relative_to(root).parts))


def _gold_stem(path: Path, record: Mapping[str, Any], gold: Mapping[str, Any]) -> str | None:
    """Which gold file a record belongs to: its file stem, else its source path stem."""
    source_path = str((record.get("source") or {}).get("path") or "")
    candidates = [path.stem, Path(path.stem).stem, Path(source_path).stem if source_path else ""]
    return next((c for c in candidates if c and c in gold), None)


@dataclass
class _LoadedRecord:
    """One record file matched to its gold stem."""

    name: str
    stem: str
    format: str
    view: dict[str, Any]


def _load_records(records_dir: Path, gold: Mapping[str, Any]) -> tuple[list[_LoadedRecord], list[str]]:
    """Records matched to gold stems, and the names of JSON files that matched none."""
    loaded: list[_LoadedRecord] = []
    unmatched: list[str] = []
    root = Path(records_dir)
    for path in _record_files(root):
        name = str(path.relative_to(root))
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            unmatched.append(name)
            continue
        stem = _gold_stem(path, record, gold) if isinstance(record, dict) and "source" in record else None
        if stem is None:
            unmatched.append(name)
            continue
        fmt = str((record.get("source") or {}).get("format") or "unknown")
        loaded.append(_LoadedRecord(name, stem, fmt, record_to_gold_view(record)))
    return loaded, unmatched


# ---------------------------------------------------------------- report


@dataclass
class DocumentRow:
    """The scores of one record (or one gold letter without a record) per field."""

    document: str
    gold: str
    format: str
    fields: dict[str, FieldScore]
    missing: bool = False

    @property
    def macro_f1(self) -> float:
        """Mean F1 over this document's fields."""
        return sum(s.f1 for s in self.fields.values()) / len(self.fields) if self.fields else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"document": self.document, "gold": self.gold, "format": self.format,
                "missing": self.missing, "macro_f1": round(self.macro_f1, 4),
                "fields": {k: v.to_dict() for k, v in self.fields.items()}}


def _totals(rows: Iterable[DocumentRow]) -> dict[str, Counts]:
    """Micro-averaged counts per field over rows, in FIELDS order."""
    totals: dict[str, Counts] = {}
    for row in rows:
        for name, score in row.fields.items():
            totals.setdefault(name, Counts()).add(score)
    return {name: totals[name] for name in FIELDS if name in totals}


def _macro(totals: Mapping[str, Counts]) -> float:
    """Mean F1 over fields."""
    return sum(c.f1 for c in totals.values()) / len(totals) if totals else 0.0


def _table(totals: Mapping[str, Counts]) -> list[str]:
    """Fixed-width lines: field, P, R, F1, tp/fp/fn, then the macro F1 line."""
    lines = [f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>6}{'fn':>6}"]
    for name, c in totals.items():
        lines.append(f"{name:<18}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}{c.tp:>7}{c.fp:>6}{c.fn:>6}")
    lines.append(f"{'macro F1':<18}{'':>14}{_macro(totals):>7.3f}   ({len(totals)} fields)")
    return lines


@dataclass
class EvalReport:
    """Per-field micro counts, per-format totals, per-document rows and the macro F1."""

    documents: list[DocumentRow]
    unmatched_records: list[str] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, Counts]:
        """Per-field counts summed over all document rows."""
        return _totals(self.documents)

    @property
    def macro_f1(self) -> float:
        """Mean over fields of the micro-averaged F1."""
        return _macro(self.fields)

    @property
    def formats(self) -> list[str]:
        """Record formats present (missing letters excluded), sorted."""
        return sorted({row.format for row in self.documents if not row.missing})

    def by_format(self) -> dict[str, dict[str, Counts]]:
        """Per-field counts per record format (only rows of records, not missing letters)."""
        return {fmt: _totals(r for r in self.documents if r.format == fmt and not r.missing)
                for fmt in self.formats}

    def to_table(self) -> str:
        """A readable fixed-width report: the field table, macro F1, per-format tables, per-document F1s."""
        lines = [f"{len(self.documents)} document rows "
                 f"({sum(r.missing for r in self.documents)} gold letters without a record)", ""]
        lines += _table(self.fields)
        if len(self.formats) > 1:
            for fmt, totals in self.by_format().items():
                count = sum(1 for r in self.documents if r.format == fmt and not r.missing)
                lines += ["", f"format {fmt} ({count} records)", *_table(totals)]
        lines += ["", *self._document_matrix()]
        if self.unmatched_records:
            lines += ["", "records without a gold file: " + ", ".join(self.unmatched_records)]
        return "\n".join(lines)

    def _document_matrix(self) -> list[str]:
        """One line per document row: macro F1 and the F1 of every field."""
        names = list(self.fields)
        width = max([len("document"), *(len(r.document) for r in self.documents)]) + 2
        header = f"{'document':<{width}}{'format':<10}{'macro':>6}" + "".join(
            f"{SHORT_NAMES[n]:>6}" for n in names)
        lines = [header]
        for row in self.documents:
            cells = "".join(f"{row.fields[n].f1:>6.2f}" if n in row.fields else f"{'-':>6}" for n in names)
            fmt = "MISSING" if row.missing else row.format
            lines.append(f"{row.document:<{width}}{fmt:<10}{row.macro_f1:>6.2f}{cells}")
        return lines

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (read back by `diff`)."""
        return {
            "version": REPORT_VERSION,
            "macro_f1": round(self.macro_f1, 4),
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "by_format": {fmt: {k: v.to_dict() for k, v in t.items()} for fmt, t in self.by_format().items()},
            "documents": [row.to_dict() for row in self.documents],
            "unmatched_records": self.unmatched_records,
        }

    def to_json(self) -> str:
        """The report as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


def evaluate(gold_dir: Path, records_dir: Path, include_missing: bool = True) -> EvalReport:
    """Score every record in records_dir against its gold; gold letters without a record count as missed."""
    gold = load_gold(gold_dir)
    if not Path(records_dir).is_dir():
        raise MhextractError(f"{records_dir}: records directory not found")
    records, unmatched = _load_records(records_dir, gold)
    rows = [DocumentRow(r.name, r.stem, r.format, score_document(gold[r.stem], r.view)) for r in records]
    if include_missing:
        covered = {r.stem for r in records}
        rows += [DocumentRow(str(gold[stem].get("document") or stem), stem, "-",
                             score_document(gold[stem], None), missing=True)
                 for stem in gold if stem not in covered]
    rows.sort(key=lambda r: (r.gold, r.document))
    return EvalReport(documents=rows, unmatched_records=unmatched)


def missed_items(
    gold_dir: Path, records_dir: Path, field: str, include_missing: bool = False,
) -> list[dict[str, Any]]:
    """False negatives and false positives of one field, per record (for `eval --details FIELD`).

    Gold letters without any record are left out unless include_missing: all their items are missed.
    """
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}; choose from {', '.join(FIELDS)}")
    report = evaluate(gold_dir, records_dir, include_missing=include_missing)
    return [{"document": row.document, "format": row.format, "fn": row.fields[field].fn_items,
             "fp": row.fields[field].fp_items}
            for row in report.documents
            if field in row.fields and (row.fields[field].fn_items or row.fields[field].fp_items)]


def format_missed(items: Sequence[Mapping[str, Any]], field: str) -> str:
    """Readable text of `missed_items`: per document the missed (FN) and spurious (FP) items."""
    if not items:
        return f"{field}: no missed or spurious items"
    lines: list[str] = []
    for entry in items:
        lines.append(f"{entry['document']} [{entry['format']}]")
        lines += [f"  FN  {item}" for item in entry["fn"]]
        lines += [f"  FP  {item}" for item in entry["fp"]]
    return "\n".join(lines)


# ---------------------------------------------------------------- diff against the previous run


def _as_report_dict(report: EvalReport | Mapping[str, Any] | str | Path | None) -> dict[str, Any] | None:
    """Accept a report, its dict, its JSON text or a path to its JSON file."""
    if report is None:
        return None
    if isinstance(report, EvalReport):
        return report.to_dict()
    if isinstance(report, Path):
        return dict(json.loads(report.read_text(encoding="utf-8"))) if report.exists() else None
    if isinstance(report, str):
        return dict(json.loads(report)) if report.strip() else None
    return dict(report)


def _item_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Items found / lost and false positives added / removed in one field of one document."""
    changes: list[str] = []
    old_tp, new_tp = set(old.get("tp_items", [])), set(new.get("tp_items", []))
    old_fp, new_fp = set(old.get("fp_items", [])), set(new.get("fp_items", []))
    changes += [f"+ found    {x}" for x in sorted(new_tp - old_tp)]
    changes += [f"- lost     {x}" for x in sorted(old_tp - new_tp)]
    changes += [f"- new FP   {x}" for x in sorted(new_fp - old_fp)]
    changes += [f"+ FP gone  {x}" for x in sorted(old_fp - new_fp)]
    return changes


def diff(previous: EvalReport | Mapping[str, Any] | str | Path | None,
         current: EvalReport | Mapping[str, Any] | str | Path) -> str:
    """Per-field F1 changes and, per document, items gained and lost since the previous report."""
    before, after = _as_report_dict(previous), _as_report_dict(current)
    if after is None:
        raise ValueError("no current report to compare")
    if before is None:
        return "no previous evaluation to compare with"
    lines = [f"{'field':<18}{'before':>8}{'now':>8}{'change':>9}"]
    changed = False
    for name in [*after["fields"], *(n for n in before["fields"] if n not in after["fields"])]:
        old = before["fields"].get(name, {}).get("f1")
        new = after["fields"].get(name, {}).get("f1")
        if old == new:
            continue
        changed = True
        delta = f"{new - old:+9.3f}" if old is not None and new is not None else f"{'':>9}"
        lines.append(f"{name:<18}{_fmt_f1(old):>8}{_fmt_f1(new):>8}{delta}")
    lines.append(f"{'macro F1':<18}{_fmt_f1(before.get('macro_f1')):>8}{_fmt_f1(after.get('macro_f1')):>8}"
                 f"{after.get('macro_f1', 0.0) - before.get('macro_f1', 0.0):+9.3f}")
    if not changed:
        lines.insert(1, "(no field F1 changed)")
    old_docs = {d["document"]: d for d in before.get("documents", [])}
    new_docs = {d["document"]: d for d in after.get("documents", [])}
    for name in sorted(set(old_docs) | set(new_docs)):
        if name not in old_docs or name not in new_docs:
            lines += ["", f"{name}: {'new row' if name not in old_docs else 'row gone'}"]
            continue
        doc_lines: list[str] = []
        for fname, new_score in new_docs[name]["fields"].items():
            changes = _item_changes(old_docs[name]["fields"].get(fname, {}), new_score)
            doc_lines += [f"  {fname:<17}{c}" for c in changes]
        if doc_lines:
            lines += ["", f"{name} [{new_docs[name]['format']}]", *doc_lines]
    return "\n".join(lines)


def _fmt_f1(value: float | None) -> str:
    """An F1 for the diff table, `-` when the field was not scored."""
    return "-" if value is None else f"{value:.3f}"

