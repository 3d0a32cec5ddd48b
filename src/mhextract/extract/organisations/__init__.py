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

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import claimed_ranges, doc_text, publish, require
from mhextract.analysis.tokenizer import has_split_rules, share_tokenizer, shared_tokenizer, tokenize
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
    gazetteer_matchers,
)
from mhextract.extract.organisations.letterhead import letterhead_mentions
from mhextract.extract.organisations.mentions import OrgMention, blocked_matcher, find_blocked, select_mentions
from mhextract.extract.organisations.merge import build_organisation, near_duplicate, resolve_organisations
from mhextract.extract.organisations.names import clean, legal_form_free, norm
from mhextract.extract.organisations.ner import MODEL_LABELS, model_mentions, plausible_model_name
from mhextract.extract.organisations.offices import drop_office_only_ministries
from mhextract.extract.organisations.tokens import is_capword, sentence_initial
from mhextract.extract.organisations.unknown import find_descriptor_mentions, find_pattern_mentions, head_matcher
from mhextract.extract.organisations.wordlists import Head, heads
from mhextract.record.model import Organisation

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
    "prepare_matchers",
    "resolve_organisations",
    "select_mentions",
    "sentence_initial",
    "tokenize",
]


def find_organisations(
    text: str,
    model_spans: Iterable[tuple[int, int]] = (),
    claimed: Sequence[tuple[int, int]] = (),
    letterhead: Iterable[str] = (),
    person_names: Iterable[str] = (),
    tokens: Doc | None = None,
) -> list[Organisation]:
    """All organisations in `text` (plus the sender block), with the model's ORG spans if any;
    `person_names` (motion submitters, signatories) are never organisations; `tokens` are the
    text's tokens as the pipeline's tokenizer (with `analysis.tokenizer`'s split rules) makes them,
    when the caller has them already."""
    doc = tokens if tokens is not None else tokenize(text)
    gaz = heading_topics(text, find_gazetteer_mentions(doc))
    rule = [*gaz, *find_pattern_mentions(doc, gaz), *find_descriptor_mentions(doc)]
    blocked = find_blocked(doc)
    rule += find_coordinated_mentions(doc, select_mentions(rule, [], blocked), person_names, claimed)
    model = model_mentions(text, model_spans, claimed, person_names)
    found = resolve_organisations(
        text, doc, rule, model, find_definitions(text), blocked, letterhead_mentions(letterhead),
    )
    return drop_office_only_ministries(text, found)


# ----------------------------------------------------------------------------- spaCy


def prepare_matchers() -> Language:
    """Build the PhraseMatchers on the shared tokenizer's vocabulary (they must outlive any memory zone)."""
    gazetteer_matchers()
    head_matcher()
    blocked_matcher()
    return shared_tokenizer()


class OrganisationsComponent(CarriesData):
    """Sets `doc._.organisations` and the `organisations` span group."""

    factory = "mh_organisations"

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp
        if nlp is not None:
            share_tokenizer(nlp)
        prepare_matchers()  # ~0.1 s on the shared tokenizer, before any memory zone

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[None]:
        """Entered by `nlp.memory_zone()`: when the matchers' tokenizer is not the pipeline's, the words it
        meets inside the zone are freed with it (its vocabulary would otherwise keep every new word)."""
        vocab = prepare_matchers().vocab
        if cast(Any, vocab).in_memory_zone:  # zones must not nest (another pipeline shares our tokenizer)
            yield
            return
        with vocab.memory_zone(mem):
            yield

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_organisations", "kamerstukken", "references", "motions", "dates", "figures",
                "person_mentions")
        text = doc_text(doc)
        model_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in MODEL_LABELS]
        claimed = claimed_ranges(doc, "kamerstukken", "references", "motions", "dates", "figures")
        metadata = doc._.metadata
        sender = [metadata.sender] if metadata is not None and metadata.sender else []
        people = [n for m in doc._.motions for n in m.submitters]
        people += [s.name for s in metadata.signatories] if metadata is not None else []
        people += [p.name for p in doc._.person_mentions if p.source in ("member", "government")]
        tokens = doc if has_split_rules(self.nlp.tokenizer if self.nlp is not None else None) else None
        orgs = find_organisations(text, model_spans, claimed, sender, people, tokens)
        return publish(doc, "organisations", orgs, lambda o: o.name)


@Language.factory(
    "mh_organisations",
    requires=["doc._.kamerstukken", "doc._.references", "doc._.motions", "doc._.dates", "doc._.figures",
              "doc._.person_mentions"],
    assigns=["doc._.organisations"],
)
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    """spaCy factory for the organisations component."""
    return OrganisationsComponent(nlp)
