"""Normalise a `RawLetter` into a `Letter`: letterhead, body and footnotes in one string.

ingest -> **normalise** -> segment -> spaCy pipeline -> record. The steps are
layout (blocks and their kinds), paragraphs (joined lines, dehyphenation,
paragraphs rejoined across page breaks), footnotes (markers found and removed)
and letterhead (margin fields), each in its own module.
"""

from __future__ import annotations

import unicodedata

from mhextract.errors import IngestError
from mhextract.ingest.kst_header import header_hints, parse_kst_header
from mhextract.ingest.raw import RawLetter
from mhextract.normalise.footnotes import collect_notes, find_markers, remove_markers, unlinked_year_markers
from mhextract.normalise.layout import Block, build_layout, plain
from mhextract.normalise.letter import Letter, Paragraph
from mhextract.normalise.letterhead import parse_letterhead
from mhextract.normalise.paragraphs import (
    Para,
    block_paragraphs,
    document_vocabulary,
    merge_across_breaks,
    typical_line_length,
)
from mhextract.normalise.segment import header_scan, is_header_end
from mhextract.record.model import Footnote

PARAGRAPH_SEP = "\n\n"


def normalise(raw: RawLetter) -> Letter:
    """Turn a reader's lines into the normalised letter every later stage works on."""
    layout = build_layout(raw)
    blocks = layout.blocks
    typical = typical_line_length(blocks)
    body_lines = [ln.text for b in blocks if b.kind == "body" for ln in b.lines]
    # the vocabulary only decides a hyphen at a body line's end: without one it is never asked
    hyphenated = any(t.rstrip().endswith("-") for t in body_lines)
    vocabulary = document_vocabulary(body_lines) if hyphenated else set()

    paras: list[Para] = []
    footnote_blocks: list[tuple[Block, int]] = []
    letterhead_blocks: list[Block] = []
    interrupted = False
    for block in blocks:
        if block.kind == "body":
            new = block_paragraphs(block, raw.traits, typical, vocabulary)
            new[0].after_break = interrupted or block.page_start
            paras.extend(new)
            interrupted = False
        elif block.kind == "footnote":
            footnote_blocks.append((block, len(paras)))
            interrupted = True
        elif block.kind == "letterhead":
            letterhead_blocks.append(block)
            interrupted = True
            if len(paras) <= header_scan() and any(is_header_end(plain(t)) for t in block.texts):
                for p in paras:
                    p.in_header = True
        else:
            interrupted = True
    paras = [p for p in paras if p.text.strip()]
    notes = collect_notes(footnote_blocks)
    # Footnote positions were counted before merging; merging only moves text backwards.
    paras = merge_across_breaks(paras, typical, vocabulary)
    for note in notes:
        note.before_para = min(note.before_para, len(paras))
    markers = find_markers(paras, notes, glued=raw.traits.text_dump)
    markers += unlinked_year_markers(paras, markers)
    anchors = remove_markers(paras, markers)
    if not paras:
        raise IngestError(raw.path, "no body text found (empty letter or only letterhead)")
    head = letterhead_paragraphs(letterhead_blocks)
    return _assemble(raw, layout.pages, head, paras, notes, anchors, parse_letterhead(letterhead_blocks))


def letterhead_paragraphs(blocks: list[Block]) -> list[tuple[str, int | None]]:
    """Each distinct letterhead block once, as one line (the margin repeats on every page)."""
    seen: set[str] = set()
    out: list[tuple[str, int | None]] = []
    for block in blocks:
        text = _clean(" ".join(plain(t) for t in block.texts))
        if text and text not in seen:
            seen.add(text)
            out.append((text, block.page))
    return out


def _assemble(
    raw: RawLetter,
    pages: int | None,
    head: list[tuple[str, int | None]],
    paras: list[Para],
    notes: list,  # list[Note]
    anchors: dict[int, tuple[int, int]],
    letterhead: dict[str, list[str]],
) -> Letter:
    """Concatenate letterhead, paragraphs and footnote texts, computing every offset once."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    page_starts: list[tuple[int, int]] = []
    offset = 0
    for text, page in head:
        if page is not None and (not page_starts or page_starts[-1][1] != page):
            page_starts.append((offset, page))
        parts.append(text)
        offset += len(text) + len(PARAGRAPH_SEP)
    body_start = offset
    page_starts = [(0, page_starts[0][1])] if page_starts else []  # letterhead: first page
    for p in paras:
        text = _clean(p.text)
        p.text = text
        paragraphs.append(Paragraph(start=offset, end=offset + len(text), page=p.page,
                                    heading_level=p.heading_level, bold=p.bold, italic=p.italic, lines=p.lines,
                                    in_header=p.in_header))
        if p.page is not None and (not page_starts or page_starts[-1][1] != p.page):
            page_starts.append((offset, p.page))
        parts.append(text)
        offset += len(text) + len(PARAGRAPH_SEP)
    body_end = offset - len(PARAGRAPH_SEP)
    footnotes: list[Footnote] = []
    for note in notes:
        text = _clean(note.text())
        if not text:
            continue
        anchor = None
        if note.number in anchors:
            pi, off = anchors[note.number]
            anchor = paragraphs[pi].start + min(off, len(paras[pi].text))
        footnotes.append(Footnote(number=note.number, text=text, start=offset, end=offset + len(text),
                                  page=note.page, anchor=anchor))
        parts.append(text)
        offset += len(text) + len(PARAGRAPH_SEP)
    return Letter(
        path=raw.path, format=raw.format, sha256=raw.sha256, text=PARAGRAPH_SEP.join(parts),
        body_start=body_start, body_end=body_end, paragraphs=paragraphs, footnotes=footnotes, letterhead=letterhead,
        pages=pages, page_starts=page_starts, hints=_with_header_hints(raw),
    )


def _with_header_hints(raw: RawLetter) -> dict[str, str]:
    """The reader's hints, plus the own ids of a Kamerstuk header at the top of the lines.

    Read from the raw lines in reading order (before the letterhead is taken apart), so the
    header of a text dump or PDF (`21 501-07 ...` / `Nr. 1187 BRIEF ...`) counts like a site's.
    """
    top = [line.text.strip() for line in raw.lines[:60] if line.kind != "footnote"]
    found = header_hints(parse_kst_header([t for t in top if t][:30]))
    own = {k: v for k, v in found.items() if k in ("kamerstuk", "kamerstukken_own")}
    return {**own, **raw.hints}


def _clean(text: str) -> str:
    """NFC, no soft hyphens or zero-width characters, single spaces."""
    if not text.isascii():  # ASCII is NFC already and holds none of these characters
        text = unicodedata.normalize("NFC", text)
        text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "").replace("\u00a0", " ")
    return " ".join(text.split())
