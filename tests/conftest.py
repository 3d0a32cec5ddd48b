"""Shared fixtures: the corpus letters, normalised, and one blank-Dutch pipeline per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mhextract.normalise.letter import Letter

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "corpus" / "letters"
GOLD = ROOT / "corpus" / "gold"
LETTER_IDS = sorted(p.stem for p in LETTERS.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp():
    """Our full pipeline on blank Dutch (the supported fallback; no model download)."""
    from mhextract.analysis.pipeline import load_pipeline

    return load_pipeline("blank:nl")


@pytest.fixture(scope="session")
def corpus_letters() -> dict[str, Letter]:
    """Every corpus letter, normalised, by file stem."""
    from mhextract.ingest import read_letter
    from mhextract.normalise import normalise

    return {p.stem: normalise(read_letter(p)) for p in sorted(LETTERS.glob("*.txt"))}


Cli = Callable[..., tuple[int, str]]


@pytest.fixture(scope="session")
def cli() -> Cli:
    """Run `mhextract <args>` in-process: (exit code, stderr); an exception other than an exit is raised."""
    from typer.testing import CliRunner

    from mhextract.cli import app

    runner = CliRunner()

    def run(*args: str | Path) -> tuple[int, str]:
        result = runner.invoke(app, [*map(str, args)])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stderr

    return run
