"""Writing the tables: `OUT/<table>.parquet` (typed, Arrow schema of `columns`) or `OUT/<table>.csv`.

Rows are streamed: every `FLUSH_LETTERS` letters the rows gathered so far go to the
open writers, so memory does not grow with the archive. Every table gets a file, an
empty one (header or schema only) when no letter has such items. A local table is
written to a hidden temp file and renamed when complete; OUT may be a URL.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any, Literal

from mhextract import storage
from mhextract.storage import Location
from mhextract.tables.columns import TABLES, names, schema
from mhextract.tables.rows import Row, record_rows
from mhextract.tables.source import iter_records

Format = Literal["parquet", "csv"]
FLUSH_LETTERS = 2000


def cell(value: object) -> object:
    """A CSV cell: None -> empty, a date -> ISO, a bool -> true/false, anything else as is."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """One CSV file (UTF-8, header row); the dossier's CSV files are written with this too."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


class _Output:
    """One table's open file: a temp file renamed on close (local), or an object written on close (URL)."""

    def __init__(self, target: Location) -> None:
        self.target = target
        if isinstance(target, Path):
            target.parent.mkdir(parents=True, exist_ok=True)
            self.tmp: Path | None = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            self.handle: IO[bytes] = open(self.tmp, "wb")  # noqa: SIM115 (closed in close)
        else:
            fs, inner = storage.filesystem(target)
            self.tmp = None
            self.handle = fs.open(inner, "wb")

    def close(self, keep: bool) -> None:
        self.handle.close()
        if self.tmp is not None and isinstance(self.target, Path):
            if keep:
                os.replace(self.tmp, self.target)
            else:
                self.tmp.unlink(missing_ok=True)


class _TableWriter:
    """Rows of one table into Parquet or CSV."""

    def __init__(self, table: str, out: Location, fmt: Format) -> None:
        self.table, self.fmt = table, fmt
        self.output = _Output(storage.join(out, f"{table}.{fmt}"))
        self.rows = 0
        if fmt == "parquet":
            import pyarrow.parquet as pq

            self.parquet: Any = pq.ParquetWriter(self.output.handle, schema(table), compression="zstd")
        else:
            self.text = io.TextIOWrapper(self.output.handle, encoding="utf-8", newline="", write_through=True)
            self.csv = csv.writer(self.text)
            self.csv.writerow(names(table))

    def write(self, rows: list[Row]) -> None:
        if not rows:
            return
        self.rows += len(rows)
        if self.fmt == "parquet":
            import pyarrow as pa

            self.parquet.write_table(pa.Table.from_pylist(rows, schema=schema(self.table)))
        else:
            columns = names(self.table)
            self.csv.writerows([cell(row.get(c)) for c in columns] for row in rows)

    def close(self, keep: bool) -> None:
        if self.fmt == "parquet":
            self.parquet.close()
        else:
            self.text.flush()
            self.text.detach()
        self.output.close(keep)


def write_tables(source: Location, out: Location, fmt: Format = "parquet",
                 on_skip: Callable[[str], None] | None = None) -> dict[str, int]:
    """Write every table of the records in `source` into `out`; returns the row count per table."""
    if isinstance(out, Path):
        out.mkdir(parents=True, exist_ok=True)
    writers = {table: _TableWriter(table, out, fmt) for table in TABLES}
    pending: dict[str, list[Row]] = {table: [] for table in TABLES}
    complete = False
    try:
        for count, (letter, record) in enumerate(iter_records(source, on_skip), 1):
            for table, rows in record_rows(letter, record).items():
                pending[table].extend(rows)
            if count % FLUSH_LETTERS == 0:
                _flush(writers, pending)
        _flush(writers, pending)
        complete = True
    finally:
        for writer in writers.values():
            writer.close(keep=complete)
    return {table: writer.rows for table, writer in writers.items()}


def _flush(writers: dict[str, _TableWriter], pending: dict[str, list[Row]]) -> None:
    for table, rows in pending.items():
        writers[table].write(rows)
        rows.clear()
