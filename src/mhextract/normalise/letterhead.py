"""Letterhead blocks -> labelled fields (`Datum`, `Onderwerp`, `Ons kenmerk`, addressee, sender).

The margin column repeats on every page; the first value of a label wins and
later ones are kept too (the gold takes the first `Datum`), so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from mhextract.normalise.inline_labels import row_fields
from mhextract.normalise.layout import Block, plain
from mhextract.normalise.paragraphs import join_lines
from mhextract.paths import data_pattern, load_json

_CODE = re.compile(r"[A-Z][A-Z&.]+\s?[\w./-]*\d[\w./ -]*")  # a filing code: capitals, digits, no words


@cache
def _labels() -> list[str]:
    return sorted(load_json("letterhead.json")["field_labels"], key=len, reverse=True)


def _re(key: str) -> re.Pattern[str]:
    return data_pattern("letterhead.json", key)


@cache
def _label_forms() -> tuple[list[tuple[str, str, tuple[str, str, str]]], frozenset[str] | None]:
    """Each label's forms in the order tried (label, lower-case) with the starts that open a value, and the
    first characters of all forms (None when a form is empty: then any line may start with one)."""
    forms = [(label, form, (form + " ", form + ":", form + "\t"))
             for label in _labels() for form in (label, label.lower())]
    firsts = frozenset(f[:1] for _, f, _ in forms) if all(f for _, f, _ in forms) else None
    return forms, firsts


def _split_label(line: str) -> tuple[str | None, str]:
    """(`Ons kenmerk`, value) of `Ons kenmerk 12345` or `ons kenmerk 12345`; the label as listed."""
    forms, firsts = _label_forms()
    if firsts is not None and line[:1] not in firsts:
        return None, line
    for label, form, starts in forms:
        if line == form or line.startswith(starts):
            return label, line[len(form):].lstrip(" :\t")
    return None, line


_TRAILING_DATE = re.compile(r"\s+(\d{1,2}\s+[a-z]+\s+\d{4})$")


def _add_pair(add: Callable[[str, str], None], pair: tuple[str, str], parts: list[str]) -> None:
    """Values of two labels read row by row: a date at the end of the first row is the `Datum`, the rest
    the other label's value; any other pair cannot be told apart and gives nothing."""
    date = load_json("letterhead.json")["fields"]["date"][0]
    if date not in pair or not (m := _TRAILING_DATE.search(parts[0])):
        return
    other = pair[0] if pair[1] == date else pair[1]
    add(date, m.group(1))
    add(other, join_lines([parts[0][:m.start()], *parts[1:]]))


def parse_letterhead(blocks: list[Block]) -> dict[str, list[str]]:
    """Collect field values from letterhead blocks in reading order."""
    fields: dict[str, list[str]] = {}

    def add(label: str, value: str) -> None:
        value = re.sub(r"\s+", " ", value).strip()
        if value:
            fields.setdefault(label, []).append(value)

    keys = load_json("letterhead.json")["fields"]
    return_word = str(load_json("letterhead.json")["return_address"])
    pending: str | None = None  # a label whose value is in the next block
    pair: tuple[str, str] | None = None  # two labels on one line, their values interleaved below
    for block in blocks:
        pair = None
        lines = [plain(t) for t in block.texts]
        lines = [ln for ln in lines if ln]
        if not lines:
            continue
        first = lines[0]
        if pending and _split_label(first)[0] is None:
            add(pending, " ".join(lines))
            pending = None
            continue
        pending = None
        if return_word in first:
            add(keys["return_address"], re.sub(rf"^.*?{re.escape(return_word)}\s*", "", first))
            continue
        if _re("addressee_start").match(first):
            add(keys["addressee"], " ".join(lines))
            continue
        if _re("sender_start").match(first):
            add(keys["sender"], " ".join(ln for ln in lines if not _re("sender_drop").match(ln)))
            continue
        label: str | None = None
        parts: list[str] = []
        for ln in lines:
            new_label, rest = _split_label(ln)
            second, after = _split_label(rest) if new_label and rest else (None, rest)
            if second and after and (rows := row_fields(ln)):
                # `Ons kenmerk Datum 13 november 2018 2413397`: two columns read by rows on one line
                if label:
                    add(label, join_lines(parts))
                label, parts, pair = None, [], None
                for key, values in rows.items():
                    for value in values:
                        add(key, value)
                continue
            if second and not after:
                # `Onderwerp Datum` / `Verslag van de Raad 29 maart 2006` / `WSBVC ...`: two columns read by rows
                if label:
                    add(label, join_lines(parts))
                label, parts = None, []
                pair = (str(new_label), second)
                continue
            if new_label:
                if label:
                    add(label, join_lines(parts))
                label, parts = new_label, [rest] if rest else []
                pair = None
            elif label and parts and _CODE.fullmatch(ln) and not _CODE.fullmatch(parts[0]):
                add(keys["other"], ln)  # `Natuurbalans 2004` / `TRC 2004/6464`: a filing code under the value
            elif label or pair is not None:
                parts.append(ln)
            else:
                add(keys["other"], ln)
        if pair is not None and parts:
            _add_pair(add, pair, parts)
            continue
        if label and parts:
            add(label, join_lines(parts))  # a wrapped value loses its line-end hyphen (`natio-` + `nale`)
        elif label:
            pending = label
    return fields
