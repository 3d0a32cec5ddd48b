"""Organisations (gazetteer, definitions, head words, a model's ORG entities), one entry per body.

Find (each pass returns `OrgMention`s with offsets into the text), then resolve:
  known.find_gazetteer_mentions  spaCy PhraseMatcher over models/organisations.jsonl (LOWER for
                                 multi-word names, ORTH for single words and common-word names)
  headings.heading_topics        drops a bare portfolio name in a heading (`Financiën en capaciteit`)
  definitions.find_definitions   `Full Name (ABBR)`, `Full Name (hierna: [de] Alias)`
  unknown.find_pattern_mentions  capitalised names around a head word (models/org_heads.json)
  unknown.find_descriptor_mentions  the name after a descriptor (`onderzoeksbureau Kompas Beleidsonderzoek`)
  coordination.find_coordinated_mentions  names listed with a recognised one (`FNV, CNV en VCP`)
  ner.model_mentions             the model's ORG entities that can be organisation names
  letterhead.letterhead_mentions organisations in the sender block
  merge.resolve_organisations    overlaps (longest rule mention wins, rules beat the model), aliases
                                 linked, one `Organisation` per body with all its names and mentions
The word lists (wordlists), name forms (names), tokens (tokens), the mention type (mentions) and
the union-find over keys (keys) are shared by these passes; this module holds the entry point
`find_organisations` and the spaCy component.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.extract import persons
from mhextract.extract.organisations.coordination import find_coordinated_mentions
from mhextract.extract.organisations.definitions import (
    Definition,
    alias_mentions,
    find_definitions,
    link_definitions,
)
from mhextract.extract.organisations.headings import heading_topics
from mhextract.extract.organisations.keys import Keys
from mhextract.extract.organisations.known import (
    KINDS,
    GazetteerEntry,
    alias_table,
    canonical_key,
    find_gazetteer_mentions,
    gazetteer,
)
from mhextract.extract.organisations.letterhead import letterhead_mentions
from mhextract.extract.organisations.mentions import OrgMention, find_blocked, select_mentions
from mhextract.extract.organisations.merge import build_organisation, near_duplicate, resolve_organisations
from mhextract.extract.organisations.names import clean, legal_form_free, norm
from mhextract.extract.organisations.ner import MODEL_LABELS, model_mentions, plausible_model_name
from mhextract.extract.organisations.tokens import is_capword, sentence_initial, tokenize, tokenizer
from mhextract.extract.organisations.unknown import find_descriptor_mentions, find_pattern_mentions
from mhextract.extract.organisations.wordlists import Head, heads
from mhextract.nlp.extensions import add_span_group, claimed_ranges
from mhextract.record import Organisation

__all__ = [
    "KINDS",
    "MODEL_LABELS",
    "Definition",
    "GazetteerEntry",
    "Head",
    "Keys",
    "OrgMention",
    "OrganisationsComponent",
    "alias_mentions",
    "alias_table",
    "build_organisation",
    "canonical_key",
    "clean",
    "find_blocked",
    "find_coordinated_mentions",
    "find_definitions",
    "find_descriptor_mentions",
    "find_gazetteer_mentions",
    "find_organisations",
    "find_pattern_mentions",
    "gazetteer",
    "heads",
    "is_capword",
    "legal_form_free",
    "letterhead_mentions",
    "link_definitions",
    "make_organisations",
    "model_mentions",
    "near_duplicate",
    "norm",
    "plausible_model_name",
    "resolve_organisations",
    "select_mentions",
    "sentence_initial",
    "tokenize",
    "tokenizer",
]


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
    gaz = heading_topics(text, find_gazetteer_mentions(doc))
    rule = [*gaz, *find_pattern_mentions(doc, gaz), *find_descriptor_mentions(doc)]
    rule += find_coordinated_mentions(doc, select_mentions(rule, [], find_blocked(doc)), person_names, claimed)
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
        people = [n for m in doc._.motions or [] for n in m.submitters]
        people += [s.name for s in metadata.signatories] if metadata is not None else []
        people += [
            p.name for p in [*persons.find_member_mentions(doc.text), *persons.find_government_mentions(doc.text)]
        ]
        orgs = find_organisations(doc.text, model_spans, claimed, sender, people)
        doc._.organisations = orgs
        add_span_group(doc, "organisations", [(s.start, s.end, o.name) for o in orgs for s in o.mentions])
        return doc


@Language.factory("mh_organisations")
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    """spaCy factory for the organisations component."""
    return OrganisationsComponent()
