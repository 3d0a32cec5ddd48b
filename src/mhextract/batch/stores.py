"""Record outputs (sinks): one JSON file per letter, one JSON-lines file, or standard output.

Every sink can tell the stamp of the record it holds for an input (so unchanged
letters are skipped) and writes so that an interrupted run leaves no half-written
record: files by temp file + rename, JSON lines to a `.partial` file (locked against
a second run) that `finish` merges into the target. Remote outputs (`s3://...`, see
`mhextract.storage`) are written as whole objects: a record per put, and the JSONL
file streamed as part objects during the run and merged into one object at its end.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import IO, Protocol, TextIO

from mhextract import storage
from mhextract.batch.inputs import InputFile
from mhextract.batch.stamps import HEAD_BYTES, Stamp, parse_stamp, read_record_stamp
from mhextract.storage import Location

STDOUT = Path("-")


# --- atomic files --------------------------------------------------------------------------------------


def temp_path(target: Path) -> Path:
    """A hidden temp file beside `target`, unique per process (`.x.json.<pid>.tmp`)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


_TEMP = re.compile(r"^\..+\.(\d+)\.tmp$")


def atomic_write(target: Path, data: bytes) -> None:
    """Write to a temp file, then rename over `target`: readers see the old or the new file, never half."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(target)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def remove_stale_temps(directory: Path) -> int:
    """Delete temp files left in `directory` by runs that were killed (their process is gone)."""
    removed = 0
    if not directory.is_dir():
        return 0
    for entry in os.scandir(directory):
        m = _TEMP.match(entry.name)
        if m and entry.is_file() and not _alive(int(m.group(1))):
            Path(entry.path).unlink(missing_ok=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    """Whether another process with this id runs (our own temp files are never stale to us)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


# --- sinks ---------------------------------------------------------------------------------------------


class Sink(Protocol):
    """Where records go; `stamp` is None when there is no current record (or no incrementality)."""

    indent: int | None

    def stamp(self, item: InputFile) -> Stamp | None: ...

    def write(self, item: InputFile, text: str) -> None: ...

    def finish(self, items: Sequence[InputFile]) -> None: ...

    def close(self) -> None: ...


class RecordDir:
    """One `<name>.json` per letter under `root` (a directory or a URL prefix), each written atomically."""

    def __init__(self, root: Location, indent: int | None) -> None:
        self.root = root
        self.indent = indent

    def clean(self, items: Sequence[InputFile]) -> None:
        """Remove temp files of killed runs from every directory this run writes to (none remotely)."""
        if isinstance(self.root, Path):
            for directory in {(self.root / item.name).parent for item in items}:
                remove_stale_temps(directory)

    def stamp(self, item: InputFile) -> Stamp | None:
        return read_record_stamp(storage.join(self.root, item.name))

    def write(self, item: InputFile, text: str) -> None:
        storage.write_bytes(storage.join(self.root, item.name), (text + "\n").encode("utf-8"))

    def finish(self, items: Sequence[InputFile]) -> None:
        return None

    def close(self) -> None:
        return None


@dataclass
class _Line:
    offset: int
    length: int
    stamp: Stamp | None


class JsonlStore:
    """All records in one JSON-lines file, one per line, in input order.

    New lines are appended (and flushed) to `<file>.partial` as they come; `finish`
    merges them with the unchanged lines of the previous `<file>` into a temp file
    renamed over `<file>`. A run that is killed leaves `<file>` as it was and its
    `.partial` behind, which the next run reads back (dropping a torn last line), so
    nothing is lost or duplicated. Records of letters not in this run are kept.
    """

    indent: int | None = None

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        path.parent.mkdir(parents=True, exist_ok=True)
        self._out: IO[bytes] | None = _open_locked(self.partial, path)
        remove_stale_temps(path.parent)
        self.base = _index_jsonl(path)
        self.fresh = _index_jsonl(self.partial, repair=True)
        self._end = self._out.seek(0, os.SEEK_END)

    def stamp(self, item: InputFile) -> Stamp | None:
        line = self.fresh.get(item.key) or self.base.get(item.key)
        return line.stamp if line else None

    def write(self, item: InputFile, text: str) -> None:
        """Append one record line; it is keyed by its own `source.path`, as it will be when read back.

        A write that fails part-way (a full disk, a signal) is cut off again, so `.partial`
        always ends with a whole line and a re-run never finds a torn record.
        """
        assert self._out is not None, "store already closed"
        data = (text + "\n").encode("utf-8")
        fd = self._out.fileno()
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except BaseException:
            os.ftruncate(fd, self._end)
            raise
        parsed = parse_stamp(text[:HEAD_BYTES])
        self.fresh[parsed[1] if parsed else item.key] = _Line(self._end, len(data), None)
        self._end += len(data)

    def finish(self, items: Sequence[InputFile]) -> None:
        """Merge into `<file>`: this run's letters in input order, then older records kept as they were.

        The lock on `.partial` is held until the merged file is in place and `.partial` is
        gone, so a second run never sees the merge half done.
        """
        order = chain((i.key for i in items), self.base, self.fresh)
        tmp = temp_path(self.path)
        written: set[str] = set()
        try:
            with open(tmp, "wb") as out, _open_or_none(self.path) as base, open(self.partial, "rb") as fresh:
                for key in order:
                    source = (fresh, self.fresh.get(key)) if key in self.fresh else (base, self.base.get(key))
                    handle, line = source
                    if key in written or line is None or handle is None:
                        continue
                    handle.seek(line.offset)
                    out.write(handle.read(line.length))
                    written.add(key)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            self.close()
            raise
        self.partial.unlink(missing_ok=True)
        self.close()

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None


def _open_locked(partial: Path, path: Path) -> IO[bytes]:
    """`.partial` opened for appending (unbuffered) under an exclusive lock: two runs never write one file.

    If another run merged and removed `.partial` while we waited, the file we locked is
    gone from the directory: open the new one and lock again.
    """
    while True:
        handle = open(partial, "ab", buffering=0)  # noqa: SIM115 (closed in finish/close)
        _lock(handle, path)
        try:
            same = os.path.samestat(os.fstat(handle.fileno()), os.stat(partial))
        except FileNotFoundError:
            same = False
        if same:
            return handle
        handle.close()


def _lock(handle: IO[bytes], path: Path) -> None:
    """Hold an exclusive lock on the open `.partial` file."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        handle.close()
        raise OSError(f"{path}: another mhextract run is writing this file") from exc


@contextmanager
def _open_or_none(path: Path) -> Iterator[IO[bytes] | None]:
    """The file opened for reading, or None if there is none yet (a first run)."""
    if not path.exists():
        yield None
        return
    with open(path, "rb") as fh:
        yield fh


_RECORD_START = b'{"schema_version":'


def intact_line(raw: bytes) -> bool:
    """Whether a JSONL line is one whole record: one record start (a JSON string never holds an
    unescaped quote, so a second start means a torn record glued to the next), a closing brace
    and a newline."""
    return raw.startswith(_RECORD_START) and raw.endswith(b"}\n") and raw.count(_RECORD_START) == 1


def _index_jsonl(path: Path, repair: bool = False) -> dict[str, _Line]:
    """Where each whole record of a JSONL file is (by source path); with `repair`, cut a torn last line.

    A line that is not a whole record (`intact_line`) is left out of the index: its letter
    is redone, and the merge drops the line.
    """
    index: dict[str, _Line] = {}
    if not path.exists():
        return index
    offset = complete = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            parsed = parse_stamp(raw[:HEAD_BYTES].decode("utf-8", errors="replace"))
            if parsed and intact_line(raw):
                index[parsed[1]] = _Line(offset, len(raw), parsed[0])
            offset += len(raw)
            complete = offset
    if repair and complete < path.stat().st_size:
        with open(path, "r+b") as fh:
            fh.truncate(complete)
    return index


class StdoutSink:
    """Records to standard output: pretty JSON for one letter, or JSON lines (`--jsonl -`)."""

    def __init__(self, indent: int | None, stream: TextIO | None = None) -> None:
        self.indent = indent
        self.stream = stream

    def stamp(self, item: InputFile) -> Stamp | None:
        return None

    def write(self, item: InputFile, text: str) -> None:
        stream = self.stream or sys.stdout
        stream.write(text + "\n")
        stream.flush()

    def finish(self, items: Sequence[InputFile]) -> None:
        return None

    def close(self) -> None:
        return None
