"""Readers hand structure over as fields of the raw lines (heading level, emphasis, footnote numbers, markers);
the normaliser reads the fields and never parses markup back out of a line's text."""

from __future__ import annotations

from pathlib import Path

from mhextract.ingest.lines import LineSink, marker
from mhextract.ingest.markdown import read_markdown
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.normalise import normalise

_PROSE = "Hierbij informeer ik uw Kamer over de voortgang van de aanpak van mensenhandel."


def test_line_sink_writes_fields_not_markup() -> None:
    sink = LineSink()
    sink.heading("Inleiding", 2)
    sink.paragraph("Geheel vet", bold=True)
    sink.paragraph(f"{_PROSE}{marker(1)}")
    sink.note(1, "Kamerstukken II 2023/24, 28 638, nr. 1.")
    lines = [ln for ln in sink.finish() if ln.text]
    assert [(ln.text, ln.heading, ln.bold, ln.note, ln.markers) for ln in lines] == [
        ("Inleiding", 2, False, None, ()),
        ("Geheel vet", None, True, None, ()),
        (_PROSE, None, False, None, ((len(_PROSE), 1),)),
        ("Kamerstukken II 2023/24, 28 638, nr. 1.", None, False, 1, ()),
    ]
    assert lines[-1].kind == "footnote"


def test_markdown_is_read_once_in_its_reader() -> None:
    text = (f"## Aanpak\n\n**Een vette alinea**\n\n*Schuin*\n\n{_PROSE} zie [de brief](https://x.nl)<sup>1</sup>\n\n"
            "[^1]: Kamerstukken II, *28 638*, nr. 1.\n2 Tweede noot.\n")
    raw = read_markdown(Path("x.md"), text.encode(), "0")
    lines = [ln for ln in raw.lines if ln.text]
    assert [(ln.text, ln.heading, ln.bold, ln.italic, ln.note, ln.kind, ln.markers) for ln in lines] == [
        ("Aanpak", 2, False, False, None, "unknown", ()),
        ("Een vette alinea", None, True, False, None, "unknown", ()),
        ("Schuin", None, False, True, None, "unknown", ()),
        (f"{_PROSE} zie de brief", None, False, False, None, "unknown", ((len(_PROSE) + 13, 1),)),
        ("Kamerstukken II, 28 638, nr. 1.", None, False, False, 1, "footnote", ()),
        ("Tweede noot.", None, False, False, 2, "footnote", ()),
    ]


def _normalised(fmt: str, lines: list[RawLine]) -> list[tuple[str, int | None, bool]]:
    letter = normalise(RawLetter(path="x", format=fmt, sha256="0", lines=lines))  # type: ignore[arg-type]
    return [(letter.text[p.start:p.end], p.heading_level, p.bold) for p in letter.paragraphs]


def test_normaliser_reads_the_fields() -> None:
    lines = [RawLine("Aanpak", heading=2), RawLine(""), RawLine("Vet", bold=True), RawLine(""), RawLine(_PROSE),
             RawLine(""), RawLine("Een noot.", kind="footnote", note=1)]
    assert _normalised("docx", lines) == [("Aanpak", 2, False), ("Vet", None, True), (_PROSE, None, False)]
    letter = normalise(RawLetter(path="x", format="docx", sha256="0", lines=lines))
    assert [(f.number, f.text) for f in letter.footnotes] == [(1, "Een noot.")]


def test_markup_in_a_structured_readers_text_is_text() -> None:
    # an OEP/DOCX paragraph that happens to start with `#` or hold `**` is no heading and no bold paragraph
    lines = [RawLine("# 1 Inleiding"), RawLine(""), RawLine("**let op**"), RawLine(""), RawLine(_PROSE)]
    assert _normalised("xml", lines) == [("# 1 Inleiding", None, False), ("**let op**", None, False),
                                         (_PROSE, None, False)]
