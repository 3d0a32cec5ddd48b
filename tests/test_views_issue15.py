"""Reading view and dossier defects of issue 15: footnote links, tooltips, counts, letterhead, dead links,
recursion and duplicates, overdue commitments and what is new per letter."""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mhextract.cli import app
from mhextract.extract.date_resolve import season_months
from mhextract.record import model as rec
from mhextract.views.dossier import build_dossier, load_records, read_records, write_dossier
from mhextract.views.overdue import due_end, ministry
from mhextract.views.render import render_record

runner = CliRunner()

# ---------------------------------------------------------------- reading view

HEAD = "Retouradres Postbus 20301 2500 EH Den Haag\n\nDatum 30 november 2023\n\n"
BODY = "Ik heb de motie uitgevoerd.\n\nHoogachtend,\n\nE. van der Burg"
NOTE = "Kamerstukken II 2020/21, 28 638, nr. 184 en 203"
TEXT = HEAD + BODY + "\n\n" + NOTE


def _span(phrase: str) -> rec.Span:
    start = TEXT.index(phrase)
    return rec.Span(start=start, end=start + len(phrase))


def _letter_record() -> rec.Record:
    note = _span(NOTE)
    joint = [rec.KamerstukRef(id=f"28638-{n}", dossier="28638", number=str(n), mentions=[note],
                              url=f"https://zoek.officielebekendmakingen.nl/kst-28638-{n}.html") for n in (184, 203)]
    return rec.Record(
        extractor=rec.Extractor(version="t", model="blank:nl"),
        source=rec.Source(path="x.txt", sha256="1" * 64, format="text"),
        text=TEXT, body_start=len(HEAD), body_end=note.start, metadata=rec.Metadata(date="2023-11-30"),
        footnotes=[rec.Footnote(number=6, text=NOTE, start=note.start, end=note.end, anchor=TEXT.index(" uitgevoerd"))],
        kamerstukken=joint,
        dates=[rec.DateMention(text="30 november 2023", value="2023-11-30", precision="day",
                               span=_span("30 november 2023"))],
        persons=[rec.Person(name="E. van der Burg", mentions=[_span("E. van der Burg")])],
    )


@pytest.fixture(scope="module")
def page() -> str:
    return render_record(_letter_record())


def test_kamerstuk_links_of_a_footnote_stay_in_the_footnote(page: str) -> None:
    footnote = page[page.index('<li id="fn-6"'):]
    footnote = footnote[:footnote.index("</li>")]
    assert "kst-28638-203.html" in footnote and "(also" in footnote
    body = page[:page.index('<section class="footnotes"')]
    assert "kst-28638-203" not in body  # not after the signature
    assert re.search(r"van der Burg</mark>\s*</p>", body)


def test_kamerstuk_tooltip_is_singular(page: str) -> None:
    assert 'title="Kamerstuk: Kamerstuk 28638-184' in page
    assert "Kamerstukke:" not in page


def test_legend_counts_mentions_and_lists_count_distinct_items(page: str) -> None:
    assert "(mentions marked in the text)" in page
    assert re.search(r"Kamerstukken: 1 mention<", page)  # one marked range for the joint citation
    assert re.search(r"Kamerstukken <span class=\"small\">\(2 distinct\)</span>", page)


def test_letterhead_is_folded_by_default(page: str) -> None:
    details = re.search(r"<details class=\"letterhead\">(.*?)</details>", page, re.S)
    assert details is not None, "no folded letterhead"
    assert "Retouradres" in details.group(1) and "30 november 2023" in details.group(1)
    assert "<details class=\"letterhead\" open" not in page
    assert "uitgevoerd" not in details.group(1)
    assert page.index("</details>") < page.index("Ik heb de motie")


# ---------------------------------------------------------------- dossier

SPAN = rec.Span(start=0, end=4)


def letter(path: str, day: str | None, **fields: object) -> rec.Record:
    return rec.Record(
        extractor=rec.Extractor(version="t", model="blank:nl"),
        source=rec.Source(path=path, sha256=hashlib.sha256(path.encode()).hexdigest(), format="text"),
        text="Brief over mensenhandel.",
        metadata=rec.Metadata(date=day, sender="Ministerie van Justitie en Veiligheid", subject=path),
        **fields,  # type: ignore[arg-type]
    )


PROMISE = "Ik zal uw Kamer voor de zomer informeren over de evaluatie van de pilot online opsporing"
DONE = "Hiermee doe ik de toezegging om u te informeren over de evaluatie van de pilot online opsporing gestand"
RECORDS = {
    "a": letter("a.txt", "2022-01-10",
                motions=[rec.Motion(submitters=["Bikker"], kamerstuk="28638-229", status="aangenomen",
                                    mentions=[SPAN])],
                commitments=[rec.Commitment(text=PROMISE, kind="made", due="2022-summer", span=SPAN),
                             rec.Commitment(text="Voor het einde van 2022 stuur ik u het plan wetgeving kinderhandel",
                                            kind="made", due="2022", span=SPAN)]),
    "b": letter("b.txt", "2023-06-01",
                motions=[rec.Motion(submitters=["Bikker"], kamerstuk="28638-229", status="uitgevoerd", mentions=[SPAN]),
                         rec.Motion(submitters=["Kuik"], kamerstuk="28638-230", status="aangenomen", mentions=[SPAN])],
                commitments=[rec.Commitment(text=DONE, kind="fulfilled", span=SPAN)]),
}


def _write(folder: Path, records: dict[str, rec.Record]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, record in records.items():
        (folder / f"{stem}.json").write_text(record.model_dump_json(), encoding="utf-8")
    return folder


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_no_letter_pages_writes_no_links_to_them(tmp_path: Path) -> None:
    records = _write(tmp_path / "records", RECORDS)
    out = tmp_path / "dossier"
    result = runner.invoke(app, ["dossier", str(records), "-o", str(out), "--no-letter-pages"])
    assert result.exit_code == 0, result.output
    assert not (out / "letters").exists()
    assert "letters/" not in (out / "index.html").read_text(encoding="utf-8")
    assert [row["page"] for row in _csv(out / "letters.csv")] == ["", ""]
    runner.invoke(app, ["dossier", str(records), "-o", str(tmp_path / "with")])
    assert [row["page"] for row in _csv(tmp_path / "with" / "letters.csv")] == ["letters/a.html", "letters/b.html"]


def test_subfolders_only_with_recursive_and_a_letter_counted_once(tmp_path: Path) -> None:
    own = RECORDS["a"].model_copy(deep=True)
    own.metadata.kamerstuk = "28638-180"
    records = _write(tmp_path / "records", {**RECORDS, "a": own})
    pdf = own.model_copy(update={"source": rec.Source(path="a.pdf", sha256="9" * 64, format="pdf")})
    _write(records / "pdf", {"a": pdf, "x": letter("x.txt", "2024-01-01")})
    assert [d.key for d in load_records(records)[0]] == ["a", "b"]
    loaded = read_records(records, recursive=True)
    assert [d.key for d in loaded.letters] == ["a", "b", "x"]  # pdf/a.json is the same letter as a.json
    assert len(loaded.duplicates) == 1 and "pdf/a.json: same letter as" in loaded.duplicates[0]
    (records / "copy.json").write_text(RECORDS["b"].model_dump_json(), encoding="utf-8")  # same sha
    assert len(read_records(records).letters) == 2
    result = runner.invoke(app, ["dossier", str(records), "-o", str(tmp_path / "o"), "--recursive"])
    assert result.exit_code == 0 and "same letter as" in result.stderr and "of 3 letters" in result.stderr


def test_due_end_of_each_value_form() -> None:
    assert due_end("2022-02-24") == date(2022, 2, 24)
    assert due_end("2022-02") == date(2022, 2, 28)
    assert due_end("2022") == date(2022, 12, 31)
    assert due_end("2022-summer") == date(2022, 8, 31)
    assert due_end("2022-winter") == date(2023, 2, 28)
    assert due_end("2023-Q2") == date(2023, 6, 30)
    assert due_end("2022/2024") == date(2024, 12, 31)
    assert due_end("--05-27") is None and due_end(None) is None


def test_due_end_reads_the_one_season_table() -> None:
    """Overdue and date resolution share models/dates.json's seasons: a season ends in its last month."""
    for season in ("spring", "summer", "autumn", "winter"):
        first, last = season_months(season)
        end = due_end(f"2023-{season}")
        assert end is not None and end.month == last and (end + timedelta(days=1)).day == 1
        assert end.year == (2024 if last < first else 2023)


def test_overdue_commitments_in_index_and_csv(tmp_path: Path) -> None:
    records = _write(tmp_path / "records", RECORDS)
    out = tmp_path / "dossier"
    result = runner.invoke(app, ["dossier", str(records), "-o", str(out), "--as-of", "2022-12-01"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in _csv(out / "commitments.csv")}
    assert rows["a#1"]["overdue"] == "yes"  # summer 2022 passed; b fulfils it only in 2023
    assert rows["a#2"]["overdue"] == "no"   # due by the end of 2022
    assert rows["a#1"]["due_by"] == "2022-08-31" and rows["a#1"]["as_of"] == "2022-12-01"
    assert rows["a#1"]["ministry"] == "Ministerie van Justitie en Veiligheid"
    html = (out / "index.html").read_text(encoding="utf-8")
    section = html[html.index('id="overdue"'):html.index('id="letters"')]
    assert "Ministerie van Justitie en Veiligheid: 1 overdue" in section and PROMISE in section
    later = build_dossier(*load_records(records), as_of=date(2024, 1, 1))
    assert [o.item.id for o in later.overdue] == ["a#2"]  # a#1 was fulfilled by b; a#2 never
    assert runner.invoke(app, ["dossier", str(records), "--as-of", "morgen"]).exit_code == 2


def test_ministry_from_sender_or_signatory() -> None:
    record = letter("s.txt", None)
    assert ministry(record) == "Ministerie van Justitie en Veiligheid"
    record.metadata.sender = "Directoraat-Generaal Werk"
    record.metadata.signatories = [rec.Signatory(role="De Minister van Sociale Zaken en Werkgelegenheid", name="X")]
    assert ministry(record) == "Ministerie van Sociale Zaken en Werkgelegenheid"


def test_what_is_new_per_letter(tmp_path: Path) -> None:
    records = _write(tmp_path / "records", RECORDS)
    dossier = build_dossier(*load_records(records), as_of=date(2024, 1, 1))
    news = {key: [(c.kind, c.text) for c in changes] for key, changes in dossier.news.items()}
    assert [k for k, _ in news["a"]] == ["motion first mentioned", "commitment made", "commitment made"]
    kinds_b = [k for k, _ in news["b"]]
    assert kinds_b == ["motion first mentioned", "motion status changed", "commitment fulfilled", "commitment overdue"]
    assert ("motion status changed", "Bikker (28638-229): aangenomen → uitgevoerd") in news["b"]
    assert any("Kuik (28638-230)" in t for k, t in news["b"] if k == "motion first mentioned")
    assert any("plan wetgeving kinderhandel" in t for k, t in news["b"] if k == "commitment overdue")
    write_dossier(dossier, tmp_path / "out", letter_pages=False)
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'id="news"' in html and "aangenomen → uitgevoerd" in html
    assert ("b", "2023-06-01", "commitment fulfilled", DONE) in [
        (r["letter"], r["letter_date"], r["change"], r["detail"]) for r in _csv(tmp_path / "out" / "news.csv")]


def test_readme_shows_the_overdue_view_made_with_the_projects_commands() -> None:
    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "](docs/overdue.png)" in readme and (root / "docs" / "overdue.png").stat().st_size > 10_000
    assert re.search(r"mhextract dossier /tmp/records -o /tmp/dossier --as-of \d{4}-\d\d-\d\d", readme)
    assert "--screenshot=docs/overdue.png file:///tmp/dossier/index.html" in readme
