"""Letterhead fields flattened into running text, as PDF transcriptions print them.

docplayer and adoc pages print a letter's first page as one paragraph: `... Onze referentie
Uw brief van 01 september 2015 Datum 18 september 2015 Betreft Reactie op vragen ... Uw
referentie Bijlagen 1 Hierbij bied ik u ...`. Where a paragraph near the top holds at least
two field labels (models/letterhead.json `field_labels`), each label's value is the text up
to the next label; the value of the last one ends at a sentence opener (`Hierbij`, `Geachte`)
within `MAX_VALUE` characters, else it is dropped. A page counter (`1 van 130`) is furniture,
not part of a value. Three labels in a row without values between them are a table read row by row:
its values cannot be assigned, so the paragraph gives nothing.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from mhextract.analysis.patterns import alternation
from mhextract.normalise.letter import Letter
from mhextract.paths import load_json

HEAD_PARAGRAPHS = 4  # paragraphs at the top of the body where a flattened letterhead may stand
MAX_VALUE = 160
MIN_LABELS = 2  # one label in a sentence is prose; two or more in a paragraph are a flattened letterhead


@cache
def _labels() -> re.Pattern[str]:
    labels = load_json("letterhead.json")["field_labels"]
    return re.compile(rf"(?<![\w-])(?P<label>(?=[A-Z])(?i:{alternation(labels)}))(?![\w-])")


@cache
def _canonical() -> dict[str, str]:
    """A label in any letter case -> the label as listed (`Uw Kenmerk` -> `Uw kenmerk`)."""
    return {label.lower(): label for label in load_json("letterhead.json")["field_labels"]}


@cache
def _value_end() -> re.Pattern[str]:
    """Where the last label's value ends: a sentence opener of the letter body, or a page counter."""
    data = load_json("letterhead.json")
    return re.compile(rf"\s(?:{alternation(data['body_openers'])})\b|\s{data['page_counter']}\b")


def inline_fields(letter: Letter) -> dict[str, list[str]]:
    """Label -> [value] of a letterhead flattened into one of the first body paragraphs (empty if none)."""
    for p in letter.paragraphs[:HEAD_PARAGRAPHS]:
        fields = fields_in(letter.text[p.start:p.end])
        if fields:
            return fields
    return {}


def fields_in(text: str) -> dict[str, list[str]]:
    """The labelled values of one paragraph that holds at least `MIN_LABELS` labels."""
    found = list(_labels().finditer(text))
    empty = [not text[a.end():b.start()].strip() for a, b in pairwise(found)]
    if len(found) < MIN_LABELS:
        return {}
    if any(x and y for x, y in pairwise(empty)):
        return _row_table(text, found, empty)  # three labels in a row: a table read by rows
    fields: dict[str, list[str]] = {}
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        end = nxt.start() if nxt is not None else min(len(text), m.end() + MAX_VALUE)
        value = text[m.end():end]
        if cut := _value_end().search(value):
            value = value[:cut.start()]
        elif nxt is None:
            continue  # the last value runs on into the body: where it ends is unknown
        value = " ".join(value.split()).strip(" :")
        if value and len(value) <= MAX_VALUE:
            fields.setdefault(_canonical()[m.group("label").lower()], []).append(value)
    return fields


@cache
def _row_value() -> re.Pattern[str]:
    """One value of a table read by rows: a date written out (`20 november 2007`) or a code with a digit."""
    months = alternation(m for m in load_json("dates.json")["months"] if not m.endswith("."))
    return re.compile(rf"\s*(?:(?P<date>\d{{1,2}}\s+(?i:{months})\s+\d{{4}})|(?P<code>\S*\d\S*))(?=\s|$)")


def _row_table(text: str, found: list[re.Match[str]], empty: list[bool]) -> dict[str, list[str]]:
    """The labels of a table read by rows (the first run of labels without values between them), then their
    values in the same order; a date place just before the run (`Den Haag`) heads the letter's date. Only
    where every label finds a value of its kind (a date for a date label, else a code) is anything taken:
    `Datum Kenmerk Onderwerp 16 september 2003 ...` has a subject of words, so it gives nothing."""
    first = next(i for i, (x, y) in enumerate(pairwise(empty)) if x and y)
    last = first + 1
    while last + 1 < len(found) and empty[last]:
        last += 1  # found[first..last] stand in a row
    row = load_json("letterhead.json")["row_table"]
    canonical = _canonical()
    labels = [canonical[m.group("label").lower()] for m in found[first:last + 1]]
    before = text[: found[first].start()].rstrip()
    if any(before.endswith(place) for place in row["date_places"]):
        labels.insert(0, load_json("letterhead.json")["fields"]["date"][0])
    fields: dict[str, list[str]] = {}
    pos = found[last].end()
    for label in labels:
        m = _row_value().match(text, pos)
        kind = "date" if label in row["date_labels"] else "code"
        if m is None or m.group(kind) is None:
            return {}
        fields.setdefault(label, []).append(m.group(kind))
        pos = m.end()
    return fields
