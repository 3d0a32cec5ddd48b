"""Markdown conversions of letters: inline markup removed, block-level hints kept."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_SUP = re.compile(r"<sup>\s*([^<]*?)\s*</sup>")
_TAG = re.compile(r"</?(?:br|span|em|strong|b|i|u|sub|p)\b[^>]*>", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def heading_level(line: str) -> tuple[int | None, str]:
    """`### Title` -> (3, 'Title'); other lines -> (None, line)."""
    m = _HEADING.match(line)
    if m:
        return len(m.group(1)), m.group(2)
    return None, line


def emphasis_of(text: str) -> tuple[bool, bool]:
    """Whether a whole block is wrapped in bold and/or italic markup."""
    t = text.strip()
    bold = bool(re.fullmatch(r"(\*\*\*|\*\*|__).+?\1", t, re.DOTALL))
    italic = bool(re.fullmatch(r"(\*\*\*|\*(?!\*)|_(?!_)).+?\1", t, re.DOTALL))
    return bold, italic


def sup_to_superscript(text: str) -> str:
    """`<sup>12</sup>` and `[^12]` markers -> Unicode superscript digits `¹²`."""
    text = _SUP.sub(lambda m: m.group(1).translate(SUPERSCRIPTS) if m.group(1).isdigit() else m.group(1), text)
    return re.sub(r"\[\^(\d+)\](?!:)", lambda m: m.group(1).translate(SUPERSCRIPTS), text)


def strip_inline_markdown(text: str) -> str:
    """Remove emphasis, links, tags and escapes; keep the words and superscript markers."""
    text = sup_to_superscript(text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    for _ in range(3):
        new = _EMPHASIS.sub(r"\2", text)
        if new == text:
            break
        text = new
    text = re.sub(r"(?<!\S)\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?!\S)", "", text)  # unbalanced across lines
    return _ESCAPE.sub(r"\1", text)
