"""Letterhead fields flattened into running text, as PDF transcriptions print them.

docplayer and adoc pages print a letter's first page as one paragraph: `... Onze referentie
Uw brief van 01 september 2015 Datum 18 september 2015 Betreft Reactie op vragen ... Uw
referentie Bijlagen 1 Hierbij bied ik u ...`. Where a paragraph near the top holds at least
two field labels (models/letterhead.json `field_labels`), each label's value is the text up
to the next label; the value of the last one ends at a sentence opener (`Hierbij`, `Geachte`)
within `MAX_VALUE` characters, else it is dropped. A page counter (`1 van 130`) is furniture,
not part of a value. Labels in a row without values between them are a table read row by row
(`Den Haag Ons kenmerk Uw brief van 26 mei 2005 ASEA/DIR/2005/11365`): its values go to them by kind (a
date to a date label, a code to the others); where they do not fit, three labels in a row give nothing
and two fall back to the text after each label.
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
    """The labelled values of one paragraph that holds at least `MIN_LABELS` labels (or one label right after
    a date place: `Den Haag Uw brief van 30 maart 2007 16 maart 2007`)."""
    found = list(_labels().finditer(text))
    empty = [not text[a.end():b.start()].strip() for a, b in pairwise(found)]
    placed = bool(found) and _ends_in_place(text[: found[0].start()])
    if len(found) < MIN_LABELS and not placed:
        return {}
    if any(x and y for x, y in pairwise(empty)):
        return _row_table(text, found, empty)  # three labels in a row: a table read by rows
    if (any(empty) or placed) and (rows := _row_table(text, found, empty, two=True)):
        return rows  # two labels (or a place and a label) in a row whose values fit them
    return _labelled(text, found)


def row_fields(line: str) -> dict[str, list[str]]:
    """The fields of one letterhead line whose labels stand in a row before their values (`Ons kenmerk Datum
    13 november 2018 2413397 Onderwerp ...`); empty unless the values fit the labels (`Onderwerp Bijlage(n)
    Afschrift van ...` reads as before: a subject running on after an empty label)."""
    found = list(_labels().finditer(line))
    empty = [not line[a.end():b.start()].strip() for a, b in pairwise(found)]
    if len(found) < MIN_LABELS or not empty[0]:
        return {}
    return _row_table(line, found, empty, two=True, line=True)


def _labelled(text: str, found: list[re.Match[str]], line: bool = False) -> dict[str, list[str]]:
    """Each label's value: the text up to the next label (the last one's up to a body opener, or on one
    letterhead `line` up to its end)."""
    fields: dict[str, list[str]] = {}
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        end = nxt.start() if nxt is not None else min(len(text), m.end() + MAX_VALUE)
        value = text[m.end():end]
        if cut := _value_end().search(value):
            value = value[:cut.start()]
        elif nxt is None and not (line and end == len(text)):
            continue  # the last value runs on into the body: where it ends is unknown
        value = " ".join(value.split()).strip(" :")
        if value and len(value) <= MAX_VALUE:
            fields.setdefault(_canonical()[m.group("label").lower()], []).append(value)
    return fields


def _ends_in_place(before: str) -> bool:
    """Text that ends in a date place (`Den Haag`) standing as a column head: at the start or after a break."""
    before = before.rstrip(" \t")
    places = load_json("letterhead.json")["row_table"]["date_places"]
    return any(before.endswith(p) and (len(before) == len(p) or before[-len(p) - 1] == "\n") for p in places)


@cache
def _row_value() -> re.Pattern[str]:
    """One value of a table read by rows: a date written out (`20 november 2007`) or a code with a digit."""
    months = alternation(m for m in load_json("dates.json")["months"] if not m.endswith("."))
    return re.compile(rf"\s*(?:(?P<date>\d{{1,2}}\s+(?i:{months})\s+\d{{4}})|(?P<code>\S*\d\S*))(?=\s|$)")


def _row_table(text: str, found: list[re.Match[str]], empty: list[bool], two: bool = False, line: bool = False
               ) -> dict[str, list[str]]:
    """The labels of a table read by rows (the first run of labels without values between them), then their
    values in the same order; a date place just before the run (`Den Haag`) heads the letter's date. Only
    where every label finds a value of its kind (a date for a date label, else a code) is anything taken:
    `Datum Kenmerk Onderwerp 16 september 2003 ...` has a subject of words, so it gives nothing.
    `two`: a run of two labels, or one after a date place; its values may stand in another order than
    the labels (`Ons kenmerk Datum 13 november 2018 2413397`: each goes to a label of its kind), a last
    column may be blank where the paragraph ends, and the labels after the run keep their own values."""
    runs = [i for i, x in enumerate(empty) if x]
    first = runs[0] if runs else 0
    last = first + 1 if runs else 0
    while last + 1 < len(found) and empty[last]:
        last += 1  # found[first..last] stand in a row
    row = load_json("letterhead.json")["row_table"]
    canonical = _canonical()
    labels = [canonical[m.group("label").lower()] for m in found[first:last + 1]]
    if _ends_in_place(text[: found[first].start()]) if two else any(
            text[: found[first].start()].rstrip().endswith(place) for place in row["date_places"]):
        labels.insert(0, load_json("letterhead.json")["fields"]["date"][0])
    if not two:
        return _in_order(text, labels, found[last].end(), row["date_labels"], strict=True)[0]
    fields, pos = _in_order(text, labels, found[last].end(), row["date_labels"], strict=False)
    if not fields:
        return {}
    rest = found[last + 1:]
    if rest and text[pos:rest[0].start()].strip():
        return {}  # words between the values and the next label: not a table read by rows
    return {**fields, **_labelled(text, rest, line)} if rest else fields


def _in_order(text: str, labels: list[str], pos: int, date_labels: list[str], strict: bool
              ) -> tuple[dict[str, list[str]], int]:
    """The values after `pos`, one per label (a date for a date label, else a code). Not strict: dates and
    codes go to the labels of their kind in turn, and values may run out where the text ends."""
    values: list[tuple[str, str]] = []
    while len(values) < len(labels) and (m := _row_value().match(text, pos)):
        values.append(("date" if m.group("date") else "code", m.group(0).strip()))
        pos = m.end()
    kinds = ["date" if label in date_labels else "code" for label in labels]
    fields: dict[str, list[str]] = {}
    if [k for k, _ in values] == kinds[: len(values)] and (len(values) == len(labels) or not strict):
        pairs = list(zip(labels, (v for _, v in values), strict=False))
    elif not strict and sorted(k for k, _ in values) == sorted(kinds):
        queues = {k: [v for kind, v in values if kind == k] for k in ("date", "code")}
        pairs = [(label, queues[kind].pop(0)) for label, kind in zip(labels, kinds, strict=True)]
    else:
        return {}, pos
    if len(values) < len(labels) and text[pos:].strip():
        return {}, pos  # a column left blank only where the paragraph ends
    for label, value in pairs:
        fields.setdefault(label, []).append(value)
    return fields, pos
