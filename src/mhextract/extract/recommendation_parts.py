"""The parts around recommendations: paragraphs, headings, and the government's responses after them.

`attach_responses` takes the paragraphs after each recommendation (up to the next heading) as
its response; `distribute_responses` gives responses that name their item (`Ten aanzien van de
eerste aanbeveling`) to that item; `attribute_body` finds the body that made the recommendations.
Word lists: `models/recommendations.json`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from mhextract.analysis.extensions import Ranges, overlaps
from mhextract.analysis.patterns import alternation
from mhextract.analysis.sentences import Sentences, split_sentences
from mhextract.paths import load_json
from mhextract.record.model import Organisation


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
            if raw.strip(" \n;,"):  # not the `;` an item's own text stops before
                parts.append(fold(raw))
                end = max(p.start, f.end) + len(raw.rstrip())
        out.append(("\n\n".join(parts) or None, end))
    return out


@cache
def _ordinal_re() -> re.Pattern[str]:
    words, noun = alternation(config()["ordinals"]), re.escape(config()["ordinal_noun"])
    return re.compile(rf"(?i)\b(?:(?P<word>{words})\s+{noun}|{noun}\s+(?P<num>\d{{1,2}}))\b")


def named_item(paragraph: str) -> int | None:
    """The recommendation a response paragraph opens with (`Ten aanzien van de eerste aanbeveling`,
    `De vierde aanbeveling ...`, `Aanbeveling 2 ...`), looked for in its first sentence only."""
    first = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
    m = _ordinal_re().search(first)
    if not m:
        return None
    return int(m.group("num")) if m.group("num") else config()["ordinals"][m.group("word").lower()]


def distribute_responses(numbers: Sequence[int | None], responses: Sequence[str | None]) -> list[str | None]:
    """Responses given after a whole list go to the items they name: the paragraphs after the last item
    of a run 1..n, when the first of them names an item by ordinal, are split at each paragraph that
    names another; an item that already has a response between the items keeps it."""
    out = list(responses)
    for i, number in enumerate(numbers):
        last = out[i]
        if number is None or number < 2 or last is None or i + 1 < number:
            continue
        if i + 1 < len(numbers) and numbers[i + 1] not in (1, None):
            continue  # not the last item of its run
        run = list(range(i + 1 - number, i + 1))
        if [numbers[j] for j in run] != list(range(1, number + 1)) or any(out[j] for j in run[:-1]):
            continue
        given = _split_by_named_item(last.split("\n\n"), number)
        if given is not None:
            for j, n in zip(run, range(1, number + 1), strict=True):
                out[j] = "\n\n".join(given[n]) if n in given else None
    return out


def _split_by_named_item(parts: Sequence[str], count: int) -> dict[int, list[str]] | None:
    """Paragraphs grouped by the item (1..count) they name, a paragraph naming none going with the one
    before; None when the first paragraph names no item."""
    current = named_item(parts[0])
    if current is None or not 1 <= current <= count:
        return None
    given: dict[int, list[str]] = {}
    for part in parts:
        named = named_item(part)
        if named is not None and 1 <= named <= count:
            current = named
        given.setdefault(current, []).append(part)
    return given


def short_form(text: str, org: Organisation) -> str:
    """The name the letter uses most for `org` (the shorter on ties)."""
    counts: Counter[str] = Counter()
    for s in org.mentions:
        if s.end > s.start:
            counts[_leading_article().sub("", fold(text[s.start:s.end]))] += 1
    return min(counts, key=lambda k: (-counts[k], len(k))) if counts else org.name


@cache
def _leading_article() -> re.Pattern[str]:
    """An article opening a name (`de`, `het`)."""
    return re.compile(rf"^(?:{'|'.join(map(re.escape, config()['articles']))})\s+")


def attribute_body(
    text: str, start: int, orgs: Sequence[Organisation], skip: Sequence[tuple[int, int]] = (),
    sentences: Sentences | None = None,
) -> str | None:
    """The body that made the recommendation at `start`: the nearest sentence before it that speaks
    of recommendations (else of a report) and names an eligible organisation (`sentences`: the text's)."""
    eligible = [o for o in orgs if o.kind not in config()["excluded_kinds"]]
    mentions = sorted(((s.start, s.end, i) for i, o in enumerate(eligible) for s in o.mentions if s.end > s.start))
    skipped = Ranges(skip)  # one index, not a copy of every range per sentence
    sentences = sentences if sentences is not None else split_sentences(text)
    bounds = [(s.start, min(s.end, start)) for s in sentences.before(start)
              if not overlaps(skipped, s.start, min(s.end, start))]
    firsts = [_first_inside(mentions, s, e) for s, e in bounds]  # looked up by bisection, not a scan each
    for pattern in _triggers():
        for (s, e), first in zip(reversed(bounds), reversed(firsts), strict=True):
            if first is not None and pattern.search(text[s:e]):
                return short_form(text, eligible[first])
    return None


@cache
def _triggers() -> list[re.Pattern[str]]:
    """Per level, the trigger words of models/recommendations.json as one case-insensitive pattern."""
    return [re.compile(rf"(?i:{'|'.join(words)})") for words in config()["triggers"]]


def _first_inside(mentions: Sequence[tuple[int, int, int]], start: int, end: int) -> int | None:
    """The index of the first of the sorted (start, end, index) `mentions` that lies within start..end."""
    for k in range(bisect_left(mentions, (start,)), len(mentions)):
        ms, me, i = mentions[k]
        if ms >= end:
            return None
        if me <= end:
            return i
    return None
