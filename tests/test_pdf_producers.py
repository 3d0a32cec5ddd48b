"""PDFs from producers nobody here wrote (tests/fixtures/pdf, made by tests/make_producer_pdfs.py), and
the two PDF backends giving the same lines on every test PDF."""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
from pathlib import Path

import pytest

import pdfgen
import producer_letter
from mhextract.ingest.pdf import BACKENDS, Backend, read_pdf
from mhextract.ingest.pdf.segments import Char
from mhextract.ingest.pdf.text import text_of
from mhextract.ingest.raw import RawLine
from mhextract.normalise.letter import Letter
from mhextract.record.build import Prepared, prepare
from test_ingest_pdf import SPECS

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
CORPUS_PDFS = Path(__file__).parent.parent / "corpus" / "pdf"
PRODUCED = sorted(FIXTURES.glob("*.pdf"))
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@functools.cache
def prepared(name: str, backend: Backend) -> Prepared:
    """A fixture read with one backend, normalised, with its metadata."""
    import os

    old = os.environ.get("MHEXTRACT_PDF_BACKEND")
    os.environ["MHEXTRACT_PDF_BACKEND"] = backend
    try:
        return prepare(FIXTURES / name)
    finally:
        if old is None:
            del os.environ["MHEXTRACT_PDF_BACKEND"]
        else:
            os.environ["MHEXTRACT_PDF_BACKEND"] = old


def body(letter: Letter) -> str:
    return letter.text[letter.body_start : letter.body_end]


def test_fixtures_exist_and_expectation_matches_the_letter_source() -> None:
    assert {p.stem for p in PRODUCED} >= {"lo-frame", "lo-textbox", "lo-table", "chromium-grid", "chromium-float"}
    assert producer_letter.expected() == EXPECTED  # regenerate with tests/make_producer_pdfs.py after edits


@pytest.fixture(params=[p.name for p in PRODUCED])
def fixture_pdf(request: pytest.FixtureRequest) -> Prepared:
    return prepared(request.param, "pdfium")


def test_body_text_as_written(fixture_pdf: Prepared) -> None:
    got, want = _ws(body(fixture_pdf.letter)), _ws(str(EXPECTED["body"]))
    assert difflib.SequenceMatcher(None, got, want, autojunk=False).ratio() >= 0.98, got


def test_every_footnote_split_and_linked(fixture_pdf: Prepared) -> None:
    letter = fixture_pdf.letter
    notes = {fn.number: fn for fn in letter.footnotes}
    assert {str(n): _ws(fn.text) for n, fn in notes.items()} == EXPECTED["footnotes"]
    for number, word in EXPECTED["marked"].items():
        anchor = notes[int(number)].anchor
        assert anchor is not None, f"footnote {number} has no marker in the text"
        assert letter.text[:anchor].endswith(word), (number, letter.text[anchor - 30 : anchor])


def test_no_marker_glued_to_a_word(fixture_pdf: Prepared) -> None:
    text = fixture_pdf.letter.text
    for number, word in EXPECTED["marked"].items():
        assert f"{word}{number}" not in text and f"{word}{number.translate(SUP)}" not in text
    first_lines = {_ws(t)[:25] for t in EXPECTED["footnotes"].values()}
    assert not any(line in body(fixture_pdf.letter) for line in first_lines), "a footnote stayed in the body"


def test_metadata(fixture_pdf: Prepared) -> None:
    meta = fixture_pdf.metadata
    assert (meta.date, meta.reference, meta.subject) == (EXPECTED["date"], EXPECTED["reference"], EXPECTED["subject"])


@pytest.mark.parametrize("name", ["lo-frame", "chromium-grid"])
def test_reference_backend_reads_the_fixture_the_same(name: str) -> None:
    fast, ref = prepared(f"{name}.pdf", "pdfium"), prepared(f"{name}.pdf", "pdfplumber")
    assert fast.letter.text == ref.letter.text and fast.metadata == ref.metadata


@pytest.mark.parametrize("spec", ["text-rise-markers", "flat-markers", "tab-footnote-numbers"])
def test_reportlab_variants_metadata_and_markers(spec: str, tmp_path: Path) -> None:
    path = pdfgen.write(SPECS[spec], tmp_path / f"{spec}.pdf")
    got = prepare(path)
    assert (got.metadata.date, got.metadata.reference) == ("2023-11-30", "6013609")
    assert got.metadata.subject == "Brief inzake moties en toezeggingen op het dossier mensenhandel"
    assert [fn.number for fn in got.letter.footnotes] == [1, 2, 3, 4]
    assert all(fn.anchor is not None for fn in got.letter.footnotes)
    assert "jl.1" not in got.letter.text and "2018 2" not in got.letter.text


# --- both backends, every test PDF --------------------------------------------------------------------------


def _test_pdfs() -> dict[str, bytes]:
    pdfs = {f"pdfgen:{name}": pdfgen.build_pdf(spec) for name, spec in SPECS.items()}
    for path in [*PRODUCED, *sorted(CORPUS_PDFS.glob("*.pdf"))]:
        pdfs[path.name] = path.read_bytes()
    return pdfs


TEST_PDFS = _test_pdfs()


def _lines(name: str, backend: Backend) -> list[RawLine]:
    data = TEST_PDFS[name]
    return read_pdf(Path(name), data, hashlib.sha256(data).hexdigest(), backend=backend).lines


@pytest.mark.parametrize("name", sorted(TEST_PDFS))
def test_backends_give_identical_lines(name: str) -> None:
    fast, reference = (_lines(name, b) for b in BACKENDS)
    assert fast == reference


# --- hyphens and spaces -------------------------------------------------------------------------------------


def _chars(*runs: tuple[str, float]) -> list[Char]:
    """Glyphs of a line: each run's characters 5 pt wide, the run starting after the given extra gap."""
    out, x = [], 0.0
    for text, gap in runs:
        x += gap
        for ch in text:
            c = Char(ch, x, x + 5.0, 100.0, 10.0, False)
            out.append(c)
            x += 5.0
    return out


@pytest.mark.parametrize(
    ("runs", "want"),
    [
        ((("rap", 0.0), ("\u00adport", 0.0)), "rapport"),  # a soft hyphen left in the layer inside a line
        ((("Arbeidsmi\u00ad", 0.0),), "Arbeidsmi-"),  # ... and ending it
        ((("Arbeidsmi\u2010", 0.0),), "Arbeidsmi-"),  # Chromium's line-end hyphen
        ((("EA", 0.0), ("DEN", 1.9)), "EA DEN"),  # a kerned space (0.19 em) is still a space
        ((("a", 0.0), ("b", 0.4)), "ab"),  # kerning is not a space
    ],
)
def test_hyphens_and_word_gaps(runs: tuple[tuple[str, float], ...], want: str) -> None:
    assert text_of(_chars(*runs)) == want  # type: ignore[arg-type]


# --- the CLI chooses the backend ----------------------------------------------------------------------------


def test_cli_pdf_backend_option(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from mhextract.cli import app
    from mhextract.ingest.pdf import ENV_BACKEND

    monkeypatch.setenv(ENV_BACKEND, "pdfium")  # restored after the test: the option sets it for the workers
    runner = CliRunner()
    path = str(FIXTURES / "lo-frame.pdf")
    records = []
    for backend in BACKENDS:
        result = runner.invoke(app, ["parse", path, "--model", "blank:nl", "--pdf-backend", backend])
        assert result.exit_code == 0, result.output
        record = json.loads(result.stdout)
        assert record["metadata"]["reference"] == EXPECTED["reference"]
        records.append({k: v for k, v in record.items() if k not in ("extractor", "timing")})
    assert records[0] == records[1]
    bad = runner.invoke(app, ["parse", path, "--pdf-backend", "pdfminer"])
    assert bad.exit_code == 2 and "--pdf-backend must be one of pdfium, pdfplumber" in bad.output


@pytest.mark.parametrize("backend", BACKENDS)
def test_fake_bold_drawn_twice_reads_once(backend: Backend) -> None:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for dx in (0.0, 0.4):  # a heading overprinted 0.4 pt to the right: poor man's bold
        c.setFont("Helvetica", 11)
        c.drawString(72 + dx, 700, "1. Aanpak mensenhandel")
    c.setFont("Helvetica", 11)
    c.drawString(72, 680, "Gewone tekst met illegale kamerverhuur.")
    c.showPage()
    c.save()
    lines = [ln.text for ln in read_pdf(Path("bold.pdf"), buf.getvalue(), "", backend=backend).lines if ln.text]
    assert lines == ["1. Aanpak mensenhandel", "Gewone tekst met illegale kamerverhuur."]


@pytest.mark.parametrize("backend", BACKENDS)
def test_separator_rule_inside_a_form_xobject(backend: Backend) -> None:
    import io

    from reportlab.pdfgen import canvas

    from mhextract.ingest.pdf import page_reader

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.beginForm("separator")  # some producers draw the footnote rule as a reusable form
    c.line(0, 0, 60, 0)
    c.endForm()
    c.saveState()
    c.translate(72, 100)
    c.doForm("separator")
    c.restoreState()
    c.showPage()
    c.save()
    (page,) = page_reader(backend)(Path("form.pdf"), buf.getvalue())
    assert [(round(r.x0), round(r.x1), r.y) for r in page.rules] in ([(72, 132, 742.0)], [(71, 133, 742.0)])


def test_read_letter_takes_the_backend() -> None:
    from mhextract.ingest import read_letter

    path = FIXTURES / "lo-textbox.pdf"
    assert read_letter(path, pdf_backend="pdfplumber").lines == read_letter(path, pdf_backend="pdfium").lines
