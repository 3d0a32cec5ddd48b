"""`mhextract tables`: one typed table per entity, the letter id on every row, read back by pandas and DuckDB."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import Cli
from mhextract.record.model import Record
from mhextract.tables import TABLES, record_rows
from mhextract.tables.rows import exact_day

ROOT = Path(__file__).resolve().parents[1]
ENTITIES = ["letters", "kamerstukken", "references", "motions", "organisations", "persons", "dates", "figures",
            "recommendations", "commitments"]


@pytest.fixture(scope="module")
def records(cli: Cli, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Records of the corpus letters, as a directory and as JSONL."""
    out = tmp_path_factory.mktemp("records")
    code, stderr = cli("parse", ROOT / "corpus" / "letters", "--out", out / "dir", "--jsonl", out / "all.jsonl",
                        "--model", "blank:nl")
    assert code == 0, stderr
    return out


def _loaded(records: Path) -> dict[str, Record]:
    return {p.stem: Record.model_validate_json(p.read_text(encoding="utf-8"))
            for p in sorted((records / "dir").glob("*.json"))}


def test_parquet_tables_are_typed_and_complete(cli: Cli, records: Path, tmp_path: Path) -> None:
    code, stderr = cli("tables", records / "dir", "-o", tmp_path / "t", "--format", "parquet")
    assert code == 0, stderr
    assert sorted(TABLES) == sorted(ENTITIES)
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted(f"{t}.parquet" for t in ENTITIES)
    recs = _loaded(records)
    for table in ENTITIES:
        data = pq.read_table(tmp_path / "t" / f"{table}.parquet")
        assert data.schema.names[0] == "letter"
        assert set(data.column("letter").to_pylist()) <= set(recs), table  # the letter id on every row
        expected = len(recs) if table == "letters" else sum(len(getattr(r, table)) for r in recs.values())
        assert data.num_rows == expected, table
    letters = pq.read_table(tmp_path / "t" / "letters.parquet")
    assert letters.schema.field("date").type == pa.date32()
    by_letter = dict(zip(letters.column("letter").to_pylist(), letters.column("date").to_pylist(), strict=True))
    texts = dict(zip(letters.column("letter").to_pylist(), letters.column("date_text").to_pylist(), strict=True))
    for key, record in recs.items():
        assert texts[key] == record.metadata.date
        assert by_letter[key] == (dt.date.fromisoformat(record.metadata.date) if record.metadata.date else None)
    dates = pq.read_table(tmp_path / "t" / "dates.parquet").to_pylist()
    assert any(d["date"] is not None for d in dates)
    for d in dates:  # a day is a date; a month, season, range or day without year keeps only its ISO text
        full_day = d["value"] is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["value"])
        assert d["date"] == (dt.date.fromisoformat(d["value"]) if full_day else None)
    inexact = [d for d in dates if d["value"] and d["precision"] != "day"]
    assert inexact and all(d["date"] is None for d in inexact)
    figures = pq.read_table(tmp_path / "t" / "figures.parquet")
    assert figures.schema.field("value").type == pa.float64()
    assert figures.schema.field("page").type == pa.int64()


def test_pandas_and_duckdb_read_the_tables(cli: Cli, records: Path, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd

    cli("tables", records / "dir", "-o", tmp_path / "t")
    figures = pd.read_parquet(tmp_path / "t" / "figures.parquet")
    recs = _loaded(records)
    assert len(figures) == sum(len(r.figures) for r in recs.values())
    path = tmp_path / "t" / "figures.parquet"
    rows = duckdb.sql(f"select letter, count(*) as n from '{path}' where unit = 'EUR' group by letter order by letter")
    expected = sorted((k, sum(f.unit == "EUR" for f in r.figures)) for k, r in recs.items()
                      if any(f.unit == "EUR" for f in r.figures))
    assert rows.fetchall() == expected
    later = duckdb.sql(f"select count(*) from '{tmp_path / 't' / 'letters.parquet'}' where date >= DATE '2022-01-01'")
    assert later.fetchall() == [(sum(1 for r in recs.values() if (r.metadata.date or "") >= "2022-01-01"),)]


def test_csv_tables_and_jsonl_source_give_the_same_rows(cli: Cli, records: Path, tmp_path: Path) -> None:
    assert cli("tables", records / "dir", "-o", tmp_path / "a", "--format", "csv")[0] == 0
    assert cli("tables", records / "all.jsonl", "-o", tmp_path / "b", "--format", "csv")[0] == 0
    for table in ENTITIES:
        a = (tmp_path / "a" / f"{table}.csv").read_bytes()
        assert a == (tmp_path / "b" / f"{table}.csv").read_bytes(), table
        with open(tmp_path / "a" / f"{table}.csv", encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert header == [name for name, _ in TABLES[table]]


def test_rows_of_one_record() -> None:
    record = Record.model_validate({
        "extractor": {"version": "0", "model": "blank:nl"},
        "source": {"path": "x.txt", "sha256": "0" * 64, "format": "text"},
        "text": "Op 24 februari 2022 en in het najaar van 2023: 25 fte.",
        "metadata": {"date": "2023-11-30"},
        "dates": [{"text": "24 februari 2022", "value": "2022-02-24", "precision": "day",
                   "span": {"start": 3, "end": 19}},
                  {"text": "najaar van 2023", "value": "2023-autumn", "precision": "season",
                   "span": {"start": 30, "end": 45}}],
        "figures": [{"text": "25 fte", "value": 25, "unit": "fte", "span": {"start": 47, "end": 53, "page": 1}}],
    })
    rows = record_rows("x", record)
    assert rows["letters"][0]["date"] == dt.date(2023, 11, 30)
    assert [(d["value"], d["date"]) for d in rows["dates"]] == [
        ("2022-02-24", dt.date(2022, 2, 24)), ("2023-autumn", None)]
    assert rows["figures"] == [{"letter": "x", "letter_date": dt.date(2023, 11, 30), "value": 25, "unit": "fte",
                                "subject": None, "period": None, "text": "25 fte", "start": 47, "end": 53, "page": 1,
                                "section": None}]
    assert all(row["letter"] == "x" for table in rows.values() for row in table)
    assert exact_day("2023-02-30") is None and exact_day("2023") is None


def test_no_records_is_an_error(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, stderr = cli("tables", tmp_path / "empty", "-o", tmp_path / "t")
    assert code == 1 and "no records found" in stderr
    code, stderr = cli("tables", tmp_path / "missing", "-o", tmp_path / "t")
    assert code == 1 and "no such records directory" in stderr
    assert cli("tables", tmp_path / "empty", "-o", tmp_path / "t", "--format", "xlsx")[0] == 2
    (tmp_path / "bad.jsonl").write_text('{"not": "a record"}\n' + json.dumps({}) + "\n", encoding="utf-8")
    code, stderr = cli("tables", tmp_path / "bad.jsonl", "-o", tmp_path / "t")
    assert code == 1 and "bad.jsonl:1: not a record" in stderr


def test_readme_duckdb_command(cli: Cli, records: Path, tmp_path: Path) -> None:
    """The README's `duckdb -c "select ... from 'OUT/figures.parquet'"` (the DuckDB CLI, dev dependency duckdb-cli)."""
    import shutil
    import subprocess
    import sys

    duckdb = shutil.which("duckdb", path=str(Path(sys.executable).parent)) or shutil.which("duckdb")
    if duckdb is None:
        pytest.skip("the duckdb CLI is not installed (pip install duckdb-cli)")
    assert cli("tables", records / "dir", "-o", tmp_path / "out")[0] == 0
    query = ("select l.date, f.value, f.subject from 'out/figures.parquet' f join 'out/letters.parquet' l "
             "using (letter) where f.unit = 'EUR' order by f.value desc limit 3")
    result = subprocess.run([duckdb, "-csv", "-c", query], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "date,value,subject" and len(lines) == 4
    recs = _loaded(records)
    top = max(f.value for r in recs.values() for f in r.figures if f.unit == "EUR" and f.value is not None)
    assert float(lines[1].split(",")[1]) == top
