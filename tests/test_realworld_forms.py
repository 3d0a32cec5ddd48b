"""Date and reference forms of real letters (issue 12): half-years, day pairs, ISO weeks, ECLI, Aanhangsel."""

from __future__ import annotations

import pytest

from mhextract.extract.dates import find_dates
from mhextract.extract.references import find_references
from mhextract.record.model import DateMention

LETTER_DATE = "2023-05-10"


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, letter_date=LETTER_DATE)]


@pytest.mark.parametrize(("text", "found"), [
    ("het eerste halfjaar van 2016", ("het eerste halfjaar van 2016", "2016-01/2016-06")),
    ("Jeugdhulp 1e halfjaar 2025", ("1e halfjaar 2025", "2025-01/2025-06")),
    ("in de tweede helft van 2022", ("de tweede helft van 2022", "2022-07/2022-12")),
    ("het tweede half jaar van 2019", ("het tweede half jaar van 2019", "2019-07/2019-12")),
    ("op 4 en 5 juni 2019 vond de conferentie plaats", ("4 en 5 juni 2019", "2019-06-04/2019-06-05")),
    ("in het derde kwartaal 2022", ("het derde kwartaal 2022", "2022-Q3")),
    ("de periode 2007-2009", ("2007-2009", "2007/2009")),
    ("in week 12 van 2023", ("week 12 van 2023", "2023-W12")),
    ("in week 12 volgt het besluit", ("week 12", "2023-W12")),
    ("Vorige week sprak ik met de gemeenten", ("Vorige week", "2023-W18")),
    ("volgende week", ("volgende week", "2023-W20")),
])
def test_real_world_date_forms(text: str, found: tuple[str, str]) -> None:
    assert _dates(text) == [found]


@pytest.mark.parametrize("text", ["week 54", "de weekend-dienst", "versie 3 week 3.5", "een weekstaat van 12 pagina's"])
def test_week_near_misses(text: str) -> None:
    assert not [v for _, v in _dates(text) if v and "-W" in v]


def test_week_values_pass_the_schema() -> None:
    assert DateMention.model_validate({"text": "week 12", "value": "2023-W12", "precision": "week",
                                       "span": {"start": 0, "end": 7}}).value == "2023-W12"


def test_undated_week_is_null() -> None:
    assert [(d.text, d.value) for d in find_dates("in week 12 volgt het besluit")] == [("week 12", None)]


@pytest.mark.parametrize(("text", "ref"), [
    ("zie ECLI:EU:C:1997:208 over de richtlijn", "ecli:ECLI:EU:C:1997:208"),
    ("de uitspraak ecli:nl:rvs:2019:1603 bevestigt", "ecli:ECLI:NL:RVS:2019:1603"),
    ("ECLI:NL:HR:2024:1371.", "ecli:ECLI:NL:HR:2024:1371"),
    ("Aanhangsel Handelingen II 2021/22, nr. 3928", "handelingen:II-2021/22-3928"),
    ("Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2844.", "handelingen:II-2020/21-2844"),
    ("Aanhangsel Handelingen I 2019/20, nr. 12", "handelingen:I-2019/20-12"),
])
def test_reference_forms(text: str, ref: str) -> None:
    assert [f"{r.kind}:{r.id}" for r in find_references(text)] == [ref]


@pytest.mark.parametrize("text", ["ECLI:NL", "de ecli-database", "Aanhangsel bij de brief, nr. 3"])
def test_reference_near_misses(text: str) -> None:
    assert find_references(text) == []


def test_two_full_dates_joined_by_en_are_two_dates_not_a_range() -> None:
    values = [v for _, v in _dates("op 13 juni en 4 juli 2012 sprak ik met de provincies")]
    assert "2012-07-04" in values and not any(v and "/" in v for v in values)


@pytest.mark.parametrize(("text", "found"), [
    ("Afgelopen december heeft uw Kamer de brief ontvangen", [("Afgelopen december", "2022-12")]),
    ("komende maart volgt het besluit", [("komende maart", "2024-03")]),
    ("NRC, 5 en 7 maart 2018", [("5", "2018-03-05"), ("7 maart 2018", "2018-03-07")]),
    ("op 4 en 5 juni 2019", [("4 en 5 juni 2019", "2019-06-04/2019-06-05")]),
])
def test_months_before_or_after_the_letter_and_two_days_that_do_not_follow(text: str, found: list) -> None:
    assert _dates(text) == found
