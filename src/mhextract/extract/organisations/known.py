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
from mhextract.analysis.phrases import add_hashed, phrase_hashes, token_count
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


class GazetteerMatchers:
    """A LOWER and an ORTH PhraseMatcher over every gazetteer name and minister post, their patterns made
    from the names' word hashes (`analysis.phrases`): no lexeme per name word, ~10 ms instead of ~0.1 s.
    Each matcher has one key; the words of a match say which entries it is."""

    KEY = "gazetteer"

    def __init__(self) -> None:
        self.nlp = shared_tokenizer()
        self.matchers = {attr: PhraseMatcher(self.nlp.vocab, attr=attr) for attr in ("LOWER", "ORTH")}
        self.entries: dict[tuple[str, tuple[int, ...]], list[tuple[int, bool]]] = {}  # -> (entry index, is a post)
        written: dict[str, set[int]] = {}  # each name as an entry writes it -> the entries that do
        for i, entry in enumerate(gazetteer()):
            for name in entry.names:
                written.setdefault(name, set()).add(i)
        ministry, post_titles, post_of = rules()["ministry_prefix"], rules()["post_titles"], rules()["post_preposition"]
        for i, entry in enumerate(gazetteer()):
            names = list(entry.names)
            if entry.kind == "ministry" and entry.name.startswith(f"{ministry} "):
                names += [f"{ministry} {a}" for a in entry.aliases]
            for name in dict.fromkeys(names):
                # a one-token name in three cases and an `exact` entry's name with either first letter
                # match their case (ORTH), any other name matches in any case (LOWER)
                if token_count(self.nlp, name) == 1:  # a case variant that another entry writes is that entry's
                    variants = {v for v in _single_variants(name) if v == name or not written.get(v, set()) - {i}}
                    self._add_all("ORTH", variants, i)  # (`RVS` is not the Raad van State's `RvS`)
                elif entry.exact:
                    self._add_all("ORTH", {name, name[:1].upper() + name[1:]}, i)
                else:
                    self._add_all("LOWER", {name}, i)
            posts = {f"{title} {post_of} {post}" for post in entry.posts for title in post_titles}
            self._add_all("LOWER", posts, i, post=True)

    def _add_all(self, attr: str, phrases: set[str], index: int, post: bool = False) -> None:
        for phrase in sorted(phrases):
            hashes = phrase_hashes(self.nlp, phrase, attr)
            found = self.entries.setdefault((attr, hashes), [])
            if not found:
                add_hashed(self.matchers[attr], self.KEY, [hashes])
            if (index, post) not in found:
                found.append((index, post))

    def __call__(self, doc: Doc) -> list[tuple[int, bool, int, int]]:
        """(entry index, is a post, start, end) of every match, LOWER matches first."""
        out: list[tuple[int, bool, int, int]] = []
        for attr, matcher in self.matchers.items():
            for _, start, end in matcher(doc):
                words = tuple(doc[k].lower if attr == "LOWER" else doc[k].orth for k in range(start, end))
                out += [(i, post, start, end) for i, post in self.entries[(attr, words)]]
        return out


@cache
def gazetteer_matchers() -> GazetteerMatchers:
    """The gazetteer's matchers, built once per process (on the shared tokenizer's vocabulary)."""
    return GazetteerMatchers()


def compound_modifier(doc: Doc, end: int) -> bool:
    """True when the tokens up to `end` are glued by a hyphen to a following word (`EU-richtlijn`)."""
    return (
        end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-"
        and not doc[end].whitespace_ and doc[end + 1].is_alpha
    )


def find_gazetteer_mentions(doc: Doc) -> list[OrgMention]:
    """Every gazetteer name (and `minister voor <post>`) in the tokens, overlaps included; a name of an
    entry with `in_compounds: false` as the first part of a hyphenated compound is no mention."""
    matches = gazetteer_matchers()(doc)
    if not matches:
        return []
    text, offsets = doc_text(doc), offsets_of(doc)
    found: list[OrgMention] = []
    for index, is_post, start, end in matches:
        entry = gazetteer()[index]
        if not is_post and not entry.in_compounds and compound_modifier(doc, end):
            continue
        start_char, end_char = offsets.starts[start], offsets.ends[end - 1]
        found.append(OrgMention(
            start_char, end_char, text[start_char:end_char], f"g:{index}", "post" if is_post else "gazetteer",
            entry.kind, surface=not is_post,
        ))
    return found
