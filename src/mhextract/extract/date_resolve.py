"""Date resolution: turn one found date expression into an ISO value and a precision.

The resolving pass of the date extractor (eyecite style: find, then resolve). Pure functions
over a `DateCandidate` and the letter date: `resolve_date` gives a value at the precision the
text gives (`2023-06-13`, `2020-11`, `2021-summer`, `2023-Q1`, `2024`, `2019/2023`), using the
letter date for `jl.`, `a.s.`, `dit jaar`, `deze zomer` and year-less dates; without a letter
date those get value None. Named days (`de Kerst`, `Prinsjesdag`, `Pasen`, `Koningsdag`) follow
the day rules in `models/dates.json`; Easter is computed here (`easter_sunday`), so calendar
arithmetic needs nothing beyond the stdlib `datetime`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from mhextract.extract.date_grammar import DateCandidate, Groups, date_patterns, date_words
from mhextract.record.model import Precision


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
    m = date_patterns()[cand.kind].fullmatch(cand.anchor or cand.text)
    if m is None:  # pragma: no cover - candidates come from the same patterns
        return None, "year"
    groups = m.groupdict()
    if cand.anchor:
        groups["d"] = cand.text
    return _RESOLVERS[cand.kind](groups, letter)


def _month_number(name: str) -> int:
    """Month number of a Dutch month name or abbreviation."""
    months: dict[str, int] = date_words()["months"]
    return months[name.lower()]


def _rel_offset(phrase: str | None, table: str) -> int:
    """Year (or month) offset of a relative phrase such as `volgend jaar`."""
    mapping: dict[str, int] = date_words()[table]
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
    if (g.get("past") or g.get("fut")) and _safe_date(2000, month, day):  # undated letter: keep what it says
        return f"--{month:02d}-{day:02d}", "day"  # ISO 8601 day without year (`27 mei jl.` -> --05-27)
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
    past, fut = g.get("past") or g.get("pastb"), g.get("fut") or g.get("futb")  # `december jl.`, `afgelopen december`
    if letter is not None and (past or fut) and not g.get("y"):
        shift = -1 if past and month > letter.month else 0
        shift += 1 if fut and month < letter.month else 0
        return f"{letter.year + shift}-{month:02d}", "month"
    year = None if (past or fut) and not g.get("y") else _anchor_year(g, letter)
    return (f"{year}-{month:02d}" if year else None), "month"


def _season_name(word: str) -> str:
    """`najaar` -> autumn, `zomerreces` -> summer."""
    d = date_words()
    w = word.lower()
    return str(d["seasons"].get(w) or d["recesses"][w])


def _resolve_season(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`de zomer van 2021`, `dit najaar`, `volgend voorjaar`, `het zomerreces`: `2021-summer`."""
    season = _season_name(g["s"] or "")
    if g.get("after"):
        season = _season_after(season)  # `na de zomer`: the autumn
    if g.get("y") or g.get("rel"):
        year = _anchor_year(g, letter)
    elif letter is None:
        return None, "season"
    elif g.get("det"):
        year = letter.year + _season_shift(season, _rel_offset(g["det"], "relative_determiners"), letter)
    else:  # `voor de zomer`, `na het zomerreces`: the current or next one
        year = letter.year + _season_shift(season, 1 if _season_over(season, letter) else 0, letter)
    return (f"{year}-{season}" if year else None), "season"


def _season_after(season: str) -> str:
    """The season that begins the month after `season` ends (`summer` -> `autumn`), from models/dates.json."""
    last = season_months(season)[1]
    return next(s for s in date_words()["season_months"] if season_months(s)[0] == last % 12 + 1)


def season_months(season: str) -> tuple[int, int]:
    """First and last month of a season (`summer` -> (6, 8); winter: (12, 2)), from models/dates.json."""
    first, last = date_words()["season_months"][season]
    return int(first), int(last)


def _season_over(season: str, letter: date) -> bool:
    """True when this year's `season` has ended by the letter date (winter never counts as over)."""
    first, last = season_months(season)
    return first <= last < letter.month


def _season_shift(season: str, direction: int, letter: date) -> int:
    """Years to add for `volgend voorjaar` (next one to come) or `vorige zomer` (last one past)."""
    first, last = season_months(season)
    if direction > 0:
        return 0 if first > letter.month else 1
    if direction < 0:
        return 0 if last < letter.month and first <= last else -1
    return 0


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year (anonymous Gregorian / Meeus-Jones-Butcher algorithm)."""
    a, (b, c) = year % 19, divmod(year, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def named_day(name: str, year: int) -> date:
    """The date of a named day (`Kerst`, `Prinsjesdag`, `Pasen`) in `year`, by its rule in models/dates.json."""
    rule: dict[str, Any] = date_words()["named_days"][re.sub(r"\s+", " ", name.lower())]
    if "easter" in rule:
        return easter_sunday(year) + timedelta(days=int(rule["easter"]))
    if "nth" in rule:  # the nth weekday of the month
        first = date(year, int(rule["month"]), 1)
        weekday = [w.lower() for w in date_words()["weekdays"]].index(str(rule["weekday"]).lower())
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (int(rule["nth"]) - 1))
    when = date(year, int(rule["month"]), int(rule["day"]))
    return when + timedelta(days=int(rule.get("sunday_shift", 0))) if when.weekday() == 6 else when


def _resolve_named_day(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`de Kerst`, `Prinsjesdag 2023`, `afgelopen Pasen`: the next one on or after the letter, or the last."""
    name = g["nd"] or ""
    if g.get("y") or g.get("rel"):
        year = _anchor_year(g, letter)
        return (named_day(name, year).isoformat() if year else None), "day"
    if letter is None:
        return None, "day"
    past = bool(g.get("past")) or (bool(g.get("det")) and _rel_offset(g["det"], "relative_determiners") < 0)
    when = named_day(name, letter.year)
    if past and when > letter:
        when = named_day(name, letter.year - 1)
    elif not past and when < letter:
        when = named_day(name, letter.year + 1)
    return when.isoformat(), "day"


def _resolve_quarter(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`het eerste kwartaal van 2023`, `Q1 2023`: `2023-Q1`."""
    if g.get("qn"):
        return f"{g['qy']}-Q{g['qn']}", "quarter"
    number = date_words()["quarter_ordinals"][(g["q"] or "").lower()]
    year = _anchor_year(g, letter)
    return (f"{year}-Q{number}" if year else None), "quarter"


def _resolve_half(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`de eerste helft van 2023`: the months as a range, `2023-01/2023-06`."""
    year = _anchor_year(g, letter)
    first = date_words()["half_ordinals"][(g["h"] or "").lower()] == 1
    if not year:
        return None, "range"
    return (f"{year}-01/{year}-06" if first else f"{year}-07/{year}-12"), "range"


def _resolve_day_range(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`1 januari 2021 tot en met 31 december 2021`; the first end borrows month and year."""
    end_m = date_patterns()["day"].fullmatch(g["b"] or "")
    if end_m is None:
        return None, "range"
    end_g = end_m.groupdict()
    start_text = g["a"] or g.get("a2") or ""
    start_m = date_patterns()["day"].fullmatch(start_text)
    if start_m is None:  # only a day number: borrow month and year from the end
        start_m = date_patterns()["day"].fullmatch(f"{start_text} {end_g['m']}")
    start_g = dict(start_m.groupdict()) if start_m else {}
    b = _resolve_day(end_g, letter)[0]
    if start_g and not start_g.get("y"):  # the end's year, also one that `jl.`/`a.s.` gave it
        start_g["y"] = end_g.get("y") or (b[:4] if b and b[:4].isdigit() else None)
    a = _resolve_day(start_g, letter)[0] if start_g else None
    return (f"{a}/{b}" if a and b else None), "range"


def _resolve_month_range(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`januari tot en met maart 2023`: `2023-01/2023-03`."""
    end = _resolve_month(date_patterns()["month"].fullmatch(g["b"] or "").groupdict(), letter)[0]  # type: ignore[union-attr]
    start_g = dict(date_patterns()["month"].fullmatch(g["a"] or "").groupdict())  # type: ignore[union-attr]
    if not start_g.get("y") and end:
        start_g["y"] = end[:4]
    start = _resolve_month(start_g, letter)[0]
    return (f"{start}/{end}" if start and end else None), "range"


def _resolve_year_range(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`2019-2023`, `2015–2019`: `2019/2023`."""
    return f"{g['a']}/{g['b']}", "range"


def _resolve_rel_weekday(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`a.s. dinsdag`, `komende donderdag`: the first such weekday after the letter date; `jongstleden
    vrijdag`, `maandag jl.`: the last one before it (a week on when the letter is written on that weekday)."""
    if letter is None:
        return None, "day"
    weekdays = [w.lower() for w in date_words()["weekdays"]]
    wanted = weekdays.index((g.get("wd") or g.get("wd2") or "").lower())
    if g.get("wpast") or g.get("wpast2"):
        return (letter - timedelta(days=(letter.weekday() - wanted) % 7 or 7)).isoformat(), "day"
    return (letter + timedelta(days=(wanted - letter.weekday()) % 7 or 7)).isoformat(), "day"


def _resolve_year(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`2023`, `dit jaar`, `vorig jaar`, and `het jaar` after a qualifier."""
    if g.get("qy"):
        return (str(letter.year) if letter else None), "year"
    year = _anchor_year(g, letter)
    return (str(year) if year else None), "year"


def _iso_week(day: date) -> str:
    """`2023-W19`: the ISO year and week of a day."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _resolve_week(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`week 12 van 2023` -> `2023-W12`; `in week 12` -> the letter's year; null without either."""
    year = int(g["y"] or 0) if g.get("y") else (letter.year if letter else None)
    if year is None:
        return None, "week"
    number = int(g["wn"] or 0)
    try:
        date.fromisocalendar(year, number, 1)
    except ValueError:
        return None, "week"
    return f"{year}-W{number:02d}", "week"


def _resolve_rel_week(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`vorige week`, `deze week`, `volgende week`: the letter's ISO week shifted."""
    if letter is None:
        return None, "week"
    shift = date_words()["relative_weeks"][" ".join((g["relw"] or "").lower().split())]
    return _iso_week(letter + timedelta(weeks=shift)), "week"


def _resolve_rel_month(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`deze maand`, `volgende maand`: the letter's month shifted."""
    if letter is None:
        return None, "month"
    index = letter.year * 12 + letter.month - 1 + _rel_offset(g["relm"], "relative_months")
    return f"{index // 12}-{index % 12 + 1:02d}", "month"


def _resolve_rel_quarter(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`het afgelopen kwartaal`, `dit kwartaal`: the letter's quarter shifted (`het afgelopen kwartaal` in April
    2024 is 2024-Q1)."""
    if letter is None:
        return None, "quarter"
    index = letter.year * 4 + (letter.month - 1) // 3 + date_words()["relative_quarters"][
        " ".join((g["relq"] or "").lower().split())]
    return f"{index // 4}-Q{index % 4 + 1}", "quarter"


def _resolve_qualified(g: Groups, letter: date | None) -> tuple[str | None, Precision]:
    """`eind 2024`, `begin volgend jaar`, `het einde van volgend voorjaar`: the inner expression's value."""
    inner = g["inner"] or ""
    for kind in ("month", "season", "year", "rel_year", "rel_month", "qualified_year"):
        m = date_patterns()[kind].fullmatch(inner)
        if m is not None:
            return _RESOLVERS[kind](m.groupdict(), letter)
    return None, "year"  # pragma: no cover - the inner alternation mirrors these kinds


_RESOLVERS: dict[str, Callable[[Groups, date | None], tuple[str | None, Precision]]] = {
    "day": _resolve_day, "numeric": _resolve_numeric, "month": _resolve_month, "season": _resolve_season,
    "named_day": _resolve_named_day,
    "quarter": _resolve_quarter, "half": _resolve_half, "day_range": _resolve_day_range,
    "week": _resolve_week, "rel_week": _resolve_rel_week, "rel_quarter": _resolve_rel_quarter,
    "month_range": _resolve_month_range, "year_range": _resolve_year_range, "year": _resolve_year,
    "rel_year": _resolve_year, "qualified_year": _resolve_year, "rel_month": _resolve_rel_month,
    "qualified": _resolve_qualified, "year_pair": _resolve_year_range, "rel_weekday": _resolve_rel_weekday,
}
