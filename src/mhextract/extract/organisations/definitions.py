"""The letter's own definitions, `Full Name (ABBR)` / `Full Name (hierna: [de] Alias)`, and later uses of aliases."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from mhextract.analysis.extensions import Ranges, overlaps
from mhextract.analysis.patterns import alternation, finditer_not_after
from mhextract.extract.organisations.keys import Keys
from mhextract.extract.organisations.known import canonical_key, gazetteer
from mhextract.extract.organisations.mentions import OrgMention
from mhextract.extract.organisations.names import norm
from mhextract.extract.organisations.tokens import is_capword, sentence_initial
from mhextract.extract.organisations.wordlists import heads, rules, word_set

_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9&'’.-]{0,10}")
_BARE = re.compile(r"\(\s*(?P<alias>[A-Za-z0-9&'’.-]{2,12})\s*\)")



@cache
def _hierna() -> re.Pattern[str]:
    """`(hierna: [de] Alias)`, `(hierna te noemen het Alias)`: the alias a letter defines for a name."""
    intro, articles = rules()["alias_intro"], alternation(rules()["definite_articles"])
    return re.compile(rf"\(\s*{intro}\s*:?\s*(?:(?:{articles})\s+)?(?P<alias>[^()\n]{{1,60}}?)\s*\)", re.IGNORECASE)

@dataclass(frozen=True)
class Definition:
    """`Full Name (hierna: Alias)` or `Full Name (ABBR)`: where the alias and the name end."""

    alias: str
    alias_start: int
    alias_end: int
    full_end: int  # offset where the defined name ends (before the parenthesis)
    hierna: bool


def find_definitions(text: str) -> list[Definition]:
    """`X (hierna: [de] Alias)` and `X (ABBR)` where ABBR looks like an abbreviation."""
    found: list[Definition] = []
    for m in _hierna().finditer(text):
        alias = m.group("alias").strip()
        if alias[:1].isupper() or alias[:1].isdigit():
            found.append(Definition(alias, m.start("alias"), m.start("alias") + len(alias),
                                    len(text[: m.start()].rstrip()), True))
    for m in _BARE.finditer(text):
        alias = m.group("alias")
        capitals = sum(c.isupper() for c in alias)
        if capitals >= 2 and _ACRONYM.fullmatch(alias) and not alias.isdigit():
            found.append(Definition(alias, m.start("alias"), m.end("alias"),
                                    len(text[: m.start()].rstrip()), False))
    return sorted(found, key=lambda d: d.alias_start)


def _full_name_before(doc: Doc, end: int) -> tuple[int, int] | None:
    """The capitalised name that ends at `end` (before a parenthesis), found backwards."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return None
    connectors = word_set("connectors")
    i, first = span.end - 1, None
    while i >= 0 and span.end - i <= 12:
        tok = doc[i]
        if tok.is_space or tok.text.capitalize() in word_set("document_words"):
            break  # `GEANNOTEERDE AGENDA RAAD WERKGELEGENHEID ... (WSBVC)`: the document's words are no name
        if is_capword(tok) or (tok.text.endswith("-") and tok.text[:1].isupper()):
            first = i
            if sentence_initial(tok):
                break
        elif not (tok.lower_ in connectors and tok.text == tok.lower_):
            break
        i -= 1
    if first is None:
        return None
    return doc[first].idx, end


def link_definitions(text: str, doc: Doc, definitions: Sequence[Definition], chosen: Sequence[OrgMention],
                     model: Sequence[OrgMention], keys: Keys) -> list[OrgMention]:
    """Resolve each definition to the body it names; returns new mentions (full names, aliases)."""
    by_end = {m.end: m for m in chosen}
    new: list[OrgMention] = []
    heads_text = {h.text.lower() for h in heads()}
    suffixes = [s["suffix"] for s in rules()["suffix_heads"]]
    for d in definitions:
        alias_key = canonical_key(f"u:{norm(d.alias)}")
        if alias_key.startswith("g:") and not written_as_known(d.alias, gazetteer()[int(alias_key[2:])].names):
            alias_key = f"u:{norm(d.alias)}"  # `Ruimte voor de Rivier (RvdR)` is not the gazetteer's `Rvdr`
        full = by_end.get(d.full_end)
        if full is None:
            rng = _full_name_before(doc, d.full_end)
            if rng is None:
                continue
            full_text = text[rng[0]:rng[1]]
            words = {w.lower() for w in re.findall(r"[\w-]+", full_text)}
            named = bool(
                words & heads_text
                or any(w.endswith(s) for w in words for s in suffixes)
                or any(overlaps([(m.start, m.end)], *rng) for m in model)
            )
            if (alias_key.startswith("g:") and not named and _abbreviates(d.alias, full_text)
                    and not _names_entry(full_text, alias_key)):
                # `Infectieuze Laryngotracheïtis (ILT)`: the letter's own meaning of a known abbreviation
                new.append(OrgMention(d.alias_start, d.alias_end, d.alias, alias_key, "redefined"))
                continue
            org_like = named or alias_key.startswith("g:")
            if not org_like or overlaps([(m.start, m.end) for m in chosen], *rng):
                continue
            full = OrgMention(rng[0], rng[1], full_text, canonical_key(f"u:{norm(full_text)}"), "definition")
            new.append(full)
        alias_key = _bound_alias_key(full, alias_key)
        keys.union(full.key, alias_key)
        new.append(OrgMention(d.alias_start, d.alias_end, d.alias, alias_key, "alias"))
    return new


def _abbreviates(alias: str, full_text: str) -> bool:
    """True when the abbreviation's letters occur in order in the words before it, the first one first
    (`Infectieuze Laryngotracheïtis (ILT)`, `Stabiliteits- en Groeipact (SGP)`): a definition, not a name
    followed by a party or body (`Westerveld (GL)`)."""
    letters = [c.lower() for c in alias if c.isalpha()]
    text = full_text.lower()
    if not letters or not text.startswith(letters[0]):
        return False
    at = 0
    for c in letters:
        at = text.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


def _names_entry(full_text: str, key: str) -> bool:
    """True when the words before an abbreviation are a name of the known body it stands for (any case)."""
    return norm(full_text) in {norm(n) for n in gazetteer()[int(key[2:])].names}


def written_as_known(alias: str, names: Sequence[str]) -> bool:
    """True when a one-word abbreviation is written as a known body writes it (as listed, Capitalised or
    UPPER, the forms the gazetteer matches); abbreviations differ by their capitals (`RvdR` is not
    `Rvdr`, the Raad voor de rechtspraak), so a letter that defines another one names another thing.
    Longer aliases match in any case."""
    if len(alias.split()) > 1:
        return True
    return any(alias in (n, n[:1].upper() + n[1:], n.upper()) for n in names if len(n.split()) == 1)


def _bound_alias_key(full: OrgMention, alias_key: str) -> str:
    """The key an abbreviation gets from its definition: the defined body's own key when the
    abbreviation otherwise names another known body. Two known bodies are never merged, and a
    portfolio abbreviation after a body that is no ministry (`de vaste commissie voor Sociale Zaken
    en Werkgelegenheid (SZW)`) is that body's short name, not the ministry's."""
    if not alias_key.startswith("g:") or alias_key == full.key:
        return alias_key
    portfolio = gazetteer()[int(alias_key[2:])].kind == "ministry" and full.kind != "ministry"
    return full.key if full.key.startswith("g:") or portfolio else alias_key


def alias_mentions(
    text: str, aliases: dict[str, tuple[str, int]], taken: Sequence[tuple[int, int]],
) -> list[OrgMention]:
    """Later uses of a defined short name (`de Afdeling`, `Lovitura`), case-sensitive, whole words."""
    found: list[OrgMention] = []
    spans = Ranges(taken)  # asked once per hit: a plain list would cost hits x mentions
    for alias, (key, after) in aliases.items():
        if alias not in text:
            continue  # a match holds the alias verbatim
        for start, end in _whole_word_hits(text, alias):
            if start >= after and not overlaps(spans, start, end):
                found.append(OrgMention(start, end, alias, key, "alias"))
                spans.add(start, end)
    return found


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _whole_word_hits(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""The (start, end) of each `finditer` match of `(?<![\w-])word(?!\w)`, found literal first."""
    for m in finditer_not_after(re.compile(rf"{re.escape(word)}(?!\w)"), text, _WORD_OR_HYPHEN):
        yield m.start(), m.end()
