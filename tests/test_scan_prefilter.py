"""The literal pre-filter must be exact: a skipped scan is one that could not have matched."""

from __future__ import annotations

import re

import pytest

from mhextract.analysis.patterns import scan
from mhextract.extract import motions, person_titles, references

TEXTS = [
    "Onder leiding van minister De Jonge besprak de motie-Kuik de zaak.",
    "ONDER LEIDING VAN de Minister-President; de motie van het lid Omtzigt.",
    "Een brief zonder een van die woorden, over 2023 en de Handelingen II 2022/23, nr. 5.",
    "De \u017ftaatssecretaris: the long s matches s when case is ignored, but lowercases to itself.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_finditer_finds(text: str) -> None:
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


def test_scan_skips_a_text_without_the_literal() -> None:
    class Spy:
        """A pattern that records whether it was run."""

        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern, self.flags, self.ran = pattern.pattern, pattern.flags, False
            self._p = pattern

        def finditer(self, text: str) -> object:
            self.ran = True
            return self._p.finditer(text)

    skipped, scanned = Spy(re.compile(r"(?i:motie)\s+\w+")), Spy(re.compile(r"(?i:motie)\s+\w+"))
    assert list(scan(skipped, "geen zulk woord hier")) == []  # type: ignore[arg-type]
    assert not skipped.ran
    assert len(list(scan(scanned, "de MOTIE Kuik"))) == 1  # type: ignore[arg-type]
    assert scanned.ran
