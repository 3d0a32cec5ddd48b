"""Figures: every quantity a reader would put in a table, with value, unit, what it counts and when.

Find, then classify. `find_numbers` (numbers.py) finds every number; `classify_number`
decides from the words around it whether it quantifies something (`87 fte`, `€ 10
miljoen`, `314 unieke bezoekers`, `60%`, `een elftal advertentiesites`) or is a label,
list number, citation or address (`artikel 273f`, `Actielijn 5`, `nr. 25`, `Postbus
20301`, `1. Inleiding`). Units and counted nouns are data (`models/figures.json`).
Dates are never figures: ranges claimed by the date extractor are skipped. A bare number
after a comparison word (`258 slachtoffers, tegenover 180 in 2019`) takes the unit of the
counted figure before it in its sentence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.data import CarriesData
from mhextract.analysis.extensions import Ranges, claimed_ranges, doc_text, publish, require
from mhextract.analysis.patterns import alternation, either_case_alternation
from mhextract.analysis.sentences import split_sentences
from mhextract.extract.dates import find_dates
from mhextract.extract.figure_period import figure_period, qualifier_patterns
from mhextract.extract.figure_shares import (
    Quantity,
    adjective_suffix,
    count_adjective,
    find_count_adjectives,
    find_shares,
    find_times,
)
from mhextract.extract.figure_tables import glued_year, in_multiplier_note, note_scale, table_cell_unit, table_scale
from mhextract.extract.figure_words import (
    counted_units,
    figure_data,
    is_adjective,
    lower_set,
    noun_head,
    prev_word,
)
from mhextract.extract.numbers import (
    NumberMatch,
    article_one_words,
    as_number,
    counted_unit,
    find_numbers,
)
from mhextract.record.model import Figure, Span, Unit

SUBSTANTIVE: frozenset[str] = frozenset({"fte", "EUR", "percent", "persons", "cases", "organisations"})


def _is_excluded(text: str, n: NumberMatch) -> bool:
    """Labels (`artikel 5`), list numbers at a line start, spaced citation numbers, postcodes."""
    if prev_word(text, n.start) in lower_set("labels"):
        return True
    line_before = text[text.rfind("\n", 0, n.start) + 1 : n.start]
    if not line_before.strip() and re.match(r"[.)]|\s+[A-Z]", text[n.end : n.end + 2]):
        return table_cell_unit(text, n.start, n.end) is None  # a list number, unless the last cell of a table
    if n.kind != "digits":
        return False
    if glued_year(text, n):
        return True
    before, after = text[max(0, n.start - 4) : n.start], text[n.end : n.end + 5]
    if re.search(r"\d,\s?$", before) or re.match(r",\s?\d", after):  # 31818, 31819: a list of ids
        return True
    if len(n.text) == 3 and re.search(r"(?<!\d)\d{2}[ \u00a0]$", before):  # 28 638: a dossier number
        return True
    if len(n.text) <= 2 and re.match(r"\s\d{3}(?!\d)", after):
        return True
    return len(n.text) == 4 and bool(re.match(r"\s?[A-Z]{2}\b", after))  # 2500 EH: a postcode


def _count_label(text: str, n: NumberMatch) -> int | None:
    """Start of a count label such as the letterhead's `Bijlagen 2` standing at a line start."""
    before = text[: n.start].rstrip().rstrip(":").rstrip()
    for label in figure_data()["count_labels"]:
        begin = len(before) - len(label)
        if begin >= 0 and before.endswith(label) and (begin == 0 or text[begin - 1] == "\n"):
            return begin
    return None


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the analysis stage's sentence around `pos` (between two sentences: the gap)."""
    return split_sentences(text).at(pos)


def _money_context(text: str, pos: int) -> bool:
    """True when the sentence around `pos` talks about money (euro, middelen, investeren)."""
    s, e = _sentence(text, pos)
    sentence = "".join(c for c in unicodedata.normalize("NFKD", text[s:e].lower()) if not unicodedata.combining(c))
    return any(cue in sentence for cue in figure_data()["money_cues"])


def _unit_from_context(text: str, pos: int) -> Unit:
    """The unit of the nearest counted noun before in the sentence (`bezoekers ... 278 van de 314`).

    Else the first one after it in the sentence, else the last one of the previous sentence.
    """
    s, e = _sentence(text, pos)
    before, after = counted_units(text[s:pos]), counted_units(text[pos:e])
    previous = counted_units(text[_sentence(text, s - 1)[0] : s]) if s > 0 else []
    if before:
        return before[-1]
    if after:
        return after[0]
    return previous[-1] if previous else "other"


def classify_number(text: str, n: NumberMatch, nxt: NumberMatch | None = None) -> Quantity | None:
    """Is a number a figure, and of what? None for labels, list numbers, bare numbers. `nxt`: the next number."""
    label_start = _count_label(text, n)
    if label_start is not None:
        return Quantity(label_start, n.end, n.value, "other", text[label_start : n.start].strip())
    if _is_excluded(text, n):
        return None
    start, value = n.start, n.value
    currency = _currency_before().search(text[max(0, start - 5) : start])
    if currency:
        end = n.end + (2 if text.startswith(",-", n.end) else 0)
        return Quantity(max(0, start - 5) + currency.start(), end, value, "EUR")
    adjective = adjective_suffix().match(text, n.end)
    if adjective:
        return count_adjective(text, n.start, adjective.end(), value)
    if n.kind == "digits" and _GLUED_WORD.match(text, n.end):
        return None  # `35-minners`, `65-plussers`, `10-puntenplan`: the first part of a compound word
    single = n.text.lower() in lower_set("one_words")  # één: a count only of something substantive
    head = noun_head(text, n.end) or _elided_head(text, n, nxt)
    if head is None:
        return None if single else _bare(text, n, nxt)
    unit, subject, end = head
    if unit == "other" and n.scaled and _money_context(text, n.start):
        unit = "EUR"
    if (single and unit not in SUBSTANTIVE) or (unit not in SUBSTANTIVE and _in_law_name(text, start)):
        return None
    if single and _single_after_preposition(text, n, unit):
        return None
    if unit == "cases" and _means_matters(text, start, subject, end):
        unit = "other"
    if n.text == "1" and unit == "other" and counted_unit(subject) != "other":  # `1 rode draad`: "a single"
        return None
    return Quantity(start, end, value, unit, subject or None)


_GLUED_WORD = re.compile(r"-[^\W\d_]")  # a hyphen and a letter right after the digits


def _single_after_preposition(text: str, n: NumberMatch, unit: Unit) -> bool:
    """`met één melding geholpen worden`, `via één loket`: `één` after an instrument preposition means
    "a single", unless it counts people or organisations (`met één slachtoffer gesproken`)."""
    rule = figure_data()["single_prepositions"]
    return prev_word(text, n.start) in rule["words"] and unit not in rule["counted_units"]


def _means_matters(text: str, start: int, subject: str, end: int) -> bool:
    """`drie zaken aan de orde stellen`, `de volgende drie zaken`, `staan drie zaken voorop: 1. ...`:
    `zaken` meaning matters or points, not (court) cases (cue words in models/figures.json)."""
    rule = figure_data()["matter_nouns"]
    if subject.lower() not in rule["nouns"]:
        return False
    s, e = _sentence(text, start)
    phrase = text[max(s, start - 40) : start].lower()
    if re.search(rf"\b(?:{'|'.join(map(re.escape, rule['before']))})\b(?:\s+[^\W\d_]+)?\s*$", phrase):
        return True
    clause = re.split(r"[,;(]", text[end:e], maxsplit=1)[0].lower()
    clause = " ".join(clause.split()[: int(rule["after_window_words"])])
    return any(re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", clause) for cue in rule["after"])


def _elided_head(text: str, n: NumberMatch, nxt: NumberMatch | None) -> tuple[Unit, str, int] | None:
    """`één nationale en tien regionale eenheden`: adjectives, then `en`/`of` and the next number,
    whose noun both numbers count (the noun of the first is left out)."""
    if nxt is None:
        return None
    gap = text[n.end : nxt.start]
    m = _elision_pattern().fullmatch(gap)
    if m is None or not all(is_adjective(w) for w in m.group(1).split()):
        return None
    head = noun_head(text, nxt.end)
    return (head[0], head[1], n.end + len(m.group(1))) if head is not None else None


@cache
def _currency_before() -> re.Pattern[str]:
    """A currency sign (models/figures.json currency_signs) at the end of a text: the one before a number."""
    return re.compile(rf"(?:{alternation(figure_data()['currency_signs'])})\s*$")


@cache
def _elision_pattern() -> re.Pattern[str]:
    """One or two adjectives, then a connector (`en`, `of`): the gap between two numbers sharing a noun."""
    connectors = alternation(figure_data()["elision_connectors"])
    return re.compile(rf"((?:\s+[^\W\d_][\w-]*){{1,2}}),?\s+(?:{connectors})\s+")


def _in_law_name(text: str, start: int) -> bool:
    """True inside a law's name (`Wet verhoging minimumleeftijd naar 21 jaar`): an age there is no figure."""
    return bool(_law_name_pattern().search(text[max(0, start - 80) : start]))


@cache
def _law_name_pattern() -> re.Pattern[str]:
    """A law's title word (models/figures.json law_titles) and the rest of its name up to the end of a text."""
    titles = alternation(figure_data()["law_titles"])
    return re.compile(rf"(?<!\w)(?:{titles})\s[^,.;:()\n]*$")


def _bare(text: str, n: NumberMatch, nxt: NumberMatch | None) -> Quantity | None:
    """A number without its own unit: `12 en 23 jaar`, `278 van de 314`, `drie miljoen per jaar`."""
    after = text[n.end : n.end + 12]
    joined, part_after, part_before = _bare_patterns()
    if nxt is not None and joined.fullmatch(text[n.end : nxt.start]):
        head = noun_head(text, nxt.end)
        if head is not None:
            return Quantity(n.start, n.end, n.value, head[0], head[1] or None)
    before = text[max(0, n.start - 12) : n.start]
    if part_after.match(after) or part_before.search(before):
        return Quantity(n.start, n.end, n.value, _unit_from_context(text, n.start))
    if n.scaled:
        money = _money_context(text, n.start) or n.text.lower().split()[-1] in lower_set("money_scales")
        return Quantity(n.start, n.end, n.value, "EUR" if money else "other")
    if n.kind == "collective":
        return Quantity(n.start, n.end, n.value, "other")
    after_year = re.search(r"(?<!\d)(?:1[89]|20)\d\d\s*\($", text[max(0, n.start - 8) : n.start])
    in_brackets = bool(after_year) and text.startswith(")", n.end)  # `in 2020 (1013)`
    if n.kind == "digits" and (in_brackets or prev_word(text, n.start) in lower_set("bare_count_cues")
                               or _after_dated_year(text, n) or _after_counted_total(text, n.start)):
        unit = _unit_from_context(text, n.start)
        if unit == "other" and _money_context(text, n.start):
            unit = "EUR"
        return Quantity(n.start, n.end, n.value, unit)
    if n.kind == "digits" and (cell_unit := table_cell_unit(text, n.start, n.end)) is not None:
        return Quantity(n.start, n.end, n.value, cell_unit)
    return None


_YEAR_BEFORE = re.compile(r"([^\W\d_]+)\s+(?:1[89]|20)\d\d,?\s+$")  # a word, a year, then the number


def _after_dated_year(text: str, n: NumberMatch) -> bool:
    """`in 2004 20 928 en in 2005 22 243`, `op 1 januari 2003 5021`: a number right after a year that a year
    cue (`in`, a month) introduces is the value for that year, of what the sentence counts. Not a footnote
    marker before a capitalised word (`1 oktober 2012 2 Kamerstuk ...`), a section number (`2006 1. Inleiding`),
    nor an ungrouped id of five or more digits (`13 november 2018 2413397 Onderwerp`: a reference number)."""
    after = text[n.end : n.end + 3]
    if re.match(r"\s+[A-Z]", after) or (n.text.isdigit() and len(n.text) > 4):
        return False
    if len(n.text) <= 2 and after.startswith("."):
        return False  # `8 juni 2006 1. Inleiding`: a section number
    m = _YEAR_BEFORE.search(text[max(0, n.start - 30) : n.start])
    return m is not None and m.group(1).lower() in lower_set("year_cues")


def _after_counted_total(text: str, start: int) -> bool:
    """`bedroeg het aantal onder toezicht gestelde minderjarigen 20 236`: a number right after a counted noun
    that a total word (`aantal`, models/figures.json `total_words`) opened in the same sentence."""
    noun = prev_word(text, start)
    if counted_unit(noun) in (None, "other") or not text[start - len(noun) - 2 : start].rstrip().endswith(noun):
        return False
    s, _ = _sentence(text, start)
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text[s:start].lower()) for w in lower_set("total_words"))


@cache
def _bare_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """What joins two numbers sharing the later one's noun (`en`, `tot en met`, a dash), and a part of a
    whole after and before a number (`278 van de 314`), from models/figures.json."""
    data = figure_data()
    part = r"\s+".join(map(re.escape, data["part_of"].split()))
    return (re.compile(rf"\s+(?:{alternation(data['bare_joiners'])})\s+|\s*[-–]\s*"),
            re.compile(rf"\s+{part}\s+\d"), re.compile(rf"\d\s+{part}\s+$"))


def _comparison_partner(text: str, n: NumberMatch, previous: Quantity | None) -> Quantity | None:
    """`258 slachtoffers, tegenover 180 in 2019`: a bare number after a comparison word takes the unit
    and subject of the figure before it in the same sentence."""
    if previous is None or n.kind != "digits" or previous.unit == "other":
        return None
    if not _comparison_pattern().search(text[max(0, n.start - 30) : n.start]):
        return None
    if _sentence(text, previous.start) != _sentence(text, n.start):
        return None
    return Quantity(n.start, n.end, n.value, previous.unit, previous.subject)


@cache
def _comparison_pattern() -> re.Pattern[str]:
    """A comparison cue (`tegenover`, `ten opzichte van`) ending a text, longest cue first."""
    cues = alternation(figure_data()["comparison_cues"])
    return re.compile(rf"(?<!\w)(?:{cues})\s*$", re.IGNORECASE)



@cache
def _counting_one() -> re.Pattern[str]:
    """The counting `een` before a collective (`een elftal`), ending a text."""
    return re.compile(rf"\b(?:{either_case_alternation(article_one_words())})\s+$")


def _extend_start(text: str, q: Quantity, n: NumberMatch | None) -> int:
    """Start of the figure text: with a qualifier (`ongeveer`, `ruim`) and a counting `een` (`een elftal`)."""
    start = q.start
    if n is not None and n.kind == "collective":
        m = _counting_one().search(text[max(0, start - 5) : start])
        if m:
            start -= len(m.group())
    before = text[max(0, start - 30) : start]
    for qualifier in qualifier_patterns():
        m = qualifier.search(before)
        if m:
            return start - (len(before) - m.start())
    return start


def find_figures(text: str, claimed: Iterable[tuple[int, int]] | None = None) -> list[Figure]:
    """Every figure in `text`; `claimed` ranges (dates, citations) are skipped, found here if not given."""
    if claimed is None:
        claimed = [(d.span.start, d.span.end) for d in find_dates(text)]
    taken = Ranges(claimed)
    numbers = [n for n in find_numbers(text) if not taken.overlaps(n.start, n.end)]
    quantities: list[tuple[Quantity, NumberMatch | None]] = []
    for i, n in enumerate(numbers):
        following = (numbers[j] for j in range(i + 1, len(numbers)))  # no slice: a copy per number is quadratic
        q = classify_number(text, n, next((o for o in following if o.start >= n.end), None))
        if q is None:
            q = _comparison_partner(text, n, quantities[-1][0] if quantities else None)
        if q is not None and not _blocked_one(text, n) and not in_multiplier_note(text, n.start):
            quantities.append((_scaled_cell(text, q, n), n))
    quantities.extend((q, None) for q in [*find_count_adjectives(text), *find_times(text)]
                      if not taken.overlaps(q.start, q.end))
    found = Ranges((q.start, q.end) for q, _ in quantities)
    quantities.extend((q, None) for q in find_shares(text)
                      if not taken.overlaps(q.start, q.end) and not found.overlaps(q.start, q.end))
    figures: list[Figure] = []
    for q, number in sorted(quantities, key=lambda qn: qn[0].start):
        start = _extend_start(text, q, number)
        figures.append(Figure(text=" ".join(text[start : q.end].split()), value=q.value, unit=q.unit,
                              subject=q.subject, period=figure_period(text, start, q.end),
                              span=Span(start=start, end=q.end)))
    return figures


def _scaled_cell(text: str, q: Quantity, n: NumberMatch) -> Quantity:
    """A flattened table's cell times the scale its column header states (`Fosfaat (miljoen kilogram)`); an
    amount times the scale an amounts note before it in its paragraph states (`(x €1 mln.). Totaal € 2.115,5`)."""
    if n.kind != "digits" or n.scaled or q.value != n.value:
        return q
    if q.unit == "EUR" and (scale := note_scale(text, n.start)) != 1:
        return replace(q, value=as_number(n.value * scale))
    if table_cell_unit(text, n.start, n.end) is None:
        return q
    scale = table_scale(text, n.start)
    return q if scale == 1 else replace(q, value=as_number(n.value * scale))


def _blocked_one(text: str, n: NumberMatch) -> bool:
    """`slechts één zaak`: `één` after `slechts`/`maar` means "a single", not a count."""
    return n.text.lower() in lower_set("one_words") and not n.scaled and prev_word(text, n.start) in lower_set(
        "singular_blockers")


class FigureExtractor(CarriesData):
    """spaCy component: `doc._.figures` and `doc.spans["figures"]`, skipping dates and citations."""

    factory = "mh_figures"

    def __call__(self, doc: Doc) -> Doc:
        require(doc, "mh_figures", "sentences", "dates", "kamerstukken", "references")
        claimed = claimed_ranges(doc, "dates", "kamerstukken", "references")
        figures = find_figures(doc_text(doc), claimed)
        return publish(doc, "figures", figures, lambda f: f.unit)


@Language.factory(
    "mh_figures",
    requires=["doc._.sentences", "doc._.dates", "doc._.kamerstukken", "doc._.references"],
    assigns=["doc._.figures"],
)
def make_figure_extractor(nlp: Language, name: str) -> FigureExtractor:
    """Factory for the `mh_figures` pipeline component."""
    return FigureExtractor()
