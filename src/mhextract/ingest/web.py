"""Text pasted from a parliament website: tweedekamer.nl, zoek.officielebekendmakingen.nl, berthub.eu/tkconv.

A pasted page is the letter wrapped in site chrome: menus, breadcrumbs, "Naar boven",
"Preview document", version and timestamp lines, activity lists. The reader
1. finds where the letter starts (after tkconv's "Preview document", after
   tweedekamer.nl's `Brief regering : <subject>`, after OEP's "U bent hier" table,
   at the first Kamerstuk header / addressee / `Den Haag, <date>` line) and where the
   page footer starts ("Naar boven", "Contact", "©");
2. keeps from the chrome only what identifies the letter, as `margin` lines and
   hints: tkconv's `Nummer: 2022D04614, datum: 2022-02-07`, `officiële HTML versie
   (kst-28638-206)`, `Onderdeel van kamerstukdossier 28638 -206`, `Eerste/Mede
   ondertekenaar: <name>, <role>`, tweedekamer.nl's `Brief regering : <subject>`, the
   OEP table row `Tweede Kamer der Staten-Generaal | 2021-2022 | 28638 nr. 206 | ...`;
3. turns the Kamerstuk header at the top of the letter (`Tweede Kamer der Staten-
   Generaal / Vergaderjaar / 28 638 Mensenhandel / 31 015 ... / Nr. 206 BRIEF VAN ...`)
   into `margin` lines and the letter's own ids and sender as hints;
4. takes the footnotes printed after the letter (`1 text` or `1` on its own line then
   the text), writes each marker glued to the body text (`voortgangsbrief1`,
   `november 20182`) as a marker of its line (`RawLine.markers`), in footnote order;
   superscript digits the paste holds (`¹`) are markers too (`lines.read_superscripts`).
Footnotes printed per page in the middle of a paste are not recognised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from mhextract.datetext import iso_date
from mhextract.errors import IngestError
from mhextract.ingest.glued_notes import NOTE_START, mark_glued, parse_notes
from mhextract.ingest.joined_scan import any_of, joined_form
from mhextract.ingest.kst_header import header_hints, kst_id, parse_kst_header
from mhextract.ingest.lines import (
    LineSink,
    clean_line,
    marked_line,
    outer_lines,
    read_superscripts,
    vocab,
)
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.ingest.text import decode_text


@cache
def _web() -> dict[str, Any]:
    web: dict[str, Any] = vocab()["web"]
    return web


@cache
def _compiled(key: str) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in _web()[key]]


@cache
def _pattern(key: str) -> re.Pattern[str]:
    return re.compile(str(_web()[key]))


@cache
def _fields() -> dict[str, re.Pattern[str]]:
    return {k: re.compile(p) for k, p in _web()["fields"].items()}


def _any(key: str, line: str) -> bool:
    return any(p.search(line) for p in _compiled(key))


@cache
def _joined_scans(key: str) -> tuple[list[tuple[re.Pattern[str], re.Pattern[str] | None]], re.Pattern[str] | None]:
    """Each pattern of `key` with its joined form (`joined_scan`), and all of them as one."""
    pairs = [(p, joined_form(p)) for p in _compiled(key)]
    return pairs, any_of(f for _, f in pairs)


def looks_like_web_paste(text: str) -> bool:
    """Two or more different site signatures in the first and last lines, or a site's title line on top.

    The title lines (`Brief regering : <subject>`, openkamer's `Kamerstuk 34300-VII-60`) open a
    page and never a letter, so one of them on the first three lines is enough.
    """
    head, tail = outer_lines(text, 120, 60)
    if any(_any("lead_signatures", t) for t in head[:3]):
        return True
    sample = head + tail  # the first 120 and the last 60 non-empty lines
    joined = "\n" + "\n".join(sample)  # one scan of all lines rules a pattern out; only a hit is checked line by line
    pairs, any_form = _joined_scans("signatures")
    if any_form is not None and not any_form.search(joined):
        return False  # no signature at all (most letters): one scan instead of one per signature
    hits = 0
    for pattern, form in pairs:
        if (form is None or form.search(joined)) and any(pattern.search(t) for t in sample):
            hits += 1
            if hits == 2:
                return True
    return False


def is_navigation(line: str) -> bool:
    """Menus, breadcrumbs, buttons and timestamp lines of the sites we know."""
    nav_lines = {t.casefold() for t in _web()["navigation_lines"]}
    return line.casefold() in nav_lines or _any("navigation_patterns", line)


# --- where the letter is -----------------------------------------------------------------------------------


def letter_bounds(lines: list[str]) -> tuple[int, int]:
    """(start, end) of the letter among stripped lines: after the top chrome, before the page footer."""
    anchor = 0
    for i, line in enumerate(lines[:400]):
        if _any("anchors", line) or _fields()["tk_subject"].match(line) or _fields()["oep_row"].match(line):
            anchor = i + 1
    start = anchor
    for i in range(anchor, min(len(lines), anchor + 60)):
        if _any("letter_start", lines[i]):
            start = i
            break
    else:
        while start < len(lines) and (not lines[start] or is_navigation(lines[start])):
            start += 1
    end = len(lines)
    for i in range(start + 1, len(lines)):
        if _any("footer_starts", lines[i]) or (_is_strong(lines[i]) and _only_chrome_after(lines, i)):
            end = i
            break
    while end > start and (not lines[end - 1] or is_navigation(lines[end - 1])):
        end -= 1
    return start, end


def _is_strong(line: str) -> bool:
    """Lines that are navigation wherever they stand ("Naar boven", "Preview document")."""
    return line.casefold() in {t.casefold() for t in _web()["strong_navigation_lines"]}


def _only_chrome_after(lines: list[str], i: int) -> bool:
    """"Naar boven" ends the letter when what follows is site chrome (or nothing)."""
    nxt = next((t for t in lines[i + 1:] if t), None)
    return nxt is None or is_navigation(nxt) or _any("footer_starts", nxt)


# --- what the chrome says ------------------------------------------------------------------------------------


@dataclass
class SiteInfo:
    """What the site states about the letter, and the chrome lines that state it."""

    hints: dict[str, str] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    kamerstukken: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)


# Chrome lines that state facts about the letter and stay in its text as margin lines: the zaak
# (a reference), the committees (organisations) and the agenda of debates on it (dates).
_KEPT_FIELDS = ("zaak", "committee", "agenda")


def site_info(chrome: list[str]) -> SiteInfo:
    """Parse the identifying lines of the chrome into hints; everything else is dropped."""
    info = SiteInfo()
    f = _fields()
    for i, line in enumerate(chrome):
        kept = any(f[name].match(line) for name in _KEPT_FIELDS)
        if m := f["title_id"].match(line):
            info.kamerstukken.append(m.group("kst"))
            info.hints.setdefault("subject", _next_title(chrome[i + 1:]))
            kept = True
        if m := f["own_id"].match(line):
            info.kamerstukken.append(m.group("kst"))
            kept = True
        if (glued := parse_kst_header([line])) is not None:  # OEP's table row pasted without separators
            info.kamerstukken.extend(glued.ids())
        if f["signer_label"].match(line) and i + 1 < len(chrome) and (v := f["signer_value"].match(chrome[i + 1])):
            name = re.sub(r"\s*\([^)]*\)\s*", " ", v.group("name")).strip()
            info.signatories.append(f"{_role(v.group('role'))}|{clean_line(name)}")
        if m := f["indiener"].match(line):
            info.signatories.extend(_indieners(m.group("list")))
            kept = True
        if m := f["tkconv_number"].search(line):
            info.hints.setdefault("document_number", m.group("document_number"))
            info.hints.setdefault("date", iso_date(m.group("date")) or "")
            info.hints.setdefault("subject", _tkconv_subject(chrome[:i]))
            line, kept = line[: m.end()], True
        elif m := f["document_number"].match(line):
            info.hints.setdefault("document_number", m.group("document_number"))
            kept = True
        elif (m := f["date_line"].match(line)) and iso_date(m.group("date")):
            info.hints.setdefault("date", iso_date(m.group("date")) or "")
            kept = True
        if m := f["tk_subject"].match(line):
            info.hints["subject"] = m.group("subject").strip()
            kept = True
        for m in f["kst_id"].finditer(line):
            info.kamerstukken.append(m.group("kst"))
            kept = True
        if m := f["dossier_part"].match(line):  # `28638 -206`, `36800 XIII-15`
            info.kamerstukken.append(kst_id("-".join(m.group("dossier").split()), None, m.group("number")))
            kept = True
        if m := f["oep_row"].match(line):
            info.kamerstukken.append(kst_id(m.group("dossier"), None, m.group("number")))
            if m.group("date") and iso_date(m.group("date")):
                info.hints.setdefault("date", iso_date(m.group("date")) or "")
            kept = True
        if m := f["signer"].match(line):
            info.signatories.append(f"{_role(m.group('role'))}|{clean_line(m.group('name'))}")
            kept = True
        if kept and line.lstrip("- ") not in info.lines:
            info.lines.append(line.lstrip("- "))
    return info


def _indieners(value: str) -> list[str]:
    """openkamer's `Indiener(s):` list, `Name (role) (party), Name , Name (role) (party)`, as `role|name` lines."""
    items, depth, current = [], 0, ""
    for ch in value:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    out = []
    for item in (i.strip() for i in items):
        m = re.match(r"^(?P<name>[^()]+?)\s*(?:\((?P<role>[^()]+)\))?\s*(?:\([^()]*\))?$", item)
        if m and m.group("name").strip():
            role = _role(m.group("role")) if m.group("role") else ""
            out.append(f"{role}|{clean_line(m.group('name'))}")
    return out


def _role(role: str) -> str:
    """`staatssecretaris van Justitie en Veiligheid` -> `De Staatssecretaris van Justitie en Veiligheid`."""
    role = clean_line(role)
    if re.match(_web()["role_article"], role, re.IGNORECASE):
        return role[0].upper() + role[1:]
    return f"{_web()['role_article_added']} {role[:1].upper()}{role[1:]}"


def _next_title(after: list[str]) -> str:
    """openkamer prints the letter's title on the first line after `Kamerstuk <id>`."""
    return next((line for line in after[:3] if line and not is_navigation(line)), "")


def _tkconv_subject(before: list[str]) -> str:
    """tkconv prints the subject as the first line after its menu."""
    for line in before:
        if line and not is_navigation(line) and not _any("signatures", line):
            return line
    return ""


# --- the letter itself ---------------------------------------------------------------------------------------


def header_region(lines: list[str]) -> tuple[int, int] | None:
    """Line range [first, last] of a Kamerstuk header at the top of the letter."""
    kh = vocab()["kst_header"]
    pats = [re.compile(kh[k]) for k in ("chamber", "session", "dossier", "number")]
    hits: list[int] = []
    for i, t in enumerate(lines[:25]):
        if t and any(p.match(t) for p in pats):
            hits.append(i)
            if pats[3].match(t):
                break  # the header ends at its `Nr.` line; a citation below (`35 830 XV, nr. 1), ...`) is text
    if not hits or parse_kst_header([lines[i] for i in hits]) is None:
        return None
    first, last = hits[0], hits[-1]
    nxt = next((j for j in range(last + 1, min(len(lines), last + 3)) if lines[j]), None)
    number_line = re.compile(kh["number"]).match(lines[last])
    if nxt is not None and number_line and not number_line.group(2).strip() and lines[nxt].isupper():
        last = nxt
    return first, last


def split_footnotes(lines: list[str]) -> tuple[int, list[tuple[int, str]]]:
    """(index where the footnotes start, [(number, text)]) at the end of the letter; (len, []) if none.

    The footnotes follow the signature, run 1..N, and at least half of them have a glued
    marker in the text before them (so a numbered list at the end is not taken for notes).
    """
    sig = max((i for i, t in enumerate(lines) if _pattern("signature_role").match(t)), default=-1)
    for i, line in enumerate(lines):
        if i <= sig or not (m := NOTE_START.match(line)) or m.group(1) != "1":
            continue
        notes = parse_notes(lines[i:])
        if notes and 2 * mark_glued(lines[:i], [n for n, _ in notes])[1] >= len(notes):
            return i, notes
    return len(lines), []


def read_web(path: Path, data: bytes, sha256: str) -> RawLetter:
    """A pasted web page into lines: site lines and header as margin, the letter, its footnotes."""
    text = decode_text(path, data).replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    lines = [clean_line(t) for t in raw_lines]
    start, end = letter_bounds(lines)
    if start >= end:
        raise IngestError(path, "pasted page holds no letter text after the site navigation")
    info = site_info(lines[:start] + lines[end:])
    body_raw = raw_lines[start:end]
    body = [clean_line(t) for t in body_raw]
    keep = [i for i, t in enumerate(body) if not _is_strong(t)]
    body_raw, body = [body_raw[i] for i in keep], [body[i] for i in keep]
    region = header_region(body)
    header_lines = body[region[0]: region[1] + 1] if region else []
    if region:
        body_raw, body = body_raw[region[1] + 1:], body[region[1] + 1:]
    cut, notes = split_footnotes(body)
    marked, _ = mark_glued([t.rstrip() for t in body_raw[:cut]], [n for n, _ in notes])
    sink = LineSink()
    for line in [*info.lines, *header_lines]:
        sink.block([line], "margin")  # one block per line: each dossier line starts a line of the text
    if sink.lines:
        sink.lines.append(RawLine(text=""))
    sink.lines.extend(marked_line(read_superscripts(t)) for t in marked)
    for number, note in notes:
        sink.note(number, note)
    hints = _hints(info, parse_kst_header(header_lines))
    return RawLetter(path=str(path), format="web", sha256=sha256, lines=sink.finish(), hints=hints)


def _hints(info: SiteInfo, header: Any) -> dict[str, str]:
    """Header hints, overridden by what the site states; own ids from both, header order first."""
    hints = header_hints(header)
    own = [*hints.get("kamerstukken_own", "").split("\n"), *info.kamerstukken]
    own = list(dict.fromkeys(k for k in own if k))
    hints.update({k: v for k, v in info.hints.items() if v})
    if info.kamerstukken:
        hints["kamerstuk"] = info.kamerstukken[0]
    if own:
        hints["kamerstukken_own"] = "\n".join(own)
        hints.setdefault("kamerstuk", own[0])
    if info.signatories:
        hints["signatories"] = "\n".join(info.signatories)
    return hints
