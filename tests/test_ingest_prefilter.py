"""The fast paths of ingest and normalise give what the plain per-line rules give (issue 11: speed, same records).

Each fast path is checked against the rule it replaces, on generated strings made of the characters the rule
turns on, and on the corpus letters.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from mhextract.analysis.patterns import alternation
from mhextract.ingest import markdown as md
from mhextract.ingest.detect import _MARKDOWN_SIGNS, _has_markdown_signs, _looks_binary
from mhextract.ingest.joined_scan import any_of, joined_form
from mhextract.ingest.lines import clean_line, not_marker_after, outer_lines
from mhextract.ingest.markdown import strip_inline_markdown
from mhextract.ingest.web import _compiled, looks_like_web_paste
from mhextract.normalise.footnotes import _GLUED, _glued_candidates
from mhextract.normalise.letterhead import _labels, _split_label
from mhextract.normalise.paragraphs import Para
from mhextract.normalise.signature import _role_start
from mhextract.paths import load_json

LETTERS = sorted((Path(__file__).resolve().parents[1] / "corpus" / "letters").glob("*.txt"))


def _strings(alphabet: list[str], count: int = 4000, longest: int = 14, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_outer_lines_are_the_first_and_last_non_empty_clean_lines() -> None:
    alphabet = [" ", "  ", "\t", "\r", "\f", "\v", "\u00a0", "\u2009", "\u202f", "\n", "\n", "a", "b c"]
    for text in _strings(alphabet, longest=40):
        lines = [t for t in (clean_line(t) for t in text.split("\n")) if t]
        for head, tail in [(3, 2), (1, 1), (0, 5), (50, 50)]:
            assert outer_lines(text, head, tail) == (lines[:head], lines[::-1][:tail]), repr(text)
    assert clean_line(" a \u00a0\t b ") == "a b"


def _markdown_signs_plain(text: str, needed: int) -> bool:
    return len(_MARKDOWN_SIGNS.findall(text)) >= needed


def test_markdown_signs_count_as_findall() -> None:
    alphabet = ["#", "# ", "*", "**", "***x", ">", "> ", "<sup>", "-", "- x", " ", "\n", "a", "\t", "\u2028"]
    for text in _strings(alphabet, count=6000):
        for needed in (1, 2, 3):
            assert _has_markdown_signs(text, needed) == _markdown_signs_plain(text, needed), (text, needed)


def test_markdown_signs_each_kind_counts() -> None:
    assert _has_markdown_signs("a<sup>1</sup> b<sup>2</sup> c<sup>3</sup>", 3)
    assert _has_markdown_signs("- een\n- twee\n  - drie", 3)
    assert not _has_markdown_signs("een - twee - drie - vier", 1)


def test_markdown_signs_on_the_corpus() -> None:
    for path in LETTERS:
        text = path.read_text(encoding="utf-8")
        assert _has_markdown_signs(text, 3) == _markdown_signs_plain(text, 3), path.name


def test_control_bytes_counted_as_before() -> None:
    rng = random.Random(3)
    for _ in range(300):
        data = bytes(rng.choice([1, 7, 9, 10, 11, 12, 13, 27, 31, 32, 65, 200]) for _ in range(rng.randint(0, 600)))
        controls = sum(1 for b in data[:8192] if b < 32 and b not in (9, 10, 12, 13))
        expected = b"\x00" in data[:8192] or controls > max(8, len(data[:8192]) // 50)
        assert _looks_binary(data) == expected


def _web_paste_plain(text: str) -> bool:
    """The rule without the joined-text scans: every signature tried on every sampled line."""
    lines = [clean_line(t) for t in text.split("\n")]
    lines = [t for t in lines if t]
    head = lines[:120]
    if any(p.search(t) for t in head[:3] for p in _compiled("lead_signatures")):
        return True
    sample = head + lines[::-1][:60]
    return sum(1 for p in _compiled("signatures") if any(p.search(t) for t in sample)) >= 2


def test_web_paste_detection_as_line_by_line() -> None:
    signs = ["Naar boven", "Terug naar boven", "Preview document", "Nummer: 2022D04614", "U bent hier",
             "Onderwerpen: x", "Transcriptie", "officiële HTML versie (kst-1)", "Gerelateerde personen:"]
    alphabet = [*signs, " ", "\n", "\n\n", "tekst", "  ", "\t"]
    for text in _strings(alphabet, count=3000, longest=8):
        assert looks_like_web_paste(text) == _web_paste_plain(text), repr(text)
    for path in LETTERS:
        text = path.read_text(encoding="utf-8")
        assert looks_like_web_paste(text) == _web_paste_plain(text), path.name
        assert not looks_like_web_paste(text)
    assert looks_like_web_paste("Nummer: 2022D04614\nBrief\nNaar boven\n")


def test_joined_form_of_an_anchored_pattern_finds_only_line_starts() -> None:
    form = joined_form(re.compile(r"^Naar boven$"))
    assert form is not None
    assert form.search("\nx\nNaar boven\ny")
    assert not form.search("\nx Naar boven\ny")
    assert joined_form(re.compile(r"^a(?!b)")) is None  # a lookahead may see the newline: no joined form
    top_level = joined_form(re.compile(r"^a|b"))  # `^` of the first alternative only: not a newline
    assert top_level is not None and top_level.search("\nxb")
    both = any_of([joined_form(re.compile("^x$")), joined_form(re.compile("y"))])
    assert both is not None and both.search("\na y") and both.search("\nx\n") and not both.search("\n x")
    assert any_of([joined_form(re.compile(r"(a)\1"))]) is None  # a backreference's number would shift


def _strip_plain(text: str) -> str:
    """strip_inline_markdown's rules, all of them on every line."""
    text = md.sup_to_markers(text)
    text = md._LINK.sub(r"\1", text)
    text = md._TAG.sub(" ", text)
    for _ in range(3):
        new = md._EMPHASIS.sub(r"\2", text)
        if new == text:
            break
        text = new
    text = re.sub(r"(?<!\S)\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?!\S)", "", text)
    return md._ESCAPE.sub(r"\1", text)


def test_inline_markdown_as_all_rules() -> None:
    alphabet = ["a", " ", "*", "**", "_", "__", "[x](y)", "<sup>1</sup>", "[^2]", "<br>", "\\", "\\*", "(", "]",
                "¹²", "³"]
    for text in _strings(alphabet, count=4000, longest=8):
        assert strip_inline_markdown(text) == _strip_plain(text), repr(text)
    assert strip_inline_markdown("Een gewone regel, 12 woorden (en haakjes).") == \
        "Een gewone regel, 12 woorden (en haakjes)."
    assert strip_inline_markdown("**vet** en [link](http://x)") == "vet en link"


def _split_label_plain(line: str) -> tuple[str | None, str]:
    for label in _labels():
        for form in (label, label.lower()):
            if line == form or line.startswith((form + " ", form + ":", form + "\t")):
                return label, line[len(form):].lstrip(" :\t")
    return None, line


@pytest.mark.parametrize("line", ["Datum 3 maart 2020", "datum: 3 maart", "Ons kenmerk\t123", "Onderwerp",
                                  "Geachte voorzitter", "", "ons kenmerkx", "Uw brief van 1 mei", "Betreft x"])
def test_split_label_as_the_plain_loop(line: str) -> None:
    assert _split_label(line) == _split_label_plain(line)


def test_glued_candidates_as_a_scan_of_every_position() -> None:
    texts = ["het rapport.2 En in november 20182 ook", "nr.2 en art.18 en versie 2", "1 2 3", "jl.1, x12)",
             "in 2019 is 20191 gedaan", "a-1 b/2 c€3 d1", *(p.read_text(encoding="utf-8") for p in LETTERS)]
    paras = [Para(text=t, page=None) for t in texts]
    plain: dict[int, list[tuple[int, int]]] = {}
    for i, t in enumerate(texts):
        for m in _GLUED.finditer(t):
            if not not_marker_after().search(t[max(0, m.start() - 8) : m.start()]):
                plain.setdefault(int(m.group(1)), []).append((i, m.start()))
    assert _glued_candidates(paras) == plain
    assert (0, 12) in plain[2]  # `rapport.2`


def test_role_start_as_the_lookbehind_first_pattern() -> None:
    offices = alternation(sorted(load_json("letterhead.json")["signatory_roles"], key=len, reverse=True))
    plain = re.compile(rf"(?:^|(?<=[.!?»”)]\s))(?:De|Het|DE|HET)\s+(?i:{offices})(?![\w-])")
    texts = ["De Minister van X, a", "x. De minister van Y", "Het Hoofd", "xDe minister", "gedaan.\nDe minister",
             "DE MINISTER-PRESIDENT,", "HET minister", "dE minister", "(zie) De minister", "” Het minister x",
             "De  Staatssecretaris", *(p.read_text(encoding="utf-8") for p in LETTERS)]
    for text in texts:
        assert [m.span() for m in _role_start().finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert _role_start().match("De Minister van Justitie en Veiligheid,")
    assert not _role_start().search("xDe Minister van Justitie")


def test_document_vocabulary_as_one_findall() -> None:
    from mhextract.normalise.paragraphs import _WORD, document_vocabulary

    alphabet = ["a", "B", "é", "_", "-", "--", " ", "\n", ".", ",", "(", ")", "'", "\"", "1", "²", "x-y", "İ", "ß"]
    texts = [*_strings(alphabet, count=3000), *(p.read_text(encoding="utf-8") for p in LETTERS)]
    for text in texts:
        lines = text.split("\n")
        plain = {w.lower() for t in lines for w in _WORD.findall(t[:-1] if t.rstrip().endswith("-") else t)}
        assert document_vocabulary(lines) == plain, repr(text)


def test_text_reader_reads_superscripts_only_when_there_are_some(tmp_path: Path) -> None:
    from mhextract.ingest import read_letter
    from mhextract.ingest.lines import has_superscripts

    assert has_superscripts("zie voetnoot³ hier") and not has_superscripts("zie voetnoot 3 hier")
    path = tmp_path / "brief.txt"
    path.write_text("Geachte voorzitter,\nHet rapport¹² ligt er.\n\n¹² Zie bijlage.\n", encoding="utf-8")
    lines = read_letter(path).lines
    assert lines[1].text == "Het rapport ligt er." and lines[1].markers == ((11, 12),)
    path.write_text("Geachte voorzitter,\nHet rapport 12 ligt er.\n", encoding="utf-8")
    assert [ln.markers for ln in read_letter(path).lines] == [(), (), ()]
