"""Officielebekendmakingen kst XML (`kst-28638-206.xml`) into lines and hints.

Elements read: `<kamerstuk>` with `<kamerstukkop>` and `<dossier>` (the Kamerstuk
header, written as `margin` lines together with `<stuk>`'s `Nr. N TITLE`), `<al>`
paragraphs, `<tussenkop>`/`<kop>` headings, `<lijst>`, `<table>`, `<noot>`
footnotes, `<adres>`/`<dagtekening>` as `margin`, and `<ondertekening>` as a role
line (`De Staatssecretaris van ...,`) and a name line per signatory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from mhextract.datetext import iso_date
from mhextract.errors import IngestError
from mhextract.ingest.kst_header import header_hints, parse_kst_header
from mhextract.ingest.lines import BR, LineSink, clean_line, drop_markers, marker, markup_text, vocab
from mhextract.ingest.oep_metadata import local_name, merge_hints, meta_values, metadata_hints, xml_parser
from mhextract.ingest.raw import RawLetter

_XML_INLINE = {
    "nadruk", "noot", "noot.nr", "noot.al", "extref", "intref", "sup", "inf", "br", "naam", "voornaam",
    "achternaam", "voorvoegsels", "voorletters", "datum", "plaats", "functie", "organisatie", "term", "unl",
    "dossierref", "politiek", "span", "a", "i", "b", "u", "sub",
}
_XML_SKIP = {"metadata", "meta", "kamerstukkop", "dossier", "stuknr", "plaatje", "illustratie", "colspec", "witregel"}
_XML_MARGIN = {"adres", "dagtekening", "datumtekst"}
_XML_PARAGRAPHS = {"al", "noot.al", "titel", "slotformule", "wat"}
_XML_BLOCKS = {"al", "al-groep", "lijst", "li", "table", "tussenkop", "kop", "divisie", "tekst", "ondertekening",
               "box", "definitielijst", "plaatje", "illustratie"}


class _XmlReader:
    """Walks an OEP XML tree into a LineSink, collecting footnotes and hints on the way."""

    def __init__(self) -> None:
        self.sink = LineSink()
        self.hints: dict[str, str] = {}
        self.signatories: list[str] = []
        self.header_lines: list[str] = []

    # inline text
    def inline(self, el: Any, own_text: bool = True) -> str:
        """Running text of an element: markers as tokens (`lines.marker`), `<br/>` as a line break."""
        parts: list[str] = [markup_text(el.text)] if own_text else []
        for child in el:
            tag = local_name(child)
            if tag == "noot":
                parts.append(self.footnote(child))
            elif tag == "br":
                parts.append(BR)
            elif tag in ("noot.nr", "li.nr", "lidnr") or tag in _XML_SKIP:
                pass
            elif tag == "naam":
                parts.append(" " + " ".join(" ".join(child.itertext()).split()) + " ")
            elif tag:
                parts.append(self.inline(child))
            parts.append(markup_text(child.tail))
        return "".join(parts)

    def footnote(self, el: Any) -> str:
        """Record a `<noot>` and return its marker."""
        nr_el = next((c for c in el if local_name(c) == "noot.nr"), None)
        label = clean_line("".join(nr_el.itertext())) if nr_el is not None else ""
        number = int(label) if label.isdigit() else len(self.sink.notes) + 1
        texts = [self.inline(c) for c in el if local_name(c) == "noot.al"] or [self.inline(el)]
        self.sink.note(number, " ".join(texts))
        return marker(number)

    # blocks
    def walk(self, el: Any, depth: int = 0) -> None:
        """Emit the blocks of `el` in document order."""
        tag = local_name(el)
        if not tag or tag in _XML_SKIP:
            return
        handler = {
            "kamerstuk": self.kamerstuk, "stuk": self.stuk, "tussenkop": self.tussenkop, "kop": self.kop,
            "divisie": self.divisie, "lijst": self.lijst, "table": self.table, "ondertekening": self.ondertekening,
        }.get(tag)
        if handler is not None:
            handler(el, depth)
        elif tag in _XML_MARGIN:
            self.margin(el)
        elif tag == "noot":
            self.footnote(el)
        elif self._is_container(el):
            self.children(el, depth)
        else:
            text = self.inline(el)
            self.sink.paragraph(text, bold=self._all_bold(el))

    def children(self, el: Any, depth: int, skip: tuple[str, ...] = ()) -> None:
        """Walk the children of a container; loose text between them becomes paragraphs."""
        if el.text and el.text.strip():
            self.sink.paragraph(markup_text(el.text))
        for child in el:
            if local_name(child) not in skip:
                self.walk(child, depth)
            if child.tail and child.tail.strip():
                self.sink.paragraph(markup_text(child.tail))

    @staticmethod
    def _is_container(el: Any) -> bool:
        """An `<al>` is a paragraph unless it holds blocks; other elements are containers unless all-inline."""
        kids = [local_name(c) for c in el if local_name(c)]
        if local_name(el) in _XML_PARAGRAPHS:
            return any(k in _XML_BLOCKS for k in kids)
        return any(k not in _XML_INLINE for k in kids)

    @staticmethod
    def _all_bold(el: Any) -> bool:
        """An `<al>` that is one bold `<nadruk>` and nothing else."""
        kids = [c for c in el if local_name(c)]
        loose = (el.text or "").strip() or any((c.tail or "").strip() for c in kids)
        return len(kids) == 1 and local_name(kids[0]) == "nadruk" and kids[0].get("type", "") in ("vet", "halfvet") \
            and not loose

    def kamerstuk(self, el: Any, depth: int) -> None:
        """Header (kamerstukkop, dossier lines) first, then the stuk."""
        for kop in (c for c in el if local_name(c) == "kamerstukkop"):
            lines = [self.inline(t) for t in kop if local_name(t)] or [self.inline(kop)]
            self.header_lines += [drop_markers(t) for t in lines]
        for dossier in (c for c in el if local_name(c) == "dossier"):
            self.header_lines.append(" ".join(t.strip() for t in dossier.itertext() if t.strip()))
        for child in el:
            if local_name(child) not in ("kamerstukkop", "dossier"):
                self.walk(child, depth)

    def stuk(self, el: Any, depth: int) -> None:
        """`Nr. N TITLE` joins the header block; the rest is the letter."""
        number = next((c for c in el if local_name(c) == "stuknr"), None)
        title = next((c for c in el if local_name(c) == "titel"), None)
        nr = clean_line(self.inline(number)) if number is not None else ""
        label = str(vocab()["oep"]["number_label"])
        if nr and not nr.lower().startswith(label.rstrip(".").lower()):
            nr = f"{label} {nr}"
        line = " ".join(t for t in (nr, clean_line(self.inline(title)) if title is not None else "") if t)
        if line:
            self.header_lines.append(drop_markers(line))  # a title's footnote marker stays out
        for line in self.header_lines:
            self.sink.block([line], "margin")  # one block per line: each dossier line starts a line of the text
        self.children(el, depth, skip=("stuknr", "titel"))

    def tussenkop(self, el: Any, depth: int) -> None:
        self.sink.heading(self.inline(el), 2 + depth)

    def kop(self, el: Any, depth: int) -> None:
        parts = [clean_line(self.inline(c)) for c in el if local_name(c) in ("label", "nr", "titel", "subtitel")]
        self.sink.heading(" ".join(p for p in parts if p) or self.inline(el), 2 + depth)

    def divisie(self, el: Any, depth: int) -> None:
        for child in el:
            if local_name(child) == "kop":
                self.kop(child, depth)
            else:
                self.walk(child, depth + 1)

    def lijst(self, el: Any, depth: int) -> None:
        for li in (c for c in el if local_name(c) == "li"):
            nr = next((clean_line("".join(c.itertext())) for c in li if local_name(c) == "li.nr"), "")
            blocks = [c for c in li if local_name(c) and local_name(c) != "li.nr"]
            first = True
            for block in blocks:
                if first and local_name(block) == "al" and not self._is_container(block):
                    self.sink.paragraph(f"{nr} {self.inline(block)}" if nr and nr not in "-–•" else self.inline(block))
                else:
                    self.walk(block, depth + 1)
                first = False

    def table(self, el: Any, depth: int) -> None:
        for row in (r for r in el.iter() if local_name(r) in ("row", "tr")):
            cells = [clean_line(self.inline_deep(c)) for c in row if local_name(c) in ("entry", "td", "th")]
            self.sink.paragraph(" | ".join(c for c in cells if c))

    def inline_deep(self, el: Any) -> str:
        """All text of a cell, its paragraphs joined by spaces."""
        if not self._is_container(el):
            return self.inline(el)
        return " ".join(self.inline(c) for c in el if local_name(c))

    def ondertekening(self, el: Any, depth: int) -> None:
        """`<functie>` (+ surrounding text) is the role, `<naam>` the name: two blocks per signatory."""
        role: list[str] = [markup_text(el.text)]
        for child in el:
            tag = local_name(child)
            if tag == "naam":
                name = clean_line(" ".join(" ".join(child.itertext()).split()))
                self.sign(clean_line("".join(role)), name)
                role = []
            elif tag:
                role.append(self.inline(child))
            role.append(markup_text(child.tail))
        if clean_line("".join(role)):
            self.sink.paragraph("".join(role))

    def sign(self, role: str, name: str) -> None:
        """Emit one signatory's role and name lines and remember them as a hint."""
        role = role.strip(" ,")
        if role:
            self.sink.block([f"{role},"])
        if name:
            self.sink.block([name])
        if role and name:
            self.signatories.append(f"{role}|{name}")

    def margin(self, el: Any) -> None:
        """Address and dagtekening: letterhead, not body; the dagtekening's ISO date is a hint."""
        for d in el.iter():
            if local_name(d) == "datum" and iso_date(d.get("isodatum")) and "date" not in self.hints:
                self.hints["date"] = iso_date(d.get("isodatum")) or ""
        self.sink.paragraph(self.inline(el), "margin")


def read_oep_xml(path: Path, data: bytes, sha256: str) -> RawLetter:
    """An OEP XML publication (kst, or any officiele-publicatie) into lines and hints."""
    try:
        root = etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as exc:
        raise IngestError(path, f"not well-formed XML: {exc}") from exc
    reader = _XmlReader()
    reader.walk(root)
    lines = reader.sink.finish()
    if not any(ln.text for ln in lines if ln.kind == "body"):
        raise IngestError(path, "XML holds no letter text (no paragraphs found)")
    header = parse_kst_header(reader.header_lines)
    if reader.signatories:
        reader.hints["signatories"] = "\n".join(reader.signatories)
    hints = merge_hints(path, metadata_hints(meta_values(root)), header_hints(header), reader.hints)
    return RawLetter(path=str(path), format="xml", sha256=sha256, lines=lines, hints=hints)


# The prolog before the root element: declaration, comments, processing instructions and a doctype,
# also one with an internal subset (`<!DOCTYPE kamerstuk [ <!ENTITY ...> ]>`, read but never expanded).
_ROOT = re.compile(rb"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE(?:[^>\[]|\[[^\]]*\])*>\s*)*"
                   rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", re.DOTALL)
_PROLOG_BYTES = 65_536


def xml_root_name(data: bytes) -> str | None:
    """Local name of the first element of an XML document (after prolog, comments, doctype)."""
    m = _ROOT.match(data[:_PROLOG_BYTES].lstrip(b"\xef\xbb\xbf"))
    return m.group(2).decode("ascii", "replace") if m else None
