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

from mhextract.analysis.extensions import claimed_ranges, doc_text, publish
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
    gazetteer_matchers,
)
from mhextract.extract.organisations.letterhead import letterhead_mentions
from mhextract.extract.organisations.mentions import OrgMention, blocked_matcher, find_blocked, select_mentions
from mhextract.extract.organisations.merge import build_organisation, near_duplicate, resolve_organisations
from mhextract.extract.organisations.names import clean, legal_form_free, norm
from mhextract.extract.organisations.ner import MODEL_LABELS, model_mentions, plausible_model_name
from mhextract.extract.organisations.offices import drop_office_only_ministries
from mhextract.extract.organisations.tokens import (
    is_blank_tokenizer,
    is_capword,
    retokenize,
    sentence_initial,
    tokenize,
    tokenizer,
)
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
    "is_blank_tokenizer",
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
    "retokenize",
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
    tokens: Doc | None = None,
) -> list[Organisation]:
    """All organisations in `text` (plus the sender block), with the model's ORG spans if any;
    `person_names` (motion submitters, signatories) are never organisations; `tokens` are the
    text's tokens as `tokenize` makes them, when the caller has them already."""
    doc = tokens if tokens is not None else tokenize(text)
    gaz = heading_topics(text, find_gazetteer_mentions(doc))
    rule = [*gaz, *find_pattern_mentions(doc, gaz), *find_descriptor_mentions(doc)]
    rule += find_coordinated_mentions(doc, select_mentions(rule, [], find_blocked(doc)), person_names, claimed)
    model = model_mentions(text, model_spans, claimed, person_names)
    found = resolve_organisations(
        text, doc, rule, model, find_definitions(text), find_blocked(doc), letterhead_mentions(letterhead),
    )
    return drop_office_only_ministries(text, found)


# ----------------------------------------------------------------------------- spaCy


def prepare_matchers() -> Language:
    """Build our tokenizer and the PhraseMatchers on its vocabulary (they must outlive any memory zone)."""
    gazetteer_matchers()
    head_matcher()
    blocked_matcher()
    return tokenizer()


class OrganisationsComponent:
    """Sets `doc._.organisations` and the `organisations` span group."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp
        self._checked: object = None  # the pipeline tokenizer last checked by `_same_tokens`
        self._same = False

    def _same_tokens(self) -> bool:
        """True when the pipeline's tokenizer is blank Dutch's, so its Doc can be re-split, not re-tokenized."""
        current = self.nlp.tokenizer if self.nlp is not None else None
        if current is not self._checked:
            self._checked, self._same = current, current is not None and is_blank_tokenizer(current)
        return self._same

    @contextmanager
    def memory_zone(self, mem: Any = None) -> Iterator[None]:
        """Entered by `nlp.memory_zone()`: the words our own tokenizer meets inside it are freed with it
        (its vocabulary would otherwise keep every new word of every letter)."""
        vocab = prepare_matchers().vocab
        if cast(Any, vocab).in_memory_zone:  # zones must not nest (another pipeline shares our tokenizer)
            yield
            return
        with vocab.memory_zone(mem):
            yield

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        model_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in MODEL_LABELS]
        claimed = claimed_ranges(doc, "kamerstukken", "references", "motions", "dates", "figures")
        metadata = doc._.metadata
        sender = [metadata.sender] if metadata is not None and metadata.sender else []
        people = [n for m in doc._.motions or [] for n in m.submitters]
        people += [s.name for s in metadata.signatories] if metadata is not None else []
        people += [p.name for p in [*persons.find_member_mentions(text), *persons.find_government_mentions(text)]]
        tokens = retokenize(doc, text) if self._same_tokens() else None
        orgs = find_organisations(text, model_spans, claimed, sender, people, tokens)
        return publish(doc, "organisations", orgs, lambda o: o.name)


@Language.factory("mh_organisations")
def make_organisations(nlp: Language, name: str) -> OrganisationsComponent:
    """spaCy factory for the organisations component."""
    return OrganisationsComponent(nlp)
