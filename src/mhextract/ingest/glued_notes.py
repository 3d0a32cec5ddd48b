"""Footnotes printed after a pasted letter (`1 text`, or `1` on its own line then the text) and their
markers glued to the body text (`voortgangsbrief1`, `november 20182`), rewritten as marker tokens.

`ingest.web` decides where the notes start (after the signature); this module reads them and finds
each note's marker: the first glued occurrence of its number after the previous note's marker.
"""

from __future__ import annotations

import re

from mhextract.ingest.lines import marker, not_marker_after

NOTE_START = re.compile(r"^(\d{1,3})(?:\s+(\S.*))?$")  # a note's first line: its number, then maybe its text


def parse_notes(tail: list[str]) -> list[tuple[int, str]] | None:
    """The tail as footnotes 1..N in order (each opened by its number); None if it is not that."""
    notes: list[tuple[int, list[str]]] = []
    for line in tail:
        if not line:
            continue
        m = NOTE_START.match(line)
        if m and int(m.group(1)) == len(notes) + 1:
            notes.append((len(notes) + 1, [m.group(2)] if m.group(2) else []))
        elif notes:
            notes[-1][1].append(line)
        else:
            return None
    out = [(n, " ".join(parts)) for n, parts in notes]
    if not out or any(not text or len(text) > 1500 for _, text in out):
        return None
    return out


def _marker_re(number: int) -> re.Pattern[str]:
    k = str(number)
    return re.compile(rf"(?:(?<=[^\s\d\-/+€§°%])|(?<=\b(?:19|20)\d\d))({k})(?=[\s,.;:)\]»”’]|$)")


def mark_glued(lines: list[str], numbers: list[int]) -> tuple[list[str], int]:
    """Rewrite each footnote's glued marker (first match after the previous one) as a marker token."""
    out = list(lines)
    pos = (0, 0)
    found = 0
    for number in numbers:
        hit = _find_marker(out, number, pos)
        if hit is None:
            continue
        li, start, end = hit
        token = marker(number)
        out[li] = out[li][:start] + token + out[li][end:]
        pos = (li, start + len(token))
        found += 1
    return out, found


def _find_marker(lines: list[str], number: int, pos: tuple[int, int]) -> tuple[int, int, int] | None:
    pattern = _marker_re(number)
    for li in range(pos[0], len(lines)):
        text = lines[li]
        for m in pattern.finditer(text, pos[1] if li == pos[0] else 0):
            before = text[: m.start(1)]
            if not_marker_after().search(before[-12:]) or _is_number_part(before, m.group(1)):
                continue
            return li, m.start(1), m.end(1)
    return None


def _is_number_part(before: str, digits: str) -> bool:
    """`2,5` (decimal comma) and `10.500` (thousands point) continue a number; `2021.6` is a year and a marker."""
    return bool(re.search(r"\d,$", before)) or (len(digits) == 3 and bool(re.search(r"\d\.$", before)))
