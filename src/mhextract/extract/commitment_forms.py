"""The commitment forms of models/commitments.json, compiled once, the keyword pre-filter, and the sentences
as commitments read them.

Read by the commitments extractor (`extract/commitments.py`): `patterns()` holds every compiled
form; `first` searches a sentence for one group of them; `may_hold_commitment` skips sentences none
of the forms can match (required literals).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import pairwise
from typing import Any

from mhextract.analysis.patterns import (
    alternation,
    folds_to_ascii,
    phrase_alternation,
    required_literals,
    trie_pattern,
)
from mhextract.analysis.sentences import Sentence
from mhextract.analysis.sentences import split_sentences as split_text
from mhextract.analysis.word_starts import WordStartScanner
from mhextract.paths import load_json

DATA_FILE = "commitments.json"
WORD = r"[\w'’()«»-]+"
FLAGS = re.IGNORECASE


@cache
def data() -> dict[str, Any]:
    """The commitment forms and word lists of models/commitments.json."""
    loaded: dict[str, Any] = load_json(DATA_FILE)
    return loaded


def fill(pattern: str) -> str:
    """Put the addressee alternation and the one-word pattern into a data pattern."""
    return pattern.replace("{ADDR}", data()["addressee"]).replace("{W}", WORD)


def joined(patterns: list[re.Pattern[str]]) -> re.Pattern[str] | list[re.Pattern[str]]:
    """The patterns of one group as one regex, `(?:p1)|(?:p2)|...`: its search starts where the earliest
    of them matches (the leftmost place where any does; there it tries them in order), as `first`
    needs, in one scan. The list itself when a pattern has groups (a backreference would change
    meaning) or they cannot be joined (a global inline flag)."""
    if not patterns or any(p.groups for p in patterns) or len({p.flags for p in patterns}) > 1:
        return patterns
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:
        return patterns


def _group(sources: list[str]) -> re.Pattern[str] | list[re.Pattern[str]]:
    """`joined` of the data patterns `sources`, each compiled alone only when they cannot be joined
    (start-up: one regex to compile instead of one per form and then the joined one)."""
    if sources:
        try:
            one = re.compile("|".join(f"(?:{fill(s)})" for s in sources), FLAGS)
            if not one.groups:
                return one
        except re.error:
            pass
    return joined([re.compile(fill(s), FLAGS) for s in sources])


@cache
def patterns() -> dict[str, Any]:
    """All compiled patterns, once per process."""
    d = data()
    made = [(re.compile(fill(m["pattern"]), FLAGS), bool(m["needs_future"])) for m in d["made"]]
    return {
        "fulfilled": _group(d["fulfilled"]),
        "earlier": _group(d["earlier"]),
        "made": made,
        "present_inform": _group(d["present_inform"]),
        "this_letter": _group(d["this_letter"]),
        "addressee": re.compile(r"(?<!\w)" + d["addressee"] + r"(?!\w)", FLAGS),
        "future_aux": re.compile(phrase_alternation(d["future_aux"]), FLAGS),
        "inform": re.compile(phrase_alternation(d["inform_verbs"]), FLAGS),
        "future_cue": re.compile(phrase_alternation(d["future_cues"]), FLAGS),
        "future_time": re.compile(d["future_time"], FLAGS),
        "recurrence": re.compile(phrase_alternation(d["recurrence"]), FLAGS),
        "recurrence_adverb": re.compile(phrase_alternation(d["recurrence_adverbs"]), FLAGS),
        "progress": _group(d["progress"]),
        "anaphor": re.compile(fill(d["anaphor"]), FLAGS),
        "trim_before": re.compile(fill(d["trim_before"]), FLAGS),
        "past_marker": re.compile(phrase_alternation(d["due"]["past_markers"]), FLAGS),
        "made_at": re.compile(phrase_alternation(d["due"]["made_at_words"]), FLAGS),
        "made_at_prep": re.compile(r"(?:" + phrase_alternation(d["due"]["made_at_preps"]) + r")\s*$", FLAGS),
    }


# ---------------------------------------------------------------------------- sentences

_CLOSE = re.compile(r"[.!?]+[)\]\"'’”»]*$")
_STOPS, _CLOSERS = ".!?", ")]\"'’”»"  # the two classes of `_CLOSE`


def _close_start(text: str, start: int, end: int) -> int | None:
    """Where `_CLOSE.search(text, start, end)` matches: the stops before the closing brackets and quotes
    that end text[start:end], read backwards from the end (the search tries every character)."""
    if end > start and text[end - 1] == "\n":
        return _match_start(_CLOSE.search(text, start, end))  # `$` also matches before a final newline
    pos = end
    while pos > start and text[pos - 1] in _CLOSERS:
        pos -= 1
    stops = pos
    while stops > start and text[stops - 1] in _STOPS:
        stops -= 1
    return stops if stops < pos else None


def _match_start(m: re.Match[str] | None) -> int | None:
    return m.start() if m is not None else None


def split_sentences(text: str, sentences: Sequence[Sentence] | None = None) -> list[Sentence]:
    """The analysis stage's sentences as commitments read them: a sentence that a stop ends inside its
    paragraph keeps only the stop's first character, and a final `.`, `:` or `;` is dropped."""
    sentences = split_text(text) if sentences is None else sentences
    out: list[Sentence] = []
    for i, sent in enumerate(sentences):
        end = sent.end
        if i + 1 < len(sentences) and sentences[i + 1].paragraph == sent.paragraph:
            close = _close_start(text, sent.start, end)
            if close is not None:
                end = close + 1
        while end > sent.start and (text[end - 1].isspace() or text[end - 1] in ".:;"):
            end -= 1
        if end > sent.start:
            out.append(Sentence(sent.start, end, sent.paragraph))
    return out


# ---------------------------------------------------------------------------- sentence search

# The pattern groups `commitments.classify_sentence` searches each candidate sentence for (`made0`, `made1`,
# ... are the made forms in order).
SENTENCE_GROUPS = ("fulfilled", "earlier", "this_letter", "present_inform", "progress", "recurrence",
                   "recurrence_adverb", "future_cue", "future_time")
# The patterns whose every match `commitments._structural_made` reads (`SentenceForms.all`).
STRUCTURE_PATTERNS = ("inform", "addressee", "future_aux")


@cache
def _sentence_scanner() -> tuple[WordStartScanner, dict[str, list[str]]]:
    """A `WordStartScanner` of every pattern of the sentence groups, and each group's pattern names."""
    pats = patterns()
    groups: dict[str, Any] = {key: pats[key] for key in SENTENCE_GROUPS}
    groups.update({f"made{i}": pattern for i, (pattern, _) in enumerate(pats["made"])})
    groups.update({key: pats[key] for key in STRUCTURE_PATTERNS})
    named: dict[str, re.Pattern[str]] = {}
    members: dict[str, list[str]] = {}
    for key, value in groups.items():
        group = [value] if isinstance(value, re.Pattern) else list(value)
        members[key] = [f"{key}/{i}" for i in range(len(group))]
        named.update(zip(members[key], group, strict=True))
    return WordStartScanner(named), members


def first(group: str, text: str) -> re.Match[str] | None:
    """The earliest match in `text` of a sentence group's patterns (of the first pattern there), as their
    `search` finds it; each pattern is tried only at the words it can start with (`WordStartScanner`)."""
    return SentenceForms(text).first(group)


class SentenceForms:
    """`first` of many groups in one sentence: its words are sorted to the patterns once (not once per group)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._scanner, self._members = _sentence_scanner()
        self._candidates: dict[str, list[int]] | None = None
        self._read = False
        self._found: dict[str, re.Match[str] | None] = {}  # each group searched once

    def first(self, group: str) -> re.Match[str] | None:
        """As the module's `first(group, text)`."""
        if group in self._found:
            return self._found[group]
        names = self._members[group]
        candidates = self._read_candidates()
        if len(names) == 1:
            first = self._scanner.search_at(names[0], self.text, candidates)
        else:
            found = [m for m in (self._scanner.search_at(name, self.text, candidates) for name in names)
                     if m is not None]
            first = min(found, key=lambda m: m.start()) if found else None
        self._found[group] = first
        return first

    def all(self, key: str) -> list[re.Match[str]]:
        """Every match of one of `STRUCTURE_PATTERNS` in the sentence, as `finditer` gives them."""
        return self._scanner.scan_at(self._members[key][0], self.text, self._read_candidates())

    def _read_candidates(self) -> dict[str, list[int]] | None:
        if not self._read:
            self._candidates, self._read = self._scanner.candidates(self.text), True
        return self._candidates


# ---------------------------------------------------------------------------- pre-filter


@cache
def keywords() -> tuple[re.Pattern[str] | None, re.Pattern[str]] | None:
    """Pre-filter of `classify_sentence`: literals one of which every sentence it can classify holds.

    Each pattern that can make a sentence a commitment (fulfilled, earlier, made, present_inform, and
    the inform verbs that `commitments._structural_made` needs) contains, in every match, one of its required
    literals (read off its parse tree). Returns (a trie of the lowercased literals for lowercased ASCII
    sentences, or None where a non-ASCII literal could match ASCII text; a case-insensitive trie of
    all, as loose about case as any pattern), or None (no pre-filter) when a pattern has no literals."""
    words = _keyword_words()
    if words is None:
        return None
    other = [c for w in words for c in w if not c.isascii()]
    ascii_safe = not any(re.fullmatch(re.escape(c), chr(a), re.IGNORECASE) for c in other for a in range(128))
    lowered = re.compile(trie_pattern({w.lower() for w in words if w.isascii()})) if ascii_safe else None
    return lowered, re.compile(trie_pattern(words), FLAGS | re.IGNORECASE)


@cache
def _keyword_words() -> frozenset[str] | None:
    """The literals of `keywords`, None when a pattern has none."""
    d = data()
    sources = [*d["fulfilled"], *d["earlier"], *(m["pattern"] for m in d["made"]), *d["present_inform"]]
    words: set[str] = set()
    for pattern in [*map(fill, sources), phrase_alternation(d["inform_verbs"])]:
        required = required_literals(pattern, FLAGS)
        if not required:
            return None
        words |= required
    return frozenset(words)


@cache
def _non_ascii_keywords() -> re.Pattern[str] | None:
    """The non-ASCII literals of `keywords` (`geïnformeerd`), case-insensitive as there; None when there are none."""
    words = [w for w in _keyword_words() or () if not w.isascii()]
    return re.compile(alternation(words), FLAGS | re.IGNORECASE) if words else None


def may_hold_commitment(sentence: str) -> bool:
    """False when no pattern that makes a commitment can match the sentence (see `keywords`)."""
    found = keywords()
    if found is None:
        return True
    lowered, any_case = found
    if lowered is not None and sentence.isascii():  # ASCII: ignoring case is lowercasing
        return lowered.search(sentence.lower()) is not None
    return any_case.search(sentence) is not None


def may_hold_commitments(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """`may_hold_commitment(text[s:e])` for each span (ascending, not overlapping), from one scan of the
    letter instead of one per sentence: a literal found inside one span marks it; a span that a literal
    runs into or out of is tested on its own.

    Without a character that an ASCII one matches when case is ignored (`folds_to_ascii`), a literal
    matches ignoring case exactly where its ASCII words are in the lowercased text or its other words
    (`geïnformeerd`) match ignoring case, in ASCII and other sentences alike."""
    found = keywords()
    lowered = text.lower()
    ordered = all(a[1] <= b[0] for a, b in pairwise(spans))
    if found is None or found[0] is None or len(lowered) != len(text) or not ordered or folds_to_ascii(text):
        return [may_hold_commitment(text[s:e]) for s, e in spans]
    hits = list(found[0].finditer(lowered))
    other = _non_ascii_keywords()
    if other is not None and not text.isascii():
        hits += other.finditer(text)
    starts = [s for s, _ in spans]
    marked = [False] * len(spans)
    alone = [False] * len(spans)
    for m in hits:
        i = bisect_right(starts, m.start()) - 1  # the last span starting at or before the literal
        if i >= 0 and m.end() <= spans[i][1]:
            marked[i] = True
            continue
        j = max(i, 0)  # across an edge: it may hide a literal inside a span it touches
        while j < len(spans) and spans[j][0] < m.end():
            alone[j] = alone[j] or spans[j][1] > m.start()
            j += 1
    return [may_hold_commitment(text[s:e]) if alone[k] else marked[k] for k, (s, e) in enumerate(spans)]
