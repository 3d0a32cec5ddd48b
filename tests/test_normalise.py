"""Each normalisation rule, on real snippets from the corpus letters and on the whole letters."""

from __future__ import annotations

import re

import pytest

from mhextract.ingest.lines import take_markers
from mhextract.ingest.markdown import strip_inline_markdown
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.normalise import normalise
from mhextract.normalise.paragraphs import join_lines, join_pair


def _raw(text: str, fmt: str = "text") -> RawLetter:
    return RawLetter(path="snippet.txt", format=fmt, sha256="0", lines=[RawLine(t) for t in text.split("\n")])


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("ook als zij niet geregis-", "treerd worden", "ook als zij niet geregistreerd worden"),
        ("binnen het mensenhandel-", "domein betreft", "binnen het mensenhandeldomein betreft"),
        ("een aanbeveling in het WODC-", "rapport.", "een aanbeveling in het WODC-rapport."),
        ("de motie Segers-", "Asscher is", "de motie Segers-Asscher is"),
        ("verschillende politie-", "eenheden", "verschillende politie-eenheden"),
        ("in de periode 2015-", "2019 is", "in de periode 2015-2019 is"),
        ("het hulp-", "en opvanglandschap", "het hulp- en opvanglandschap"),
        ("190 door het OM-", "geregistreerde verdachten", "190 door het OM-geregistreerde verdachten"),
        ("slachtoffers van", "mensenhandel", "slachtoffers van mensenhandel"),
        ("politie –", "jeugdhulpinstellingen", "politie – jeugdhulpinstellingen"),
    ],
)
def test_line_end_hyphenation(left: str, right: str, joined: str) -> None:
    assert join_pair(left, right) == joined


def test_vocabulary_decides_ambiguous_hyphen() -> None:
    # The letter writes `tech-bedrijven` elsewhere: a line-end `tech-` keeps its hyphen.
    assert join_pair("online tech-", "bedrijven", {"tech-bedrijven"}) == "online tech-bedrijven"
    assert join_pair("de ide-", "aal", set()) == "de ideaal"


def test_hard_wraps_joined_paragraph_breaks_kept() -> None:
    letter = normalise(_raw(
        "Tijdens het commissiedebat over mensenhandel en prostitutie van \n"
        "24 februari jl. heb ik u toegezegd \nterug te komen op een aantal onderwerpen. \n\n"
        "Het tweede vraagstuk rondom gegevensdeling binnen het mensenhandel-\ndomein betreft de verbetering."
    ))
    assert letter.body == (
        "Tijdens het commissiedebat over mensenhandel en prostitutie van 24 februari jl. heb ik u "
        "toegezegd terug te komen op een aantal onderwerpen.\n\n"
        "Het tweede vraagstuk rondom gegevensdeling binnen het mensenhandeldomein betreft de verbetering."
    )


def test_dump_footnotes_split_linked_and_markers_removed(corpus_letters) -> None:
    letter = corpus_letters["000_d382b78c494beb71"]
    numbers = [f.number for f in letter.footnotes]
    assert numbers == list(range(1, 9))
    fn1, fn2 = letter.footnotes[0], letter.footnotes[1]
    assert fn1.text == "Kamerstukken 28 638 en 31 015, nr. 206."
    assert fn2.text == "Kamerstuk 28 638, nr. 204."
    # `Slachtoffermonitor van 7 februari jl.1 heb ik` -> marker gone, anchor right after `jl.`
    assert letter.text[: fn1.anchor].endswith("Slachtoffermonitor van 7 februari jl.")
    assert "jl.1" not in letter.body
    assert letter.text[: fn2.anchor].endswith("in het WODC-rapport.")
    # Footnote texts are appended after the body and their offsets point at them.
    for fn in letter.footnotes:
        assert fn.start >= letter.body_end
        assert letter.text[fn.start: fn.end] == fn.text
    # The page with footnotes 1-2 breaks mid-sentence: `Ik` + `merk overigens` rejoined.
    assert "aantallen mensenhandelslachtoffers. Ik merk overigens wel op" in letter.body


def test_footnote_continuing_on_next_block(corpus_letters) -> None:
    letter = corpus_letters["001_5d7993537c521cd8"]
    fn10 = next(f for f in letter.footnotes if f.number == 10)
    assert fn10.text.endswith("op het rapport Ouders aan het woord te komen gestand.")
    fn7 = next(f for f in letter.footnotes if f.number == 7)
    assert "één miljoen euro per jaar" in fn7.text
    # `5 december 2019 (Kamerstuk ...` in the middle of a page is body text, not footnote 5.
    assert "Algemeen Overleg Mensenhandel van 5 december 2019 (Kamerstuk 28 638, nr. 178)" in letter.body


def test_glued_marker_never_part_of_a_year() -> None:
    letter = normalise(_raw(
        "Dit geldt ook voor de aanpak.1 Verder is de gedragscode gelanceerd in\n"
        "november 20182 en geëvalueerd. Daarna volgt meer tekst over dit onderwerp.\n\n"
        "1 Kamerstuk 28 638, nr. 204.\n2 Kamerstuk 28 638, nr. 205.\n"
        " Vervolg op de volgende pagina."
    ))
    assert "november 2018 en" in letter.body
    assert "20182" not in letter.body
    assert [f.number for f in letter.footnotes] == [1, 2]
    by_number = {f.number: f for f in letter.footnotes}
    assert letter.text[: by_number[2].anchor].endswith("gelanceerd in november 2018")
    assert letter.text[: by_number[1].anchor].endswith("voor de aanpak.")
    assert letter.page_at(0) == 1 and letter.page_at(letter.body_end - 1) == 2


def test_markdown_superscript_and_sup_markers(corpus_letters) -> None:
    md = corpus_letters["003_749c75a436ca6fa8"]
    assert md.format == "markdown"
    assert [f.number for f in md.footnotes] == list(range(1, 12))
    assert md.footnotes[2].text == "Kamerstukken II 2023/24, 28 638, nr.231"
    assert md.text[: md.footnotes[2].anchor].endswith("de motie van Bikker en Verkuilen")
    assert "¹" not in md.body and "⁴" not in md.body
    sup = corpus_letters["004_e6592aba5af7c8ea"]
    assert sup.footnotes[0].text == "Kamerstukken II 2021/22, 2022Z19982."
    assert "<sup>" not in sup.text


def test_margin_blocks_removed_from_body_and_kept_as_letterhead(corpus_letters) -> None:
    letter = corpus_letters["003_749c75a436ca6fa8"]
    assert "Directoraat-Generaal" not in letter.body
    assert "Ons kenmerk" not in letter.body
    assert "Retouradres" not in letter.body
    assert "Bij beantwoording" not in letter.body
    assert letter.letterhead["Ons kenmerk"][0] == "6013609"
    assert letter.letterhead["Datum"][:2] == ["30 november 2023", "18 december 2023"]
    # `Dan volgt er` + margin block + footnotes + `namelijk al snel` is one paragraph again.
    assert "Dan volgt er namelijk al snel een terugmelding" in letter.body


def test_markdown_label_with_value_in_next_block(corpus_letters) -> None:
    letter = corpus_letters["004_e6592aba5af7c8ea"]
    assert "**" not in letter.text and "###" not in letter.text
    assert not re.search(r"^8 november 2022$", letter.body, re.MULTILINE)
    assert letter.letterhead["Ons kenmerk"][0] == "4283675"


def test_real_hyphens_survive_in_corpus(corpus_letters) -> None:
    text = " ".join(letter.text for letter in corpus_letters.values())
    for word in ("Segers-Asscher", "WODC-rapport", "OM-geregistreerde", "AVG-regelgeving"):
        assert word in text
    for word in ("geregistreerd", "mensenhandeldomein", "inventariseer", "totstandkoming"):
        assert word in text


def test_strip_inline_markdown() -> None:
    assert strip_inline_markdown("***Aanbeveling 1:*** *De staatssecretaris*") == "Aanbeveling 1: De staatssecretaris"
    assert take_markers(strip_inline_markdown("zie [de brief](https://x.nl) hier<sup>2</sup>")) == \
        ("zie de brief hier", ((17, 2),))


def test_join_lines_many() -> None:
    assert join_lines(["Een lange regel die af-", "gebroken is en ", "doorloopt."]) == \
        "Een lange regel die afgebroken is en doorloopt."


def test_trailing_superscript_marker_still_ends_a_paragraph_at_a_page_break() -> None:
    raw = RawLetter(path="x.pdf", format="pdf", sha256="0", lines=[
        RawLine("Uw Kamer is hierover bij brief geïnformeerd.", kind="body", page=3, markers=((44, 5),)),
        RawLine("Kamerstukken II 2021/22, 29 628, nr. 1127.", kind="footnote", page=3, note=5),
        RawLine("Hiernaast loopt op dit moment een onderzoek.", kind="body", page=4),
    ])
    letter = normalise(raw)
    assert [letter.text[p.start:p.end] for p in letter.paragraphs] == [
        "Uw Kamer is hierover bij brief geïnformeerd.", "Hiernaast loopt op dit moment een onderzoek."]
    assert letter.footnotes[0].anchor == letter.paragraphs[0].end
    assert [p.page for p in letter.paragraphs] == [3, 4]


def test_running_header_of_a_kamerstuk_print_is_page_furniture() -> None:
    letter = normalise(_raw(
        "Daarnaast is de bestrijding van kinderporno ingebed in het landelijke \n\n"
        "1 Kamerstuk 31 015, nr. 134\n"
        " Tweede Kamer, vergaderjaar 2017–2018, 31 015, nr. 135 2 \n"
        "programma Zeden, kinderporno en kindersekstoerisme. De aanpak werkt."
    ))
    assert letter.body == ("Daarnaast is de bestrijding van kinderporno ingebed in het landelijke programma Zeden, "
                           "kinderporno en kindersekstoerisme. De aanpak werkt.")
    assert [f.text for f in letter.footnotes] == ["Kamerstuk 31 015, nr. 134"]


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Op 8 december 20221 is het rapport verschenen.", "Op 8 december 2022 is het rapport verschenen."),
        ("Sinds november 201812, toen de wet inging.", "Sinds november 2018, toen de wet inging."),
        ("Het kost 20221 euro per jaar.", "Het kost 20221 euro per jaar."),
        ("In december 2022 waren er 12 meldingen.", "In december 2022 waren er 12 meldingen."),
    ],
)
def test_year_marker_without_footnote_text_is_removed(text: str, clean: str) -> None:
    assert normalise(_raw(text)).body == clean
