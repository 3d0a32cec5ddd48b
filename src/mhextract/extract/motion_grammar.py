"""The motion grammar: patterns for named, listed, numbered and anaphoric motion mentions, built once from
`models/motions.json`, and the known Kamerlid surnames (`models/kamerleden.json`) that settle names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from mhextract.analysis.patterns import alternation, either_case_alternation, either_case_trie, initial_either_case
from mhextract.paths import load_json

DATA_FILE = "motions.json"
MEMBERS_FILE = "kamerleden.json"
# A capital: A-Z, Latin-1's capitals and Latin Extended-A/B as one range (their capitals and small
# letters alternate; a word does not start with a small one). The grammar repeats these classes some
# sixty times, so they are written to compile fast: CPython's `re` turns a class that mixes characters
# below and above U+0100 into a 64K table (5x slower to compile), so such classes are split in two
# (`(?=[...]).` keeps the parser from merging the halves again). The sets are those of
# `[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f]` and `[^\W\d_\u00b2\u00b3\u00b9\u2070-\u209f]` (tested).
UPPER_CLASS = "(?:[A-Z\u00c0-\u00d6\u00d8-\u00de]|(?=[\u0100-\u024f]).)"
LETTER = r"(?![\u2070-\u209f])[^\W\d_\u00b2\u00b3\u00b9]"  # a letter, never a (superscript) footnote digit
CAP = rf"{UPPER_CLASS}(?:{LETTER}|['’])+"


@cache
def motion_data() -> dict[str, Any]:
    return dict(load_json(DATA_FILE))


@cache
def members() -> frozenset[str]:
    """Known Kamerlid surnames (lowercase), to settle `motie van Dijk` and hyphenated names."""
    return frozenset(s.lower() for s in load_json(MEMBERS_FILE)["surnames"])


@dataclass(frozen=True)
class MotionGrammar:
    """Compiled motion patterns."""

    named: re.Pattern[str]
    reverse: re.Pattern[str]
    delayed: re.Pattern[str]
    delay_stop: re.Pattern[str]
    name: re.Pattern[str]
    single: re.Pattern[str]
    party: re.Pattern[str]
    motion_word: re.Pattern[str]
    anaphor: re.Pattern[str]
    listed: re.Pattern[str]
    item: re.Pattern[str]
    statuses: tuple[tuple[re.Pattern[str], str, int], ...]
    chambers: tuple[tuple[re.Pattern[str], str], ...]
    co_signers: re.Pattern[str]  # `c.s.` after the names, with the space before it


@cache
def grammar() -> MotionGrammar:
    """Build the motion grammar once from `models/motions.json`."""
    d = motion_data()
    initials = r"(?:(?:[A-Z][a-z]?\.\s?){1,5}\s*)"
    prefix = rf"(?:{either_case_trie(d['name_prefixes'])})(?=\s)"
    single = rf"(?:{prefix}\s+)?{CAP}(?:-(?:{prefix}\s+)?{CAP})*"  # `De Pater-van der Meer`
    name = rf"{initials}?{single}(?:[ ]{single})?"
    party = r"\s*\((?![^)]*\d)[^()\n]{1,30}\)"
    van, en = re.escape(d["of_word"]), re.escape(d["and_word"])
    sep = rf"(?:\s*,\s*|\s+{en}\s+|\s*/\s*|\s*&\s*)"
    cs = alternation(d["co_signers"])
    names = rf"{name}(?:{party})?(?:{sep}{name}(?:{party})?)*(?P<cs>\s+(?:{cs}))?(?:{party})?"
    titles = either_case_alternation(d["titles"])
    adjectives = either_case_alternation(d["motion_adjectives"])
    motion_words = either_case_alternation(d["motion_words"])
    word = rf"(?<![\w-])(?P<adj>(?:{adjectives})\s+)?(?P<motie>{motion_words})(?![\w])"
    titled = rf"(?:-|\s+){van}\s+(?:{titles})(?P<typo>\s+{van}(?=\s+{UPPER_CLASS}))?\s+"
    submitted = (rf"[^.;()\n]{{0,{int(d['submitted_by_window'])}}}?(?:{either_case_alternation(d['submitted_by'])})"
                 rf"\s+(?:{titles})\s+")
    nick = r"-|[ \t]+|[ \t]*\n[ \t]*"  # one line break at most: never across a paragraph
    named = (rf"{word}(?:(?P<titled>{titled})|(?P<submitted>{submitted})|(?P<van>\s+{van}\s+)|(?P<nick>{nick}))"
             rf"(?P<names>{names})")
    with_article = either_case_alternation([t for t in d["titles"] if " " in t])
    reverse = (rf"(?<![\w])(?P<rtitle>{with_article})\s+(?P<names>{names})"
               rf"[^.;\n]{{0,{int(d['submitted_by_window'])}}}?(?<![\w]){initial_either_case(d['article_one'])}\s+{word}")
    gap_unit = r"(?:[^.;:()\n]|\.(?=\S|[ \t]+[a-z(])|\([^()\n]{0,120}\))"
    delayed = (rf"{word}(?P<gap>,?\s+(?:{either_case_alternation(d['delayed_openers'])})(?![\w])"
               rf"{gap_unit}{{0,{int(d['delayed_window'])}}}?),?\s+{van}\s+(?P<dtitle>{titles})\s+(?P<names>{names})")
    stop_words = "|".join(re.escape(w.lower()) for w in d["delayed_stop_words"])
    stop_suffixes = "|".join(re.escape(w.lower()) for w in d["delayed_stop_suffixes"])
    delay_stop = rf"(?<![\w])(?:{stop_words})(?![\w])|(?:{stop_suffixes})(?![\w])"
    statuses = tuple(
        (re.compile(rf"(?<![\w])(?:{either_case_alternation(s['words'])})(?![\w])"), s["value"], int(s["rank"]))
        for s in d["statuses"]
    )
    chambers = tuple(
        (re.compile(rf"(?<![\w])(?:{'|'.join(re.escape(w) for w in words)})(?![\w])"), chamber)
        for chamber, words in d["chambers"].items()
    )
    # `de moties Sjoerdsma (Kamerstuk ..., nr. 34), Van Laar (Kamerstuk ..., nr. 14) en Van Oijk/Sjoerdsma (...)`:
    # a list of motions, each named by its submitters and followed by its own citation
    cite = rf"\s*\(?\s*(?:{alternation(d['citation_keywords'])})\s[^()\n]{{1,60}}?\)"
    bare_item = rf"{name}(?:\s*/\s*{name})*{cite}"
    item = rf"(?P<iname>{name}(?:\s*/\s*{name})*)(?P<cite>{cite})"
    plural = either_case_alternation([w for w in d["motion_words"] if w.endswith("s")])
    listed = rf"(?<![\w-])(?:{plural})\s+(?P<items>{bare_item}(?:\s*(?:,|{en})\s*{bare_item})+)"
    return MotionGrammar(
        named=re.compile(named),
        reverse=re.compile(reverse),
        delayed=re.compile(delayed),
        delay_stop=re.compile(delay_stop),
        name=re.compile(rf"(?P<initials>{initials})?(?P<name>{single}(?:[ ]{single})?)"),
        single=re.compile(single),
        party=re.compile(party),
        motion_word=re.compile(word),
        anaphor=re.compile(rf"(?<![\w])(?:{either_case_alternation(d['anaphors'])})(?![\w])"),
        listed=re.compile(listed),
        item=re.compile(item),
        co_signers=re.compile(rf"\s+(?:{cs})"),
        statuses=statuses,
        chambers=chambers,
    )
