"""Time linear (or n log n) in the letter's size: each hostile input doubled must take at most ~2.5x as long.

The inputs are those that took time growing with the square of their size: capitalised
words without punctuation, one long token with capitals, runs of `(` and `)`,
`ECLI:NL:` runs, `Ik zal uw Kamer informeren` repeated in one sentence, and thousands of
footnotes (with dates and Kamerstuk references). Each is timed at n and 2n (best of two),
the whole way from file to record, in CPU time (other processes on the machine do not count);
a ratio over the bound is measured once more, a quadratic stage gives ~4 every time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from mhextract.record.build import extract_file

_WORDS = ["Alfa", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo",
          "Lima", "Mike", "November", "Oscar", "Papa"]


def _footnotes(n: int) -> str:
    body = "".join(f"Zin over de minister van Justitie en Veiligheid op 1 januari 2020{i + 1}.\n" for i in range(n))
    notes = "".join(f"{i + 1} Kamerstukken II 2019/20, 28 638, nr. {i + 1}.\n" for i in range(n))
    return body + "\n" + notes


# name -> (text of size n, n)
HOSTILE: dict[str, tuple[Callable[[int], str], int]] = {
    "capitalised": (lambda n: " ".join(_WORDS[i % len(_WORDS)] for i in range(n)), 4_000),
    "long_token": (lambda n: "Ab" * n, 16_000),
    "parentheses": (lambda n: "(" * n + ")" * n, 2_000),
    "ecli": (lambda n: "ECLI:NL:" * n, 2_500),
    "ik_zal": (lambda n: "Ik zal uw Kamer informeren " * n, 500),
    "footnotes": (_footnotes, 600),
}


def _seconds(path: Path, text: str, nlp: Language) -> float:
    best = float("inf")
    for run in range(2):
        path.write_text(f"{run}{text}", encoding="utf-8")  # a new first token: no tokenizer cache hit
        with nlp.memory_zone():
            start = time.process_time()
            extract_file(path, nlp)
            best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", list(HOSTILE))
def test_doubling_a_hostile_input_at_most_doubles_the_time(name: str, tmp_path: Path, nlp: Language) -> None:
    make, n = HOSTILE[name]
    path = tmp_path / f"{name}.txt"
    _seconds(path, make(n // 4), nlp)  # warm: patterns compiled, caches filled
    ratios = []
    for _ in range(2):
        single, double = _seconds(path, make(n), nlp), _seconds(path, make(2 * n), nlp)
        ratios.append(double / single)
        if ratios[-1] < 2.5:
            return
    pytest.fail(f"{name}: n {single:.2f} s, 2n {double:.2f} s: ratios {', '.join(f'{r:.2f}' for r in ratios)}")
