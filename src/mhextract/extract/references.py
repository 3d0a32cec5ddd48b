"""Other references: Handelingen, zaaknummers, document numbers, ECLI, toezeggingen, rijkswetten.

Each form is one row of `models/references.json` (a pattern with named groups and
the parts that build the id), so a new form is a data change. Find, then resolve:
`scan_references` yields raw matches with offsets, `resolve_reference` builds the
id (`handelingen` -> `II-2020/21-30-7`), `find_references` groups them into one
`Reference` per (kind, id) with every mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import Ranges, doc_text, publish
from mhextract.analysis.patterns import alternation
from mhextract.analysis.shared_words import LETTER_TEXT
from mhextract.analysis.word_starts import WordStartScanner
from mhextract.extract.kamerstuk import normalise_session
from mhextract.paths import load_json
from mhextract.record.model import Reference, Span

DATA_FILE = "references.json"


@dataclass(frozen=True)
class Form:
    """One reference form: its kind, compiled pattern and id parts."""

    kind: str
    name: str
    pattern: re.Pattern[str]
    parts: tuple[str, ...]
    upper: bool = False  # the id is upper-cased (ECLI in any letter case)
    defaults: tuple[tuple[str, str], ...] = ()  # values of id parts the text may leave out
    more: tuple[tuple[str, str], ...] = ()  # (group, id part): the group lists further values of the part
    # (`nrs. 11 en 13`: group `more`, part `nr`; `items 2, 5 en 7`: group `more_item`, part `item`)


@dataclass(frozen=True)
class RawReference:
    """One resolved reference mention."""

    kind: str
    id: str
    start: int
    end: int


@cache
def _data() -> dict[str, Any]:
    return dict(load_json(DATA_FILE))


@cache
def forms() -> tuple[Form, ...]:
    """The reference forms of `models/references.json`, compiled."""
    d = _data()
    chamber = rf"(?:{alternation(d['chambers'], spaces=True)})(?![\w])"
    out = []
    for f in d["forms"]:
        src = f["pattern"].replace("{SESSION}", d["session"]).replace("{CHAMBER}", chamber)
        out.append(Form(f["kind"], f["name"], re.compile(src), tuple(f["parts"]), bool(f.get("upper")),
                        tuple(f.get("defaults", {}).items()), tuple(f.get("more", {}).items())))
    return tuple(out)


@cache
def _scanner() -> WordStartScanner:
    """Every form's pattern (named by its index), in one pass over the words where their first words are known."""
    return WordStartScanner({str(i): form.pattern for i, form in enumerate(forms())}, prefilter=True,
                            shared=LETTER_TEXT)


def _part(m: re.Match[str], name: str) -> str | None:
    """The normalised value of one id part of a match (chamber code, session, number, literal)."""
    if name.startswith("="):
        return name[1:]
    groups = m.groupdict()
    if name == "session" and groups.get("y1"):
        return f"{groups['y1']}/{groups['y2'][-2:]}"
    value = groups.get(name)
    if value is None:
        return None
    if name == "chamber":
        chambers: dict[str, str] = _data()["chambers"]
        return chambers.get(re.sub(r"\s+", " ", value), value)
    if name == "session":
        return normalise_session(value)
    return value


def resolve_reference(form: Form, m: re.Match[str], replace: tuple[str, str] | None = None) -> RawReference:
    """Build the reference id of one match from its form's parts (one part's value replaced, if given)."""
    defaults = dict(form.defaults)
    values = ((replace[1] if replace and name == replace[0] else _part(m, name)) or defaults.get(name)
              for name in form.parts)
    parts = [p for p in values if p]
    start, end = m.span("mention") if "mention" in m.re.groupindex else m.span()
    ident = "-".join(parts)
    return RawReference(form.kind, ident.upper() if form.upper else ident, start, end)


def resolve_all(form: Form, m: re.Match[str]) -> list[RawReference]:
    """The match's id, and one more for each further number its `more` groups list (`nrs. 11 en 13`,
    `items 2, 5 en 7`)."""
    out = [resolve_reference(form, m)]
    for group, part in form.more:
        listed = m.groupdict().get(group)
        if listed:
            out.extend(resolve_reference(form, m, (part, n)) for n in re.findall(r"\d+", listed))
    return out


def scan_references(text: str) -> Iterator[RawReference]:
    """Every reference mention in `text`; earlier forms win where two overlap."""
    taken = Ranges()
    matches = _scanner().scan(text)
    for i, form in enumerate(forms()):
        for m in matches[str(i)]:
            found = resolve_all(form, m)
            if taken.overlaps(found[0].start, found[0].end):
                continue
            taken.add(found[0].start, found[0].end)
            yield from found


def find_references(text: str) -> list[Reference]:
    """One `Reference` per distinct (kind, id), in order of first mention, with every mention."""
    refs: dict[tuple[str, str], Reference] = {}
    for raw in sorted(scan_references(text), key=lambda r: r.start):
        ref = refs.setdefault((raw.kind, raw.id), Reference(kind=raw.kind, id=raw.id))  # type: ignore[arg-type]
        ref.mentions = [*ref.mentions, Span(start=raw.start, end=raw.end)]
    return list(refs.values())


class ReferencesComponent(CarriesData):
    """spaCy component: fills `doc._.references` and the `references` span group."""

    factory = "mh_references"

    def __call__(self, doc: Doc) -> Doc:
        refs = find_references(doc_text(doc))
        return publish(doc, "references", refs, lambda r: f"{r.kind}:{r.id}")


@Language.factory("mh_references", assigns=["doc._.references"])
def make_references_component(nlp: Language, name: str) -> ReferencesComponent:
    """Factory for the other-references component."""
    return ReferencesComponent()
