"""Date grammar: find every calendar expression in a text, as raw candidates with offsets.

The finding pass of the date extractor (eyecite style: find, then resolve). `date_patterns`
builds one regex per kind of expression (day, month, season, quarter, half year, ranges,
relative years and months, named days such as `de Kerst` or `Prinsjesdag`, qualified expressions)
from the word lists in `models/dates.json`; `find_date_candidates` runs them over a text in one pass
over its words (`WordStartScanner`: each kind tried only at the words it can start with) and keeps
the longest non-overlapping matches. Unlinked footnote markers glued after a sentence-final year
(`gemaakt in 2022.3, 4`) are masked first (`mask_glued_markers`), offsets unchanged.
Session years of citations (`Kamerstukken II 2023/24`) and numbers after labels (`nr. 2021`),
counts and postcodes are rejected here; turning a candidate into a value is `date_resolve`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from mhextract.analysis.extensions import Ranges, overlaps
from mhextract.analysis.patterns import finditer_at, starts_of, word_alternation
from mhextract.analysis.shared_words import LETTER_TEXT
from mhextract.analysis.word_starts import WordStartScanner
from mhextract.extract.numbers import quantity_unit
from mhextract.normalise.footnotes import not_marker_after
from mhextract.paths import load_json

Groups = dict[str, str | None]

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_BEFORE = r"(?<![\w/:.,€$\-–—])"
_YEAR_AFTER = r"(?![\w:°%]|[./,]\d|\s?[-–—/]\s?\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"


@dataclass(frozen=True)
class DateCandidate:
    """A date expression found in a text, before resolution."""

    start: int
    end: int
    kind: str
    text: str
    anchor: str | None = None  # `15 juni` for the bare day `14` in `14 en 15 juni`: month and year to borrow


@cache
def date_words() -> dict[str, Any]:
    """The date word lists from models/dates.json."""
    data: dict[str, Any] = load_json("dates.json")
    return data


def _alt_words(words: Iterable[str], trie: bool = True) -> str:
    """`word_alternation`, but a space inside a phrase matches any whitespace (`tweede\\nkerstdag`)."""
    return word_alternation(words, trie=trie).replace(r"\ ", r"\s+")


def _unnamed(pattern: str) -> str:
    """The same pattern without named groups, for embedding in a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@cache
def date_patterns() -> dict[str, re.Pattern[str]]:
    """The date grammar: one pattern per kind, built from the data file."""
    return {kind: re.compile(p, re.IGNORECASE) for kind, p in date_sources().items()}


def date_sources(trie: bool = True) -> dict[str, str]:
    """The date grammar as regex text, one per kind; word lists as tries or (`trie=False`, the same
    matches, easier to read) as plain alternations."""
    d = date_words()

    def alt(words: Iterable[str]) -> str:
        return word_alternation(words, trie=trie)

    def alt_words(words: Iterable[str]) -> str:
        return _alt_words(words, trie)

    van, het = re.escape(d["of_word"]), re.escape(d["neuter_article"])
    art = "|".join(map(re.escape, d["articles"]))  # `de|het`
    year = rf"{_YEAR_BEFORE}{_YEAR}{_YEAR_AFTER}"
    month = rf"(?:{alt(d['months'])})(?!\w)"
    rel_year = rf"(?:{alt(d['relative_years'])})(?!\w)"
    anchor = rf"(?:\s+(?:{van}\s+)?(?P<y>{year})|\s+(?P<past>{alt(d['past_markers'])})" \
             rf"|\s+(?P<fut>{alt(d['future_markers'])})|\s+{van}\s+(?:{het}\s+)?(?P<rel>{rel_year}))?"
    weekday = rf"(?:(?:{alt(d['weekdays'])})\s+)?"
    glued = rf"(?=[^\W\d_]+\.?\s+{_YEAR}(?!\d))"  # `31oktober 2011`: a lost space, only before a year
    day = rf"(?<![\w.,]){weekday}(?P<d>{_DAY})(?:\s+|{glued})(?P<m>{month}){anchor}"
    month_det = (rf"(?:(?P<pastb>{alt(d['month_past_determiners'])})\s+"
                 rf"|(?P<futb>{alt(d['month_future_determiners'])})\s+)?")
    month_p = rf"(?<![\w.]){month_det}(?P<m>{month}){anchor}"
    seasonal = alt([*d["seasons"], *d["recesses"]])
    after = rf"(?:(?P<after>{alt(d['after_season_words'])})\s+(?={art}\s+(?:{alt(d['seasons'])})(?!\w)))?"
    season = rf"(?<!\w){after}(?:(?P<art>{art})\s+)?(?:(?P<det>{alt(d['relative_determiners'])})\s+)?" \
             rf"(?P<s>{seasonal})(?!\w)(?:\s+(?:{van}\s+)?(?:(?P<y>{year})|(?P<rel>{rel_year})))?"
    quarter = rf"(?<!\w)(?:{het}\s+)?(?P<q>{alt(d['quarter_ordinals'])})\s+{re.escape(d['quarter_noun'])}" \
              rf"(?:\s+(?:{van}\s+)?(?:(?P<y>{year})|(?P<rel>{rel_year})))?|(?<!\w)Q(?P<qn>[1-4])\s+(?P<qy>{year})"
    half_noun = alt_words(d["half_nouns"])
    the_year = r"\s+".join(map(re.escape, d["the_year"].split()))  # `het\s+jaar`
    half = rf"(?<!\w)(?:(?:{art})\s+)?(?P<h>{alt(d['half_ordinals'])})\s+(?:{half_noun})(?:\s+{van})?\s+" \
           rf"(?:(?P<y>{year})|(?P<rel>{rel_year})|{the_year})"
    conn = rf"(?:\s*[-–—]\s*|\s+(?:{alt(c for c in d['range_connectors'] if c not in '-–—')})\s+)"
    pair = rf"\s+(?:{alt(d['day_range_connectors'])})\s+"
    # `4 en 5 juni` (a bare day, then `en`) is a two-day event; `13 juni en 4 juli` are two dates; and not
    # after `12, `: `12, 13 en 14 mei` is a list of days
    marker = rf"\s+(?:{alt(d['past_markers'])}|{alt(d['future_markers'])})"  # `26–29 september jl.`
    day_range = rf"(?<![\w.,])(?<!\d,\s)(?:(?P<a>{weekday}{_DAY}(?:\s+{month}(?:\s+{_YEAR})?)?){conn}" \
                rf"|(?P<a2>{weekday}{_DAY}){pair})(?P<b>{weekday}{_DAY}\s+{month}(?:\s+{_YEAR}|{marker})?)(?![\w/])"
    month_range = rf"(?<![\w.])(?P<a>{month}(?:\s+{_YEAR})?){conn}(?P<b>{month}\s+{_YEAR})(?![\w/])"
    year_range = rf"{_YEAR_BEFORE}(?P<a>{_YEAR})(?:{conn}|(?P<slash>/))(?P<b>{_YEAR}){_YEAR_AFTER}"
    named = rf"(?<!\w)(?:(?P<art>{art})\s+)?(?:(?P<det>{alt(d['relative_determiners'])})\s+)?" \
            rf"(?P<nd>{alt_words(d['named_days'])})(?![\w\-])" \
            rf"(?:\s+(?:{van}\s+)?(?:(?P<y>{year})|(?P<rel>{rel_year}))" \
            rf"|\s+(?P<past>{alt(d['past_markers'])})|\s+(?P<fut>{alt(d['future_markers'])}))?"
    rel_month = rf"(?<!\w)(?P<relm>{alt(d['relative_months'])})(?!\w)"
    pairs = d["year_pairs"]  # `tussen 2016 en 2023`, `de jaren 2020 en 2021`: one period
    year_pair = rf"(?<!\w)(?:{alt_words(pairs['leads'])})\s+(?P<a>{year})" \
                rf"\s+(?:{alt(pairs['connectors'])})\s+(?P<b>{year})"
    weekdays = alt(d["weekdays"])  # `a.s. dinsdag`, `jongstleden vrijdag`, `maandag jl.`
    before_past = alt([*d["past_markers"], *d["month_past_determiners"]])
    before_future = alt([*d["future_markers"], *d["month_future_determiners"]])
    rel_weekday = rf"(?<![\w.])(?:(?P<wpast>{before_past})|(?P<wfut>{before_future}))\s+(?P<wd>{weekdays})(?!\w)" \
                  rf"|(?<![\w.])(?P<wd2>{weekdays})\s+(?:(?P<wpast2>{alt(d['past_markers'])})" \
                  rf"|(?P<wfut2>{alt(d['future_markers'])}))(?!\w)"
    numeric = rf"(?<![\w/.,\-])(?:(?P<d>{_DAY})(?P<sep>[-/.])(?P<mn>0?[1-9]|1[0-2])(?P=sep)(?P<y>{_YEAR})" \
              rf"|(?P<iy>{_YEAR})-(?P<imn>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))(?![\w/:]|[.,\-]\d)"
    inner = "|".join(_unnamed(p) for p in (month_p, season, rf"{year}", rel_year, rel_month,
                                            rf"(?:{alt(d['qualified_only_years'])})(?!\w)"))
    qualifier = rf"(?:(?:{art})\s+)?(?:{alt(d['qualifiers'])})(?:\s+{van})?"
    qualified = rf"(?<!\w)(?P<qual>{qualifier})\s+(?P<inner>{inner})"
    digit = r"(?=\d)"  # first in the kinds whose matches start with a digit: a scan skips other places at once
    sources = {
        "day_range": day_range, "month_range": month_range, "year_range": digit + year_range,
        "day": day, "month": month_p, "season": season, "named_day": named, "quarter": quarter, "half": half,
        "qualified": qualified, "numeric": digit + numeric, "year": rf"{digit}(?P<y>{year})",
        "rel_year": rf"(?<!\w)(?P<rel>{rel_year})",
        "rel_month": rel_month, "qualified_year": rf"(?P<qy>{alt(d['qualified_only_years'])})(?!\w)",
        "week": rf"(?<![\w\-]){re.escape(d['week_noun'])}\s+(?P<wn>5[0-3]|[1-4]\d|[1-9])(?![\w.,]?\d)"
                rf"(?:\s+(?:{van}\s+)?(?P<y>{year}))?",
        "rel_week": rf"(?<!\w)(?P<relw>{alt(d['relative_weeks'])})(?!\w)",
        "rel_quarter": rf"(?<!\w)(?P<relq>{alt(d['relative_quarters'])})(?!\w)",
        "year_pair": year_pair, "rel_weekday": rel_weekday,
    }
    return sources


# The kinds searched in running text; `qualified_year` (`het jaar`) only counts after a qualifier.
_FIND_KINDS = ("day_range", "month_range", "year_range", "day", "numeric", "month", "season", "named_day",
               "quarter", "half", "week", "qualified", "year", "rel_year", "rel_month", "rel_week", "rel_quarter",
               "year_pair", "rel_weekday")


def find_date_candidates(text: str, claimed: Iterable[tuple[int, int]] = ()) -> list[DateCandidate]:
    """Every date expression in `text`, longest match first, skipping claimed ranges."""
    taken = Ranges(claimed)
    masked = mask_glued_markers(text)
    found: list[DateCandidate] = []
    matches = _scanner().scan(masked)
    for kind in _FIND_KINDS:
        for m in matches[kind]:
            cand = DateCandidate(m.start(), m.end(), kind, text[m.start() : m.end()])
            if not overlaps(taken, cand.start, cand.end) and _is_date(masked, cand, m):
                found.append(cand)
    chosen: list[DateCandidate] = []
    chosen_ranges = Ranges()
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if not chosen_ranges.overlaps(cand.start, cand.end):
            chosen.append(cand)
            chosen_ranges.add(cand.start, cand.end)
    listed = [d for c in chosen if c.kind == "day" for d in _listed_days(text, c)]
    chosen.extend(d for d in listed if not overlaps(taken, d.start, d.end))
    return sorted(chosen, key=lambda c: c.start)


@cache
def _scanner() -> WordStartScanner:
    """All kinds searched in running text, scanned in one pass over the words (`WordStartScanner`)."""
    return WordStartScanner({kind: date_patterns()[kind] for kind in _FIND_KINDS}, shared=LETTER_TEXT)


# Where `_glued_markers_re` can match: a year, a full stop and a marker's first digit (a quick scan: literals first).
_GLUED_START = re.compile(rf"{_YEAR}\.[1-9]")


@cache
def _glued_markers_re() -> re.Pattern[str]:
    """A year (also a range's end), a full stop, then footnote numbers (`2022.3, 4`); the tail is checked apart."""
    marker = r"[1-9]\d{0,2}"
    return re.compile(rf"(?<![\w/:.,€$])(?P<y>{_YEAR})\.(?P<markers>{marker}(?:\s?,\s?{marker})*)"
                      rf"(?![\d.,:/\-])(?P<tail>\s*)(?P<next>\S?)")


def mask_glued_markers(text: str) -> str:
    """`text` with unlinked footnote markers after a sentence-final year blanked (`in 2022.3, 4` -> `in 2022.    `).

    Only where the markers end the sentence (end of text, a paragraph break or an uppercase word
    follows) and no version label (`versie 2022.1`) precedes the year; same length, same offsets.
    """
    out = text
    for m in finditer_at(_glued_markers_re(), text, starts_of(_GLUED_START, text)):
        tail, following = m.group("tail"), m.group("next")
        sentence_end = not following or "\n\n" in tail or (bool(tail) and following.isupper())
        if sentence_end and not _after_version_label(text, m.start()):
            out = out[: m.start("markers")] + " " * len(m.group("markers")) + out[m.end("markers") :]
    return out


def _after_version_label(text: str, start: int) -> bool:
    """True when a word after which no footnote marker stands (`versie`, `release`, `nr.`) is right before `start`."""
    return not_marker_after().search(text[max(0, start - 12) : start]) is not None


@cache
def _listed_day_re() -> re.Pattern[str]:
    """A bare day and a list connector (`14 en`, `12,`) ending a text."""
    connectors = "|".join(map(re.escape, date_words()["list_connectors"]))
    return re.compile(rf"(?<![\w.,])({_DAY})\s*(?:,|{connectors})\s*$")


def _listed_days(text: str, day: DateCandidate) -> list[DateCandidate]:
    """Bare days listed before a full day (`14 en 15 juni`, `12, 13 en 14 mei`), borrowing its month."""
    out: list[DateCandidate] = []
    pos = day.start
    while m := _listed_day_re().search(text[max(0, pos - 12) : pos]):
        start = max(0, pos - 12) + m.start(1)
        out.append(DateCandidate(start, start + len(m.group(1)), "day", m.group(1), anchor=day.text))
        pos = start
    return out


def _is_date(text: str, cand: DateCandidate, m: re.Match[str]) -> bool:
    """Reject matches that are no calendar expression: bare seasons, labels, session years, counts."""
    groups = m.groupdict()
    if cand.kind == "season" and not any(groups.get(k) for k in ("art", "det", "y", "rel")):
        return False
    if cand.kind == "month" and (groups.get("m") or "").endswith(".") and not any(
            groups.get(k) for k in ("y", "rel", "past", "fut")):
        return False
    if cand.kind == "month" and _capitalised_name(text, cand, groups):
        return False
    if cand.kind in ("year", "year_range", "month_range", "day_range") and is_session_year(text, cand.start):
        return False
    if cand.kind == "day_range" and groups.get("a2") and not _next_days(groups["a2"], groups.get("b") or ""):
        return False  # `5 en 7 maart 2018`: two days (found as a listed day and a day), not a two-day event
    if cand.kind == "year" and (_after_label(text, cand.start) or _before_count(text, cand.start, cand.end)):
        return False
    if cand.kind == "year" and _eu_document_year(text, cand.start, cand.end):  # `COM(2021) 171`: an id
        return False
    return not (cand.kind in ("year_range", "year_pair") and not _plausible_range(groups))


def _eu_document_year(text: str, start: int, end: int) -> bool:
    """`COM(2021)171`, `COM (2011) 866`: a bracketed year right before a number is an id; with a space before the
    number only after an EU document series (models/dates.json `eu_document_series`)."""
    after = text[end : end + 3]
    if re.match(r"\)\d", after):
        return True
    spaced = re.match(r"\)\s\d", after) is not None
    return spaced and _eu_series_before().search(text, max(0, start - 8), start) is not None


@cache
def _eu_series_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{word_alternation(date_words()['eu_document_series'], trie=False)})\s?\($")


def _next_days(first: str, second: str) -> bool:
    """`4` and `5 juni`: the second day follows the first."""
    a, b = re.search(r"\d{1,2}", first), re.search(r"\d{1,2}", second)
    return bool(a and b) and int(b.group()) == int(a.group()) + 1  # type: ignore[union-attr]


def _capitalised_name(text: str, cand: DateCandidate, groups: Groups) -> bool:
    """A bare month name capitalised mid-sentence (`Augustus`) is a name, not a date."""
    if not cand.text[0].isupper() or any(groups.get(k) for k in ("y", "rel", "past", "fut")):
        return False
    before = text[: cand.start].rstrip()
    return bool(before) and before[-1] not in ".!?:"


@cache
def _session_re() -> re.Pattern[str]:
    """Text that ends in a citation's session label: `Kamerstukken II `, `TK `, `Handelingen I `, or the
    chamber's cell of a table row (`Tweede Kamer der Staten-Generaal | `)."""
    prefixes = word_alternation(date_words()["session_prefixes"])
    return re.compile(rf"(?<!\w)(?:{prefixes})(?:\s+I{{1,2}})?(?:,|\s*\|)?\s*$", re.IGNORECASE)


def is_session_year(text: str, start: int) -> bool:
    """True where a year at `start` is a parliamentary session (`Kamerstukken II 2023/24`, `TK 2019–2020`):
    after a session label, as a short pair (`2023/24`), or as a pair a citation's dossier number follows
    (`(2010/2011, 32 716, nr. 13)`). A full pair of years elsewhere (`de jaarwisseling van 2011/2012`) is a date."""
    if re.match(rf"{_YEAR}\s*/\s*\d{{2}}(?!\d)", text[start:]) or _CITED_PAIR.match(text, start):
        return True
    return bool(_session_re().search(text[max(0, start - 40) : start]))


# Two years, then a comma and a dossier number (`2010/2011, 32 716`, `2010–2011, 32716`): a citation's session.
_CITED_PAIR = re.compile(rf"{_YEAR}\s*[-–—/]\s*{_YEAR},\s*\d{{2}}\s?\d{{3}}(?!\d)")


def _after_label(text: str, start: int) -> bool:
    """True when a number label (`nr.`, `artikel`, `€`) stands right before `start`."""
    before = text[max(0, start - 20) : start].rstrip()
    return any(before.endswith(label) and (len(before) == len(label) or not before[-len(label) - 1].isalnum())
               for label in date_words()["number_labels"])


def _before_count(text: str, start: int, end: int) -> bool:
    """True for a count (`2000 slachtoffers`, `2011 euro`) or a postcode (`2011 DP`), unless `in 2021`."""
    after = text[end : end + 40]
    if re.match(r"\s?[A-Z]{2}\b", after):
        return True
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 20) : start])
    if before and before.group(1).lower() in date_words()["year_prepositions"]:
        return False
    m = re.match(r"\s+([^\W\d_]+)", after)
    return bool(m and m.group(1).islower() and quantity_unit(m.group(1)) is not None)


def _plausible_range(groups: Groups) -> bool:
    """A year range runs forward and spans at most a few decades; two years joined by a slash are one
    turn of the year (`2011/2012`: a school year, a season), so they follow each other."""
    a, b = int(groups["a"] or 0), int(groups["b"] or 0)
    if groups.get("slash"):
        return b == a + 1
    return a < b <= a + int(date_words()["year_range_max_span"])

