"""The pipeline's tokenizer: blank Dutch's rules plus the split rules our matchers need, built once.

Organisation names are matched on tokens, and a name must match inside a compound
(`RIEC-verband`, `Noord-Holland/Zeeland`): `add_split_rules` adds one infix rule to the
pipeline's own tokenizer (saved with it by `nlp.to_disk`). `shared_tokenizer` is the one
pipeline whose tokenizer and vocabulary the gazetteer matchers use: the pipeline that
`load_pipeline` built, else (a caller without a pipeline) one blank Dutch made on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# Split `A-b` and `A/B` between letters: `RIEC-verband` -> `RIEC - verband`; `2023/24` stays whole.
# Split a footnote marker glued after a full stop: `Parlement.4` -> `Parlement . 4`; `1.4` stays whole.
# Split a marker glued to a word ending in three lowercase letters: `Commissie3` -> `Commissie 3`
# (`CO2`, `MH17`, `G20`, `A4` stay whole).
# Each alternative tests its cheap character first and its lookbehind after (the same splits, an infix
# scan a tenth faster: the scan tries every alternative at every character of a token).
SPLIT_INFIX = (r"[-/](?<=[^\W_][-/])(?=[^\W\d_])|\.(?<=[^\W\d_]{2}\.)(?=\d{1,2}$)"
               r"|(?=\d{1,2}$)(?<=[^\W\d_][a-zà-ÿ]{3})")
TOKENIZER = "mhextract.tokenizer.v1"
_shared: list[Language] = []


def has_split_rules(tokenizer: object) -> bool:
    """True when `tokenizer` is a spaCy tokenizer that already splits at `SPLIT_INFIX`."""
    finditer = getattr(tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    return isinstance(pattern, str) and SPLIT_INFIX in pattern


@spacy.registry.tokenizers(TOKENIZER)
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """The language's default tokenizer with our infix rule, built once: adding the rule afterwards
    makes spaCy re-tokenize every special case (~0.8 s for Dutch)."""

    def make(nlp: Language) -> Tokenizer:
        d = nlp.Defaults
        return Tokenizer(
            nlp.vocab,
            rules=d.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(d.prefixes).search if d.prefixes else None,
            suffix_search=compile_suffix_regex(d.suffixes).search if d.suffixes else None,
            infix_finditer=compile_infix_regex([*cast(Sequence[str], d.infixes or ()), SPLIT_INFIX]).finditer,
            token_match=d.token_match,
            url_match=d.url_match,
        )

    return make


def blank_dutch() -> Language:
    """`spacy.blank("nl")` with our split rules in its tokenizer from the start."""
    return spacy.blank("nl", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})


def add_split_rules(nlp: Language) -> Language:
    """Add our infix rule to `nlp`'s tokenizer (once; its cache is flushed by spaCy). Slow for a built
    tokenizer (its special cases are re-tokenized): blank Dutch is built with `blank_dutch` instead."""
    tokenizer = cast(Any, nlp.tokenizer)
    if not has_split_rules(tokenizer):
        infixes = [*cast(Sequence[str], nlp.Defaults.infixes or ()), SPLIT_INFIX]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def share_tokenizer(nlp: Language) -> None:
    """Make `nlp` the process's shared tokenizer, unless one is shared already (its matchers stay valid)."""
    if not _shared and has_split_rules(nlp.tokenizer):
        _shared.append(nlp)


def shared_tokenizer() -> Language:
    """The shared pipeline (see module doc); blank Dutch with our split rules when none was shared."""
    if not _shared:
        _shared.append(blank_dutch())
    return _shared[0]


def tokenize(text: str) -> spacy.tokens.Doc:
    """Tokens of `text` as the pipeline makes them (no components run)."""
    return shared_tokenizer().make_doc(text)
