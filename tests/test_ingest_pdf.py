"""The PDF reader on generated Kamerbrief PDFs (tests/pdfgen.py) and the real control PDF."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import pdfgen  # tests/ is on sys.path under pytest's default import mode
from mhextract.errors import IngestError
from mhextract.ingest.pdf import BACKENDS, Backend, read_pdf
from mhextract.ingest.raw import RawLetter, RawLine
from rawtext import shown

CONTROL = Path(__file__).parent.parent / "corpus" / "pdf" / "tk-besluitenlijst_example1.pdf"
MARGIN_STRINGS = [
    "Directoraat-Generaal",
    "Rechtshandhaving",
    "Criminaliteitsbestrijding",
    "Turfmarkt 147",
    "Ons kenmerk",
    "6013609",
    "Bijlagen",
    "Bij beantwoording",
    "rijksoverheid.nl",
]
SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def read(data: bytes, name: str = "brief.pdf", backend: Backend | None = None) -> RawLetter:
    """Read PDF bytes as the ingest layer would."""
    return read_pdf(Path(name), data, hashlib.sha256(data).hexdigest(), backend=backend)


def of_kind(raw: RawLetter, kind: str) -> list[RawLine]:
    """The non-empty lines of one kind."""
    return [ln for ln in raw.lines if ln.kind == kind and shown(ln)]


def footnotes(raw: RawLetter) -> dict[int, tuple[str, list[int]]]:
    """Footnote number -> (joined text, pages), from lines that start with superscript digits."""
    notes: dict[int, tuple[str, list[int]]] = {}
    current = None
    for ln in of_kind(raw, "footnote"):
        m = re.match(f"^([{SUP}]+) (.*)$", shown(ln))
        if m:
            current = int(m.group(1).translate(str.maketrans(SUP, "0123456789")))
            notes[current] = (m.group(2), [ln.page or 0])
        else:
            assert current is not None, f"continuation before any footnote: {shown(ln)!r}"
            text, pages = notes[current]
            line = shown(ln)
            joined = text[:-1] + line if re.search(r"\w-$", text) and line[:1].islower() else f"{text} {line}"
            notes[current] = (joined, pages if ln.page in pages else [*pages, ln.page or 0])
    return notes


SPECS = {
    "default": pdfgen.sample_spec(),
    "plain-footnote-numbers": pdfgen.sample_spec(footnote_number_style="plain"),
    "tab-footnote-numbers": pdfgen.sample_spec(footnote_number_style="tab"),
    "glued-footnote-numbers": pdfgen.sample_spec(footnote_number_style="glued"),
    "text-rise-markers": pdfgen.sample_spec(marker_rise=True),
    "flat-markers": pdfgen.sample_spec(sup_rise=0.0),
    "body-size-footnotes": pdfgen.sample_spec(  # footnotes as large as the body: only the separator rule tells
        footnote_size=9.5,
        footnote_leading=13.5,
        footnotes=[
            pdfgen.Footnote(n.number, n.text[:300].rsplit(" ", 1)[0]) for n in pdfgen.sample_spec().footnotes
        ],
    ),
    "running-header": pdfgen.sample_spec(running_header="Tweede Kamer, vergaderjaar 2023–2024, 28 638"),
    "numbered-header": pdfgen.sample_spec(running_header="Kamerstuk 28 638, nr. 233 {page}", footer=False),
    "logo-text": pdfgen.sample_spec(logo_text="Ministerie van Justitie en Veiligheid"),
    "no-gap-after-heading": pdfgen.sample_spec(heading_gap_after=False),
    "times": pdfgen.sample_spec(
        font="Times-Roman",
        bold_font="Times-Bold",
        italic_font="Times-Italic",
        body_size=11.0,
        body_leading=14.0,
        footnote_size=8.0,
    ),
    "no-footer": pdfgen.sample_spec(footer=False),
    "positioned-words": pdfgen.sample_spec(positioned_words=True),
    "letter-spaced-margin": pdfgen.sample_spec(margin_char_space=1.0),
}


@functools.cache
def read_spec(name: str) -> RawLetter:
    """The reader's output for one of SPECS, built and read once per test run."""
    return read(pdfgen.build_pdf(SPECS[name]))


@pytest.fixture(params=list(SPECS))
def case(request: pytest.FixtureRequest) -> tuple[pdfgen.LetterSpec, RawLetter]:
    return SPECS[request.param], read_spec(request.param)


def test_page_count(case: tuple[pdfgen.LetterSpec, RawLetter]) -> None:
    spec, raw = case
    assert raw.pages == len(pdfgen.layout(spec)) >= 3
    assert raw.format == "pdf"


def test_body_lines_exactly_as_drawn_with_pages(case: tuple[pdfgen.LetterSpec, RawLetter]) -> None:
    spec, raw = case
    drawn = pdfgen.page_of_line(spec)
    body = [(ln.page, shown(ln)) for ln in of_kind(raw, "body")]
    assert body[-len(drawn) :] == drawn


def test_first_page_header_block_is_body_in_order(case: tuple[pdfgen.LetterSpec, RawLetter]) -> None:
    _, raw = case
    texts = [shown(ln) for ln in of_kind(raw, "body") if ln.page == 1]
    want = [
        "Retouradres Postbus 20301 2500 EH Den Haag",
        "Aan de Voorzitter van de Tweede Kamer",
        "der Staten-Generaal",
        "Postbus 20018",
        "2500 EA DEN HAAG",
        "Datum 30 november 2023",
        "Onderwerp Brief inzake moties en toezeggingen op het dossier",
    ]
    assert texts[: len(want)] == want


def test_margin_column_never_in_body(case: tuple[pdfgen.LetterSpec, RawLetter]) -> None:
    _, raw = case
    body = " ".join(shown(ln) for ln in raw.lines if ln.kind in ("body", "footnote"))
    margin = " ".join(shown(ln) for ln in of_kind(raw, "margin"))
    for s in MARGIN_STRINGS:
        assert s not in body
        assert s in margin
    pages_with_margin = {ln.page for ln in of_kind(raw, "margin")}
    assert pages_with_margin == set(range(1, (raw.pages or 0) + 1))


def test_margin_blocks_separated_by_blank_lines() -> None:
    raw = read_spec("default")
    page2 = [shown(ln) for ln in raw.lines if ln.kind == "margin" and ln.page == 2]
    assert page2 == [
        "Directoraat-Generaal",
        "Rechtspleging en",
        "Rechtshandhaving",
        "Directie Rechtshandhaving en",
        "Criminaliteitsbestrijding",
        "",
        "Datum",
        "30 november 2023",
        "",
        "Ons kenmerk",
        "6013609",
    ]


def test_footer_is_furniture(case: tuple[pdfgen.LetterSpec, RawLetter]) -> None:
    spec, raw = case
    assert not any(re.search(r"Pagina \d+ van \d+", shown(ln)) for ln in raw.lines if ln.kind != "furniture")
    footers = [(ln.page, shown(ln)) for ln in of_kind(raw, "furniture") if shown(ln).startswith("Pagina")]
    n = raw.pages or 0
    assert footers == ([(p, f"Pagina {p} van {n}") for p in range(1, n + 1)] if spec.footer else [])


def test_numbered_running_header_is_furniture() -> None:
    raw = read_spec("numbered-header")
    assert [(ln.page, shown(ln)) for ln in of_kind(raw, "furniture")] == [
        (p, f"Kamerstuk 28 638, nr. 233 {p}") for p in (1, 2, 3)
    ]


def test_same_shaped_footnotes_at_the_page_bottom_are_not_furniture() -> None:
    blocks = [pdfgen.Block(f"Alinea {k} over de aanpak van mensenhandel.[^{k}] " + "Tekst. " * 400) for k in (1, 2, 3)]
    notes = [pdfgen.Footnote(k, f"Kamerstukken II 2023/24, 28 638, nr. {230 + k}.") for k in (1, 2, 3)]
    raw = read(pdfgen.build_pdf(pdfgen.LetterSpec(blocks=blocks, footnotes=notes)))
    assert {k: v[0] for k, v in footnotes(raw).items()} == {
        k: f"Kamerstukken II 2023/24, 28 638, nr. {230 + k}." for k in (1, 2, 3)
    }


def test_running_header_is_furniture() -> None:
    raw = read_spec("running-header")
    header = "Tweede Kamer, vergaderjaar 2023–2024, 28 638"
    assert [ln.page for ln in raw.lines if shown(ln) == header and ln.kind == "furniture"] == [1, 2, 3]
    assert not any(header in shown(ln) for ln in raw.lines if ln.kind != "furniture")


def test_footnotes_numbers_text_and_pages(case: tuple[pdfgen.LetterSpec, RawLetter]) -> None:
    spec, raw = case
    got = footnotes(raw)
    assert sorted(got) == [n.number for n in spec.footnotes]
    for note in spec.footnotes:
        assert got[note.number][0] == note.text.replace(pdfgen.SHY, "")
    assert {k: v[1] for k, v in got.items()} == pdfgen.footnote_pages(spec)


def test_footnote_continues_on_next_page() -> None:
    raw = read_spec("default")
    page2 = [shown(ln) for ln in of_kind(raw, "footnote") if ln.page == 2]
    assert page2 and page2[0].startswith("waarin uitgebreid")
    # a continuation line starting with a year is not a new footnote
    assert any(shown(ln).startswith("2019–2023") for ln in of_kind(raw, "footnote"))


def test_footnote_lines_are_small(case: tuple[pdfgen.LetterSpec, RawLetter]) -> None:
    spec, raw = case
    assert {ln.size for ln in of_kind(raw, "footnote")} == {spec.footnote_size}
    assert {ln.size for ln in of_kind(raw, "body") if ln.page and ln.page > 1} == {spec.body_size}


@pytest.mark.parametrize("marked", ["jl.¹ heb ik", "november 2018² is", "WODC-rapport³ bevestigt", "LIEC.⁴ Hiermee"])
def test_markers_are_superscripts_glued_to_the_word(marked: str) -> None:
    raw = read_spec("default")
    body = " ".join(shown(ln) for ln in of_kind(raw, "body"))
    assert marked in body
    assert "20182" not in body and "2018 2" not in body


@pytest.mark.parametrize(
    "heading", ["1. Gegevensdeling tussen CoMensha en politie", "2. Aanpak klanten", "3. Afronding"]
)
def test_headings_bold_and_preceded_by_blank(heading: str) -> None:
    raw = read_spec("default")
    i = next(i for i, ln in enumerate(raw.lines) if shown(ln) == heading)
    assert raw.lines[i].bold and raw.lines[i].kind == "body"
    assert raw.lines[i - 1].text == ""
    assert not raw.lines[i + 2].bold


def test_line_end_hyphens_kept() -> None:
    raw = read_spec("default")
    texts = [shown(ln) for ln in of_kind(raw, "body")]
    i = next(i for i, t in enumerate(texts) if t.endswith("geregis-"))
    assert texts[i + 1].startswith("treerd ")
    assert any("Segers-Asscher" in t for t in texts) and any("2015–2019" in t for t in texts)


def test_signature_block_in_body() -> None:
    raw = read_spec("default")
    body = [shown(ln) for ln in of_kind(raw, "body")]
    assert body[-2:] == ["De Staatssecretaris van Justitie en Veiligheid,", "E. van der Burg"]


def test_single_page_letter_still_finds_margin() -> None:
    spec = replace(
        SPECS["default"],
        blocks=[pdfgen.Block("Kort bericht over de stand van zaken[^1].")],
        footnotes=[pdfgen.Footnote(1, "Kamerstuk 28 638, nr. 1.")],
    )
    raw = read(pdfgen.build_pdf(spec))
    assert raw.pages == 1
    assert "Ons kenmerk" in [shown(ln) for ln in of_kind(raw, "margin")]
    assert footnotes(raw) == {1: ("Kamerstuk 28 638, nr. 1.", [1])}
    assert "Kort bericht over de stand van zaken¹." in [shown(ln) for ln in of_kind(raw, "body")]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: pdfgen.encrypted_pdf(pdfgen.sample_spec()), "PDF is encrypted (password-protected); decrypt it first"),
        (lambda: pdfgen.image_only_pdf(), "PDF has no text layer (scanned image?); run OCR first"),
        (lambda: pdfgen.corrupt_pdf(), "not a valid PDF: "),
        (lambda: b"Dit is geen PDF maar platte tekst.\n", "not a valid PDF: no %PDF header"),
        (lambda: b"", "not a valid PDF: no %PDF header"),
        (lambda: pdfgen.zero_page_pdf(), "PDF has no pages"),
    ],
    ids=["encrypted", "image-only", "truncated", "not-a-pdf", "empty", "zero-pages"],
)
@pytest.mark.parametrize("backend", BACKENDS)
def test_bad_pdfs_raise_ingest_error(make: Callable[[], bytes], reason: str, backend: Backend) -> None:
    with pytest.raises(IngestError) as err:
        read(make(), "kapot.pdf", backend)
    assert err.value.path == "kapot.pdf"
    assert err.value.reason.startswith(reason)


def test_owner_password_only_pdf_is_readable() -> None:
    from reportlab.lib import pdfencrypt

    data = pdfgen.build_pdf(SPECS["default"], pdfencrypt.StandardEncryption("", ownerPassword="eigenaar"))
    assert "E. van der Burg" in [shown(ln) for ln in read(data).lines]


@pytest.fixture(scope="module")
def control() -> RawLetter:
    return read(CONTROL.read_bytes(), str(CONTROL))


def test_control_reads_with_sensible_text(control: RawLetter) -> None:
    assert control.pages == 10
    texts = [shown(ln) for ln in control.lines]
    for want in [
        "Den Haag, 3 april 2009",
        "Document: Besluitenlijst van de procedurevergadering van donderdag 2 april 2009",
        "WWI i.v.m. agendapunt 10, 35",
        "1. Agendapunt: Besluitenlijst van de vergadering van 19 maart 2009",
        "Voortgang Huis voor democratie en rechtsstaat (31 475) - 31475-3",
    ]:
        assert want in texts


def test_control_has_no_margin_or_footnotes_and_page_numbers_are_furniture(control: RawLetter) -> None:
    assert not of_kind(control, "margin") and not of_kind(control, "footnote")
    assert [(ln.page, shown(ln)) for ln in of_kind(control, "furniture")] == [(p, str(p)) for p in range(2, 11)]


def test_control_bold_headings(control: RawLetter) -> None:
    bold = [shown(ln) for ln in control.lines if ln.bold]
    assert "Besluitenlijst vorige vergadering(en)" in bold and "Brievenlijst" in bold
    assert "Den Haag, 3 april 2009" not in bold
