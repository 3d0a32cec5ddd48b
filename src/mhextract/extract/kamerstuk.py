"""Kamerstuk citations: `Kamerstuk 28 638, nr. 204`, `Kamerstukken II 2023/24, 28 638, nr. 229`, `34 091, M`.

Find, then resolve (eyecite style): `scan_citations` finds raw matches of one
grammar (built below from the word lists in `models/kamerstuk.json`), each with
its offsets; `resolve_citation` turns a match into normalised ids
(`28638-207`, `35925-VI-118`, `34091-M`, bare `28638`); `find_kamerstukken`
groups them into one `KamerstukRef` per id with all mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import Ranges, doc_text, publish
from mhextract.analysis.patterns import DIGIT_RUN, alternation, finditer_at, scan, starts_of
from mhextract.ingest.kst_header import kst_id, locate_kst_header
from mhextract.paths import load_json
from mhextract.record.model import KamerstukRef, Metadata, Span

DATA_FILE = "kamerstuk.json"
# End of a number or letter: no word character may follow, except a glued superscript footnote marker.
END = r"(?![^\W\u00b2\u00b3\u00b9\u2070-\u209f])"


def _word(w: str) -> str:
    """A literal separator; alphabetic ones must end at a word boundary (`en`, not `enkele`)."""
    pat = re.escape(w).replace(r"\ ", r"\s+")
    return pat + r"(?![\w])" if w[-1].isalpha() else pat


@dataclass(frozen=True)
class Grammar:
    """The compiled citation grammar and the word lists it was built from."""

    citation: re.Pattern[str]
    opening: re.Pattern[str]  # the words a citation can open with: a keyword, a chamber named alone
    machine: re.Pattern[str]
    dossier: re.Pattern[str]
    number: re.Pattern[str]
    nota: re.Pattern[str]
    data: dict[str, Any] = field(hash=False, compare=False)


@cache
def grammar() -> Grammar:
    """Build the citation grammar once from `models/kamerstuk.json`."""
    d = load_json(DATA_FILE)
    sp = r"[ \u00a0\u202f]"
    core = rf"\d{{2}}{sp}?\d{{3}}(?!\d)"
    suffix = rf"(?:{alternation(d['dossier_suffixes'], spaces=True)})(?![\w])"
    numwords = rf"(?:{alternation(d['number_words'], spaces=True)})"
    letter = d["eerste_kamer_letter"]
    num = rf"(?:\d{{1,4}}[a-z]?|{letter}){END}"
    next_num = rf"{num}(?!{sp}?\d{{3}}(?!\d))"
    seps = "|".join(_word(s) for s in sorted(d["list_separators"], key=len, reverse=True) if s != ",")
    sep = rf"(?:\s*,\s*|\s*(?:{seps})\s*)"
    num_look = rf"(?=\s*,?\s*{numwords}\.?\s*\w|\s?[-–]\s?\d)"
    suffix_part = rf"(?:{sp}|\s?[-–]\s?)(?:{suffix}|\d{{1,3}}(?!\d){num_look})"
    dossier = rf"(?<![\w/.\-–]){core}(?:{suffix_part})?"
    session = r"(?:19|20)\d{2}\s?[/–-]\s?(?:\d{4}|\d{2})(?!\d)"
    chamber = rf"(?:{alternation(list(d['chambers']), spaces=True)})(?![\w])"
    chamber_alone = rf"(?:{alternation(d['chambers_without_keyword'], spaces=True)})(?![\w])"
    prefix = (
        rf"(?:(?P<kw>{alternation(d['keywords'], spaces=True)})(?![a-z])(?:\s+(?P<ch>{chamber}))?"
        rf"|(?P<ch2>{chamber_alone})(?=\s*,?\s*{session}))"
        rf"(?:\s*,?\s*(?P<session>{session}))?\s*,?\s*"
    )
    numpart = (
        rf"(?:\s*,?\s*{numwords}\.?\s*(?P<nums>{num}(?:{sep}{next_num})*)"
        rf"|\s*,\s*(?P<letter>{letter}){END}"
        rf"|{sp}(?P<pair>[A-Z]{{2}}){END}"  # `Kamerstukken I, 2017/18 30 880 AA`: a two-letter EK number, no comma
        rf"|{sp}?[-–]{sp}?(?P<mnum>\d{{1,4}}[a-z]?){END}(?!{sp}?\d{{3}}))"
    )
    # `31 839/28 638, nr. 166`: one document of two dossiers, joined by a slash
    joint = rf"{sp}?/{sp}?{core}(?:{suffix_part})?"
    dossiers = rf"(?P<dossiers>{dossier}(?:(?:\s*[,&]\s*|\s+{re.escape(d['dossier_and'])}\s+){dossier}|{joint})*)"
    citation = rf"(?:{prefix})?{dossiers}(?P<num>{numpart})?"
    machine = (
        rf"(?<![\w])(?:{alternation(d['machine_prefixes'], spaces=True)})(?P<core>\d{{5}})"
        rf"(?:-(?P<suf>{suffix}|\d{{1,3}}(?=-\w)))?-(?P<n>\d{{1,4}}[a-z]?|{letter}){END}"
    )
    one_dossier = rf"(?P<core>{core})(?:(?P<sep>{sp}|\s?[-–]\s?)(?P<suf>{suffix}|\d{{1,3}}(?!\d)))?"
    one_number = rf"(?P<sep>{sep})?(?P<n>\d{{1,4}}[a-z]?|{letter})"
    # an Eerste Kamer nota dossier cited with its session and letter: `(2012–2013, CII, B)`
    nota = rf"\((?P<session>{session}),\s*(?P<core>C[CDLXVI]{{1,6}}),\s*(?P<n>{letter})\)"
    return Grammar(
        nota=re.compile(nota),
        citation=re.compile(citation),
        opening=re.compile(alternation([*d['keywords'], *d['chambers_without_keyword']], spaces=True)),
        machine=re.compile(machine),
        dossier=re.compile(one_dossier),
        number=re.compile(one_number),
        data=d,
    )


@dataclass(frozen=True)
class Citation:
    """One resolved id from one citation in the text, with the citation's offsets."""

    id: str
    dossier: str
    suffix: str | None
    number: str | None
    chamber: str | None
    session: str | None
    start: int
    end: int


def normalise_session(raw: str | None) -> str | None:
    """`2019–2020` / `2019/2020` / `2023/24` -> `2019/20`, `2023/24`."""
    if not raw:
        return None
    m = re.match(r"(\d{4})\s?[/–-]\s?(\d{2,4})", raw)
    if not m:
        return None
    return f"{m.group(1)}/{m.group(2)[-2:]}"


def url_for(kid: str, number: str | None) -> str | None:
    """Official URL of a numbered Kamerstuk; a bare dossier has no document URL."""
    if not number:
        return None
    return str(grammar().data["url_template"]).format(id=kid)


def _chamber(raw: str | None) -> str | None:
    if not raw:
        return None
    key = re.sub(r"\s+", " ", raw)
    chambers: dict[str, str] = grammar().data["chambers"]
    return chambers.get(key)


def _numbers(nums: str) -> list[str]:
    """Document numbers of a list such as `184 en 203`, `3, 4 en 5`, `3-5` (ranges expanded)."""
    g = grammar()
    ranges = {re.sub(r"\s+", " ", s) for s in g.data["range_separators"]}
    out: list[str] = []
    for m in g.number.finditer(nums):
        n = m.group("n")
        sep = re.sub(r"\s+", " ", (m.group("sep") or "").strip())
        if sep in ranges and out and out[-1].isdigit() and n.isdigit():
            lo, hi = int(out[-1]), int(n)
            if 0 < hi - lo <= int(g.data["max_range"]):
                out.extend(str(i) for i in range(lo + 1, hi + 1))
                continue
        out.append(n)
    return out


def _looks_like_amount(text: str, start: int, end: int) -> bool:
    """A number preceded by `€` or followed by `euro`/`miljoen`/`fte` is an amount, not a dossier."""
    d = grammar().data
    before = text[max(0, start - 6) : start].strip()
    if any(before.endswith(m) for m in d["amount_markers_before"]):
        return True
    after = text[end : end + 12].lstrip().lower()
    return any(re.match(re.escape(m) + r"(?![a-z])", after) for m in d["amount_markers_after"])


def resolve_citation(m: re.Match[str], text: str) -> list[Citation]:
    """Turn one grammar match into its ids; [] when the match is not a real citation (one that runs
    across a paragraph break: `ID: 35394-48` / `Nr. 48 BRIEF ...` is a page's id line and a header)."""
    if "\n\n" in m.group(0):
        return []
    g = grammar()
    keyworded = bool(m.group("kw") or m.group("ch2") or m.group("session"))
    if m.group("pair") and not keyworded:
        return []  # `30 880 AA` alone may be anything; after `Kamerstukken I, 2017/18` it is a number
    has_number = bool(m.group("nums") or m.group("letter") or m.group("mnum") or m.group("pair"))
    dossiers = list(g.dossier.finditer(m.group("dossiers")))
    if not has_number and not keyworded:
        lone = dossiers[0] if len(dossiers) == 1 else None
        hyphen_roman = bool(lone and lone.group("suf") and "-" in (lone.group("sep") or "")
                            and not lone.group("suf").isdigit())
        if not hyphen_roman:
            return []
    if not keyworded and _looks_like_amount(text, m.start(), m.end()):
        return []
    if not keyworded and re.fullmatch(r"(?:19|20)\d{2}", m.group("mnum") or ""):
        return []  # `12345-2023`: a case number with a year, not a Kamerstuk
    if m.group("nums"):
        numbers: list[str | None] = list(_numbers(m.group("nums")))
    else:
        numbers = [m.group("letter") or m.group("mnum") or m.group("pair")]
    chamber = _chamber(m.group("ch") or m.group("ch2"))
    session = normalise_session(m.group("session"))
    out: list[Citation] = []
    for dm in dossiers:
        dossier = re.sub(r"\D", "", dm.group("core"))
        suffix = dm.group("suf")
        for number in numbers:
            ch = chamber or (grammar().data["first_chamber"] if number and number.isupper() else None)
            out.append(Citation(kst_id(dossier, suffix, number), dossier, suffix, number, ch, session,
                                m.start(), m.end()))
    return out


def _resolve_machine(m: re.Match[str]) -> list[Citation]:
    dossier, suffix, number = m.group("core"), m.group("suf"), m.group("n")
    ch = grammar().data["first_chamber"] if number.isupper() else None
    return [Citation(kst_id(dossier, suffix, number), dossier, suffix, number, ch, None, m.start(), m.end())]


def scan_citations(text: str) -> list[Citation]:
    """Every resolved citation in `text`, in order; machine forms (`kst-28638-188`) included."""
    g = grammar()
    found: list[Citation] = []
    machine = list(scan(g.machine, text))
    for m in machine:
        found.extend(_resolve_machine(m))
    for m in g.nota.finditer(text):
        found.append(Citation(kst_id(m.group("core"), None, m.group("n")), m.group("core"), None, m.group("n"),
                              str(g.data["first_chamber"]), normalise_session(m.group("session")),
                              m.start() + 1, m.end() - 1))
    taken = Ranges(m.span() for m in machine)
    for m in citation_matches(text):
        if taken.overlaps(m.start(), m.end()):
            continue
        found.extend(resolve_citation(m, text))
    return sorted(found, key=lambda c: (c.start, c.id))


def citation_matches(text: str) -> Iterator[re.Match[str]]:
    """`grammar().citation.finditer(text)`, tried only where a citation can start: a match opens with a
    keyword, a chamber named alone or a dossier number (a digit after a non-word character: a digit run's
    first). Two quick scans find those few places (trying the grammar at every character costs more)."""
    g = grammar()
    starts = {m.start() for m in DIGIT_RUN.finditer(text)} | set(starts_of(g.opening, text))
    return finditer_at(g.citation, text, sorted(starts))





def find_header_kamerstukken(text: str) -> list[Citation]:
    """The letter's own number from an official header (`28 638 Mensenhandel` ... `Nr. 183`).

    The header forms are known in one place, `ingest.kst_header` (which also gives the readers'
    and the normaliser's own ids); here its parts get their offsets in the letter text.
    """
    g = grammar()
    lines = text[: int(g.data["header_scan_chars"])].split("\n")
    found = locate_kst_header(lines)
    if found is None or found[1].number is None:
        return []
    header, place = found
    number_line, _, number_end = found[1].number
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    first_chamber = str(g.data["first_chamber"])
    chamber = first_chamber if (header.chamber or "").startswith(first_chamber) else None
    session = normalise_session(header.session)
    number_start = starts[number_line] + found[1].number[1]
    number_end = starts[number_line] + number_end
    # two mentions each: the dossier number and the document number, not the lines between them (the
    # dossier's title, `... voor het jaar 2013`, is text the other components read)
    return [Citation(kst_id(core, suffix, header.number), core, suffix, header.number, chamber, session, s, e)
            for (core, suffix, _), (line, start, end) in zip(header.dossiers, place.dossiers, strict=True)
            for s, e in ((starts[line] + start, starts[line] + end), (number_start, number_end))]


def group_citations(citations: list[Citation]) -> list[KamerstukRef]:
    """One `KamerstukRef` per distinct id, in order of first mention, with every mention."""
    refs: dict[str, KamerstukRef] = {}
    for c in citations:
        ref = refs.get(c.id)
        if ref is None:
            ref = KamerstukRef(id=c.id, dossier=c.dossier, suffix=c.suffix, number=c.number,
                               chamber=c.chamber, session=c.session, url=url_for(c.id, c.number))
            refs[c.id] = ref
        ref.chamber = ref.chamber or c.chamber
        ref.session = ref.session or c.session
        if not any(s.start == c.start and s.end == c.end for s in ref.mentions):
            ref.mentions = [*ref.mentions, Span(start=c.start, end=c.end)]
    return list(refs.values())


def find_kamerstukken(text: str, own_ids: str | list[str] | None = None) -> list[KamerstukRef]:
    """All Kamerstuk references of a letter, one per id; the letter's own ids are marked `own`.

    Own ids come from the header (`28 638 Mensenhandel` ... `Nr. 183`) or from `own_ids`
    (metadata, site pages); an id that the letter also cites in its text is a citation, not `own`.
    """
    stated = [own_ids] if isinstance(own_ids, str) else list(own_ids or [])
    header = find_header_kamerstukken(text)
    header_spans = [(c.start, c.end) for c in header]
    cited = [c for c in scan_citations(text) if not any(s < c.end and c.start < e for s, e in header_spans)]
    refs = group_citations(sorted(header + cited, key=lambda c: (c.start, c.id)))
    cited_ids = {c.id for c in cited}
    for ref in refs:
        ref.own = ref.id in {c.id for c in header} and ref.id not in cited_ids
    for own_id in stated:
        if own_id not in {r.id for r in refs}:
            own = ref_from_id(own_id)
            own.own = True
            refs.append(own)
    return refs


def ref_from_id(kid: str) -> KamerstukRef:
    """A mention-less `KamerstukRef` from a normalised id such as `28638-183` or `35925-VI-118`."""
    parts = kid.split("-")
    dossier = parts[0]
    number = parts[-1] if len(parts) > 1 else None
    suffix = "-".join(parts[1:-1]) or None
    return KamerstukRef(id=kid, dossier=dossier, suffix=suffix, number=number, url=url_for(kid, number))


class KamerstukComponent(CarriesData):
    """spaCy component: fills `doc._.kamerstukken` and the `kamerstukken` span group."""

    factory = "mh_kamerstukken"

    def __call__(self, doc: Doc) -> Doc:
        metadata: Metadata | None = doc._.metadata
        own = doc._.own_kamerstukken or ([metadata.kamerstuk] if metadata and metadata.kamerstuk else [])
        refs = find_kamerstukken(doc_text(doc), own)
        return publish(doc, "kamerstukken", refs, lambda r: r.id)


@Language.factory("mh_kamerstukken", assigns=["doc._.kamerstukken"])
def make_kamerstuk_component(nlp: Language, name: str) -> KamerstukComponent:
    """Factory for the Kamerstuk citation component."""
    return KamerstukComponent()
