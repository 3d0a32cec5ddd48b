"""Sections: headings in reading order, with number, level and the text range they govern.

A heading is a markdown heading, a bold block, or a short title paragraph
(numbered `1. Gegevensdeling ...` / `8.Toezegging ...`, or an unpunctuated
standalone line); a full sentence ending in a full stop is never a heading,
nor are signature lines.
"""

from __future__ import annotations

import re

from mhextract.normalise.letter import Letter, Paragraph
from mhextract.normalise.paragraphs import SENTENCE_BREAK
from mhextract.record.model import Section

_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(?:\.\s*|\s+|(?=[A-Z]))(?=\S)")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.){1,4}\s?[A-Za-z]")
_DOSSIER_LINE = re.compile(r"^\d{2} \d{3}\b")  # `29 427 ILO-verdragen`: a Kamerstuk header, not section 29
_SIGNATURE = re.compile(r"^(?:De|Het)\s+\S.*,$")
MAX_TITLE = 260


def find_sections(letter: Letter) -> list[Section]:
    """Headings of the body in order; each section runs to the next heading or the body end."""
    heads = [p for i, p in enumerate(letter.paragraphs) if _is_heading(letter, i, p)]
    sections: list[Section] = []
    base_level = min((p.heading_level for p in heads if p.heading_level), default=1)
    for n, p in enumerate(heads):
        raw = letter.text[p.start:p.end].strip()
        m = _NUMBER.match(raw)
        number = m.group(1) if m else None
        title = raw[m.end():].strip() if m else raw
        level = _level(p, number, base_level)
        end = heads[n + 1].start if n + 1 < len(heads) else letter.body_end
        sections.append(Section(title=title.rstrip(" :"), number=number, level=level,
                                start=p.start, end=end, page=p.page))
    return sections


def _level(p: Paragraph, number: str | None, base_level: int) -> int:
    """Markdown level relative to the letter's top level; else the depth of `1.2`-style numbers."""
    if p.heading_level:
        return p.heading_level - base_level + 1
    return number.count(".") + 1 if number else 1


def _is_heading(letter: Letter, i: int, p: Paragraph) -> bool:
    text = letter.text[p.start:p.end].strip()
    if not text or len(text) > MAX_TITLE or i + 1 >= len(letter.paragraphs):
        return False
    if text.endswith((".", ",", ";", ":", "?", "!")) or any(
        p.match(text) for p in (_DOSSIER_LINE, _SIGNATURE, _INITIALS)
    ):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "«'\""):
        return False
    if p.heading_level or (p.bold and not p.italic):
        return True
    if p.italic and not p.bold:
        return False
    if p.lines > 4 or SENTENCE_BREAK.search(text):
        return False
    # A title introduces prose: the next paragraph is longer and reads as sentences; a title
    # may also be followed by a sub-title that introduces the prose (`Stand van zaken` /
    # `Personele reorganisatie` / text).
    for nxt in letter.paragraphs[i + 1: i + 3]:
        next_text = letter.text[nxt.start:nxt.end]
        if _reads_as_prose(next_text) and len(next_text) > len(text):
            return True
        if not _title_shaped(next_text) or nxt.lines > 2:
            return False
    return False


def _reads_as_prose(text: str) -> bool:
    return bool(re.search(r"[.:;]\s*$|[.]\s", text))


def _title_shaped(text: str) -> bool:
    """Short, capitalised, no final punctuation: could be a (sub)title."""
    text = text.strip()
    return bool(text) and len(text) <= 120 and text[0].isupper() and not text.endswith((".", ",", ";", ":", "?", "!"))


def section_index(sections: list[Section], offset: int) -> int | None:
    """Index of the section an offset lies in (None before the first heading)."""
    found = None
    for i, s in enumerate(sections):
        if s.start <= offset:
            found = i
        else:
            break
    return found
