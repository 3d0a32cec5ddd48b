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
from functools import cache
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.extensions import add_span_group, claimed_ranges, doc_text
from mhextract.extract.numbers import required_literals, trie_pattern
from mhextract.paths import load_json
from mhextract.record.model import Commitment, DateMention, Footnote, Reference, Span

DATA_FILE = "commitments.json"
Kind = Literal["made", "fulfilled", "reported"]
_RANK = {"made": 0, "reported": 1, "fulfilled": 2}
_WORD = r"[\w'’()«»-]+"
_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Sentence:
    """One sentence of the text: offsets (trailing space and final stop excluded) and its paragraph."""

    start: int
    end: int
    paragraph: int


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


# ---------------------------------------------------------------------------- data


@cache
def _data() -> dict[str, Any]:
    """The commitment forms and word lists of models/commitments.json."""
    data: dict[str, Any] = load_json(DATA_FILE)
    return data


def _fill(pattern: str) -> str:
    """Put the addressee alternation and the one-word pattern into a data pattern."""
    return pattern.replace("{ADDR}", _data()["addressee"]).replace("{W}", _WORD)


def _words_alt(words: Iterable[str]) -> str:
    """A whole-word alternation of literal phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + r")(?!\w)"


def _joined(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | list[re.Pattern[str]]:
    """The patterns of one group as one regex, `(?:p1)|(?:p2)|...`: its search starts where the earliest
    of them matches (the leftmost place where any does; there it tries them in order), as `_first`
    needs, in one scan. The list itself when a pattern has groups (a backreference would change
    meaning) or they cannot be joined (a global inline flag)."""
    if not patterns or any(p.groups for p in patterns) or len({p.flags for p in patterns}) > 1:
        return patterns
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return patterns


@cache
def _patterns() -> dict[str, Any]:
    """All compiled patterns, once per process."""
    d = _data()
    made = [(re.compile(_fill(m["pattern"]), _FLAGS), bool(m["needs_future"])) for m in d["made"]]
    return {
        "fulfilled": _joined([re.compile(_fill(p), _FLAGS) for p in d["fulfilled"]]),
        "earlier": _joined([re.compile(_fill(p), _FLAGS) for p in d["earlier"]]),
        "made": made,
        "present_inform": _joined([re.compile(_fill(p), _FLAGS) for p in d["present_inform"]]),
        "this_letter": _joined([re.compile(_fill(p), _FLAGS) for p in d["this_letter"]]),
        "addressee": re.compile(r"(?<!\w)" + d["addressee"] + r"(?!\w)", _FLAGS),
        "future_aux": re.compile(_words_alt(d["future_aux"]), _FLAGS),
        "inform": re.compile(_words_alt(d["inform_verbs"]), _FLAGS),
        "future_cue": re.compile(_words_alt(d["future_cues"]), _FLAGS),
        "future_time": re.compile(d["future_time"], _FLAGS),
        "recurrence": re.compile(_words_alt(d["recurrence"]), _FLAGS),
        "recurrence_adverb": re.compile(_words_alt(d["recurrence_adverbs"]), _FLAGS),
        "progress": _joined([re.compile(_fill(p), _FLAGS) for p in d["progress"]]),
        "anaphor": re.compile(_fill(d["anaphor"]), _FLAGS),
        "trim_before": re.compile(_fill(d["trim_before"]), _FLAGS),
        "past_marker": re.compile(_words_alt(d["due"]["past_markers"]), _FLAGS),
        "made_at": re.compile(_words_alt(d["due"]["made_at_words"]), _FLAGS),
        "made_at_prep": re.compile(r"(?:" + _words_alt(d["due"]["made_at_preps"]) + r")\s*$", _FLAGS),
    }


# ---------------------------------------------------------------------------- pre-filter


@cache
def _keywords() -> tuple[re.Pattern[str] | None, re.Pattern[str]] | None:
    """Pre-filter of `classify_sentence`: literals one of which every sentence it can classify holds.

    Each pattern that can make a sentence a commitment (fulfilled, earlier, made, present_inform, and
    the inform verbs that `_structural_made` needs) contains, in every match, one of its required
    literals (read off its parse tree). Returns (a trie of the lowercased literals for lowercased ASCII
    sentences, or None where a non-ASCII literal could match ASCII text; a case-insensitive trie of
    all, as loose about case as any pattern), or None (no pre-filter) when a pattern has no literals."""
    d = _data()
    sources = [*d["fulfilled"], *d["earlier"], *(m["pattern"] for m in d["made"]), *d["present_inform"]]
    words: set[str] = set()
    for pattern in [*map(_fill, sources), _words_alt(d["inform_verbs"])]:
        required = required_literals(pattern, _FLAGS)
        if not required:
            return None
        words |= required
    other = [c for w in words for c in w if not c.isascii()]
    ascii_safe = not any(re.fullmatch(re.escape(c), chr(a), re.IGNORECASE) for c in other for a in range(128))
    lowered = re.compile(trie_pattern({w.lower() for w in words if w.isascii()})) if ascii_safe else None
    return lowered, re.compile(trie_pattern(words), _FLAGS | re.IGNORECASE)


def may_hold_commitment(sentence: str) -> bool:
    """False when no pattern that makes a commitment can match the sentence (see `_keywords`)."""
    keywords = _keywords()
    if keywords is None:
        return True
    lowered, any_case = keywords
    if lowered is not None and sentence.isascii():  # ASCII: ignoring case is lowercasing
        return lowered.search(sentence.lower()) is not None
    return any_case.search(sentence) is not None


# ---------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"[.!?]+[)\]\"'’”»]*\s+(?=[A-ZÀ-Ý0-9(«\"'‘“¹²³⁴⁵⁶⁷⁸⁹])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` ends an abbreviation or an initial (`nr.`, `jl.`, `E.`)."""
    start = stop
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([":
        start -= 1
    token = text[start : stop + 1]
    if re.fullmatch(r"[A-Z]\.", token):
        return True
    abbreviations = _abbreviations()
    return token.lower() in abbreviations or token.lower().rstrip(".") in abbreviations


@cache
def _abbreviations() -> frozenset[str]:
    """The abbreviations of models/commitments.json, lowercased."""
    return frozenset(a.lower() for a in _data()["abbreviations"])


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`: paragraphs split at blank lines, then at sentence-final punctuation."""
    sentences: list[Sentence] = []
    starts = [0] + [m.end() for m in _PARAGRAPH.finditer(text)]
    ends = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    for index, (p_start, p_end) in enumerate(zip(starts, ends, strict=True)):
        cursor = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            if m.group().startswith(".") and m.group().count(".") == 1 and _is_abbreviation(text, m.start()):
                continue
            _add_sentence(sentences, text, cursor, m.start() + 1, index)
            cursor = m.end()
        _add_sentence(sentences, text, cursor, p_end, index)
    return sentences


def _add_sentence(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    """Append text[start:end] trimmed of whitespace and a final `.`/`:`/`;`, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".:;"):
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph))


# ---------------------------------------------------------------------------- classification


def _first(patterns: re.Pattern[str] | Iterable[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The earliest match of any pattern in text (of the first pattern there); a joined group in one search."""
    if isinstance(patterns, re.Pattern):
        return patterns.search(text)
    found = [m for m in (p.search(text) for p in patterns) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


_WORD_RUN = re.compile(r"\S+")


def _structural_made(text: str) -> int | None:
    """Offset of a future auxiliary that governs an inform verb addressed to the Chamber, else None.

    Distances are in words; word positions come from one pass over the sentence and are
    looked up by bisection, so a long sentence costs n log n, not n squared.
    """
    pats = _patterns()
    gap = int(_data()["max_gap"])
    starts = [m.start() for m in _WORD_RUN.finditer(text)]  # a word's index = words starting before it

    def word_index(offset: int) -> int:
        return bisect_left(starts, offset)

    addressees = [word_index(m.start()) for m in pats["addressee"].finditer(text)]
    auxiliaries = [(word_index(m.start()), m.start(), m.end()) for m in pats["future_aux"].finditer(text)]
    for verb in pats["inform"].finditer(text):
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
                    letter_date: str | None = None) -> bool:
    """A future cue word, a future time phrase, or a non-past date mention in the sentence."""
    pats = _patterns()
    if pats["future_cue"].search(text) or pats["future_time"].search(text):
        return True
    return any(_due_candidate(d, text, offset, letter_date) for d in dates)


def classify_sentence(text: str, next_text: str = "", dates: Sequence[DateMention] = (), offset: int = 0,
                      letter_date: str | None = None) -> tuple[Kind, int, bool] | None:
    """(kind, trigger offset in text, refers to an earlier commitment) for one sentence, or None.

    `next_text` is the following sentence of the same paragraph (for `Ik informeer u bij deze`);
    `dates` are the date mentions of the sentence, with offsets relative to `offset`. A new way to
    a commitment below needs its patterns in `_keywords`, the pre-filter that skips most sentences.
    """
    if not may_hold_commitment(text):
        return None  # none of the patterns that make a commitment can match (see _keywords)
    pats = _patterns()
    fulfilled = _first(pats["fulfilled"], text)
    if fulfilled is not None:
        return "fulfilled", fulfilled.start(), True
    earlier = _first(pats["earlier"], text)
    if earlier is not None:
        delivers = (_first(pats["this_letter"], text) is not None
                    or _first(pats["this_letter"], next_text) is not None
                    or _first(pats["present_inform"], text) is not None)
        ongoing = pats["recurrence"].search(text) is not None or _first(pats["progress"], text) is not None
        return ("fulfilled" if delivers and not ongoing else "reported"), earlier.start(), True
    if _first(pats["this_letter"], text) is not None:
        return None
    future = has_future_time(text, dates, offset, letter_date)
    for pattern, needs_future in pats["made"]:
        m = pattern.search(text)
        if m is not None and (future or not needs_future):
            return "made", m.start(), False
    aux = _structural_made(text)
    if aux is not None:
        return "made", aux, False
    present = _first(pats["present_inform"], text)
    if present is not None and pats["recurrence_adverb"].search(text):
        return "reported", present.start(), False
    if present is not None and future:
        return "made", present.start(), False
    return None


def trim_sentence(text: str, sentence: Sentence, trigger: int) -> Sentence:
    """The sentence cut before a coordinated motion or other instrument after the trigger (not the promise's)."""
    body = text[sentence.start : sentence.end]
    m = _patterns()["trim_before"].search(body, trigger)
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
    seasons = {"spring": 6, "summer": 9, "autumn": 12, "winter": 12, "Q1": 3, "Q2": 6, "Q3": 9, "Q4": 12,
               "H1": 6, "H2": 12}
    month = seasons.get(m.group(4) or "", 12)
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
    pats = _patterns()
    if pats["past_marker"].search(mention.text) or _is_past(mention.value, letter_date):
        return False
    start = mention.span.start - offset
    window = int(_data()["due"]["made_at_window"])
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


def content_words(text: str, skip: Iterable[tuple[int, int]] = (), offset: int = 0) -> frozenset[str]:
    """Distinct lower-case content words of a sentence, without stopwords, numbers and skipped ranges."""
    stop = set(_data()["stopwords"])
    ranges = [(s - offset, e - offset) for s, e in skip]
    out = set()
    for m in re.finditer(r"[^\W\d_][\w-]*", text):
        if any(s < m.end() and m.start() < e for s, e in ranges):
            continue
        word = m.group().lower()
        if len(word) >= 3 and word not in stop:
            out.add(word)
    return frozenset(out)


def _same_commitment(a: Mention, b: Mention) -> bool:
    """Two mentions of an earlier commitment that share most of their content words."""
    cfg = _data()["merge"]
    shared = len(a.content & b.content)
    smaller = min(len(a.content), len(b.content))
    return shared >= cfg["min_shared"] and smaller > 0 and shared / smaller >= cfg["min_overlap"]


def similar_commitments(a: str, b: str) -> bool:
    """Whether two commitment texts (e.g. of different letters) share most of their content words."""
    return _same_commitment(Mention("made", Sentence(0, 0, 0), 0, False, content_words(a)),
                            Mention("made", Sentence(0, 0, 0), 0, False, content_words(b)))


def merge_mentions(mentions: list[Mention]) -> list[Mention]:
    """One mention per commitment: anaphoric mentions join the one before; alike earlier mentions join."""
    limit = _data()["merge"]["max_anaphoric_content"]
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
                  claimed: Iterable[tuple[int, int]] = ()) -> list[Mention]:
    """Every sentence of `text` that holds a commitment, classified, with due date and reference."""
    sentences = split_sentences(text)
    skip = sorted({*claimed, *((d.span.start, d.span.end) for d in dates)})
    # Looked up per sentence by bisection (a scan per sentence is quadratic in long letters).
    dates = sorted(dates, key=lambda d: d.span.start)
    date_starts = [d.span.start for d in dates]
    notes = sorted((f for f in footnotes if f.anchor is not None), key=lambda f: f.anchor or 0)
    anchors = [f.anchor or 0 for f in notes]
    out: list[Mention] = []
    for i, sent in enumerate(sentences):
        body = text[sent.start : sent.end]
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        next_text = text[nxt.start : nxt.end] if nxt and nxt.paragraph == sent.paragraph else ""
        inside = dates[bisect_left(date_starts, sent.start) : bisect_left(date_starts, sent.end)]
        found = classify_sentence(body, next_text, inside, sent.start, letter_date)
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
            anaphor=_patterns()["anaphor"].search(body) is not None,
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


class CommitmentsComponent:
    """spaCy component: fills `doc._.commitments` and the `commitments` span group (every mention)."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        mentions = find_mentions(
            text, dates=doc._.dates or [], references=doc._.references or [],
            footnotes=doc._.footnotes or [], letter_date=doc._.letter_date,
            claimed=claimed_ranges(doc, "kamerstukken", "references"),
        )
        merged = merge_mentions(mentions)
        doc._.commitments = to_commitments(text, merged)
        add_span_group(doc, "commitments", [(x.sentence.start, x.sentence.end, m.kind)
                                            for m in merged for x in [m, *m.merged]])
        return doc


@Language.factory("mh_commitments")
def make_commitments_component(nlp: Language, name: str) -> CommitmentsComponent:
    """Factory for the commitments component."""
    return CommitmentsComponent()
