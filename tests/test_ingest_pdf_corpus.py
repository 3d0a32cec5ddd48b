"""The generated corpus PDFs (tests/make_corpus_pdfs.py): read cleanly, and parse like their txt."""

from __future__ import annotations

import hashlib
import io
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from mhextract.analysis.pipeline import load_pipeline
from mhextract.ingest.pdf import read_pdf
from mhextract.ingest.raw import RawLetter
from mhextract.record.build import extract_file

CORPUS = Path(__file__).parent.parent / "corpus"
# stem -> (footnote count, the letter's reference)
LETTERS = {"003_749c75a436ca6fa8": (11, "6013609"), "004_e6592aba5af7c8ea": (5, "4283675")}


@cache
def raw(stem: str) -> RawLetter:
    data = (CORPUS / "pdf" / f"{stem}.pdf").read_bytes()
    return read_pdf(Path(f"{stem}.pdf"), data, hashlib.sha256(data).hexdigest())


@cache
def records(stem: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The txt record and the pdf record of one corpus letter."""
    nlp = load_pipeline(warn=io.StringIO())
    txt = extract_file(CORPUS / "letters" / f"{stem}.txt", nlp).model_dump(mode="json")
    pdf = extract_file(CORPUS / "pdf" / f"{stem}.pdf", nlp).model_dump(mode="json")
    return txt, pdf


@pytest.mark.parametrize("stem", LETTERS)
def test_corpus_pdf_lines_classified(stem: str) -> None:
    count, reference = LETTERS[stem]
    letter = raw(stem)
    starts = [ln.note for ln in letter.lines if ln.kind == "footnote" and ln.note is not None]
    assert starts == list(range(1, count + 1))
    body = " ".join(ln.text for ln in letter.lines if ln.kind == "body")
    assert reference not in body and "Ons kenmerk" not in body and "Pagina" not in body
    assert reference in [ln.text for ln in letter.lines if ln.kind == "margin"]
    assert (letter.pages or 0) >= 4


@pytest.mark.parametrize("stem", LETTERS)
def test_corpus_pdf_record_matches_txt_record(stem: str) -> None:
    txt, pdf = records(stem)
    assert pdf["source"]["format"] == "pdf" and pdf["source"]["pages"] >= 4
    assert pdf["metadata"] == txt["metadata"]
    assert [s["title"] for s in pdf["sections"]] == [s["title"] for s in txt["sections"]]
    assert [(f["number"], f["text"]) for f in pdf["footnotes"]] == [(f["number"], f["text"]) for f in txt["footnotes"]]
    for field in ("kamerstukken", "references", "motions"):
        assert sorted(str(x.get("id") or x.get("submitters")) for x in pdf[field]) == sorted(
            str(x.get("id") or x.get("submitters")) for x in txt[field]
        )


@pytest.mark.parametrize("stem", LETTERS)
def test_corpus_pdf_anchors_follow_the_same_words(stem: str) -> None:
    txt, pdf = records(stem)

    def before(record: dict[str, Any]) -> list[str]:
        return [record["text"][f["anchor"] - 20 : f["anchor"]] for f in record["footnotes"]]

    assert before(pdf) == before(txt)
