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

Modules, in pipeline order: `settings` (FIELDS, scorer settings), `normalise` (`norm`,
`number_key`), `counts` (tp/fp/fn, set comparison, bipartite matching), `matchers` (when two
motions, organisations, persons or commitments match), `scoring` (per-field scorers,
`score_document`), `gold` (gold and record loading, `record_to_gold_view`), `report`
(`EvalReport`: tables, JSON, per format), `run` (`evaluate`, `missed_items`) and `changes`
(`diff` against the previous run). This package re-exports their public names.
"""

from __future__ import annotations

from mhextract.evaluate.changes import diff
from mhextract.evaluate.counts import Counts, FieldScore, max_matching
from mhextract.evaluate.gold import load_gold, record_to_gold_view
from mhextract.evaluate.matchers import (
    COMMITMENT_OVERLAP,
    commitments_match,
    motions_match,
    organisations_match,
    persons_match,
    split_name,
    surname,
    texts_overlap,
)
from mhextract.evaluate.normalise import norm, number_key
from mhextract.evaluate.report import REPORT_VERSION, DocumentRow, EvalReport
from mhextract.evaluate.run import evaluate, format_missed, missed_items
from mhextract.evaluate.scoring import SCORERS, score_document
from mhextract.evaluate.settings import FIELDS, SHORT_NAMES

__all__ = [
    "COMMITMENT_OVERLAP", "FIELDS", "REPORT_VERSION", "SCORERS", "SHORT_NAMES", "Counts", "DocumentRow",
    "EvalReport", "FieldScore", "commitments_match", "diff", "evaluate", "format_missed", "load_gold",
    "max_matching", "missed_items", "motions_match", "norm", "number_key", "organisations_match",
    "persons_match", "record_to_gold_view", "score_document", "split_name", "surname", "texts_overlap",
]
