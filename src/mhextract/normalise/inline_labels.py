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
    if len(found) < MIN_LABELS or any(x and y for x, y in pairwise(empty)):
        return {}  # three labels in a row (`Datum Kenmerk Onderwerp 16 september 2003 ...`): a table read by rows
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
