"""Body blocks -> paragraphs: hard wraps joined, line-end hyphenation undone, titles split off.

Dehyphenation keeps real hyphens: before a capital (`Segers-Asscher`), after a
capital or digit (`WODC-rapport`, `OM-geregistreerde`), between vowels that would
otherwise fuse (`politie-eenheid`), before `en`/`of` (`hulp- en opvang`), and any
form the letter itself writes with a hyphen elsewhere. The lines' footnote markers
(`RawLine.markers`) travel with the joins (`marked`) into `Para.markers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from mhextract.analysis.patterns import alternation
from mhextract.analysis.sentences import is_abbreviation
from mhextract.ingest.raw import LineTraits, RawLine
from mhextract.normalise.layout import Block
from mhextract.normalise.marked import Marks, join_marked, strip_marked, sub_marked
from mhextract.normalise.signature import is_name
from mhextract.paths import data_pattern, load_json

_DIGRAPHS = {"aa", "ee", "oo", "uu", "ie", "ei", "eu", "oe", "ou", "au", "ui", "ij"}
_TERMINAL = tuple(".!?:;»”\"')…")
SENTENCE_BREAK = re.compile(r"[a-z)»”'\"]\.\s+[A-Z][a-z]")
_WORD_BEFORE = re.compile(r"\S+$")

_WORD = re.compile(r"\w+(?:-\w+)*")
_TOKEN_PUNCTUATION = ".,;:()\"'"  # neither word characters nor hyphens


def has_sentence_break(text: str) -> bool:
    """True when `text` holds a sentence end inside it (`... gedaan. Daarna`): a line-level rule, with the
    analysis stage's abbreviation list, so `jl. Het` or `nr. Dit` is no break."""
    for m in SENTENCE_BREAK.finditer(text):
        word = _WORD_BEFORE.search(text, 0, m.start() + 2)
        if word is None or not is_abbreviation(word.group().lstrip("([«\"'‘“")):
            return True
    return False


@cache
def _signature_role_line() -> re.Pattern[str]:
    return data_pattern("letterhead.json", "layout", "signature_role_line")


@cache
def _suspended_hyphen() -> re.Pattern[str]:
    """A word after which a line-end hyphen is a suspended one (`hulp-` / `en opvang`): letterhead.json."""
    return re.compile(rf"(?:{alternation(load_json('letterhead.json')['layout']['suspended_hyphen_words'])})\s")


@cache
def _connectors() -> frozenset[str]:
    """Words a glued title never ends in (letterhead.json `wrap_connectors`)."""
    return frozenset(load_json("letterhead.json")["layout"]["wrap_connectors"])


@dataclass
class Para:
    """A body paragraph before offsets are assigned."""

    text: str
    page: int | None
    heading_level: int | None = None
    bold: bool = False
    italic: bool = False
    lines: int = 1
    after_break: bool = False  # a page break, letterhead or footnote block came before it
    in_header: bool = False  # stood before the line that ends the letter's header (see segment.is_header_end)
    markers: Marks = field(default_factory=list)  # the lines' footnote markers (offset in `text`, number)


_SPACES = re.compile(r"[ \t]{2,}")
_WHITESPACE = re.compile(r"\s{2,}")


def join_lines(lines: list[str], vocabulary: set[str] | None = None) -> str:
    """Join wrapped lines into one string, undoing line-end hyphenation."""
    return join_marked_lines([(t, ()) for t in lines], vocabulary)[0]


def join_marked_lines(lines: Sequence[tuple[str, Sequence[tuple[int, int]]]],
                      vocabulary: set[str] | None = None) -> tuple[str, Marks]:
    """`join_lines` of lines with their footnote markers: the joined text and the markers in it."""
    out, marks = "", Marks()
    for raw, raw_marks in lines:
        line, line_marks = strip_marked(raw, raw_marks)
        if not line and not line_marks:
            continue
        if not out:
            out, marks = line, marks + line_marks
            continue
        joined = join_pair(out, line, vocabulary) if line else out + " "
        marks = join_marked(out, marks, line, line_marks, joined)
        out = joined
    if "  " not in out and "\t" not in out:
        return out, marks  # nothing for `_SPACES` to squeeze
    return sub_marked(_SPACES, " ", out, marks)


def _joined(lines: list[RawLine], vocabulary: set[str]) -> tuple[str, Marks]:
    return join_marked_lines([(ln.text, ln.markers) for ln in lines], vocabulary)


def join_pair(left: str, right: str, vocabulary: set[str] | None = None) -> str:
    """Join two wrapped pieces; a trailing hyphen is removed only where it was a line break."""
    left = left.rstrip()
    right = right.lstrip()
    if not left.endswith("-") or len(left) < 2 or left[-2].isspace():
        return f"{left} {right}"
    if left[-2].isdigit():
        return left + right  # `2015-` + `2019`
    if _suspended_hyphen().match(right):
        return f"{left} {right}"  # suspended hyphen: `hulp- en opvang`
    if _keep_hyphen(left, right, vocabulary or set()):
        return left + right
    return left[:-1] + right


def _keep_hyphen(left: str, right: str, vocabulary: set[str]) -> bool:
    before = left[:-1]
    head = re.search(r"[\w]+$", before)
    tail = re.match(r"[\w]+", right)
    if not head or not tail:
        return True
    a, b = head.group(0), tail.group(0)
    if not b[0].islower():
        return True
    if a[-1].isupper() or a[-1].isdigit():
        return True
    joined, hyphened = (a + b).lower(), f"{a}-{b}".lower()
    if hyphened in vocabulary and joined not in vocabulary:
        return True
    if joined in vocabulary:
        return False
    return (a[-1] + b[0]).lower() in _DIGRAPHS


def document_vocabulary(texts: list[str]) -> set[str]:
    """Lowercased words (with inner hyphens) that the letter writes within a line."""
    joined = "\n".join(t[:-1] if t.rstrip().endswith("-") else t for t in texts)
    # `_WORD.findall(joined)`, token by token (no word spans whitespace): a token that is one word once its
    # punctuation is stripped needs no scan (`\\w` is `isalnum` or `_`)
    words: set[str] = set()
    for token in set(joined.split()):
        core = token.strip(_TOKEN_PUNCTUATION)
        if core.isalnum():
            words.add(core.lower())
        else:
            words.update(map(str.lower, _WORD.findall(token)))
    return words


def block_paragraphs(block: Block, traits: LineTraits, typical: int, vocabulary: set[str]) -> list[Para]:
    """One body block -> paragraphs (a split-off title, signature lines, or the block itself)."""
    texts = [ln.text for ln in block.lines]
    lines = block.lines
    page = block.page
    if not traits.wrapped:
        # markdown, and the structured readers (docx, html, xml): one block is one paragraph, its
        # heading level and emphasis in the lines' fields. Pasted web text ("web") is wrapped
        # like a text dump and takes the text path below.
        return [_structured_para(block)]
    if _signature_role_line().match(texts[0].strip()):
        stripped = (strip_marked(ln.text, ln.markers) for ln in lines)
        return [Para(text=t, page=page, markers=m) for t, m in stripped if t or m]
    if traits.bold_font:
        bold_head = 0
        while bold_head < len(block.lines) and block.lines[bold_head].bold:
            bold_head += 1
        if 0 < bold_head < len(block.lines):
            return [
                _para(_joined(lines[:bold_head], vocabulary), page, bold=True, lines=bold_head),
                _para(_joined(lines[bold_head:], vocabulary), page, lines=len(texts) - bold_head),
            ]
        return [_para(_joined(lines, vocabulary), page, bold=bold_head == len(block.lines), lines=len(texts))]
    out: list[Para] = []
    while k := _title_lines(texts, typical):
        out.append(_para(_joined(lines[:k], vocabulary), page, lines=k))
        lines, texts = lines[k:], texts[k:]
        if not is_name(out[-1].text):
            break  # after a signer's name a title may follow (`C.C.J. Veldkamp` / `Verslag van de Raad ...`)
    return [*out, _para(_joined(lines, vocabulary), page, lines=len(texts))]


def _para(joined: tuple[str, Marks], page: int | None, *, bold: bool = False, lines: int = 1) -> Para:
    return Para(text=joined[0], page=page, bold=bold, lines=lines, markers=joined[1])


def _structured_para(block: Block) -> Para:
    """A block of a reader that knows paragraphs: one paragraph; heading level and emphasis from the fields."""
    lines = block.lines
    text, marks = "", Marks()
    for i, ln in enumerate(lines):
        piece, piece_marks = strip_marked(ln.text, ln.markers)
        joined = f"{text} {piece}" if i else piece
        marks, text = join_marked(text, marks, piece, piece_marks, joined), joined
    text, marks = sub_marked(_WHITESPACE, " ", text, marks)
    text, marks = strip_marked(text, marks)
    return Para(text=text, page=block.page, heading_level=lines[0].heading, bold=all(ln.bold for ln in lines),
                italic=all(ln.italic for ln in lines), lines=len(lines), markers=marks)


def _title_lines(texts: list[str], typical: int) -> int:
    """How many leading lines of a text-dump block are a title glued to its paragraph (0 = none)."""
    if len(texts) < 2:
        return 0
    for k in (1, 2, 3, 4):
        if len(texts) <= k:
            break
        title = " ".join(t.strip() for t in texts[:k])
        last = texts[k - 1].strip()
        nxt = texts[k].strip()
        if not title or not (title[0].isupper() or title[0].isdigit()):
            return 0
        if has_sentence_break(title) or len(title) > 260:
            return 0
        if last.endswith((*_TERMINAL, ",", "-")):
            continue
        if last.split()[-1].lower() in _connectors():
            continue
        # clearly shorter than the wrapped lines (the letter's, and for a one-line title this paragraph's
        # own when it has a few), and than the paragraph's first line after it
        wrapped = sorted(len(t.strip()) for t in texts[k:-1]) if k == 1 else []
        own = 0.8 * wrapped[len(wrapped) // 2] if k == 1 and len(wrapped) >= 2 else typical
        if len(last) < min(0.8 * typical, own, len(nxt.strip())) and nxt[:1].isupper():
            return k
    return 0


def typical_line_length(blocks: list[Block]) -> int:
    """The 80th-percentile body line length: wrapped lines are about this long."""
    lengths = sorted(len(ln.text.strip()) for b in blocks if b.kind == "body" for ln in b.lines)
    if not lengths:
        return 80
    return max(20, lengths[int(len(lengths) * 0.8)])


def is_heading_like(p: Para, typical: int) -> bool:
    """Short unpunctuated single lines, markdown headings and bold blocks look like titles."""
    if p.heading_level or p.bold:
        return True
    short = len(p.text) < 0.8 * typical if p.lines == 1 else p.lines <= 3 and len(p.text) <= 250
    return (short and len(p.text) <= 250 and not p.text.rstrip().endswith(_TERMINAL)
            and not has_sentence_break(p.text))


def merge_across_breaks(paras: list[Para], typical: int, vocabulary: set[str]) -> list[Para]:
    """Rejoin a paragraph that a page break (with its margin block or footnotes) cut in two."""
    out: list[Para] = []
    for p in paras:
        prev = out[-1] if out else None
        if prev is not None and p.after_break and _continues(prev, p, typical):
            joined = join_pair(prev.text, p.text, vocabulary)
            prev.markers = join_marked(prev.text, prev.markers, p.text, p.markers, joined)
            prev.text = joined
            prev.lines += p.lines
            continue
        out.append(p)
    return out


def _continues(prev: Para, nxt: Para, typical: int) -> bool:
    end = prev.text.rstrip()  # `geïnformeerd.` + a marker ends a sentence: markers are not in the text
    if not end or end.endswith(_TERMINAL) or nxt.heading_level or nxt.bold:
        return False
    return not (is_heading_like(prev, typical) and not nxt.text[:1].islower())
