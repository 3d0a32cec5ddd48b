"""Reading view: HTML structure checked with an HTML parser (nesting, highlights, footnotes, links, side panel)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mhextract.cli import app
from mhextract.record import model as rec
from mhextract.views.render import HIGHLIGHT_TYPES, Highlight, Insert, markup_range, render_record, snap_inserts

VOID = {"meta", "br", "input", "link", "img", "hr"}
URL_207 = "https://zoek.officielebekendmakingen.nl/kst-28638-207.html"
URL_34193 = "https://zoek.officielebekendmakingen.nl/kst-34193-207.html"


@dataclass
class Node:
    """One element of the parsed page."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        """All text below this node."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str | None = None) -> list[Node]:
        """Every descendant element (with this tag)."""
        out: list[Node] = []
        for c in self.children:
            if isinstance(c, Node):
                if tag is None or c.tag == tag:
                    out.append(c)
                out.extend(c.iter(tag))
        return out

    def ancestors(self) -> list[Node]:
        """Parents up to the root."""
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


class StrictTree(HTMLParser):
    """Builds a tree and fails on any end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag: str) -> None:
        assert tag == self.current.tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Node:
    """Parse a page strictly; every element must be closed."""
    tree = StrictTree()
    tree.feed(html)
    tree.close()
    assert tree.current is tree.root, f"unclosed <{tree.current.tag}>"
    return tree.root


def by_id(root: Node) -> dict[str, Node]:
    """Elements by id; ids must be unique."""
    ids: dict[str, Node] = {}
    for node in root.iter():
        if "id" in node.attrs:
            assert node.attrs["id"] not in ids, f"duplicate id {node.attrs['id']}"
            ids[node.attrs["id"]] = node
    return ids


# ---------------------------------------------------------------- a small synthetic record

BODY = ("Aanleiding\n\n"
        "Tijdens het debat van 24 februari jl. (Kamerstukken 28 638 en 34 193, nr. 207) heb ik u toegezegd "
        "terug te komen op de motie van het lid Kuik over CoMensha.\n\n"
        "Ik zal uw Kamer voor de zomer informeren over 87 fte & <meer>.")
NOTE = "Toezegging nr. 118836."
TEXT = BODY + "\n\n" + NOTE


def at(phrase: str, occurrence: int = 0) -> rec.Span:
    """The span of a phrase in TEXT."""
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(phrase, start + 1)
    return rec.Span(start=start, end=start + len(phrase))


def synthetic_record() -> rec.Record:
    """A record with one item of every highlighted type, a joint citation and a footnote."""
    joint = at("Kamerstukken 28 638 en 34 193, nr. 207")
    note_start = len(BODY) + 2
    return rec.Record(
        extractor=rec.Extractor(version="test", model="blank:nl"),
        source=rec.Source(path="corpus/letters/x.txt", sha256="0" * 64, format="text"),
        text=TEXT,
        metadata=rec.Metadata(date="2023-11-30", subject="Brief <over> toezeggingen",
                              signatories=[rec.Signatory(role="De Staatssecretaris", name="E. van der Burg")]),
        sections=[rec.Section(title="Aanleiding", start=0, end=len(BODY))],
        footnotes=[rec.Footnote(number=1, text=NOTE, start=note_start, end=len(TEXT),
                                anchor=at("toegezegd").end)],
        organisations=[rec.Organisation(name="Coördinatiecentrum tegen Mensenhandel", aliases=["CoMensha"],
                                        kind="ngo", mentions=[at("CoMensha")])],
        persons=[rec.Person(name="Kuik", role="Kamerlid", mentions=[at("Kuik")])],
        kamerstukken=[rec.KamerstukRef(id="28638-207", dossier="28638", url=URL_207, mentions=[joint]),
                      rec.KamerstukRef(id="34193-207", dossier="34193", url=URL_34193, mentions=[joint])],
        references=[rec.Reference(kind="toezegging", id="118836", mentions=[at("Toezegging nr. 118836")])],
        motions=[rec.Motion(submitters=["Kuik"], status="aangenomen", mentions=[at("motie van het lid Kuik")])],
        dates=[rec.DateMention(text="24 februari jl.", value="2023-02-24", precision="day",
                               span=at("24 februari jl.")),
               rec.DateMention(text="de zomer", value="2024-summer", precision="season", span=at("de zomer"))],
        figures=[rec.Figure(text="87 fte", value=87, unit="fte", span=at("87 fte"))],
        recommendations=[rec.Recommendation(number=1, title="Aanleiding", text="Aanleiding", span=at("Aanleiding"))],
        commitments=[
            rec.Commitment(text="heb ik u toegezegd terug te komen op de motie", kind="reported",
                           span=at("heb ik u toegezegd terug te komen op de motie van het lid Kuik over CoMensha")),
            rec.Commitment(text="Ik zal uw Kamer voor de zomer informeren", kind="made", due="2024-summer",
                           span=at("Ik zal uw Kamer voor de zomer informeren over 87 fte & <meer>")),
        ],
    )


@pytest.fixture(scope="module")
def page() -> Node:
    return parse(render_record(synthetic_record()))


def test_page_is_semantic_and_self_contained(page: Node) -> None:
    html = render_record(synthetic_record())
    assert len(page.iter("main")) == 1 and len(page.iter("aside")) == 1
    [article] = page.iter("article")
    assert article.attrs["lang"] == "nl"
    assert page.iter("html")[0].attrs["lang"] == "en"
    assert page.iter("h1")[0].text() == "Brief <over> toezeggingen"  # escaped in the source, text again here
    assert "<over>" not in html and "&lt;over&gt;" in html
    assert not page.iter("script") and not page.iter("link") and not page.iter("img")
    assert len(page.iter("style")) == 1
    external = {a.attrs["href"] for a in page.iter("a") if not a.attrs["href"].startswith("#")}
    assert external == {URL_207, URL_34193}  # nothing is loaded; only the official links leave the page
    by_id(page)  # ids unique


def test_every_type_is_highlighted_with_a_title(page: Node) -> None:
    marks = page.iter("mark")
    types = {m.attrs["data-type"] for m in marks}
    assert types == set(HIGHLIGHT_TYPES)
    for mark in marks:
        assert mark.attrs["class"] == f"hl hl-{mark.attrs['data-type']}"
        assert mark.attrs["title"]
    date = next(m for m in marks if m.attrs["data-type"] == "date" and m.text() == "24 februari jl.")
    assert "2023-02-24" in date.attrs["title"]
    commitment = next(m for m in marks if m.attrs["data-type"] == "commitment" and "zal" in m.text())
    assert "made" in commitment.attrs["title"] and "2024-summer" in commitment.attrs["title"]
    # nested highlights: the figure and the date sit inside the commitment sentence
    assert any(a is commitment for a in next(m for m in marks if m.text() == "87 fte").ancestors())


def test_letter_text_is_unchanged_apart_from_footnote_markers_and_extra_links() -> None:
    [article] = parse(render_record(synthetic_record())).iter("article")
    for node in article.iter():
        if node.tag == "sup" or "more-links" in node.attrs.get("class", ""):
            node.children.clear()
    paragraphs = [n.text() for n in article.iter() if n.tag in {"p", "h3"} and n.ancestors()[0].tag != "li"]
    assert paragraphs == BODY.split("\n\n")


def test_footnote_markers_link_both_ways(page: Node) -> None:
    ids = by_id(page)
    [sup] = page.iter("sup")
    [link] = sup.iter("a")
    assert link.attrs["href"] == "#fn-1" and link.attrs["id"] == "fnref-1" and link.text() == "1"
    assert ids["fn-1"].tag == "li" and "Toezegging nr. 118836" in ids["fn-1"].text()
    assert "#fnref-1" in {a.attrs["href"] for a in ids["fn-1"].iter("a")}
    # the marker sits where the footnote's anchor is: right after "toegezegd"
    paragraph = sup.ancestors()
    assert any(p.tag == "p" and "toegezegd1 terug" in p.text() for p in paragraph)


def test_kamerstuk_references_link_to_their_official_urls(page: Node) -> None:
    [mark] = [m for m in page.iter("mark") if m.attrs["data-type"] == "kamerstuk"]
    [link] = mark.iter("a")
    assert link.attrs["href"] == URL_207 and link.text() == "Kamerstukken 28 638 en 34 193, nr. 207"
    assert "28638-207" in mark.attrs["title"] and "34193-207" in mark.attrs["title"]
    more = [a for a in page.iter("a") if a.attrs.get("href") == URL_34193]
    assert any(a.text() == "34193-207" for a in more)  # the second id of the joint citation is linked too


def test_side_panel_lists_each_field_with_links_to_first_mentions(page: Node) -> None:
    [aside] = page.iter("aside")
    headings = [h.text().split(" (")[0] for h in aside.iter("h3")]
    assert headings == ["Metadata", "Sections", "Commitments", "Motions", "Kamerstukken", "Other references",
                        "Organisations", "Persons", "Figures", "Dates", "Recommendations", "Source"]
    ids = by_id(page)
    targets = [a.attrs["href"][1:] for a in aside.iter("a") if a.attrs["href"].startswith("#")]
    assert {"commitment-1", "commitment-2", "motion-1", "kamerstuk-1", "organisation-1", "person-1",
            "date-1", "date-2", "figure-1", "reference-1", "recommendation-1", "section-1"} <= set(targets)
    for target in targets:
        assert target in ids, target
    assert ids["figure-1"].tag == "mark" and ids["section-1"].tag == "h3"
    [legend] = aside.iter("fieldset")
    boxes = legend.iter("input")
    assert [b.attrs["id"] for b in boxes] == [f"show-{k}" for k in HIGHLIGHT_TYPES]
    assert all(b.attrs["type"] == "checkbox" for b in boxes)
    labels = {lab.attrs["for"] for lab in legend.iter("label")}
    assert labels == {b.attrs["id"] for b in boxes}


# ---------------------------------------------------------------- nesting algorithm


@pytest.mark.parametrize(("ranges", "inserts"), [
    ([(0, 10, "commitment"), (2, 5, "date")], []),
    ([(0, 6, "organisation"), (3, 9, "person")], []),  # crossing ranges
    ([(0, 9, "motion"), (0, 9, "kamerstuk"), (4, 12, "date")], [4]),
    ([(2, 8, "kamerstuk"), (3, 6, "kamerstuk")], [5]),  # a link inside a link must not nest
])
def test_markup_range_nests_any_ranges_and_keeps_text(ranges: list[tuple[int, int, str]],
                                                      inserts: list[int]) -> None:
    text = "abcdefghijklmn"
    hls = [Highlight(s, e, k, [k], [("x", "https://example.org/" + k)] if k == "kamerstuk" else [], f"{k}-{i}")
           for i, (s, e, k) in enumerate(ranges)]
    html = str(markup_range(text, 0, len(text), hls, [Insert(o, markup_range("*", 0, 1, [])) for o in inserts]))
    root = parse(html)
    assert root.text() == "".join("*" + c if i in inserts else c for i, c in enumerate(text))
    for a in root.iter("a"):
        assert not any(p.tag == "a" for p in a.ancestors())
    assert sorted({m.attrs["data-type"] for m in root.iter("mark")}) == sorted({k for _, _, k in ranges})
    assert len({m.attrs["id"] for m in root.iter("mark") if "id" in m.attrs}) == len(ranges)


def test_inserts_between_paragraphs_move_to_the_end_of_the_paragraph_before() -> None:
    marker = markup_range("*", 0, 1, [])
    snapped = snap_inserts([Insert(12, marker), Insert(3, marker), Insert(0, marker)], [(2, 10), (14, 20)])
    assert [i.offset for i in snapped] == [2, 3, 10]


def test_markup_range_escapes_text() -> None:
    assert str(markup_range("a <b> & c", 0, 9, [])) == "a &lt;b&gt; &amp; c"


# ---------------------------------------------------------------- a real corpus letter through the CLI

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "letters"


def test_render_command_on_a_corpus_letter(tmp_path: Path) -> None:
    out = tmp_path / "letter.html"
    result = CliRunner().invoke(app, ["render", str(CORPUS / "001_5d7993537c521cd8.txt"), "-o", str(out),
                                      "--model", "blank:nl"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    root = parse(html)
    types = {m.attrs["data-type"] for m in root.iter("mark")}
    assert {"organisation", "kamerstuk", "motion", "date", "figure", "commitment"} <= types
    notes = [n for n in root.iter("li") if n.attrs.get("id", "").startswith("fn-")]
    refs = [a for a in root.iter("a") if a.attrs.get("id", "").startswith("fnref-")]
    assert len(notes) == 10 and len(refs) == 10
    urls = {a.attrs["href"] for a in root.iter("a")}
    assert "https://zoek.officielebekendmakingen.nl/kst-28638-178.html" in urls
    assert re.search(r'<mark class="hl hl-commitment"[^>]*title="Commitment: fulfilled', html)


def test_render_command_reads_a_record_json_and_reports_errors(tmp_path: Path) -> None:
    record_file = tmp_path / "r.json"
    record_file.write_text(synthetic_record().model_dump_json(), encoding="utf-8")
    out = tmp_path / "r.html"
    assert CliRunner().invoke(app, ["render", str(record_file), "-o", str(out)]).exit_code == 0
    assert "hl-commitment" in out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": 1}', encoding="utf-8")
    result = CliRunner().invoke(app, ["render", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert CliRunner().invoke(app, ["render", str(tmp_path / "missing.txt")]).exit_code == 1
