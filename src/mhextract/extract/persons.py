"""Persons: signatories, Kamerleden, ministers and state secretaries named in the text, rapporteurs.

Find, then resolve. The finders return `PersonMention`s with offsets:
  signatory_mentions   the letter's signatories (`doc._.metadata`, else the signature block)
  motion_mentions      submitters of `doc._.motions` (Kamerlid, or Eerste Kamerlid)
  person_titles        names after a title or role (`het lid X`, `minister X`, `de heer X`, ...)
  full_name_mentions   `Derk Wiersum`, `Laura van Geest`: a known first name and a surname (person_names)
`resolve_persons` (person_resolve) merges mentions of one person (same surname) into one `Person`,
keeping the name and role of the most authoritative source. This module holds the two spaCy
components: `mh_person_mentions` (everything but full names, before organisations) and `mh_persons`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import claimed_ranges, doc_text, publish, require
from mhextract.analysis.patterns import alternation, finditer_not_after
from mhextract.extract.person_names import find_full_names
from mhextract.extract.person_posts import find_post_mentions
from mhextract.extract.person_resolve import PersonMention, resolve_persons
from mhextract.extract.person_titles import (
    find_academic_mentions,
    find_government_mentions,
    find_leader_mentions,
    find_member_mentions,
    find_official_mentions,
    find_rapporteur_mentions,
    find_titled_mentions,
    roles,
)
from mhextract.normalise.signature import signatories_in
from mhextract.record.model import Motion, Person, Signatory

_WORD_CHAR = re.compile(r"\w")


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` stands as whole words (any whitespace between its words)."""
    pattern = re.compile(r"\s+".join(re.escape(p) for p in name.split()) + r"(?![\w])")
    return [(m.start(), m.end()) for m in finditer_not_after(pattern, text, _WORD_CHAR)]


@cache
def _role_article() -> re.Pattern[str]:
    """A leading article of a signatory's role (`De minister van ...`), in either case."""
    articles = alternation({v for a in roles()["articles"] for v in (a, a[:1].upper() + a[1:])})
    return re.compile(rf"^(?:{articles})\s+")


def signatory_mentions(text: str, signatories: Sequence[Signatory]) -> list[PersonMention]:
    """Each signatory with the role as written, without the leading article."""
    found: list[PersonMention] = []
    for sig in signatories:
        role = _role_article().sub("", sig.role.strip())
        spans = _occurrences(text, sig.name) or [(0, 0)]
        found.extend(PersonMention(s, e, sig.name, role, "signatory") for s, e in spans)
    return found


def find_signatories(text: str) -> list[Signatory]:
    """Fallback when no metadata is given: the signature block among the text's last paragraphs."""
    return signatories_in(re.split(r"\n\s*\n", text)[-14:])


def motion_mentions(text: str, motions: Sequence[Motion]) -> list[PersonMention]:
    """Motion submitters: Kamerlid, or Eerste Kamerlid when the motion is an Eerste Kamer motion."""
    found: list[PersonMention] = []
    for motion in motions:
        eerste = bool(motion.chamber) and roles()["eerste_kamer_word"] in (motion.chamber or "").lower()
        role = roles()["eerste_kamer_role"] if eerste else roles()["member_role"]
        for name in motion.submitters:
            spans = []
            for span in motion.mentions:
                spans += [(span.start + s, span.start + e) for s, e in
                          _occurrences(text[span.start:span.end].lower(), name.lower())]
            if not spans:
                spans = [(s.start, s.end) for s in motion.mentions[:1]] or [(0, 0)]
            found.extend(PersonMention(s, e, name, role, "motion") for s, e in spans)
    return found


def full_name_mentions(text: str, blocked: Sequence[tuple[int, int]] = ()) -> list[PersonMention]:
    """Full names in running text without a title or role (`Derk Wiersum`), outside organisation names."""
    return [PersonMention(s, e, name, None, "fullname") for s, e, name in find_full_names(text, list(blocked))]


def find_persons(
    text: str, signatories: Sequence[Signatory] | None = None, motions: Sequence[Motion] = (),
    blocked: Sequence[tuple[int, int]] = (),
) -> list[Person]:
    """All named persons in `text`; signatories from the metadata, else from the signature block.

    `blocked` are ranges no full name may overlap (the organisations' mentions: `Prinses Máxima Centrum`).
    """
    return resolve_persons([*find_person_mentions(text, signatories, motions), *full_name_mentions(text, blocked)])


def find_person_mentions(
    text: str, signatories: Sequence[Signatory] | None = None, motions: Sequence[Motion] = (),
) -> list[PersonMention]:
    """The mentions of every finder that needs no organisations (all but full names), most authoritative
    source first: what `mh_person_mentions` hands to the organisations component."""
    sigs = list(signatories) if signatories else find_signatories(text)
    return [
        *signatory_mentions(text, sigs),
        *motion_mentions(text, motions),
        *find_member_mentions(text),
        *find_government_mentions(text),
        *find_post_mentions(text),
        *find_rapporteur_mentions(text),
        *find_official_mentions(text),
        *find_academic_mentions(text),
        *find_leader_mentions(text),
        *find_titled_mentions(text),
    ]


class PersonsComponent(CarriesData):
    """Sets `doc._.persons` and the `persons` span group."""

    factory = "mh_persons"

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_persons", "person_mentions", "organisations")
        blocked = claimed_ranges(doc, "organisations")
        mentions = [*doc._.person_mentions, *full_name_mentions(doc_text(doc), blocked)]
        return publish(doc, "persons", resolve_persons(mentions), lambda p: p.name)


class PersonMentionsComponent(CarriesData):
    """Sets `doc._.person_mentions`: the titled and role mentions, which organisations read (never a name)."""

    factory = "mh_person_mentions"

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_person_mentions", "motions")
        metadata = doc._.metadata
        signatories = metadata.signatories if metadata is not None else None
        doc._.person_mentions = find_person_mentions(doc_text(doc), signatories, doc._.motions)
        return doc


@Language.factory("mh_person_mentions", requires=["doc._.motions"], assigns=["doc._.person_mentions"])
def make_person_mentions(nlp: Language, name: str) -> PersonMentionsComponent:
    """spaCy factory for the person mentions (before organisations)."""
    return PersonMentionsComponent()


@Language.factory(
    "mh_persons",
    requires=["doc._.person_mentions", "doc._.organisations"],
    assigns=["doc._.persons"],
)
def make_persons(nlp: Language, name: str) -> PersonsComponent:
    """spaCy factory for the persons component (after organisations: full names never inside one)."""
    return PersonsComponent()
