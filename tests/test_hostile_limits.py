"""Bounds: long letters work, limits on bytes, pages, characters and inflated size fail fast with a clear line."""

from __future__ import annotations

import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from hostile_files import raw_pdf, text_page
from mhextract.analysis.tokens import make_doc
from mhextract.batch.clock import deadline
from mhextract.cli import app
from mhextract.errors import IngestError
from mhextract.ingest import read_letter
from mhextract.limits import MB, Limits
from mhextract.record.build import extract_file

ROOT = Path(__file__).resolve().parents[1]
LETTER = sorted((ROOT / "corpus" / "letters").glob("*.txt"))[0]
runner = CliRunner()


def _within(seconds: float, call: Callable[[], Any]) -> Any:
    """`call()`, failing the test (not hanging it) if it takes longer than `seconds`."""
    with deadline(seconds):
        return call()


def test_letter_over_a_million_characters_is_extracted(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Datum 1 juli 2020\n\n" + ("beleidsvoornemensuitvoering " * 160 + "\n\n") * 250, encoding="utf-8")
    record = extract_file(path, nlp)
    assert len(record.text) > 1_100_000
    assert record.metadata.date == "2020-07-01"


@pytest.mark.parametrize("text", ["a " + "(" * 1200 + ")" * 1200 + " b.", "x" * 1001, "y" * 121,
                                  "  " + "E:" * 700 + "  z  ", "gewoon een zin."])
def test_make_doc_in_pieces_keeps_the_text(text: str, nlp: Language) -> None:
    assert make_doc(nlp, text).text == text


def test_max_chars_is_checked_before_the_pipeline(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(LETTER), "--max-chars", "1000", "--model", "blank:nl"])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"mhextract: error: {LETTER}: letter has ") and line.endswith("(--max-chars)")


def test_max_pages_is_checked_before_the_pages_are_read(tmp_path: Path) -> None:
    pdf = raw_pdf(tmp_path / "three.pdf", [text_page(f"Pagina {i}") for i in range(3)])
    assert len(read_letter(pdf).lines) >= 3
    with pytest.raises(IngestError, match=r"PDF has 3 pages, more than the limit of 2 \(--max-pages\)"):
        read_letter(pdf, Limits(max_pages=2))


def test_flate_bomb_is_refused_within_the_page_cap(tmp_path: Path) -> None:
    bomb = raw_pdf(tmp_path / "bomb.pdf", [text_page("Datum 1 juli 2020") + b" " * (48 * MB)])
    assert bomb.stat().st_size < 100_000
    tracemalloc.start()
    try:
        with pytest.raises(IngestError, match="decompression bomb"):
            _within(20, lambda: read_letter(bomb, Limits(max_page_bytes=4 * MB)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * MB, f"peak {peak / MB:.0f} MB while refusing a 48 MB bomb"


def test_fifo_and_devices_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "letter.txt"
    os.mkfifo(fifo)
    for special in (fifo, Path("/dev/zero")):
        with pytest.raises(IngestError, match="not a regular file"):
            _within(5, lambda special=special: read_letter(special))
    with pytest.raises(IngestError, match="more than the limit of 1,000 bytes"):
        _within(5, lambda: read_letter(Path("/dev/zero"), Limits(special_files=True, max_bytes=1000)))


def test_max_bytes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(LETTER), "--max-bytes", "1000", "--model", "blank:nl"])
    assert result.exit_code == 1
    assert "bytes, more than the limit of 1,000 (--max-bytes)" in result.stderr
