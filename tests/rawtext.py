"""Test notation for raw lines: marker and note fields written as superscript digits, for short assertions."""

from __future__ import annotations

from mhextract.ingest.raw import RawLine

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: int) -> str:
    """`12` -> `¹²`."""
    return str(number).translate(_SUP)


def with_markers(line: RawLine) -> str:
    """The line's text with each marker (`markers`) written in as superscript digits where it stands."""
    text = line.text
    for at, number in sorted(line.markers, reverse=True):
        text = text[:at] + superscript(number) + text[at:]
    return text


def shown(line: RawLine) -> str:
    """`with_markers`, and a footnote's opening line as `¹ text` (its `note`)."""
    text = with_markers(line)
    return f"{superscript(line.note)} {text}" if line.note is not None else text
