"""Reading records for the tables: a directory (or URL prefix) of record JSON files, or a JSONL file.

Records are read one at a time, so a table of 200,000 letters never holds them all.
The letter id is the record file's name without `.json` (for a JSONL line: the name of
its source file without its suffix), suffixed `-2`, `-3` when two records share it,
as the dossier does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from mhextract import storage
from mhextract.errors import MhextractError
from mhextract.record.model import Record
from mhextract.storage import Location

_NOT_A_RECORD = (OSError, UnicodeDecodeError, ValidationError, json.JSONDecodeError)


def unique_id(stem: str, taken: set[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`, ... when taken; the result is added to `taken`."""
    key, n = stem, 2
    while key in taken:
        key, n = f"{stem}-{n}", n + 1
    taken.add(key)
    return key


def iter_records(source: Location, on_skip: Callable[[str], None] | None = None) -> Iterator[tuple[str, Record]]:
    """(letter id, record) for every record in `source`; unreadable ones are reported to `on_skip`."""
    skip = on_skip or (lambda message: None)
    if not storage.exists(source):
        raise MhextractError(f"{source}: no such records directory or JSONL file")
    taken: set[str] = set()
    if storage.is_dir(source):
        for loc, rel in storage.walk_files(source):
            if rel.suffix != ".json" or any(p.startswith(".") for p in rel.parts):
                continue
            try:
                record = Record.model_validate_json(storage.read_bytes(loc))
            except _NOT_A_RECORD as exc:
                skip(f"{loc}: not a record ({type(exc).__name__})")
                continue
            yield unique_id(rel.stem, taken), record
        return
    yield from _jsonl_records(source, taken, skip)


def _jsonl_records(source: Location, taken: set[str], skip: Callable[[str], None]) -> Iterator[tuple[str, Record]]:
    """The records of a JSON-lines file, line by line."""
    if isinstance(source, Path):
        handle = open(source, "rb")  # noqa: SIM115 (closed below)
    else:
        fs, inner = storage.filesystem(source)
        handle = fs.open(inner, "rb")
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = Record.model_validate_json(line)
            except _NOT_A_RECORD as exc:
                skip(f"{source}:{number}: not a record ({type(exc).__name__})")
                continue
            stem = PurePosixPath(storage.name_of(storage.as_location(record.source.path))).stem
            yield unique_id(stem, taken), record
