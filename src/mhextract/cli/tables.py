"""Command line: `mhextract tables RECORDS -o OUT --format parquet|csv` (one table per entity).

Registered in `mhextract.cli`. Exit codes: 0 written, 1 no records found, 2 usage error.
"""

from __future__ import annotations

import sys
from typing import Annotated, Literal

import typer

from mhextract.errors import MhextractError


def tables_cmd(
    records: Annotated[str, typer.Argument(help="Records: a directory of <name>.json (mhextract parse -o) or a "
                                                 "JSONL file (--jsonl); a path or URL (s3://...)")],
    out: Annotated[str, typer.Option("--out", "-o", help="Directory (or URL prefix) for <table>.parquet "
                                                         "or <table>.csv")] = "tables",
    fmt: Annotated[str, typer.Option("--format", help="parquet (typed) or csv")] = "parquet",
) -> None:
    """Write one table per entity (letters, kamerstukken, references, motions, organisations, persons,
    dates, figures, recommendations, commitments), the letter id on every row."""
    from mhextract import storage
    from mhextract.tables import write_tables

    if fmt not in ("parquet", "csv"):
        print(f"mhextract: error: --format {fmt}: expected parquet or csv", file=sys.stderr)
        raise typer.Exit(2)
    kind: Literal["parquet", "csv"] = "parquet" if fmt == "parquet" else "csv"

    def warn(message: str) -> None:
        print(f"mhextract: warning: {message}", file=sys.stderr)

    try:
        counts = write_tables(storage.as_location(records), storage.as_location(out), kind, on_skip=warn)
    except MhextractError as exc:
        print(f"mhextract: error: {exc}", file=sys.stderr)
        raise typer.Exit(1) from exc
    except OSError as exc:
        print(f"mhextract: error: cannot write tables: {exc}", file=sys.stderr)
        raise typer.Exit(2) from exc
    if counts["letters"] == 0:
        print(f"mhextract: error: {records}: no records found", file=sys.stderr)
        raise typer.Exit(1)
    listing = ", ".join(f"{table} {n}" for table, n in counts.items())
    print(f"mhextract: {len(counts)} tables ({fmt}) written to {out}: {listing} rows", file=sys.stderr)
