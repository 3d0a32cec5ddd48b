"""Word styles and list numbering for the DOCX reader: which paragraphs are headings or bold, and
the written-out numbers of automatic lists (`1.`, `a)`, `iv.`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from mhextract.ingest.lines import vocab

_TRUE = {None, "1", "true", "on"}


def is_on(el: Any) -> bool | None:
    """A toggle property (`<w:b/>`, `<w:b w:val="0"/>`): True, False, or None when absent."""
    if el is None:
        return None
    return el.get(qn("w:val")) in _TRUE


# --- styles and numbering ---------------------------------------------------------------------------------


@dataclass
class Style:
    """What the reader needs of a paragraph or character style, base styles resolved."""

    name: str = ""
    heading: int | None = None
    bold: bool | None = None
    num: tuple[str, int] | None = None  # (numId, ilvl)


class Styles:
    """Style lookup by id with `basedOn` inheritance."""

    def __init__(self, document: Any) -> None:
        self.raw: dict[str, Any] = {}
        try:
            root = document.styles.element
        except Exception:  # a document without a styles part
            root = None
        if root is not None:
            for st in root.iter(qn("w:style")):
                sid = st.get(qn("w:styleId"))
                if sid:
                    self.raw[sid] = st
        self.cache: dict[str, Style] = {}
        v = vocab()["docx"]
        self.heading_words = tuple(v["heading_style_words"])
        self.title_words = tuple(v["title_styles"])

    def get(self, sid: str | None, depth: int = 0) -> Style:
        """The resolved style for an id ('' or unknown -> empty style)."""
        if not sid or sid not in self.raw or depth > 20:
            return Style()
        if sid in self.cache:
            return self.cache[sid]
        st = self.raw[sid]
        base_el = st.find(qn("w:basedOn"))
        base = self.get(base_el.get(qn("w:val")) if base_el is not None else None, depth + 1)
        name_el = st.find(qn("w:name"))
        name = (name_el.get(qn("w:val")) if name_el is not None else sid) or sid
        resolved = Style(name=name, heading=self._heading(st, name), bold=base.bold, num=base.num)
        if resolved.heading is None:
            resolved.heading = base.heading
        bold = is_on(st.find(f"{qn('w:rPr')}/{qn('w:b')}"))
        if bold is not None:
            resolved.bold = bold
        num = st.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num is not None:
            resolved.num = num_pr(num) or resolved.num
        self.cache[sid] = resolved
        return resolved

    def _heading(self, st: Any, name: str) -> int | None:
        """Heading level from the style name (`heading 2`, `Kop 2`, `Title`) or its outline level."""
        low = name.lower()
        m = re.match(rf"^(?:{'|'.join(self.heading_words)})\s*(\d)$", low)
        if m:
            return int(m.group(1))
        if low in self.title_words:
            return 1
        lvl = st.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if lvl is not None and (lvl.get(qn("w:val")) or "").isdigit() and int(lvl.get(qn("w:val"))) < 9:
            return int(lvl.get(qn("w:val"))) + 1
        return None


def num_pr(el: Any) -> tuple[str, int] | None:
    """(numId, ilvl) of a `w:numPr`; None for numId 0 (numbering switched off)."""
    num_id = el.find(qn("w:numId"))
    ilvl = el.find(qn("w:ilvl"))
    nid = num_id.get(qn("w:val")) if num_id is not None else None
    if not nid:
        return None
    level = ilvl.get(qn("w:val")) if ilvl is not None else "0"
    return nid, int(level) if level and level.isdigit() else 0


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class Numbering:
    """Automatic list numbers, counted per abstract list as Word does (roughly)."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.abstract_of: dict[str, str] = {}
        self.start_override: dict[tuple[str, int], int] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part
            return
        for ab in root.iter(qn("w:abstractNum")):
            aid = ab.get(qn("w:abstractNumId")) or ""
            self.levels[aid] = {int(lv.get(qn("w:ilvl")) or 0): self._level(lv) for lv in ab.iter(qn("w:lvl"))}
        for num in root.iter(qn("w:num")):
            nid = num.get(qn("w:numId")) or ""
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self.abstract_of[nid] = ref.get(qn("w:val")) or ""
            for ov in num.iter(qn("w:lvlOverride")):
                so = ov.find(qn("w:startOverride"))
                if so is not None and (so.get(qn("w:val")) or "").isdigit():
                    self.start_override[(nid, int(ov.get(qn("w:ilvl")) or 0))] = int(so.get(qn("w:val")))

    @staticmethod
    def _level(lv: Any) -> Level:
        def val(tag: str) -> str | None:
            el = lv.find(qn(tag))
            return el.get(qn("w:val")) if el is not None else None

        start = val("w:start")
        return Level(fmt=val("w:numFmt") or "decimal", text=val("w:lvlText") or "",
                      start=int(start) if start and start.isdigit() else 1)

    def label(self, num: tuple[str, int] | None) -> str:
        """The number text of the next item of a list (`2.`, `b)`), '' for bullets and no list."""
        if num is None or num[0] not in self.abstract_of:
            return ""
        nid, ilvl = num
        aid = self.abstract_of[nid]
        levels = self.levels.get(aid, {})
        counters = self.counters.setdefault(aid, {})
        if nid not in self.started:
            self.started.add(nid)
            for (onid, olvl), start in self.start_override.items():
                if onid == nid:
                    counters[olvl] = start - 1
        lvl = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lvl.fmt in ("bullet", "none") or not lvl.text:
            return ""

        def repl(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            level = levels.get(k, Level())
            return format_number(counters.get(k, level.start), level.fmt)

        return re.sub(r"%(\d)", repl, lvl.text)


def format_number(n: int, fmt: str) -> str:
    """Render a list counter in Word's number format."""
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(97 + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
                (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out = ""
        for v, sym in vals:
            while n >= v:
                out, n = out + sym, n - v
        return out.upper() if fmt == "upperRoman" else out
    return str(n)
