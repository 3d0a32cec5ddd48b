"""The `Doc` extensions our components read and write, registered once.

Inputs set before the pipeline runs (by `mhextract.record.build` or by a user):
  doc._.letter_date   ISO date of the letter, for resolving `jl.`, `dit jaar`
  doc._.footnotes     list[record.Footnote]: footnote texts and marker anchors
  doc._.body_start    offset where the body begins (before it: the letterhead blocks)
  doc._.body_end      offset where the appended footnote texts begin
  doc._.metadata      record.Metadata (signatories etc.), may be None
  doc._.own_kamerstukken  list[str]: the letter's own Kamerstuk ids (header, site), may be None
  doc._.sections      list[record.Section]: headings with start/end offsets, may be None
  doc._.text          `doc.text` once (spaCy rebuilds `doc.text` on every access); see `doc_text`
Outputs, one list of record models per component (None until it has run):
  kamerstukken, references, motions, dates, figures, organisations, persons,
  recommendations, commitments.
Each component also puts its mentions into `doc.spans[<name>]` for spaCy users.
Set by the analysis stage and components for later components (not record fields):
  doc._.sentences        analysis.sentences.Sentences (mh_analysis)
  doc._.person_mentions  extract.person_resolve.PersonMention list (mh_person_mentions), read by mh_organisations
                         and mh_persons
A component whose required field is unset (None) raises `PipelineError`: see `require`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable
from functools import cache
from typing import Any, cast

from spacy.tokens import Doc, Span

from mhextract.errors import PipelineError

INPUTS = ("letter_date", "footnotes", "body_start", "body_end", "metadata", "own_kamerstukken", "sections", "text")
OUTPUTS = (
    "kamerstukken", "references", "motions", "dates", "figures",
    "organisations", "persons", "recommendations", "commitments",
)
SHARED = ("sentences", "person_mentions")
# The component that sets each field components read from one another.
PROVIDERS = {"sentences": "mh_analysis", "person_mentions": "mh_person_mentions",
             **{name: f"mh_{name}" for name in OUTPUTS}}


def register_extensions() -> None:
    """Register every extension (idempotent; mutable defaults are avoided on purpose)."""
    for name in INPUTS + OUTPUTS + SHARED:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


def require(doc: Doc, component: str, *fields: str) -> None:
    """Raise `PipelineError` unless earlier components set every one of `fields` on `doc`:
    a missing or misordered component is an error, never an empty field."""
    missing = [name for name in fields if getattr(doc._, name) is None]
    if missing:
        before = ", ".join(dict.fromkeys(PROVIDERS[name] for name in missing))
        raise PipelineError(
            f"{component} needs doc._.{', doc._.'.join(missing)}: add {before} before it "
            f"(mhextract.analysis.pipeline.load_pipeline builds the whole pipeline in order)")


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: every component reads the whole text."""
    text: str | None = doc._.text
    if text is None:
        text = doc.text
        doc._.text = text
    return text


def add_span_group(doc: Doc, group: str, spans: Iterable[tuple[int, int, str]]) -> None:
    """Put character-offset matches into `doc.spans[group]`, snapped outward to tokens."""
    out: list[Span] = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    doc.spans[group] = out


def publish(doc: Doc, field: str, items: list[Any], label: Callable[[Any], str]) -> Doc:
    """Set `doc._.<field>` to `items` and `doc.spans[<field>]` to every span or mention of them, labelled."""
    setattr(doc._, field, items)
    add_span_group(doc, field, [(s.start, s.end, label(item)) for item in items for s in _spans_of(item)])
    return doc


def claimed_ranges(doc: Doc, *fields: str) -> list[tuple[int, int]]:
    """Character ranges already taken by earlier components' outputs (sorted).

    Lets later extractors skip text that is, e.g., a Kamerstuk reference or a date,
    so that `2023/24` in a citation never becomes a date and a date never a figure.
    """
    ranges: list[tuple[int, int]] = []
    for name in fields:
        for item in getattr(doc._, name) or []:
            ranges.extend((s.start, s.end) for s in _spans_of(item))
    return sorted(ranges)


def _spans_of(item: Any) -> list[Any]:
    """The item's `span` and `mentions` (asking a record model for a field it lacks is slow: pydantic raises)."""
    fields = _span_fields(cast(Hashable, type(item)))
    span = item.span if fields[0] else getattr(item, "span", None) if fields[0] is None else None
    mentions = item.mentions if fields[1] else getattr(item, "mentions", None) if fields[1] is None else None
    return ([span] if span is not None else []) + list(mentions or [])


@cache
def _span_fields(cls: Hashable) -> tuple[bool | None, bool | None]:
    """Whether a class's items have a `span` and `mentions` field; None for each when only an item can tell."""
    fields = getattr(cls, "model_fields", None)
    if isinstance(fields, dict):
        return "span" in fields, "mentions" in fields
    return None, None


def overlaps(ranges: Ranges | list[tuple[int, int]], start: int, end: int) -> bool:
    """True when [start, end) overlaps any range in `ranges` (a `Ranges` answers by bisection)."""
    if isinstance(ranges, Ranges):
        return ranges.overlaps(start, end)
    return any(s < end and start < e for s, e in ranges)


class Ranges:
    """Character ranges to test new ranges against in log time, as a sorted list of disjoint ranges.

    Asking every candidate against a plain list costs candidates x ranges: quadratic on a
    letter with thousands of footnotes or dates. Overlapping ranges are merged when added
    (ranges that only touch are kept apart, and empty ones dropped), which keeps the
    answer of `overlaps` exactly that of the plain list.
    """

    def __init__(self, ranges: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(ranges):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a range added so far."""
        i = bisect_right(self._ends, start)  # the first range that ends after `start`
        return i < len(self._starts) and self._starts[i] < end

    def add(self, start: int, end: int) -> None:
        """Add [start, end), merged with the ranges it overlaps."""
        if end <= start:
            return
        first = bisect_right(self._ends, start)
        stop = bisect_left(self._starts, end)
        if first < stop:
            start, end = min(start, self._starts[first]), max(end, self._ends[stop - 1])
        self._starts[first:stop] = [start]
        self._ends[first:stop] = [end]
