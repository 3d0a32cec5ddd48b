"""The pipeline's tokenizer: blank Dutch's rules plus the split rules our matchers need, built once.

Organisation names are matched on tokens, and a name must match inside a compound
(`RIEC-verband`, `Noord-Holland/Zeeland`): `add_split_rules` adds one infix rule to the
pipeline's own tokenizer (saved with it by `nlp.to_disk`). `shared_tokenizer` is the one
pipeline whose tokenizer and vocabulary the gazetteer matchers use: the pipeline that
`load_pipeline` built, else (a caller without a pipeline) one blank Dutch made on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

# Split `A-b` and `A/B` between letters: `RIEC-verband` -> `RIEC - verband`; `2023/24` stays whole.
SPLIT_INFIX = r"(?<=[^\W_])[-/](?=[^\W\d_])"
_shared: list[Language] = []


def has_split_rules(tokenizer: object) -> bool:
    """True when `tokenizer` is a spaCy tokenizer that already splits at `SPLIT_INFIX`."""
    finditer = getattr(tokenizer, "infix_finditer", None)
    pattern = getattr(getattr(finditer, "__self__", None), "pattern", None)
    return isinstance(pattern, str) and SPLIT_INFIX in pattern


def add_split_rules(nlp: Language) -> Language:
    """Add our infix rule to `nlp`'s tokenizer (once; its cache is flushed by spaCy)."""
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
        _shared.append(add_split_rules(spacy.blank("nl")))
    return _shared[0]


def tokenize(text: str) -> spacy.tokens.Doc:
    """Tokens of `text` as the pipeline makes them (no components run)."""
    return shared_tokenizer().make_doc(text)
