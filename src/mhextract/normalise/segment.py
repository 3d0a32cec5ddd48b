"""Sections: headings in reading order, with number, level and the text range they govern.

A heading is a markdown heading, a bold block, or a short title paragraph
(numbered `1. Gegevensdeling ...` / `8.Toezegging ...` / `IV Conclusies`, or an
unpunctuated standalone line); a full sentence ending in a full stop is never a
heading, nor is a line ending in a word that runs on (`... een herziening
van de`: a paragraph a page broke off), nor are the letter's header (up to
the addressee or `Den Haag, <date>`), signature blocks and what follows the signature (footnote chrome, appendices).
The word lists and patterns are data: `models/sections.json`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from mhextract.analysis.patterns import alternation
from mhextract.normalise.letter import Letter, Paragraph
from mhextract.normalise.paragraphs import has_sentence_break
from mhextract.normalise.signature import is_name
from mhextract.paths import load_json
from mhextract.record.model import Section

MAX_TITLE = 260
PROSE_LINE = 60  # characters of a broken-off line that still reads as prose
# The body text holds no reader's footnote marker (`normalise.footnotes` took them out); the digits here are
# a text dump's glued marker the normaliser could not tie to a footnote.
_CLOSED = re.compile(r"[.,;:!][)»”'\"]?\d{0,3}$")  # ends a sentence, perhaps with a glued footnote marker
_QUESTION = re.compile(r"\?[)»”'\"]?\d{0,3}$")
_GLUED_MARKER = re.compile(r"(?<=[a-zà-ÿ]{3})\d{1,2}$")  # `advocaten1`: a glued footnote marker
MAX_QUESTION_WORDS = 10  # `Wat is gepast gebruik?` on its own line is a title; a longer question is prose


@cache
def _rules() -> dict[str, Any]:
    data = load_json("sections.json")
    return {
        "header_end": [re.compile(p) for p in data["header_end"]],
        "header_scan": int(data["header_scan"]),
        "body_end": [re.compile(p) for p in data["body_end"]],
        "never": [re.compile(p) for p in data["never"]],
        "numbering": re.compile(data["numbering"]),
        "address": re.compile(data["address"]),
    }


@cache
def _runs_on() -> re.Pattern[str]:
    """A line ending in a word that runs on (letterhead.json `layout.title_end_words`: `de`, `van`, `en`)."""
    return re.compile(rf"\b(?:{alternation(load_json('letterhead.json')['layout']['title_end_words'])})$",
                      re.IGNORECASE)


def find_sections(letter: Letter) -> list[Section]:
    """Headings of the body in order; each section runs to the next heading or the body end."""
    first, last = _heading_zone(letter)
    heads = [p for i, p in enumerate(letter.paragraphs) if first <= i < last and _is_heading(letter, i, p)]
    sections: list[Section] = []
    base_level = min((p.heading_level for p in heads if p.heading_level), default=1)
    for n, p in enumerate(heads):
        raw = letter.text[p.start:p.end].strip()
        m = _rules()["numbering"].match(raw)
        number = (m.group("arabic") or m.group("roman") or m.group("letter")) if m else None
        title = raw[m.end():].strip() if m else raw
        level = _level(p, number, base_level)
        end = heads[n + 1].start if n + 1 < len(heads) else letter.body_end
        title = _GLUED_MARKER.sub("", title.rstrip(" :")).rstrip(" :")
        sections.append(Section(title=title, number=number, level=level,
                                start=p.start, end=end, page=p.page))
    return sections


def _level(p: Paragraph, number: str | None, base_level: int) -> int:
    """Markdown level relative to the letter's top level; else the depth of `1.2`-style numbers."""
    if p.heading_level:
        return p.heading_level - base_level + 1
    return number.count(".") + 1 if number and number[0].isdigit() else 1


def header_scan() -> int:
    """How many leading body paragraphs (site titles, page chrome, wrapped titles) may stand above the
    addressee line; they are the letter's header, not sections."""
    return int(_rules()["header_scan"])


def is_header_end(text: str) -> bool:
    """The addressee, `Den Haag, <date>` or salutation line that ends a letter's header."""
    return any(r.match(text.strip()) for r in _rules()["header_end"])


MAX_PAGE_TITLE = 200  # a page title may be longer than a section title's 120 (`Aanbieding Advies Raad van State ...`)
MIN_TITLE_WORDS = 2  # `Kamerbrief Irak`; a one-word line (`Inleiding`) is as likely a section of a cut-off page


def page_title(letter: Letter) -> str | None:
    """The title line that opens a page holding nothing but the letter (`Kamerbrief Irak` / `Kabinetsreactie
    rapport commissie-Davids`, then the first sentence or `Geachte voorzitter,`): no letterhead, no site
    metadata, no Kamerstuk header, so that line is the page's name for the letter, its subject; never a section."""
    if letter.letterhead or letter.hints or len(letter.paragraphs) < 2:
        return None
    first, nxt = (letter.text[p.start:p.end].strip() for p in letter.paragraphs[:2])
    title_like = (letter.paragraphs[0].lines == 1 and len(first.split()) >= MIN_TITLE_WORDS
                  and len(first) <= MAX_PAGE_TITLE and first[0].isupper() and not _CLOSED.search(first)
                  and not _QUESTION.search(first) and not has_sentence_break(first) and not _runs_on().search(first)
                  and not any(r.match(first) for r in _rules()["never"]))
    opens_body = is_header_end(nxt) or (_reads_as_prose(nxt) and len(nxt) > len(first))
    return first if title_like and opens_body else None


def _heading_zone(letter: Letter) -> tuple[int, int]:
    """Paragraph range that may hold headings: after the header, before a page's footnote section."""
    rules = _rules()
    texts = [letter.text[p.start:p.end].strip() for p in letter.paragraphs]
    first = max((i + 1 for i, p in enumerate(letter.paragraphs) if p.in_header), default=0)
    if page_title(letter):
        first = max(first, 1)
    for i, text in enumerate(texts[: rules["header_scan"]]):
        if is_header_end(text):
            first = max(first, i + 1)
    last = next((i for i in range(first, len(texts)) if any(r.match(texts[i]) for r in rules["body_end"])),
                len(texts))
    return first, last


def _is_heading(letter: Letter, i: int, p: Paragraph) -> bool:
    text = letter.text[p.start:p.end].strip()
    if not text or len(text) > MAX_TITLE or i + 1 >= len(letter.paragraphs):
        return False
    if _CLOSED.search(text) or _runs_on().search(text) or _never_heading(text):
        return False  # a sentence, a line a page broke off (`... van de`), or a never-heading form
    if _QUESTION.search(text) and (p.lines > 1 or len(text.split()) > MAX_QUESTION_WORDS):
        return False
    numbered = _rules()["numbering"].match(text)
    if (numbered and _in_introduced_list(letter, i)) or _in_prefixed_run(letter, i, text):
        return False
    title = text[numbered.end():] if numbered else text
    if not title or not (title[0].isupper() or title[0].isdigit() or title[0] in "«'\""):
        return False
    if p.heading_level or (p.bold and not p.italic):
        return True
    if p.italic and not p.bold:
        return False
    if p.lines == 1 and _shouted(title):
        return True  # `GEANNOTEERDE AGENDA FORMELE RAAD ... 10 maart 2025`: a title in capitals
    if p.lines > 4 or has_sentence_break(title):
        return False
    # A title introduces prose: the next paragraph is longer and reads as sentences; a title
    # may also be followed by a sub-title that introduces the prose (`Stand van zaken` /
    # `Personele reorganisatie` / text).
    last = len(letter.paragraphs) - 1
    for j, nxt in enumerate(letter.paragraphs[i + 1: i + 3], start=i + 1):
        next_text = letter.text[nxt.start:nxt.end]
        if _reads_as_prose(next_text) and len(next_text) > len(text):
            return True
        if j == last and _cut_off(next_text):
            return True  # the page was cut off in the first line under the title
        if not _title_shaped(_unnumbered(next_text)) or nxt.lines > 2:
            return False
    return False


MIN_SHOUTED_WORDS = 3  # `VERSLAG RAAD ALGEMENE ZAKEN`; a word or two in capitals may be an abbreviation or a stamp


def _shouted(title: str) -> bool:
    """A title in capitals: at least three words of letters, none with a lowercase letter (digits and a month
    name of a date after it aside: `VERSLAG RAAD BUITENLANDSE ZAKEN VAN 15 december 2025`)."""
    words = re.findall(r"[^\W\d_]+", title)
    caps = [w for w in words if w.isupper()]
    return len(caps) >= MIN_SHOUTED_WORDS and all(w.isupper() or _is_month(w) for w in words)


@cache
def _months() -> frozenset[str]:
    """Month names and abbreviations (models/dates.json)."""
    return frozenset(load_json("dates.json")["months"])


def _is_month(word: str) -> bool:
    return word.lower() in _months()


def _never_heading(text: str) -> bool:
    """A never-heading form (sections.json `never`: an initial and a name, `J. Jansen`), unless a one-letter
    Roman number opens a title that is no name (`I. Intrekken en wijzigen van wetten`, not `I. Jansen`)."""
    if not any(r.match(text) for r in _rules()["never"]):
        return False
    numbered = _rules()["numbering"].match(text)
    return not (numbered and numbered.group("roman") and len(numbered.group("roman")) == 1 and not is_name(text))


MAX_STUB = 3  # `D`, `I`: a line cut after its first letters
MIN_CUT_WORDS = 3  # `Positie van de ra`; two words (`Naar boven`, `Met vriendelijke`) may be page chrome or a closing


def _cut_off(text: str) -> bool:
    """The page's last paragraph broken off mid-sentence where a saved excerpt ends (`De vaste Commissie va`,
    `Op 4 november 202`, `D`): no closing punctuation, and a stub of a few letters or a capitalised sentence
    start with small words after it; a signer's name (`M.L.A. van Rij`) or an address block is no cut."""
    text = text.strip()
    if not text or _CLOSED.search(text) or _QUESTION.search(text) or text.endswith(("!", ")", "»", "”")):
        return False
    if len(text) <= MAX_STUB:
        return text[0].isupper()
    if _rules()["address"].search(text):
        return False  # a page's address block (`Rijnstraat 50, Postbus 16375, 2500 BJ Den Haag ...`)
    words = text.split()
    return (len(words) >= MIN_CUT_WORDS and words[0][0].isupper() and any(w[0].islower() for w in words[1:])
            and not is_name(text))


def _in_introduced_list(letter: Letter, i: int) -> bool:
    """A numbered paragraph in a run of numbered paragraphs that a sentence ending in `:` introduces
    (`De AIV doet zes aanbevelingen:` / `1. ...` / `2. ...`): a list item, not a heading."""
    numbering = _rules()["numbering"]
    j = i - 1
    while j >= 0 and numbering.match(letter.text[letter.paragraphs[j].start:letter.paragraphs[j].end].strip()):
        j -= 1
    return j >= 0 and letter.text[letter.paragraphs[j].start:letter.paragraphs[j].end].rstrip().endswith(":")


_PREFIX = re.compile(r"[A-Z][\w-]{0,30}:\s")  # `Fiche: `, `Bijlage: `: a word and a colon opening a line


def _in_prefixed_run(letter: Letter, i: int, text: str) -> bool:
    """A paragraph opening with `Word: ` right next to one opening with the same `Word: ` (`Fiche: Verordening
    ...` / `Fiche: Aanbeveling ...`): an item of a list of enclosed documents, not a heading; a heading is
    followed by prose, not by a paragraph of its own form."""
    m = _PREFIX.match(text)
    if m is None:
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(letter.paragraphs):
            other = letter.text[letter.paragraphs[j].start:letter.paragraphs[j].end].strip()
            if other.startswith(m.group(0)):
                return True
    return False


def _reads_as_prose(text: str) -> bool:
    """Ends a sentence (perhaps with a glued footnote marker: `Digitaliseren.1`) or holds a sentence break;
    a long line ending in a comma is the first part of a sentence a page broke off."""
    return bool(re.search(r"[.:;][)»”'\"]?\d{0,3}\s*$|[.]\s", text)) or (
        len(text) > PROSE_LINE and text.rstrip().endswith(","))


def _unnumbered(text: str) -> str:
    """The text without its leading section number (`2.1 De context` -> `De context`): a numbered
    sub-title under a numbered title (`2. Het systeem` / `2.1 De context` / prose) is title-shaped too."""
    m = _rules()["numbering"].match(text.strip())
    return text.strip()[m.end():] if m else text


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
