"""Recommendations: formal recommendations of a report with the body that made them and the response.

Find, then resolve:
  paragraphs                    the body split into paragraphs with offsets
  find_labelled_recommendations `Aanbeveling 1: Uniformeer ...` as a heading (no full stop) or a
                                full-sentence paragraph; `Aanbeveling 1` alone with the text below it
  find_listed_recommendations   an intro about recommendations ending in `:` and a numbered list
  attach_responses              the paragraphs after each one, up to the next one or a heading
  attribute_body                `by`: the organisation named where the letter introduces them,
                                in the short form the letter uses most (`Nationaal Rapporteur`, `CKM`)
Words and thresholds live in models/recommendations.json.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.nlp.extensions import add_span_group, overlaps
from mhextract.paths import load_json
from mhextract.record import Organisation, Recommendation, Span

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9‘'\"(]|\s*$)")
_ITEM = re.compile(r"(?:^|(?<=\s))(?:(?P<num>\d{1,2})[.)]|(?P<bullet>[-•–·▪]))\s+(?=\S)")


@cache
def config() -> dict[str, Any]:
    """models/recommendations.json."""
    data: dict[str, Any] = load_json("recommendations.json")
    return data


def fold(text: str) -> str:
    """Whitespace folded to single spaces."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: offsets into the text and its raw text."""

    start: int
    end: int
    raw: str

    @property
    def text(self) -> str:
        return fold(self.raw)


@dataclass(frozen=True)
class Found:
    """A recommendation before resolution: its number and where its own text is."""

    number: int | None
    start: int  # where the recommendation (label included) begins
    text_start: int  # where its own text begins
    end: int  # where its own text ends (heading or statement)
    text: str
    heading: bool  # a heading without a full stop; the response follows


def paragraphs(text: str, body_end: int | None = None) -> list[Paragraph]:
    """Body paragraphs (separated by blank lines) with their offsets."""
    body = text[: body_end if body_end is not None else len(text)]
    out = []
    for m in re.finditer(r"\S[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*", body):
        raw = m.group(0).rstrip()
        out.append(Paragraph(m.start(), m.start() + len(raw), raw))
    return out


def parse_number(token: str) -> int | None:
    """`3` -> 3, `III` -> 3, anything else -> None."""
    return int(token) if token.isdigit() else _ROMAN.get(token.upper())


def title_of(text: str) -> str:
    """The text up to the first full stop (the whole text when there is none)."""
    m = _SENTENCE_END.search(text)
    return fold(text[: m.start()] if m else text)


@cache
def _label_re() -> re.Pattern[str]:
    labels = "|".join(re.escape(w) for w in config()["labels"])
    return re.compile(
        rf"^(?:\d+[.)]\s*)?(?:{labels})\s+(?P<num>\d{{1,2}}|[IVX]{{1,4}})\b\s*(?:[:.–—-]\s*|$)", re.DOTALL
    )


def heading_length(rest: str) -> int:
    """Length of the own text in `rest`: all of it, or, when a heading and its first body sentence
    arrive joined (a long first sentence), up to where the unpunctuated new sentence starts."""
    stop = _SENTENCE_END.search(rest)
    if stop is None or len(rest[: stop.start()].split()) <= config()["max_title_words"]:
        return len(rest)
    starters = "|".join(re.escape(w) for w in config()["sentence_starters"])
    m = re.search(rf"(?<=[a-zà-ÿ0-9)])\s+(?=(?:{starters})\s)", rest[: stop.start()])
    return m.start() if m else len(rest)


def find_labelled_recommendations(paras: Sequence[Paragraph]) -> list[Found]:
    """Paragraphs that start with `Aanbeveling N`."""
    found: list[Found] = []
    for i, p in enumerate(paras):
        m = _label_re().match(p.raw)
        if not m:
            continue
        number = parse_number(m.group("num"))
        rest = p.raw[m.end():]
        if not rest.strip() and i + 1 < len(paras):  # `Aanbeveling 1` alone, its text below
            nxt = paras[i + 1]
            found.append(Found(number, p.start, nxt.start, nxt.end, nxt.text,
                               _SENTENCE_END.search(nxt.raw) is None))
            continue
        own = heading_length(rest)
        joined = own < len(rest)
        text_start = p.start + m.end()
        found.append(Found(number, p.start, text_start, text_start + own, fold(rest[:own]),
                           joined or _SENTENCE_END.search(rest) is None))
    return found


@cache
def _intro_re() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in config()["intro_words"])
    return re.compile(rf"(?i:{words})")


def find_listed_recommendations(paras: Sequence[Paragraph]) -> list[Found]:
    """An intro about recommendations that ends in `:`, followed by numbered (or bulleted) items."""
    found: list[Found] = []
    for i, p in enumerate(paras):
        if not (p.raw.endswith(":") and _intro_re().search(p.raw)):
            continue
        items: list[Found] = []
        for q in paras[i + 1:]:
            new = list_items(q, len(items))
            if not new:
                break
            items.extend(new)
        if len(items) >= 2:
            found.extend(items)
    return found


def list_items(p: Paragraph, seen: int = 0) -> list[Found]:
    """The list items of one paragraph (several when the list lines were joined), numbers in sequence."""
    marks = list(_ITEM.finditer(p.raw))
    if not marks or marks[0].start() != 0:
        return []
    bullets = marks[0].group("bullet") is not None
    kept: list[re.Match[str]] = []
    for m in marks:
        if bullets != (m.group("bullet") is not None):
            continue
        if not bullets and parse_number(m.group("num")) != seen + len(kept) + 1:
            continue
        if m.start() > 0 and not bullets and p.raw[m.start() - 1] not in "\n" and not re.search(
            r"[.;:!?]\s*$", p.raw[: m.start()]
        ):
            continue  # `in 2 jaar`, not an item: items follow a line break or a sentence end
        kept.append(m)
    items = []
    for j, m in enumerate(kept):
        end = kept[j + 1].start() if j + 1 < len(kept) else len(p.raw)
        body = p.raw[m.end():end].rstrip(" \n;")
        number = seen + j + 1 if bullets else parse_number(m.group("num"))
        items.append(Found(number, p.start + m.start(), p.start + m.end(), p.start + m.end() + len(body),
                           fold(body), False))
    return items


def is_heading(p: Paragraph) -> bool:
    """A section heading or a signature line: short and without closing punctuation."""
    words = len(p.text.split())
    heading = words <= config()["max_heading_words"] and not re.search(r"[.;:?!,]$", p.text)
    return heading or (p.text.endswith(",") and words <= 10)


def attach_responses(paras: Sequence[Paragraph], found: Sequence[Found]) -> list[tuple[str | None, int]]:
    """For each recommendation, the text after it up to the next one or a heading, and where that ends."""
    starts = sorted(f.start for f in found)
    out: list[tuple[str | None, int]] = []
    for f in found:
        nxt = next((s for s in starts if s > f.start), None)
        parts, end = [], f.end
        for p in paras:
            if p.end <= f.end:
                continue
            if (nxt is not None and p.start >= nxt) or (p.start >= f.end and is_heading(p)):
                break
            raw = p.raw[max(0, f.end - p.start):]
            if nxt is not None and p.end > nxt:
                raw = raw[: nxt - max(p.start, f.end)]
            if raw.strip():
                parts.append(fold(raw))
                end = max(p.start, f.end) + len(raw.rstrip())
        out.append(("\n\n".join(parts) or None, end))
    return out


def _sentences(text: str, end: int) -> list[tuple[int, int]]:
    """Sentence ranges of text[:end] (split after . ! ? and at paragraph breaks)."""
    out, pos = [], 0
    for m in re.finditer(r"[.!?](?=\s)|\n\s*\n", text[:end]):
        out.append((pos, m.end()))
        pos = m.end()
    out.append((pos, end))
    return out


def short_form(text: str, org: Organisation) -> str:
    """The name the letter uses most for `org` (the shorter on ties)."""
    counts: Counter[str] = Counter()
    for s in org.mentions:
        if s.end > s.start:
            counts[re.sub(r"^(?:de|het)\s+", "", fold(text[s.start:s.end]))] += 1
    return min(counts, key=lambda k: (-counts[k], len(k))) if counts else org.name


def attribute_body(
    text: str, start: int, orgs: Sequence[Organisation], skip: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The body that made the recommendation at `start`: the nearest sentence before it that speaks
    of recommendations (else of a report) and names an eligible organisation."""
    eligible = [o for o in orgs if o.kind not in config()["excluded_kinds"]]
    mentions = sorted(((s.start, s.end, i) for i, o in enumerate(eligible) for s in o.mentions if s.end > s.start))
    sentences = [(s, e) for s, e in _sentences(text, start) if not overlaps(list(skip), s, e)]
    for words in config()["triggers"]:
        pattern = re.compile(rf"(?i:{'|'.join(words)})")
        for s, e in reversed(sentences):
            if pattern.search(text[s:e]):
                inside = [i for ms, me, i in mentions if s <= ms and me <= e]
                if inside:
                    return short_form(text, eligible[inside[0]])
    return None


def find_recommendations(
    text: str, orgs: Sequence[Organisation] = (), body_end: int | None = None,
) -> list[Recommendation]:
    """All formal recommendations in the body, with body, title, text and response."""
    paras = paragraphs(text, body_end)
    found = find_labelled_recommendations(paras)
    taken = [(f.start, f.end) for f in found]
    found += [f for f in find_listed_recommendations(paras) if not overlaps(taken, f.start, f.end)]
    found.sort(key=lambda f: f.start)
    responses = attach_responses(paras, found)
    out = []
    for i, (f, (response, _)) in enumerate(zip(found, responses, strict=True)):
        # earlier recommendations and their responses do not say who made this one
        skip = [(g.start, end) for g, (_, end) in zip(found[:i], responses[:i], strict=True)]
        out.append(Recommendation(
            number=f.number, by=attribute_body(text, f.start, orgs, skip), title=title_of(f.text), text=f.text,
            response=response, span=Span(start=f.start, end=f.end),
        ))
    return out


class RecommendationsComponent:
    """Sets `doc._.recommendations` and the `recommendations` span group."""

    def __call__(self, doc: Doc) -> Doc:
        recs = find_recommendations(doc.text, doc._.organisations or [], doc._.body_end)
        doc._.recommendations = recs
        add_span_group(doc, "recommendations", [(r.span.start, r.span.end, f"{r.number}") for r in recs])
        return doc


@Language.factory("mh_recommendations")
def make_recommendations(nlp: Language, name: str) -> RecommendationsComponent:
    """spaCy factory for the recommendations component."""
    return RecommendationsComponent()
