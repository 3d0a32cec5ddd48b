"""From a letter file to a validated `Record`: ingest -> normalise -> segment -> spaCy -> record.

`prepare` does everything before spaCy (pure Python, per file); `to_doc` sets the
Doc extensions our components read; `build_record` turns the processed Doc into
the record and fills every span's page and section. `extract_file` and
`extract_docs` are the one-letter and streaming (nlp.pipe) entry points.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from mhextract import __version__
from mhextract.analysis.extensions import OUTPUTS
from mhextract.analysis.pipeline import model_label
from mhextract.analysis.tokens import make_doc
from mhextract.fingerprint import fingerprint
from mhextract.ingest import read_letter
from mhextract.limits import DEFAULT_LIMITS, Limits
from mhextract.normalise import normalise
from mhextract.normalise.letter import Letter
from mhextract.normalise.metadata import extract_metadata, own_kamerstukken
from mhextract.normalise.segment import find_sections, section_index
from mhextract.record.model import Extractor, Metadata, Record, Section, Source, Span


@dataclass
class Prepared:
    """A letter ready for spaCy: normalised text, sections and metadata."""

    letter: Letter
    sections: list[Section]
    metadata: Metadata


def prepare(path: Path | str, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """Read, normalise, segment and take metadata from one file (raises `IngestError`)."""
    letter = normalise(read_letter(path, limits))
    return Prepared(letter=letter, sections=find_sections(letter), metadata=extract_metadata(letter))


def to_doc(nlp: Language, prepared: Prepared) -> Doc:
    """A tokenised Doc carrying the inputs our components read (letter date, footnotes, ...)."""
    doc = make_doc(nlp, prepared.letter.text)  # no spaCy max_length: --max-chars bounds the text
    doc._.text = prepared.letter.text  # read by every component; spaCy would rebuild it each time
    doc._.letter_date = prepared.metadata.date
    doc._.footnotes = prepared.letter.footnotes
    doc._.body_start = prepared.letter.body_start
    doc._.body_end = prepared.letter.body_end
    doc._.metadata = prepared.metadata
    doc._.own_kamerstukken = own_kamerstukken(prepared.letter)
    doc._.sections = prepared.sections
    return doc


def build_record(prepared: Prepared, doc: Doc, model: str) -> Record:
    """Collect the components' outputs from `doc` into a record with full provenance."""
    letter = prepared.letter
    fields: dict[str, Any] = {name: list(getattr(doc._, name) or []) for name in OUTPUTS}
    record = Record(
        extractor=Extractor(version=__version__, fingerprint=fingerprint(), model=model),
        source=Source(path=letter.path, sha256=letter.sha256, format=letter.format, pages=letter.pages),
        text=letter.text,
        body_start=letter.body_start,
        body_end=letter.body_end,
        metadata=prepared.metadata,
        sections=prepared.sections,
        footnotes=letter.footnotes,
        **fields,
    )
    _fill_provenance(record, letter, prepared.sections)
    return record


def extract_file(path: Path | str, nlp: Language) -> Record:
    """One letter file -> record (raises `IngestError` for unreadable input)."""
    prepared = prepare(path)
    doc = nlp(to_doc(nlp, prepared))
    return build_record(prepared, doc, model_label(nlp))


def extract_docs(nlp: Language, prepared: Iterable[Prepared], batch_size: int = 16) -> Iterator[Record]:
    """Stream prepared letters through `nlp.pipe`; yields records in input order, keeps no docs."""
    items = iter(prepared)
    pending: list[Prepared] = []

    def docs() -> Iterator[Doc]:
        for p in items:
            pending.append(p)
            yield to_doc(nlp, p)

    label = model_label(nlp)
    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield build_record(pending.pop(0), doc, label)


def _fill_provenance(record: Record, letter: Letter, sections: list[Section]) -> None:
    """Set page and section of every Span; a footnote span takes its marker's section."""
    page_at = letter.page_lookup()
    note_at = letter.footnote_lookup(inclusive_end=True)
    for span in _all_spans(record):
        offset = span.start
        if offset >= letter.body_end:
            note = note_at(offset)
            if note is None or note.anchor is None:
                span.place(page_at(span.start), None)
                continue
            offset = note.anchor
        span.place(page_at(span.start), section_index(sections, offset))


def _all_spans(model: BaseModel) -> Iterator[Span]:
    for name in _model_fields(type(model)):
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Span):
                yield item
            elif isinstance(item, BaseModel):
                yield from _all_spans(item)


@cache
def _model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record model whose type names a model (the only ones that can hold a Span)."""
    return tuple(name for name, field in cls.model_fields.items() if _names_model(field.annotation))


def _names_model(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_names_model(arg) for arg in get_args(annotation))
