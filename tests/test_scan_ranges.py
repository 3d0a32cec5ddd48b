"""Speed helpers must be exact: bisected overlap tests and literal-skipped scans agree with the plain ones."""

from __future__ import annotations

import random
import re

import pytest

from mhextract.analysis.extensions import Disjoint, RangeIndex, overlaps
from mhextract.analysis.patterns import scan
from mhextract.extract import motions, persons, references


def _brute(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


def test_range_index_agrees_with_a_scan_of_every_range() -> None:
    rng = random.Random(11)
    for _ in range(300):
        ranges = [(s, s + rng.randint(0, 30)) for s in (rng.randint(0, 200) for _ in range(rng.randint(0, 25)))]
        index = RangeIndex(ranges)
        for _ in range(40):
            start = rng.randint(0, 230)
            end = start + rng.randint(0, 20)
            assert overlaps(index, start, end) == _brute(ranges, start, end), (ranges, start, end)


def test_disjoint_agrees_with_a_growing_list() -> None:
    rng = random.Random(12)
    for _ in range(300):
        chosen, plain = Disjoint(), []
        for _ in range(40):
            start = rng.randint(0, 200)
            end = start + rng.randint(0, 15)
            assert chosen.overlaps(start, end) == _brute(plain, start, end)
            if not _brute(plain, start, end):
                chosen.add(start, end)
                plain.append((start, end))


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
    patterns = [g.named, g.reverse, g.delayed, g.motion_word, g.anaphor, persons._leader_re(),
                persons._member_re(), persons._official_re(), persons._government_re(),
                *(f.pattern for f in references.forms()),
                re.compile(r"(?i:leiding)\s+van"), re.compile(r"de (?i:staatssecretaris)", re.IGNORECASE),
                re.compile(r"leiding", re.IGNORECASE), re.compile(r"Kuik")]
    for pattern in patterns:
        assert [m.span() for m in scan(pattern, text)] == [m.span() for m in pattern.finditer(text)], pattern


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
