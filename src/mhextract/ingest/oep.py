"""Officielebekendmakingen (OEP) publications: the kst XML, the HTML page, and `metadata.xml` beside them.

A published Kamerstuk reaches us as `kst-28638-206.xml` (elements `<kamerstuk>`,
`<kamerstukkop>`, `<dossier>`, `<stuk>`, `<al>`, `<tussenkop>`, `<noot>`,
`<ondertekening>`), as the HTML page of the same publication, or as any other
HTML page holding a letter. Both readers emit the same line conventions as the
PDF reader: the Kamerstuk header (chamber, session, dossier lines, `Nr. N TITLE`)
and address/dagtekening lines as `margin`; body paragraphs one per block (a
heading as a markdown `#` line, a wholly bold paragraph as `**...**`); each
footnote marker as Unicode superscript digits where it stood, and each footnote
as one `footnote` line `¹ text` at the end. Signature blocks become a role line
(`De Staatssecretaris van ...,`) and a name line.

Metadata the publication states outright (the header's own ids, `metadata.xml`
or the page's `<meta>` tags: date of the letter, dossier + ondernummer, indiener,
subject) goes into `RawLetter.hints`; a `metadata.xml` beside the file wins over
the document itself. The shared helpers here (`LineSink`, `parse_kst_header`,
`sender_from_title`) are used by the DOCX and pasted-web readers too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree, html

from mhextract.errors import IngestError
from mhextract.ingest.raw import LineKind, RawLetter, RawLine
from mhextract.paths import load_json

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUP_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2009\u202f]+")
LAYOUT_CELL_CHARS = 250  # a table cell with more text than this holds prose: the table is layout, not data
BR = "\u2028"  # a hard line break (`<br/>`) inside a paragraph of markup, where source newlines are spaces


def _ws(text: str | None) -> str:
    """Markup text: any whitespace run (newlines included) is one space."""
    return re.sub(r"\s+", " ", text) if text else ""


@cache
def vocab() -> dict[str, Any]:
    """The readers' vocabulary (`models/formats.json`)."""
    data: dict[str, Any] = load_json("formats.json")
    return data


@cache
def _months() -> dict[str, int]:
    months: dict[str, int] = load_json("letterhead.json")["months"]
    return months


# --- output: lines in blocks -----------------------------------------------------------------------------


def clean_line(text: str) -> str:
    """One output line: whitespace runs collapsed, ends trimmed."""
    return _WS.sub(" ", text).strip()


def superscript(number: int | str) -> str:
    """`12` -> `¹²`: how a footnote marker or footnote start is written."""
    return str(number).translate(SUPERSCRIPT)


@dataclass
class Note:
    """A footnote as a reader found it: its number and its text (one line)."""

    number: int
    text: str


@dataclass
class LineSink:
    """Collects a reader's output: blocks separated by blank lines, footnotes last."""

    lines: list[RawLine] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    def block(self, texts: Iterable[str], kind: LineKind = "body") -> None:
        """Add one block of lines (empty lines dropped); blocks never run together."""
        kept = [clean_line(t) for t in texts]
        kept = [t for t in kept if t]
        if not kept:
            return
        if self.lines and self.lines[-1].text:
            self.lines.append(RawLine(text="", kind=kind))
        self.lines.extend(RawLine(text=t, kind=kind) for t in kept)

    def paragraph(self, text: str, kind: LineKind = "body") -> None:
        """A paragraph whose hard line breaks (`\\n`) stay separate lines of one block."""
        self.block(re.split(f"[\n{BR}]", text), kind)

    def heading(self, text: str, level: int) -> None:
        """A heading as a markdown `#` line, which the normaliser reads as heading level."""
        text = clean_line(re.sub(f"[\n{BR}]", " ", text))
        if text:
            self.block([f"{'#' * max(1, min(level, 6))} {text}"])

    def note(self, number: int, text: str) -> None:
        """Remember a footnote; `finish` writes it after the body."""
        text = clean_line(re.sub(f"[\n{BR}]", " ", text))
        if text:
            self.notes.append(Note(number, text))

    def finish(self) -> list[RawLine]:
        """The lines with the footnotes appended as one block of `¹ text` lines."""
        if self.notes:
            self.block([f"{superscript(n.number)} {n.text}" for n in self.notes], "footnote")
        return self.lines


def bold_markup(text: str) -> str:
    """Mark a wholly bold paragraph the way the normaliser reads it (`**text**`)."""
    text = text.strip()
    return f"**{text}**" if text and "**" not in text else text


# --- the Kamerstuk header ---------------------------------------------------------------------------------


@dataclass
class KstHeader:
    """What a Kamerstuk header states: chamber, session, dossiers, number and title."""

    chamber: str | None = None
    session: str | None = None
    dossiers: list[tuple[str, str | None, str]] = field(default_factory=list)  # (core, suffix, title)
    number: str | None = None
    title: str | None = None

    def ids(self) -> list[str]:
        """The letter's own ids, one per dossier: `28638-206`, `31015-206`, `35925-VI-118`."""
        if not self.number:
            return []
        return [kst_id(core, suffix, self.number) for core, suffix, _ in self.dossiers]


def kst_id(dossier: str, suffix: str | None, number: str | None) -> str:
    """Normalised id from parts: `28 638` + None + `206` -> `28638-206`."""
    core = re.sub(r"\s", "", dossier)
    parts = [core, *([suffix] if suffix else []), *([number] if number else [])]
    return "-".join(parts)


@cache
def _header_res() -> dict[str, re.Pattern[str]]:
    return {key: re.compile(pattern) for key, pattern in vocab()["kst_header"].items() if isinstance(pattern, str)}


def parse_kst_header(lines: list[str]) -> KstHeader | None:
    """Read a Kamerstuk header from its lines; None when the lines hold no dossier + `Nr.` pair."""
    res = _header_res()
    texts = [clean_line(_SUP_RUN.sub("", t)) for t in lines]
    texts = [t for t in texts if t]
    header = KstHeader()
    pending: list[tuple[str, str | None, str]] = []
    for i, text in enumerate(texts):
        if res["chamber"].match(text):
            header.chamber = re.sub(r"\s+\d$", "", text)
            continue
        session = res["session"].match(text)
        if session:
            header.session = session.group(1)
            continue
        number = res["number"].match(text)
        if number and pending:
            header.dossiers, header.number = pending, number.group(1)
            rest = number.group(2).strip()
            if not rest and i + 1 < len(texts) and texts[i + 1].isupper():
                rest = texts[i + 1]
            header.title = rest or None
            return header
        dossier = res["dossier"].match(text)
        if dossier:
            pending.append((dossier.group(1).replace(" ", ""), dossier.group(2), dossier.group(3)))
        elif pending:
            pending = []  # dossier lines must run straight into the `Nr.` line
    return None


def _title_case(words: str) -> str:
    """`VOLKSGEZONDHEID, WELZIJN EN SPORT` -> `Volksgezondheid, Welzijn en Sport`."""
    small = set(vocab()["kst_header"]["small_words"])
    out = []
    for i, word in enumerate(words.lower().split()):
        out.append(word if (i and word in small) else "-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


_PORTFOLIO = re.compile(
    r"(?:^|,\s+|\s+EN\s+(?:DE\s+\S+\s+)?)(VAN|VOOR)\s+(.+?)"
    r"(?=\s+EN\s+(?:VAN|VOOR|DE)\s|,\s+(?:VAN|VOOR)\s|$)"
)


def sender_from_title(title: str | None) -> list[str]:
    """Ministries named in a `BRIEF VAN DE MINISTER(S)/STAATSSECRETARIS(SEN) VAN ...` title, in order."""
    if not title:
        return []
    m = _header_res()["sender_title"].match(clean_line(title).upper())
    if not m:
        return []
    found = []
    for part in _PORTFOLIO.finditer(m.group(1)):
        if part.group(1) == "VAN":
            found.append(f"Ministerie van {_title_case(part.group(2))}")
    return found


def header_hints(header: KstHeader | None) -> dict[str, str]:
    """Hints a Kamerstuk header gives: own id(s) and the sending ministry."""
    if header is None:
        return {}
    hints: dict[str, str] = {}
    ids = header.ids()
    if ids:
        hints["kamerstuk"] = ids[0]
        hints["kamerstukken_own"] = "\n".join(ids)
    senders = sender_from_title(header.title)
    if senders:
        hints["sender"] = senders[0]
        hints["senders"] = "\n".join(senders)
    return hints


# --- dates and metadata ----------------------------------------------------------------------------------


def iso_date(text: str | None) -> str | None:
    """`2023-11-30`, `30-11-2023` or `30 november 2023` -> `2023-11-30`; else None."""
    if not text:
        return None
    text = text.strip()
    parts: tuple[int, int, int] | None = None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?", text):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text):
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    elif (m := re.search(r"\b(\d{1,2})\s+([a-zA-Z]+)\s+(\d{4})\b", text)) and m.group(2).lower() in _months():
        parts = (int(m.group(3)), _months()[m.group(2).lower()], int(m.group(1)))
    if parts is None:
        return None
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None


def _local(el: Any) -> str:
    """Tag name without namespace; '' for comments and processing instructions."""
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def meta_values(root: Any) -> dict[str, list[str]]:
    """`name` -> `content` values of every `<metadata>`/`<meta>` element with both attributes."""
    found: dict[str, list[str]] = {}
    for el in root.iter():
        name, content = el.get("name") if isinstance(el.tag, str) else None, el.get("content")
        if name and content is not None and _local(el) in ("metadata", "meta"):
            found.setdefault(name, []).append(content.strip())
    return found


def _first(meta: dict[str, list[str]], key: str) -> list[str]:
    """Values of the first metadata name listed for `key` in the vocabulary that is present."""
    for name in vocab()["oep"]["metadata_names"][key]:
        if meta.get(name):
            return [v for v in meta[name] if v]
    return []


def metadata_hints(meta: dict[str, list[str]]) -> dict[str, str]:
    """Hints from OEP metadata: letter date, own id(s), subject, indiener, sender."""
    hints: dict[str, str] = {}
    dossiers = _first(meta, "dossier")
    number = next(iter(_first(meta, "number")), None)
    if dossiers and number:
        ids = []
        for d in dossiers:
            m = re.fullmatch(r"(\d{2}\s?\d{3})(?:[\s-]+([A-Z0-9]{1,5}))?", d.strip())
            if m:
                ids.append(kst_id(m.group(1), m.group(2), number))
        if ids:
            hints["kamerstuk"], hints["kamerstukken_own"] = ids[0], "\n".join(ids)
    for key in ("date", "published"):
        iso = next((d for d in map(iso_date, _first(meta, key)) if d), None)
        if iso:
            hints[key] = iso
    title = next(iter(_first(meta, "title")), "")
    parts = [p.strip() for p in title.split(";")]
    if len(parts) >= 3 and parts[2]:
        hints["subject"] = "; ".join(parts[2:])
    for key in ("indiener", "sender", "vergaderjaar"):
        values = _first(meta, key)
        if values:
            hints[key] = "\n".join(values)
    identifier = next(iter(_first(meta, "identifier")), None)
    if identifier:
        hints["identifier"] = identifier
    return hints


def read_metadata_file(path: Path) -> dict[str, list[str]] | None:
    """Parse a `metadata.xml`; None if it is missing or not OEP metadata."""
    try:
        root = etree.fromstring(path.read_bytes(), _xml_parser())
    except (OSError, etree.XMLSyntaxError):
        return None
    if _local(root) not in vocab()["oep"]["metadata_roots"]:
        return None
    return meta_values(root)


def find_metadata(path: Path, own_id: str | None) -> dict[str, list[str]] | None:
    """The OEP metadata beside `path` (`<stem>.metadata.xml`, `<stem>/metadata.xml`, `metadata.xml`).

    A metadata file whose `DC.identifier` names another publication than this one is ignored.
    """
    for pattern in vocab()["oep"]["metadata_file_names"]:
        candidate = path.parent / pattern.format(stem=path.stem)
        if candidate == path or not candidate.is_file():
            continue
        meta = read_metadata_file(candidate)
        if meta is None:
            continue
        ident = next(iter(meta.get("DC.identifier", [])), None)
        if ident and own_id and ident.lower() != f"kst-{own_id}".lower():
            continue
        return meta
    return None


def _own_from_stem(path: Path) -> str | None:
    """`kst-28638-206.xml` -> `28638-206`."""
    m = re.match(r"(?i)kst-(\d{5}(?:-[A-Z0-9]{1,5})?-\d{1,4}[a-z]?)$", path.stem)
    return m.group(1) if m else None


def merge_hints(path: Path, *layers: dict[str, str]) -> dict[str, str]:
    """Later layers win; then `metadata.xml` beside the file wins over everything the document says."""
    hints: dict[str, str] = {}
    for layer in layers:
        hints.update({k: v for k, v in layer.items() if v})
    own = hints.get("kamerstuk") or _own_from_stem(path)
    meta = find_metadata(path, own)
    if meta is not None:
        hints.update(metadata_hints(meta))
        hints["metadata_file"] = "yes"
    return hints


# --- XML -------------------------------------------------------------------------------------------------


def _xml_parser() -> etree.XMLParser:
    """A parser that never resolves entities or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


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
        """Running text of an element: markers as superscripts, `<br/>` as a line break."""
        parts: list[str] = [_ws(el.text)] if own_text else []
        for child in el:
            tag = _local(child)
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
            parts.append(_ws(child.tail))
        return "".join(parts)

    def footnote(self, el: Any) -> str:
        """Record a `<noot>` and return its marker."""
        nr_el = next((c for c in el if _local(c) == "noot.nr"), None)
        label = clean_line("".join(nr_el.itertext())) if nr_el is not None else ""
        number = int(label) if label.isdigit() else len(self.sink.notes) + 1
        texts = [self.inline(c) for c in el if _local(c) == "noot.al"] or [self.inline(el)]
        self.sink.note(number, " ".join(texts))
        return superscript(number)

    # blocks
    def walk(self, el: Any, depth: int = 0) -> None:
        """Emit the blocks of `el` in document order."""
        tag = _local(el)
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
            self.sink.paragraph(bold_markup(text) if self._all_bold(el) else text)

    def children(self, el: Any, depth: int, skip: tuple[str, ...] = ()) -> None:
        """Walk the children of a container; loose text between them becomes paragraphs."""
        if el.text and el.text.strip():
            self.sink.paragraph(_ws(el.text))
        for child in el:
            if _local(child) not in skip:
                self.walk(child, depth)
            if child.tail and child.tail.strip():
                self.sink.paragraph(_ws(child.tail))

    @staticmethod
    def _is_container(el: Any) -> bool:
        """An `<al>` is a paragraph unless it holds blocks; other elements are containers unless all-inline."""
        kids = [_local(c) for c in el if _local(c)]
        if _local(el) in _XML_PARAGRAPHS:
            return any(k in _XML_BLOCKS for k in kids)
        return any(k not in _XML_INLINE for k in kids)

    @staticmethod
    def _all_bold(el: Any) -> bool:
        """An `<al>` that is one bold `<nadruk>` and nothing else."""
        kids = [c for c in el if _local(c)]
        loose = (el.text or "").strip() or any((c.tail or "").strip() for c in kids)
        return len(kids) == 1 and _local(kids[0]) == "nadruk" and kids[0].get("type", "") in ("vet", "halfvet") \
            and not loose

    def kamerstuk(self, el: Any, depth: int) -> None:
        """Header (kamerstukkop, dossier lines) first, then the stuk."""
        for kop in (c for c in el if _local(c) == "kamerstukkop"):
            self.header_lines += [_SUP_RUN.sub("", self.inline(t)) for t in kop if _local(t)] or [self.inline(kop)]
        for dossier in (c for c in el if _local(c) == "dossier"):
            self.header_lines.append(" ".join(t.strip() for t in dossier.itertext() if t.strip()))
        for child in el:
            if _local(child) not in ("kamerstukkop", "dossier"):
                self.walk(child, depth)

    def stuk(self, el: Any, depth: int) -> None:
        """`Nr. N TITLE` joins the header block; the rest is the letter."""
        number = next((c for c in el if _local(c) == "stuknr"), None)
        title = next((c for c in el if _local(c) == "titel"), None)
        nr = clean_line(self.inline(number)) if number is not None else ""
        if nr and not nr.lower().startswith("nr"):
            nr = f"Nr. {nr}"
        line = " ".join(t for t in (nr, clean_line(self.inline(title)) if title is not None else "") if t)
        if line:
            self.header_lines.append(_SUP_RUN.sub("", line))  # a title's footnote marker stays out
        for line in self.header_lines:
            self.sink.block([line], "margin")  # one block per line: each dossier line starts a line of the text
        self.children(el, depth, skip=("stuknr", "titel"))

    def tussenkop(self, el: Any, depth: int) -> None:
        self.sink.heading(self.inline(el), 2 + depth)

    def kop(self, el: Any, depth: int) -> None:
        parts = [clean_line(self.inline(c)) for c in el if _local(c) in ("label", "nr", "titel", "subtitel")]
        self.sink.heading(" ".join(p for p in parts if p) or self.inline(el), 2 + depth)

    def divisie(self, el: Any, depth: int) -> None:
        for child in el:
            if _local(child) == "kop":
                self.kop(child, depth)
            else:
                self.walk(child, depth + 1)

    def lijst(self, el: Any, depth: int) -> None:
        for li in (c for c in el if _local(c) == "li"):
            nr = next((clean_line("".join(c.itertext())) for c in li if _local(c) == "li.nr"), "")
            blocks = [c for c in li if _local(c) and _local(c) != "li.nr"]
            first = True
            for block in blocks:
                if first and _local(block) == "al" and not self._is_container(block):
                    self.sink.paragraph(f"{nr} {self.inline(block)}" if nr and nr not in "-–•" else self.inline(block))
                else:
                    self.walk(block, depth + 1)
                first = False

    def table(self, el: Any, depth: int) -> None:
        for row in (r for r in el.iter() if _local(r) in ("row", "tr")):
            cells = [clean_line(self.inline_deep(c)) for c in row if _local(c) in ("entry", "td", "th")]
            self.sink.paragraph(" | ".join(c for c in cells if c))

    def inline_deep(self, el: Any) -> str:
        """All text of a cell, its paragraphs joined by spaces."""
        if not self._is_container(el):
            return self.inline(el)
        return " ".join(self.inline(c) for c in el if _local(c))

    def ondertekening(self, el: Any, depth: int) -> None:
        """`<functie>` (+ surrounding text) is the role, `<naam>` the name: two blocks per signatory."""
        role: list[str] = [_ws(el.text)]
        for child in el:
            tag = _local(child)
            if tag == "naam":
                name = clean_line(" ".join(" ".join(child.itertext()).split()))
                self.sign(clean_line("".join(role)), name)
                role = []
            elif tag:
                role.append(self.inline(child))
            role.append(_ws(child.tail))
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
            if _local(d) == "datum" and iso_date(d.get("isodatum")) and "date" not in self.hints:
                self.hints["date"] = iso_date(d.get("isodatum")) or ""
        self.sink.paragraph(self.inline(el), "margin")


def read_oep_xml(path: Path, data: bytes, sha256: str) -> RawLetter:
    """An OEP XML publication (kst, or any officiele-publicatie) into lines and hints."""
    try:
        root = etree.fromstring(data, _xml_parser())
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


# --- HTML ------------------------------------------------------------------------------------------------

_HTML_BLOCKS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
    "thead", "tbody", "tfoot", "tr", "td", "th", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
    "address", "hr", "header", "footer", "aside", "nav", "body", "center", "caption", "details", "summary",
}


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
        """Running text: `<sup>` digits and footnote links as superscripts, `<br>` as a line break."""
        parts: list[str] = [_ws(el.text)] if own_text else []
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "br":
                parts.append(BR)
            elif tag and self._marker(child) is not None:
                parts.append(superscript(self._marker(child) or 0))
            elif tag:
                parts.append(self.inline(child))
            parts.append(_ws(child.tail))
        return "".join(parts)

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
            found = [_SUP_RUN.sub("", t) for t in self.inline(el).split(BR) if clean_line(t)]
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
            self.sink.paragraph(bold_markup(text) if self._all_bold(el) else text)

    def children(self, el: Any) -> None:
        """Walk block children; loose inline runs between them become paragraphs."""
        run: list[str] = [_ws(el.text)]
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _HTML_BLOCKS or (tag and _has_class(child, self.header_classes)):
                self.sink.paragraph("".join(run))
                run = []
                self.walk(child)
            elif tag == "br":
                run.append(BR)
            elif tag and self._marker(child) is not None:
                run.append(superscript(self._marker(child) or 0))
            elif tag:
                run.append(self.inline(child))
            run.append(_ws(child.tail))
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
            self.signatories.append(f"{role}|{name}")


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


_NOTE_CONTAINERS = {"div", "section", "aside", "footer", "ol", "ul", "dl", "table", "article"}


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


def xml_root_name(data: bytes) -> str | None:
    """Local name of the first element of an XML document (after prolog, comments, doctype)."""
    m = re.match(rb"\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)",
                 data[:4096].lstrip(b"\xef\xbb\xbf"), re.DOTALL)
    return m.group(2).decode("ascii", "replace") if m else None
