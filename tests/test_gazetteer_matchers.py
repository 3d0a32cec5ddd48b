"""The gazetteer matchers built from word hashes (analysis.phrases): the tokenizer's own answer for every
name in models/, and the same matches as matchers built by tokenising every name, on real letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from mhextract.analysis.phrases import is_plain, phrase_hashes, token_count
from mhextract.analysis.tokenizer import shared_tokenizer
from mhextract.extract.organisations.known import GazetteerMatchers, _single_variants, gazetteer
from mhextract.extract.organisations.wordlists import heads, rules

REPO = Path(__file__).resolve().parents[1]
LETTERS = sorted((REPO / "corpus" / "realworld").glob("b0[15]/letters/*.txt"))


def gazetteer_phrases() -> list[str]:
    """Every form the matchers are built from: names and aliases in their case variants, and posts."""
    r = rules()
    out: list[str] = []
    for entry in gazetteer():
        for name in entry.names:
            out += sorted(_single_variants(name))
        out += [f"{t} {r['post_preposition']} {p}" for p in entry.posts for t in r["post_titles"]]
    for head in heads():  # the head words of unknown names (`unknown.head_matcher`), in their forms
        out += [head.text, head.text.lower(), head.text[:1].lower() + head.text[1:]]
    return out


def test_plain_phrases_are_split_by_the_tokenizer_at_their_spaces_only() -> None:
    """What makes the hashes exact: for every phrase in models/ the tokenizer's tokens are its words."""
    nlp = shared_tokenizer()
    phrases = gazetteer_phrases()
    plain = [p for p in phrases if is_plain(p)]
    assert len(plain) > 1000 and len(plain) < len(phrases)
    for phrase in phrases:
        doc = nlp.make_doc(phrase)
        assert phrase_hashes(nlp, phrase, "ORTH") == tuple(t.orth for t in doc), phrase
        assert phrase_hashes(nlp, phrase, "LOWER") == tuple(t.lower for t in doc), phrase
        assert token_count(nlp, phrase) == len(doc)
    assert not is_plain("I&W") and not is_plain("Staten-Generaal") and not is_plain("") and is_plain("Raad van State")


def tokenised_reference() -> tuple[PhraseMatcher, PhraseMatcher]:
    """The matchers as they were built before: every name tokenised, one key per entry."""
    nlp = shared_tokenizer()
    lower, orth = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    r = rules()
    for i, entry in enumerate(gazetteer()):
        names = list(entry.names)
        if entry.kind == "ministry" and entry.name.startswith(f"{r['ministry_prefix']} "):
            names += [f"{r['ministry_prefix']} {a}" for a in entry.aliases]
        for name in names:
            if len(nlp.make_doc(name)) == 1:
                orth.add(f"g:{i}", [nlp.make_doc(n) for n in _single_variants(name)])
            elif entry.exact:
                orth.add(f"g:{i}", [nlp.make_doc(n) for n in {name, name[:1].upper() + name[1:]}])
            else:
                lower.add(f"g:{i}", [nlp.make_doc(name)])
        posts = [f"{t} {r['post_preposition']} {p}" for p in entry.posts for t in r["post_titles"]]
        if posts:
            lower.add(f"p:{i}", [nlp.make_doc(p) for p in posts])
    return lower, orth


def reference_matches(doc: Doc, matchers: tuple[PhraseMatcher, PhraseMatcher]) -> list[tuple[int, bool, int, int]]:
    strings = shared_tokenizer().vocab.strings
    out = []
    for matcher in matchers:
        for key, start, end in matcher(doc):
            name = strings[key]
            out.append((int(name[2:]), name.startswith("p:"), start, end))
    return sorted(out)


def test_hashed_matchers_find_what_tokenised_matchers_find_on_real_letters() -> None:
    assert len(LETTERS) > 100
    nlp, ours, reference = shared_tokenizer(), GazetteerMatchers(), tokenised_reference()
    total = posts = 0
    for path in LETTERS:
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        found = sorted(ours(doc))
        assert found == reference_matches(doc, reference), path.name
        total += len(found)
        posts += sum(post for _, post, _, _ in found)
    assert total > 1000 and posts > 10


@pytest.mark.parametrize("zones", [1, 3])
def test_matchers_built_or_used_inside_memory_zones_still_match_after_them(zones: int) -> None:
    nlp = shared_tokenizer()
    text = "Het Openbaar Ministerie, de Nationale Politie, de minister van I&W en de Inspectie Justitie en Veiligheid."

    def found(matchers: GazetteerMatchers, doc: Doc) -> list[str]:
        return sorted(gazetteer()[i].name for i, _, _, _ in matchers(doc))

    outside = GazetteerMatchers()
    expected = found(outside, nlp.make_doc(text))
    for _ in range(zones):
        with nlp.vocab.memory_zone():
            inside = GazetteerMatchers()  # `I&W` is tokenised here: its words are freed with the zone
            assert found(inside, nlp.make_doc(text)) == expected
    assert found(inside, nlp.make_doc(text)) == expected
    assert {"Openbaar Ministerie", "Inspectie Justitie en Veiligheid"} <= set(expected)
    assert any("Infrastructuur" in name for name in expected)  # `I&W`, a name that is not plain
