"""The lazily filled gazetteer matchers (analysis.phrase_queue): the same matches as matchers built with
every name up front, on real letters, inside and after memory zones."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from mhextract.analysis.phrase_queue import PhraseQueue, letter_key, letter_runs
from mhextract.analysis.tokenizer import shared_tokenizer
from mhextract.extract.organisations.known import GazetteerMatchers, _single_variants, gazetteer

REPO = Path(__file__).resolve().parents[1]
LETTERS = sorted((REPO / "corpus" / "realworld").glob("b0[15]/letters/*.txt"))


def eager(matchers: GazetteerMatchers) -> GazetteerMatchers:
    """`matchers` with every waiting phrase added now (what building them up front gives)."""
    everything = {item for items in matchers.queue._waiting.values() for item in items}
    for phrase in sorted(everything, key=lambda p: (p.index, p.name, p.post)):
        matchers._add(phrase)
    matchers.queue._waiting.clear()
    return matchers


def test_every_gazetteer_phrase_keeps_its_letter_key_inside_one_token() -> None:
    """What makes the queue exact: the tokenizer never splits a phrase's longest letter run, so a doc
    that matches the phrase has a token holding that run."""
    nlp = shared_tokenizer()
    checked = 0
    for phrase in {p for items in GazetteerMatchers().queue._waiting.values() for p in items}:
        forms = _single_variants(phrase.name) if not phrase.post else {phrase.name}
        for form in forms:
            runs = {run for token in nlp.make_doc(form) for run in letter_runs(token.lower_)}
            assert letter_key(form) in runs, form
            checked += 1
    assert checked > 2 * len(gazetteer())


def test_lazy_matchers_find_what_eager_matchers_find_on_real_letters() -> None:
    assert len(LETTERS) > 100
    lazy, full = GazetteerMatchers(), eager(GazetteerMatchers())
    nlp = shared_tokenizer()
    total = 0
    for path in LETTERS:
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        found = sorted(lazy(doc))
        assert found == sorted(full(doc)), path.name
        total += len(found)
    assert total > 1000
    assert 0 < lazy.queue.waiting < len(GazetteerMatchers().queue._waiting)  # rare names still wait


def test_a_phrase_waits_for_its_whole_letter_run_and_is_released_once() -> None:
    nlp = shared_tokenizer()
    queue: PhraseQueue[str] = PhraseQueue()
    queue.file("fin", ["Ministerie van Financiën"])
    queue.file("om", ["OM", "Om", "OM"])
    queue.file("sign", ["§"])
    assert letter_key("Ministerie van Financiën") == "ministerie"
    assert queue.due(nlp.make_doc("De ministeries en de ministerieel verantwoordelijke.")) == ["sign"]
    assert queue.due(nlp.make_doc("Het OMA-project en de Commissie.")) == []  # `oma`, not `om`
    assert sorted(queue.due(nlp.make_doc("HET MINISTERIE en het om-team"))) == ["fin", "om"]
    assert queue.waiting == 0
    assert queue.due(nlp.make_doc("Het Ministerie van Financiën en het OM.")) == []


def test_filing_later_rereads_words_seen_before() -> None:
    nlp = shared_tokenizer()
    queue: PhraseQueue[str] = PhraseQueue()
    queue.file("a", ["Inspectie"])
    doc = nlp.make_doc("De Nationale Ombudsman en de Inspectie.")
    assert queue.due(doc) == ["a"]
    queue.file("b", ["Nationale ombudsman"])
    assert queue.due(doc) == ["b"]


@pytest.mark.parametrize("zones", [1, 3])
def test_names_added_inside_a_memory_zone_still_match_after_it(zones: int) -> None:
    nlp = shared_tokenizer()
    matchers = GazetteerMatchers()
    text = "Het Openbaar Ministerie, de Nationale Politie en de Inspectie Justitie en Veiligheid."

    def found(doc: Doc) -> list[str]:
        return sorted(gazetteer()[i].name for i, _, _, _ in matchers(doc))

    for _ in range(zones):
        with nlp.vocab.memory_zone():
            inside = found(nlp.make_doc(text))
    after = found(nlp.make_doc(text))
    assert inside == after
    assert {"Openbaar Ministerie", "Inspectie Justitie en Veiligheid"} <= set(after)
