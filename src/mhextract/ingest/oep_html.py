"""An HTML page holding a letter (the OEP publication page or any other) into lines and hints.

The letter is found in the page (OEP's broodtekst/kamerstuk/stuk, `<main>`,
`<article>`, else `<body>`); site chrome is dropped; footnote lists (`voetnoten`,
`footnotes`) become `footnote` lines and their markers `markers` of the lines; the Kamerstuk
header and letterhead become `margin`; the page's `<meta>` tags give hints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lxml import etree, html

from mhextract.errors import IngestError
from mhextract.ingest.kst_header import header_hints, parse_kst_header
from mhextract.ingest.lines import (
    BR,
    LAYOUT_CELL_CHARS,
    LineSink,
    clean_line,
    drop_markers,
    marker,
    markup_text,
    vocab,
)
from mhextract.ingest.oep_metadata import merge_hints, meta_values, metadata_hints
from mhextract.ingest.raw import RawLetter

_HTML_BLOCKS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
    "address", "hr", "header", "footer", "aside", "nav", "body", "center", "caption", "details", "summary",
}
_NOTE_CONTAINERS = {"div", "section", "aside", "footer", "ol", "ul", "dl", "table", "article"}


def _classes(el: Any) -> set[str]:
    """Class and id words of an element, lowercased, split on `-`/`_` too."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    words = set(raw.split())
    return words | {p for w in words for p in re.split(r"[-_]", w) if p}


def _has_class(el: Any, words: Iterable[str]) -> bool:
    return bool(_classes(el) & set(words))


class _HtmlReader:
    """Walks an HTML page into a LineSink: header, paragraphs, headings, markers, footnotes, signature."""

    def __init__(self) -> None:
        self.sink = LineSink()
        self.header_lines: list[str] = []
        self.signatories: list[str] = []
        self.note_ids: set[str] = set()
        self.pending_header: list[str] = []
        v = vocab()["oep"]
        self.header_classes = set(v["header_classes"])
        self.letterhead_classes = set(v["letterhead_classes"])

    def inline(self, el: Any, own_text: bool = True) -> str:
        """Running text: `<sup>` digits and footnote links as marker tokens, `<br>` as a line break."""
        parts: list[str] = [markup_text(el.text)] if own_text else []
        for child in el:
            parts.append(self._inline_child(child))
        return "".join(parts)

    def _inline_child(self, child: Any) -> str:
        """One inline child with its tail: `<br>`, a footnote marker, or its running text."""
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            text = BR
        elif tag and self._marker(child) is not None:
            text = marker(self._marker(child) or 0)
        else:
            text = self.inline(child) if tag else ""
        return text + markup_text(child.tail)

    def _marker(self, el: Any) -> int | None:
        """The footnote number an inline element stands for, if it is a marker."""
        text = clean_line(el.text_content())
        if not text.isdigit() or len(text) > 3:
            return None
        href = el.get("href") or ""
        inner = el.find(".//a")
        if inner is not None:
            href = href or inner.get("href") or ""
        if int(text) not in {n.number for n in self.sink.notes}:
            return None  # `m<sup>2</sup>` or a stray number: only a footnote's number is a marker
        if el.tag == "sup" or href.lstrip("#") in self.note_ids:
            return int(text)
        if el.tag == "a" and _has_class(el, ("noot", "nootnum", "footnote", "fn", "noteref", "footnote-ref")):
            return int(text)
        return None

    def _is_block_container(self, el: Any) -> bool:
        return any(isinstance(c.tag, str) and c.tag in _HTML_BLOCKS for c in el)

    def walk(self, el: Any) -> None:
        """Emit the blocks of `el` in document order."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:
            return
        if _has_class(el, self.header_classes):
            found = [drop_markers(t) for t in self.inline(el).split(BR) if clean_line(t)]
            self.header_lines += found
            self.pending_header += found
            return
        if _has_class(el, vocab()["oep"]["signature_classes"]):
            self.signature(el)
            return
        if _has_class(el, self.letterhead_classes):
            self.flush_header()
            self.sink.paragraph(self.inline(el), "margin")
            return
        self.flush_header()
        if re.fullmatch(r"h[1-6]", tag):
            self.sink.heading(self.inline(el), int(tag[1]))
        elif tag == "tr":
            cells = [c for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
            if any(self._is_block_container(c) or len(c.text_content()) > LAYOUT_CELL_CHARS for c in cells):
                for cell in cells:  # a layout table: the cells hold paragraphs
                    self.children(cell)
            else:
                texts = [clean_line(self.inline(c)) for c in cells]
                self.sink.paragraph(" | ".join(t for t in texts if t))
        elif tag == "hr":
            return
        elif tag == "p" and _has_class(el, vocab()["oep"]["subheading_classes"]):
            self.sink.heading(self.inline(el), 3)
        elif self._is_block_container(el):
            self.children(el)
        else:
            text = self.inline(el)
            self.sink.paragraph(text, bold=self._all_bold(el))

    def children(self, el: Any) -> None:
        """Walk block children; loose inline runs between them become paragraphs."""
        run: list[str] = [markup_text(el.text)]
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _HTML_BLOCKS or (tag and _has_class(child, self.header_classes)):
                self.sink.paragraph("".join(run))
                run = []
                self.walk(child)
                run.append(markup_text(child.tail))
            else:
                run.append(self._inline_child(child))
        self.sink.paragraph("".join(run))

    @staticmethod
    def _all_bold(el: Any) -> bool:
        """A paragraph that is one `<strong>`/`<b>` and nothing else."""
        kids = [c for c in el if isinstance(c.tag, str)]
        loose = (el.text or "").strip() or any((c.tail or "").strip() for c in kids)
        return len(kids) == 1 and kids[0].tag in ("strong", "b") and not loose

    def flush_header(self) -> None:
        """Write the header lines seen so far as one margin block."""
        for line in self.pending_header:
            self.sink.block([line], "margin")  # one block per line: each dossier line starts a line of the text
        self.pending_header = []

    def signature(self, el: Any) -> None:
        """`<span class="functie">` + `<span class="naam">`, or lines split by `<br>`."""
        self.flush_header()
        role = el.find(".//*[@class='functie']")
        names = el.findall(".//*[@class='naam']")
        if role is not None and names:
            for name in names:
                self._sign(clean_line(role.text_content()), clean_line(" ".join(name.itertext())))
            return
        lines = [clean_line(t) for t in self.inline(el).split(BR) if clean_line(t)]
        for i, line in enumerate(lines):
            if line.endswith(",") and i + 1 < len(lines):
                self._sign(line, lines[i + 1])
            elif not (i and lines[i - 1].endswith(",")):
                self.sink.block([line])

    def _sign(self, role: str, name: str) -> None:
        role = role.strip(" ,")
        self.sink.block([f"{role},"])
        self.sink.block([name])
        if role and name:
            self.signatories.append(f"{drop_markers(role)}|{drop_markers(name)}")


def _drop_navigation(root: Any, content_found: bool) -> None:
    """Remove scripts, menus, breadcrumbs, cookie bars; page header/footer only outside the content."""
    v = vocab()["oep"]
    always = set(v["drop_tags"]) - ({"header", "footer", "aside", "head"} if content_found else set())
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        drop = (el.tag in always or (el.get("role") or "") in v["drop_roles"]
                or bool(_classes(el) & set(v["drop_class_words"])))
        if drop:
            el.drop_tree()


def _content_root(body: Any) -> Any:
    """The element holding the letter: OEP's broodtekst/kamerstuk/stuk, `<main>`/`<article>`, else body."""
    words = vocab()["oep"]["content_class_words"]
    for word in words:
        for el in body.iter():
            if isinstance(el.tag, str) and word in _classes(el) and len(el.text_content().strip()) > 200:
                return el
    for tag in ("main", "article"):
        found = body.find(f".//{tag}")
        if found is not None and len(found.text_content().strip()) > 200:
            return found
    return body


def _take_footnotes(root: Any, reader: _HtmlReader) -> None:
    """Find footnote lists (`voetnoten`, `footnotes`), record each note, remove them from the tree."""
    v = vocab()["oep"]
    containers = [el for el in root.iter() if isinstance(el.tag, str) and el.tag in _NOTE_CONTAINERS
                  and _has_class(el, v["footnote_container_words"])
                  and not any(_has_class(a, v["footnote_container_words"]) for a in el.iterancestors())]
    for container in containers:
        items = [c for c in container if isinstance(c.tag, str) and not re.fullmatch(r"h[1-6]|hr", c.tag)]
        if len(items) == 1 and items[0].tag in ("ol", "ul"):
            items = [c for c in items[0] if isinstance(c.tag, str)]
        for index, item in enumerate(items, 1):
            number, text = _note_item(item, index if item.tag == "li" else None)
            if number is not None and text:
                reader.sink.note(number, text)
                reader.note_ids.update(i for i in (item.get("id"), *(x.get("id") for x in item.iter()
                                                                   if isinstance(x.tag, str))) if i)
        container.drop_tree()


def _note_item(item: Any, index: int | None) -> tuple[int | None, str]:
    """(number, text) of one footnote item: number from a `nootnum`/`<sup>`/leading digits, else the list index."""
    number: int | None = None
    for el in item.iter():
        if not isinstance(el.tag, str) or el is item:
            continue
        text = clean_line(el.text_content())
        if text.isdigit() and (el.tag in ("sup", "a", "span") or _has_class(el, ("nootnum",))):
            number = int(text)
            el.drop_tree()
            break
    text = clean_line(" ".join(t for t in item.itertext()))
    text = re.sub(r"\s*[↩↑]\s*$", "", text)
    if number is None:
        m = re.match(r"^(\d{1,3})[.)]?\s+(\S.*)$", text)
        if m:
            number, text = int(m.group(1)), m.group(2)
        else:
            number = index
    return number, text


def read_oep_html(path: Path, data: bytes, sha256: str) -> RawLetter:
    """An HTML page with a letter (OEP kst page or similar) into lines and hints."""
    from mhextract.ingest.text import decode_text

    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode_text(path, data))  # UTF-8 first, as browsers save pages
    try:
        doc = html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(path, f"cannot parse HTML: {exc}") from exc
    meta = meta_values(doc)
    body = doc.body if doc.find("body") is not None else doc
    for el in list(body.iter(etree.Comment)):
        el.drop_tree()
    root = _content_root(body)
    reader = _HtmlReader()
    _take_footnotes(root, reader)
    _drop_navigation(root, content_found=root is not body)
    reader.walk(root)
    reader.flush_header()
    lines = reader.sink.finish()
    if not any(ln.text for ln in lines if ln.kind == "body"):
        raise IngestError(path, "HTML page holds no letter text")
    extra = {"signatories": "\n".join(reader.signatories)} if reader.signatories else {}
    hints = merge_hints(path, metadata_hints(meta), header_hints(parse_kst_header(reader.header_lines)), extra)
    return RawLetter(path=str(path), format="html", sha256=sha256, lines=lines, hints=hints)
