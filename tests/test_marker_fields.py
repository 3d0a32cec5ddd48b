"""Footnote markers travel as a field of the raw lines (`RawLine.markers`: offset, number), never as
superscript digits in the text; the normaliser carries them through its line joins into the anchors."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

import pdfgen
from make_format_samples import NS_DECL, run_xml
from mhextract.ingest import read_letter
from mhextract.ingest.lines import LineSink, marker, take_markers
from mhextract.ingest.markdown import strip_inline_markdown
from mhextract.ingest.oep_html import read_oep_html
from mhextract.ingest.pdf import read_pdf
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.ingest.text import read_text
from mhextract.normalise import normalise
from mhextract.normalise.marked import opening_marker, without_form_feeds
from mhextract.normalise.paragraphs import join_marked_lines

ROOT = Path(__file__).resolve().parents[1]
SUPERSCRIPTS = set("⁰¹²³⁴⁵⁶⁷⁸⁹")
# Letter 003 in every format: its eleven body markers, each after the text it is glued to.
LETTER_003 = [
    "corpus/pdf/003_749c75a436ca6fa8.pdf",
    "corpus/formats/003_letter.docx",
    "corpus/formats/kst-28638-240.html",
    "corpus/formats/kst-28638-240.xml",
    "corpus/formats/tkconv_2023D48113.txt",  # pasted page: glued digits matched to its footnote list
    "corpus/formats/oep_kst-28638-240.txt",
    "corpus/letters/003_749c75a436ca6fa8.txt",  # markdown with `<sup>N</sup>` / `[^N]`
]


MARKERS_003 = [("nsenhandel", 1), ("tsartikel.", 2), ("Verkuilen", 3), ("en Mutluer", 4), ("ik en Podt", 5),
               ("2021.", 6), ("rs-Asscher", 7), ("lging 2021", 8), ("en Asscher", 9), ("zaken 2021", 10),
               ("nsenhandel", 11)]


def _body_markers(raw: RawLetter) -> list[tuple[str, int]]:
    """(up to ten characters before the marker on its line, its number) of every marker outside footnotes and
    margin."""
    return [(ln.text[max(0, at - 10):at], number) for ln in raw.lines if ln.kind in ("body", "unknown")
            for at, number in ln.markers]


@pytest.mark.parametrize("name", LETTER_003)
def test_each_reader_hands_markers_as_fields(name: str) -> None:
    raw = read_letter(ROOT / name)
    found = _body_markers(raw)
    assert len(found) == len(MARKERS_003)
    for (before, number), (want, want_number) in zip(found, MARKERS_003, strict=True):
        assert before.endswith(want) and number == want_number
    assert not any(SUPERSCRIPTS & set(ln.text) for ln in raw.lines), "a marker left in a line's text"
    assert sorted({ln.note for ln in raw.lines if ln.note is not None}) == list(range(1, 12))


@pytest.mark.parametrize("name", LETTER_003)
def test_markers_become_the_same_anchors_in_every_format(name: str) -> None:
    letter = normalise(read_letter(ROOT / name))
    anchors = {f.number: letter.text[f.anchor - 12:f.anchor] for f in letter.footnotes if f.anchor is not None}
    assert anchors[1].endswith("mensenhandel") and anchors[2].endswith("wetsartikel.")
    assert not SUPERSCRIPTS & set(letter.body)


def test_text_reader_reads_superscript_digits_as_markers(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Zoals gemeld in de brief van 5 juli.¹ Daarna volgt meer.\n\n¹ Kamerstuk 28 638, nr. 1.\n")
    raw = read_text(path, path.read_bytes(), "0", "text")
    assert [(ln.text, ln.markers) for ln in raw.lines if ln.text] == [
        ("Zoals gemeld in de brief van 5 juli. Daarna volgt meer.", ((36, 1),)),
        (" Kamerstuk 28 638, nr. 1.", ((0, 1),)),
    ]
    letter = normalise(raw)
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Kamerstuk 28 638, nr. 1.")]
    assert letter.text[: letter.footnotes[0].anchor].endswith("5 juli.")


def test_line_sink_turns_marker_tokens_into_fields() -> None:
    sink = LineSink()
    sink.paragraph(f"Eerste zin{marker(1)} en   nog{marker(12)} meer")
    line = sink.finish()[0]
    assert (line.text, line.markers) == ("Eerste zin en nog meer", ((10, 1), (17, 12)))
    assert take_markers("geen markers") == ("geen markers", ())


def test_marker_survives_a_line_join_with_a_hyphen_break() -> None:
    text, marks = join_marked_lines([("Het onderzoeks-", ()), ("rapport van  de inspectie is", ((7, 3), (15, 5))),
                                     ("  verschenen.", ((12, 4),))])
    assert text == "Het onderzoeksrapport van de inspectie is verschenen."
    assert [(text[:at][-10:], n) for at, n in marks] == [("oeksrapport"[-10:], 3), ("rapport van de"[-10:], 5),
                                                         ("verschenen"[-10:], 4)]
    # and through the normaliser: across a page break the paragraph is rejoined, the anchor follows
    raw = RawLetter(path="x.pdf", format="pdf", sha256="0", lines=[
        RawLine("Hierover heeft de inspectie in haar onderzoeks-", kind="body", page=1),
        RawLine("Kamerstuk 28 638, nr. 9.", kind="footnote", page=1, note=1),
        RawLine("rapport gerapporteerd aan uw Kamer.", kind="body", page=2, markers=((7, 1),)),
    ])
    letter = normalise(raw)
    assert letter.body == "Hierover heeft de inspectie in haar onderzoeksrapport gerapporteerd aan uw Kamer."
    anchor = letter.footnotes[0].anchor
    assert anchor is not None and letter.text[:anchor].endswith("onderzoeksrapport")


def test_a_marker_ends_a_sentence_where_the_text_does() -> None:
    # `... geïnformeerd.` + marker closes the paragraph at a page break; no superscript is read for it
    raw = RawLetter(path="x.pdf", format="pdf", sha256="0", lines=[
        RawLine("Uw Kamer is hierover geïnformeerd.", kind="body", page=1, markers=((34, 2),)),
        RawLine("Kamerstuk 28 638, nr. 2.", kind="footnote", page=1, note=2),
        RawLine("vervolgens een nieuwe alinea.", kind="body", page=2),
    ])
    assert len(normalise(raw).paragraphs) == 2


def test_a_superscript_that_is_no_footnote_number_is_no_marker() -> None:
    page = ("<html><body><main><p>" + "Het gebouw heeft een vloeroppervlak van 40 m<sup>2</sup> per werkplek "
            "en volgens de brief<sup>1</sup> is dat genoeg. " * 3 + "</p>"
            "<div class='voetnoten'><ol><li id='n1'>Kamerstuk 28 638, nr. 1.</li></ol></div></main></body></html>")
    raw = read_oep_html(Path("x.html"), page.encode(), "0")
    body = [ln for ln in raw.lines if ln.kind == "body" and ln.text]
    assert {n for ln in body for _, n in ln.markers} == {1}
    assert "40 m2 per werkplek" in body[0].text
    # a structured reader's literal `²` is text: the normaliser does not take it for marker 2
    sink = LineSink()
    sink.paragraph("Een vloeroppervlak van 40 m² per werkplek is voldoende voor het hele team.")
    sink.note(2, "Een noot.")
    lines = sink.finish()
    assert lines[0].markers == ()
    letter = normalise(RawLetter(path="x", format="docx", sha256="0", lines=lines))
    assert "40 m² per werkplek" in letter.body and letter.footnotes[0].anchor is None


def test_docx_literal_superscript_is_text(tmp_path: Path) -> None:
    body = run_xml("Het vloeroppervlak is 40 m² per werkplek, zo staat in de brief van de minister.")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS_DECL}><w:body>'
                f"<w:p>{body}</w:p></w:body></w:document>")
    path = tmp_path / "brief.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
                   '"http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
                   'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override '
                   'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
                   'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)
    raw = read_letter(path)
    line = next(ln for ln in raw.lines if ln.text)
    assert "40 m² per werkplek" in line.text and line.markers == ()


def test_pdf_superscript_glyph_is_text_and_raised_digits_are_markers() -> None:
    # `²` drawn as a glyph of the body font is text (`m²`); the raised `1` is the marker of footnote 1
    spec = replace(pdfgen.sample_spec(), footnotes=[pdfgen.Footnote(1, "Kamerstuk 28 638, nr. 1.")],
                   blocks=[pdfgen.Block("Het nieuwe gebouw heeft 40 m² per werkplek, zoals de brief[^1] al meldde.")])
    data = pdfgen.build_pdf(spec)
    raw = read_pdf(Path("x.pdf"), data, hashlib.sha256(data).hexdigest())
    line = next(ln for ln in raw.lines if "werkplek" in ln.text)
    assert line.text == "Het nieuwe gebouw heeft 40 m² per werkplek, zoals de brief al meldde."
    assert [(line.text[:at][-5:], n) for at, n in line.markers] == [("brief", 1)]
    letter = normalise(raw)
    assert "40 m² per werkplek" in letter.body
    anchor = letter.footnotes[0].anchor
    assert anchor is not None and letter.text[:anchor].endswith("zoals de brief")


def test_a_form_feed_does_not_move_a_marker() -> None:
    line = without_form_feeds(RawLine("\fVolgens de brief is dat zo.", markers=((18, 2),)))
    assert (line.text, line.markers) == ("Volgens de brief is dat zo.", ((17, 2),))
    assert opening_marker(RawLine(" Kamerstuk 28 638, nr. 1.", markers=((0, 1),))) == 1
    assert opening_marker(RawLine("Kamerstuk 28 638, nr. 1.", markers=((9, 1),))) is None


def test_markdown_sup_that_is_no_footnote_number_stays_text() -> None:
    assert take_markers(strip_inline_markdown("40 m<sup>①</sup> en<sup>1234567</sup> of<sup>x</sup>")) == \
        ("40 m① en1234567 ofx", ())
    assert take_markers(strip_inline_markdown("zie de brief[^12] en¹ meer")) == \
        ("zie de brief en meer", ((12, 12), (15, 1)))
