"""Batch re-extraction (`mhextract parse`): many letters -> records; incremental, atomic, fault-isolated.

The package's API, for the CLI, the tests and the benchmark; each part lives in the
module named after it: `inputs` (letter files of the given paths), `stamps` (is a
record current?), `stores` (record outputs), `chunks` (extracting a chunk of letters),
`zones` (memory-zone policy; set `zones.PERMANENT_VOCAB_LETTERS` there, not here),
`workers` (process pool, crash isolation), `cluster` (a Dask cluster: `--cluster`;
imported only when used), `progress` (bar and summary) and `runner` (`run_batch`:
plan, extract, write). Paths and outputs may be fsspec URLs (`mhextract.storage`).
"""

from mhextract.batch.chunks import DEFAULT_BATCH_SIZE, DEFAULT_TIMEOUT, Outcome, warm_up
from mhextract.batch.inputs import InputFile, expand_inputs
from mhextract.batch.progress import Failure, Summary
from mhextract.batch.runner import CHUNK_LETTERS, BatchOptions, run_batch
from mhextract.batch.stamps import Stamp, file_sha256, parse_stamp
from mhextract.batch.stores import STDOUT, JsonlStore

__all__ = [
    "CHUNK_LETTERS",
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_TIMEOUT",
    "STDOUT",
    "BatchOptions",
    "Failure",
    "InputFile",
    "JsonlStore",
    "Outcome",
    "Stamp",
    "Summary",
    "expand_inputs",
    "file_sha256",
    "parse_stamp",
    "run_batch",
    "warm_up",
]
