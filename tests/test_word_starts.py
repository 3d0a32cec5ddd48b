"""One pass over the words finds exactly what `finditer` finds, for the date grammar and for made-up patterns."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable

import pytest

from mhextract.analysis.patterns import ASCII_FOLDING, folds_to_ascii
from mhextract.analysis.start_words import LATIN1_LETTERS, start_word_pairs, start_words
from mhextract.analysis.word_starts import WordStartScanner
from mhextract.extract import commitment_forms, motions, person_titles, references
from mhextract.extract.date_grammar import _FIND_KINDS, date_patterns
from mhextract.normalise.letter import Letter


def finditer_all(patterns: dict[str, re.Pattern[str]], text: str) -> dict[str, list[tuple[object, ...]]]:
    return {name: [(m.span(), m.groupdict()) for m in p.finditer(text)] for name, p in patterns.items()}


def scanned(scanner: WordStartScanner, text: str) -> dict[str, list[tuple[object, ...]]]:
    return {name: [(m.span(), m.groupdict()) for m in ms] for name, ms in scanner.scan(text).items()}


def date_scanner() -> WordStartScanner:
    return WordStartScanner({kind: date_patterns()[kind] for kind in _FIND_KINDS})


def built(make: Callable[[], WordStartScanner]) -> Callable[[], WordStartScanner]:
    """The scanner made by `make`, its first words read at once (not after many letters)."""
    return lambda: WordStartScanner(make().patterns, build_after=0, prefilter=make().prefilter,
                                    lookahead=make().lookahead).build()


@pytest.mark.parametrize("make", [built(date_scanner), built(person_titles._title_scanner), built(motions._scanner),
                                  built(references._scanner)])
def test_scan_is_finditer(corpus_letters: dict[str, Letter], make: Callable[[], WordStartScanner]) -> None:
    scanner = make()
    patterns = scanner.patterns
    assert len(scanner.whole) < len(scanner.patterns)  # some are tried at their first words only
    texts = [letter.text for letter in corpus_letters.values()]
    texts += [t.upper() for t in texts] + [t.replace("s", "ſ") for t in texts]  # `ſ` folds to `s`: whole scans
    texts += [t.replace("I", "İ") for t in texts[:2]]  # `İ` lowercases to two characters: whole scans
    words = " ".join(texts[:3]).split()
    rng = random.Random(11)
    texts += [" ".join(rng.choice(words) for _ in range(400)) for _ in range(20)]  # words in odd neighbours
    found = 0
    for text in texts:
        want = finditer_all(patterns, text)
        assert scanned(scanner, text) == want
        found += sum(map(len, want.values()))
    assert found > 5


@pytest.mark.parametrize(("pattern", "words"), [
    (r"(?<!\w)(?:de|het)\s+zomer", {"de", "het"}),
    (r"(?<![\w.])jan\.?(?!\w)", {"jan"}),
    (r"(?<!\w)Q[1-4]\s+\d{4}", {"q1", "q2", "q3", "q4"}),
    (r"(?<!\w)(?:(?:maandag)\s+)?\d+", {"maandag", "0"}),
    (r"(?<!\w)week(?:end)?\b(?!\w)", {"week", "weekend"}),
])
def test_start_words(pattern: str, words: set[str]) -> None:
    assert start_words(re.compile(pattern, re.IGNORECASE)) == words


@pytest.mark.parametrize("pattern", [
    r"zomer(?!\w)",  # no word start asserted: may match inside `nazomer`
    r"(?<!\w)zomer",  # may end inside a word (`zomers`)
    r"(?<!\w)\w+ing(?!\w)",  # any word
    r"(?<!\w)[^\W\d]+",  # a negated class
    r"(?<!\w)(?:x)?",  # may match nothing
])
def test_unreadable_patterns_are_scanned_whole(pattern: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert start_words(compiled) is None
    scanner = WordStartScanner({"p": compiled}, build_after=0).build()
    text = "De nazomer en zomers, de zomer: inleiding 12 xx."
    assert scanned(scanner, text) == finditer_all({"p": compiled}, text)


def test_mixed_patterns() -> None:
    patterns = {"art": re.compile(r"(?<!\w)(?:de|het)\s+\w+", re.IGNORECASE),
                "num": re.compile(r"(?<![\w.])\d+(?:\.\d+)?"), "any": re.compile(r"zo\w*")}
    scanner = WordStartScanner(patterns, build_after=0).build()
    text = "De zomer van 2023.5 en het najaar, 12 of 1.2; DE HERFST Het 3de"
    assert scanned(scanner, text) == finditer_all(patterns, text)
    assert scanner.whole == ["any"]


def test_second_words_narrow_the_tries_without_losing_a_match() -> None:
    patterns = {"season": re.compile(r"(?<!\w)(?:de|het)\s+(?:zomer|winter)(?!\w)", re.IGNORECASE),
                "month": re.compile(r"(?<!\w)deze maand(?!\w)", re.IGNORECASE),
                "prefix": re.compile(r"(?<!\w)de\s+zomer", re.IGNORECASE)}  # may end inside `zomers`
    assert start_word_pairs(patterns["season"]) == {"de": {"zomer", "winter"}, "het": {"zomer", "winter"}}
    assert start_word_pairs(patterns["month"]) == {"deze": {"maand"}}
    assert start_word_pairs(patterns["prefix"]) == {"de": None}
    scanner = WordStartScanner(patterns, build_after=0).build()
    text = "De\n\t zomer, het  WINTER; de zomers, deze maand, deze  maand, de\nmaand, de 12 de"
    assert scanned(scanner, text) == finditer_all(patterns, text)
    assert sum(map(len, finditer_all(patterns, text).values())) == 5


def test_lookahead_lists_a_first_word_only_before_its_following_words() -> None:
    patterns = {"season": re.compile(r"(?<!\w)(?:de|het)\s+(?:zomer|winter|\d+)(?!\w)", re.IGNORECASE),
                "month": re.compile(r"(?<!\w)deze maand(?!\w)", re.IGNORECASE),
                "any": re.compile(r"(?<!\w)het\b", re.IGNORECASE)}  # `het` followed by anything
    scanner = WordStartScanner(patterns, build_after=0, lookahead=True).build()
    plain = WordStartScanner(patterns, build_after=0).build()
    text = "De\n\t zomer, het  WINTER; de zomers, deze maand, de\nmaand, de 12 de, de_zomer de zomer_ het"
    assert scanned(scanner, text) == scanned(plain, text) == finditer_all(patterns, text)
    first = scanner.first_words(text)
    assert first is not None
    words = [w for _, w in first[1]]
    assert words.count("de") == 2  # `De zomer`, `de 12`; not `de zomers`, `de maand`, `de_zomer`, `de zomer_`
    assert "het" in words and words.count("deze") == 1
    for name in patterns:
        assert scanner.search(name, text) is not None or patterns[name].search(text) is None


def test_commitment_sentence_search_is_search(corpus_letters: dict[str, Letter]) -> None:
    scanner = WordStartScanner(commitment_forms._sentence_scanner()[0].patterns, build_after=0).build()
    sentences = [s for letter in corpus_letters.values() for s in re.split(r"(?<=[.:;])\s+", letter.text)]
    found = 0
    for sentence in sentences:
        for name, pattern in scanner.patterns.items():
            want = pattern.search(sentence)
            got = scanner.search(name, sentence)
            assert (got.span() if got else None) == (want.span() if want else None), name
            found += want is not None
    assert found > 20


def test_scanner_reads_first_words_only_after_enough_text() -> None:
    scanner = WordStartScanner({"p": re.compile(r"(?<!\w)de\s+zomer(?!\w)")}, build_after=30)
    text = "de zomer en de winter"
    assert [m.span() for m in scanner.scan(text)["p"]] == [(0, 8)] and not scanner.built
    assert [m.span() for m in scanner.scan(text)["p"]] == [(0, 8)] and not scanner.built  # the same text: once
    assert [m.span() for m in scanner.scan(text + ".")["p"]] == [(0, 8)] and scanner.built


@pytest.mark.parametrize(("text", "folds"), [("kerſt", True), ("\u212a", True), ("İ", True), ("ı", True),
                                             ("één café – ’s", False), ("plain", False)])
def test_folds_to_ascii(text: str, folds: bool) -> None:
    assert folds_to_ascii(text) is folds
    assert folds == any(re.fullmatch(re.escape(chr(a)), c, re.IGNORECASE) for c in text if not c.isascii()
                        for a in range(128))


def test_ascii_folding_lists_every_character_an_ascii_one_matches_ignoring_case() -> None:
    ascii_class = re.compile(r"[\x00-\x7f]", re.IGNORECASE)
    found = [c for c in map(chr, range(0x80, sys.maxunicode + 1)) if ascii_class.fullmatch(c)]
    assert "".join(found) == ASCII_FOLDING


def test_a_latin1_letter_matches_ignoring_case_only_what_lowercases_to_it() -> None:
    """The lowercased text shows a first word spelled with Latin-1 letters wherever the pattern matches."""
    letters = re.compile(f"[{LATIN1_LETTERS}]", re.IGNORECASE)
    found = [x for x in map(chr, range(sys.maxunicode + 1)) if letters.fullmatch(x)]
    assert len(found) > len(LATIN1_LETTERS)  # with `Ÿ` and `ẞ`
    for x in found:
        assert {c.lower() for c in LATIN1_LETTERS if re.fullmatch(re.escape(c), x, re.IGNORECASE)} == {x.lower()}, x


def test_first_words_with_latin1_letters_are_read_and_found_in_any_case() -> None:
    pattern = re.compile(r"(?<!\w)(?:geïnformeerd|vóór\s+de\s+zomer|informeer)(?!\w)", re.IGNORECASE)
    assert start_word_pairs(pattern) == {"geïnformeerd": None, "vóór": frozenset({"de"}), "informeer": None}
    scanner = WordStartScanner({"p": pattern}, build_after=0)
    text = "U wordt GEÏNFORMEERD, Vóór de zomer; VÓÓR DE ZOMER, voor de zomer; ongeïnformeerd."
    assert [m.group() for m in scanner.scan(text)["p"]] == [m.group() for m in pattern.finditer(text)]
    assert len(scanner.scan(text)["p"]) == 3 and scanner.built and not scanner.whole


def test_scanners_sharing_one_word_pass_find_what_each_finds_alone(corpus_letters: dict[str, Letter]) -> None:
    """`SharedWords`: a scanner that lists `de` only before `zomer`, one that lists it anywhere and one of
    other words read their words from one pass, and each finds exactly its `finditer` matches."""
    from mhextract.analysis.shared_words import SharedWords

    groups = [
        {"season": re.compile(r"(?<!\w)(?:de|het)\s+(?:zomer|winter)(?!\w)", re.IGNORECASE)},
        {"article": re.compile(r"(?<!\w)(?:de|een)\s+\w+", re.IGNORECASE), "num": re.compile(r"(?<![\w.])\d+")},
        {"minister": re.compile(r"(?<!\w)minister(?:\s+van)?(?!\w)", re.IGNORECASE)},
    ]
    shared = SharedWords()
    scanners = [WordStartScanner(g, build_after=0, lookahead=True, shared=shared).build() for g in groups]
    assert len(shared.scanners) == 3
    texts = [letter.text for letter in corpus_letters.values()]
    texts += ["De zomer, de\nwinter, DE minister van 12 en de 3de; het  WINTER", "de", ""]
    for text in texts:
        for scanner, patterns in zip(scanners, groups, strict=True):
            assert scanned(scanner, text) == finditer_all(patterns, text)
            for name, pattern in patterns.items():
                found, first = scanner.search(name, text), pattern.search(text)
                assert (found and found.span()) == (first and first.span())
