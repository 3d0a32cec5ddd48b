"""The Python API: `mhextract.parse("letter.pdf") -> Record` and `mhextract.parse_many([...])`.

Both use the pipeline the CLI uses (`analysis.pipeline.load_pipeline`), loaded once per
model per process. `parse_many` takes files and folders like `mhextract parse`: a folder
gives its letter files (text files that do not read as letters are skipped with a note,
see `ingest.letter_check`) and the letters stream through `nlp.pipe`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.language import Language

    from mhextract.batch.inputs import InputFile
    from mhextract.record.model import Record


@cache
def _pipeline(model: str | None, quiet: bool) -> Language:
    from mhextract.analysis.pipeline import load_pipeline

    return load_pipeline(model, quiet=quiet)


def parse(path: str | Path, *, model: str | None = None, quiet: bool = False) -> Record:
    """Extract one letter file (PDF, text, markdown, DOCX, OEP XML/HTML, web page) into a `Record`.

    Raises `mhextract.errors.IngestError` for unreadable input and `ModelError` for a model
    that cannot be loaded. `model` as in the CLI (default: $MHEXTRACT_MODEL, else
    nl_core_news_lg when installed, else blank Dutch).
    """
    from mhextract.record.build import extract_file

    return extract_file(Path(path), _pipeline(model, quiet))


def letter_files(paths: Iterable[str | Path]) -> tuple[list[InputFile], list[str]]:
    """The letter files of files and folders, and one note per folder file skipped as not a letter.

    Files named directly are always taken; files found in a folder are taken when they may be
    letters (`ingest.letter_check.not_a_letter`).
    """
    from mhextract.batch.inputs import expand_inputs, resolve_path
    from mhextract.ingest.letter_check import not_a_letter

    given = [Path(p) for p in paths]
    named = {resolve_path(p)[0] for p in given if not p.is_dir()}
    files: list[InputFile] = []
    notes: list[str] = []
    for item in expand_inputs(given):
        # an argument that cannot be read (item.error) is kept: the run reports it on its own line
        reason = None if item.error or resolve_path(item.path)[0] in named else not_a_letter(item.path)
        if reason is None:
            files.append(item)
        else:
            notes.append(f"{item.path}: skipped, {reason}")
    return files, notes


def parse_many(
    paths: Iterable[str | Path], *, model: str | None = None, batch_size: int = 4,
    errors: Literal["raise", "skip"] = "raise", quiet: bool = False,
) -> Iterator[Record]:
    """Records of many letters (files and folders), in input order, streamed through `nlp.pipe`.

    `errors="skip"` leaves out a letter that cannot be read (one line on stderr) instead of
    raising `IngestError`. Notes on skipped non-letter files go to stderr unless `quiet`.
    For many letters on several cores, or incremental runs, use `mhextract parse DIR --out`.
    """
    from mhextract.errors import IngestError
    from mhextract.record.build import Prepared, extract_docs, prepare

    files, notes = letter_files(paths)
    if not quiet:
        for note in notes:
            print(f"mhextract: note: {note}", file=sys.stderr)
    nlp = _pipeline(model, quiet)

    def prepared() -> Iterator[Prepared]:
        for item in files:
            try:
                yield prepare(item.path)
            except IngestError as exc:
                if errors == "raise":
                    raise
                print(f"mhextract: error: {exc}", file=sys.stderr)

    yield from extract_docs(nlp, prepared(), batch_size=batch_size)
