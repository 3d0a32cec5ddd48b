"""Locations of letters, records and tables: a local path, or an fsspec URL (`s3://`, `gs://`, `memory://`).

Everything that reads or writes files named by the user goes through here, so one
`mhextract parse s3://bucket/letters/ --out s3://bucket/records/` works like the local
form. A plain path and a `file://` URL are local (`Path`); any other `scheme://` URL
stays a string and is opened with fsspec (install `s3fs` for s3://, `gcsfs` for gs://).
Object stores write whole objects, so a remote write is atomic by itself.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath
from typing import Any

Location = Path | str  # a local Path, or a remote URL as a string

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")


def as_location(text: str | Path) -> Location:
    """`letters/`, `/x/y` and `file:///x/y` -> Path; `s3://b/k` (any other scheme) -> the URL string."""
    if isinstance(text, Path):
        return text
    m = _SCHEME.match(text)
    if m is None:
        return Path(text)
    if m.group(1).lower() == "file":
        return Path(text[len("file://"):] or "/")
    return text


def is_remote(loc: Location) -> bool:
    """Whether a location is a remote URL (not a local path)."""
    return isinstance(loc, str)


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of a URL and the path inside it; a clear error when its driver is missing."""
    import fsspec.core

    try:
        return fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:  # driver not installed / protocol unknown to fsspec
        scheme = url.split("://", 1)[0]
        hint = {"s3": " (pip install 'mhextract[s3]')", "gs": " (pip install gcsfs)"}.get(scheme, "")
        raise OSError(f"{url}: no filesystem driver for {scheme}://{hint}") from exc


def join(base: Location, rel: str | PurePosixPath | Path) -> Location:
    """`base/rel`, for a local directory or a URL prefix."""
    if isinstance(base, Path):
        return base / rel
    return base.rstrip("/") + "/" + PurePosixPath(rel).as_posix()


def name_of(loc: Location) -> str:
    """The last part of a path or URL (`s3://b/x/y.txt` -> `y.txt`)."""
    return loc.name if isinstance(loc, Path) else loc.rstrip("/").rsplit("/", 1)[-1]


def read_bytes(loc: Location) -> bytes:
    """The whole file."""
    if isinstance(loc, Path):
        return loc.read_bytes()
    fs, path = filesystem(loc)
    try:
        return fs.cat_file(path)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"{loc}: not found") from exc


def read_head_tail(loc: Location, head: int, tail: int) -> tuple[bytes, bytes]:
    """The first `head` and the last `tail` bytes (a record's stamp and its closing brace)."""
    if isinstance(loc, Path):
        with open(loc, "rb") as fh:
            first = fh.read(head)
            size = fh.seek(0, os.SEEK_END)
            fh.seek(max(0, size - tail))
            return first, fh.read()
    fs, path = filesystem(loc)
    with fs.open(path, "rb") as fh:
        first = fh.read(head)
        size = fh.size
        fh.seek(max(0, size - tail))
        return first, fh.read()


def write_bytes(loc: Location, data: bytes) -> None:
    """Write a whole file: a local one atomically (temp file + rename), a remote object in one put."""
    if isinstance(loc, Path):
        from mhextract.batch.stores import atomic_write

        atomic_write(loc, data)
        return
    fs, path = filesystem(loc)
    fs.pipe_file(path, data)


def remove(loc: Location) -> None:
    """Delete a file or object; one that is gone already is fine."""
    if isinstance(loc, Path):
        loc.unlink(missing_ok=True)
        return
    fs, path = filesystem(loc)
    with suppress(FileNotFoundError):
        fs.rm_file(path)


def exists(loc: Location) -> bool:
    if isinstance(loc, Path):
        return loc.exists()
    fs, path = filesystem(loc)
    return bool(fs.exists(path))


def is_dir(loc: Location) -> bool:
    """A local directory, or a remote prefix (a URL ending in `/`, or one that holds objects)."""
    if isinstance(loc, Path):
        return loc.is_dir()
    fs, path = filesystem(loc)
    return loc.endswith("/") or bool(fs.isdir(path))


def walk_files(loc: Location) -> Iterator[tuple[Location, PurePosixPath]]:
    """Every file below a directory or prefix, sorted, with its path relative to it."""
    if isinstance(loc, Path):
        for f in sorted(loc.rglob("*")):
            if f.is_file():
                yield f, PurePosixPath(f.relative_to(loc).as_posix())
        return
    fs, root = filesystem(loc)
    root = root.rstrip("/")
    protocol = loc.split("://", 1)[0]
    for path in sorted(fs.find(root)):
        rel = PurePosixPath(path).relative_to(root)
        yield f"{protocol}://{path}", rel


@contextmanager
def local_copy(loc: Location, companions: tuple[str, ...] = ()) -> Iterator[Path]:
    """A local file with the letter's bytes (the file itself when local) for the readers.

    A remote letter is fetched into a temp directory under its own name; companion
    files (`{stem}.metadata.xml`, `{stem}/metadata.xml`, ...) beside it are fetched too
    when they exist, so the readers find them as they would on disk.
    """
    if isinstance(loc, Path):
        yield loc
        return
    fs, path = filesystem(loc)
    with tempfile.TemporaryDirectory(prefix="mhextract-") as tmp:
        name = name_of(loc)
        target = Path(tmp) / name
        with suppress(FileNotFoundError):  # the reader then says "file not found", as for a local path
            target.write_bytes(fs.cat_file(path))
        parent = path.rsplit("/", 1)[0]
        stem = PurePosixPath(name).stem
        for pattern in companions:
            rel = pattern.format(stem=stem)
            if rel == name:
                continue
            source = f"{parent}/{rel}"
            try:
                data = fs.cat_file(source)
            except (FileNotFoundError, IsADirectoryError):
                continue
            (Path(tmp) / rel).parent.mkdir(parents=True, exist_ok=True)
            (Path(tmp) / rel).write_bytes(data)
        yield target
