"""Read a Word (.docx) letter with python-docx: paragraphs, headings, footnotes, letterhead.

What the reader emits (the conventions of `oep.LineSink`, shared with the PDF reader):
- each body paragraph as its own block; soft line breaks stay separate lines;
- a paragraph in a heading style (`Heading 2`, `Kop 2`, `Title`, or a style with an
  outline level) as a line with its heading level; a wholly bold paragraph as bold lines;
  automatic list numbering of decimal/letter/roman lists is written out (`1. `);
- footnotes from the footnotes part (and endnotes), numbered in order of their
  references as Word shows them: a marker (`RawLine.markers`) where the
  `w:footnoteReference` stands, the note as one `footnote` line (its number in `note`) at the end;
- letterhead text as `margin`: page headers (the first-page header first, other
  headers and footers after the body), text boxes and frames (the margin column of
  rijksoverheid templates), and tables holding letterhead labels (Datum, Onderwerp,
  Ons kenmerk); empty paragraphs split margin text into blocks; page numbers are furniture.
Not read: tracked deletions, field codes, comments, images; core properties are not
trusted for metadata (they hold template and file dates, not the letter's).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from mhextract.errors import IngestError
from mhextract.ingest.docx_styles import Numbering, Styles, is_on, num_pr
from mhextract.ingest.kst_header import header_hints, parse_kst_header
from mhextract.ingest.lines import LAYOUT_CELL_CHARS, LineSink, clean_line, marker, vocab
from mhextract.ingest.raw import RawLetter
from mhextract.paths import load_json

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CONTAINERS = {qn(t) for t in ("w:hyperlink", "w:ins", "w:smartTag", "w:customXml", "w:fldSimple", "w:moveTo",
                               "w:sdtContent", "w:dir", "w:bdo")}


@cache
def _labels() -> tuple[str, ...]:
    labels = [*load_json("letterhead.json")["field_labels"], *vocab()["docx"]["letterhead_table_labels_extra"]]
    return tuple(sorted(set(labels), key=len, reverse=True))


@cache
def _furniture() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in load_json("letterhead.json")["furniture"]]


# --- paragraphs -------------------------------------------------------------------------------------------


@dataclass
class _Para:
    """One paragraph's text (markers as tokens, `lines.marker`), whether it is all bold, and its text boxes."""

    text: str = ""
    bold_chars: int = 0
    plain_chars: int = 0
    boxes: list[Any] = field(default_factory=list)  # w:txbxContent elements anchored here

    @property
    def all_bold(self) -> bool:
        return self.bold_chars > 0 and self.plain_chars == 0


class _DocxReader:
    """Walks the document body, headers and notes into a LineSink."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self.styles = Styles(document)
        self.numbering = Numbering(document)
        self.sink = LineSink()
        self.margin: list[str] = []
        self.note_numbers: dict[tuple[str, str], int] = {}  # (kind, id) -> shown number
        self.skip_custom_mark = False

    # text of runs
    def para(self, p: Any, para_bold: bool | None, in_note: bool = False) -> _Para:
        """Collect a paragraph's text and formatting, run by run."""
        out = _Para()
        for run in self._runs(p):
            self._run(run, para_bold, out, in_note)
        return out

    def _runs(self, el: Any) -> Iterator[Any]:
        """The runs of a paragraph in order, through hyperlinks, insertions, content controls."""
        for child in el:
            if child.tag == qn("w:r"):
                yield child
            elif child.tag in _CONTAINERS or child.tag == qn("w:sdt"):
                yield from self._runs(child)

    def _run(self, r: Any, para_bold: bool | None, out: _Para, in_note: bool) -> None:
        rpr = r.find(qn("w:rPr"))
        bold = is_on(rpr.find(qn("w:b"))) if rpr is not None else None
        if bold is None and rpr is not None and rpr.find(qn("w:rStyle")) is not None:
            bold = self.styles.get(rpr.find(qn("w:rStyle")).get(qn("w:val"))).bold
        if bold is None:
            bold = bool(para_bold)
        for child in self._run_children(r):
            text = self._piece(child, out, in_note)
            if text is None:
                continue
            if self.skip_custom_mark and text.strip():
                self.skip_custom_mark = False
                continue
            out.text += text
            n = len(text.strip())
            if child.tag in (qn("w:t"),) and n:
                if bold:
                    out.bold_chars += n
                else:
                    out.plain_chars += n

    def _run_children(self, r: Any) -> Iterator[Any]:
        """Run content; of `mc:AlternateContent` only the first choice (the fallback repeats it)."""
        for child in r:
            if child.tag == f"{{{MC_NS}}}AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                if choice is None:
                    choice = child.find(f"{{{MC_NS}}}Fallback")
                if choice is not None:
                    yield from choice
            else:
                yield child

    def _piece(self, child: Any, out: _Para, in_note: bool) -> str | None:
        """Text of one run child; None for content that is not text."""
        tag = child.tag
        if tag == qn("w:t"):
            return child.text or ""
        if tag in (qn("w:tab"), qn("w:ptab")):
            return " "
        if tag in (qn("w:br"), qn("w:cr")):
            return " " if child.get(qn("w:type")) in ("page", "column") else "\n"
        if tag == qn("w:noBreakHyphen"):
            return "-"
        if tag in (qn("w:footnoteReference"), qn("w:endnoteReference")) and not in_note:
            kind = "foot" if tag == qn("w:footnoteReference") else "end"
            key = (kind, child.get(qn("w:id")) or "")
            number = self.note_numbers.setdefault(key, len(self.note_numbers) + 1)
            if child.get(qn("w:customMarkFollows")) in ("1", "true", "on"):
                self.skip_custom_mark = True
            return marker(number)
        if tag in (qn("w:drawing"), qn("w:pict")):
            out.boxes.extend(child.iter(qn("w:txbxContent")))
        return None

    # blocks
    def body(self, container: Any, margin: bool = False) -> None:
        """Walk block-level content (paragraphs, tables, content controls) of a container."""
        for child in container:
            tag = child.tag
            if tag == qn("w:p"):
                self.paragraph(child, margin)
            elif tag == qn("w:tbl"):
                self.table(child, margin)
            elif tag in (qn("w:sdt"), qn("w:customXml")):
                content = child.find(qn("w:sdtContent")) if tag == qn("w:sdt") else child
                if content is not None:
                    self.body(content, margin)
        if margin:
            self.flush_margin()

    def paragraph(self, p: Any, margin: bool) -> None:
        ppr = p.find(qn("w:pPr"))
        sid = None
        if ppr is not None and ppr.find(qn("w:pStyle")) is not None:
            sid = ppr.find(qn("w:pStyle")).get(qn("w:val"))
        style = self.styles.get(sid)
        content = self.para(p, style.bold)
        for box in content.boxes:
            self.body(box, margin=True)
        framed = ppr is not None and ppr.find(qn("w:framePr")) is not None
        num = num_pr(ppr.find(qn("w:numPr"))) if ppr is not None and ppr.find(qn("w:numPr")) is not None \
            else style.num
        label = self.numbering.label(num)
        text = content.text.strip()
        if not text:
            if margin or framed:
                self.flush_margin()
            return
        if label:
            text = f"{label} {text}"
        if margin or framed:
            self.margin.extend(text.split("\n"))
            return
        self.flush_margin()
        if style.heading:
            self.sink.heading(text, style.heading)
        elif content.all_bold:
            self.sink.paragraph(text, bold=True)
        else:
            self.sink.paragraph(text)

    def flush_margin(self) -> None:
        """Write the margin lines gathered so far as one block (page numbers as furniture)."""
        lines = [clean_line(t) for t in self.margin if clean_line(t)]
        self.margin = []
        if not lines:
            return
        furniture = all(any(p.match(t) for p in _furniture()) for t in lines)
        self.sink.block(lines, "furniture" if furniture else "margin")

    def table(self, tbl: Any, margin: bool) -> None:
        """Letterhead tables (or any table in a header) as margin; layout tables (cells holding prose)
        cell by cell as body; data tables one line per row."""
        cells_el = [[tc for tc in tr if tc.tag == qn("w:tc")] for tr in tbl if tr.tag == qn("w:tr")]
        rows = [[self.cell_lines(tc) for tc in row] for row in cells_el]
        if margin or self._is_letterhead(rows):
            for cells in rows:
                self.letterhead_row(cells)
            self.flush_margin()
            return
        self.flush_margin()
        if any(len(" ".join(cell)) > LAYOUT_CELL_CHARS for cells in rows for cell in cells):
            for row in cells_el:
                for tc in row:
                    self.body(tc)
            return
        for cells in rows:
            self.sink.paragraph(" | ".join(" ".join(c) for c in cells if c))

    def letterhead_row(self, cells: list[list[str]]) -> None:
        """`Datum | 30 november 2023` -> one line `Datum 30 november 2023`; other cells as their own blocks."""
        cells = [c for c in cells if c]
        if len(cells) >= 2 and self._label(cells[0][0]) == cells[0][0]:
            self.margin.append(" ".join([cells[0][0], *(t for c in cells[1:] for t in c)]))
            return
        for c in cells:
            self.flush_margin()
            self.margin.extend(c)
        self.flush_margin()

    def cell_lines(self, tc: Any) -> list[str]:
        """The text lines of a table cell (paragraphs, soft breaks, nested tables)."""
        lines: list[str] = []
        for p in tc.iter(qn("w:p")):
            text = self.para(p, None).text
            lines += [clean_line(t) for t in text.split("\n") if clean_line(t)]
        return lines

    def _label(self, text: str) -> str | None:
        """The letterhead label a cell text starts with (`Datum`, `Ons kenmerk`), if any."""
        for label in _labels():
            if text == label or text.startswith((label + " ", label + ":")):
                return label
        return None

    def _is_letterhead(self, rows: list[list[list[str]]]) -> bool:
        """A table whose rows are mostly `label | value` pairs of the letterhead vocabulary."""
        firsts = [cells[0][0] for cells in rows if cells and cells[0]]
        labelled = sum(1 for t in firsts if self._label(t))
        return labelled >= 1 and labelled * 2 >= len(firsts)

    # notes
    def notes(self) -> None:
        """Footnote and endnote texts, in the order their references were numbered."""
        parts = {"foot": self._notes_part(RT.FOOTNOTES, "w:footnote"),
                 "end": self._notes_part(RT.ENDNOTES, "w:endnote")}
        for (kind, nid), number in sorted(self.note_numbers.items(), key=lambda kv: kv[1]):
            el = parts[kind].get(nid)
            if el is None:
                continue
            texts = [self.para(p, None, in_note=True).text for p in el.iter(qn("w:p"))]
            self.sink.note(number, " ".join(t.strip() for t in texts if t.strip()))

    def _notes_part(self, reltype: str, tag: str) -> dict[str, Any]:
        """id -> `w:footnote`/`w:endnote` element of the document's notes part."""
        for rel in self.document.part.rels.values():
            if rel.reltype == reltype and not rel.is_external:
                part = rel.target_part
                element = getattr(part, "element", None)
                root = element if element is not None else etree.fromstring(part.blob)
                return {el.get(qn("w:id")) or "": el for el in root.iter(qn(tag))
                        if el.get(qn("w:type")) in (None, "normal")}
        return {}

    # headers and footers
    def header_parts(self) -> tuple[list[Any], list[Any]]:
        """(first-page letterhead, the other headers and footers), each part once."""
        first: list[Any] = []
        rest: list[Any] = []
        seen: set[int] = set()
        for i, section in enumerate(self.document.sections):
            candidates = []
            if section.different_first_page_header_footer:
                candidates += [("first", section.first_page_header), ("rest", section.header),
                               ("rest", section.first_page_footer), ("rest", section.footer)]
            else:
                candidates += [("first" if i == 0 else "rest", section.header), ("rest", section.footer)]
            for where, hf in candidates:
                if not hf._has_definition:
                    continue
                element = hf._definition.element
                if id(element) in seen:
                    continue
                seen.add(id(element))
                (first if where == "first" else rest).append(element)
        return first, rest


_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}Types"


def check_content_types(path: Path, data: bytes) -> None:
    """Refuse a package whose `[Content_Types].xml` is missing or not a content-types list, with a
    clear line (python-docx would fail on it with an AttributeError about lxml internals)."""
    import zipfile

    problem = None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("[Content_Types].xml")
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
        if root.tag != _CONTENT_TYPES:
            problem = f"its root is <{etree.QName(root).localname}>, not <Types>"
    except KeyError:
        problem = "it is missing"
    except etree.XMLSyntaxError as exc:
        problem = f"it is not well-formed XML ({exc})"
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(path, f"cannot open DOCX: corrupt zip package ({exc})") from exc
    if problem:
        raise IngestError(path, f"cannot open DOCX: the package's [Content_Types].xml is damaged: {problem}")


def read_docx(path: Path, data: bytes, sha256: str) -> RawLetter:
    """A .docx letter into lines (body, margin, footnotes) and hints."""
    import docx

    check_content_types(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several kinds on broken or foreign packages
        raise IngestError(path, f"cannot open DOCX: {exc}") from exc
    reader = _DocxReader(document)
    first, rest = reader.header_parts()
    for element in first:
        reader.body(element, margin=True)
    reader.body(document.element.body)
    reader.flush_margin()
    for element in rest:
        reader.body(element, margin=True)
    reader.notes()
    lines = reader.sink.finish()
    if not any(ln.text for ln in lines if ln.kind == "body"):
        raise IngestError(path, "DOCX has no body text")
    head = [ln.text for ln in lines if ln.text][:40]
    hints = header_hints(parse_kst_header(head))
    return RawLetter(path=str(path), format="docx", sha256=sha256, lines=lines, hints=hints)
