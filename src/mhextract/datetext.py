"""Dates as letters and their metadata write them (`30 november 2023`, `30-11-2023`, ISO) -> ISO.

Shared by the readers (OEP metadata, pasted pages) and by `metadata.py`; relative
and partial dates are the date extractor's job, not this module's.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from mhextract.paths import load_json


@cache
def _months() -> dict[str, int]:
    months: dict[str, int] = load_json("dates.json")["months"]
    return months


def iso_date(text: str | None) -> str | None:
    """`2023-11-30`, `30-11-2023` or `30 november 2023` -> `2023-11-30`; else None."""
    if not text:
        return None
    text = text.strip()
    parts: tuple[int, int, int] | None = None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", text):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text):
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    elif (m := re.search(r"\b(\d{1,2})\s+([a-zA-Z]+)\s+(\d{4})\b", text)) and m.group(2).lower() in _months():
        parts = (int(m.group(3)), _months()[m.group(2).lower()], int(m.group(1)))
    if parts is None:
        return None
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None
