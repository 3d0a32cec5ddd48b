"""Dates: every calendar expression in a letter, resolved to ISO 8601 against the letter date.

Find, then resolve (eyecite style). `find_date_candidates` matches a small grammar built
from `models/dates.json` (months, seasons, recesses, `jl.`/`a.s.`, relative years,
qualifiers); `resolve_date` turns one candidate into a value at the precision the text
gives (`2023-06-13`, `2020-11`, `2021-summer`, `2023-Q1`, `2024`, `2019/2023`), using the
letter date for `jl.`, `a.s.`, `dit jaar`, `deze zomer` and year-less dates. Without a
letter date those get value None. Session years of citations (`Kamerstukken II 2023/24`,
`TK 2019–2020`) and numbers after labels (`nr. 2021`) are never dates. Calendar arithmetic
needs nothing beyond the stdlib `datetime`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.extract.numbers import quantity_unit
from mhextract.nlp.extensions import add_span_group, claimed_ranges, overlaps
from mhextract.paths import load_json
from mhextract.record import DateMention, Span

Precision = Literal["day", "month", "season", "quarter", "year", "range"]
Groups = dict[str, str | None]

_YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_BEFORE = r"(?<![\w/:.,€$\-–—])"
_YEAR_AFTER = r"(?![\w:°%]|[./,]\d|\s?[-–—/]\s?\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class DateCandidate:
    """A date expression found in a text, before resolution."""

    start: int
    end: int
    kind: str
    text: str
    anchor: str | None = None  # `15 juni` for the bare day `14` in `14 en 15 juni`: month and year to borrow


@cache
def _data() -> dict[str, Any]:
    """The date word lists from models/dates.json."""
    data: dict[str, Any] = load_json("dates.json")
    return data


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _unnamed(pattern: str) -> str:
    """The same pattern without named groups, for embedding in a larger one."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The date grammar: one pattern per kind, built from the data file."""
    d = _data()
    year = rf"{_YEAR_BEFORE}{_YEAR}{_YEAR_AFTER}"
    month = rf"(?:{_alt(d['months'])})(?!\w)"
    rel_year = rf"(?:{_alt(d['relative_years'])})(?!\w)"
    anchor = rf"(?:\s+(?:van\s+)?(?P<y>{year})|\s+(?P<past>{_alt(d['past_markers'])})" \
             rf"|\s+(?P<fut>{_alt(d['future_markers'])})|\s+van\s+(?P<rel>{rel_year}))?"
    weekday = rf"(?:(?:{_alt(d['weekdays'])})\s+)?"
    day = rf"(?<![\w.,]){weekday}(?P<d>{_DAY})\s+(?P<m>{month}){anchor}"
    month_p = rf"(?<![\w.])(?P<m>{month}){anchor}"
    seasonal = _alt([*d["seasons"], *d["recesses"]])
    season = rf"(?<!\w)(?:(?P<art>de|het)\s+)?(?:(?P<det>{_alt(d['relative_determiners'])})\s+)?" \
             rf"(?P<s>{seasonal})(?!\w)(?:\s+(?:van\s+)?(?:(?P<y>{year})|(?P<rel>{rel_year})))?"
    quarter = rf"(?<!\w)(?:het\s+)?(?P<q>{_alt(d['quarter_ordinals'])})\s+kwartaal" \
              rf"(?:\s+(?:van\s+)?(?:(?P<y>{year})|(?P<rel>{rel_year})))?|(?<!\w)Q(?P<qn>[1-4])\s+(?P<qy>{year})"
    half = rf"(?<!\w)(?:de\s+)?(?P<h>{_alt(d['half_ordinals'])})\s+helft\s+van\s+" \
           rf"(?:(?P<y>{year})|(?P<rel>{rel_year})|het\s+jaar)"
    conn = rf"(?:\s*[-–—]\s*|\s+(?:{_alt(c for c in d['range_connectors'] if c not in '-–—')})\s+)"
    day_range = rf"(?<![\w.,])(?P<a>{weekday}{_DAY}(?:\s+{month}(?:\s+{_YEAR})?)?){conn}" \
                rf"(?P<b>{weekday}{_DAY}\s+{month}(?:\s+{_YEAR})?)(?![\w/])"
    month_range = rf"(?<![\w.])(?P<a>{month}(?:\s+{_YEAR})?){conn}(?P<b>{month}\s+{_YEAR})(?![\w/])"
    year_range = rf"{_YEAR_BEFORE}(?P<a>{_YEAR}){conn}(?P<b>{_YEAR}){_YEAR_AFTER}"
    rel_month = rf"(?<!\w)(?P<relm>{_alt(d['relative_months'])})(?!\w)"
    numeric = rf"(?<![\w/.,\-])(?:(?P<d>{_DAY})(?P<sep>[-/.])(?P<mn>0?[1-9]|1[0-2])(?P=sep)(?P<y>{_YEAR})" \
              rf"|(?P<iy>{_YEAR})-(?P<imn>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))(?![\w/:]|[.,\-]\d)"
    inner = "|".join(_unnamed(p) for p in (month_p, season, rf"{year}", rel_year, rel_month,
                                            rf"(?:{_alt(d['qualified_only_years'])})(?!\w)"))
    qualifier = rf"(?:(?:het|de)\s+)?(?:{_alt(d['qualifiers'])})(?:\s+van)?"
    qualified = rf"(?<!\w)(?P<qual>{qualifier})\s+(?P<inner>{inner})"
    sources = {
        "day_range": day_range, "month_range": month_range, "year_range": year_range,
        "day": day, "month": month_p, "season": season, "quarter": quarter, "half": half,
        "qualified": qualified, "numeric": numeric, "year": rf"(?P<y>{year})",
        "rel_year": rf"(?<!\w)(?P<rel>{rel_year})",
        "rel_month": rel_month, "qualified_year": rf"(?P<qy>{_alt(d['qualified_only_years'])})(?!\w)",
    }
    return {kind: re.compile(p, re.IGNORECASE) for kind, p in sources.items()}


# The kinds searched in running text; `qualified_year` (`het jaar`) only counts after a qualifier.
_FIND_KINDS = ("day_range", "month_range", "year_range", "day", "numeric", "month", "season", "quarter",
               "half", "qualified", "year", "rel_year", "rel_month")


def find_date_candidates(text: str, claimed: Iterable[tuple[int, int]] = ()) -> list[DateCandidate]:
    """Every date expression in `text`, longest match first, skipping claimed ranges."""
    taken = sorted(claimed)
    found: list[DateCandidate] = []
    for kind in _FIND_KINDS:
        for m in _patterns()[kind].finditer(text):
            cand = DateCandidate(m.start(), m.end(), kind, m.group())
            if not overlaps(taken, cand.start, cand.end) and _is_date(text, cand, m):
                found.append(cand)
    chosen: list[DateCandidate] = []
    for cand in sorted(found, key=lambda c: (-(c.end - c.start), c.start)):
        if not any(c.start < cand.end and cand.start < c.end for c in chosen):
            chosen.append(cand)
    listed = [d for c in chosen if c.kind == "day" for d in _listed_days(text, c)]
    chosen.extend(d for d in listed if not overlaps(taken, d.start, d.end))
    return sorted(chosen, key=lambda c: c.start)


def _listed_days(text: str, day: DateCandidate) -> list[DateCandidate]:
    """Bare days listed before a full day (`14 en 15 juni`, `12, 13 en 14 mei`), borrowing its month."""
    out: list[DateCandidate] = []
    pos = day.start
    while m := re.search(rf"(?<![\w.,])({_DAY})\s*(?:,|en|of)\s*$", text[max(0, pos - 12) : pos]):
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
    if cand.kind == "year" and (_after_label(text, cand.start) or _before_count(text, cand.start, cand.end)):
        return False
    if cand.kind == "year" and re.match(r"\)\d", text[cand.end : cand.end + 2]):  # COM(2021)171: an id
        return False
    return not (cand.kind == "year_range" and not _plausible_range(groups))


def _capitalised_name(text: str, cand: DateCandidate, groups: Groups) -> bool:
    """A bare month name capitalised mid-sentence (`Augustus`) is a name, not a date."""
    if not cand.text[0].isupper() or any(groups.get(k) for k in ("y", "rel", "past", "fut")):
        return False
    before = text[: cand.start].rstrip()
    return bool(before) and before[-1] not in ".!?:"


@cache
def _session_re() -> re.Pattern[str]:
    """Text that ends in a citation's session label: `Kamerstukken II `, `TK `, `Handelingen I `."""
    prefixes = _alt(_data()["session_prefixes"])
    return re.compile(rf"(?<!\w)(?:{prefixes})(?:\s+I{{1,2}})?,?\s*$", re.IGNORECASE)


def is_session_year(text: str, start: int) -> bool:
    """True where a year at `start` is a parliamentary session (`Kamerstukken II 2023/24`, `TK 2019–2020`)."""
    if re.match(rf"{_YEAR}\s*/\s*\d{{2,4}}", text[start:]):
        return True
    return bool(_session_re().search(text[max(0, start - 40) : start]))


def _after_label(text: str, start: int) -> bool:
    """True when a number label (`nr.`, `artikel`, `€`) stands right before `start`."""
    before = text[max(0, start - 20) : start].rstrip()
    return any(before.endswith(label) and (len(before) == len(label) or not before[-len(label) - 1].isalnum())
               for label in _data()["number_labels"])


def _before_count(text: str, start: int, end: int) -> bool:
    """True for a count (`2000 slachtoffers`, `2011 euro`) or a postcode (`2011 DP`), unless `in 2021`."""
    after = text[end : end + 40]
    if re.match(r"\s?[A-Z]{2}\b", after):
        return True
    before = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 20) : start])
    if before and before.group(1).lower() in _data()["year_prepositions"]:
        return False
    m = re.match(r"\s+([^\W\d_]+)", after)
    return bool(m and m.group(1).islower() and quantity_unit(m.group(1)) is not None)


def _plausible_range(groups: Groups) -> bool:
    """A year range runs forward and spans at most a few decades."""
    a, b = int(groups["a"] or 0), int(groups["b"] or 0)
    return a < b <= a + int(_data()["year_range_max_span"])


# ---------------------------------------------------------------------------- resolve

def parse_letter_date(letter_date: str | None) -> date | None:
    """The letter date as a `date`, or None when absent or not a full ISO date."""
    if not letter_date:
        return None
    try:
        return date.fromisoformat(letter_date[:10])
    except ValueError:
        return None


def resolve_date(cand: DateCandidate, letter: date | None) -> tuple[str | None, Precision]:
    """ISO value and precision of one candidate; value None when it needs a missing letter date."""
    m = _patterns()[cand.kind].fullmatch(cand.anchor or cand.text)
    if m is None:  # pragma: no cover - candidates come from the same patterns
        return None, "year"
    groups = m.groupdict()
    if cand.anchor:
        groups["d"] = cand.text
    return _RESOLVERS[cand.kind](groups, letter)


def _month_number(name: str) -> int:
    """Month number of a Dutch month name or abbreviation."""
    months: dict[str, int] = _data()["months"]
    return months[name.lower()]


def _rel_offset(phrase: str | None, table: str) -> int:
    """Year (or month) offset of a relative phrase such as `volgend jaar`."""
    mapping: dict[str, int] = _data()[table]
    return mapping[re.sub(r"\s+", " ", (phrase or "").lower())]


def _anchor_year(g: Groups, letter: date | None) -> int | None:
    """The year named by an explicit year or a relative year phrase, or the letter's year."""
    if g.get("y"):
        return int(g["y"] or 0)
    if letter is None:
        return None
    return letter.year + (_rel_offset(g["rel"], "relative_years") if g.get("rel") else 0)


def _safe_date(year: int, month: int, day: int) -> date | None:
    """A `date`, or None for impossible ones (31 februari)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_day(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`24 februari 2022`; `24 februari jl.` = last such day on/before the letter; `a.s.` = next."""
    day, month = int(g["d"] or 0), _month_number(g["m"] or "")
    if (g.get("past") or g.get("fut")) and letter is not None:
        step = -1 if g.get("past") else 1
        for offset in range(0, 9 * step, step):  # 29 februari may need a few years
            when = _safe_date(letter.year + offset, month, day)
            if when and (when <= letter if step < 0 else when >= letter):
                return when.isoformat(), "day"
        return None, "day"
    year = None if g.get("past") or g.get("fut") else _anchor_year(g, letter)
    when = _safe_date(year, month, day) if year else None
    return (when.isoformat() if when else None), "day"


def _resolve_numeric(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`12-05-2021`, `12/05/2021`, `2021-05-12`: day-month-year or ISO order."""
    if g.get("iy"):
        when = _safe_date(int(g["iy"] or 0), int(g["imn"] or 0), int(g["id"] or 0))
    else:
        when = _safe_date(int(g["y"] or 0), int(g["mn"] or 0), int(g["d"] or 0))
    return (when.isoformat() if when else None), "day"


def _resolve_month(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`november 2020`, `november van dit jaar`, `november jl.`; a bare month is in the letter's year."""
    month = _month_number(g["m"] or "")
    if letter is not None and (g.get("past") or g.get("fut")):
        shift = -1 if g.get("past") and month > letter.month else 0
        shift += 1 if g.get("fut") and month < letter.month else 0
        return f"{letter.year + shift}-{month:02d}", "month"
    year = None if g.get("past") or g.get("fut") else _anchor_year(g, letter)
    return (f"{year}-{month:02d}" if year else None), "month"


def _season_name(word: str) -> str:
    """`najaar` -> autumn, `zomerreces` -> summer."""
    d = _data()
    w = word.lower()
    return str(d["seasons"].get(w) or d["recesses"][w])


def _resolve_season(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`de zomer van 2021`, `dit najaar`, `volgend voorjaar`, `het zomerreces`: `2021-summer`."""
    season = _season_name(g["s"] or "")
    if g.get("y") or g.get("rel"):
        year = _anchor_year(g, letter)
    elif letter is None:
        return None, "season"
    elif g.get("det"):
        year = letter.year + _season_shift(season, _rel_offset(g["det"], "relative_determiners"), letter)
    else:  # `voor de zomer`, `na het zomerreces`: the current or next one
        year = letter.year + _season_shift(season, 1 if _season_over(season, letter) else 0, letter)
    return (f"{year}-{season}" if year else None), "season"


def _season_over(season: str, letter: date) -> bool:
    """True when this year's `season` has ended by the letter date (winter never counts as over)."""
    first, last = _SEASON_MONTHS[season]
    return first <= last < letter.month


def _season_shift(season: str, direction: int, letter: date) -> int:
    """Years to add for `volgend voorjaar` (next one to come) or `vorige zomer` (last one past)."""
    first, last = _SEASON_MONTHS[season]
    if direction > 0:
        return 0 if first > letter.month else 1
    if direction < 0:
        return 0 if last < letter.month and first <= last else -1
    return 0


def _resolve_quarter(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`het eerste kwartaal van 2023`, `Q1 2023`: `2023-Q1`."""
    if g.get("qn"):
        return f"{g['qy']}-Q{g['qn']}", "quarter"
    number = _data()["quarter_ordinals"][(g["q"] or "").lower()]
    year = _anchor_year(g, letter)
    return (f"{year}-Q{number}" if year else None), "quarter"


def _resolve_half(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`de eerste helft van 2023`: the months as a range, `2023-01/2023-06`."""
    year = _anchor_year(g, letter)
    first = _data()["half_ordinals"][(g["h"] or "").lower()] == 1
    if not year:
        return None, "range"
    return (f"{year}-01/{year}-06" if first else f"{year}-07/{year}-12"), "range"


def _resolve_day_range(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`1 januari 2021 tot en met 31 december 2021`; the first end borrows month and year."""
    end_m = _patterns()["day"].fullmatch(g["b"] or "")
    if end_m is None:
        return None, "range"
    end_g = end_m.groupdict()
    start_text = g["a"] or ""
    start_m = _patterns()["day"].fullmatch(start_text)
    if start_m is None:  # only a day number: borrow month and year from the end
        start_m = _patterns()["day"].fullmatch(f"{start_text} {end_g['m']}")
    start_g = dict(start_m.groupdict()) if start_m else {}
    if start_g and not start_g.get("y"):
        start_g["y"] = end_g.get("y")
    a = _resolve_day(start_g, letter)[0] if start_g else None
    b = _resolve_day(end_g, letter)[0]
    return (f"{a}/{b}" if a and b else None), "range"


def _resolve_month_range(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`januari tot en met maart 2023`: `2023-01/2023-03`."""
    end = _resolve_month(_patterns()["month"].fullmatch(g["b"] or "").groupdict(), letter)[0]  # type: ignore[union-attr]
    start_g = dict(_patterns()["month"].fullmatch(g["a"] or "").groupdict())  # type: ignore[union-attr]
    if not start_g.get("y") and end:
        start_g["y"] = end[:4]
    start = _resolve_month(start_g, letter)[0]
    return (f"{start}/{end}" if start and end else None), "range"


def _resolve_year_range(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`2019-2023`, `2015–2019`: `2019/2023`."""
    return f"{g['a']}/{g['b']}", "range"


def _resolve_year(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`2023`, `dit jaar`, `vorig jaar`, and `het jaar` after a qualifier."""
    if g.get("qy"):
        return (str(letter.year) if letter else None), "year"
    year = _anchor_year(g, letter)
    return (str(year) if year else None), "year"


def _resolve_rel_month(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`deze maand`, `volgende maand`: the letter's month shifted."""
    if letter is None:
        return None, "month"
    index = letter.year * 12 + letter.month - 1 + _rel_offset(g["relm"], "relative_months")
    return f"{index // 12}-{index % 12 + 1:02d}", "month"


def _resolve_qualified(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`eind 2024`, `begin volgend jaar`, `het einde van volgend voorjaar`: the inner expression's value."""
    inner = g["inner"] or ""
    for kind in ("month", "season", "year", "rel_year", "rel_month", "qualified_year"):
        m = _patterns()[kind].fullmatch(inner)
        if m is not None:
            return _RESOLVERS[kind](m.groupdict(), letter)
    return None, "year"  # pragma: no cover - the inner alternation mirrors these kinds


_RESOLVERS: dict[str, Callable[[Groups, date | None], tuple[str | None, Precision]]] = {
    "day": _resolve_day, "numeric": _resolve_numeric, "month": _resolve_month, "season": _resolve_season,
    "quarter": _resolve_quarter, "half": _resolve_half, "day_range": _resolve_day_range,
    "month_range": _resolve_month_range, "year_range": _resolve_year_range, "year": _resolve_year,
    "rel_year": _resolve_year, "qualified_year": _resolve_year, "rel_month": _resolve_rel_month,
    "qualified": _resolve_qualified,
}


def find_dates(text: str, letter_date: str | None = None,
               claimed: Iterable[tuple[int, int]] = ()) -> list[DateMention]:
    """Every date in `text` as a `DateMention`, resolved against `letter_date` (ISO or None)."""
    letter = parse_letter_date(letter_date)
    mentions: list[DateMention] = []
    for cand in find_date_candidates(text, claimed):
        value, precision = resolve_date(cand, letter)
        mentions.append(DateMention(text=cand.text, value=value, precision=precision,
                                    span=Span(start=cand.start, end=cand.end)))
    return mentions


# ---------------------------------------------------------------------------- spaCy

class DateExtractor:
    """spaCy component: `doc._.dates` and `doc.spans["dates"]`, skipping citations."""

    def __call__(self, doc: Doc) -> Doc:
        claimed = claimed_ranges(doc, "kamerstukken", "references")
        mentions = find_dates(doc.text, doc._.letter_date, claimed)
        doc._.dates = mentions
        add_span_group(doc, "dates", [(m.span.start, m.span.end, m.precision or "date") for m in mentions])
        return doc


@Language.factory("mh_dates")
def make_date_extractor(nlp: Language, name: str) -> DateExtractor:
    """Factory for the `mh_dates` pipeline component."""
    return DateExtractor()
