"""Regenerate the PDF versions of corpus letters 003 and 004 (`corpus/pdf/<stem>.pdf`).

The content comes from the normalised Letter of the corpus `.txt` (body paragraphs,
headings = the sections found by `segment`, bold-italic statements, footnotes with
their markers re-inserted at the anchors, signatories) and the letterhead from the
txt's letterhead blocks (page 1 values in the first margin, later-page variants on
pages 2+). Long words get soft hyphens so the PDF has line-end hyphenation.

    .venv/bin/python tests/make_corpus_pdfs.py            # write the PDFs
    .venv/bin/python tests/make_corpus_pdfs.py --compare  # and compare `parse` on txt vs pdf
"""

from __future__ import annotations

import argparse
import io
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pdfgen
from mhextract.ingest import read_letter
from mhextract.normalise import normalise
from mhextract.normalise.layout import Block as LayoutBlock
from mhextract.normalise.layout import build_layout, plain
from mhextract.normalise.letter import Letter
from mhextract.normalise.metadata import extract_metadata
from mhextract.normalise.segment import find_sections

ROOT = Path(__file__).resolve().parent.parent
LETTERS = ["003_749c75a436ca6fa8", "004_e6592aba5af7c8ea"]
VOWELS = set("aeiouyáéíóúäëïöüèà")
MIN_HYPHENATE = 13  # words at least this long get soft hyphens


def soft_hyphens(word: str) -> str:
    """Mark split points in a long lowercase word: before a consonant that starts a syllable."""
    if len(word) < MIN_HYPHENATE or not word.isalpha() or not word.islower():
        return word
    out = word[0]
    for i in range(1, len(word)):
        a, b = word[i - 1], word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        starts_syllable = b not in VOWELS and nxt in VOWELS and a + b not in ("ch", "ij", "th", "ph")
        if starts_syllable and 4 <= i <= len(word) - 4:
            out += pdfgen.SHY
        out += b
    return out


def hyphenate(text: str) -> str:
    """Soft hyphens in the long words of a text (markers and punctuation untouched)."""
    return re.sub(r"[^\W\d_]+", lambda m: soft_hyphens(m.group(0)), text)


def with_markers(letter: Letter, start: int, end: int) -> str:
    """The text between two offsets with `[^N]` put back where each footnote marker stood."""
    inside = sorted((f.anchor, f.number) for f in letter.footnotes if f.anchor is not None and start <= f.anchor <= end)
    out, pos = [], start
    for anchor, number in inside:
        out += [hyphenate(letter.text[pos:anchor]), f"[^{number}]"]
        pos = anchor
    out.append(hyphenate(letter.text[pos:end]))
    return "".join(out)


def body_blocks(letter: Letter, signature: set[str]) -> list[pdfgen.Block]:
    """Body paragraphs as generator blocks: section headings bold, bold-italic statements kept."""
    heads = {s.start for s in find_sections(letter)}
    blocks = []
    for p in letter.paragraphs:
        text = letter.text[p.start : p.end]
        if text.strip() in signature:
            continue
        kind = "heading" if p.start in heads else "emphasis" if p.bold and p.italic else "paragraph"
        blocks.append(pdfgen.Block(with_markers(letter, p.start, p.end), kind))  # type: ignore[arg-type]
    return blocks


def _letterhead_blocks(txt: Path) -> list[list[str]]:
    """The txt's letterhead blocks as plain lines, bold lines marked with a leading `**`."""
    blocks: list[LayoutBlock] = [b for b in build_layout(read_letter(txt)).blocks if b.kind == "letterhead"]
    out = []
    for b in blocks:
        lines, bold = [], False
        for raw in b.texts:
            t = raw.strip()
            bold = bold or t.startswith("**")
            lines.append(("**" if bold else "") + plain(t).strip("*").strip())
            if t.endswith("**"):
                bold = False
        out.append(lines)
    return out


def _label_values(blocks: list[list[str]], label: str) -> list[str]:
    """Values of a margin field (`Ons kenmerk` / `6013609`, or `Datum 30 november 2023` on one line)."""
    values = []
    flat = [ln.lstrip("*") for b in blocks for ln in b]
    for i, ln in enumerate(flat):
        if ln == label and i + 1 < len(flat):
            values.append(flat[i + 1])
        elif ln.startswith(label + " "):
            values.append(ln[len(label) + 1 :])
    return values


def _later(values: list[str]) -> str | None:
    """The most common value after the first (what pages 2+ show)."""
    rest = values[1:]
    return Counter(rest).most_common(1)[0][0] if rest else None


def letterhead(txt: Path, letter: Letter) -> pdfgen.Letterhead:
    """Letterhead fields taken from the txt's letterhead blocks and the letter's metadata."""
    blocks = _letterhead_blocks(txt)
    meta = extract_metadata(letter)
    dg = [b for b in blocks if b[0].lstrip("*").startswith("Directoraat-Generaal")]
    org_units = [([ln[2:] for ln in b if ln.startswith("**")], [ln for ln in b if not ln.startswith("**")]) for b in dg]
    first_org, first_unit = org_units[0]
    later = Counter((tuple(o), tuple(u)) for o, u in org_units[1:] if u).most_common(1)
    address = next(b for b in blocks if any("www." in ln for ln in b))
    small = next(b for b in blocks if b[0].lstrip("*").startswith("Bij beantwoording"))
    addressee = next(b for b in blocks if b[0].startswith("Aan "))
    retour = next(ln for b in blocks for ln in b if "Retouradres" in ln)
    dates, refs = _label_values(blocks, "Datum"), _label_values(blocks, "Ons kenmerk")
    return pdfgen.Letterhead(
        retouradres=retour.lstrip("> ").strip(),
        addressee=tuple(ln.strip() for ln in addressee),
        date=dates[0],
        subject=meta.subject or "",
        organisation=tuple(first_org),
        unit=tuple(first_unit),
        address=tuple(address),
        reference=refs[0],
        attachments=next(iter(_label_values(blocks, "Bijlagen")), None),
        small_print=tuple(ln.strip("*") for ln in small),
        later_date=_later(dates),
        later_organisation=later[0][0][0] if later else None,
        later_unit=later[0][0][1] if later else None,
        later_reference=_later(refs),
    )


def spec_for(txt: Path) -> pdfgen.LetterSpec:
    """The generator spec of a corpus letter."""
    letter = normalise(read_letter(txt))
    meta = extract_metadata(letter)
    signature: list[str] = []
    for s in meta.signatories:
        signature += [f"{s.role},", "", "", s.name] if s.role else [s.name]
    return pdfgen.LetterSpec(
        blocks=body_blocks(letter, {t for t in signature if t}),
        footnotes=[pdfgen.Footnote(f.number, f.text) for f in letter.footnotes],
        letterhead=letterhead(txt, letter),
        signature=tuple(signature),
    )


def build(stem: str) -> Path:
    """Write corpus/pdf/<stem>.pdf from corpus/letters/<stem>.txt."""
    out = ROOT / "corpus" / "pdf" / f"{stem}.pdf"
    out.write_bytes(pdfgen.build_pdf(spec_for(ROOT / "corpus" / "letters" / f"{stem}.txt")))
    return out


def compare(stem: str) -> list[str]:
    """Differences between the records `parse` gives for the txt and for the generated PDF.

    Offsets differ by construction (the letterhead header is laid out in another order),
    so every span is compared by the text it covers and every anchor by the words before it.
    """
    from mhextract.analysis.pipeline import load_pipeline
    from mhextract.record.build import extract_file

    nlp = load_pipeline(warn=io.StringIO())
    records = [
        extract_file(ROOT / "corpus" / folder / f"{stem}.{ext}", nlp).model_dump(mode="json")
        for folder, ext in (("letters", "txt"), ("pdf", "pdf"))
    ]
    txt, pdf = (_view(r, r["text"]) for r in records)
    diffs = []
    for part in ("body", "footnote_text"):
        if txt[part] != pdf[part]:
            diffs.append(f"{part} differs: " + _first_difference(txt[part], pdf[part]))
    skip = {"text", "body", "footnote_text", "source", "extractor", "body_start", "body_end"}
    for field in sorted(set(txt) - skip):
        if _canonical(txt[field]) != _canonical(pdf[field]):
            diffs.append(
                f"{field}: txt-only {_only(txt[field], pdf[field])} / pdf-only {_only(pdf[field], txt[field])}"
            )
    return diffs


def _view(record: dict[str, Any], text: str) -> dict[str, Any]:
    """A record with spans replaced by their text, anchors by the words before them, pages dropped."""
    view = {k: _spans_as_text(v, text) for k, v in record.items()}
    start, end = record.get("body_start") or 0, record.get("body_end") or len(text)
    view["body"], view["footnote_text"] = text[start:end], text[end:]
    return view


def _spans_as_text(value: Any, text: str) -> Any:
    """Replace nested {start, end} spans by the text they cover; drop `page`."""
    if isinstance(value, list):
        return [_spans_as_text(v, text) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _spans_as_text(v, text) for k, v in value.items() if k not in ("start", "end", "page", "anchor")}
    if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        out["covers"] = text[value["start"] : value["end"]]
    if isinstance(value.get("anchor"), int):
        out["after"] = text[max(0, value["anchor"] - 25) : value["anchor"]]
    return out


def _canonical(value: Any) -> Any:
    """Lists compared as multisets: items sorted by their JSON form."""
    if isinstance(value, list):
        return sorted(json.dumps(v, sort_keys=True, ensure_ascii=False) for v in value)
    return value


def _only(a: Any, b: Any) -> str:
    """Items of `a` not in `b`, compactly."""
    if isinstance(a, list) and isinstance(b, list):
        extra = Counter(_canonical(a)) - Counter(_canonical(b))
        return str(sorted(extra.elements()))[:1500]
    if isinstance(a, dict) and isinstance(b, dict):
        return str({k: v for k, v in a.items() if b.get(k) != v})
    return str(a)[:1500]


def _first_difference(a: str, b: str) -> str:
    """Where two texts first differ, with some context."""
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at {i}: txt {a[max(0, i - 60) : i + 60]!r} / pdf {b[max(0, i - 60) : i + 60]!r}"


def main(argv: list[str] | None = None) -> int:
    """Write the PDFs; with --compare, report how their records differ from the txt records."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true", help="parse txt and pdf and print the differences")
    args = parser.parse_args(argv)
    for stem in LETTERS:
        print(f"wrote {build(stem).relative_to(ROOT)}")
        if args.compare:
            diffs = compare(stem)
            print("\n".join(f"  {d}" for d in diffs) or "  records equal (pages aside)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
