"""Figures: quantities with value, unit, subject and period; labels, citations and dates are no figures."""

from __future__ import annotations

import pytest
import spacy

from mhextract.analysis import extensions  # noqa: F401  (registers Doc extensions)
from mhextract.analysis.pipeline import add_components
from mhextract.extract.figures import find_figures
from mhextract.record.model import Figure

# (sentence, expected figure text, value, unit)
CASES: list[tuple[str, str, float, str]] = [
    ("Met deze middelen wordt 87 fte geworven.", "87 fte", 87, "fte"),
    ("Voor het onderdeel I&R betreft dit ongeveer 29 fte en", "ongeveer 29 fte", 29, "fte"),
    ("Het betreft een versterking van in totaal 58 fte.", "in totaal 58 fte", 58, "fte"),
    ("De politie werft 1.175 fte extra.", "1.175 fte", 1175, "fte"),
    ("Er komen 40 fte's bij.", "40 fte's", 40, "fte"),
    ("Er komt 2,5 fte bij.", "2,5 fte", 2.5, "fte"),
    ("met de middelen van de motie (€ 10 miljoen) (Kamerstuk 35 300, nr. 25).", "€ 10 miljoen", 10_000_000, "EUR"),
    ("Het kabinet trekt € 52 mln. uit.", "€ 52 mln.", 52_000_000, "EUR"),
    ("waarin structureel 10 miljoen euro extra beschikbaar wordt gesteld", "10 miljoen euro", 10_000_000, "EUR"),
    ("investeren beiden één miljoen euro per jaar.", "één miljoen euro", 1_000_000, "EUR"),
    ("wordt er structureel drie miljoen per jaar geïnvesteerd", "drie miljoen", 3_000_000, "EUR"),
    ("Daarvoor is 500.000 euro beschikbaar.", "500.000 euro", 500_000, "EUR"),
    ("Het budget bedraagt € 1,5 miljard.", "€ 1,5 miljard", 1_500_000_000, "EUR"),
    ("De boete is € 2.500,- per overtreding.", "€ 2.500,-", 2500, "EUR"),
    ("Er is EUR 750.000 gereserveerd.", "EUR 750.000", 750_000, "EUR"),
    ("Daar gaat anderhalf miljoen euro naartoe.", "anderhalf miljoen euro", 1_500_000, "EUR"),
    ("Daar gaat een half miljoen euro naartoe.", "een half miljoen euro", 500_000, "EUR"),
    ("Het fonds heeft 5 miljard euro.", "5 miljard euro", 5_000_000_000, "EUR"),
    ("Nederland telt 17 miljoen inwoners.", "17 miljoen inwoners", 17_000_000, "persons"),
    ("dat 190 door het OM-geregistreerde verdachten zouden worden voorgeleid", "190 door het OM-geregistreerde "
     "verdachten", 190, "persons"),
    ("is vastgesteld op 205 verdachten mensenhandel.", "205 verdachten", 205, "persons"),
    ("zijn 314 unieke bezoekers in beeld gekomen", "314 unieke bezoekers", 314, "persons"),
    ("van criminele feiten (285 personen).", "285 personen", 285, "persons"),
    ("Voor het onderdeel I&R zijn tot nu toe 24 medewerkers geworven.", "24 medewerkers", 24, "persons"),
    ("is er minimaal één digitaal specialist toegevoegd", "minimaal één digitaal specialist", 1, "persons"),
    ("Er werken zo'n 300 sekswerkers in de stad.", "zo'n 300 sekswerkers", 300, "persons"),
    ("Er zijn honderd slachtoffers geïdentificeerd.", "honderd slachtoffers", 100, "persons"),
    ("Het gaat om 18-jarige slachtoffers.", "18-jarige slachtoffers", 18, "persons"),
    ("In 15 gevallen betrof het criminele uitbuiting.", "15 gevallen", 15, "cases"),
    ("Er liepen dertien onderzoeken.", "dertien onderzoeken", 13, "other"),
    ("heeft de samenwerking geleid tot één opsporingsonderzoek.", "één opsporingsonderzoek", 1, "cases"),
    ("Er kwamen tweehonderd meldingen binnen.", "tweehonderd meldingen", 200, "cases"),
    ("Er zijn eenentwintig zaken afgedaan.", "eenentwintig zaken", 21, "cases"),
    ("Er kwamen 1.200 meldingen binnen.", "1.200 meldingen", 1200, "cases"),
    ("De politie nam acht aangiften op.", "acht aangiften", 8, "cases"),
    ("Een elftal advertentiesites voor sekswerkers heeft de handen ineengeslagen", "Een elftal "
     "advertentiesites", 11, "organisations"),
    ("Er zijn ruim 100 organisaties die een rol spelen.", "ruim 100 organisaties", 100, "organisations"),
    ("in gesprek met drie reclasseringsorganisaties, het OM", "drie reclasseringsorganisaties", 3,
     "organisations"),
    ("Een tiental gemeenten doet mee.", "Een tiental gemeenten", 10, "organisations"),
    ("Er doen vijf regio's mee.", "vijf regio's", 5, "other"),
    ("Er zijn vier ministeries betrokken.", "vier ministeries", 4, "organisations"),
    ("Er zijn meer dan 40 instanties betrokken.", "meer dan 40 instanties", 40, "organisations"),
    ("Van de slachtoffers was meer dan de helft meerderjarig (60%).", "60%", 60, "percent"),
    ("Dat is 90 procent van het totaal.", "90 procent", 90, "percent"),
    ("Een stijging van 2,5 procent.", "2,5 procent", 2.5, "percent"),
    ("Het gaat om twintig procent.", "twintig procent", 20, "percent"),
    ("Het gaat om 34 % van de zaken.", "34 %", 34, "percent"),
    ("Het is goed te beseffen dat er twee kwesties spelen", "twee kwesties", 2, "other"),
    ("In het najaar van 2021 vinden drie expertsessies plaats", "drie expertsessies", 3, "other"),
    ("Op basis hiervan zijn drie aanbevelingen gedaan", "drie aanbevelingen", 3, "other"),
    ("Het rapport bevat een 50-tal aanbevelingen.", "een 50-tal aanbevelingen", 50, "other"),
    ("In een periode van zes maanden hebben eenheden", "zes maanden", 6, "months"),
    ("daders tot en met 23 jaar.", "23 jaar", 23, "years"),
    ("met een kind jonger dan zestien jaar.", "zestien jaar", 16, "years"),
    ("De gemiddelde leeftijd van de slachtoffers was 21 jaar.", "21 jaar", 21, "years"),
    ("Het traject duurt 12 dagen.", "12 dagen", 12, "other"),
    ("Het traject duurt 1 jaar.", "1 jaar", 1, "years"),
    ("Er is 1 verdachte aangehouden.", "1 verdachte", 1, "persons"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "unit"), CASES)
def test_figure_expression(sentence: str, text: str, value: float, unit: str) -> None:
    found = find_figures(sentence)
    assert [(f.text, f.value, f.unit) for f in found] == [(text, value, unit)]
    (figure,) = found
    assert " ".join(sentence[figure.span.start : figure.span.end].split()) == text


def test_enough_figure_cases() -> None:
    assert len(CASES) >= 50


# (sentence, expected (value, unit) pairs): several figures in one sentence
MULTI = [
    ("slachtoffers van seksuele uitbuiting tussen de 12 en 23 jaar in de digitale wereld",
     [(12, "years"), (23, "years")]),
    ("Veruit de meeste bezoekers kwamen om te praten over uitbuiting, namelijk 278 van de 314.",
     [(278, "persons"), (314, "persons")]),
    ("In 5 van de 10 gevallen ging het om arbeidsuitbuiting.", [(5, "cases"), (10, "cases")]),
    ("Van de slachtoffers was 60% meerderjarig en 40% minderjarig.", [(60, "percent"), (40, "percent")]),
    ("waarvoor JenV twee miljoen euro bijdraagt en de politie één miljoen euro.",
     [(2_000_000, "EUR"), (1_000_000, "EUR")]),
    ("Er werden 800 slachtoffers gemeld. Eerder was dat meer: in 2020 (1010) en 2019 (1.370).",
     [(800, "persons"), (1010, "persons"), (1370, "persons")]),
    ("Het aantal meldingen daalde van 480 in 2020 naar 320 in 2021.", [(480, "cases"), (320, "cases")]),
    ("De schatting kwam uit op 25.000: 8.000 slachtoffers in de prostitutie en de rest elders.",
     [(25_000, "persons"), (8_000, "persons")]),
    ("Er zijn er minstens vijfduizend slachtoffers per jaar, waarvan 12 in Zeeland.",
     [(5_000, "persons"), (12, "persons")]),
    ("Zo'n 5.000 tot 7.000 slachtoffers per jaar blijven buiten beeld.", [(5_000, "persons"), (7_000, "persons")]),
    ("Het gaat om jongeren van 12-18 jaar.", [(12, "years"), (18, "years")]),
    ("Met ingang van dit jaar zal de komende vier jaar 500.000 euro per jaar beschikbaar zijn.",
     [(4, "years"), (500_000, "EUR")]),
    # a bare comparison partner takes the unit of the counted figure before it in the sentence
    ("CoMensha registreerde in 2020 258 mogelijke slachtoffers van arbeidsuitbuiting, tegenover 180 in 2019.",
     [(258, "persons"), (180, "persons")]),
    ("Het aandeel steeg tot 40 procent, vergeleken met 35 in 2021.", [(40, "percent"), (35, "percent")]),
    ("De politie zette 87 fte in, tegen 60 een jaar eerder.", [(87, "fte"), (60, "fte")]),
    ("Er waren 12 opsporingsonderzoeken versus 9 in het jaar ervoor.", [(12, "cases"), (9, "cases")]),
    # near misses: the partner in another sentence, no partner, or a partner that counts nothing substantive
    ("Er waren 258 slachtoffers. Tegenover 180 in 2019 valt dat mee.", [(258, "persons")]),
    ("Tegenover 180 in 2019 valt dat mee.", []),
    ("Er doen vijf regio's mee, tegenover 3 in 2021.", [(5, "other")]),
    # coordinated numbers share the noun of the last one (`één nationale en tien regionale eenheden`)
    ("met één nationale en tien regionale eenheden", [(1, "organisations"), (10, "organisations")]),
    ("Er doen twee grote en vijf kleine gemeenten mee.", [(2, "organisations"), (5, "organisations")]),
    ("Er kwamen 300 nieuwe en 200 herhaalde meldingen binnen.", [(300, "cases"), (200, "cases")]),
    ("Er zijn drie landelijke en twaalf regionale teams.", [(3, "other"), (12, "other")]),
    # near misses: a verb between, no noun at all
    ("Er is één nationaal en er zijn tien regionale teams.", [(10, "other")]),
    ("met één nationale en tien regionale", []),
]


@pytest.mark.parametrize(("sentence", "expected"), MULTI)
def test_several_figures(sentence: str, expected: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(sentence)] == expected


# Sentences with no figure in them.
NEAR_MISSES = [
    "strafbaarstelling in artikel 273f Wetboek van Strafrecht",
    "Conform art. 18 van de Europese Richtlijn",
    "(Kamerstukken 28 638 en 34 193, nr. 207)",
    "Kamerstukken II 2023/24, 28 638, nr.231",
    "Handelingen II 2020/21, nr. 30, item 7",
    "In het Actieplan is in Actielijn 5 (Verbetering van de informatiedeling) opgenomen",
    "Aanbeveling 1: Uniformeer de uitvoering van prostitutiecontroles",
    "1. Gegevensdeling tussen CoMensha en politie",
    "8.Toezegging Mensenhandel Field Lab Lovitura",
    "Retouradres Postbus 20301 2500 EH Den Haag",
    "Zo wordt gewerkt aan het oprichten van één centraal informatiepunt waar",
    "Wilt u slechts één zaak in uw brief behandelen.",
    "dat klanten een van de kernoorzaken vormen",
    "Het huidige eerste lid, onderdeel 1° tot en met 9°, bevat",
    "het resocialisatieproces van de 3RO",
    "Dit rapport vindt u in bijlage 1.",
    "Tijdens het debat van 24 februari jl. heb ik",
    "heeft de politie in 2021 een proeftuin opgezet",
    "Ten tweede is het van belang",
    "ECLI:NL:RBMNE:2023:4838",
    "Kamerstukken II 2021/22, 2022Z19982.",
    "Toezegging nr. 118836",
    "De komende jaren zetten we de intensivering door.",
    "Er zijn tal van initiatieven genomen.",
    "Een aantal gemeenten doet mee.",
    "Ik acht het wenselijk.",
    "Er zijn honderden slachtoffers.",
    "de Tweede Kamer der Staten-Generaal",
    "een reactie op het rapport (onder 1).",
    "Ons kenmerk 6013609",
    "Ons kenmerk 4 2 83675",
    "Eén van de partners",
    "één op de drie",
    "om 10.00 uur",
    "de Wet verhoging minimumleeftijd prostitutie naar 21 jaar",
    "de financiering van een tweejarig project van het CKM.",  # issue 15: a thing's duration, no count
    "Bijlagen 2\n\nDe minister",  # issue 15: the letterhead's attachment count is no figure
    "Bijlagen: 1\n\nGeachte voorzitter,",
    "de Monitor Mensenhandel 2019-2023",
    "zie paragraaf 3 en hoofdstuk 4",
    "verbonden door 1 rode draad",
    "zie kst-28638-251 en Kamerstuk 35 925-VI-118 en bel 070-3707911",
    "de wetsvoorstellen 31815, 31816, 31817, 31818, 31819 en 31840 z.s.m. behandelen",
]


@pytest.mark.parametrize("sentence", NEAR_MISSES)
def test_not_a_figure(sentence: str) -> None:
    assert find_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "subject", "period"),
    [
        ("In 2020 en 2021 investeren JenV en de politie beiden één miljoen euro per jaar.", None,
         "per jaar in 2020 en 2021"),
        ("Vanaf 2022 wordt er structureel drie miljoen per jaar geïnvesteerd.", None,
         "structureel per jaar vanaf 2022"),
        ("In 2020 zouden 190 door het OM-geregistreerde verdachten worden voorgeleid.", "verdachten", "in 2020"),
        ("Er zijn 314 unieke bezoekers in beeld gekomen.", "bezoekers", None),
    ],
)
def test_subject_and_period(sentence: str, subject: str | None, period: str | None) -> None:
    (figure,) = find_figures(sentence)
    assert (figure.subject, figure.period) == (subject, period)


def test_claimed_dates_are_skipped() -> None:
    text = "Sinds 2000 zijn 2000 slachtoffers gemeld."
    assert [(f.value, f.unit) for f in find_figures(text)] == [(2000, "persons")]
    assert find_figures(text, claimed=[(0, len(text))]) == []


def test_spacy_component_uses_dates() -> None:
    nlp = add_components(spacy.blank("nl"), until="mh_figures")
    doc = nlp("Op 24 februari 2022 zijn 87 fte en € 10 miljoen toegezegd.")
    assert all(isinstance(f, Figure) for f in doc._.figures)
    assert [(f.value, f.unit) for f in doc._.figures] == [(87, "fte"), (10_000_000, "EUR")]
    assert [s.label_ for s in doc.spans["figures"]] == ["fte", "EUR"]


# Counted people across policy fields (education, asylum, prisons, police, care, transport), plural and
# singular, compounds included: all persons.
PERSON_NOUNS = [
    ("Uit de enquête onder 2.400 scholieren blijkt dat", "2.400 scholieren", 2400),
    ("Er doen 120 leerlingen mee.", "120 leerlingen", 120),
    ("Er studeren 300 studenten aan de opleiding.", "300 studenten", 300),
    ("Het gaat om 45 kinderen.", "45 kinderen", 45),
    ("Er zijn 60 jongeren bereikt.", "60 jongeren", 60),
    ("Er komen 200 agenten bij.", "200 agenten", 200),
    ("Er komen 25 zedenrechercheurs bij.", "25 zedenrechercheurs", 25),
    ("In de opvang verblijven 3.000 asielzoekers.", "3.000 asielzoekers", 3000),
    ("Er wachten 14.000 vergunninghouders op een woning.", "14.000 vergunninghouders", 14000),
    ("Er verblijven 12.000 gedetineerden in de inrichtingen.", "12.000 gedetineerden", 12000),
    ("Dit jaar zijn 80 docenten geworven.", "80 docenten", 80),
    ("Er ontbreken 9.000 leraren.", "9.000 leraren", 9000),
    ("Er werden 40 arrestanten overgeplaatst.", "40 arrestanten", 40),
    ("Er vielen twee machinisten uit.", "twee machinisten", 2),
    ("Dagelijks reizen 1,2 miljoen reizigers met de trein.", "1,2 miljoen reizigers", 1_200_000),
    ("Er werken 350 verpleegkundigen.", "350 verpleegkundigen", 350),
    ("Er is één student geschorst.", "één student", 1),
    ("Er kwamen 15 statushouders bij.", "15 statushouders", 15),
]


@pytest.mark.parametrize(("sentence", "text", "value"), PERSON_NOUNS)
def test_counted_people(sentence: str, text: str, value: float) -> None:
    assert [(f.text, f.value, f.unit) for f in find_figures(sentence)] == [(text, value, "persons")]


# `één` meaning "a single" after an instrument preposition; `zaken` meaning matters or points:
# (sentence, expected (text, value, unit) figures), positives and near misses side by side.
SENSES = [
    ("Jongeren moeten met één melding geholpen worden.", []),
    ("Burgers kunnen via één loket een aanvraag doen.", []),
    ("We hebben met één slachtoffer gesproken.", [("één slachtoffer", 1, "persons")]),
    ("Er is een convenant gesloten met één gemeente.", [("één gemeente", 1, "organisations")]),
    ("Dat heeft geleid tot één opsporingsonderzoek.", [("één opsporingsonderzoek", 1, "cases")]),
    ("Er is in 2024 één melding binnengekomen.", [("één melding", 1, "cases")]),
    ("Voor mij staan daarbij drie zaken voorop: 1. de veiligheid; 2. de uitvoering.",
     [("drie zaken", 3, "other")]),
    ("Ik wil in deze brief drie zaken aan de orde stellen.", [("drie zaken", 3, "other")]),
    ("Ik ga in op de volgende drie zaken.", [("drie zaken", 3, "other")]),
    ("Twee zaken zijn daarbij van belang.", [("Twee zaken", 2, "other")]),
    ("Ik breng twee zaken onder de aandacht.", [("twee zaken", 2, "other")]),
    ("Er zijn drie zaken aangebracht bij het OM.", [("drie zaken", 3, "cases")]),
    ("In 2023 waren er drie zaken: in Rotterdam, Utrecht en Tilburg.", [("drie zaken", 3, "cases")]),
    ("Het OM heeft vijf zaken geseponeerd, wat voor de slachtoffers van belang is.", [("vijf zaken", 5, "cases")]),
]


@pytest.mark.parametrize(("sentence", "expected"), SENSES)
def test_single_and_matters_senses(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(f.text, f.value, f.unit) for f in find_figures(sentence)] == expected


def test_flattened_table_cells_take_their_unit_from_the_row_header() -> None:
    text = ("In het eerste half jaar is het aantal meldingen gestegen.\n\nAantal aangiften in behandeling\n\n"
            "1.201\n\n1.149\n\n1.300\n\n+ 13%\n\nWelke inspecties volgen\n\n412\n\n388\n\nDaarna volgt de tekst.")
    found = {(f.value, f.unit) for f in find_figures(text)}
    assert {(1201, "cases"), (1149, "cases"), (1300, "cases"), (13, "percent"), (412, "cases"), (388, "cases")} <= found


def test_a_lone_number_paragraph_is_no_table_cell() -> None:
    text = "Tekst van de brief.\n\n3\n\nDe volgende alinea begint hier."
    assert [f.value for f in find_figures(text)] == []


@pytest.mark.parametrize("text", [
    "De 4e studie van de IMO uit 20204 laat zien dat de uitstoot daalt.",
    "Dat is afgesproken in 2024.1 Daarna volgde meer.",
    "In het jaar 201833529 werd dit gemeld.",
])
def test_a_year_with_a_glued_marker_is_no_figure(text: str) -> None:
    assert find_figures(text) == []


def test_a_large_count_after_a_non_year_word_stays_a_figure() -> None:
    assert [(f.value, f.unit) for f in find_figures("Er zijn in totaal 20204 meldingen gedaan.")] == [(20204, "cases")]


@pytest.mark.parametrize(("text", "figure"), [
    ("het streven dat ten minste twee derde van deze woningen betaalbaar is", ("ten minste twee derde", 66.67)),
    ("een derde van de gemeenten", ("een derde", 33.33)),
    ("Meer dan de helft van de aanvragen", ("Meer dan de helft", 50)),
    ("driekwart van de scholen", ("driekwart", 75)),
    ("een kwart van de meldingen", ("een kwart", 25)),
])
def test_shares_of_a_whole_are_percentages(text: str, figure: tuple[str, float]) -> None:
    assert [(f.text, f.value, f.unit) for f in find_figures(text)] == [(*figure, "percent")]


@pytest.mark.parametrize("text", [
    "in het derde kwartaal van 2022", "de tweede helft van het jaar", "vijf derde van", "een derde partij",
    "de helft", "de eerste helft van 2023",
])
def test_share_near_misses(text: str) -> None:
    assert not [f for f in find_figures(text) if f.unit == "percent"]


@pytest.mark.parametrize(("text", "found"), [
    ("Eind 2011 waren er circa 316 000 bijstandontvangers.", [(316000, "persons")]),
    ("de helft van de 1 200 000 woningen", [(50, "percent"), (1200000, "other")]),
    ("een bedrag van € 2 500,50 per jaar", [(2500.5, "EUR")]),
    ("dat ons land in 2030 55 procent1 minder uitstoot", [(55, "percent")]),
    ("met 12 procent2 meer en 30 fte3 erbij", [(12, "percent"), (30, "fte")]),
    ("dat drie vierde deel daarvan buiten het reces valt", [(75, "percent")]),
])
def test_spaced_thousands_glued_markers_and_share_parts(text: str, found: list[tuple[float, str]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == found


@pytest.mark.parametrize("text", [
    "zie Kamerstuk 28 638, nr. 5 hierover", "het dossier 36 800 XIII is besproken", "in 21 501-02 staat",
    "het derde deel van de serie verscheen", "5 covid-19 patiënten"])
def test_dossier_numbers_and_ordinal_parts_are_no_spaced_figures(text: str) -> None:
    assert not [f for f in find_figures(text) if f.value >= 1000 or f.unit == "percent"]


def test_flattened_table_cells_take_the_scale_of_their_column_header() -> None:
    text = ("De cijfers zet ik hieronder af tegen de plafonds.\n\nFosfaat (miljoen kilogram)\n\nStikstof (miljoen "
            "kilogram)\n\nExcretie 2018\n\nPlafond\n\nMelkvee\n\n80,7\n\n84,9\n\nTotaal\n\n97,5\n\n99,1\n\n"
            "Dat is minder dan vorig jaar, zo blijkt uit de cijfers van het bureau.")
    assert [(f.value, f.unit) for f in find_figures(text)] == [(80700000, "other"), (84900000, "other"),
                                                               (97500000, "other"), (99100000, "other")]


def test_table_cells_without_a_scale_header_keep_their_value() -> None:
    text = ("Het aantal meldingen per regio.\n\nAantal ongevallen in onderzoek\n\n1.201\n\n1.149\n\n"
            "Dat is minder dan vorig jaar, zo blijkt uit de cijfers van het bureau.")
    assert [(f.value, f.unit) for f in find_figures(text)] == [(1201, "cases"), (1149, "cases")]


@pytest.mark.parametrize(("text", "unit"), [
    ("Er zijn twee onderzoeken gedaan naar de uitvoering.", "other"),
    ("In 31 strafrechtelijke onderzoeken is beslag gelegd.", "cases"),
    ("Er lopen 12 opsporingsonderzoeken.", "cases"),
])
def test_studies_are_no_cases_unless_criminal(text: str, unit: str) -> None:
    assert [f.unit for f in find_figures(text)] == [unit]


@pytest.mark.parametrize(("text", "found"), [
    ("Het MIRT Overzicht 20241 geeft inzicht in de achtergronden.", []),
    ("Dat kost 20000 euro.", [(20000, "EUR")]),
    ("Er waren 12345 meldingen.", [(12345, "cases")]),
])
def test_a_recent_year_with_a_one_digit_marker_is_no_figure(text: str, found: list) -> None:
    assert [(f.value, f.unit) for f in find_figures(text)] == found


@pytest.mark.parametrize(("text", "expected"), [
    ("Gerealiseerde uitgaven verdeeld over beleidsartikelen (x €1 mln.). Totaal € 2.115,5",
     [("Totaal € 2.115,5", 2115500000)]),  # b11: an amounts note before the amount, its own `€1 mln.` no figure
    ("De uitgaven (bedragen x € 1.000) bedroegen € 250 in totaal.", [("€ 250", 250000)]),
    # near-misses: no note; a parenthesis that is no note; an amount with its own scale word
    ("Het kost € 250.", [("€ 250", 250)]),
    ("Wij besteden € 5 miljoen aan dit project (x €1 mln. extra).", [("€ 5 miljoen", 5000000), ("€1 mln.", 1000000)]),
    ("Uitgaven (x € 1 mln): € 3 miljard in totaal", [("€ 3 miljard", 3000000000)]),
])
def test_an_amounts_note_scales_the_amounts_after_it(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(f.text, f.value) for f in find_figures(text) if f.unit == "EUR"] == expected
