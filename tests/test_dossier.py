"""Dossier overview: joining motions, commitments, organisations and citations across letters; CSV and HTML."""

from __future__ import annotations

import csv
import hashlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mhextract.cli import app
from mhextract.record import model as rec
from mhextract.views.dossier import CSV_FILES, build_dossier, load_records, write_dossier

SPAN = rec.Span(start=0, end=4)


def letter(path: str, date: str | None, **fields: object) -> rec.Record:
    """A minimal record with the given fields."""
    return rec.Record(
        extractor=rec.Extractor(version="test", model="blank:nl"),
        source=rec.Source(path=path, sha256=hashlib.sha256(path.encode()).hexdigest(), format="text"),
        text="Brief over mensenhandel.", metadata=rec.Metadata(date=date, subject=f"Brief {path}"),
        **fields,  # type: ignore[arg-type]
    )


def kst(kid: str) -> rec.KamerstukRef:
    return rec.KamerstukRef(id=kid, dossier=kid.split("-")[0], url=f"https://zoek.officielebekendmakingen.nl/kst-{kid}.html",
                            mentions=[SPAN])


RECORDS = {
    # written out of date order on purpose; the undated letter sorts first
    "b_2023": letter(
        "b.txt", "2023-06-01",
        motions=[rec.Motion(submitters=["Bikker", "Mutluer"], kamerstuk="28638-229", status="uitgevoerd",
                            mentions=[SPAN]),
                 rec.Motion(submitters=["Kuik"], status="aangenomen", mentions=[SPAN])],
        commitments=[rec.Commitment(text="Hiermee doe ik de toezegging om u te informeren over de evaluatie van "
                                         "de pilot online opsporing gestand", kind="fulfilled", span=SPAN)],
        kamerstukken=[kst("28638-229"), kst("28638-207")],
        organisations=[rec.Organisation(name="Coördinatiecentrum tegen Mensenhandel", aliases=["CoMensha"],
                                        mentions=[SPAN, SPAN])],
        figures=[rec.Figure(text="87 fte", value=87, unit="fte", subject="AVIM", span=SPAN)],
    ),
    "a_2022": letter(
        "a.txt", "2022-01-10",
        motions=[rec.Motion(submitters=["Bikker", "Mutluer"], kamerstuk="28638-229", status="aangenomen",
                            mentions=[SPAN])],
        commitments=[rec.Commitment(text="Ik zal uw Kamer voor de zomer informeren over de evaluatie van de pilot "
                                         "online opsporing", kind="made", due="2022-summer", span=SPAN),
                     rec.Commitment(text="Uw Kamer zal hierover worden geïnformeerd", kind="made", span=SPAN)],
        kamerstukken=[kst("28638-207")],
        organisations=[rec.Organisation(name="CoMensha", mentions=[SPAN]),
                       rec.Organisation(name="Openbaar Ministerie", aliases=["OM"], mentions=[SPAN])],
        figures=[rec.Figure(text="58 fte", value=58, unit="fte", subject="AVIM", span=SPAN)],
    ),
    "c_undated": letter(
        "c.txt", None,
        motions=[rec.Motion(submitters=["Kuik"], kamerstuk="35925-VI-118", status="in uitvoering", mentions=[SPAN])],
        organisations=[rec.Organisation(name="OM", mentions=[SPAN])],
    ),
}


@pytest.fixture
def records_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "records"
    folder.mkdir()
    for stem, record in RECORDS.items():
        (folder / f"{stem}.json").write_text(record.model_dump_json(indent=2), encoding="utf-8")
    (folder / ".last_eval.json").write_text("{}", encoding="utf-8")  # hidden: ignored
    (folder / "notes.json").write_text('{"not": "a record"}', encoding="utf-8")  # reported, skipped
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_letters_are_ordered_undated_first_then_by_date(records_dir: Path) -> None:
    letters, skipped = load_records(records_dir)
    assert [d.key for d in letters] == ["c_undated", "a_2022", "b_2023"]
    assert len(skipped) == 1 and "notes.json" in skipped[0]


def test_motions_join_by_id_and_keep_the_latest_status(records_dir: Path) -> None:
    dossier = build_dossier(*load_records(records_dir))
    rows = {(m.kamerstuk, tuple(m.submitters)): m for m in dossier.motions}
    bikker = rows[("28638-229", ("Bikker", "Mutluer"))]
    assert [(x.letter.key, x.status) for x in bikker.mentions] == [("a_2022", "aangenomen"), ("b_2023", "uitgevoerd")]
    assert bikker.latest is not None and bikker.latest.status == "uitgevoerd"
    # Kuik without an id in b joins the Kuik motion with an id in c (same surnames, no conflicting id)
    kuik = rows[("35925-VI-118", ("Kuik",))]
    assert [x.letter.key for x in kuik.mentions] == ["c_undated", "b_2023"]
    assert kuik.latest is not None and kuik.latest.status == "aangenomen"
    assert len(dossier.motions) == 2


def test_a_commitment_made_earlier_is_linked_to_the_later_letter_that_fulfils_it(records_dir: Path) -> None:
    dossier = build_dossier(*load_records(records_dir))
    by_id = {c.id: c for c in dossier.commitments}
    made = by_id["a_2022#1"]
    assert [x.id for x in made.later] == ["b_2023#1"]
    assert [x.id for x in by_id["b_2023#1"].earlier] == ["a_2022#1"]
    assert by_id["a_2022#2"].later == []


def test_organisations_join_names_and_aliases_and_count_letters(records_dir: Path) -> None:
    dossier = build_dossier(*load_records(records_dir))
    top = dossier.organisations[0]
    assert (top.name, sorted(top.aliases), len(top.letters), top.mentions) == (
        "Coördinatiecentrum tegen Mensenhandel", ["CoMensha"], 2, 3)
    om = next(o for o in dossier.organisations if "OM" in o.aliases or o.name == "OM")
    assert om.name == "Openbaar Ministerie" and [d.key for d in om.letters] == ["c_undated", "a_2022"]


def test_write_dossier_csv_files(records_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier"
    write_dossier(build_dossier(*load_records(records_dir)), out)
    assert sorted(p.name for p in out.glob("*.csv")) == sorted(CSV_FILES)
    motions = read_csv(out / "motions.csv")
    assert motions[0] == {"kamerstuk": "35925-VI-118", "submitters": "Kuik", "letters_count": "2",
                          "letters": "c_undated; b_2023", "letter_dates": "undated; 2023-06-01",
                          "latest_status": "aangenomen", "latest_status_letter": "b_2023",
                          "latest_status_date": "2023-06-01"}
    commitments = read_csv(out / "commitments.csv")
    assert [(c["id"], c["kind"], c["due"], c["continued_in"]) for c in commitments] == [
        ("a_2022#1", "made", "2022-summer", "b_2023#1 (fulfilled)"),
        ("a_2022#2", "made", "", ""),
        ("b_2023#1", "fulfilled", "", ""),
    ]
    assert commitments[2]["continues"] == "a_2022#1"
    figures = read_csv(out / "figures.csv")
    assert [(f["letter_date"], f["value"], f["unit"], f["subject"]) for f in figures] == [
        ("2022-01-10", "58", "fte", "AVIM"), ("2023-06-01", "87", "fte", "AVIM")]
    edges = read_csv(out / "citations.csv")
    assert [(e["letter"], e["cited"]) for e in edges] == [
        ("a_2022", "28638-207"), ("b_2023", "28638-229"), ("b_2023", "28638-207")]
    assert edges[0]["cited_url"] == "https://zoek.officielebekendmakingen.nl/kst-28638-207.html"
    orgs = read_csv(out / "organisations.csv")
    assert orgs[0]["letters_count"] == "2" and orgs[0]["name"] == "Coördinatiecentrum tegen Mensenhandel"


class Links(HTMLParser):
    """Collects hrefs, table captions and whether every element closes."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.captions = 0
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v or "" for k, v in attrs if k == "href"]
        self.captions += tag == "caption"
        if tag not in {"meta", "br", "input"}:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag


def test_overview_page_links_letters_csvs_and_sections(records_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier"
    result = CliRunner().invoke(app, ["dossier", str(records_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = Links()
    page.feed((out / "index.html").read_text(encoding="utf-8"))
    assert page.stack == []
    assert page.captions == 7
    for stem in RECORDS:
        assert f"letters/{stem}.html" in page.hrefs
        assert (out / "letters" / f"{stem}.html").is_file()
    assert set(CSV_FILES) <= set(page.hrefs)
    assert {"#letters", "#motions", "#commitments", "#figures", "#citations", "#organisations"} <= set(page.hrefs)
    assert "https://zoek.officielebekendmakingen.nl/kst-28638-207.html" in page.hrefs


def test_dossier_command_errors(tmp_path: Path) -> None:
    assert CliRunner().invoke(app, ["dossier", str(tmp_path / "missing")]).exit_code == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert CliRunner().invoke(app, ["dossier", str(empty), "-o", str(tmp_path / "o")]).exit_code == 1
