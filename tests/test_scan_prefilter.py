"""The literal pre-filter must be exact: a skipped scan is one that could not have matched."""

from __future__ import annotations

import re

import pytest

from mhextract.analysis import patterns
from mhextract.analysis.patterns import scan
from mhextract.extract import motions, person_titles, references

TEXTS = [
    "Onder leiding van minister De Jonge besprak de motie-Kuik de zaak.",
    "ONDER LEIDING VAN de Minister-President; de motie van het lid Omtzigt.",
    "Een brief zonder een van die woorden, over 2023 en de Handelingen II 2022/23, nr. 5.",
    "De \u017ftaatssecretaris: the long s matches s when case is ignored, but lowercases to itself.",
    "",
]


@pytest.fixture(params=["filtering", "first letters"])
def prefilter(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The literal pre-filter on (as after PREFILTER_AFTER characters) or not yet on (a fresh process)."""
    limit = 0 if request.param == "filtering" else 10**12
    monkeypatch.setattr(patterns, "_PREFILTER_TEXT", patterns._TextSeen(limit))
    monkeypatch.setattr(patterns._PREFILTER_TEXT, "seen", 1 if limit == 0 else 0)
    return str(request.param)


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_finditer_finds(text: str, prefilter: str) -> None:
    g = motions.grammar()
    patterns = [g.named, g.reverse, g.delayed, g.motion_word, g.anaphor, person_titles._leader_re(),
                person_titles._member_re(), person_titles._official_re(), person_titles._government_re(),
                *(f.pattern for f in references.forms()),
                re.compile(r"(?i:leiding)\s+van"), re.compile(r"de (?i:staatssecretaris)", re.IGNORECASE),
                re.compile(r"leiding", re.IGNORECASE), re.compile(r"Kuik")]
    for pattern in patterns:
        assert [m.span() for m in scan(pattern, text)] == [m.span() for m in pattern.finditer(text)], pattern
    for pattern in (g.named, g.reverse, g.delayed):  # as find_named scans them: by the motion word's literals
        assert [m.span() for m in scan(pattern, text, part=g.motion_word)] == [m.span() for m in pattern.finditer(text)]


def test_scan_skips_a_text_without_the_literal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Spy:
        """A pattern that records whether it was run."""

        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.flags, self.ran = pattern.pattern, pattern.flags, False
            self._p = pattern

        def finditer(self, text: str) -> object:
            self.ran = True
            return self._p.finditer(text)

    seen = patterns._TextSeen(40)
    monkeypatch.setattr(patterns, "_PREFILTER_TEXT", seen)
    early = Spy(re.compile(r"(?i:motie)\s+\w+"))
    assert list(scan(early, "geen zulk woord hier")) == []  # type: ignore[arg-type]
    assert early.ran  # the first characters of a run are never filtered: reading literals costs more
    assert list(scan(early, "geen zulk woord hier")) == []  # type: ignore[arg-type]  # the same text counts once
    assert seen.seen == len("geen zulk woord hier")
    scan(early, "nog een tekst, en daarmee meer dan veertig tekens gezien.")  # type: ignore[arg-type]
    assert seen.past_limit("")
    skipped, scanned = Spy(re.compile(r"(?i:motie)\s+\w+")), Spy(re.compile(r"(?i:motie)\s+\w+"))
    assert list(scan(skipped, "geen zulk woord hier")) == []  # type: ignore[arg-type]
    assert not skipped.ran
    assert len(list(scan(scanned, "de MOTIE Kuik"))) == 1  # type: ignore[arg-type]
    assert scanned.ran


def test_motion_grammar_classes_hold_the_characters_they_stand_for() -> None:
    """The classes are written to compile fast (split where they mix Latin-1 and higher characters);
    they must hold exactly the characters of the plain classes they replace."""
    from mhextract.extract import motion_grammar as mg

    for fast, plain in ((mg.UPPER_CLASS, "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f]"),
                        (mg.LETTER, r"[^\W\d_\u00b2\u00b3\u00b9\u2070-\u209f]")):
        a, b = re.compile(fast), re.compile(plain)
        differ = [c for c in map(chr, range(0x3400)) if bool(a.fullmatch(c)) != bool(b.fullmatch(c))]
        assert differ == [], fast
        assert not a.fullmatch("\n")


PREFIX_LISTS = [
    ["van der", "van den", "van de", "van 't", "van", "de", "den", "der", "ter", "ten", "te", "'t", "in 't",
     "in het", "op de", "op 't", "vander", "d'", "da", "du", "von", "el", "la", "le"],
    ["de", "de la", "de las", "del", "della", "di", "Mac", "'s", "'s Heeren"],
]


@pytest.mark.parametrize("words", PREFIX_LISTS)
def test_either_case_trie_matches_as_the_alternation(words: list[str]) -> None:
    """Same match, same length, at every place (the trie tries longer phrases first, as the alternation)."""
    trie = re.compile(rf"(?:{patterns.either_case_trie(words)})")
    alt = re.compile(rf"(?:{patterns.either_case_alternation(words)})")
    assert len(patterns.either_case_trie(words)) < len(patterns.either_case_alternation(words))
    text = " ".join([*words, *(w.title() for w in words), *(w.upper() for w in words),
                     "Van  der\nMeer", "van\tden Berg", "de laatste", "Delft", "tenzij", "in'the"])
    for i in range(len(text)):
        m, n = trie.match(text, i), alt.match(text, i)
        assert (m and m.span()) == (n and n.span()), text[i:i + 12]
    tail = re.compile(rf"(?:{patterns.either_case_trie(words)})\s+[A-Z]\w+")
    tail_alt = re.compile(rf"(?:{patterns.either_case_alternation(words)})\s+[A-Z]\w+")
    assert [m.span() for m in tail.finditer(text)] == [m.span() for m in tail_alt.finditer(text)]


def test_motions_are_looked_for_only_where_a_motion_word_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The motion grammar is not built for a letter without `motie`: on every real letter whose text the
    grammar finds a motion in, the cheap test says there may be one."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "corpus" / "realworld"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/letters/*.txt"))]
    assert not motions.may_mention_motions("De Kamer nam het voorstel aan; de motivatie bleef.")
    assert motions.may_mention_motions("De MOTIE-Kuik (Kamerstuk 28 638, nr. 1).")
    monkeypatch.setattr(motions, "may_mention_motions", lambda text: True)
    with_motions = [t for t in texts if motions.find_motions(t)]
    assert len(with_motions) > 50
    monkeypatch.undo()
    assert all(motions.may_mention_motions(t) for t in with_motions)
