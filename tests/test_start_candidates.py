"""Patterns tried only where they can start (`finditer_at`, `WordStartScanner.candidates`) and the
whole-letter commitment pre-filter find exactly what the plain scans find."""

from __future__ import annotations

import random
import re

import pytest

from mhextract.analysis.patterns import DIGIT_RUN, finditer_at, starts_of
from mhextract.analysis.word_starts import WordStartScanner
from mhextract.extract import (
    commitment_forms,
    date_grammar,
    figure_shares,
    kamerstuk,
    numbers,
    recommendation_parts,
    recommendations,
)
from mhextract.extract.commitments import split_sentences
from mhextract.normalise.letter import Letter

ODD = ("Kamerstukken II 2023/24, 28 638, nr. 229 en 34 091, M; Tweede Kamer 2019–2020, 35 925-VI, nr. 118. "
       "TK28 638 12 345 678 x28 638, nr. 3 kst-28638-188 1.175 10.000.000 316 000 2,5 3% 12-18 jaar 273f "
       "2023/24 ECLI:NL:2023:4838 1° tweejarig 18-jarige Driejarige zelfjarig jarige tweejarige2 _tweejarig "
       "honderdjarig. Kamer-stukken 21 501-20, nrs. 1 en 2 Eerste Kamerstuk 12 345")


def sample_texts(letters: dict[str, Letter]) -> list[str]:
    texts = [letter.text for letter in letters.values()] + [ODD, ODD.upper(), ODD.replace("s", "ſ")]
    words = " ".join(texts).split()
    rng = random.Random(5)
    return texts + [" ".join(rng.choice(words) for _ in range(300)) for _ in range(20)]


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_finditer_at_is_finditer_where_every_start_is_given() -> None:
    pattern = re.compile(r"(?<![\w.])\d+(?:\.\d{3})*")
    text = "a 1.175 b 12.5 .7 x9 33 44.000"
    starts = [m.start() for m in DIGIT_RUN.finditer(text)]
    assert spans(finditer_at(pattern, text, starts)) == spans(pattern.finditer(text))
    assert spans(finditer_at(pattern, text, starts[1:])) != spans(pattern.finditer(text))  # a start left out


def test_citations_tried_at_their_openings(corpus_letters: dict[str, Letter]) -> None:
    citation = kamerstuk.grammar().citation
    for text in sample_texts(corpus_letters):
        want = [(m.span(), m.groupdict()) for m in citation.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in kamerstuk.citation_matches(text)] == want
    assert spans(kamerstuk.citation_matches(ODD))  # the odd text holds citations


def test_digit_numbers_tried_at_digit_runs(corpus_letters: dict[str, Letter]) -> None:
    for text in sample_texts(corpus_letters):
        want = [(m.span(), m.groupdict()) for m in numbers._digit_patterns()[1].finditer(text)]
        assert [(m.span(), m.groupdict()) for m in numbers.digit_matches(text)] == want


def test_count_adjectives_tried_at_their_words(corpus_letters: dict[str, Letter]) -> None:
    pattern = figure_shares._count_adjective_pattern()
    for text in sample_texts(corpus_letters):
        assert spans(figure_shares._count_adjectives(text)) == spans(pattern.finditer(text))
    assert len(spans(figure_shares._count_adjectives(ODD))) >= 3


def test_sentence_forms_are_search_and_finditer(corpus_letters: dict[str, Letter]) -> None:
    scanner, _ = commitment_forms._sentence_scanner()
    built = WordStartScanner(scanner.patterns, build_after=0).build()
    for text in sample_texts(corpus_letters)[:6]:
        for sent in split_sentences(text):
            body = text[sent.start : sent.end]
            candidates = built.candidates(body)
            for name, pattern in built.patterns.items():
                want = pattern.search(body)
                got = built.search_at(name, body, candidates)
                assert (got.span() if got else None) == (want.span() if want else None)
                assert spans(built.scan_at(name, body, candidates)) == spans(pattern.finditer(body))
    forms = commitment_forms.SentenceForms("Ik zal uw Kamer voor de zomer informeren.")
    assert forms.first("made0") is not None or forms.all("future_aux")


@pytest.mark.parametrize("edit", [lambda t: t, str.upper, lambda t: t.replace("s", "ſ"),
                                  lambda t: t.replace("I", "İ")])
def test_whole_letter_prefilter_is_per_sentence(corpus_letters: dict[str, Letter], edit: object) -> None:
    for text in sample_texts(corpus_letters)[:8]:
        text = edit(text)  # type: ignore[operator]
        cuts = [(s.start, s.end) for s in split_sentences(text)]
        rng = random.Random(len(text))  # spans cutting through words and keywords, gaps between them
        pos, odd = 0, []
        while pos < len(text) - 2:
            start = pos + rng.randrange(3)
            end = min(len(text), start + 1 + rng.randrange(40))
            odd.append((start, end))
            pos = end
        for chosen in (cuts, odd):
            want = [commitment_forms.may_hold_commitment(text[s:e]) for s, e in chosen]
            assert commitment_forms.may_hold_commitments(text, chosen) == want
    text = "Uw Kamer wordt GEÏNFORMEERD. Zij wordt geïnformeerd – later. Ook ‘nu’. Ik heb toegezegd."
    sentences = [(0, 27), (29, 60), (61, 70), (71, 88)]
    assert commitment_forms.may_hold_commitments(text, sentences) == [True, True, False, True]
    text = "Ik heb toegezegd. Ook informeer ik u"
    cut = [(0, 9), (9, 17), (20, 36)]  # the first cut inside a keyword
    assert commitment_forms.may_hold_commitments(text, cut) == [commitment_forms.may_hold_commitment(text[s:e])
                                                                for s, e in cut]
    assert commitment_forms.may_hold_commitments(text, [(0, 17)]) == [True]


def test_glued_markers_tried_at_their_years(corpus_letters: dict[str, Letter]) -> None:
    pattern = date_grammar._glued_markers_re()
    extra = "in 2022.3, 4 En 2019.12 2021.1234.5 versie 2022.1\n\n 1999.2 Zo. x2020.3 A"
    for text in [*sample_texts(corpus_letters), extra]:
        got = finditer_at(pattern, text, starts_of(date_grammar._GLUED_START, text))
        assert spans(got) == spans(pattern.finditer(text))
    assert date_grammar.mask_glued_markers("in 2022.3, 4 En") == "in 2022.     En"


def test_starts_of_finds_overlapping_starts() -> None:
    assert list(starts_of(re.compile("aa"), "aaaa")) == [0, 1, 2]


def test_count_nouns_led_by_a_word_boundary(corpus_letters: dict[str, Letter]) -> None:
    led = recommendations._count_noun_re()
    plain = re.compile(led.pattern.replace(r"(?i)\b", "(?i)", 1))
    assert plain.pattern != led.pattern
    extra = "xvier aanbevelingen aanbevelingen, drie concrete Adviezen; 3 adviezen_ twee verbeterpunten2 vier adviezen"
    for text in [*sample_texts(corpus_letters), extra, extra.upper()]:
        assert [(m.span(), m.groups()) for m in led.finditer(text)] == [(m.span(), m.groups())
                                                                         for m in plain.finditer(text)]
    assert recommendations.stated_count("De raad doet vier concrete aanbevelingen.") == 4


def test_first_mention_inside_a_sentence_by_bisection() -> None:
    rng = random.Random(3)
    for _ in range(200):
        mentions = sorted((s, s + rng.randrange(1, 30), i) for i, s in enumerate(rng.sample(range(300), 25)))
        start = rng.randrange(300)
        end = start + rng.randrange(80)
        inside = [i for ms, me, i in mentions if start <= ms and me <= end]
        assert recommendation_parts._first_inside(mentions, start, end) == (inside[0] if inside else None)


def test_sentence_close_read_backwards() -> None:
    rng = random.Random(8)
    alphabet = 'ab .!?)]"\'’”»\n'
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
        start = rng.randrange(len(text) + 1)
        end = rng.randrange(start, len(text) + 1)
        want = commitment_forms._CLOSE.search(text, start, end)
        assert commitment_forms._close_start(text, start, end) == (want.start() if want else None), (text, start, end)
