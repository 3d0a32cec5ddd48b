"""Known organisations (models/organisations.jsonl), their alias table and the PhraseMatchers that find them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import get_args

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from mhextract.analysis.extensions import doc_text
from mhextract.analysis.tokenizer import shared_tokenizer
from mhextract.extract.organisations.mentions import OrgMention
from mhextract.extract.organisations.names import legal_form_free, norm
from mhextract.extract.organisations.tokens import offsets_of
from mhextract.extract.organisations.wordlists import rules
from mhextract.paths import load_jsonl
from mhextract.record.model import Organisation

KINDS: tuple[str, ...] = get_args(Organisation.model_fields["kind"].annotation)


@dataclass(frozen=True)
class GazetteerEntry:
    """One known organisation: canonical name, the other names it goes by, its kind."""

    name: str
    aliases: tuple[str, ...]
    kind: str
    id: str = ""
    exact: bool = False
    posts: tuple[str, ...] = ()
    in_compounds: bool = True  # False: `EU-richtlijn` is an adjective, not a mention of the EU

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """The entries of models/organisations.jsonl."""
    return tuple(
        GazetteerEntry(
            name=row["name"],
            aliases=tuple(row.get("aliases", [])),
            kind=row.get("kind", "other") if row.get("kind") in KINDS else "other",
            id=row.get("id") or gazetteer_id(row["name"]),
            exact=row.get("match") == "exact",
            posts=tuple(row.get("posts", [])),
            in_compounds=row.get("in_compounds", True) is not False,
        )
        for row in load_jsonl("organisations.jsonl")
    )


def gazetteer_id(name: str) -> str:
    """A stable id from a canonical name: `Coördinatiecentrum tegen Mensenhandel` -> `coordinatiecentrum-tegen-...`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@cache
def alias_table() -> dict[str, str]:
    """Normalised gazetteer name or alias -> entry key (`g:<index>`); the first entry wins."""
    table: dict[str, str] = {}
    for i, entry in enumerate(gazetteer()):
        for name in entry.names:
            table.setdefault(norm(name), f"g:{i}")
    return table


def canonical_key(key: str) -> str:
    """An unknown name that the gazetteer knows after normalising (also without a legal form such
    as `Stichting`) becomes that entry."""
    if not key.startswith("u:"):
        return key
    name = key[2:]
    bare = legal_form_free(name)
    return alias_table().get(name) or alias_table().get(bare or "", key)


def _single_variants(name: str) -> set[str]:
    return {name, name[:1].upper() + name[1:], name.upper()}


@cache
def gazetteer_matchers() -> tuple[PhraseMatcher, PhraseMatcher]:
    """(LOWER matcher, ORTH matcher) over all gazetteer names and minister posts."""
    nlp = shared_tokenizer()
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    orth = PhraseMatcher(nlp.vocab, attr="ORTH")
    ministry, post_titles, post_of = rules()["ministry_prefix"], rules()["post_titles"], rules()["post_preposition"]
    for i, entry in enumerate(gazetteer()):
        names = list(entry.names)
        if entry.kind == "ministry" and entry.name.startswith(f"{ministry} "):
            names += [f"{ministry} {a}" for a in entry.aliases]
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
        posts = [f"{title} {post_of} {post}" for post in entry.posts for title in post_titles]
        if posts:
            lower.add(f"p:{i}", [nlp.make_doc(p) for p in posts])
    return lower, orth


def compound_modifier(doc: Doc, end: int) -> bool:
    """True when the tokens up to `end` are glued by a hyphen to a following word (`EU-richtlijn`)."""
    return (
        end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-"
        and not doc[end].whitespace_ and doc[end + 1].is_alpha
    )


def find_gazetteer_mentions(doc: Doc) -> list[OrgMention]:
    """Every gazetteer name (and `minister voor <post>`) in the tokens, overlaps included; a name of an
    entry with `in_compounds: false` as the first part of a hyphenated compound is no mention."""
    lower, orth = gazetteer_matchers()
    matches = [*lower(doc), *orth(doc)]
    if not matches:
        return []
    text, offsets = doc_text(doc), offsets_of(doc)
    found: list[OrgMention] = []
    for match_id, start, end in matches:
        index, is_post = _match_key(match_id)
        entry = gazetteer()[index]
        if not is_post and not entry.in_compounds and compound_modifier(doc, end):
            continue
        start_char, end_char = offsets.starts[start], offsets.ends[end - 1]
        found.append(OrgMention(
            start_char, end_char, text[start_char:end_char], f"g:{index}", "post" if is_post else "gazetteer",
            entry.kind, surface=not is_post,
        ))
    return found


@cache
def _match_key(match_id: int) -> tuple[int, bool]:
    """The gazetteer index of a match's key (`g:<index>`, `p:<index>`) and whether it is a minister's post."""
    key = shared_tokenizer().vocab.strings[match_id]  # the matchers' vocabulary; a doc may have another
    return int(key[2:]), key.startswith("p:")
