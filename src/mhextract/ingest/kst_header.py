"""The Kamerstuk header (chamber, session, dossier lines, `Nr. N TITLE`) and the hints it gives.

The one header parser: every header form is known here (patterns in `models/formats.json`,
`kst_header`). Read from the header lines of any format (OEP XML and HTML, DOCX, pasted
pages, the normalised letter): the letter's own id(s), one per dossier, and the sending
ministries named in a `BRIEF VAN DE MINISTER VAN ...` title. `locate_kst_header` also says
where the dossier and document numbers stand, which the Kamerstuk component turns into offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from mhextract.ingest.lines import SUP_RUN, clean_line, vocab


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
    """Read a Kamerstuk header from its lines; None when the lines hold no dossier + `Nr.` pair.

    Forms: dossier line(s) then `Nr. 206 BRIEF ...` (or old `nr. 6`); an Eerste Kamer letter
    id (`P BRIEF VAN ...`, `F` then `BRIEF AAN ...`); dossier, number and title on one line
    (`30800 X 109 Brief van ...`); the officielebekendmakingen table row glued together.
    """
    found = locate_kst_header(lines)
    return found[0] if found else None


@dataclass
class HeaderPlace:
    """Where a header's parts stand in the lines given: (line index, start, end) of each dossier's
    number and of the document number (for the `Nr.` form; None for the one-line forms)."""

    dossiers: list[tuple[int, int, int]] = field(default_factory=list)
    number: tuple[int, int, int] | None = None


def locate_kst_header(lines: list[str]) -> tuple[KstHeader, HeaderPlace] | None:
    """`parse_kst_header`, with where the dossier numbers and the document number stand."""
    res = _header_res()
    texts: list[str] = []
    index: list[int] = []
    for n, line in enumerate(lines):
        if t := clean_line(SUP_RUN.sub("", line)):
            texts.append(t)
            index.append(n)
    header = KstHeader()
    pending: list[tuple[str, str | None, str]] = []
    places: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        if m := res["oep_row_glued"].search(text):
            return KstHeader(chamber=None, session=m.group(1), dossiers=[(m.group(2), m.group(3), "")],
                             number=m.group(4)), HeaderPlace()
        if not pending and (m := res["one_line"].match(text)):
            return KstHeader(dossiers=[(m.group(1).replace(" ", ""), m.group(2), "")], number=m.group(3),
                             title=m.group(4)), HeaderPlace()
        if pending and (letter := _ek_letter(texts, i)):
            header.dossiers, header.number, header.title = pending, letter[0], letter[1]
            return header, HeaderPlace(places)
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
            return header, HeaderPlace(places, (index[i], *number.span(1)))
        dossier = res["dossier"].match(text)
        if dossier:
            pending.append((dossier.group(1).replace(" ", ""), dossier.group(2), dossier.group(3) or ""))
            places.append((index[i], *dossier.span(1)))
        elif pending and res["between"].match(text):
            continue  # `Aan de Voorzitter ...`, `Den Haag, 31 maart 2022` before the `Nr.` line
        elif pending and not pending[-1][2]:
            core, suffix, _ = pending[-1]
            pending[-1] = (core, suffix, text)  # `29 279` with its title on the next line
        elif pending and _continues_title(pending[-1][2], text):
            core, suffix, title = pending[-1]
            pending[-1] = (core, suffix, f"{title} {text}")  # a long law title wrapped over two lines
        elif pending:
            pending, places = [], []  # dossier lines must run straight into the `Nr.` line
    return None


def _continues_title(title: str, text: str) -> bool:
    """A dossier title's wrapped rest: a line opening in lowercase, or any line after a title cut at a comma
    or hyphen (`Wijziging van de Wet op de kansspelen, de Wet ... en enkele andere` / `wetten in verband ...`)."""
    return text[:1].islower() or title.endswith((",", "-"))


def _ek_letter(texts: list[str], i: int) -> tuple[str, str | None] | None:
    """An Eerste Kamer letter id after the dossier lines: `P BRIEF VAN ...`, or `F` with the title next."""
    m = _header_res()["ek_letter"].match(texts[i])
    if m is None:
        return None
    if m.group(2):
        return m.group(1), m.group(2)
    nxt = texts[i + 1] if i + 1 < len(texts) else ""
    if _header_res()["title_start"].match(nxt):
        return m.group(1), nxt
    return None


def _title_case(words: str) -> str:
    """`VOLKSGEZONDHEID, WELZIJN EN SPORT` -> `Volksgezondheid, Welzijn en Sport`."""
    small = set(vocab()["kst_header"]["small_words"])
    out = []
    for i, word in enumerate(words.lower().split()):
        out.append(word if (i and word in small) else "-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


def sender_from_title(title: str | None) -> list[str]:
    """Ministries named in a `BRIEF VAN DE MINISTER(S)/STAATSSECRETARIS(SEN) VAN ...` title, in order."""
    if not title:
        return []
    m = _header_res()["sender_title"].match(clean_line(title).upper())
    if not m:
        return []
    kh = vocab()["kst_header"]
    found = []
    for part in _header_res()["portfolio"].finditer(m.group(1)):
        if part.group(1) == kh["portfolio_of"]:
            found.append(str(kh["ministry"]).format(_title_case(part.group(2))))
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
