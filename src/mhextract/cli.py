"""Command line: `mhextract parse`, `schema`, `eval`.

Exit codes: 0 all letters done, 1 some letters failed, 2 usage error (bad
arguments, unloadable model). Errors name the file and the reason, on stderr,
one line each; the records of the other files are always written.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from mhextract.errors import MhextractError, ModelError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Structured records from Dutch parliamentary letters (Kamerbrieven).")

LETTER_SUFFIXES = (".pdf", ".txt", ".md", ".markdown")


def _fail(message: str, code: int) -> typer.Exit:
    print(f"mhextract: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; directories expanded to their letter files (sorted, recursive)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in LETTER_SUFFIXES))
        else:
            out.append(p)
    return out


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="Letter files (.pdf, .txt, .md) or directories")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write <stem>.json per letter here")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path (default: "
                                                    "$MHEXTRACT_MODEL, else nl_core_news_lg, else blank:nl)")] = None,
    indent: Annotated[int, typer.Option(help="JSON indent (0 = compact)")] = 2,
) -> None:
    """Extract one record per letter; one file prints JSON to stdout unless --out is given."""
    from mhextract.build import extract_file
    from mhextract.nlp.pipeline import load_pipeline

    files = expand_inputs(paths)
    if not files:
        raise _fail("no letter files found in the given paths", 2)
    if len(files) > 1 and out is None:
        raise _fail("several letters need --out DIR (one <stem>.json per letter)", 2)
    try:
        nlp = load_pipeline(model)
    except ModelError as exc:
        raise _fail(str(exc), 2) from exc
    failed = 0
    for f in files:
        try:
            record = extract_file(f, nlp)
        except MhextractError as exc:
            failed += 1
            print(f"mhextract: error: {exc}", file=sys.stderr)
            continue
        text = record.model_dump_json(indent=indent or None)
        if out is None:
            sys.stdout.write(text + "\n")
        else:
            out.mkdir(parents=True, exist_ok=True)
            target = out / f"{f.stem}.json"
            tmp = target.with_suffix(".json.tmp")
            tmp.write_text(text + "\n", encoding="utf-8")
            tmp.replace(target)
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    from mhextract.record import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command("eval")
def evaluate_cmd(
    gold: Annotated[Path, typer.Option(help="Directory of gold JSON files")] = Path("corpus/gold"),
    records: Annotated[Path, typer.Option(help="Directory of record JSON files")] = Path("records"),
    details: Annotated[str | None, typer.Option(help="Also list missed/extra items of this field")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON")] = False,
) -> None:
    """Score records against the gold annotations (P/R/F1 per field, macro F1)."""
    from mhextract import evaluate

    if not gold.is_dir() or not records.is_dir():
        raise _fail(f"--gold {gold} and --records {records} must be directories", 2)
    report = evaluate.evaluate(gold, records)
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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
