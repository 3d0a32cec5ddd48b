"""Organisations: a gazetteer, the letter's own definitions, head-word patterns and, when a
statistical pipeline is loaded, its ORG entities, resolved to one entry per organisation.

Find (each pass returns `OrgMention`s with offsets into the text), then resolve:
  find_gazetteer_mentions  spaCy PhraseMatcher over models/organisations.jsonl (LOWER for
                           multi-word names, ORTH for single words and common-word names)
  find_definitions         `Full Name (ABBR)`, `Full Name (hierna: [de] Alias)`
  find_pattern_mentions    capitalised names around a head word (models/org_heads.json)
  resolve_organisations    overlaps (longest rule mention wins, rules beat the model), aliases
                           linked, one `Organisation` per body with all its names and mentions
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from typing import Any, cast, get_args

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from mhextract.nlp.extensions import add_span_group, claimed_ranges, overlaps
from mhextract.paths import load_json, load_jsonl
from mhextract.record import Organisation, Span

KINDS: tuple[str, ...] = get_args(Organisation.model_fields["kind"].annotation)
MODEL_LABELS = ("ORG",)
_SENTENCE_END = {".", "!", "?", ":", ";", "•"}
_ARTICLE = re.compile(r"^(?:de|het|een)\s+")
_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9&'’.-]{0,10}")
_HIERNA = re.compile(
    r"\(\s*hierna(?:\s+te\s+noemen)?\s*:?\s*(?:(?:de|het)\s+)?(?P<alias>[^()\n]{1,60}?)\s*\)", re.IGNORECASE
)
_BARE = re.compile(r"\(\s*(?P<alias>[A-Za-z0-9&'’.-]{2,12})\s*\)")


# ----------------------------------------------------------------------------- data


@dataclass(frozen=True)
class GazetteerEntry:
    """One known organisation: canonical name, the other names it goes by, its kind."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    exact: bool = False
    posts: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Head:
    """A word that makes a capitalised phrase an organisation name."""

    text: str
    kind: str
    left: bool = False
    lowercase: bool = False
    tail_alias: bool = False


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """The entries of models/organisations.jsonl."""
    return tuple(
        GazetteerEntry(
            name=row["name"],
            aliases=tuple(row.get("aliases", [])),
            kind=row.get("kind", "other") if row.get("kind") in KINDS else "other",
            exact=row.get("match") == "exact",
            posts=tuple(row.get("posts", [])),
        )
        for row in load_jsonl("organisations.jsonl")
    )


@cache
def _rules() -> dict[str, Any]:
    rules: dict[str, Any] = load_json("org_heads.json")
    return rules


@cache
def heads() -> tuple[Head, ...]:
    """Head words from models/org_heads.json."""
    return tuple(
        Head(h["head"], h.get("kind", "other"), h.get("left", False), h.get("lowercase", False),
             h.get("tail_alias", False))
        for h in _rules()["heads"]
    )


@cache
def _word_set(key: str) -> frozenset[str]:
    return frozenset(_rules()[key])


@cache
def _generic() -> frozenset[str]:
    return frozenset(norm(g) for g in _rules()["generic"])


@cache
def _places() -> frozenset[str]:
    return frozenset(norm(p) for p in _rules()["places"])


def norm(text: str) -> str:
    """Comparison form of a name: NFKC, lowercase, folded whitespace, no leading article,
    no hyphen inside a word (`Rechts-handhaving` = `Rechtshandhaving`)."""
    folded = " ".join(unicodedata.normalize("NFKC", text).lower().split()).strip(" .,;:")
    return re.sub(r"(?<=[^\W\d_])-(?=[a-zà-ÿ])", "", _ARTICLE.sub("", folded))


def clean(text: str) -> str:
    """Display form of a mention: folded whitespace, no leading lowercase article."""
    folded = " ".join(text.split()).strip(" ,;:")
    return re.sub(r"^(?:de|het)\s+", "", folded)


@cache
def alias_table() -> dict[str, str]:
    """Normalised gazetteer name or alias -> entry key (`g:<index>`); the first entry wins."""
    table: dict[str, str] = {}
    for i, entry in enumerate(gazetteer()):
        for name in entry.names:
            table.setdefault(norm(name), f"g:{i}")
    return table


# ----------------------------------------------------------------------------- tokens


@cache
def tokenizer() -> Language:
    """Blank Dutch, also splitting `RIEC-verband` and `A/B` so that name parts can match."""
    nlp = spacy.blank("nl")
    infixes = [*cast(Sequence[str], nlp.Defaults.infixes), r"(?<=[^\W_])[-/](?=[^\W\d_])"]
    cast(Any, nlp.tokenizer).infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def tokenize(text: str) -> Doc:
    """Tokens of `text` as our matchers see them."""
    return tokenizer().make_doc(text)


def sentence_initial(tok: Token) -> bool:
    """True for the first word of a sentence, paragraph or line."""
    if tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or "\n" in prev.whitespace_ or prev.text in _SENTENCE_END or (
        prev.text.endswith(".") and prev.text[:-1].isdigit()
    )


def is_capword(tok: Token) -> bool:
    """A capitalised word that can be part of a name (not an article, month, ...)."""
    text = tok.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text) and text not in _word_set(
        "stop_words"
    )


# ----------------------------------------------------------------------------- find


@dataclass(frozen=True)
class OrgMention:
    """One mention of an organisation with the key of the body it names."""

    start: int
    end: int
    text: str
    key: str  # `g:<gazetteer index>` or `u:<normalised name>`
    source: str  # gazetteer | post | pattern | definition | alias | model
    kind: str = "other"
    surface: bool = True  # the text is a name the letter uses for it (not `minister voor X`)
    tail: bool = False  # its last word may stand alone as a short name


@dataclass(frozen=True)
class Definition:
    """`Full Name (hierna: Alias)` or `Full Name (ABBR)`: where the alias and the name end."""

    alias: str
    alias_start: int
    alias_end: int
    full_end: int  # offset where the defined name ends (before the parenthesis)
    hierna: bool


def _single_variants(name: str) -> set[str]:
    return {name, name[:1].upper() + name[1:], name.upper()}


@cache
def _matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    """(LOWER matcher, ORTH matcher) over all gazetteer names and minister posts."""
    nlp = tokenizer()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    for i, entry in enumerate(gazetteer()):
        names = list(entry.names)
        if entry.kind == "ministry" and entry.name.startswith("Ministerie van "):
            names += [f"Ministerie van {a}" for a in entry.aliases]
        exact: set[str] = set()
        loose: set[str] = set()
        for name in names:
            n_tokens = len(nlp.make_doc(name))
            if n_tokens == 1:
                exact |= _single_variants(name)
            elif entry.exact:
                exact |= {name, name[:1].upper() + name[1:]}
            else:
                loose.add(name)
        if exact:
            orth.add(f"g:{i}", [nlp.make_doc(n) for n in sorted(exact)])
        if loose:
            lower.add(f"g:{i}", [nlp.make_doc(n) for n in sorted(loose)])
        posts = [f"{title} voor {post}" for post in entry.posts for title in ("minister", "staatssecretaris")]
        if posts:
            lower.add(f"p:{i}", [nlp.make_doc(p) for p in posts])
    return lower, orth


def find_gazetteer_mentions(doc: Doc) -> list[OrgMention]:
    """Every gazetteer name (and `minister voor <post>`) in the tokens, overlaps included."""
    lower, orth = _matchers()
    found: list[OrgMention] = []
    for match_id, start, end in [*lower(doc), *orth(doc)]:
        key = doc.vocab.strings[match_id]
        span = doc[start:end]
        index = int(key[2:])
        is_post = key.startswith("p:")
        found.append(OrgMention(
            span.start_char, span.end_char, span.text, f"g:{index}", "post" if is_post else "gazetteer",
            gazetteer()[index].kind, surface=not is_post,
        ))
    return found


@cache
def _head_matcher() -> tuple[PhraseMatcher, dict[str, Head]]:
    nlp = tokenizer()
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_key: dict[str, Head] = {}
    for i, head in enumerate(heads()):
        forms = {head.text} | ({head.text.lower()} if head.lowercase else set())
        matcher.add(f"h:{i}", [nlp.make_doc(f) for f in forms])
        by_key[f"h:{i}"] = head
    return matcher, by_key


def _head_spans(doc: Doc) -> list[tuple[int, int, Head]]:
    """Token ranges of head words: listed heads and capitalised compounds ending in a suffix head."""
    matcher, by_key = _head_matcher()
    spans = [(s, e, by_key[doc.vocab.strings[m]]) for m, s, e in matcher(doc)]
    taken = {i for s, e, _ in spans for i in range(s, e)}
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper():
            continue
        for suffix in _rules()["suffix_heads"]:
            low = tok.lower_
            if low.endswith(suffix["suffix"]) and len(low) > len(suffix["suffix"]) + 2:
                spans.append((tok.i, tok.i + 1, Head(tok.text, suffix.get("kind", "other"), left=True)))
                break
    # longest first, then left to right, without overlaps
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: list[tuple[int, int, Head]] = []
    for s, e, h in spans:
        if not out or s >= out[-1][1]:
            out.append((s, e, h))
    return out


def _starts(mentions: Iterable[OrgMention], doc: Doc) -> set[int]:
    """Token indices where a gazetteer mention begins."""
    starts = set()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            starts.add(span.start)
    return starts


def _extend_right(doc: Doc, end: int, head_starts: set[int], gaz_starts: set[int]) -> int:
    """Token index after the name that begins before `end`: capitalised words joined by connectors."""
    connectors = _word_set("connectors")
    coordinators = _word_set("coordinators")
    k, last, coordinated = end, end, False
    while k < len(doc) and k - end < 12:
        tok = doc[k]
        if tok.is_space or "\n" in doc[k - 1].whitespace_:
            break
        if _word_continuation(doc, k):
            last = k + 1  # `Rechts-handhaving`: a word broken by a hyphen
        elif is_capword(tok) and not sentence_initial(tok):
            if k in head_starts and k == last:
                break  # a new organisation begins: `... Rechtshandhaving Directie ...`
            if k in gaz_starts and coordinated:
                break  # `Raad voor de Kinderbescherming en Veilig Thuis`: two bodies
            last, coordinated = k + 1, False
        elif (tok.lower_ in connectors and tok.text == tok.lower_) or tok.text == "-":
            coordinated = coordinated or tok.lower_ in coordinators
        else:
            break
        k += 1
    return last


def _word_continuation(doc: Doc, k: int) -> bool:
    """`handhaving` in `Rechts-handhaving`: a lowercase part glued to a capitalised word by a hyphen."""
    return (
        k >= 2 and doc[k].text[:1].islower() and doc[k - 1].text == "-"
        and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ and doc[k - 2].text[:1].isupper()
    )


def _extend_left(doc: Doc, start: int, gaz_tokens: set[int], floor: int) -> int:
    """Token index where a name with a `left` head begins: capitalised words before the head."""
    openers = _word_set("name_openers")
    k, first = start - 1, start
    while k >= floor and start - k < 8:
        tok = doc[k]
        if sentence_initial(doc[first]) or tok.is_space or "\n" in tok.whitespace_ or k in gaz_tokens:
            break
        if is_capword(tok):
            if sentence_initial(tok) and tok.text not in openers:
                break
            first = k
        elif tok.lower_ in ("en", "of") and k > floor and doc[k - 1].text.endswith("-"):
            first = k
        else:
            break
        k -= 1
    return first


def find_pattern_mentions(doc: Doc, gazetteer_mentions: Sequence[OrgMention] = ()) -> list[OrgMention]:
    """Capitalised names built around a head word that the gazetteer may not know."""
    head_spans = _head_spans(doc)
    head_starts = {s for s, _, _ in head_spans}
    head_tokens = {i for s, e, _ in head_spans for i in range(s, e)}
    gaz = [m for m in gazetteer_mentions if m.source == "gazetteer"]
    gaz_starts = _starts(gaz, doc)
    gaz_tokens: set[int] = set()
    for m in gaz:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            gaz_tokens.update(range(span.start, span.end))
    openers = _word_set("name_openers")
    found: list[OrgMention] = []
    floor = 0
    for s, e, head in head_spans:
        if s < floor:
            continue
        if not (doc[s].text[:1].isupper() or head.lowercase):
            continue
        end = _extend_right(doc, e, head_starts - {s}, gaz_starts)
        start = _extend_left(doc, s, gaz_tokens, floor) if head.left else s
        words = [t for t in doc[start:end] if is_capword(t) and t.i not in head_tokens]
        if not any(t.text not in openers for t in words):
            continue
        span = doc[start:end]
        if norm(span.text) in _generic():
            continue
        found.append(OrgMention(span.start_char, span.end_char, span.text, f"u:{norm(span.text)}", "pattern",
                                head.kind, tail=head.tail_alias))
        floor = end
    return found


def find_definitions(text: str) -> list[Definition]:
    """`X (hierna: [de] Alias)` and `X (ABBR)` where ABBR looks like an abbreviation."""
    found: list[Definition] = []
    for m in _HIERNA.finditer(text):
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


def find_blocked(doc: Doc) -> list[tuple[int, int]]:
    """Spans of names that contain an organisation's name but are not one (`Chat met Fier`)."""
    matcher = _blocked_matcher()
    return [(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in matcher(doc)]


@cache
def _blocked_matcher() -> PhraseMatcher:
    nlp = tokenizer()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("blocked", [nlp.make_doc(n) for n in _rules()["non_organisations"]])
    return matcher


def model_mentions(
    text: str, spans: Iterable[tuple[int, int]], claimed: Sequence[tuple[int, int]] = (),
    person_names: Iterable[str] = (),
) -> list[OrgMention]:
    """A statistical model's ORG entities as candidate mentions: punctuation and articles trimmed;
    generic words, places, titles, addresses, laws, people and spans claimed elsewhere dropped."""
    people = {norm(n) for n in person_names}
    found: list[OrgMention] = []
    for start, end in spans:
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")'’"):
            end -= 1
        lead = re.match(r"(?:[Dd]e|[Hh]et|[Ee]en)\s+(?=[A-Z])|(?:de|het|een)\s+", text[start:end])
        if lead:
            start += lead.end()
        surface = text[start:end]
        if (surface and norm(surface) not in people and plausible_model_name(text, start, surface)
                and not overlaps(list(claimed), start, end)):
            found.append(OrgMention(start, end, surface, f"u:{norm(surface)}", "model"))
    return found


def plausible_model_name(text: str, start: int, surface: str) -> bool:
    """Could a model's ORG entity be an organisation name (rather than a title, place, law, word)?"""
    words = surface.split()
    key = norm(surface)
    if not words or not any(c.isupper() for c in surface) or key in _generic():
        return False
    if words[0] in _word_set("model_not_first_words") or words[0] in _word_set("stop_words"):
        return False
    if re.search(r"\d{3}", surface) or key in _places():
        return False
    connectors = _word_set("connectors")
    if words[-1] in connectors or any(w[:1].islower() and w not in connectors for w in words[1:]):
        return False  # `Kamer is`, `Kamer op`: a name does not run on into lowercase words
    before = text[:start].rstrip(" \t")
    acronym = sum(c.isupper() for c in surface) >= 2
    if acronym and re.search(r"\d{4}$", before):
        return False  # `2500 EA`: a postcode
    if len(words) == 1 and not acronym:
        if not before or before[-1] in ".!?:\n":
            return False  # a capitalised word at the start of a sentence
        if re.search(rf"(?<!\w){re.escape(surface.lower())}(?!\w)", text):
            return False  # the same word also written lowercase: a common noun (`Proeftuin`)
    return True


# ----------------------------------------------------------------------------- resolve


def select_mentions(rule: Sequence[OrgMention], model: Sequence[OrgMention],
                    blocked: Sequence[tuple[int, int]] = ()) -> list[OrgMention]:
    """Non-overlapping mentions: longest rule mention first (gazetteer before pattern), then the model's."""
    rank = {"gazetteer": 0, "post": 0, "definition": 0, "alias": 1, "pattern": 2, "model": 3}
    chosen: list[OrgMention] = []
    taken: list[tuple[int, int]] = list(blocked)
    ordered = sorted(rule, key=lambda m: (-(m.end - m.start), rank[m.source], m.start))
    for m in [*ordered, *sorted(model, key=lambda m: m.start)]:
        if not overlaps(taken, m.start, m.end):
            chosen.append(m)
            taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


class _Keys:
    """Union-find over entity keys, so aliases and definitions join one organisation."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # a gazetteer key stays the root, so the entry's canonical name survives
            if ra.startswith("g:") and not rb.startswith("g:"):
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def _canonical_key(key: str) -> str:
    """An unknown name that the gazetteer knows after normalising (also without a legal form such
    as `Stichting`) becomes that entry."""
    if not key.startswith("u:"):
        return key
    name = key[2:]
    bare = legal_form_free(name)
    return alias_table().get(name) or alias_table().get(bare or "", key)


def legal_form_free(name: str) -> str | None:
    """`stichting fairwork` -> `fairwork`; None when the name has no legal form in front."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in _word_set("legal_forms") else None


def _full_name_before(doc: Doc, end: int) -> tuple[int, int] | None:
    """The capitalised name that ends at `end` (before a parenthesis), found backwards."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return None
    connectors = _word_set("connectors")
    i, first = span.end - 1, None
    while i >= 0 and span.end - i <= 12:
        tok = doc[i]
        if tok.is_space:
            break
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
                     model: Sequence[OrgMention], keys: _Keys) -> list[OrgMention]:
    """Resolve each definition to the body it names; returns new mentions (full names, aliases)."""
    by_end = {m.end: m for m in chosen}
    new: list[OrgMention] = []
    heads_text = {h.text.lower() for h in heads()}
    suffixes = [s["suffix"] for s in _rules()["suffix_heads"]]
    for d in definitions:
        alias_key = _canonical_key(f"u:{norm(d.alias)}")
        full = by_end.get(d.full_end)
        if full is None:
            rng = _full_name_before(doc, d.full_end)
            if rng is None:
                continue
            full_text = text[rng[0]:rng[1]]
            words = {w.lower() for w in re.findall(r"[\w-]+", full_text)}
            org_like = (
                words & heads_text
                or any(w.endswith(s) for w in words for s in suffixes)
                or alias_key.startswith("g:")
                or any(overlaps([(m.start, m.end)], *rng) for m in model)
            )
            if not org_like or overlaps([(m.start, m.end) for m in chosen], *rng):
                continue
            full = OrgMention(rng[0], rng[1], full_text, _canonical_key(f"u:{norm(full_text)}"), "definition")
            new.append(full)
        keys.union(full.key, alias_key)
        new.append(OrgMention(d.alias_start, d.alias_end, d.alias, alias_key, "alias"))
    return new


def alias_mentions(
    text: str, aliases: dict[str, tuple[str, int]], taken: Sequence[tuple[int, int]],
) -> list[OrgMention]:
    """Later uses of a defined short name (`de Afdeling`, `Lovitura`), case-sensitive, whole words."""
    found: list[OrgMention] = []
    spans = list(taken)
    for alias, (key, after) in aliases.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w])", text):
            if m.start() >= after and not overlaps(spans, m.start(), m.end()):
                found.append(OrgMention(m.start(), m.end(), alias, key, "alias"))
                spans.append((m.start(), m.end()))
    return found


def _slash_pairs(text: str, mentions: Sequence[OrgMention]) -> list[tuple[OrgMention, OrgMention]]:
    """`A/B` written as one body (a merged organisation), both sides multi-word names."""
    by_start = {m.start: m for m in mentions}
    pairs = []
    for m in mentions:
        other = by_start.get(m.end + 1)
        if other and text[m.end:m.end + 1] == "/" and " " in m.text and " " in other.text and "ministry" not in (
            m.kind, other.kind
        ):
            pairs.append((m, other))
    return pairs


def _pick_spelling(forms: Sequence[str]) -> dict[str, str]:
    """For each case-folded surface, its most frequent spelling (first seen on ties)."""
    counts = Counter(forms)
    best: dict[str, str] = {}
    for form in forms:
        k = form.casefold()
        if k not in best or counts[form] > counts[best[k]]:
            best[k] = form
    return best


def build_organisation(mentions: Sequence[OrgMention], combined: str | None = None) -> Organisation | None:
    """One `Organisation` from all mentions of one body: name, the letter's other names, kind, spans."""
    if all(m.source == "post" for m in mentions):
        return None  # `minister voor Rechtsbescherming` alone does not name a ministry
    gaz = [m for m in mentions if m.key.startswith("g:")]
    entry = gazetteer()[int(Counter(m.key for m in gaz).most_common(1)[0][0][2:])] if gaz else None
    forms = [clean(m.text) for m in mentions if m.surface and clean(m.text)]
    if entry:  # `Stichting FairWork` also writes the known short name `FairWork`
        known = {norm(n) for n in entry.names}
        forms += [f.split(" ", 1)[1] for f in forms if (legal_form_free(norm(f)) or "") in known]
    spellings = _pick_spelling(forms)
    surfaces = list(spellings.values())
    if combined:
        name = combined
    elif entry and (entry.kind == "ministry" or entry.name.casefold() in spellings or not surfaces):
        name = entry.name
    elif surfaces:
        defined = [clean(m.text) for m in mentions if m.source == "definition"]
        name = max(defined or surfaces, key=len)
    else:
        return None
    if norm(name) in _generic():
        return None
    aliases = [s for s in surfaces if s.casefold() != name.casefold()]
    kind = entry.kind if entry else next((m.kind for m in mentions if m.kind != "other"), "other")
    spans = sorted({(m.start, m.end) for m in mentions if m.end > m.start})
    return Organisation(
        name=name, aliases=aliases, kind=cast(Any, kind),
        mentions=[Span(start=s, end=e) for s, e in spans],
    )


def resolve_organisations(
    text: str, doc: Doc, rule: Sequence[OrgMention], model: Sequence[OrgMention],
    definitions: Sequence[Definition], blocked: Sequence[tuple[int, int]] = (),
    letterhead: Sequence[OrgMention] = (),
) -> list[Organisation]:
    """All candidate mentions -> one `Organisation` per body, in order of first mention."""
    keys = _Keys()
    chosen = select_mentions(rule, model, blocked)
    chosen = [OrgMention(m.start, m.end, m.text, _canonical_key(m.key), m.source, m.kind, m.surface, m.tail)
              for m in chosen]
    linked = link_definitions(text, doc, definitions, chosen, model, keys)
    chosen = select_mentions([*chosen, *[m for m in linked if m.source == "definition"]], [], blocked)
    defined = [m for m in linked if m.source == "alias"]
    aliases: dict[str, tuple[str, int]] = {}
    for m in defined:
        aliases.setdefault(m.text, (m.key, m.end))
    for m in chosen:
        if m.tail:
            last = m.text.split()[-1]
            if last[:1].isupper() and norm(last) not in _generic():
                aliases.setdefault(last, (m.key, 0))
    taken = [(m.start, m.end) for m in [*chosen, *defined]] + list(blocked)
    mentions = [*chosen, *defined, *alias_mentions(text, aliases, taken), *letterhead]
    _merge_unknown(mentions, keys)
    combined: dict[str, str] = {}
    for a, b in _slash_pairs(text, chosen):
        keys.union(a.key, b.key)
        combined[keys.find(a.key)] = f"{clean(a.text)}/{clean(b.text)}"
    groups: dict[str, list[OrgMention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        groups.setdefault(keys.find(m.key), []).append(m)
    orgs = [build_organisation(ms, combined.get(root)) for root, ms in groups.items()]
    return [o for o in orgs if o is not None]


def _merge_unknown(mentions: Sequence[OrgMention], keys: _Keys) -> None:
    """Join unknown names that are the same body written differently: `Field Lab X` ~ `Fieldlab X`
    (one ends with the other, spaces ignored), or a slip of the pen in one word of a known name."""
    unknown = sorted({m.key for m in mentions if m.key.startswith("u:")}, key=len)
    squashed = {k: re.sub(r"[\s-]", "", k[2:]) for k in unknown}
    for i, short in enumerate(unknown):
        for long in unknown[i + 1:]:
            if len(squashed[short]) >= 8 and squashed[long].endswith(squashed[short]):
                keys.union(short, long)
    names = {m.key: norm(m.text) for m in mentions if m.surface}
    for key in unknown:
        for other, name in names.items():
            if other != key and keys.find(other) != keys.find(key) and near_duplicate(key[2:], name):
                keys.union(other, key)


def near_duplicate(a: str, b: str) -> bool:
    """Same number of words, same first and last word, and nearly the same letters."""
    wa, wb = a.split(), b.split()
    return (
        len(wa) == len(wb) >= 3 and wa[0] == wb[0] and wa[-1] == wb[-1]
        and SequenceMatcher(None, a, b).ratio() >= _rules()["near_duplicate_ratio"]
    )


def letterhead_mentions(lines: Iterable[str]) -> list[OrgMention]:
    """Organisations named in the sender block (`Directoraat-Generaal ...`); no offsets in the text."""
    found: list[OrgMention] = []
    for line in lines:
        line = re.split(r"\s(?=[A-Z][a-z]+\s+\d)|\s(?=Postbus\b)|\s(?=\d{4}\s?[A-Z]{2}\b)", line)[0]
        doc = tokenize(line)
        gaz = [m for m in find_gazetteer_mentions(doc) if m.source == "gazetteer"]
        for m in select_mentions([*gaz, *find_pattern_mentions(doc, gaz)], []):
            key = _canonical_key(m.key)
            if key.startswith("u:") and m.kind == "ministry" and m.text.startswith("Ministerie"):
                continue  # `Ministerie van Rechtsbescherming`, made up from a minister's post
            found.append(OrgMention(0, 0, m.text, key, "letterhead", m.kind))
    return found


def find_organisations(
    text: str,
    model_spans: Iterable[tuple[int, int]] = (),
    claimed: Sequence[tuple[int, int]] = (),
    letterhead: Iterable[str] = (),
    person_names: Iterable[str] = (),
) -> list[Organisation]:
    """All organisations in `text` (plus the sender block), with the model's ORG spans if any;
    `person_names` (motion submitters, signatories) are never organisations."""
    doc = tokenize(text)
    gaz = find_gazetteer_mentions(doc)
    rule = [*gaz, *find_pattern_mentions(doc, gaz)]
    model = model_mentions(text, model_spans, claimed, person_names)
    return resolve_organisations(
        text, doc, rule, model, find_definitions(text), find_blocked(doc), letterhead_mentions(letterhead),
    )


# ----------------------------------------------------------------------------- spaCy


class OrganisationsComponent:
    """Sets `doc._.organisations` and the `organisations` span group."""

    def __call__(self, doc: Doc) -> Doc:
        model_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in MODEL_LABELS]
        claimed = claimed_ranges(doc, "kamerstukken", "references", "motions", "dates", "figures")
        metadata = doc._.metadata
        sender = [metadata.sender] if metadata is not None and metadata.sender else []
        from mhextract.extract.persons import find_government_mentions, find_member_mentions  # (cycle)

        people = [n for m in doc._.motions or [] for n in m.submitters]
        people += [s.name for s in metadata.signatories] if metadata is not None else []
        people += [p.name for p in [*find_member_mentions(doc.text), *find_government_mentions(doc.text)]]
        orgs = find_organisations(doc.text, model_spans, claimed, sender, people)
        doc._.organisations = orgs
        add_span_group(doc, "organisations", [(s.start, s.end, o.name) for o in orgs for s in o.mentions])
        return doc


@Language.factory("mh_organisations")
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    """spaCy factory for the organisations component."""
    return OrganisationsComponent()
