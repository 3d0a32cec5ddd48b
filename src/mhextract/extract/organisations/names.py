"""Comparison and display forms of organisation names, and the names that are none (generic, places)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from mhextract.analysis.patterns import alternation
from mhextract.extract.organisations.wordlists import rules, word_set


@cache
def _article(key: str) -> re.Pattern[str]:
    """A leading article of models/org_heads.json's `key` list (`articles`, `definite_articles`) and its space."""
    return re.compile(rf"^(?:{alternation(rules()[key])})\s+")


@lru_cache(maxsize=65536)  # pure; the same names are compared again and again within and across letters
def norm(text: str) -> str:
    """Comparison form of a name: NFKC, lowercase, folded whitespace, no leading article,
    no hyphen inside a word (`Rechts-handhaving` = `Rechtshandhaving`)."""
    folded = " ".join(unicodedata.normalize("NFKC", text).lower().split()).strip(" .,;:")
    return re.sub(r"(?<=[^\W\d_])-(?=[a-zà-ÿ])", "", _article("articles").sub("", folded))


_GLUED_MARKER = re.compile(r"(?<=[a-zà-ÿ])\d{1,2}$")  # `Inspectie Justitie en Veiligheid2`: a footnote marker
_ADDRESS_TAIL = re.compile(r"\s+[A-Z][a-zà-ÿ]+(?:weg|straat|plein|laan|kade|gracht|singel|dreef)\b.*$")


@lru_cache(maxsize=65536)  # pure; asked for every mention of every body
def clean(text: str) -> str:
    """Display form of a mention: folded whitespace, no leading lowercase article, no glued footnote
    marker after a multi-word name, no street address run on from a letterhead line."""
    folded = " ".join(text.split()).strip(" ,;:")
    folded = _article("definite_articles").sub("", folded)
    if " " in folded:
        folded = _ADDRESS_TAIL.sub("", _GLUED_MARKER.sub("", folded))
    return folded


@lru_cache(maxsize=65536)  # pure; asked for every form of every known body
def legal_form_free(name: str) -> str | None:
    """`stichting fairwork` -> `fairwork`; None when the name has no legal form in front."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in word_set("legal_forms") else None


@cache
def generic() -> frozenset[str]:
    """Normalised words that look like names but name no one body (`gemeenten`)."""
    return frozenset(norm(g) for g in rules()["generic"])


@cache
def places() -> frozenset[str]:
    """Normalised place names, which a model may call organisations."""
    return frozenset(norm(p) for p in rules()["places"])
