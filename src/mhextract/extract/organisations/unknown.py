"""Names the gazetteer does not know: capitalised words around a head word (models/org_heads.json)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from mhextract.analysis.phrases import add_hashed, phrase_hashes
from mhextract.analysis.tokenizer import shared_tokenizer
from mhextract.extract.organisations.known import gazetteer
from mhextract.extract.organisations.mentions import OrgMention
from mhextract.extract.organisations.names import generic, norm, places
from mhextract.extract.organisations.tokens import is_capword, offsets_of, sentence_initial, tokens_ending_with
from mhextract.extract.organisations.wordlists import Head, heads, rules, word_set


@cache
def head_matcher() -> tuple[PhraseMatcher, dict[str, Head]]:
    """PhraseMatcher over the head words (ORTH; lowercase forms too where a head allows them)."""
    nlp = shared_tokenizer()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_key: dict[str, Head] = {}
    for i, head in enumerate(heads()):
        lowered = {head.text.lower(), head.text[:1].lower() + head.text[1:]}  # `vaste Kamercommissie`
        forms = {head.text} | (lowered if head.lowercase else set())
        add_hashed(matcher, f"h:{i}", (phrase_hashes(nlp, f, "ORTH") for f in sorted(forms)))
        by_key[f"h:{i}"] = head
    return matcher, by_key


@cache
def _suffixes() -> tuple[str, ...]:
    """The suffix heads (models/org_heads.json), for `str.endswith`."""
    return tuple(h["suffix"] for h in rules()["suffix_heads"])


def _has_suffix_head(low: str) -> bool:
    """True when a lowercase word ends in a suffix head (`jeugdraad`), with more in front than the suffix."""
    return low.endswith(_suffixes()) and any(low.endswith(s) and len(low) > len(s) + 2 for s in _suffixes())


def _head_spans(doc: Doc) -> list[tuple[int, int, Head]]:
    """Token ranges of head words: listed heads and capitalised compounds ending in a suffix head."""
    matcher, by_key = head_matcher()
    spans = [(s, e, by_key[shared_tokenizer().vocab.strings[m]]) for m, s, e in matcher(doc)]
    taken = {i for s, e, _ in spans for i in range(s, e)}
    for i in tokens_ending_with(doc, _suffixes(), _has_suffix_head, lower=True):  # the few the loop can take
        tok = doc[i]
        if tok.i in taken or not tok.text[:1].isupper():
            continue
        for suffix in rules()["suffix_heads"]:
            low = tok.lower_
            if low.endswith(suffix["suffix"]) and len(low) > len(suffix["suffix"]) + 2:
                spans.append((tok.i, tok.i + 1, Head(tok.text, suffix.get("kind", "other"), left=True,
                                                     alone=bool(suffix.get("alone")), suffix=True)))
                break
    # longest first, then left to right, without overlaps
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, Head]] = []
    for s, e, h in spans:
        if not out or s >= out[-1][1]:
            out.append((s, e, h))
    return out




def _extend_right(doc: Doc, end: int, head_starts: set[int], gaz_starts: set[int], unit: bool = False,
                  chamber: bool = False, chamber_starts: frozenset[int] = frozenset()) -> int:
    """Token index after the name that begins before `end`: capitalised words joined by connectors; a
    unit's name (`unit`) stops before `van` + a known body; a committee's (`chamber`) takes fewer connectors;
    a committee's stops before `van` + a chamber (`chamber_starts`: `Vaste Commissie ... van de Tweede Kamer`)."""
    connectors = word_set("chamber_connectors" if chamber else "connectors")
    coordinators, place_connectors = word_set("coordinators"), word_set("place_connectors")
    k, last, coordinated, of = end, end, False, False
    while k < len(doc) and k - end < 12:
        tok = doc[k]
        if tok.is_space or "\n" in doc[k - 1].whitespace_:
            break
        if _word_continuation(doc, k):
            last = k + 1  # `Rechts-handhaving`: a word broken by a hyphen
        elif is_capword(tok) and not sentence_initial(tok):
            if k in head_starts and (k == last or coordinated):
                break  # a new organisation begins: `... Rechtshandhaving Directie ...`, `Inspectie SZW en de
                # Veiligheidsregio`
            if (k in gaz_starts and (coordinated or (of and unit))) or (of and chamber and k in chamber_starts):
                break  # `Raad voor de Kinderbescherming en Veilig Thuis`: two bodies; `Bureau X van de NVWA`:
                # a unit of a known body, which is named on its own, as a committee's chamber is (not so
                # `Centraal Informatiepunt van de Tweede Kamer`: a unit's name keeps its chamber)
            last, coordinated, of = k + 1, False, False
        elif tok.text == "-" and doc[k - 1].whitespace_:
            break  # `Onderzoeksraad voor Veiligheid - Infectieziektenbestrijding`: a dash between words ends it
        elif tok.lower_ in word_set("name_articles") and k > 0 and is_capword(doc[k - 1]):
            break  # `... en Koninkrijksrelaties de Kamerbrief`: an article follows a preposition inside a name
        elif tok.lower_ in place_connectors and k + 1 < len(doc) and norm(doc[k + 1].text) in places():
            break  # `de Raad WSB te Luxemburg`: where the body meets, not its name
        elif (tok.lower_ in connectors and tok.text == tok.lower_) or tok.text == "-":
            coordinated = coordinated or tok.lower_ in coordinators
            of = of or tok.lower_ == rules()["of_word"]
        else:
            break
        k += 1
    return last + 1 if _law_year_after(doc, last) else last


def _law_year_after(doc: Doc, end: int) -> bool:
    """`commissie Evaluatie Politiewet 2012`: a name that ends in a law's name (`Politiewet`) takes the
    year right after it, which is part of the law's name (models/org_heads.json `law_name_endings`)."""
    if end == 0 or end >= len(doc) or "\n" in doc[end - 1].whitespace_:
        return False
    law, year = doc[end - 1], doc[end]
    return (is_capword(law) and law.lower_.endswith(tuple(rules()["law_name_endings"]))
            and len(year.text) == 4 and year.text.isdigit() and year.text[:2] in ("19", "20"))


def _word_continuation(doc: Doc, k: int) -> bool:
    """`handhaving` in `Rechts-handhaving`: a lowercase part glued to a capitalised word by a hyphen."""
    return (
        k >= 2 and doc[k].text[:1].islower() and doc[k - 1].text == "-"
        and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ and doc[k - 2].text[:1].isupper()
    )


def _extend_left(doc: Doc, start: int, gaz_tokens: set[int], floor: int) -> int:
    """Token index where a name with a `left` head begins: capitalised words before the head."""
    openers = word_set("name_openers")
    k, first = start - 1, start
    while k >= floor and start - k < 8:
        tok = doc[k]
        if sentence_initial(doc[first]) or tok.is_space or "\n" in tok.whitespace_ or k in gaz_tokens:
            break
        if is_capword(tok):
            if (sentence_initial(tok) and tok.text not in openers) or tok.text in word_set("document_words"):
                break  # `Advies Raad van State`: a document of the body, not part of its name
            first = k
        elif tok.lower_ in word_set("coordinators") and k > floor and doc[k - 1].text.endswith("-"):
            first = k
        elif (tok.text == "-" and k > floor and not tok.whitespace_ and not doc[k - 1].whitespace_
              and doc[k - 1].text.isupper() and first == k + 1):
            first = k - 1  # `EU-Israël Associatieraad`: an abbreviation glued on by a hyphen
            k -= 1
        else:
            break
        k -= 1
    return first


def find_pattern_mentions(doc: Doc, gazetteer_mentions: Sequence[OrgMention] = ()) -> list[OrgMention]:
    """Capitalised names built around a head word that the gazetteer may not know."""
    head_spans = _head_spans(doc)
    head_starts = {s for s, _, h in head_spans if not h.alone}  # `Opsporingsdienst van de Arbeidsinspectie`: one name
    head_tokens = {i for s, e, h in head_spans if not h.alone for i in range(s, e)}
    gaz = [m for m in gazetteer_mentions if m.source == "gazetteer"]
    gaz_starts: set[int] = set()  # token indices where a gazetteer mention begins
    chamber_starts: set[int] = set()  # ... one of a chamber (`Tweede Kamer der Staten-Generaal`)
    gaz_tokens: set[int] = set()
    portfolio_end: dict[int, int] = {}  # token where a ministry's portfolio name starts -> its end
    offsets = offsets_of(doc) if gaz else None
    for m in gaz:
        rng = offsets.expand(m.start, m.end) if offsets is not None else None
        if rng is not None:
            gaz_starts.add(rng[0])
            gaz_tokens.update(range(*rng))
            if m.key in _chamber_keys():
                chamber_starts.add(rng[0])
            if m.kind == "ministry":
                portfolio_end[rng[0]] = max(portfolio_end.get(rng[0], 0), rng[1])
    openers = word_set("name_openers")
    chambers = frozenset(chamber_starts)
    found: list[OrgMention] = []
    floor = 0
    for s, e, head in head_spans:
        if s < floor or (head.suffix and s in gaz_tokens):
            continue  # a compound the gazetteer knows (`Belastingdienst`) heads no longer name
        if not (doc[s].text[:1].isupper() or head.lowercase):
            continue
        end = e if head.final else _extend_right(doc, e, head_starts - {s}, gaz_starts, head.unit,
                                                 head.kind == "chamber", chambers)
        if head.kind == "chamber" and e < len(doc) and doc[e].lower_ == rules()["committee_preposition"]:
            end = max(end, portfolio_end.get(e + 1, end))  # `commissie voor Landbouw, Visserij, ... en Natuur`
        elif head.lowercase and e in portfolio_end:
            end, head = portfolio_end[e], replace(head, kind="chamber")  # `commissie Onderwijs, Cultuur en ...`
        start = _extend_left(doc, s, gaz_tokens, floor) if head.left else s
        words = [t for t in doc[start:end] if is_capword(t) and t.i not in head_tokens]
        if not any(t.text not in openers for t in words) and not head.alone:
            continue
        span = doc[start:end]
        if norm(span.text) in generic():
            continue
        found.append(OrgMention(span.start_char, span.end_char, span.text, f"u:{norm(span.text)}", "pattern",
                                head.kind, tail=head.tail_alias))
        floor = end
    return found


@cache
def _chamber_keys() -> frozenset[str]:
    """Gazetteer keys of the two chambers (their names end in `Kamer der Staten-Generaal`, models/org_heads.json)."""
    suffix = rules()["chamber_name_suffix"]
    return frozenset(f"g:{i}" for i, e in enumerate(gazetteer()) if e.kind == "chamber" and e.name.endswith(suffix))


@cache
def _descriptors() -> dict[str, str]:
    """Lowercase words that introduce a name (`onderzoeksbureau`) -> the kind of the body named."""
    return {d["word"]: d.get("kind", "other") for d in rules()["descriptors"]}


def _is_descriptor(word: str) -> bool:
    return word in _descriptors()


def find_descriptor_mentions(doc: Doc) -> list[OrgMention]:
    """`onderzoeksbureau Kompas Beleidsonderzoek`: the capitalised name after a descriptor word, also
    after one that opens a sentence (`Onderzoeksbureau M+P heeft ...`)."""
    found: list[OrgMention] = []
    descriptors = _descriptors()
    for i in tokens_ending_with(doc, tuple(descriptors), _is_descriptor, lower=True):
        if i == len(doc) - 1:
            continue
        tok = doc[i]
        if tok.text != tok.lower_ and not (tok.text[1:] == tok.lower_[1:] and sentence_initial(tok)):
            continue  # `Adviesbureau` inside a sentence is a name's own first word
        kind = descriptors.get(tok.lower_)
        nxt = doc[tok.i + 1]
        if kind is None or not is_capword(nxt) or "\n" in tok.whitespace_:
            continue
        end = _extend_right(doc, tok.i + 1, set(), set())
        span = doc[tok.i + 1 : max(end, tok.i + 2)]
        if norm(span.text) in generic() or span.text in word_set("places"):
            continue
        found.append(OrgMention(span.start_char, span.end_char, span.text, f"u:{norm(span.text)}", "pattern", kind))
    return found
