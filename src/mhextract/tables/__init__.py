"""Tables for analysts and engineers: one table per entity of the records, as Parquet or CSV.

`rows` turns one record into rows (plain dicts, the letter id on every row), `columns`
says each table's typed columns (Arrow types: dates as date32 where the value is an
exact day, the ISO text kept beside it), `source` reads records from a directory or a
JSONL file (local or a URL) and `write` streams the rows into `OUT/<table>.parquet`
or `.csv`. The dossier CSVs (`views.dossier`) use the same rows and CSV writer.
"""

from mhextract.tables.columns import TABLES
from mhextract.tables.rows import record_rows
from mhextract.tables.source import iter_records
from mhextract.tables.write import write_tables

__all__ = ["TABLES", "iter_records", "record_rows", "write_tables"]
