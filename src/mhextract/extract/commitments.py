"""Commitments (toezeggingen): promises of the minister to the Chamber, made, reported on or fulfilled.

Find, then resolve. `split_sentences` cuts the normalised text into sentences (paragraph
aware, abbreviation aware); `classify_sentence` decides whether one sentence holds a
commitment and of which kind, from the forms in `models/commitments.json`:
- fulfilled: the letter says it discharges an earlier promise (`Hiermee doe ik mijn eerdere
  toezegging gestand`, `geef ik invulling aan de toezegging`);
- an earlier promise (`heb ik u toegezegd`, `zoals toegezegd`, `Conform mijn toezegging`) is
  fulfilled when the letter says it delivers it now (`bij deze`, `in deze brief`, `informeer ik u`)
  and no recurrence word (`halfjaarlijks`) or progress report (`de stand van zaken van mijn toezegging`)
  makes it an ongoing one, else reported;
- a present inform form with a recurrence adverb (`Jaarlijks ... informeer ik u daarover`) is a standing
  commitment the letter reports on (reported);
- made: a new promise (`Ik zal uw Kamer hierover voor het zomerreces informeren`, `Uw Kamer zal
  hierover worden geïnformeerd`, `Dit najaar informeer ik uw Kamer`), recognised by structure: a
  future auxiliary before an inform verb with the addressee near it, or a present inform form
  with a future time; never what this letter itself does.
A commitment's text ends before a coordinated motion after its trigger (`... aan het lid Kuik en
de motie van de leden ...`). `find_commitments` then merges mentions of the same earlier commitment
(an anaphoric `mijn eerdere toezegging` or `doe ik die toezegging gestand` joins the commitment
before it in its paragraph; mentions sharing most of their content words are one commitment),
resolves `due` from the date mentions of the sentence (skipping past dates and the date the
promise was made) and attaches a `Toezegging nr.` reference found in the sentence or in its footnote.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import add_span_group, claimed_ranges, doc_text, require
from mhextract.analysis.sentences import Sentence
from mhextract.extract.commitment_forms import (
    SentenceForms,
    data,
    first,
    may_hold_commitment,
    may_hold_commitments,
    patterns,
    split_sentences,
)
from mhextract.extract.date_grammar import date_words
from mhextract.extract.date_resolve import season_months
from mhextract.record.model import Commitment, CommitmentKind, DateMention, Footnote, Reference, Span
from mhextract.similarity import alike, content_words

Kind = CommitmentKind
_RANK = {"made": 0, "reported": 1, "fulfilled": 2}


@dataclass
class Mention:
    """One sentence that holds a commitment, before merging."""

    kind: Kind
    sentence: Sentence
    trigger: int
    earlier: bool
    content: frozenset[str] = frozenset()
    due: str | None = None
    reference: str | None = None
    merged: list[Mention] = field(default_factory=list)
    anaphor: bool = False


# ---------------------------------------------------------------------------- classification


_WORD_RUN = re.compile(r"\S+")


def _structural_made(text: str, forms: SentenceForms | None = None) -> int | None:
    """Offset of a future auxiliary that governs an inform verb addressed to the Chamber, else None.

    Distances are in words; word positions come from one pass over the sentence and are
    looked up by bisection, so a long sentence costs n log n, not n squared.
    """
    forms = SentenceForms(text) if forms is None else forms
    verbs = forms.all("inform")
    addressees_found = forms.all("addressee") if verbs else []
    if not addressees_found:
        return None  # no inform verb, or none with an addressee near it
    gap = int(data()["max_gap"])
    starts = [m.start() for m in _WORD_RUN.finditer(text)]  # a word's index = words starting before it

    def word_index(offset: int) -> int:
        return bisect_left(starts, offset)

    addressees = [word_index(m.start()) for m in addressees_found]
    auxiliaries = [(word_index(m.start()), m.start(), m.end()) for m in forms.all("future_aux")]
    for verb in verbs:
        v = word_index(verb.start())
        near = bisect_left(addressees, v - gap)
        if near == len(addressees) or addressees[near] > v + gap:
            continue
        first = bisect_left(auxiliaries, (v - gap, -1, -1))
        if first < len(auxiliaries):
            index, start, end = auxiliaries[first]
            if index < v and end <= verb.start():
                return start
    return None


def has_future_time(text: str, dates: Sequence[DateMention] = (), offset: int = 0,
                    letter_date: str | None = None, forms: SentenceForms | None = None) -> bool:
    """A future cue word, a future time phrase, or a non-past date mention in the sentence
    (`forms`: the sentence's `SentenceForms`, when searched for other groups too)."""
    forms = SentenceForms(text) if forms is None else forms
    if forms.first("future_cue") or forms.first("future_time"):
        return True
    return any(_due_candidate(d, text, offset, letter_date) for d in dates)


def classify_sentence(text: str, next_text: str = "", dates: Sequence[DateMention] = (), offset: int = 0,
                      letter_date: str | None = None, prefiltered: bool = False) -> tuple[Kind, int, bool] | None:
    """(kind, trigger offset in text, refers to an earlier commitment) for one sentence, or None.

    `next_text` is the following sentence of the same paragraph (for `Ik informeer u bij deze`);
    `dates` are the date mentions of the sentence, with offsets relative to `offset`. A new way to
    a commitment below needs its patterns in `commitment_forms.keywords`, the pre-filter that skips most sentences
    (`prefiltered`: the caller has applied it, `may_hold_commitments`).
    """
    if not prefiltered and not may_hold_commitment(text):
        return None  # none of the patterns that make a commitment can match (see commitment_forms.keywords)
    pats = patterns()
    forms = SentenceForms(text)
    fulfilled = forms.first("fulfilled")
    if fulfilled is not None:
        return "fulfilled", fulfilled.start(), True
    earlier = forms.first("earlier")
    if earlier is not None:
        delivers = (forms.first("this_letter") is not None
                    or first("this_letter", next_text) is not None
                    or forms.first("present_inform") is not None)
        ongoing = forms.first("recurrence") is not None or forms.first("progress") is not None
        return ("fulfilled" if delivers and not ongoing else "reported"), earlier.start(), True
    if forms.first("this_letter") is not None:
        return None
    future = has_future_time(text, dates, offset, letter_date, forms)
    for i, (_, needs_future) in enumerate(pats["made"]):
        m = forms.first(f"made{i}")
        if m is not None and (future or not needs_future):
            return "made", m.start(), False
    aux = _structural_made(text, forms)
    if aux is not None:
        return "made", aux, False
    present = forms.first("present_inform")
    if present is not None and forms.first("recurrence_adverb"):
        return "reported", present.start(), False
    if present is not None and future:
        return "made", present.start(), False
    return None


def trim_sentence(text: str, sentence: Sentence, trigger: int) -> Sentence:
    """The sentence cut before a coordinated motion or other instrument after the trigger (not the promise's)."""
    body = text[sentence.start : sentence.end]
    m = patterns()["trim_before"].search(body, trigger)
    if m is None:
        return sentence
    return Sentence(sentence.start, sentence.start + m.start(), sentence.paragraph)


# ---------------------------------------------------------------------------- due dates


def period_end(value: str) -> date | None:
    """The last day an ISO-ish date value (`2024`, `2023-11`, `2021-summer`, `2023-Q1`, `a/b`) covers."""
    last = value.split("/")[-1]
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:-(\w+))?$", last)
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(3):
        return date(year, int(m.group(2)), int(m.group(3)))
    if m.group(2):
        month = int(m.group(2))
        return date(year, month, calendar.monthrange(year, month)[1])
    part = m.group(4) or ""
    if part in date_words()["season_months"]:
        first, month = season_months(part)
        year += month < first  # winter ends in February of the next year
    else:
        month = int(date_words()["part_end_months"].get(part, 12))
    return period_end(f"{year}-{month:02d}")


def _is_past(value: str | None, letter_date: str | None) -> bool:
    """True when the date value ends before the letter date (both known)."""
    if not value or not letter_date:
        return False
    end = period_end(value)
    try:
        letter = date.fromisoformat(letter_date)
    except ValueError:
        return False
    return end is not None and end < letter


def _due_candidate(mention: DateMention, text: str, offset: int, letter_date: str | None) -> bool:
    """Whether a date in the sentence can be a due date: not past, not when the promise was made."""
    pats = patterns()
    if pats["past_marker"].search(mention.text) or _is_past(mention.value, letter_date):
        return False
    start = mention.span.start - offset
    window = int(data()["due"]["made_at_window"])
    before = text[max(0, start - window) : start]
    return not (pats["made_at_prep"].search(before) and pats["made_at"].search(before))


def resolve_due(text: str, offset: int, trigger: int, dates: Sequence[DateMention],
                letter_date: str | None = None) -> str | None:
    """Value of the due date: the first candidate date after the trigger, else the last before it."""
    inside = sorted((d for d in dates if offset <= d.span.start < offset + len(text)
                     and _due_candidate(d, text, offset, letter_date)), key=lambda d: d.span.start)
    after = [d for d in inside if d.span.start - offset >= trigger]
    chosen = after[0] if after else (inside[-1] if inside else None)
    return chosen.value if chosen is not None else None


# ---------------------------------------------------------------------------- references


def resolve_reference(sentence: Sentence, references: Sequence[Reference],
                      footnotes: Sequence[Footnote]) -> str | None:
    """The id of a `toezegging` reference in the sentence or in a footnote anchored in it."""
    ranges = [(sentence.start, sentence.end + 1)]
    ranges += [(f.start, f.end + 1) for f in footnotes
               if f.anchor is not None and sentence.start <= f.anchor <= sentence.end + 2]
    for ref in references:
        if ref.kind != "toezegging":
            continue
        if any(s <= m.start < e for m in ref.mentions for s, e in ranges):
            return ref.id
    return None


# ---------------------------------------------------------------------------- merging


def _same_commitment(a: Mention, b: Mention) -> bool:
    """Two mentions of an earlier commitment that share most of their content words."""
    return alike(a.content, b.content)


def merge_mentions(mentions: list[Mention]) -> list[Mention]:
    """One mention per commitment: anaphoric mentions join the one before; alike earlier mentions join."""
    limit = data()["merge"]["max_anaphoric_content"]
    groups: list[list[Mention]] = []
    for m in mentions:
        anaphoric = m.earlier and (m.anaphor or len(m.content) <= limit)
        host = next((g for g in reversed(groups) if g[-1].sentence.paragraph == m.sentence.paragraph
                     and g[0].earlier), None) if anaphoric else None
        if host is not None:
            host.append(m)
            continue
        alike = next((g for g in groups if m.earlier and g[0].earlier
                      and any(_same_commitment(m, x) for x in g)), None)
        if alike is not None:
            alike.append(m)
        else:
            groups.append([m])
    return [_combine(g) for g in groups]


def _combine(group: list[Mention]) -> Mention:
    """The group's most specific mention, with the strongest kind and any due date or reference."""
    primary = max([m for m in group if not m.anaphor] or group, key=lambda m: (len(m.content), -m.sentence.start))
    kind = max((m.kind for m in group), key=lambda k: _RANK[k])
    due = primary.due or next((m.due for m in group if m.due), None)
    reference = primary.reference or next((m.reference for m in group if m.reference), None)
    others = [m for m in group if m is not primary]
    return Mention(kind, primary.sentence, primary.trigger, primary.earlier, primary.content, due, reference, others,
                   primary.anaphor)


# ---------------------------------------------------------------------------- find


def find_mentions(text: str, dates: Sequence[DateMention] = (), references: Sequence[Reference] = (),
                  footnotes: Sequence[Footnote] = (), letter_date: str | None = None,
                  claimed: Iterable[tuple[int, int]] = (),
                  sentences: Sequence[Sentence] | None = None) -> list[Mention]:
    """Every sentence of `text` (the analysis stage's, else cut here) that holds a commitment, classified,
    with due date and reference."""
    sentences = split_sentences(text, sentences)
    skip = sorted({*claimed, *((d.span.start, d.span.end) for d in dates)})
    # Looked up per sentence by bisection (a scan per sentence is quadratic in long letters).
    dates = sorted(dates, key=lambda d: d.span.start)
    date_starts = [d.span.start for d in dates]
    notes = sorted((f for f in footnotes if f.anchor is not None), key=lambda f: f.anchor or 0)
    anchors = [f.anchor or 0 for f in notes]
    out: list[Mention] = []
    candidates = may_hold_commitments(text, [(sent.start, sent.end) for sent in sentences])
    for i, sent in enumerate(sentences):
        if not candidates[i]:
            continue
        body = text[sent.start : sent.end]
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        next_text = text[nxt.start : nxt.end] if nxt and nxt.paragraph == sent.paragraph else ""
        inside = dates[bisect_left(date_starts, sent.start) : bisect_left(date_starts, sent.end)]
        found = classify_sentence(body, next_text, inside, sent.start, letter_date, prefiltered=True)
        if found is None:
            continue
        kind, trigger, earlier = found
        own = trim_sentence(text, sent, trigger)
        body = text[own.start : own.end]
        own_skip = skip[bisect_left(skip, (own.start, -1)) : bisect_left(skip, (own.end, -1))]
        near = notes[bisect_left(anchors, sent.start) : bisect_right(anchors, sent.end + 2)]
        out.append(Mention(
            kind=kind, sentence=own, trigger=trigger, earlier=earlier,
            content=content_words(body, own_skip, own.start),
            due=resolve_due(body, own.start, trigger, [d for d in inside if d.span.start < own.end], letter_date),
            reference=resolve_reference(sent, references, near),
            anaphor=patterns()["anaphor"].search(body) is not None,
        ))
    return out


def find_commitments(text: str, dates: Sequence[DateMention] = (), references: Sequence[Reference] = (),
                     footnotes: Sequence[Footnote] = (), letter_date: str | None = None,
                     claimed: Iterable[tuple[int, int]] = ()) -> list[Commitment]:
    """One `Commitment` per distinct commitment in `text`, in text order."""
    return to_commitments(text, merge_mentions(find_mentions(text, dates, references, footnotes, letter_date, claimed)))


def to_commitments(text: str, merged: Iterable[Mention]) -> list[Commitment]:
    """Record models of merged mentions, in text order; the text is the primary mention's sentence."""
    return [Commitment(text=text[m.sentence.start : m.sentence.end], kind=m.kind, due=m.due, reference=m.reference,
                       span=Span(start=m.sentence.start, end=m.sentence.end))
            for m in sorted(merged, key=lambda m: m.sentence.start)]


# ---------------------------------------------------------------------------- spaCy


class CommitmentsComponent(CarriesData):
    """spaCy component: fills `doc._.commitments` and the `commitments` span group (every mention)."""

    factory = "mh_commitments"

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_commitments", "sentences", "kamerstukken", "references", "dates")
        text = doc_text(doc)
        mentions = find_mentions(
            text, dates=doc._.dates, references=doc._.references, sentences=doc._.sentences,
            footnotes=doc._.footnotes or [], letter_date=doc._.letter_date,
            claimed=claimed_ranges(doc, "kamerstukken", "references"),
        )
        merged = merge_mentions(mentions)
        doc._.commitments = to_commitments(text, merged)
        add_span_group(doc, "commitments", [(x.sentence.start, x.sentence.end, m.kind)
                                            for m in merged for x in [m, *m.merged]])
        return doc


@Language.factory(
    "mh_commitments",
    requires=["doc._.sentences", "doc._.kamerstukken", "doc._.references", "doc._.dates"],
    assigns=["doc._.commitments"],
)
def make_commitments_component(nlp: Language, name: str) -> CommitmentsComponent:
    """Factory for the commitments component."""
    return CommitmentsComponent()
