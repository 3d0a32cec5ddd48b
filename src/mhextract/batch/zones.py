"""Memory-zone policy: which chunks of letters run inside a spaCy memory zone, so memory stays flat.

The first letters a pipeline sees run outside a memory zone, so their words (the common
vocabulary) stay in its vocab and tokenizer cache; after that every chunk runs in a zone
that frees the strings, lexemes and cache entries it added: memory stays flat and only
rarer words pay for being looked up afresh. The count is kept per pipeline, in whichever
process (parent or worker) runs it. Set `PERMANENT_VOCAB_LETTERS` here (not on the
`mhextract.batch` package) to change the policy, as the benchmark does.
"""

from __future__ import annotations

import weakref
from contextlib import AbstractContextManager, nullcontext

from spacy.language import Language

PERMANENT_VOCAB_LETTERS = 200
_letters_seen: weakref.WeakKeyDictionary[Language, int] = weakref.WeakKeyDictionary()


def chunk_zone(nlp: Language, letters: int) -> AbstractContextManager[object]:
    """The context to run a chunk of `letters` in: a memory zone once the permanent vocabulary is seen."""
    seen = _letters_seen.get(nlp, 0)
    _letters_seen[nlp] = seen + letters
    return nlp.memory_zone() if seen >= PERMANENT_VOCAB_LETTERS else nullcontext()
