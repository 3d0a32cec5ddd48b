"""One `Organisation` per body: mentions chosen, definitions linked, same names merged, entries built."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from spacy.tokens import Doc

from mhextract.extract.organisations.definitions import Definition, alias_mentions, link_definitions
from mhextract.extract.organisations.keys import Keys
from mhextract.extract.organisations.known import alias_table, canonical_key, gazetteer
from mhextract.extract.organisations.mentions import OrgMention, select_mentions
from mhextract.extract.organisations.names import clean, generic, legal_form_free, norm
from mhextract.extract.organisations.wordlists import rules, word_set
from mhextract.record.model import Organisation


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
    """For each case-folded surface, its most frequent spelling (first seen on ties); an all-caps
    spelling of several words (a header line) never wins over a mixed-case one."""
    counts = Counter(forms)
    best: dict[str, str] = {}
    for form in forms:
        k = form.casefold()
        rank = (not shouted(form), counts[form])
        if k not in best or rank > (not shouted(best[k]), counts[best[k]]):
            best[k] = form
    return best


def shouted(form: str) -> bool:
    """An all-caps name of several words, as in a kst header line (`VEILIGHEID EN JUSTITIE`)."""
    return " " in form and form.isupper()


def _case_normalised(form: str, names: Sequence[str]) -> str:
    """An all-caps form written as the known entry writes that name (`VEILIGHEID EN JUSTITIE` ->
    `Veiligheid en Justitie`), else unchanged."""
    if not shouted(form):
        return form
    return next((n for n in names if n.casefold() == form.casefold()), form)


@lru_cache(maxsize=4096)
def _known_names(names: tuple[str, ...]) -> frozenset[str]:
    """The normalised names of a known body (asked for each body in each letter)."""
    return frozenset(norm(n) for n in names)


def build_organisation(mentions: Sequence[OrgMention], combined: str | None = None) -> Organisation | None:
    """One `Organisation` from all mentions of one body: name, the letter's other names, kind, spans."""
    if all(m.source == "post" for m in mentions):
        return None  # `minister voor Rechtsbescherming` alone does not name a ministry
    gaz = [m for m in mentions if m.key.startswith("g:")]
    entry = gazetteer()[int(Counter(m.key for m in gaz).most_common(1)[0][0][2:])] if gaz else None
    forms = [form for m in mentions if m.surface and (form := clean(m.text))]
    if entry:
        forms = [_case_normalised(f, entry.names) if shouted(f) else f for f in forms]
    if entry:  # `Stichting FairWork` also writes the known short name `FairWork`
        known = _known_names(entry.names)
        forms += [f.split(" ", 1)[1] for f in forms if (legal_form_free(norm(f)) or "") in known]
    spellings = _pick_spelling(forms)
    surfaces = list(spellings.values())
    if combined:
        name = combined
    elif entry:  # a known body has its canonical name in every record; the letter's forms are aliases
        name = entry.name
    elif surfaces:
        defined = [clean(m.text) for m in mentions if m.source == "definition"]
        name = max(defined or surfaces, key=len)
    else:
        return None
    if norm(name) in generic():
        return None
    aliases = [s for s in surfaces if s.casefold() != name.casefold() and not shouted(s)]
    kind = entry.kind if entry else next((m.kind for m in mentions if m.kind != "other"), "other")
    spans = sorted({(m.start, m.end) for m in mentions if m.end > m.start})
    return Organisation.model_validate({  # validated at once: faster than a `Span` per mention
        "id": entry.id if entry and not combined else None, "name": name, "aliases": aliases, "kind": kind,
        "mentions": [{"start": s, "end": e} for s, e in spans],
    })


def resolve_organisations(
    text: str, doc: Doc, rule: Sequence[OrgMention], model: Sequence[OrgMention],
    definitions: Sequence[Definition], blocked: Sequence[tuple[int, int]] = (),
    letterhead: Sequence[OrgMention] = (),
) -> list[Organisation]:
    """All candidate mentions -> one `Organisation` per body, in order of first mention."""
    keys = Keys()
    chosen = select_mentions(rule, model, blocked)
    chosen = [m if (key := canonical_key(m.key)) == m.key else m._replace(key=key) for m in chosen]
    linked = link_definitions(text, doc, definitions, chosen, model, keys)
    redefined = {(m.text, m.key) for m in linked if m.source == "redefined"}  # a known abbreviation the letter
    chosen = [m for m in chosen if (m.text, m.key) not in redefined]  # defines as something else names no body
    chosen = select_mentions([*chosen, *[m for m in linked if m.source == "definition"]], [], blocked)
    defined = [m for m in linked if m.source == "alias"]
    chosen = _defined_spans_win(chosen, defined, keys)
    aliases: dict[str, tuple[str, int]] = {}
    for m in defined:
        aliases.setdefault(m.text, (m.key, m.end))
    for m in chosen:
        if m.tail:
            last = m.text.split()[-1]
            if last[:1].isupper() and norm(last) not in generic():
                aliases.setdefault(last, (m.key, 0))
    taken = [(m.start, m.end) for m in [*chosen, *defined]] + list(blocked)
    mentions = [*chosen, *defined, *alias_mentions(text, aliases, taken), *letterhead]
    _merge_unknown(mentions, keys)
    _join_short_forms(mentions, keys)
    _join_committee_forms(mentions, keys)
    combined: dict[str, str] = {}
    for a, b in _slash_pairs(text, chosen):
        keys.union(a.key, b.key)
        combined[keys.find(a.key)] = f"{clean(a.text)}/{clean(b.text)}"
    groups: dict[str, list[OrgMention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        groups.setdefault(keys.find(m.key), []).append(m)
    orgs = [build_organisation(ms, combined.get(root)) for root, ms in groups.items()]
    return [o for o in orgs if o is not None]


def _defined_spans_win(chosen: Sequence[OrgMention], defined: Sequence[OrgMention], keys: Keys) -> list[OrgMention]:
    """A defined abbreviation (`(SZW)` after a committee) names the defined body there, not the
    known body the abbreviation otherwise stands for: other mentions of that exact span go."""
    owner = {(m.start, m.end): keys.find(m.key) for m in defined}
    return [m for m in chosen if owner.get((m.start, m.end), keys.find(m.key)) == keys.find(m.key)]


def _merge_unknown(mentions: Sequence[OrgMention], keys: Keys) -> None:
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


def _join_short_forms(mentions: Sequence[OrgMention], keys: Keys) -> None:
    """`de Ministeriële Commissie` after `Ministeriële Commissie Migratie`: an unknown name of two or
    more words that is word for word the start of the name of exactly one other body in the letter
    is that body's short form (two bodies with that start leave it alone)."""
    names: dict[str, set[str]] = {}
    for m in mentions:
        if m.surface:
            names.setdefault(keys.find(m.key), set()).add(norm(m.text))
    for key in sorted({m.key for m in mentions if m.key.startswith("u:")}):
        short = key[2:]
        if len(short.split()) < 2:
            continue
        own = keys.find(key)
        longer = {root for root, forms in names.items()
                  if root != own and any(f.startswith(short + " ") for f in forms)}
        if len(longer) == 1:
            keys.union(longer.pop(), key)


def committee_form(name: str) -> str | None:
    """`vaste commissie voor klimaat en groene groei` -> `commissie klimaat en groene groei`: a committee's
    name without its adjective and the preposition after the noun (models/org_heads.json), a ministry's
    portfolio or its abbreviation as the ministry (`commissie lnv`, `commissie voor landbouw, natuur en
    voedselkwaliteit`: one form); None for a name that is no committee with a portfolio."""
    words = name.split()
    if words and words[0] in word_set("committee_adjectives"):
        words = words[1:]
    if len(words) > 1 and words[1] == rules()["committee_preposition"]:
        words = [words[0], *words[2:]]
    if len(words) < 2 or words[0] not in word_set("committee_nouns"):
        return None
    ministry = alias_table().get(" ".join(words[1:]), "")  # `commissie lnv` = `commissie landbouw, natuur en ...`
    if ministry and gazetteer()[int(ministry[2:])].kind == "ministry":
        return f"{words[0]} {ministry}"
    return " ".join(words)


def _join_committee_forms(mentions: Sequence[OrgMention], keys: Keys) -> None:
    """`commissie X` and `vaste commissie voor X` in one letter: one committee (an unknown name joins the
    other body; two known bodies are never joined)."""
    by_form: dict[str, str] = {}
    for m in sorted((m for m in mentions if m.surface), key=lambda m: m.key.startswith("u:")):
        form = committee_form(norm(m.text))
        if form is None:
            continue
        other = by_form.setdefault(form, m.key)
        if other != m.key and m.key.startswith("u:"):
            keys.union(other, m.key)


def near_duplicate(a: str, b: str) -> bool:
    """Same number of words, same first and last word, and nearly the same letters."""
    wa, wb = a.split(), b.split()
    return (
        len(wa) == len(wb) >= 3 and wa[0] == wb[0] and wa[-1] == wb[-1]
        and SequenceMatcher(None, a, b).ratio() >= rules()["near_duplicate_ratio"]
    )
