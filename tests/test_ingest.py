"""Format detection and bad input: each gets one clear error naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from mhextract.errors import IngestError
from mhextract.ingest import read_letter

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "corpus" / "letters" / "000_d382b78c494beb71.txt"


def _pdf(path: Path, *, text: str | None = "Datum 1 juli 2020", encrypt: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    if text:
        c.drawString(72, 760, text)
    else:
        c.rect(72, 400, 400, 300, fill=1)  # an "image" only: no text layer
    c.showPage()
    c.save()
    return path


def _error(path: Path) -> IngestError:
    with pytest.raises(IngestError) as info:
        read_letter(path)
    assert str(path) in str(info.value)
    return info.value


def test_detects_markdown_inside_txt() -> None:
    assert read_letter(ROOT / "corpus/letters/003_749c75a436ca6fa8.txt").format == "markdown"
    assert read_letter(LETTER).format == "text"


def test_pdf_detected_by_content_not_suffix(tmp_path: Path) -> None:
    target = _pdf(tmp_path / "letter.bin")
    assert read_letter(target).format == "pdf"


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in _error(tmp_path / "nope.txt").reason


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert "empty" in _error(tmp_path / "empty.txt").reason
    (tmp_path / "blank.md").write_text("  \n\n ")
    assert "empty" in _error(tmp_path / "blank.md").reason


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 40)
    assert "binary" in _error(junk).reason


def test_corrupt_pdf(tmp_path: Path) -> None:
    good = _pdf(tmp_path / "good.pdf").read_bytes()
    bad = tmp_path / "corrupt.pdf"
    bad.write_bytes(good[: len(good) // 3])
    assert "PDF" in _error(bad).reason
    fake = tmp_path / "fake.pdf"
    fake.write_text("this is not a pdf at all")
    assert "not a valid PDF" in _error(fake).reason


def test_encrypted_pdf(tmp_path: Path) -> None:
    reason = _error(_pdf(tmp_path / "secret.pdf", encrypt="geheim")).reason
    assert "encrypted" in reason


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    reason = _error(_pdf(tmp_path / "scan.pdf", text=None)).reason
    assert "no text layer" in reason


def test_unsupported_office_formats(tmp_path: Path) -> None:
    doc = tmp_path / "letter.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    reason = _error(doc).reason
    assert "unsupported" in reason and "supported" in reason
    odt = tmp_path / "letter.odt"
    odt.write_bytes(b"PK\x03\x04" + b"mimetypeapplication/vnd.oasis.opendocument.text" + b"\x00" * 50)
    assert "unsupported" in _error(odt).reason


def test_cp1252_text_is_decoded_not_rejected(tmp_path: Path) -> None:
    text = "Geachte voorzitter,\n\nDe coördinatie kost € 10 miljoen per jaar; één motie is aangenomen.\n"
    target = tmp_path / "legacy.txt"
    target.write_bytes(text.encode("cp1252"))
    raw = read_letter(target)
    joined = "\n".join(line.text for line in raw.lines)
    assert "coördinatie" in joined and "€ 10 miljoen" in joined and "één" in joined


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    target = tmp_path / "latin1.txt"
    target.write_bytes("De geïnformeerde Kamer en de reïntegratie van slachtoffers.\n".encode("latin-1"))
    assert "geïnformeerde" in read_letter(target).lines[0].text
