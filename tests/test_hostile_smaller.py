"""Smaller hostile inputs: DTD subsets, UTF-16, mixed encodings, NUL bytes, slow pages, superscript runs, DOCX."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from spacy.language import Language

from mhextract import batch
from mhextract.errors import IngestError
from mhextract.ingest import read_letter
from mhextract.normalise import normalise

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ROOT / "corpus" / "formats"
LETTER = sorted((ROOT / "corpus" / "letters").glob("*.txt"))[0]


def _text(path: Path) -> str:
    return normalise(read_letter(path)).text


def test_oep_xml_with_an_internal_dtd_subset_is_read_as_xml(tmp_path: Path) -> None:
    xml = (FORMATS / "kst-28638-240.xml").read_bytes()
    declaration, rest = xml.split(b"\n", 1)
    subset = b'<!DOCTYPE officiele-publicatie [\n  <!ENTITY kamer "Tweede Kamer">\n  <!ELEMENT x ANY>\n]>\n'
    path = tmp_path / "subset.xml"
    path.write_bytes(declaration + b"\n" + subset + rest)
    raw = read_letter(path)
    assert raw.format == "xml"
    text = normalise(raw).text
    assert "<" not in text and "ENTITY" not in text
    assert text == _text(FORMATS / "kst-28638-240.xml")


def test_entity_expansion_in_a_dtd_subset_is_refused_or_left_unexpanded(tmp_path: Path) -> None:
    xml = (FORMATS / "kst-28638-240.xml").read_bytes()
    declaration, rest = xml.split(b"\n", 1)
    laughs = b"".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">'.encode() for i in range(1, 10))
    subset = b'<!DOCTYPE officiele-publicatie [<!ENTITY l0 "ha">' + laughs + b"]>\n"
    path = tmp_path / "laughs.xml"
    path.write_bytes(declaration + b"\n" + subset + rest.replace(b"</kamerstukkop>", b"&l9;</kamerstukkop>", 1))
    try:
        raw = read_letter(path)
    except IngestError as exc:  # libxml2 refuses the amplification outright
        assert "entity" in exc.reason
        return
    assert raw.format == "xml"
    assert sum(len(line.text) for line in raw.lines) < 2 * len(xml)  # never expanded


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_decoded(tmp_path: Path, encoding: str) -> None:
    text = LETTER.read_text(encoding="utf-8")
    path = tmp_path / "utf16.txt"
    bom = "" if encoding == "utf-16" else "\ufeff"
    path.write_bytes((bom + text).encode(encoding))
    assert _text(path) == _text(LETTER)


def test_mixed_utf8_and_cp1252_lines_are_decoded_per_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Datum 1 juli 2020\n\nDe coördinatie van één café.\n".encode()
                     + "Het ministerie betaalt € 5 voor de reünie.\n".encode("cp1252"))
    text = _text(path)
    assert "De coördinatie van één café." in text
    assert "Het ministerie betaalt € 5 voor de reünie." in text


def test_a_nul_byte_after_the_first_8_kb_is_dropped(tmp_path: Path) -> None:
    text = LETTER.read_text(encoding="utf-8")
    assert len(text.encode()) > 9000
    cut = len(text) - 200
    path = tmp_path / "nul.txt"
    path.write_bytes((text[:cut] + "\x00" + text[cut:]).encode())
    assert "\x00" not in _text(path)
    assert _text(path) == _text(LETTER)


def test_a_slow_pdf_page_is_a_timeout_not_a_corrupt_pdf(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hostile_files import raw_pdf, text_page

    pdf = raw_pdf(tmp_path / "slow.pdf", [text_page("Datum 1 juli 2020")])
    import pdfplumber.page

    def slow_chars(self: object) -> list[object]:
        time.sleep(10)
        return []

    monkeypatch.setenv("MHEXTRACT_PDF_BACKEND", "pdfplumber")  # the reader that reads `Page.chars`
    monkeypatch.setattr(pdfplumber.page.Page, "chars", property(slow_chars))
    summary = batch.run_batch(batch.expand_inputs([pdf]), nlp,
                              batch.BatchOptions(jsonl=tmp_path / "out.jsonl", quiet=True, timeout=0.5, workers=1))
    assert [(f.kind, f.reason) for f in summary.failures] == [("timeout", "took longer than 0.5 s (timeout)")]


def test_thousands_of_superscript_digits_do_not_crash(tmp_path: Path) -> None:
    path = tmp_path / "sup.txt"
    path.write_text("Datum 1 juli 2020\n\nDe brief" + "¹" * 5000 + " gaat verder.\n\n¹ Een voetnoot.\n",
                    encoding="utf-8")
    assert "gaat verder" in _text(path)


def _docx_with_content_types(tmp_path: Path, content_types: bytes | None) -> Path:
    source = zipfile.ZipFile(io.BytesIO((FORMATS / "003_letter.docx").read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename == "[Content_Types].xml":
                if content_types is None:
                    continue
                target.writestr(item, content_types)
            else:
                target.writestr(item, source.read(item.filename))
    path = tmp_path / "broken.docx"
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize(("content_types", "reason"), [
    (b"<?xml version='1.0'?><foo/>", "root is <foo>, not <Types>"),
    (b"<not xml", "not well-formed XML"),
    (None, "it is missing"),
])
def test_docx_with_a_broken_content_types_part_says_so(tmp_path: Path, content_types: bytes | None,
                                                       reason: str) -> None:
    path = _docx_with_content_types(tmp_path, content_types)
    with pytest.raises(IngestError) as caught:
        read_letter(path)
    assert "[Content_Types].xml is damaged" in caught.value.reason and reason in caught.value.reason
    assert "AttributeError" not in caught.value.reason and "lxml" not in caught.value.reason
