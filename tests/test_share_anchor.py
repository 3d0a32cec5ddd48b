"""Figures: the share anchor never skips a text that holds a share."""

from __future__ import annotations

import random
import re

from mhextract.extract import figure_shares as figures


def test_a_text_with_a_share_is_never_skipped() -> None:
    words = re.findall(r"\S+|\n", "de helft van twee derde drie vierde deel gedeelte driekwart Van ruim meer dan 12 "
                                     "kwart kwartaal tiende tienden vijfden DERDE VAN HELFT zo'n één \n")
    rng = random.Random(3)
    shares = skipped = 0
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        found = figures.find_shares(text)
        shares += bool(found)
        if not figures._may_hold_share(text):
            skipped += 1
            assert not list(figures._share_pattern().finditer(text)), text
    assert shares > 100 and skipped > 300
    assert figures._may_hold_share("twee derde ſ")  # `ſ` folds to `s`: never skipped
