"""The markdown reader: a `.md` letter's markup is read here, once, into fields of the raw lines.

Blocks are runs of lines between blank lines. A block's first line may be a `#` heading
(`RawLine.heading`); a block wholly wrapped in `**`/`__` or `*`/`_` is bold or italic
(`bold`, `italic` on each of its lines); inline emphasis, links, tags and escapes are
removed; `<sup>12</sup>` and `[^12]` markers, and superscript digits `¹²`, become the lines'
`markers` (`lines.read_superscripts`: how plain text writes a marker). A block that
opens with a footnote (`<sup>1</sup> text`, `¹ text`, `[^1]: text`) is a `footnote` block
whose lines that start with a number carry it in `note`.
"""

from __future__ import annotations

import re
from pathlib import Path

from mhextract.errors import IngestError
from mhextract.ingest.lines import MARKER_TOKEN, marked_line, marker, read_superscripts
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.ingest.text import decode_text

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_SUP = re.compile(r"<sup>\s*([^<]*?)\s*</sup>")
_TAG = re.compile(r"</?(?:br|span|em|strong|b|i|u|sub|p)\b[^>]*>", re.IGNORECASE)
_BOLD_BLOCK = re.compile(r"(\*\*\*|\*\*|__).+?\1", re.DOTALL)
_ITALIC_BLOCK = re.compile(r"(\*\*\*|\*(?!\*)|_(?!_)).+?\1", re.DOTALL)
_MARKUP_CHAR = re.compile(r"[<\[*_\\]")  # a character that every markup below starts or holds
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")

_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a footnote block's first line (`<sup>1</sup> text`, `¹ text`, `[^1]: text`); any of its lines may open a note
# with one of these or a plain number (`2 text`)
_FOOTNOTE_BLOCK = re.compile(rf"^\s*(?:<sup>\s*(\d+)\s*</sup>|([{_SUPERSCRIPT_DIGITS}]+)|\[\^(\d+)\]:)\s*(.*)$")
_NOTE_START = re.compile(rf"^\s*(?:{MARKER_TOKEN.pattern}|\[\^(\d+)\]:|(\d{{1,3}})(?=\s))\s*")
_MAX_NOTE_DIGITS = 6


def heading_level(line: str) -> tuple[int | None, str]:
    """`### Title` -> (3, 'Title'); other lines -> (None, line)."""
    m = _HEADING.match(line)
    if m:
        return len(m.group(1)), m.group(2)
    return None, line


def emphasis_of(text: str) -> tuple[bool, bool]:
    """Whether a whole block is wrapped in bold and/or italic markup."""
    t = text.strip()
    bold = bool(_BOLD_BLOCK.fullmatch(t))
    italic = bool(_ITALIC_BLOCK.fullmatch(t))
    return bold, italic


def sup_to_markers(text: str) -> str:
    """`<sup>12</sup>`, `[^12]` and `¹²` markers -> marker tokens (`lines.marker`), fields of the line."""
    text = _SUP.sub(lambda m: _marker(m.group(1)), read_superscripts(text))
    return re.sub(r"\[\^(\d+)\](?!:)", lambda m: _marker(m.group(1)), text)


def _marker(digits: str) -> str:
    """A marker's token for up to six decimal digits; anything else stays text."""
    return marker(int(digits)) if digits.isdecimal() and len(digits) <= _MAX_NOTE_DIGITS else digits


def strip_inline_markdown(text: str) -> str:
    """Remove emphasis, links, tags and escapes; keep the words and the markers (as tokens)."""
    if not _MARKUP_CHAR.search(text):
        return read_superscripts(text)  # every other rule needs one of these characters: most lines have none
    text = sup_to_markers(text)
    # each rule only where its characters stand (a link needs `](`, a tag `<`, emphasis `*` or `_`)
    text = _LINK.sub(r"\1", text) if "](" in text else text
    text = _TAG.sub(" ", text) if "<" in text else text
    for _ in range(3 if "*" in text or "_" in text else 0):
        new = _EMPHASIS.sub(r"\2", text)
        if new == text:
            break
        text = new
    if "*" in text:
        text = re.sub(r"(?<!\S)\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?!\S)", "", text)  # unbalanced across lines
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def read_markdown(path: Path, data: bytes, sha256: str) -> RawLetter:
    """A markdown letter into lines whose fields carry its headings, emphasis and footnotes."""
    text = decode_text(path, data).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(path, "file has no text")
    lines: list[RawLine] = []
    block: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.strip() and "\f" not in line:
            block.append(line)
            continue
        lines.extend(markdown_block(block))
        block = []
        lines.append(RawLine(text=line))
    return RawLetter(path=str(path), format="markdown", sha256=sha256, lines=lines[:-1])


def markdown_block(texts: list[str]) -> list[RawLine]:
    """One block of markdown lines as raw lines: markup read into fields and removed from the text."""
    if not texts:
        return []
    if _FOOTNOTE_BLOCK.match(texts[0]):
        return [_note_line(t) for t in texts]
    level, first = heading_level(texts[0].strip())
    bold, italic = emphasis_of(" ".join([first, *[t.strip() for t in texts[1:]]]))
    return [marked_line(strip_inline_markdown(t), heading=level if i == 0 else None, bold=bold, italic=italic)
            for i, t in enumerate([first, *texts[1:]])]


def _note_line(text: str) -> RawLine:
    """A line of a footnote block; one that starts with a number opens that note (`note`)."""
    text = sup_to_markers(text)
    m = _NOTE_START.match(text)
    digits = next((g for g in m.groups() if g), "") if m else ""
    if m is None or len(digits) > _MAX_NOTE_DIGITS:
        return marked_line(strip_inline_markdown(text), kind="footnote")
    return marked_line(strip_inline_markdown(text[m.end():]), kind="footnote", note=int(digits))
