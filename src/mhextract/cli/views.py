"""Command line views for analysts: `mhextract render` (one letter as HTML) and `mhextract dossier`.

The functions are plain typer commands, registered in `mhextract.cli`. Exit codes follow
the CLI: 0 done, 1 the input could not be read or holds no records, 2 usage error
(unloadable model). Messages go to stderr, one line each.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError

from mhextract.errors import MhextractError, ModelError
from mhextract.record.model import Record


def _fail(message: str, code: int) -> typer.Exit:
    """Print one error line and return the exit to raise."""
    print(f"mhextract: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def load_or_extract(letter: Path, model: str | None, quiet: bool = False) -> Record:
    """A record JSON file is read as is; any other letter file is extracted with the pipeline."""
    if letter.suffix.lower() == ".json":
        try:
            return Record.model_validate_json(letter.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise MhextractError(f"{letter}: cannot read record ({exc})") from exc
        except ValidationError as exc:
            raise MhextractError(f"{letter}: not a valid record ({exc.error_count()} errors)") from exc
    from mhextract.analysis.pipeline import load_pipeline
    from mhextract.record.build import extract_file

    return extract_file(letter, load_pipeline(model, quiet=quiet))


def render_cmd(
    letter: Annotated[Path, typer.Argument(help="A letter file (.pdf, .txt, .md, ...) or a record .json")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="HTML file to write "
                                                                  "(default: <letter stem>.html here)")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline name or path (default: "
                                                    "$MHEXTRACT_MODEL, else nl_core_news_lg, else blank:nl)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No missing-model note")] = False,
) -> None:
    """Write a self-contained HTML reading view of one letter with every extraction highlighted."""
    from mhextract.views.render import write_html

    if not letter.is_file():
        raise _fail(f"{letter}: no such file", 1)
    try:
        record = load_or_extract(letter, model, quiet)
    except ModelError as exc:
        raise _fail(str(exc), 2) from exc
    except MhextractError as exc:
        raise _fail(str(exc), 1) from exc
    target = write_html(record, out if out is not None else Path(f"{letter.stem}.html"))
    print(f"mhextract: wrote {target}", file=sys.stderr)


def dossier_cmd(
    records_dir: Annotated[Path, typer.Argument(help="Directory of record JSON files (mhextract parse -o DIR)")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory for index.html, the CSV files "
                                                          "and letters/*.html")] = Path("dossier"),
    letter_pages: Annotated[bool, typer.Option("--letter-pages/--no-letter-pages",
                                               help="Also write each letter's reading view")] = True,
    recursive: Annotated[bool, typer.Option("--recursive", "-r", help="Also read the records in subfolders "
                                                                      "(a letter is still counted once)")] = False,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD",
                                              help="Reference date for overdue commitments (default: today)")] = None,
) -> None:
    """Write an overview across letters: overdue commitments, what is new per letter, motions, commitments,
    figures, citations, organisations."""
    from mhextract.views.dossier import CSV_FILES, build_dossier, read_records, write_dossier

    try:
        reference = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError as exc:
        raise _fail(f"--as-of {as_of}: not a date (YYYY-MM-DD)", 2) from exc
    try:
        loaded = read_records(records_dir, recursive=recursive)
    except MhextractError as exc:
        raise _fail(str(exc), 1) from exc
    for message in loaded.skipped:
        print(f"mhextract: warning: {message}", file=sys.stderr)
    for message in loaded.duplicates:
        print(f"mhextract: note: {message}", file=sys.stderr)
    if not loaded.letters:
        hint = "" if recursive else " (subfolders are read with --recursive)"
        raise _fail(f"{records_dir}: no records found{hint}", 1)
    dossier = build_dossier(loaded.letters, loaded.skipped, reference, loaded.duplicates)
    write_dossier(dossier, out, letter_pages=letter_pages)
    print(f"mhextract: dossier of {len(loaded.letters)} letters ({len(dossier.overdue)} overdue commitments on "
          f"{reference.isoformat()}) written to {out}/ "
          f"(index.html, {len(CSV_FILES)} CSV files{', letters/' if letter_pages else ''})", file=sys.stderr)
