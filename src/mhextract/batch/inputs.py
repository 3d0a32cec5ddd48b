"""Input files: paths and directories expanded into the letter files of a batch, each with its record name.

A directory is searched (recursively, hidden entries skipped) for the suffixes of
`ingest.detect.LETTER_SUFFIXES`; a companion file such as an OEP `metadata.xml` is
read with the publication beside it, so it is never a letter of its own. Every file
gets a record name under `--out` that no other input of the batch has. A remote
location (`s3://bucket/prefix/`, see `mhextract.storage`) is listed the same way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from mhextract.ingest.detect import LETTER_SUFFIXES
from mhextract.storage import Location, as_location, is_dir, name_of, walk_files

COMPANIONS = ("metadata.xml",)  # read with the publication beside it (OEP), never a letter of its own


@dataclass(frozen=True)
class InputFile:
    """A letter file to extract and the name of its record under `--out` (e.g. `sub/x.json`)."""

    path: Path
    name: Path
    url: str | None = None  # a remote letter (`s3://...`); `path` is then only its name
    error: str | None = None  # why the path cannot be a letter (unreadable directory, symlink loop)

    @property
    def location(self) -> Location:
        """Where to read the letter: its local path or its URL."""
        return self.url if self.url is not None else self.path

    @property
    def key(self) -> str:
        """The record's `source.path`: how JSONL records are matched to inputs."""
        return self.url if self.url is not None else str(self.path)


def expand_inputs(paths: Iterable[Path | str]) -> list[InputFile]:
    """Files as given, directories expanded to their letter files (recursive, sorted, hidden skipped).

    A file inside a directory argument keeps its relative path as record name, so
    trees do not collide; the same file given twice is taken once. Paths may be URLs.
    """
    given = [as_location(p) for p in paths]
    if any(isinstance(loc, str) for loc in given):
        return _expand_remote(given)
    found: list[tuple[Path, Path, str | None]] = []
    for p in given:
        assert isinstance(p, Path)
        try:
            if p.is_dir():
                os.listdir(p)  # an unreadable directory is an error of its own, not "no letters"
                for f in sorted(p.rglob("*")):
                    rel = f.relative_to(p)
                    if _letter_like(f) and not _hidden(rel) and f.is_file():
                        found.append((f, rel, None))
            else:
                found.append((p, Path(p.name), None))
        except OSError as exc:
            found.append((p, Path(p.name), f"cannot read directory: {exc.strerror or exc}"))
    seen: set[Path] = set()
    taken: set[Path] = set()
    out: list[InputFile] = []
    for f, rel, error in found:
        resolved, problem = resolve_path(f)
        if resolved in seen:
            continue
        seen.add(resolved)
        out.append(InputFile(f, _record_name(rel, taken), error=error or problem))
    return out


def _expand_remote(given: list[Location]) -> list[InputFile]:
    """The same expansion when some locations are URLs (object stores have no symlinks to resolve)."""
    found: list[tuple[Location, Path]] = []
    for loc in given:
        if is_dir(loc):
            found.extend((f, Path(rel)) for f, rel in walk_files(loc)
                         if _letter_like(Path(rel)) and not _hidden(Path(rel)))
        else:
            found.append((loc, Path(name_of(loc))))
    seen: set[str] = set()
    taken: set[Path] = set()
    out: list[InputFile] = []
    for f, rel in found:
        key = f if isinstance(f, str) else str(f.resolve())
        if key in seen:
            continue
        seen.add(key)
        name = _record_name(rel, taken)
        out.append(InputFile(Path(name_of(f)), name, f) if isinstance(f, str) else InputFile(f, name))
    return out


def resolve_path(path: Path) -> tuple[Path, str | None]:
    """The real path of a file, or its absolute path and why it cannot be resolved (a symlink loop)."""
    try:
        return path.resolve(), None
    except (OSError, RuntimeError) as exc:  # Python 3.11 raises RuntimeError for a symlink loop
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "symlink loop"
        return Path(os.path.abspath(path)), f"cannot open file: {reason}"


def _letter_like(path: Path) -> bool:
    """A file a directory search takes: a letter suffix, and not a companion file."""
    return path.suffix.lower() in LETTER_SUFFIXES and path.name.lower() not in COMPANIONS


def _hidden(rel: Path) -> bool:
    """Whether any part of the path below the directory argument is hidden (`.git/...`, `.draft.txt`)."""
    return any(part.startswith(".") for part in rel.parts)


def _record_name(rel: Path, taken: set[Path]) -> Path:
    """`x.txt` -> `x.json`; if taken (x.pdf beside x.txt) `x.pdf.json`, then `x.pdf.2.json`."""
    candidates = chain([rel.with_suffix(".json"), rel.with_name(rel.name + ".json")],
                       (rel.with_name(f"{rel.name}.{i}.json") for i in range(2, 10_000)))
    name = next(c for c in candidates if c not in taken)
    taken.add(name)
    return name
