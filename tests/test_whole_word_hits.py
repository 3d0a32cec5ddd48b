"""Organisation aliases: the literal-first search finds what the lookbehind pattern finds."""

from __future__ import annotations

import random
import re

from mhextract.extract.organisations.definitions import _whole_word_hits


def test_whole_word_hits_are_the_lookbehind_pattern_s() -> None:
    rng = random.Random(5)
    hits = 0
    for _ in range(3000):
        alias = "".join(rng.choice("Aa -.") for _ in range(rng.randint(1, 3))).strip() or "A"
        text = "".join(rng.choice("Aa -.x\n") for _ in range(40))
        want = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(alias)}(?![\w])", text)]
        assert list(_whole_word_hits(text, alias)) == want, (alias, text)
        hits += len(want)
    assert hits > 1000
