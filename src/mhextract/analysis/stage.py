"""The analysis stage: the pipeline's first component, cutting sentences once for every extractor.

`mh_analysis` puts the sentences of `analysis.sentences` into `doc._.sentences` (offsets,
paragraph index) and marks their first tokens, so `doc.sents` gives the same sentences
to spaCy users. Extractors read `doc._.sentences` instead of splitting the text again.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import doc_text
from mhextract.analysis.sentences import Sentences, split_sentences


def mark_sentence_starts(doc: Doc, sentences: Sentences) -> None:
    """Set each token's `is_sent_start` from `sentences` (a token starting in a gap joins the sentence before)."""
    if not len(doc) or doc.has_annotation("DEP"):
        return  # a parser's sentences are kept: its trees must not be cut
    idx = doc.to_array(IDX)
    starts = numpy.searchsorted(idx, [s.start for s in sentences])  # repeats set the same start twice
    values = numpy.full(len(doc), -1, dtype="int32")
    values[0] = 1
    values[starts[starts < len(doc)]] = 1
    doc.from_array([SENT_START], cast(Any, values.reshape(-1, 1).astype("uint64")))


class AnalysisComponent(CarriesData):
    """Sets `doc._.sentences` and the tokens' sentence starts."""

    factory = "mh_analysis"

    def __call__(self, doc: Doc) -> Doc:
        sentences = split_sentences(doc_text(doc))
        doc._.sentences = sentences
        mark_sentence_starts(doc, sentences)
        return doc


@Language.factory("mh_analysis", assigns=["doc._.sentences", "token.is_sent_start"])
def make_analysis(nlp: Language, name: str) -> AnalysisComponent:
    """Factory for the analysis stage (runs first)."""
    return AnalysisComponent()
