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

from mhextract.analysis.patterns import folds_to_ascii
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


def letter_signs(text: str, enough: int | None = None) -> set[str]:
    """The distinct letter words (lower-cased) that occur in text; with `enough`, the first that many."""
    found: set[str] = set()
    for m in _signs()[0].finditer(text):
        found.add(m.group(1).lower())
        if enough is not None and len(found) >= enough:
            break
    return found


_WORD = re.compile(r"\w+")


@cache
def _word_sets() -> tuple[frozenset[str], frozenset[str]] | None:
    """The Dutch and English function words (lower-cased), or None when one is not a single word."""
    data = load_json("letter_signs.json")
    dutch, english = (frozenset(w.lower() for w in data[k]) for k in ("dutch", "english"))
    return (dutch, english) if all(_WORD.fullmatch(w) for w in dutch | english) else None


def function_words(text: str) -> tuple[int, int]:
    """How many Dutch and English function words (whole words, any case) the text holds: one pass over
    its lower-cased words (three times faster than a regex per list), the regexes where lowercasing
    could move or hide a word (`İ`, `ſ`)."""
    sets = _word_sets()
    lowered = text.lower()
    if sets is None or len(lowered) != len(text) or folds_to_ascii(text):
        _, _, dutch, english = _signs()
        return len(dutch.findall(text)), len(english.findall(text))
    nl = en = 0
    for word in _WORD.findall(lowered):
        nl += word in sets[0]
        en += word in sets[1]
    return nl, en


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
    needed = _signs()[1]
    found = letter_signs(text, enough=needed)
    if len(found) < needed:
        shown = f" (only {', '.join(sorted(found))})" if found else ""
        return (f"does not read as a letter: fewer than {needed} letter words such as 'Geachte voorzitter', "
                f"'Kamerstuk', 'minister'{shown}")
    lines = [line for line in text.splitlines() if line.strip()]
    rows = sum(line.lstrip().startswith("|") for line in lines)
    if rows * 2 > len(lines):
        return f"does not read as a letter: a table ({rows} of {len(lines)} lines are table rows)"
    nl, en = function_words(text)
    if en >= nl:
        return f"does not read as a letter: more English than Dutch ({en} English, {nl} Dutch function words)"
    return None
