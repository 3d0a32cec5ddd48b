"""Command line: `mhextract parse`, `schema`, `eval` (`render`, `dossier`, `tables` in their modules).

Exit codes: 0 all letters done, 1 some letters failed, 2 usage error (bad
arguments, unloadable model). Errors name the file and the reason, on stderr,
one line each; the records of the other files are always written.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from mhextract.errors import ClusterError, MhextractError, ModelError
from mhextract.limits import DEFAULT_LIMITS

# Plain click help (rich_markup_mode=None): typer's rich help shows flags as `--force <bool>`, which
# reads as if they took a value (`--force true` then takes `true` for a letter path).
app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Structured records from Dutch parliamentary letters (Kamerbrieven).")
BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})

def _fail(message: str, code: int) -> typer.Exit:
    print(f"mhextract: error: {message}", file=sys.stderr)
    return typer.Exit(code)


@app.command()
def parse(
    paths: Annotated[list[str], typer.Argument(
        help="Letter files (.pdf, .txt, .md, .docx, .xml, .html) or directories; local, file://, "
             "s3://bucket/prefix/ (mhextract[s3]) or another fsspec URL")],
    out: Annotated[str | None, typer.Option("--out", "-o", help="Write <name>.json per letter here "
                                                                 "(trees are mirrored; a path or URL)")] = None,
    jsonl: Annotated[str | None, typer.Option("--jsonl", help="Write all records to this JSON-lines file, "
                                                            "one per line ('-' = stdout; a path or URL)")] = None,
    errors: Annotated[str | None, typer.Option("--errors", help="Write failed letters (path, reason) "
                                                              "to this JSON-lines file (a path or URL)")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path (default: "
                                                    "$MHEXTRACT_MODEL, else nl_core_news_lg, else blank:nl)")] = None,
    indent: Annotated[int, typer.Option(help="JSON indent of --out files and stdout (0 = compact)")] = 2,
    workers: Annotated[int, typer.Option(help="Worker processes (0 = auto: one per core, up to 4). "
                                                "Letters go to workers in chunks of up to 16 (fewer when "
                                                "--workers is given, so each worker gets some); a batch "
                                                "that fits one chunk runs in this process")] = 0,
    batch_size: Annotated[int, typer.Option(help="Letters per nlp.pipe minibatch (a statistical model holds "
                                                   "~35 MB per long letter of a minibatch)")] = 4,
    force: Annotated[bool, typer.Option("--force", help="Re-extract letters whose records are current")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds one letter may take before it counts as "
                                                  "failed (0 = no limit)")] = 600.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, summary, skip notes "
                                                                "or missing-model note")] = False,
    cluster: Annotated[str | None, typer.Option(help="Run on a Dask cluster: tcp://HOST:PORT of a running "
                                                      "scheduler, or local:N to start N worker processes here")] = None,
    chunk_size: Annotated[int, typer.Option(help="Letters per task sent to a worker (smaller: better balance, "
                                                   "less redone when a worker dies)")] = 16,
    max_pages: Annotated[int, typer.Option(help="Refuse a PDF with more pages")] = DEFAULT_LIMITS.max_pages,
    max_chars: Annotated[int, typer.Option(help="Refuse a letter with more characters of text")]
    = DEFAULT_LIMITS.max_chars,
    max_bytes: Annotated[int, typer.Option(help="Refuse a file larger than this")] = DEFAULT_LIMITS.max_bytes,
    special_files: Annotated[bool, typer.Option("--special-files", help="Also read FIFOs and devices "
                                                                        "(at most --max-bytes)")] = False,
    pdf_backend: Annotated[str | None, typer.Option("--pdf-backend", help="PDF reader: pdfium (fast, default) or "
                                                    "pdfplumber (reference); $MHEXTRACT_PDF_BACKEND")] = None,
) -> None:
    """Extract one record per letter; one file prints JSON to stdout unless --out or --jsonl is given.

    Unchanged letters (same content, extractor version and model as their record) are
    skipped; records are written atomically; a bad letter is reported and the rest go on.
    """
    from mhextract import batch, storage
    from mhextract.analysis.pipeline import load_pipeline
    from mhextract.api import letter_files

    if cluster is not None:
        from mhextract.batch.cluster import validate_spec

        if problem := validate_spec(cluster):
            raise _fail(problem, 2)
    out_loc, jsonl_loc, errors_loc = (None if v is None else storage.as_location(v) for v in (out, jsonl, errors))
    flag_values = [p for p in paths if p.lower() in BOOLEAN_WORDS and not Path(p).exists()]
    if flag_values:
        raise _fail(f"{flag_values[0]}: not a letter file; --force and --quiet are flags and take no value "
                    f"(write --force, not --force {flag_values[0]})", 2)
    locations = [storage.as_location(p) for p in paths]
    notes: list[str] = []
    try:
        if any(storage.is_remote(loc) for loc in locations):  # no letter check remotely (it reads local files)
            files = batch.expand_inputs(locations)
        else:
            files, notes = letter_files(locations)
    except OSError as exc:
        raise _fail(f"cannot list the inputs: {exc}", 2) from exc
    if not quiet:
        for note in notes:
            print(f"mhextract: note: {note}", file=sys.stderr)
    if not files:
        raise _fail("no letter files found in the given paths", 2)
    if len(files) > 1 and out is None and jsonl is None:
        raise _fail("several letters need --out DIR (one <name>.json per letter) or --jsonl FILE", 2)
    if workers < 0 or batch_size < 1 or timeout < 0 or chunk_size < 1:
        raise _fail("--workers and --timeout must be >= 0, --batch-size and --chunk-size >= 1", 2)
    if min(max_pages, max_chars, max_bytes) < 1:
        raise _fail("--max-pages, --max-chars and --max-bytes must be >= 1", 2)
    limits = replace(DEFAULT_LIMITS, max_pages=max_pages, max_chars=max_chars, max_bytes=max_bytes,
                     special_files=special_files)
    if pdf_backend is not None:
        from mhextract.ingest.pdf import BACKENDS, ENV_BACKEND

        if pdf_backend not in BACKENDS:
            raise _fail(f"--pdf-backend must be one of {', '.join(BACKENDS)}, not {pdf_backend!r}", 2)
        os.environ[ENV_BACKEND] = pdf_backend  # read by the PDF reader, in this process and its workers
    if isinstance(out_loc, Path) and out_loc.exists() and not out_loc.is_dir():
        raise _fail(f"--out {out} exists and is not a directory", 2)
    if isinstance(out_loc, Path):  # an unusable output fails once, up front, not once per letter
        try:
            out_loc.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _fail(f"cannot create --out {out}: {exc.strerror or exc}", 2) from exc
        if not os.access(out_loc, os.W_OK):
            raise _fail(f"--out {out} is not writable", 2)
    for option, target in (("--jsonl", jsonl_loc), ("--errors", errors_loc)):
        if isinstance(target, Path) and target != batch.STDOUT and target.is_dir():
            raise _fail(f"{option} {target} is a directory, not a file", 2)
    try:
        nlp = load_pipeline(model, quiet=quiet)
    except ModelError as exc:
        raise _fail(str(exc), 2) from exc
    options = batch.BatchOptions(out=out_loc, jsonl=jsonl_loc, errors=errors_loc, model=model, workers=workers,
                                 batch_size=batch_size, indent=indent or None, force=force,
                                 timeout=timeout or None, quiet=quiet, cluster=cluster,
                                 chunk_size=chunk_size, limits=limits)
    try:
        summary = batch.run_batch(files, nlp, options)
    except OSError as exc:  # an output we cannot create or finish (per-letter write errors are failures)
        raise _fail(f"cannot write output: {exc}", 2) from exc
    except ClusterError as exc:  # unreachable scheduler, no workers, another version on the workers
        raise _fail(str(exc), 2) from exc
    if not quiet and (len(files) > 1 or out is not None or (jsonl is not None and jsonl != "-")):
        print(summary.render(), file=sys.stderr)
    if summary.exit_code:
        raise typer.Exit(summary.exit_code)


@app.command()
def schema(
    outline: Annotated[bool, typer.Option("--outline", help="Print the short outline of the record "
                                                            "(as in the README) instead")] = False,
) -> None:
    """Print the JSON Schema of the record."""
    from mhextract.record.model import json_schema
    from mhextract.record.outline import record_outline

    print(record_outline() if outline else json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command("eval")
def evaluate_cmd(
    gold: Annotated[Path, typer.Option(help="Directory of gold JSON files")] = Path("corpus/gold"),
    records: Annotated[Path, typer.Option(help="Directory of record JSON files")] = Path("records"),
    details: Annotated[str | None, typer.Option(help="Also list missed/extra items of this field")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Score records against the gold annotations (P/R/F1 per field, macro F1)."""
    from mhextract import evaluate

    for option, folder in (("--gold", gold), ("--records", records)):
        if not folder.is_dir():
            raise _fail(f"{option} {folder}: no such directory", 2)
    if not any(not p.name.startswith(".") for p in records.rglob("*.json")):
        raise _fail(f"--records {records}: no record files (*.json) in it; make them with "
                    f"`mhextract parse LETTERS --out {records}`", 2)
    try:
        report = evaluate.evaluate(gold, records)
    except MhextractError as exc:
        raise _fail(str(exc), 2) from exc
    if all(row.missing for row in report.documents):
        raise _fail(f"--records {records}: none of its record files belongs to a gold letter in {gold} "
                    f"({len(report.unmatched_records)} unmatched)", 2)
    if as_json:
        print(report.to_json())
        return
    print(report.to_table())
    last = records / ".last_eval.json"
    if last.exists():
        print(evaluate.diff(json.loads(last.read_text(encoding="utf-8")), report))
    last.write_text(report.to_json(), encoding="utf-8")
    if details:
        print(evaluate.format_missed(evaluate.missed_items(gold, records, details), details))


# Analyst views (render, dossier) live in their own module; registered here.
from mhextract.cli.tables import tables_cmd  # noqa: E402
from mhextract.cli.views import dossier_cmd, render_cmd  # noqa: E402

app.command("render")(render_cmd)
app.command("dossier")(dossier_cmd)
app.command("tables")(tables_cmd)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
