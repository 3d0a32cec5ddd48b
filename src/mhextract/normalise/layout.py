"""Layout: group a reader's lines into blocks and say what each block is.

Blocks are runs of lines between blank lines (or page breaks). A block is
`body`, `letterhead` (margin column, address blocks, Datum/Onderwerp lines,
the Kamerstuk header), `footnote` or `furniture`. PDF readers classify lines by
geometry already; for text dumps and markdown this module infers it:
- a page starts at a form feed, or (PDF text dumps) at a line indented by one space;
- footnotes of a text dump are the numbered blocks at the bottom of a page whose
  numbers continue the letter's footnote sequence (`normalise.dump_footnotes`);
- a block is a footnote when a reader says so (a line with `note`), or when its first line
  opens with a footnote marker (`RawLine.markers`: `¹ text` in a text file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from mhextract.analysis.patterns import alternation
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.normalise.dump_footnotes import DUMP_FOOTNOTE, find_dump_footnotes
from mhextract.normalise.marked import opening_marker, without_form_feeds
from mhextract.paths import data_pattern, load_json

_BARE_DOSSIER = re.compile(r"^\d{2} \d{3}(?:[ -][A-Z]{1,5})?$")
_PAGE_INDENT = re.compile(r"^ \S")  # a text dump's page starts with a one-space indent
_TERMINAL_END = re.compile(r"[.!?:;]['’”»)]?\d*\s*$")


@dataclass
class Block:
    """Consecutive lines of one kind on one page."""

    lines: list[RawLine]
    kind: str = "unknown"  # body | letterhead | footnote | furniture | unknown
    page: int | None = None
    footnote_number: int | None = None
    page_start: bool = False  # first block of a new page (text dumps)

    @property
    def texts(self) -> list[str]:
        return [ln.text for ln in self.lines]


@dataclass
class Layout:
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None


@cache
def _title_end() -> re.Pattern[str]:
    """A line ending in a word that runs on (letterhead.json `layout.title_end_words`)."""
    words = alternation(load_json("letterhead.json")["layout"]["title_end_words"])
    return re.compile(rf"\b(?:{words})$", re.IGNORECASE)


@cache
def _layout_words(key: str) -> frozenset[str]:
    """A word list of letterhead.json `layout` (`sentence_openers`)."""
    return frozenset(load_json("letterhead.json")["layout"][key])


@cache
def _layout_re(key: str) -> re.Pattern[str]:
    """A line pattern of letterhead.json `layout` (Kamerstuk header lines, lines that stand alone, ...)."""
    return data_pattern("letterhead.json", "layout", key)


@cache
def _label_re() -> re.Pattern[str]:
    labels: list[str] = load_json("letterhead.json")["field_labels"]
    alts = alternation([*labels, *(label.lower() for label in labels)])  # `Ons kenmerk` or `ons kenmerk`
    return re.compile(rf"^(?:{alts})(?=\s|$|:)")


@cache
def _address_re() -> re.Pattern[str]:
    return data_pattern("letterhead.json", "address_line")


@cache
def _furniture_re() -> re.Pattern[str]:
    """Page furniture (letterhead.json `furniture`), all lines in one pattern: it matches where any of them does."""
    return re.compile("|".join(f"(?:{p})" for p in load_json("letterhead.json")["furniture"]))


def _blank(line: RawLine) -> bool:
    """An empty line: no text, no footnote marker, no footnote start."""
    return not line.text.strip() and not line.markers and line.note is None


def plain(line: str) -> str:
    """A line without a quote prefix (`> Retouradres ...`) and surrounding space."""
    return line.strip().lstrip(">").strip()


def build_layout(raw: RawLetter) -> Layout:
    """Group lines into blocks with pages, then classify each block."""
    blocks = _group(raw)
    traits = raw.traits
    if traits.unspaced:
        blocks = _split_unspaced_blocks(blocks)
    for block in blocks:
        _classify_known(block, traits.text_dump)
    _attach_label_values(blocks)
    if traits.text_dump:
        find_dump_footnotes(blocks)
    pages = raw.pages
    if pages is None:
        known = [b.page for b in blocks if b.page is not None]
        pages = max(known) if known and traits.text_dump else None
    return Layout(blocks=blocks, pages=pages)


def _group(raw: RawLetter) -> list[Block]:
    """Split lines into blocks at blank lines, kind changes and page starts."""
    dump = raw.traits.text_dump
    dump_pages = dump and _indented_page_starts(raw.lines)
    page = 1 if dump else None
    blocks: list[Block] = []
    current: list[RawLine] = []
    pending_page_start = False

    def flush() -> None:
        nonlocal current, pending_page_start
        if current:
            blocks.append(Block(lines=current, page=page if dump else current[0].page,
                                kind=_common_kind(current), page_start=pending_page_start))
            pending_page_start = False
        current = []

    for i, line in enumerate(raw.lines):
        text = line.text
        if "\f" in text:
            flush()
            if page is not None:
                page += 1
            pending_page_start = True
            line = without_form_feeds(line)
            text = line.text
        elif dump_pages and i > 0 and _PAGE_INDENT.match(text):
            flush()
            if page is not None:
                page += 1
            pending_page_start = True
        if _blank(line):
            flush()
            continue
        if current and (line.kind != current[-1].kind or (line.page != current[-1].page and not dump)):
            flush()
        if dump:
            line = RawLine(**{**vars(line), "text": text, "page": page})  # `replace`, without its checks
        current.append(line)
    flush()
    return blocks


def _split_unspaced_blocks(blocks: list[Block]) -> list[Block]:
    """Split blocks of text that has no blank lines between paragraphs (pasted or dumped text).

    A paragraph ends at a short line ending a sentence, when the next line starts
    with a capital; header lines (`28 638 Mensenhandel`, `Nr. 254`, `Den Haag, ...`)
    and signature role lines stand on their own.
    """
    lengths = sorted(len(ln.text.strip()) for b in blocks for ln in b.lines)
    typical = max(20, lengths[int(len(lengths) * 0.8)]) if lengths else 80
    out: list[Block] = []
    for block in blocks:
        current: list[RawLine] = []
        first = True
        title_open = False  # the line before was a title split off by the rule below: it stands alone
        last_item = 0  # the number of the last numbered list item that opened a block
        stripped = [ln.text.strip() for ln in block.lines]
        alone = [_is_own(t) or _is_furniture(t) for t in stripped]  # header, role or furniture line
        for n, line in enumerate(block.lines):
            text = stripped[n]
            item = _LIST_ITEM.match(text)
            number = int(item.group(1)) if item and item.group(1) else None
            prev_text = current[-1].text.rstrip() if current else ""
            starts_item = bool(item) and bool(current) and (
                (number is not None and (number == last_item + 1 or (number == 1 and prev_text.endswith(":"))))
                or (number is None and (prev_text.endswith(":") or bool(_LIST_ITEM.match(current[0].text.strip())))))
            nxt = stripped[n + 1] if n + 1 < len(block.lines) else ""
            own = alone[n]
            # `...van 21 juni 2021.` / `Uitdaging` / `De internationale ...`: a title line, clearly shorter
            # than the wrapped lines around it
            title = bool(current) and not item and nxt[:1].isupper() and _closes_line(current) \
                and _title_shaped(text) and (len(text) < 0.7 * max(len(stripped[n - 1]), len(nxt))
                                             or _opens_sentence(nxt))
            if current and _BARE_DOSSIER.match(stripped[n - 1]):  # current[-1] is the line before
                own = False  # `29 279` + its title on the next line: one header block
            prev = current[-1].text if current else ""
            if current and (own or title or title_open or starts_item or _ends_paragraph(prev, text, typical)
                            or alone[n - 1]):  # current[-1], the line before, stands alone
                out.append(Block(lines=current, kind=block.kind, page=block.page,
                                 page_start=block.page_start and first))
                current, first = [], False
            if number is not None and not current:
                last_item = number  # a numbered item opens this block: the next number may open the next
            current.append(line)
            title_open = title
        if current:
            out.append(Block(lines=current, kind=block.kind, page=block.page, page_start=block.page_start and first))
    return out


_TITLE_MAX_WORDS = 12
# a list item opening a line: `1. Steun ...`, `2) Werk ...` (numbered) or `• ...`, `- ...` (bulleted)
_LIST_ITEM = re.compile(r"^(?:(\d{1,2})[.)]|[•▪●◦\-–]|\((?:[IVX]{1,4}|[a-z]|\d{1,2})\))\s+\S")


def _closes_line(current: list[RawLine]) -> bool:
    """The block so far ends where a title may follow: a finished sentence, or a bulleted or numbered
    list item that does not dangle (`– Huisvesting voor mensen met een beperking` / `Actualiteiten`)."""
    last = current[-1].text.strip()
    if _TERMINAL_END.search(last):
        return True
    return (bool(_LIST_ITEM.match(current[0].text.strip())) and not last.endswith((",", "-"))
            and not _title_end().search(last))


def _opens_sentence(text: str) -> bool:
    """`Het kabinet blijft ...`: the line begins a sentence (a capitalised function word opens it)."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return first in _layout_words("sentence_openers")


def _title_shaped(text: str) -> bool:
    """A short line that could be a title: capital or digit first, no closing punctuation, no dangling word."""
    text = text.strip()
    return (bool(text) and (text[0].isupper() or text[0].isdigit()) and len(text.split()) <= _TITLE_MAX_WORDS
            and not _TERMINAL_END.search(text) and not text.endswith((",", "-"))
            and not _title_end().search(text))


def _is_furniture(text: str) -> bool:
    line = plain(text)
    return bool(_furniture_re().match(line)) and not text.strip().isdigit()


def _is_own(text: str) -> bool:
    text = text.strip()
    return bool((_layout_re("kst_header_line").match(text) and not _BARE_DOSSIER.match(text))
                or _layout_re("own_line").match(text))


def _ends_paragraph(prev: str, nxt: str, typical: int) -> bool:
    prev = prev.strip()
    return (len(prev) < 0.75 * typical and bool(_TERMINAL_END.search(prev))
            and (nxt[:1].isupper() or nxt[:1].isdigit()))


def _indented_page_starts(lines: list[RawLine]) -> bool:
    """PDF text dumps start each page with a one-space indent; few lines do, and not most."""
    nonblank = [ln.text for ln in lines if ln.text.strip()]
    indented = sum(1 for t in nonblank if _PAGE_INDENT.match(t))
    return 0 < indented <= max(2, len(nonblank) // 8)


def _common_kind(lines: list[RawLine]) -> str:
    return lines[0].kind if all(ln.kind == lines[0].kind for ln in lines) else "unknown"


def _classify_known(block: Block, text_dump: bool) -> None:
    """Letterhead, furniture and markdown footnotes are recognisable from the block alone."""
    if block.kind in ("margin", "letterhead"):
        block.kind = "letterhead"
        return
    if block.kind in ("footnote", "furniture"):
        if block.kind == "footnote":
            block.footnote_number = _footnote_number(block)
        return
    if block.lines[0].note is not None or opening_marker(block.lines[0]) is not None:
        block.kind = "footnote"
        block.footnote_number = _footnote_number(block)
        return
    if all(_furniture_re().match(plain(t)) for t in block.texts):
        block.kind = "furniture"
        return
    if is_letterhead(block.texts):
        block.kind = "letterhead"
        return
    if block.kind == "unknown" and not text_dump:
        block.kind = "body"


def _attach_label_values(blocks: list[Block]) -> None:
    """A label alone in its block (`**Datum**`) takes the next one-line block as its value (a date, code or name:
    40 characters; a subject label's, `Betreft`, a subject line of up to 160)."""
    for prev, block in pairwise(blocks):
        if prev.kind != "letterhead" or block.kind == "letterhead" or len(block.lines) != 1:
            continue
        last = plain(prev.texts[-1])
        limit = 160 if last in load_json("letterhead.json")["fields"]["subject"] else 40
        if _label_re().fullmatch(last) and len(plain(block.texts[0])) <= limit:
            block.kind = "letterhead"


def _footnote_number(block: Block) -> int | None:
    """The number of a footnote block's first note: the reader's `note`, its opening marker, else its digits."""
    first = block.lines[0]
    number = first.note if first.note is not None else opening_marker(first)
    if number is not None:
        return number
    m = DUMP_FOOTNOTE.match(first.text)
    return int(m.group(1)) if m else None


_NUMBERED_WORD = re.compile(r"(?P<word>[A-Z][a-z]+) \d{1,3}")


def _numbered_word(line: str) -> bool:
    """`Vraag 1`, `Bijlage 2`: one word and a number, the word not a street (`Turfmarkt 147`)."""
    m = _NUMBERED_WORD.fullmatch(line)
    return m is not None and not m.group("word").endswith(tuple(load_json("letterhead.json")["street_suffixes"]))


def is_letterhead(texts: list[str]) -> bool:
    """Margin/letterhead blocks: labelled fields, DG/Directie names, addresses, small print."""
    lines = [plain(t) for t in texts]
    lines = [ln for ln in lines if ln]
    if not lines:
        return False
    first = lines[0]
    if texts[0].lstrip().startswith(">") and load_json("letterhead.json")["return_address"] in first:
        return True
    if _label_re().match(first) and len(lines) <= 6:
        return True
    if len(lines) <= 6 and 2 * sum(1 for ln in lines[1:] if _label_re().match(ln)) > len(lines) >= 3:
        return True  # `Onderdeel Hoofddirectie` over `Datum ...`, `Ons kenmerk ...`: an unlisted label leads
    if _layout_re("kst_header_line").match(first) and len(lines) <= 6 and all(len(ln) < 250 for ln in lines):
        return True
    if _layout_re("letterhead_any_length").match(first):
        return True
    short = all(len(ln) <= 60 for ln in lines)
    starts = load_json("letterhead.json")["block_starts"]
    if short and any(first.startswith(str(s).strip()) for s in starts):
        return not _is_sentence_block(lines)
    # an address block: not a lone `Word 1` line, which is as likely `Vraag 1` or `Bijlage 2` as a street
    return short and all(_address_re().match(ln) for ln in lines) and not all(_numbered_word(ln) for ln in lines)


def _is_sentence_block(lines: list[str]) -> bool:
    """Body text reads as sentences: a full stop followed by more words."""
    joined = " ".join(lines)
    return bool(re.search(r"[a-z]{3}\. [A-Z][a-z]", joined))
