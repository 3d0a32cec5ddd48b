"""Numbers that are no figures or take their unit from a table: glued footnote years, flattened table cells.

`glued_year`: `uit 20204`, `in 2024.1` are a year with a footnote marker glued to it.
`table_cell_unit`: a number alone in its paragraph, among other such paragraphs, is a cell of a
flattened table and counts what its row header names.
"""

from __future__ import annotations

import re

from mhextract.extract.figure_words import counted_units, lower_set, prev_word
from mhextract.extract.numbers import NumberMatch
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
    return prev_word(text, n.start) in lower_set("year_cues") or len(n.text) >= 7


_CELL = re.compile(r"[+\-–]?\s*\d[\d.,]*\s*%?")
MAX_CELL_RUN = 12  # number-only paragraphs between a flattened table's row header and a cell


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the paragraph (between blank-line separators) holding `pos`."""
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


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
    pos = p_start
    for _ in range(MAX_CELL_RUN):
        if pos < 2:
            break
        prev_start, prev_end = _paragraph(text, pos - 3)
        para = text[prev_start:prev_end].strip()
        if _CELL.fullmatch(para):
            cells += 1
            pos = prev_start
            continue
        header = para
        break
    nxt_start, nxt_end = _paragraph(text, p_end + 2) if p_end + 2 < len(text) else (p_end, p_end)
    if _CELL.fullmatch(text[nxt_start:nxt_end].strip()):
        cells += 1
    if header is None or cells < 2 or len(header) > 120 or header.endswith((".", ":", ";")):
        return None
    units = counted_units(header)
    return units[-1] if units else "other"
