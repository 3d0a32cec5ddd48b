"""Recommendations: formal recommendations of a report with the body that made them and the response.

Find, then resolve:
  paragraphs                    the body split into paragraphs with offsets
  find_labelled_recommendations `Aanbeveling 1: Uniformeer ...` as a heading (no full stop) or a
                                full-sentence paragraph; `Aanbeveling 1` alone with the text below it
  find_listed_recommendations   an intro about recommendations (ending in `:`, or a sentence naming them:
                                `Het WODC doet vier aanbevelingen.`) and a list (`1.`, `1)`, `a.`, bullets),
                                joined on one line, one item a paragraph, or with responses in between;
                                or any intro ending in `:` (`De commissie:`) whose items all open with a
                                recommending verb (`Beveelt aan ...`, `Adviseert ...`)
  attach_responses              the paragraphs after each one, up to the next one or a heading
  attribute_body                `by`: the organisation named where the letter introduces them,
                                in the short form the letter uses most (`Nationaal Rapporteur`, `CKM`)
Words and thresholds live in models/recommendations.json.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import doc_text, overlaps, publish, require
from mhextract.analysis.patterns import alternation, scan, scan_first
from mhextract.analysis.sentences import Sentences, find_sentences
from mhextract.extract.numbers import parse_number_word
from mhextract.extract.recommendation_parts import (
    Found,
    Paragraph,
    attach_responses,
    attribute_body,
    config,
    distribute_responses,
    fold,
    is_heading,
)
from mhextract.record.model import Organisation, Recommendation, Span

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9‘'\"(]|\s*$)")
_ITEM = re.compile(r"(?:^|(?<=\s))(?:(?P<num>\d{1,2})[.)]|(?P<letter>[a-z])[.)]|(?P<bullet>[-•–·▪]))\s+(?=\S)")


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
    labels = alternation(config()["labels"])
    return re.compile(
        rf"^(?:\d+[.)]\s*)?(?:{labels})\s+(?P<num>\d{{1,2}}|[IVX]{{1,4}})\b\s*(?:[:.–—-]\s*|$)", re.DOTALL
    )


def heading_length(rest: str) -> int:
    """Length of the own text in `rest`: all of it, or, when a heading and its first body sentence
    arrive joined (a long first sentence), up to where the unpunctuated new sentence starts."""
    stop = _SENTENCE_END.search(rest)
    if stop is None or len(rest[: stop.start()].split()) <= config()["max_title_words"]:
        return len(rest)
    starters = alternation(config()["sentence_starters"])
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
    words = alternation(config()["intro_words"])
    return re.compile(rf"(?i:{words})")


@cache
def _pointer_re() -> re.Pattern[str]:
    words = alternation(config()["list_pointers"])
    return re.compile(rf"(?i:\b(?:{words})\b)")


def _sentence_texts(raw: str) -> list[str]:
    """The sentences of a paragraph, as the analysis stage cuts them."""
    text = fold(raw)
    return [text[s.start : s.end] for s in find_sentences(text)]


def introduces_recommendations(p: Paragraph) -> bool:
    """A paragraph that announces a list of recommendations: it names them, ends in `:` or is a sentence
    (not a heading), and the last sentence that points ahead (`de volgende ...`, `hieronder`) points at
    them or back at them (`Deze luiden als volgt:`), not at another list (`de volgende maatregelen:`)."""
    if not scan_first(_intro_re(), p.raw) or (not p.raw.endswith(":") and is_heading(p)):
        return False
    pointing = [s for s in _sentence_texts(p.raw) if scan_first(_pointer_re(), s) or s.endswith(":")]
    if not pointing:
        return True
    last = pointing[-1]
    return bool(scan_first(_intro_re(), last)) or last.split()[0].lower() in config()["anaphora"]


@cache
def _count_noun_re() -> re.Pattern[str]:
    """A count noun with the word before it and, optionally, the word before that (an adjective between).

    Led by `\\b`: a match never starts inside a word (one starting there would start one character
    earlier too, and the match before ends at a word's end), so the scan skips the inside of words."""
    return re.compile(rf"(?i)\b(?:(\w+)\s+)?(\w+)\s+(?:{alternation(config()['count_nouns'])})\b")


def stated_count(raw: str) -> int | None:
    """The number of recommendations an intro announces (`vier aanbevelingen`, `3 concrete adviezen`)."""
    for m in scan(_count_noun_re(), raw):  # skipped at once in a paragraph without a count noun
        for word in (m.group(2), m.group(1)):  # the word before the noun, else the one before an adjective
            value = _count_word(word)
            if value is not None:
                return value
    return None


def _count_word(word: str | None) -> int | None:
    """`4` or `vier` -> 4; anything else -> None."""
    if not word:
        return None
    return int(word) if word.isdigit() else parse_number_word(word.lower())


def find_listed_recommendations(paras: Sequence[Paragraph]) -> list[Found]:
    """An intro about recommendations followed by a list; the list may have responses between its items."""
    found: list[Found] = []
    for i, p in enumerate(paras):
        if introduces_recommendations(p):
            items = collect_items(paras[i + 1:])
        elif p.raw.endswith(":"):
            items = collect_items(paras[i + 1:])
            if len(items) < 2 or not all(_opens_with_item_verb(f.text) for f in items):
                continue
        else:
            continue
        if not p.raw.endswith(":") and _numbered_headings(paras[i + 1:], items):
            continue
        cap = stated_count(p.raw)
        if cap is not None and cap >= 2:
            items = items[:cap]
        if len(items) >= 2 or (len(items) == 1 and _restated(paras[i + 1:i + 3])):
            found.extend(items)
    return found


def _opens_with_item_verb(text: str) -> bool:
    """An item whose first word is a recommending verb with the intro's body as subject (`Beveelt aan ...`)."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    return first in config()["item_verbs"]


def _restated(paras: Sequence[Paragraph]) -> bool:
    """One numbered item right after the intro, and the paragraph after it restates it as a recommendation
    (`1. Vinden en verwijderen ...` / `De Nationaal Rapporteur beveelt mij aan ...`): a list the page cut
    off after its first item."""
    return len(paras) == 2 and len(list_items(paras[0])) == 1 and bool(scan_first(_intro_re(), paras[1].raw))


def _numbered_headings(paras: Sequence[Paragraph], items: Sequence[Found]) -> bool:
    """After an intro sentence, items that stand alone as headings (`1. Inleiding`, a paragraph of
    its own without a full stop) are the letter's numbered sections, not a list block."""
    return bool(items) and _heading_item(items[0]) and len(list_items(paras[0])) == 1


def _heading_item(f: Item | Found) -> bool:
    """An item without a full stop (a heading-like item)."""
    return _SENTENCE_END.search(f.text) is None


def collect_items(paras: Sequence[Paragraph]) -> list[Found]:
    """The list that opens `paras`: items in sequence, across paragraphs; numbered items may be separated
    by response paragraphs (not headings), and then a later item must have the form of the first one
    (a sentence or a heading), so numbered section headings further on do not join the list."""
    items: list[Item] = []
    gap = False  # response paragraphs seen since the last item
    for q in paras:
        new = list_items(q, len(items), items[0].kind if items else None)
        if new and gap and (new[0].kind == "bullet" or _heading_item(new[0]) != _heading_item(items[0])):
            new = []
        if new:
            items.extend(new)
            gap = False
            continue
        if not items or items[0].kind == "bullet" or is_heading(q):
            break
        gap = True
    return [f.found for f in items]


@dataclass(frozen=True)
class Item:
    """A list item and the kind of its mark (`num`, `letter` or `bullet`)."""

    found: Found
    kind: str

    @property
    def text(self) -> str:
        return self.found.text

    @property
    def number(self) -> int | None:
        return self.found.number


def _mark_kind(m: re.Match[str]) -> str:
    return next(k for k in ("num", "letter", "bullet") if m.group(k) is not None)


def _mark_number(m: re.Match[str]) -> int | None:
    if m.group("num") is not None:
        return int(m.group("num"))
    if m.group("letter") is not None:
        return ord(m.group("letter")) - ord("a") + 1
    return None


def list_items(p: Paragraph, seen: int = 0, kind: str | None = None) -> list[Item]:
    """The list items of one paragraph (several when the list lines were joined), numbers in sequence;
    `kind` keeps the mark kind of the items before (a numbered list does not go on with bullets)."""
    marks = list(_ITEM.finditer(p.raw))
    if not marks or marks[0].start() != 0:
        return []
    kind = kind or _mark_kind(marks[0])
    kept: list[re.Match[str]] = []
    for m in marks:
        if _mark_kind(m) != kind:
            continue
        if kind != "bullet" and _mark_number(m) != seen + len(kept) + 1:
            continue
        if m.start() > 0 and kind != "bullet" and p.raw[m.start() - 1] not in "\n" and not re.search(
            r"[.;:!?]\s*$", p.raw[: m.start()]
        ):
            continue  # `in 2 jaar`, not an item: items follow a line break or a sentence end
        kept.append(m)
    if not kept or kept[0].start() != 0:
        return []
    items = []
    for j, m in enumerate(kept):
        end = kept[j + 1].start() if j + 1 < len(kept) else len(p.raw)
        body = p.raw[m.end():end].rstrip(" \n;")
        number = seen + j + 1
        items.append(Item(Found(number, p.start + m.start(), p.start + m.end(), p.start + m.end() + len(body),
                                fold(body), False), kind))
    return items


def find_recommendations(
    text: str, orgs: Sequence[Organisation] = (), body_end: int | None = None, sentences: Sentences | None = None,
) -> list[Recommendation]:
    """All formal recommendations in the body, with body, title, text and response (`sentences`: the text's
    sentences, when the caller has them)."""
    paras = paragraphs(text, body_end)
    found = find_labelled_recommendations(paras)
    taken = [(f.start, f.end) for f in found]
    found += [f for f in find_listed_recommendations(paras) if not overlaps(taken, f.start, f.end)]
    found.sort(key=lambda f: f.start)
    responses = attach_responses(paras, found)
    texts = distribute_responses([f.number for f in found], [r for r, _ in responses])
    out = []
    for i, (f, response) in enumerate(zip(found, texts, strict=True)):
        # earlier recommendations and their responses do not say who made this one
        skip = [(g.start, end) for g, (_, end) in zip(found[:i], responses[:i], strict=True)]
        out.append(Recommendation(
            number=f.number, by=attribute_body(text, f.start, orgs, skip, sentences), title=title_of(f.text),
            text=f.text, response=response, span=Span(start=f.start, end=f.end),
        ))
    return out


class RecommendationsComponent(CarriesData):
    """Sets `doc._.recommendations` and the `recommendations` span group."""

    factory = "mh_recommendations"

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_recommendations", "sentences", "organisations")
        recs = find_recommendations(doc_text(doc), doc._.organisations, doc._.body_end, doc._.sentences)
        return publish(doc, "recommendations", recs, lambda r: f"{r.number}")


@Language.factory(
    "mh_recommendations",
    requires=["doc._.sentences", "doc._.organisations"],
    assigns=["doc._.recommendations"],
)
def make_recommendations(nlp: Language, name: str) -> RecommendationsComponent:
    """spaCy factory for the recommendations component."""
    return RecommendationsComponent()
