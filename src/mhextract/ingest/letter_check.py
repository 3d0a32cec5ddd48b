"""Does a text file found in a folder read as a Dutch parliamentary letter? (a README.md does not)

A folder parse used to take every `.md`/`.txt`; a project README then became a record.
`letter_signs` counts the letter words of `models/letter_signs.json` in the first part of a
text file; a letter also is not mostly a table and has more Dutch than English function
words. `not_a_letter` gives the reason to skip a file, or None to read it. Binary, empty or
undecodable files are left to the readers, which report them as errors, and PDF/DOCX are
never skipped here (their text needs the reader).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from mhextract.paths import load_json

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xml")
HEAD_BYTES = 64_000  # letter words appear on the first page


def _alternation(words: list[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in ordered) + r")(?!\w)", re.IGNORECASE)


@cache
def _signs() -> tuple[re.Pattern[str], int, re.Pattern[str], re.Pattern[str]]:
    data = load_json("letter_signs.json")
    return (_alternation(data["signs"]), int(data["min_signs"]), _alternation(data["dutch"]),
            _alternation(data["english"]))


def letter_signs(text: str) -> set[str]:
    """The distinct letter words (lower-cased) that occur in text."""
    pattern = _signs()[0]
    return {m.group(1).lower() for m in pattern.finditer(text)}


def not_a_letter(path: Path) -> str | None:
    """Why a text file found in a folder is not a letter, or None when it may be one (or is not text)."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError:
        return None  # the reader reports it
    if not head.strip() or b"\x00" in head:
        return None  # empty or binary: the reader gives the precise error
    text = head.decode("utf-8", errors="replace")
    _, needed, dutch, english = _signs()
    found = letter_signs(text)
    if len(found) < needed:
        shown = f" (only {', '.join(sorted(found))})" if found else ""
        return (f"does not read as a letter: fewer than {needed} letter words such as 'Geachte voorzitter', "
                f"'Kamerstuk', 'minister'{shown}")
    lines = [line for line in text.splitlines() if line.strip()]
    rows = sum(line.lstrip().startswith("|") for line in lines)
    if rows * 2 > len(lines):
        return f"does not read as a letter: a table ({rows} of {len(lines)} lines are table rows)"
    nl, en = len(dutch.findall(text)), len(english.findall(text))
    if en >= nl:
        return f"does not read as a letter: more English than Dutch ({en} English, {nl} Dutch function words)"
    return None
