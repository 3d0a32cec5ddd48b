"""Dates: Dutch calendar expressions found in context and resolved against the letter date."""

from __future__ import annotations

import pytest
import spacy

from mhextract.analysis import extensions  # noqa: F401  (registers Doc extensions)
from mhextract.analysis.pipeline import add_components
from mhextract.extract.date_grammar import mask_glued_markers
from mhextract.extract.date_resolve import easter_sunday, named_day
from mhextract.extract.dates import find_dates, is_session_year
from mhextract.record.model import DateMention

D2022 = "2022-11-08"  # letter 004
D2023 = "2023-11-30"  # letter 003

# (sentence, letter date, expected text, expected value, expected precision)
CASES: list[tuple[str, str | None, str, str | None, str]] = [
    # days, explicit and relative to the letter date
    ("Tijdens het debat van 24 februari jl. heb ik toegezegd", "2022-05-01", "24 februari jl.", "2022-02-24", "day"),
    ("Tijdens het debat van 24 februari jl. heb ik toegezegd", None, "24 februari jl.", "--02-24", "day"),
    ("het commissiedebat van 27 mei jl. (Kamerstuk)", None, "27 mei jl.", "--05-27", "day"),  # issue 15
    ("Het overleg op 3 maart a.s. zal", None, "3 maart a.s.", "--03-03", "day"),
    ("Het debat van 31 februari jl. ging over", None, "31 februari jl.", None, "day"),
    ("het commissiedebat van 27 mei j.l. (Kamerstuk)", "2021-07-02", "27 mei j.l.", "2021-05-27", "day"),
    ("zoals toegezegd in het vragenuur van 13 juni j.l..", D2023, "13 juni j.l.", "2023-06-13", "day"),
    ("Het debat van 24 december jl. ging over", "2023-01-10", "24 december jl.", "2022-12-24", "day"),
    ("Het debat van 8 november jl. ging over", D2022, "8 november jl.", "2022-11-08", "day"),
    ("Het overleg op 3 maart a.s. zal", "2023-02-10", "3 maart a.s.", "2023-03-03", "day"),
    ("Het overleg op 3 maart a.s. zal", "2023-12-10", "3 maart a.s.", "2024-03-03", "day"),
    ("Het overleg op 3 maart aanstaande zal", "2023-02-10", "3 maart aanstaande", "2023-03-03", "day"),
    ("Het debat van 29 februari jl. ging over", "2023-03-01", "29 februari jl.", "2020-02-29", "day"),
    ("Op 10 december 2024 heeft de Nationaal Rapporteur", None, "10 december 2024", "2024-12-10", "day"),
    ("klanten zijn sinds 1 januari 2022 strafbaar", D2023, "1 januari 2022", "2022-01-01", "day"),
    ("de wet van 2 april 2009 regelt", None, "2 april 2009", "2009-04-02", "day"),
    ("Op donderdag 24 augustus 2023 is het signaal", D2023, "donderdag 24 augustus 2023", "2023-08-24", "day"),
    ("Op maandag 3 april 2023 is", None, "maandag 3 april 2023", "2023-04-03", "day"),
    ("Datum 30 november 2023", D2023, "30 november 2023", "2023-11-30", "day"),
    ("publicatie van 2 sept. 2021 en", None, "2 sept. 2021", "2021-09-02", "day"),
    ("ontvangen op 15 okt. 2022.", None, "15 okt. 2022", "2022-10-15", "day"),
    ("de brief van 1 juli is", D2023, "1 juli", "2023-07-01", "day"),
    ("de brief van 1 juli is", None, "1 juli", None, "day"),
    ("uiterlijk 31 februari 2023 gereed", None, "31 februari 2023", None, "day"),
    ("per 1 januari van dit jaar", D2023, "1 januari van dit jaar", "2023-01-01", "day"),
    ("de brief d.d. 12-05-2021 over", None, "12-05-2021", "2021-05-12", "day"),
    ("de brief d.d. 3/4/2022 over", None, "3/4/2022", "2022-04-03", "day"),
    ("gepubliceerd op 2023-05-12.", None, "2023-05-12", "2023-05-12", "day"),
    ("Op 17 oktober jl heeft het CKM", D2022, "17 oktober jl", "2022-10-17", "day"),
    # months
    ("is er in november 2020 een handreiking gepubliceerd", None, "november 2020", "2020-11", "month"),
    ("dat in december 2021 gepubliceerd is", None, "december 2021", "2021-12", "month"),
    ("De campagne liep tot en met januari 2022.", D2023, "januari 2022", "2022-01", "month"),
    ("het rapport in november van dit jaar opleveren", D2022, "november van dit jaar", "2022-11", "month"),
    ("ik verwacht u in november een brief", None, "november", None, "month"),
    ("Vergadering. Juni is de maand van de evaluatie.", "2023-01-05", "Juni", "2023-06", "month"),
    ("ik verwacht u in november een brief", "2021-06-01", "november", "2021-11", "month"),
    ("de nota van november jl. noemde", "2023-02-01", "november jl.", "2022-11", "month"),
    ("Dit volgt in maart van 2021.", None, "maart van 2021", "2021-03", "month"),
    ("eind november komt de brief", D2023, "eind november", "2023-11", "month"),
    ("Vorige maand is het rapport verschenen", "2023-01-15", "Vorige maand", "2022-12", "month"),
    ("volgende maand volgt de brief", "2023-12-05", "volgende maand", "2024-01", "month"),
    # years and ranges
    ("Het plan zal vanaf 2023 worden meegenomen", None, "2023", "2023", "year"),
    ("de Monitor Mensenhandel 2019-2023 gepubliceerd", None, "2019-2023", "2019/2023", "range"),
    ("de Dadermonitor Mensenhandel 2015–2019 van", None, "2015–2019", "2015/2019", "range"),
    ("in de Veiligheidsagenda 2023-2026 als", D2023, "2023-2026", "2023/2026", "range"),
    ("in de jaren 2019 t/m 2021", None, "2019 t/m 2021", "2019/2021", "range"),
    ("van 2019 tot en met 2021 liep", None, "2019 tot en met 2021", "2019/2021", "range"),
    ("In de periode van 1 januari 2021 tot en met 31 december 2021 zijn", D2022,
     "1 januari 2021 tot en met 31 december 2021", "2021-01-01/2021-12-31", "range"),
    ("van 1 februari tot 1 maart 2023", None, "1 februari tot 1 maart 2023", "2023-02-01/2023-03-01", "range"),
    ("op 1 tot en met 3 maart 2023", None, "1 tot en met 3 maart 2023", "2023-03-01/2023-03-03", "range"),
    ("van januari tot en met maart 2023", None, "januari tot en met maart 2023", "2023-01/2023-03", "range"),
    ("de Europese Richtlijn mensenhandel 2011 te erkennen", D2023, "2011", "2011", "year"),
    ("Eerste halfjaarbericht politie 2021, Kamerstuk 29 628, nr. 1015.", None, "2021", "2021", "year"),
    ("In 2021 onderzoeken we of", None, "2021", "2021", "year"),
    # relative years and qualified years
    ("Het kabinet heeft vorig jaar een pakket opgesteld", D2023, "vorig jaar", "2022", "year"),
    ("start mijn departement dit jaar nog met", D2022, "dit jaar", "2022", "year"),
    ("volgend jaar volgt een evaluatie", D2022, "volgend jaar", "2023", "year"),
    ("volgend jaar volgt een evaluatie", None, "volgend jaar", None, "year"),
    ("werd eind 2021 de campagne gestart", D2023, "eind 2021", "2021", "year"),
    ("is eind 2024 gestart", None, "eind 2024", "2024", "year"),
    ("zal de Kamer begin volgend jaar informeren", D2023, "begin volgend jaar", "2024", "year"),
    ("naar verwachting voor het einde van dit jaar afgerond", D2023, "het einde van dit jaar", "2023", "year"),
    ("loopt tot het einde van het jaar en", None, "het einde van het jaar", None, "year"),
    ("loopt tot het einde van het jaar en", D2022, "het einde van het jaar", "2022", "year"),
    ("De resultaten worden eind dit jaar opgeleverd.", D2022, "eind dit jaar", "2022", "year"),
    ("Een eerste pilot heeft begin dit jaar plaatsgevonden.", D2022, "begin dit jaar", "2022", "year"),
    ("medio 2025 is het gereed", None, "medio 2025", "2025", "year"),
    ("halverwege 2024 volgt", None, "halverwege 2024", "2024", "year"),
    ("begin 2023 startte", None, "begin 2023", "2023", "year"),
    # seasons, recesses, quarters, halves
    ("In de zomer van 2021 is samen met stakeholders", None, "de zomer van 2021", "2021-summer", "season"),
    ("In het najaar van 2021 vinden drie expertsessies plaats", None, "het najaar van 2021", "2021-autumn",
     "season"),
    ("Dit najaar informeer ik uw Kamer", None, "Dit najaar", None, "season"),
    ("Dit najaar informeer ik uw Kamer", "2021-07-02", "Dit najaar", "2021-autumn", "season"),
    ("er wordt deze zomer een brief gestuurd", "2022-05-01", "deze zomer", "2022-summer", "season"),
    ("om voor de zomer met een appreciatie te komen", None, "de zomer", None, "season"),
    ("uw Kamer vóór het zomerreces te informeren", None, "het zomerreces", None, "season"),
    ("uw Kamer vóór het zomerreces te informeren", "2024-03-20", "het zomerreces", "2024-summer", "season"),
    ("uw Kamer vóór het zomerreces te informeren", "2024-12-20", "het zomerreces", "2025-summer", "season"),
    ("na de zomer volgt een brief", "2023-12-15", "na de zomer", "2024-autumn", "season"),
    ("uw Kamer voor het zomerreces van 2025 te informeren", None, "het zomerreces van 2025", "2025-summer",
     "season"),
    ("voor het kerstreces volgt", "2023-10-01", "het kerstreces", "2023-winter", "season"),
    ("Ik verwacht de resultaten aan het einde van volgend voorjaar.", D2022, "het einde van volgend voorjaar",
     "2023-spring", "season"),
    ("volgend voorjaar volgt de brief", "2023-02-01", "volgend voorjaar", "2023-spring", "season"),
    ("de afgelopen zomer is gestart", "2023-10-01", "de afgelopen zomer", "2023-summer", "season"),
    ("in voorjaar 2024 verschijnt", None, "voorjaar 2024", "2024-spring", "season"),
    ("het voorjaar van volgend jaar", D2023, "het voorjaar van volgend jaar", "2024-spring", "season"),
    ("in het eerste kwartaal van 2023 gereed", None, "het eerste kwartaal van 2023", "2023-Q1", "quarter"),
    ("in Q3 2024 gereed", None, "Q3 2024", "2024-Q3", "quarter"),
    ("in het vierde kwartaal gereed", D2023, "het vierde kwartaal", "2023-Q4", "quarter"),
    ("in het derde kwartaal van dit jaar", D2023, "het derde kwartaal van dit jaar", "2023-Q3", "quarter"),
    ("in de eerste helft van 2024 volgt", None, "de eerste helft van 2024", "2024-01/2024-06", "range"),
    # recesses: one mechanism, resolved as seasons
    ("voor het herfstreces volgt", "2023-09-01", "het herfstreces", "2023-autumn", "season"),
    ("voor het voorjaarsreces volgt", D2023, "het voorjaarsreces", "2024-spring", "season"),
    ("na het meireces volgt", "2024-01-10", "het meireces", "2024-spring", "season"),
    ("voor het kerstreces van 2024 volgt", None, "het kerstreces van 2024", "2024-winter", "season"),
    ("voor het kerstreces volgt", None, "het kerstreces", None, "season"),
    # named days: the next one on or after the letter date, a given year, or the last one past
    ("ik verwacht u hierover voor de Kerst nader te kunnen berichten", "2017-11-09", "de Kerst", "2017-12-25",
     "day"),
    ("ik verwacht u hierover voor de Kerst nader te kunnen berichten", None, "de Kerst", None, "day"),
    ("rond Kerstmis volgt de brief", "2023-12-27", "Kerstmis", "2024-12-25", "day"),
    ("rond de kerst volgt de brief", "2023-12-25", "de kerst", "2023-12-25", "day"),
    ("rond Kerst 2022 verscheen", None, "Kerst 2022", "2022-12-25", "day"),
    ("op tweede kerstdag 2023 was", None, "tweede kerstdag 2023", "2023-12-26", "day"),
    ("De begroting verschijnt op Prinsjesdag.", "2023-06-01", "Prinsjesdag", "2023-09-19", "day"),
    ("De begroting verschijnt op Prinsjesdag.", "2023-10-01", "Prinsjesdag", "2024-09-17", "day"),
    ("sinds Prinsjesdag 2022 is", None, "Prinsjesdag 2022", "2022-09-20", "day"),
    ("de stukken van Prinsjesdag jl. noemen", D2023, "Prinsjesdag jl.", "2023-09-19", "day"),
    ("Prinsjesdag 2025 valt vroeg", None, "Prinsjesdag 2025", "2025-09-16", "day"),
    ("na Pasen volgt de brief", "2024-01-10", "Pasen", "2024-03-31", "day"),
    ("na Pasen volgt de brief", "2019-05-01", "Pasen", "2020-04-12", "day"),
    ("rond Pasen 2025 volgt", None, "Pasen 2025", "2025-04-20", "day"),
    ("voor Pinksteren 2024 volgt", None, "Pinksteren 2024", "2024-05-19", "day"),
    ("rond Hemelvaartsdag volgt", "2025-01-02", "Hemelvaartsdag", "2025-05-29", "day"),
    ("op Koningsdag is het feest", "2025-01-15", "Koningsdag", "2025-04-26", "day"),
    ("op Koningsdag 2024 is het feest", None, "Koningsdag 2024", "2024-04-27", "day"),
    ("op Koningsdag 2014 is het feest", None, "Koningsdag 2014", "2014-04-26", "day"),
    ("op Koninginnedag 2006 was het feest", None, "Koninginnedag 2006", "2006-04-29", "day"),
    ("de afgelopen Kerst was rustig", "2024-02-01", "de afgelopen Kerst", "2023-12-25", "day"),
    ("de Kerst van vorig jaar was rustig", D2023, "de Kerst van vorig jaar", "2022-12-25", "day"),
    ("met de Miljoenennota op Prinsjesdag", "2023-05-01", "Prinsjesdag", "2023-09-19", "day"),
    ("bij de Voorjaarsnota 2021 is geld vrijgemaakt", None, "2021", "2021", "year"),
    # a sentence-final year with unlinked footnote markers glued after its full stop
    ("dat openbaar is gemaakt in 2022.3, 4", None, "2022", "2022", "year"),
    ("dat openbaar is gemaakt in 2022.3, 4\n\nDe Staatssecretaris van Justitie", None, "2022", "2022", "year"),
    ("het advies is in 2021.12 Daarna volgde", None, "2021", "2021", "year"),
    ("Dat is gebeurd in 2021.12", None, "2021", "2021", "year"),
    ("het rapport verscheen in 2020.3,4 Het", None, "2020", "2020", "year"),
    ("verschenen in november 2020.5 Daarna", None, "november 2020", "2020-11", "month"),
    ("de Monitor Mensenhandel 2019-2023.7", None, "2019-2023", "2019/2023", "range"),
    ("Dit gebeurde in het najaar van 2021.14", None, "het najaar van 2021", "2021-autumn", "season"),
]


@pytest.mark.parametrize(("sentence", "letter_date", "text", "value", "precision"), CASES)
def test_date_expression(sentence: str, letter_date: str | None, text: str, value: str | None,
                         precision: str) -> None:
    found = find_dates(sentence, letter_date)
    assert [(d.text, d.value, d.precision) for d in found] == [(text, value, precision)]
    (mention,) = found
    assert sentence[mention.span.start : mention.span.end] == text


def test_enough_date_cases() -> None:
    assert len(CASES) >= 50


# Sentences with no date in them at all.
NEAR_MISSES = [
    "Kamerstukken II 2023/24, 28 638, nr. 231",
    "Handelingen II 2020/21, nr. 30, item 7",
    "Motie Segers/Asscher TK 2019–2020, 35 300, nr. 25",
    "Kamerstukken II 2019-2020, 35 300, nr. 25",
    "vergaderjaar 2021-2022",
    "artikel 273f Wetboek van Strafrecht",
    "Kamerstuk 35 925 VI, nr. 118.",
    "Toezegging nr. 2021",
    "ECLI:NL:RBMNE:2023:4838",
    "Kamerstukken II 2021/22, 2022Z19982.",
    "De afgelopen jaren is al flink ingezet.",
    "De komende jaren zetten we de intensivering door.",
    "het afgelopen jaar was zwaar",
    "Er zijn 2000 slachtoffers gemeld.",
    "Dat kost 2020 euro.",
    "Postbus 20301 2500 EH Den Haag",
    "2011 DP Den Haag",
    "€ 2023 is het bedrag",
    "In een periode van zes maanden",
    "Dit jaarverslag beschrijft",
    "het jaar waarin alles veranderde",
    "de zomerperiode en het voorjaarsoverleg",
    "in de winterslaap",
    "zomer",
    "De maatregel duurt 2 jaar.",
    "om 10.00 uur",
    "een schooljaar 2022/23",  # a short pair is a label; a full one (`2022/2023`) is a period
    "de 1e Kamer",
    "dec.",
    "versie 1.2 van het model",
    "telefoon 070-370-2021",
    "de keizer Augustus regeerde",
    "de mededeling COM(2021)171 van de Commissie",
    "Tweede Kamer der Staten-Generaal, Vergaderjaar 2019-2020",
    # budget documents and compounds are no named days
    "de Voorjaarsnota en de Miljoenennota",
    "de Najaarsnota volgt",
    "de Prinsjesdagstukken liggen klaar",
    "het kerstpakket en de paasactie",
    "de Kerst-actie van de gemeente",
    "de kerstvakantie",
    # a year-like number glued to digits that do not end a sentence
    "versie 2022.1 van het model",
    "Release 2022.1 Het model werkt",
    "versie 2022.1",
    "de score was 2022.5 punten",
    "het betreft 2022,5 miljoen euro",
    "het betreft 2,5 miljoen euro",
    "de update 2021.12. Het model werkt",
    "in 2022.3.1 De tekst",
    "in 2021.05 De tekst",
    "in 2022.3 en 4 gevallen",
    "in 2022.3, 4 en 5 gevallen",
    "in 2022.3\nen verder",
    "in 2022.1234 De tekst",
    "telefoon 070-370-2021.3 Daarna",
    "Kamerstukken II 2021.12 Daarna",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_not_a_date(sentence: str) -> None:
    assert find_dates(sentence, D2023) == []


EASTER = [(1818, "1818-03-22"), (1943, "1943-04-25"), (2000, "2000-04-23"), (2008, "2008-03-23"),
          (2019, "2019-04-21"), (2023, "2023-04-09"), (2024, "2024-03-31"), (2025, "2025-04-20"),
          (2038, "2038-04-25"), (2285, "2285-03-22")]


@pytest.mark.parametrize(("year", "expected"), EASTER)
def test_easter_sunday(year: int, expected: str) -> None:
    assert easter_sunday(year).isoformat() == expected
    assert easter_sunday(year).weekday() == 6


NAMED_DAYS = [
    ("Prinsjesdag", 2022, "2022-09-20"), ("Prinsjesdag", 2023, "2023-09-19"), ("prinsjesdag", 2024, "2024-09-17"),
    ("Koningsdag", 2024, "2024-04-27"), ("Koningsdag", 2025, "2025-04-26"), ("Koningsdag", 2031, "2031-04-26"),
    ("Tweede Pinksterdag", 2022, "2022-06-06"), ("Goede Vrijdag", 2024, "2024-03-29"),
    ("tweede  paasdag", 2023, "2023-04-10"), ("Kerstmis", 2023, "2023-12-25"), ("Kerst", 2023, "2023-12-25"),
]


@pytest.mark.parametrize(("name", "year", "expected"), NAMED_DAYS)
def test_named_day_rules(name: str, year: int, expected: str) -> None:
    assert named_day(name, year).isoformat() == expected


def test_masking_glued_markers_keeps_offsets() -> None:
    text = "gemaakt in 2022.3, 4 De versie 2022.1 van het model. In 2021.12"
    masked = mask_glued_markers(text)
    assert masked == "gemaakt in 2022.     De versie 2022.1 van het model. In 2021.  "
    assert len(masked) == len(text)


def test_session_year_detector() -> None:
    text = "Kamerstukken II 2023/24 en TK 2019–2020 en Monitor 2019-2023"
    assert is_session_year(text, text.index("2023/24"))
    assert is_session_year(text, text.index("2019–2020"))
    assert not is_session_year(text, text.index("2019-2023"))


def test_several_dates_and_repeats_keep_offsets() -> None:
    text = "In 2020 en 2021 investeert JenV. Op 27 september jl. en 27 september 2023 is gestemd."
    found = find_dates(text, D2023)
    assert [(d.text, d.value) for d in found] == [
        ("2020", "2020"), ("2021", "2021"), ("27 september jl.", "2023-09-27"),
        ("27 september 2023", "2023-09-27"),
    ]
    assert all(text[d.span.start : d.span.end] == d.text for d in found)


def test_listed_days_borrow_month_and_year() -> None:
    found = find_dates("Op 12, 13 en 14 mei 2022 en op 3 of 4 juni jl. en 14 en 15 juni.", "2022-09-01")
    assert [(d.text, d.value) for d in found] == [
        ("12", "2022-05-12"), ("13", "2022-05-13"), ("14 mei 2022", "2022-05-14"), ("3", "2022-06-03"),
        ("4 juni jl.", "2022-06-04"), ("14 en 15 juni", "2022-06-14/2022-06-15"),  # a two-day event (GOLD_FORMAT)
    ]


def test_slash_between_dates_is_no_session() -> None:
    found = find_dates("Dit wordt eind 2023/begin 2024 uitgewerkt", None)
    assert [(d.text, d.value) for d in found] == [("eind 2023", "2023"), ("begin 2024", "2024")]


def test_claimed_ranges_are_skipped() -> None:
    text = "Zie Kamerstuk 28 638, nr. 2021 van 3 maart 2021."
    claimed = [(text.index("Kamerstuk"), text.index(" van"))]
    found = find_dates(text, None, claimed)
    assert [d.text for d in found] == ["3 maart 2021"]
    claimed.append((text.index("3 maart"), len(text)))
    assert find_dates(text, None, claimed) == []


def test_letter_date_that_is_not_iso_counts_as_missing() -> None:
    assert [d.value for d in find_dates("vorig jaar", "onbekend")] == [None]


def test_spacy_component_sets_extension_and_span_group() -> None:
    nlp = add_components(spacy.blank("nl"), until="mh_dates")
    doc = nlp.make_doc("Op 19 januari jl. en in Kamerstukken II 2023/24 en eind 2021.")
    doc._.letter_date = D2023
    doc = nlp(doc)
    assert all(isinstance(d, DateMention) for d in doc._.dates)
    assert [(d.text, d.value) for d in doc._.dates] == [("19 januari jl.", "2023-01-19"), ("eind 2021", "2021")]
    assert [s.text for s in doc.spans["dates"]] == ["19 januari jl.", "eind 2021"]


@pytest.mark.parametrize(("text", "expected"), [
    ("In mei 2018 werden zij veroordeeld en in juli van dat jaar opnieuw.",
     [("mei 2018", "2018-05"), ("juli", "2018-07")]),
    ("In 2016 begon het; op 3 maart van datzelfde jaar volgde het besluit.",
     [("2016", "2016"), ("3 maart", "2016-03-03")]),
    ("Sinds 2010-2012 en in december van hetzelfde jaar.", [("2010-2012", "2010/2012"), ("december", "2012-12")]),
    # near-misses: no year named before, no back-reference after, or `dit jaar` (the letter's year)
    ("In juli van dat jaar begon het.", [("juli", "2019-07")]),
    ("In mei 2018 en in juli verder.", [("mei 2018", "2018-05"), ("juli", "2019-07")]),
    ("In mei 2018 en in juli van dit jaar.", [("mei 2018", "2018-05"), ("juli van dit jaar", "2019-07")]),
])
def test_a_day_or_month_of_dat_jaar_takes_the_last_year_named(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, "2019-09-01")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("het EU-Voorstel COM (2011) 866 (Engelse versie)", []),  # an EU document's id
    ("het werkdocument SWD(2020) 12 en COM(2016)466", []),
    ("kst-25295-CG ISSN 0921 - 7371 's-Gravenhage 2024 Aan de Voorzitter", []),  # the print colophon
    # near-misses: a bracketed year before a number without a series, a city and a year in prose
    ("in (2011) 866 zaken", [("2011", "2011")]),
    ("In Den Haag 2014 was het druk.", [("2014", "2014")]),
])
def test_eu_document_ids_and_print_colophons_hold_no_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, "2019-09-01")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("de Kamerbrieven van 11 februari en 8 en 9 april 2002 en",
     [("11 februari", "2002-02-11"), ("8 en 9 april 2002", "2002-04-08/2002-04-09")]),  # b11
    ("op 3 maart, 5 april en 7 mei 2021 vergaderde de Raad",
     [("3 maart", "2021-03-03"), ("5 april", "2021-04-05"), ("7 mei 2021", "2021-05-07")]),
    # near-misses: the dates are in different clauses, or the first carries `jl.` (resolved against the letter)
    ("op 3 maart vergaderde de Raad en op 5 april 2021 weer",
     [("3 maart", "2023-03-03"), ("5 april 2021", "2021-04-05")]),
    ("op 3 maart jl. en 5 april 2021", [("3 maart jl.", "2023-03-03"), ("5 april 2021", "2021-04-05")]),
])
def test_a_list_of_dates_takes_the_year_its_last_date_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, "2023-09-01")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Op 13 januari van het vorig jaar is door mij een verzoek gedaan.",
     [("13 januari van het vorig jaar", "2022-01-13")]),  # b11
    ("in juni van het volgend jaar", [("juni van het volgend jaar", "2024-06")]),
    ("(Handelingen II, vergaderjaar 2005–2006, nr. 27, blz. 1866). Zie ook p. 2019 van het rapport.", []),  # pages
    ("In 1866 werd de wet aangenomen.", [("1866", "1866")]),  # near-miss: a year, no page label
])
def test_van_het_vorig_jaar_and_page_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, "2023-09-01")] == expected


@pytest.mark.parametrize(("text", "letter", "expected"), [
    ("Van 26–29 september jl. bezocht ik de eilanden.", "2025-09-29",
     [("26–29 september jl.", "2025-09-26/2025-09-29")]),  # b12: a day range with `jl.`
    ("van 15-17 december jl. was ik in Brussel", "2026-01-10", [("15-17 december jl.", "2025-12-15/2025-12-17")]),
    ("de informele Raad van 22–23 juli a.s. in Kopenhagen", "2025-07-10",
     [("22–23 juli a.s.", "2025-07-22/2025-07-23")]),
    ("van 26-29 september 2025 bezocht ik", "2025-09-29", [("26-29 september 2025", "2025-09-26/2025-09-29")]),
])
def test_a_day_range_takes_jl_and_as(text: str, letter: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text, letter)] == expected
