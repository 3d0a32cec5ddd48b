"""Dates: every calendar expression in a letter, resolved to ISO 8601 against the letter date.

Find, then resolve (eyecite style), in two modules: `date_grammar.find_date_candidates`
matches a small grammar built from `models/dates.json` (months, seasons, recesses, named
days such as `de Kerst` and `Prinsjesdag`, `jl.`/`a.s.`, relative years, qualifiers) and
keeps each match's offsets; `date_resolve.resolve_date` turns one candidate into a value at
the precision the text gives (`2023-06-13`, `2020-11`, `2021-summer`, `2023-Q1`, `2024`,
`2019/2023`), using the letter date for `jl.`, `a.s.`, `dit jaar`, `deze zomer`, named days
and year-less dates. Without a letter date those get value None. Session years of citations (`Kamerstukken II 2023/24`,
`TK 2019–2020`) and numbers after labels (`nr. 2021`) are never dates. This module joins
the two passes (`find_dates`) and holds the spaCy component; it re-exports both passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import claimed_ranges, doc_text, publish, require
from mhextract.analysis.patterns import alternation
from mhextract.extract.date_grammar import DateCandidate, date_words, find_date_candidates, is_session_year
from mhextract.extract.date_resolve import parse_letter_date, resolve_date
from mhextract.record.model import DateMention, Precision, Span

__all__ = [
    "DateCandidate", "DateExtractor", "Precision", "find_date_candidates", "find_dates", "is_session_year",
    "make_date_extractor", "parse_letter_date", "resolve_date",
]


def find_dates(text: str, letter_date: str | None = None,
               claimed: Iterable[tuple[int, int]] = ()) -> list[DateMention]:
    """Every date in `text` as a `DateMention`, resolved against `letter_date` (ISO or None)."""
    letter = parse_letter_date(letter_date)
    candidates = find_date_candidates(text, claimed)
    values = [resolve_date(cand, letter) for cand in candidates]
    list_years = _list_years(text, candidates)
    mentions: list[DateMention] = []
    named_year: str | None = None  # the year of the last date that names one
    for cand, (value, precision), list_year in zip(candidates, values, list_years, strict=True):
        years = _YEAR.findall(cand.text)
        if years:
            named_year = years[-1]
        elif value and list_year and _BARE_DAY_OR_MONTH.fullmatch(cand.text):
            value = list_year + value[4:]  # `de brieven van 11 februari en 8 en 9 april 2002`
        elif value and named_year and cand.kind in ("day", "month") and same_year_after().match(text, cand.end):
            value = named_year + value[4:]  # `in juli van dat jaar`
        mentions.append(DateMention(text=cand.text, value=value, precision=precision,
                                    span=Span(start=cand.start, end=cand.end)))
    return mentions


def _list_years(text: str, candidates: Sequence[DateCandidate]) -> list[str | None]:
    """Per candidate, the year a later date in the same list names (`11 februari en 8 en 9 april 2002`): dates
    joined by `,`/`en`/`of` only, the first year of the next date that names one, else None."""
    out: list[str | None] = [None] * len(candidates)
    following: str | None = None
    for i in range(len(candidates) - 1, -1, -1):
        if i + 1 < len(candidates) and _LIST_GAP.fullmatch(text, candidates[i].end, candidates[i + 1].start):
            out[i] = following
        own = _YEAR.findall(candidates[i].text)
        following = own[0] if own else out[i]
    return out


_LIST_GAP = re.compile(r"\s*(?:,|en|of)\s*|\s*,\s*(?:en|of)\s*")
_BARE_DAY_OR_MONTH = re.compile(r"(?:\d{1,2}\s+)?[^\W\d_]+\.?")  # `11 februari`, `maart`: no year, no `jl.`


_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


@cache
def same_year_after() -> re.Pattern[str]:
    """The words after a year-less day or month that refer back to the last year named (models/dates.json)."""
    return re.compile(rf"\s+(?:{alternation(date_words()['same_year_after'])})(?!\w)", re.IGNORECASE)


# ---------------------------------------------------------------------------- spaCy

class DateExtractor(CarriesData):
    """spaCy component: `doc._.dates` and `doc.spans["dates"]`, skipping citations."""

    factory = "mh_dates"

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_dates", "kamerstukken", "references")
        claimed = claimed_ranges(doc, "kamerstukken", "references")
        mentions = find_dates(doc_text(doc), doc._.letter_date, claimed)
        return publish(doc, "dates", mentions, lambda m: m.precision or "date")


@Language.factory("mh_dates", requires=["doc._.kamerstukken", "doc._.references"], assigns=["doc._.dates"])
def make_date_extractor(nlp: Language, name: str) -> DateExtractor:
    """Factory for the `mh_dates` pipeline component."""
    return DateExtractor()
