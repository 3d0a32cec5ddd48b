"""Numbers that are no figures or take their unit from a table: glued footnote years, flattened table cells.

`glued_year`: `uit 20204`, `in 2024.1` are a year with a footnote marker glued to it.
`table_cell_unit`: a number alone in its paragraph, among other such paragraphs, is a cell of a
flattened table and counts what its row header names; `table_scale`: the scale a column header
above the table states (`Fosfaat (miljoen kilogram)`, `(bedragen x € 1 mln)`); `note_scale`: the scale
an amounts note earlier in the paragraph states (`... (x €1 mln.). Totaal € 2.115,5`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from mhextract.analysis.patterns import alternation
from mhextract.extract.figure_words import counted_units, lower_set, prev_word, unit_word
from mhextract.extract.numbers import NumberMatch, counted_unit, scale_of
from mhextract.paths import load_json
from mhextract.record.model import Unit

_GLUED_YEAR = re.compile(r"(?:19|20)\d\d(?:\d{1,4}|\.\d{1,2})")


def glued_year(text: str, n: NumberMatch) -> bool:
    """A year with a footnote marker glued to it, not a figure: `de IMO uit 20204 laat`, `in 2024.1`, `201833529`.

    Digits without thousands separators that start with a year and run on, or a year, a full
    stop and one or two digits; a real count of that size is written with separators (`20.204`).
    """
    if not _GLUED_YEAR.fullmatch(n.text):
        return False
    if "." in n.text:
        return True
    if prev_word(text, n.start) in lower_set("year_cues") or len(n.text) >= 7:
        return True
    # `20241`: a count that size is written with a thousands dot (`20.241`); a recent year runs on into a marker
    if len(n.text) != 5 or not 1990 <= int(n.text[:4]) <= 2039 or n.text[4] == "0":
        return False
    nxt = re.match(r"\s+([^\W\d_]+)", text[n.end : n.end + 40])
    return not (nxt and (counted_unit(nxt.group(1)) or unit_word(nxt.group(1))))  # `20204 meldingen` is a count


_CELL = re.compile(r"[+\-–]?\s*\d[\d.,]*\s*%?")
MAX_CELL_RUN = 12  # number-only paragraphs between a flattened table's row header and a cell


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph (between blank-line separators) holding `pos`."""
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def _paragraphs_before(text: str, pos: int, limit: int) -> Iterator[str]:
    """Up to `limit` paragraphs before the one holding `pos`, nearest first, stripped."""
    for _ in range(limit):
        if pos < 2:
            return
        pos, end = _paragraph(text, pos - 3)
        yield text[pos:end].strip()


def table_cell_unit(text: str, start: int, end: int) -> Unit | None:
    """The unit of a number that is a cell of a flattened table (one number a paragraph), else None.

    A cell stands among other number-only paragraphs; its row header is the nearest paragraph
    before them that is text (`Aantal ongevallen in onderzoek` / `1.201` / `1.149`): the header's
    counted noun gives the unit (`ongevallen` -> cases), else `other`.
    """
    p_start, p_end = _paragraph(text, start)
    if not _CELL.fullmatch(text[p_start:p_end].strip()):
        return None
    cells = 1
    header = None
    for para in _paragraphs_before(text, p_start, MAX_CELL_RUN):
        if not _CELL.fullmatch(para):
            header = para
            break
        cells += 1
    nxt_start, nxt_end = _paragraph(text, p_end + 2) if p_end + 2 < len(text) else (p_end, p_end)
    if _CELL.fullmatch(text[nxt_start:nxt_end].strip()):
        cells += 1
    if header is None or cells < 2 or len(header) > 120 or header.endswith((".", ":", ";")):
        return None
    units = counted_units(header)
    return units[-1] if units else "other"


MAX_TABLE_PARAGRAPHS = 40  # short paragraphs between a cell and the column header that states the scale
MAX_TABLE_LINE = 80  # a flattened table's paragraphs are short


@cache
def _scale_header() -> re.Pattern[str]:
    """A parenthesis naming a scale word (models/numbers.json `scales`): `(miljoen kilogram)`, `(x € 1 mln)`."""
    scales = alternation(load_json("numbers.json")["scales"])
    return re.compile(rf"\([^()]{{0,30}}?(?<![\w.])(?P<scale>{scales})(?![\w])[^()]{{0,30}}\)", re.IGNORECASE)


@cache
def _multiplier_note() -> re.Pattern[str]:
    """An amounts note: `(x €1 mln.)`, `(bedragen x € 1 miljoen)`, `(x € 1.000)`: what the amounts after it are in."""
    scales = alternation(load_json("numbers.json")["scales"])
    scale = rf"\s*(?P<scale>{scales})(?![\w])\.?|(?P<thousand>\.000)"
    return re.compile(rf"\((?:\s*bedragen)?\s*[x×]\s*€\s*1(?:{scale})\s*\)", re.IGNORECASE)


def note_scale(text: str, start: int) -> int:
    """The scale an amounts note earlier in the same paragraph states for an amount at `start`, else 1."""
    para_start, _ = _paragraph(text, start)
    notes = list(_multiplier_note().finditer(text, para_start, start))
    if not notes:
        return 1
    note = notes[-1]
    return 1000 if note.group("thousand") else scale_of(note.group("scale").lower()) or 1


def in_multiplier_note(text: str, start: int) -> bool:
    """True for a number inside an amounts note (the `1` of `(x €1 mln.)`), which is no figure."""
    para_start, _ = _paragraph(text, start)
    return any(m.start() <= start < m.end() for m in _multiplier_note().finditer(text, para_start, start + 12))


def table_scale(text: str, start: int) -> int:
    """The scale of a flattened table's cell from a column header above it, else 1; the table is a run
    of short paragraphs, and the header the nearest one with a scale in parentheses."""
    for para in _paragraphs_before(text, start, MAX_TABLE_PARAGRAPHS):
        if len(para) > MAX_TABLE_LINE:
            break
        if m := _scale_header().search(para):
            return scale_of(m.group("scale").lower()) or 1
    return 1
