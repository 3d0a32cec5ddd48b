"""Motions: every distinct motion a letter discusses, with submitters, own Kamerstuk id, chamber and status.

Find, then resolve. `find_motion_mentions` finds three kinds of mention with
their offsets: named (`de motie van de leden Segers en Asscher`, `motie
Segers-Asscher`, `een motie ..., ingediend door het Lid Van Dijk`), numbered
(`de motie (Kamerstuk 28 638, nr. 192)`) and anaphoric (`deze motie`).
`link_kamerstukken` gives a mention the id of the citation right after it in
its sentence, or of the footnote anchored there; `group_motions` merges mentions
with the same submitters or id into one `Motion`. Word lists live in
`models/motions.json`; `models/kamerleden.json` only settles ambiguous names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import doc_text, publish, require
from mhextract.analysis.patterns import may_match, scan
from mhextract.analysis.sentences import Sentence, split_sentences
from mhextract.analysis.shared_words import LETTER_TEXT
from mhextract.analysis.word_starts import WordStartScanner
from mhextract.extract.motion_grammar import grammar, members, motion_data
from mhextract.extract.motion_groups import MotionMention, group_motions
from mhextract.extract.person_names import first_names, is_surname
from mhextract.record.model import Footnote, KamerstukRef, Motion

# --- names -----------------------------------------------------------------------------


def clean_name(raw: str) -> str:
    """`van der Graaf` -> `Van der Graaf`; whitespace folded; initials must already be gone."""
    name = re.sub(r"\s+", " ", raw).strip()
    return name[:1].upper() + name[1:]


def _is_name(name: str) -> bool:
    """False for party names, acronyms, numbers and capitalised function words."""
    stop = {w.lower() for w in motion_data()["not_names"]}
    core = name.split()[-1]
    parts = core.split("-")
    if name.lower() in stop or core.lower() in stop or any(ch.isdigit() for ch in core):
        return False
    return not any(len(p) > 1 and p.isupper() for p in parts)


def _resolve_van(name: str, after_title: bool) -> str:
    """Decide whether the `van` before a bare surname is a name prefix (`motie van Dijk` -> `Van Dijk`)."""
    if " " in name:
        return name
    known = members()
    with_van = f"Van {name}"
    if after_title:
        return name if name.lower() in known and with_van.lower() not in known else with_van
    return with_van if with_van.lower() in known and name.lower() not in known else name


def _split_nickname(name: str) -> list[str]:
    """`Segers-Asscher` -> two submitters when a part is a known member; a double surname of one person
    (`Yeşilgöz-Zegerius`, `Huijbregts-Schiedon`) stays whole."""
    if "-" not in name or name.lower() in members() or " " in name:
        return [name]
    parts = name.split("-")
    return parts if any(p.lower() in members() for p in parts) else [name]


def parse_submitters(m: re.Match[str]) -> tuple[list[str], str | None, int]:
    """Submitter surnames of a named-motion match, a chamber named in a parenthesis, and the mention end."""
    g = grammar()
    names_text = m.group("names")
    chamber = None
    for pm in g.party.finditer(names_text):
        for pat, ch in g.chambers:
            if pat.search(pm.group()):
                chamber = ch
    masked = g.party.sub(lambda pm: " " * len(pm.group()), names_text)
    masked = g.co_signers.sub(lambda cm: " " * len(cm.group()), masked)
    groups = m.groupdict()
    out: list[str] = []
    end = m.end()
    for i, nm in enumerate(g.name.finditer(masked)):
        raw = clean_name(nm.group("name"))
        name = _given_and_surname(raw)
        if name != raw and not masked[nm.end() :].strip():
            end = m.start("names") + nm.start("name") + len(name)
        if i == 0 and groups.get("typo"):
            name = _resolve_van(name, after_title=True)
        elif i == 0 and groups.get("van") and not nm.group("initials") and nm.group("name")[:1].islower():
            name = f"Van {name[:1].lower()}{name[1:]}"  # `motie van der Brug`: the `van` opens the name
        elif i == 0 and groups.get("van") and not nm.group("initials"):
            name = _resolve_van(name, after_title=False)
        parts = _split_nickname(name) if groups.get("nick") is not None else [name]
        out.extend(p for p in parts if _is_name(p))
    return out, chamber, end


def _given_and_surname(name: str) -> str:
    """Keep `Remco Dijkstra` / `Inge van Dijk` whole, but cut `Kuik Verder` back to `Kuik`."""
    chunks = [c.group() for c in grammar().single.finditer(name)]
    if len(chunks) < 2 or name.lower() in members():
        return name
    first = clean_name(chunks[0])
    if first in first_names() and is_surname(chunks[-1]):
        return name  # `Agnes Mulder`: a first name and a surname, even where the first is also a member's surname
    if first.lower() in members() or not _is_name(chunks[-1]):
        return first
    return name


# --- finding mentions -------------------------------------------------------------------


def _followed_by_citation(text: str, end: int, ks_starts: Sequence[int]) -> bool:
    """True when a Kamerstuk citation starts right after `end` (only spaces, `(` or `,` between)."""
    i = bisect_right(ks_starts, end - 1)
    return i < len(ks_starts) and re.fullmatch(r"[\s(,]{0,3}", text[end : ks_starts[i]]) is not None


@cache
def _scanner() -> WordStartScanner:
    g = grammar()
    return WordStartScanner({"named": g.named, "reverse": g.reverse, "delayed": g.delayed,
                             "motion_word": g.motion_word, "anaphor": g.anaphor}, shared=LETTER_TEXT)


@lru_cache(maxsize=2)  # the finders below ask for the same letter's matches in turn
def _matches(text: str) -> dict[str, list[re.Match[str]]]:
    """`finditer` matches of the motion patterns, from one pass over the words; none in a text without the
    literals they need (each wording holds a motion word; `scan`'s pre-filter)."""
    g = grammar()
    motion, anaphor = may_match(g.motion_word, text), may_match(g.anaphor, text)
    found = _scanner().scan(text) if motion or anaphor else {}
    return {name: found[name] if (anaphor if name == "anaphor" else motion) else [] for name in _scanner().patterns}


def _plain_gap(m: re.Match[str]) -> bool:
    """True when a delayed motion's gap only says when or where (no topic, no other document)."""
    gap = re.sub(r"\([^()]*\)", " ", m.group("gap")).lower()
    return grammar().delay_stop.search(gap) is None


def _delayed(text: str, taken: Sequence[re.Match[str]]) -> list[re.Match[str]]:
    """`de motie bij het debat van 27 september jl. (Handelingen ...) van de leden Kuik en Bikker`."""
    return [m for m in _matches(text)["delayed"]
            if _plain_gap(m) and not any(t.start() < m.end() and m.start() < t.end() for t in taken)]


def find_listed(text: str) -> list[MotionMention]:
    """`de moties A (Kamerstuk ...), B (Kamerstuk ...) en C/D (Kamerstuk ...)`: one motion per item."""
    g = grammar()
    out: list[MotionMention] = []
    for m in scan(g.listed, text, part=g.motion_word):
        for item in g.item.finditer(text, m.start("items"), m.end("items")):
            names = [clean_name(g.name.fullmatch(n.strip()).group("name"))  # type: ignore[union-attr]
                     for n in item.group("iname").split("/") if g.name.fullmatch(n.strip())]
            names = [n for n in names if _is_name(n)]
            if names:
                out.append(MotionMention(item.start("iname"), item.end("iname"), "named", tuple(names)))
    return out


def find_named(text: str, ks_starts: Sequence[int]) -> list[MotionMention]:
    """Motions named by their submitters, in every wording of `models/motions.json`."""
    listed = find_listed(text)
    out: list[MotionMention] = list(listed)
    forward = [f for f in _matches(text)["named"]  # each wording holds a motion word
               if not any(f.start() < n.end and n.start < f.end() for n in listed)]
    reverse = [r for r in _matches(text)["reverse"]
               if not any(f.start() < r.end() and r.start() < f.end() for f in forward)]
    delayed = _delayed(text, forward + reverse)
    for m in sorted(forward + reverse + delayed, key=lambda x: x.start()):
        groups = m.groupdict()
        submitters, chamber, end = parse_submitters(m)
        if not submitters:
            continue
        co_signed = bool(groups.get("cs"))
        nick = groups.get("nick")
        if nick is not None and not (
            co_signed or len(submitters) > 1 or nick == "-"
            or submitters[0].lower() in members() or _followed_by_citation(text, end, ks_starts)
            or is_surname(submitters[0]) or _particle_led(submitters[0])
        ):
            continue
        intro = groups.get("titled") or groups.get("submitted") or groups.get("rtitle") or groups.get("dtitle") or ""
        for pat, ch in grammar().chambers:
            if pat.search(intro):
                chamber = chamber or ch
        if _one_motion_each(m, submitters, co_signed):
            out.extend(_split_mentions(text, m, submitters, end, chamber))
            continue
        out.append(MotionMention(m.start(), end, "named", tuple(submitters), co_signed, chamber=chamber))
    return out


def _particle_led(name: str) -> bool:
    """`Van der Brug`, `Ter Horst`: a capitalised name prefix before a capitalised word, a surname's shape."""
    first = name.split()[0]
    return (grammar().single.fullmatch(name) is not None and first[:1].isupper() and " " in name
            and first.lower() in _prefix_words() and first not in motion_data()["not_names"])  # not `De`


@cache
def _prefix_words() -> frozenset[str]:
    """The first words of the name prefixes (models/motions.json `name_prefixes`): `van`, `de`, `ter`, ..."""
    return frozenset(p.split()[0].lower() for p in motion_data()["name_prefixes"])


def _one_motion_each(m: re.Match[str], submitters: Sequence[str], co_signed: bool) -> bool:
    """`de moties van de leden Welzijn, Kouwenhoven en Van Eijk`: a plural motion word before names joined by
    commas and `en` is one motion per name; `moties Bergkamp/Keijzer` (joint names) and `c.s.` stay one."""
    plural = m.group("motie").lower().endswith("s")
    return plural and len(submitters) > 1 and not co_signed and not re.search(r"[/&]", m.group("names"))


def _split_mentions(text: str, m: re.Match[str], submitters: Sequence[str], end: int, chamber: str | None
                    ) -> list[MotionMention]:
    """One mention per submitter: the first from the motion word to its name, the others their name alone."""
    out: list[MotionMention] = []
    pos = m.start("names")
    span = text[:end].lower()
    for n, name in enumerate(submitters):
        at = span.find(name.lower(), pos, end) if len(span) == end else -1  # `İ` lowercases to two
        if at < 0:  # a name the parser rewrote (`van Dijk` -> `Van Dijk` is found; others keep the span)
            return [MotionMention(m.start(), end, "named", tuple(submitters), chamber=chamber)]
        out.append(MotionMention(m.start() if n == 0 else at, at + len(name), "named", (name,), chamber=chamber))
        pos = at + len(name)
    return out


def find_numbered(text: str, named: Sequence[MotionMention], ks: Sequence[tuple[int, int, str]]
                  ) -> list[MotionMention]:
    """`de motie (Kamerstuk 28 638, nr. 192)`: a motion known only by the citation right after it."""
    starts = [s for s, _, _ in ks]
    out: list[MotionMention] = []
    for m in _matches(text)["motion_word"]:
        if any(n.start <= m.start() < n.end for n in named):
            continue
        i = bisect_right(starts, m.end() - 1)
        if i < len(ks) and re.fullmatch(r"[\s(]{0,3}", text[m.end() : ks[i][0]]):
            out.append(MotionMention(m.start(), ks[i][1], "numbered", kamerstuk=ks[i][2]))
    return out


def find_anaphors(text: str, taken: Sequence[MotionMention]) -> list[MotionMention]:
    """`deze motie`, `de motie` ... not already part of a named or numbered mention."""
    out: list[MotionMention] = []
    for m in _matches(text)["anaphor"]:
        word = m.end() - len(m.group().split()[-1])  # the motion word: the anaphor's last word
        if any(t.start <= word < t.end for t in taken):
            continue
        out.append(MotionMention(m.start(), m.end(), "anaphor"))
    return out


# --- sentences, kamerstukken, status ----------------------------------------------------


def sentence_bounds(text: str, sentences: Sequence[Sentence] | None = None) -> list[int]:
    """Sorted sentence boundary offsets: 0, where each sentence of the analysis stage starts and ends, len(text)."""
    sentences = split_sentences(text) if sentences is None else sentences
    return sorted({0, len(text), *(s.start for s in sentences), *(s.end for s in sentences)})


def sentence_of(bounds: Sequence[int], pos: int) -> tuple[int, int]:
    """The sentence (start, end) that contains offset `pos`."""
    i = bisect_right(bounds, pos)
    return bounds[max(i - 1, 0)], bounds[min(i, len(bounds) - 1)]


@dataclass(frozen=True)
class Context:
    """What linking needs besides the text: citations, footnotes, sentence bounds."""

    text: str
    ks: tuple[tuple[int, int, str], ...]
    footnotes: tuple[Footnote, ...]
    bounds: tuple[int, ...]
    chambers: dict[str, str] = field(default_factory=dict)


def _footnote_citation(ctx: Context, start: int, end: int, sentence_end: int) -> tuple[int, str] | None:
    """The first Kamerstuk cited in a footnote anchored in [start, sentence_end] (anchor, id)."""
    for fn in sorted(ctx.footnotes, key=lambda f: f.anchor if f.anchor is not None else -1):
        if fn.anchor is None or not (start <= fn.anchor <= min(sentence_end + 1, end)):
            continue
        inside = [k for k in ctx.ks if fn.start <= k[0] < fn.end]
        if inside:
            return fn.anchor, inside[0][2]
    return None


def link_kamerstuk(ctx: Context, mention: MotionMention, next_start: int) -> str | None:
    """The motion's own id: the citation right after it in its sentence, or its footnote's citation."""
    _, sentence_end = sentence_of(ctx.bounds, max(mention.end - 1, mention.start))
    limit = min(sentence_end, next_start, mention.end + int(motion_data()["citation_gap"]))
    inline = next(((s, kid) for s, _, kid in ctx.ks if mention.end <= s < limit), None)
    note = _footnote_citation(ctx, mention.end, next_start, sentence_end)
    candidates = [c for c in (inline, note) if c is not None]
    if candidates:
        return min(candidates)[1]
    return _citation_before(ctx, mention.start)


def _citation_before(ctx: Context, start: int) -> str | None:
    """`Kamerstuk 35 300 VI, nr. 105 (motie Van Nispen)`: a citation that ends right before the mention."""
    before = [(e, kid) for _, e, kid in ctx.ks
              if 0 < start - e <= 4 and re.fullmatch(r"[\s(,;:]{1,4}", ctx.text[e:start])]
    return before[-1][1] if before else None


def find_status(ctx: Context, start: int, end: int, lo: int, hi: int) -> tuple[int, str] | None:
    """The most advanced status word in the clause of a mention (its sentence, between other mentions)."""
    s_start, s_end = sentence_of(ctx.bounds, start)
    clause = ctx.text[max(s_start, lo) : min(s_end, hi)]
    best: tuple[int, str] | None = None
    for pat, value, rank in grammar().statuses:
        if pat.search(clause) and (best is None or rank > best[0]):
            best = (rank, value)
    return best


def _with_citation(ctx: Context, end: int, kid: str | None) -> int:
    """Extend a mention over its own citation when that follows at once (`Motie van Dijk (Kamerstuk ...)`)."""
    for s, e, k in ctx.ks:
        if k == kid and re.fullmatch(r"[\s(]{0,3}", ctx.text[end:s]) and s >= end:
            return e + 1 if ctx.text[e : e + 1] == ")" and "(" in ctx.text[end:s] else e
    return end


def _order(pos: int, footnotes: Sequence[Footnote]) -> tuple[int, int, int]:
    """Reading order: a mention inside a footnote text sorts at its footnote's anchor."""
    for fn in footnotes:
        if fn.start <= pos < fn.end and fn.anchor is not None:
            return (fn.anchor, 1, pos)
    return (pos, 0, 0)


def annotate(ctx: Context, mentions: list[MotionMention]) -> list[MotionMention]:
    """Fill reading order, own Kamerstuk id, chamber and status of every mention."""
    ordered = sorted(mentions, key=lambda x: x.start)
    out: list[MotionMention] = []
    for i, m in enumerate(ordered):
        nxt = ordered[i + 1].start if i + 1 < len(ordered) else len(ctx.text)
        prv = ordered[i - 1].end if i > 0 else 0
        kid, end = m.kamerstuk, m.end
        if m.kind == "named":
            kid = link_kamerstuk(ctx, m, nxt)
            end = _with_citation(ctx, m.end, kid)
        chamber = m.chamber or (ctx.chambers.get(kid) if kid else None)
        out.append(replace(m, end=end, kamerstuk=kid, chamber=chamber, order=_order(m.start, ctx.footnotes),
                           status=find_status(ctx, m.start, m.end, prv, nxt)))
    return sorted(out, key=lambda x: x.order)


def may_mention_motions(text: str) -> bool:
    """False when no motion word (`motie`, `moties`) is in the text, in any case: every wording holds one
    (an anaphor ends in one), so the grammar, ~45 ms to compile, is not built for the three letters in
    four that mention no motion."""
    lowered = text.lower()
    return any(word.lower() in lowered for word in motion_data()["motion_words"])


def find_motions(text: str, kamerstukken: Sequence[KamerstukRef] = (),
                 footnotes: Sequence[Footnote] = (), sentences: Sequence[Sentence] | None = None) -> list[Motion]:
    """Every distinct motion in `text`, using the letter's Kamerstuk citations and footnotes."""
    if not may_mention_motions(text):
        return []
    ks = tuple(sorted((s.start, s.end, r.id) for r in kamerstukken for s in r.mentions))
    chambers = {r.id: r.chamber for r in kamerstukken if r.chamber}
    ctx = Context(text, ks, tuple(footnotes), tuple(sentence_bounds(text, sentences)), chambers)
    named = find_named(text, [s for s, _, _ in ks])
    numbered = find_numbered(text, named, ks)
    anaphors = find_anaphors(text, named + numbered)
    return group_motions(annotate(ctx, named + numbered + anaphors))


class MotionsComponent(CarriesData):
    """spaCy component: fills `doc._.motions` and the `motions` span group."""

    factory = "mh_motions"

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_motions", "sentences", "kamerstukken")
        motions = find_motions(doc_text(doc), doc._.kamerstukken, doc._.footnotes or [], doc._.sentences)
        return publish(doc, "motions", motions, lambda m: "/".join(m.submitters) or (m.kamerstuk or "motie"))


@Language.factory("mh_motions", requires=["doc._.sentences", "doc._.kamerstukken"], assigns=["doc._.motions"])
def make_motions_component(nlp: Language, name: str) -> MotionsComponent:
    """Factory for the motions component."""
    return MotionsComponent()
