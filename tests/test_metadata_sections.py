"""Metadata and sections of the corpus letters against their gold, and the general forms."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from conftest import GOLD, LETTER_IDS
from mhextract.datetext import iso_date
from mhextract.ingest.kst_header import parse_kst_header
from mhextract.ingest.raw import RawLetter, RawLine
from mhextract.normalise import normalise
from mhextract.normalise.inline_labels import fields_in
from mhextract.normalise.metadata import extract_metadata
from mhextract.normalise.segment import find_sections


@pytest.mark.parametrize("stem", LETTER_IDS)
def test_metadata_matches_gold(stem: str, corpus_letters) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["metadata"]
    meta = extract_metadata(corpus_letters[stem])
    assert meta.date == gold["date"]
    assert meta.subject == gold["subject"]
    assert meta.reference == gold["reference"]
    assert [(s.role, s.name) for s in meta.signatories] == [(s["role"], s["name"]) for s in gold["signatories"]]


@pytest.mark.parametrize("stem", LETTER_IDS)
def test_sections_match_gold(stem: str, corpus_letters) -> None:
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["sections"]
    sections = find_sections(corpus_letters[stem])
    assert [s.title for s in sections] == gold
    letter = corpus_letters[stem]
    for a, b in pairwise(sections):
        assert a.start < a.end == b.start
    assert sections[-1].end == letter.body_end


def test_numbered_sections_keep_number_and_level(corpus_letters) -> None:
    sections = find_sections(corpus_letters["003_749c75a436ca6fa8"])
    assert [s.number for s in sections] == [str(i) for i in range(1, 9)]
    assert sections[7].title == "Toezegging Mensenhandel Field Lab Lovitura"  # written `8.Toezegging`
    md = find_sections(corpus_letters["004_e6592aba5af7c8ea"])
    assert [(s.title, s.level) for s in md][:3] == [
        ("Aanleiding", 2), ("Reactie op het rapport", 2), ("Aanbevelingen en reactie", 1)]


@pytest.mark.parametrize(
    ("text", "iso"),
    [("30 november 2023", "2023-11-30"), ("Den Haag, 1 juli 2020", "2020-07-01"),
     ("8 november 2022", "2022-11-08"), ("31 februari 2022", None), ("november 2022", None)],
)
def test_iso_date(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


def _letter(text: str):
    return normalise(RawLetter(path="x.txt", format="text", sha256="0",
                               lines=[RawLine(t) for t in text.split("\n")]))


def test_kamerstuk_header_den_haag_date_and_several_signatories() -> None:
    letter = _letter(
        "Tweede Kamer der Staten-Generaal\nVergaderjaar 2019–2020\n\n28 638 Mensenhandel\n\n"
        "Nr. 183 BRIEF VAN DE STAATSSECRETARIS VAN JUSTITIE EN VEILIGHEID\n\n"
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 1 juli 2020\n\n"
        "Hierbij informeer ik uw Kamer over de voortgang van het programma. Het gaat goed.\n\n"
        "De Staatssecretaris van Justitie en Veiligheid,\nA. Broekers-Knol\n\n"
        "De Minister van Sociale Zaken en Werkgelegenheid,\nW. Koolmees"
    )
    meta = extract_metadata(letter)
    assert meta.date == "2020-07-01"
    assert meta.kamerstuk == "28638-183"
    assert [(s.role, s.name) for s in meta.signatories] == [
        ("De Staatssecretaris van Justitie en Veiligheid", "A. Broekers-Knol"),
        ("De Minister van Sociale Zaken en Werkgelegenheid", "W. Koolmees"),
    ]
    assert "Vergaderjaar" not in letter.body


def test_sender_from_signatory_only_for_a_real_ministry() -> None:
    van = _letter("Hierbij stuur ik u de brief. Dat is goed.\n\nDe Minister van Justitie en Veiligheid,\nD.M. van Weel")
    assert extract_metadata(van).sender == "Ministerie van Justitie en Veiligheid"
    voor = _letter("Hierbij stuur ik u de brief. Dat is goed.\n\nDe Minister voor Rechtsbescherming,\nF.M. Weerwind")
    assert extract_metadata(voor).sender is None


def test_signatory_role_with_commas_and_two_signatories() -> None:
    letter = _letter(
        "Ik blijf mij daarvoor inzetten. Dat is nodig.\n\n"
        "De Minister van Justitie en Veiligheid,\n\nR.M. van Leeuwen\n\n"
        "De Staatssecretaris van Volksgezondheid, Welzijn en Sport,\n\nA.C. Dijkhuizen"
    )
    assert [(s.role, s.name) for s in extract_metadata(letter).signatories] == [
        ("De Minister van Justitie en Veiligheid", "R.M. van Leeuwen"),
        ("De Staatssecretaris van Volksgezondheid, Welzijn en Sport", "A.C. Dijkhuizen"),
    ]


def test_kamerstuk_header_dossier_title_is_not_a_numbered_section() -> None:
    letter = _letter("29 427 ILO-verdragen\n\nNr. 103 BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID\n\n"
                     "Aanleiding\n\nHierbij reageer ik op het rapport. Het is een goed rapport.")
    assert [s.title for s in find_sections(letter)] == ["Aanleiding"]
    assert extract_metadata(letter).kamerstuk == "29427-103"


def test_kamerstuk_header_with_a_bare_dossier_line_and_its_title_below() -> None:
    letter = _letter("29 544 Arbeidsmarktbeleid\n29 279\nRechtsstaat en Rechtsorde\nNr. 1223\n"
                     "BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID\n\n"
                     "Hierbij informeer ik uw Kamer. Dat is nodig.")
    assert extract_metadata(letter).kamerstuk == "29544-1223"


@pytest.mark.parametrize(("lines", "ids"), [
    (["21 501-07 Raad voor Economische en Financiële Zaken", "Nr. 1187 BRIEF VAN DE MINISTER VAN FINANCIËN"],
     ["21501-07-1187"]),
    (["27 400 VII", "Vaststelling van de begroting (VII) voor het jaar 2001", "nr. 6", "BRIEF VAN DE MINISTERS"],
     ["27400-VII-6"]),
    (["29 279 Rechtsstaat en Rechtsorde", "P BRIEF VAN DE MINISTER VOOR RECHTSBESCHERMING"], ["29279-P"]),
    (["30 804", "Wijziging van enkele belastingwetten", "F", "BRIEF AAN DE VOORZITTER VAN DE COMMISSIE"], ["30804-F"]),
    (["33 118 Omgevingsrecht", "34 986 Invoeringswet Omgevingswet", "DI1 BRIEF VAN DE MINISTER"],
     ["33118-DI", "34986-DI"]),
    (["CII Nota «Bestuur in samenhang.»", "E BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN"], ["CII-E"]),
    (["30800 X 109 Brief van de minister en staatssecretaris van defensie"], ["30800-X-109"]),
    (["34902 G BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES"], ["34902-G"]),
    (["Tweede Kamer der Staten-Generaal2010-201121501-07 nr. 814"], ["21501-07-814"]),
    (["32 904 Protocol tot wijziging van het Verdrag", "A/ Nr. 1 BRIEF VAN DE MINISTER"], ["32904-1"]),
    (["36 045 Situatie in de Oekraïne", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
      "Den Haag, 31 maart 2022", "Nr. 55 BRIEF VAN DE MINISTERS"], ["36045-55"]),
    # dossier titles wrapped over two lines: a lowercase rest, or any rest after a comma (b09)
    (["24 557 Kansspelen", "33 996", "Wijziging van de Wet op de kansspelen, de Wet op de kansspelbelasting en",
      "wetten in verband met het organiseren van kansspelen op afstand", "36 602",
      "Wijziging van enkele belastingwetten (Belastingplan 2025)", "Nr. 272", "BRIEF VAN DE STAATSSECRETARIS"],
     ["24557-272", "33996-272", "36602-272"]),
    (["31 015 Kindermishandeling,", "Huiselijk geweld en seksueel geweld", "Nr. 9 BRIEF VAN DE MINISTER"],
     ["31015-9"]),
])
def test_header_forms_give_the_letters_own_ids(lines: list[str], ids: list[str]) -> None:
    header = parse_kst_header(lines)
    assert header is not None and header.ids() == ids


@pytest.mark.parametrize("lines", [
    ["29 279 Rechtsstaat en Rechtsorde", "P. de Vries stelde voor"],  # an initial, no letter id
    ["28 638 Mensenhandel", "Dit is een zin.", "Nr. 3 BRIEF"],          # prose between dossier and number
    ["28 638 Mensenhandel", "wetten in verband met", "Dit is een zin.", "Nr. 3 BRIEF"],  # prose after a wrapped title
    ["In 2023 zijn 34902 G gevallen"],                                   # no title after the id
    ["A", "BRIEF VAN DE MINISTER"],                                      # a letter id without dossier
])
def test_header_near_misses_give_no_id(lines: list[str]) -> None:
    assert parse_kst_header(lines) is None


def _web_letter(text: str):  # type: ignore[no-untyped-def]
    return normalise(RawLetter(path="x.txt", format="web", sha256="0",
                               lines=[RawLine(text=t) for t in text.split("\n")]))


_PROSE = ("Het kabinet heeft in de afgelopen periode met alle betrokken partijen gesproken over de voortgang "
          "van de maatregelen en de planning voor het komende jaar.")


@pytest.mark.parametrize("heading", ["I Inleiding", "II. Inleiding", "IV Conclusies en vervolg", "a) Inleiding",
                                     "b. Inleiding"])
def test_roman_and_lettered_numbers_are_stripped(heading: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{heading}\n\n{_PROSE}\n\nTweede\n\n{_PROSE}")
    sections = find_sections(letter)
    assert sections and sections[0].title in ("Inleiding", "Conclusies en vervolg")
    assert sections[0].number == heading.split()[0].rstrip(".)")


@pytest.mark.parametrize(("line", "title"), [
    ("GEANNOTEERDE AGENDA FORMELE RAAD WERKGELEGENHEID EN SOCIAAL BELEID (WSB) 10 maart 2025",
     "GEANNOTEERDE AGENDA FORMELE RAAD WERKGELEGENHEID EN SOCIAAL BELEID (WSB) 10 maart 2025"),
    ("STAND VAN ZAKEN UITVOERING MOTIES EN TOEZEGGINGEN", "STAND VAN ZAKEN UITVOERING MOTIES EN TOEZEGGINGEN"),
    # near-misses, each longer than the intro after it: two words in capitals, capitals with lowercase words
    ("VERTROUWELIJKHEIDSVERKLARINGEN EUROPARLEMENTARIERS", None),
    ("AGENDA van de RAAD en de commissie over de UITVOERING", None),
])
def test_a_title_in_capitals_before_a_short_intro_is_a_section(line: str, title: str | None) -> None:
    text = f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\n{line}\n\nIn deze agenda treft u aan:\n\n{_PROSE}"
    assert [s.title for s in find_sections(_letter(text))] == ([title] if title else [])


@pytest.mark.parametrize(("line", "title"), [
    ("I. Intrekken en wijzigen van wetten", "Intrekken en wijzigen van wetten"),  # b09: a one-letter Roman number
    ("V. Financiële gevolgen en planning", "Financiële gevolgen en planning"),
    ("I. Jansen", None),  # near-misses: an initial and a name
    ("J. van der Berg", None),
])
def test_a_one_letter_roman_number_opens_a_title_unless_the_line_is_a_name(line: str, title: str | None) -> None:
    sections = find_sections(_letter(f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\n{line}\n\n{_PROSE}"))
    assert [s.title for s in sections] == ([title] if title else [])


@pytest.mark.parametrize("line", [
    "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
    "Aan de Voorzitters van de Eerste en van de Tweede Kamer der Staten-Generaal",
    "P BRIEF VAN DE MINISTER VOOR RECHTSBESCHERMING",
    "34902 G BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN",
    "EN WETENSCHAP",
    "De Minister voor Rechtsbescherming, F.M. Weerwind",
    "XNoot 1",
])
def test_header_signature_and_chrome_lines_are_no_sections(line: str) -> None:
    letter = _letter(f"{line}\n\n{_PROSE}\n\nVervolg\n\n{_PROSE}")
    titles = [s.title for s in find_sections(letter)]
    assert line not in titles


def test_nothing_before_the_addressee_is_a_section_and_headings_after_it_are() -> None:
    letter = _web_letter("Kamerbrief over de zeevaart\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
                         f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\nUitdaging\n\n{_PROSE}")
    assert [s.title for s in find_sections(letter)] == ["Uitdaging"]


def test_short_question_is_a_title_long_question_is_prose() -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\nWat is gepast gebruik?\n\n{_PROSE}\n\n"
                     f"Wat betekent dit voor de gemeenten die nu al een groot deel van de taken uitvoeren?\n\n{_PROSE}")
    assert [s.title for s in find_sections(letter)] == ["Wat is gepast gebruik?"]


def test_pasted_page_without_blank_lines_splits_off_a_title_line() -> None:
    text = ("Den Haag, 6 juli 2020\n"
            "In deze brief informeer ik uw Kamer over de stand van zaken van de aanpak in de zeevaart en\n"
            "geef ik uitvoering aan de motie van het lid Van Raan van 21 juni 2021.\n"
            "Uitdaging\n"
            "De internationale zeevaart draagt voor ca. 3% bij aan de mondiale door de mens gecreëerde\n"
            "uitstoot. De studie van de IMO laat zien dat de gemiddelde uitstoot per schip daalt.\n"
            "Ten eerste de registratie van slachtoffers bij het Coördinatiecentrum tegen\n"
            "Mensenhandel, die sinds vorig jaar op een nieuwe manier plaatsvindt in alle regio's.")
    titles = [s.title for s in find_sections(_web_letter(text))]
    assert titles == ["Uitdaging"]


@pytest.mark.parametrize(("signer", "name"), [
    ("De Staatssecretaris van Onderwijs, Cultuur en Wetenschap, S. Dekker", "S. Dekker"),
    ("De Minister van Justitie en Veiligheid, D. Yeşilgöz-Zegerius", "D. Yeşilgöz-Zegerius"),
    ("De Minister van Binnenlandse Zaken en Koninkrijksrelaties, J. P. H. Donner", "J. P. H. Donner"),
    ("De Minister van Justitie, E.M.H. Hirsch Ballin", "E.M.H. Hirsch Ballin"),
    ("De Minister voor Klimaat en Energie, R.A.A. ter Horst", "R.A.A. ter Horst"),
])
def test_pasted_signer_line_stands_apart_from_the_title_below_it(signer: str, name: str) -> None:
    text = ("Den Haag, 6 juli 2020\n"
            "Hierbij bied ik u het verslag aan. Daarbij stuur ik u mijn beleidsreactie.\n"
            f"{signer}\n"
            "Inleiding\n"
            "De inspectie constateert dat het onderwijs van hoog niveau is, ook in internationaal opzicht.\n"
            "Het onderwijsaanbod is kwalitatief goed, divers en sluit goed aan op de arbeidsmarkt.")
    letter = _web_letter(text)
    assert [s.title for s in find_sections(letter)] == ["Inleiding"]
    assert [s.name for s in extract_metadata(letter).signatories] == [name]


@pytest.mark.parametrize("line", [
    "De Minister van Financiën, die het stelsel herziet, Inleiding",  # not initials and a name
    "De Minister van Financiën, zo blijkt uit de brief van vorige week aan uw Kamer",
])
def test_a_role_line_running_on_as_prose_does_not_stand_alone(line: str) -> None:
    text = ("Den Haag, 6 juli 2020\n"
            "Hierbij bied ik u het verslag aan. Daarbij stuur ik u mijn beleidsreactie.\n"
            f"{line}\n"
            "Inleiding\n"
            "De inspectie constateert dat het onderwijs van hoog niveau is, ook in internationaal opzicht.")
    assert "Inleiding" not in [s.title for s in find_sections(_web_letter(text))]


@pytest.mark.parametrize("line", [
    "Op 11 november 2010 heeft de staatscommissie advies uitgebracht over een herziening van de",
    "Het kabinet heeft het rapport met belangstelling gelezen en",
    "Sinds de invoering van de wet is het aantal meldingen gestegen tot",
])
def test_a_paragraph_broken_off_after_a_running_word_is_no_heading(line: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\n{line}\n\nGrondwet. {_PROSE}")
    assert [s.title for s in find_sections(letter)] == []


@pytest.mark.parametrize("line", ["Kabinetsreactie advies staatscommissie", "Zicht op werk", "Wat doen we"])
def test_a_title_ending_in_another_word_is_a_heading(line: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\n{line}\n\n{_PROSE}")
    assert [s.title for s in find_sections(letter)] == [line]


_OLD_LETTERHEAD = ("Ministerie van Buitenlandse Zaken\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
                   "Binnenhof 4\n\nDen Haag\n\nDirectie Europese Integratie\n\nDatum\n\n10 februari 2003\n\n"
                   "Behandeld\n\nmr. J. de Vries\n\nKenmerk\n\nDIE-304/02\n\nBlad\n\n1/2\n\n"
                   "E-Mail\n\nj.devries@minbuza.nl\n\nBetreft\n\n{subject}\n\n")


@pytest.mark.parametrize("subject", [
    "Evaluatierapport over de eerste zittingsperiode van de adviesraad 1997-2001",
    "Europese voorjaarsraad 2003; bilateraal initiatief over interne markt voor diensten",
    "Kort",
])
def test_an_old_letterhead_of_labels_and_values_gives_the_subject_and_no_sections(subject: str) -> None:
    letter = _letter(_OLD_LETTERHEAD.format(subject=subject) + f"{_PROSE}\n\nVervolg van het beleid\n\n{_PROSE}")
    found = extract_metadata(letter)
    assert (found.subject, found.reference, found.date) == (subject, "DIE-304/02", "2003-02-10")
    assert [s.title for s in find_sections(letter)] == ["Vervolg van het beleid"]


def test_a_long_line_after_another_label_is_no_label_value() -> None:
    long_line = "Een titel die veel langer is dan een datum of een kenmerk en die als tussenkop boven de tekst staat"
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\nKenmerk\n\n{long_line}\n\n{_PROSE}")
    assert extract_metadata(letter).reference != long_line


@pytest.mark.parametrize("line", ["Onderwerp van gesprek", "Betreft: de brief van 1 mei"])
def test_a_subject_label_with_words_after_it_does_not_end_the_header(line: str) -> None:
    letter = _letter(f"Inleiding\n\n{_PROSE}\n\n{line}\n\n{_PROSE}")
    assert "Inleiding" in [s.title for s in find_sections(letter)]


@pytest.mark.parametrize(("title", "opening"), [
    ("Kamerbrief Irak", _PROSE),
    ("Informatieverstrekking kredietcrisis", "Geachte voorzitter,"),
    ("Aanbieding advies van de Raad van State over de opdracht aan de staatscommissie Grondwet en het nader rapport",
     _PROSE),
    ("Kabinetsreactie rapport commissie-Davids", _PROSE),
])
def test_a_page_opening_with_a_title_line_and_the_letter_gives_the_subject(title: str, opening: str) -> None:
    letter = _letter(f"{title}\n\n{opening}\n\n{_PROSE}\n\nVervolg van het beleid\n\n{_PROSE}")
    assert extract_metadata(letter).subject == title
    assert [s.title for s in find_sections(letter)] == ["Vervolg van het beleid"]


@pytest.mark.parametrize("text", [
    f"Inleiding\n\n{_PROSE}",  # one word: a section of a page cut off above it
    f"Het kabinet heeft besloten.\n\n{_PROSE}",  # a sentence
    f"Kamerbrief over de stand van zaken\n\nVervolg\n\n{_PROSE}",  # no prose below
    f"Ministerie van Financiën\n\nDatum\n\n1 mei 2023\n\nKamerbrief over de stand van zaken\n\n{_PROSE}",  # letterhead
])
def test_no_page_title_where_the_page_holds_more_than_the_letter_or_no_title(text: str) -> None:
    assert extract_metadata(_letter(text)).subject is None


@pytest.mark.parametrize("cut", [
    "De vaste Commissie va",
    "Op 4 november 202",
    "Onder deze actielijn is de i",
    "D",
    "De commissie geeft haar visie op de jeugdgezondheidszorg en de samenhang met andere onderdelen van de zorg "
    "voor jeugd en de gezondhe",
])
def test_a_title_above_the_line_where_a_saved_page_was_cut_off_is_a_heading(cut: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\nInhoud van het advies\n\n{cut}")
    assert [s.title for s in find_sections(letter)] == ["Inhoud van het advies"]


@pytest.mark.parametrize("last", [
    "M.L.A. van Rij",  # a signer's name
    "Rijnstraat 50, Postbus 16375, 2500 BJ Den Haag T +31-70-412 3456 www.minocw.nl",  # the page's address block
    "Naar boven",  # two words: page chrome
    "KAMERSTUKKEN EN STAATSCOURANT",  # no small words
])
def test_a_last_paragraph_that_is_no_cut_off_sentence_makes_no_heading(last: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\nDe Staatssecretaris van Financiën\n\n{last}")
    assert [s.title for s in find_sections(letter)] == []


def test_pasted_page_splits_a_numbered_list_into_items() -> None:
    text = ("Den Haag, 6 juli 2020\n"
            "De raad doet drie aanbevelingen:\n"
            "1. Steun de regio standvastig en met voldoende middelen.\n"
            "2. Werk proactief aan draagvlak voor standvastige steun\n"
            "3. Draag actief bij aan een weerbaarder Europa\n"
            "Het kabinet gaat hierna in op de aanbevelingen van de raad en op de wijze waarop\n"
            "3. oktober is geen lijstnummer maar een tekst die zo is afgebroken in de pagina.")
    letter = _web_letter(text)
    paras = [letter.text[p.start:p.end] for p in letter.paragraphs]
    assert "2. Werk proactief aan draagvlak voor standvastige steun" in paras
    assert "3. Draag actief bij aan een weerbaarder Europa" in paras
    # a line that merely starts with a number out of sequence stays in its paragraph
    assert any(p.endswith("afgebroken in de pagina.") and p.startswith("Het kabinet") for p in paras)


def test_parenthesised_number_is_stripped_and_an_introduced_list_is_no_section() -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n1) Stand van zaken regelingen\n\n{_PROSE}\n\n"
                     "De raad doet twee aanbevelingen:\n\n1. Steun de regio standvastig\n\n"
                     f"2. Werk aan draagvlak voor steun\n\n{_PROSE}")
    assert [(s.number, s.title) for s in find_sections(letter)] == [("1", "Stand van zaken regelingen")]


def test_pasted_page_title_after_a_bulleted_list_and_a_subtitle() -> None:
    text = ("Den Haag, 3 maart 2024\n"
            "In deze brief ga ik in op de volgende onderwerpen, die ik hieronder een voor een behandel:\n"
            "– Stand van de uitvoering bij de gemeenten\n"
            "– Onderzoek naar de wachttijden\n"
            "Uitvoering bij gemeenten\n"
            "Eerste bevindingen van de inspectie\n"
            "De inspectie heeft in het najaar de uitvoering bij twintig gemeenten onderzocht en daarbij\n"
            "gekeken naar de termijnen. De meeste gemeenten halen die termijnen ruim binnen het jaar.\n")
    titles = [s.title for s in find_sections(_web_letter(text))]
    assert titles == ["Uitvoering bij gemeenten", "Eerste bevindingen van de inspectie"]


def test_pasted_list_item_wrapped_with_a_capital_is_no_title() -> None:
    text = ("Den Haag, 3 maart 2024\n"
            "In deze brief ga ik in op de volgende onderwerpen, die ik hieronder een voor een behandel:\n"
            "– Reactie op het rapport van de\n"
            "Algemene Rekenkamer\n"
            "– Onderzoek naar de wachttijden\n"
            "De inspectie heeft in het najaar de uitvoering bij twintig gemeenten onderzocht en daarbij\n"
            "gekeken naar de termijnen. De meeste gemeenten halen die termijnen ruim binnen het jaar.\n")
    assert [s.title for s in find_sections(_web_letter(text))] == []


def test_pasted_title_as_long_as_the_wrapped_lines_is_no_title() -> None:
    # the first line of a paragraph, longer than the line after it, is prose however it ends
    text = ("Den Haag, 3 maart 2024\n"
            "Toelichting bij de jaarrede\n"
            "Op 14 september jl. sprak de voorzitter van de Europese Commissie zoals elk jaar haar\n"
            "Staat van de Unie uit. In de speech was veel aandacht voor de energie.\n"
            "Verder was er aandacht voor uitbreiding, het versterken van de democratieën en voor de "
            "economie van de Unie.\n")
    assert [s.title for s in find_sections(_web_letter(text))] == ["Toelichting bij de jaarrede"]


@pytest.mark.parametrize(("line", "letterhead"), [
    ("Monitor zwerfafval 2024", False),
    ("Evaluatie jeugdwet 2015", False),
    ("Turfmarkt 147", True),
    ("Prins Clauslaan 8", True),
    ("Bezuidenhoutseweg 73", True),
])
def test_a_title_ending_in_a_year_is_no_street_address(line: str, letterhead: bool) -> None:
    from mhextract.normalise.layout import is_letterhead
    assert is_letterhead([line]) is letterhead


@pytest.mark.parametrize("signer", ["Mevrouw", "De heer Jansen", "mevr. Jansen"])
def test_a_form_of_address_without_initials_is_no_signer(signer: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{_PROSE}\n\nDe Minister van Sociale Zaken,\n\n{signer}")
    assert extract_metadata(letter).signatories == []


def test_page_chrome_above_the_addressee_is_header_not_sections() -> None:
    chrome = "\n\n".join(["Brief regering; Stand van zaken", "1.", "Kerngegevens", "Officiële titel Stand van zaken",
                          "2.", "Tekst", "Tweede Kamer der Staten-Generaal", "Vergaderjaar 2021-2022", "36 045",
                          "Situatie in het land"])
    letter = _web_letter(f"{chrome}\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
                         f"Den Haag, 1 mei 2023\n\nInleiding\n\n{_PROSE}")
    assert [s.title for s in find_sections(letter)] == ["Inleiding"]


@pytest.mark.parametrize(("block", "role", "name"), [
    ("De Staatssecretaris van Onderwijs\nen Wetenschap,\n(H.P. de Boer)",
     "De Staatssecretaris van Onderwijs en Wetenschap", "H.P. de Boer"),
    ("De MINISTER-PRESIDENT,\nMinister van Algemene Zaken,\nMr.dr. A.B. Kok", "De MINISTER-PRESIDENT, Minister van "
     "Algemene Zaken", "A.B. Kok"),
    ("De minister van Landbouw, Natuur en Visserij,\n\ndr. ir. K.L. Peters", "De minister van Landbouw, Natuur en "
     "Visserij", "K.L. Peters"),
    ("De Minister van Infrastructuur,\nM.H. Schultz van Haegen-Maas Geesteranus", "De Minister van Infrastructuur",
     "M.H. Schultz van Haegen-Maas Geesteranus"),
    ("DE STAATSSECRETARIS VAN FINANCIËN, J. van der Veen-de Wit", "DE STAATSSECRETARIS VAN FINANCIËN",
     "J. van der Veen-de Wit"),
    ("DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES,\n\nMevrouw dr. G. ter Horst",
     "DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES", "G. ter Horst"),
    ("De Minister van Sociale Zaken,\n\nDe heer mr. J.A. de Vries", "De Minister van Sociale Zaken", "J.A. de Vries"),
    ("De Staatssecretaris van Justitie,\nmevr. A. Albayrak", "De Staatssecretaris van Justitie", "A. Albayrak"),
])
def test_signature_blocks_in_the_forms_of_older_letters(block: str, role: str, name: str) -> None:
    letter = _letter(f"Ik verwijs naar de brieven van februari. Dat volstaat hier.\n\n{block}")
    assert [(s.role, s.name) for s in extract_metadata(letter).signatories] == [(role, name)]


def test_signature_glued_to_the_last_sentence_and_a_signer_line_at_the_top() -> None:
    glued = _letter("Ik verwijs kortheidshalve naar de inhoud van deze brieven. De Staatssecretaris van Sociale Zaken "
                    "en Werkgelegenheid, (P. de Graaf)")
    assert [s.name for s in extract_metadata(glued).signatories] == ["P. de Graaf"]
    top = _letter("Hierbij ontvangt u de antwoorden op de vragen van de commissie.\n\n"
                  "De Minister van Sociale Zaken en Werkgelegenheid, W. Koolmees\n\n" + "\n\n".join(
                      f"Vraag {n}\n\nWelke acties onderneemt de Minister? Antwoord {n} volgt hier." for n in range(9)))
    assert [s.name for s in extract_metadata(top).signatories] == ["W. Koolmees"]


@pytest.mark.parametrize("text", [
    "De Minister van Justitie, F. Grapperhaus, heeft besloten dit te doen.",
    "De minister heeft dit besproken met de gemeenten,\nHet gaat goed",
])
def test_prose_about_a_minister_is_no_signature(text: str) -> None:
    assert extract_metadata(_letter(f"Dat is zo. Dat blijft zo.\n\n{text}")).signatories == []


def test_lowercase_letterhead_labels_and_a_filing_code_under_the_subject() -> None:
    text = ("Ministerie van Landbouw\n\nDe Voorzitter van de Tweede Kamer der Staten-Generaal\nPostbus 20018\n"
        "2500 EA Den Haag\nuw brief van\n\nons kenmerk\nDN. 2004/2789\ndatum\n14-09-2004\n\nonderwerp\n"
        "Natuurbalans 2004\nTRC 2004/6464\n\nGeachte Voorzitter,\n\nHierbij bied ik u de Natuurbalans aan. "
        "Dat is het.\n\nDe minister van Landbouw,\n\ndr. C.P. Veerman")
    raw = RawLetter(path="x.txt", format="text", sha256="0", lines=[RawLine(t) for t in text.splitlines()])
    meta = extract_metadata(normalise(raw))
    assert (meta.date, meta.subject, meta.reference) == ("2004-09-14", "Natuurbalans 2004", "DN. 2004/2789")
    assert [s.name for s in meta.signatories] == ["C.P. Veerman"]


@pytest.mark.parametrize(("line", "letterhead"), [("Vraag 1", False), ("Stap 3", False), ("Turfmarkt 147", True),
                                                 ("Bezuidenhoutseweg 73", True)])
def test_a_lone_word_and_number_is_an_address_only_when_it_names_a_street(line: str, letterhead: bool) -> None:
    from mhextract.normalise.layout import is_letterhead
    assert is_letterhead([line]) is letterhead


def test_a_numbered_first_heading_is_no_footnote_and_the_body_stays() -> None:
    long = ("Met deze brief informeer ik u over de vormgeving van het systeem voor het komende jaar. " * 6).strip()
    letter = _letter("29 689\nHerziening Zorgstelsel\n\nnr. 222\nBRIEF VAN DE MINISTER VAN VOLKSGEZONDHEID\n\n"
                     "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 26 september 2008\n\n"
                     f"1 Inleiding\n\n{long}\n\n{long}\n\n2 Vervolg\n\n{long}")
    assert [(s.number, s.title) for s in find_sections(letter)] == [("1", "Inleiding"), ("2", "Vervolg")]
    assert not letter.footnotes


def test_a_title_before_prose_that_ends_in_a_glued_marker() -> None:
    letter = _letter("Den Haag, 9 april 2024\n\nInleiding\n\nAfgelopen december heeft uw Kamer de eerste "
                     "verzamelbrief digitalisering ontvangen, gelijktijdig met de geactualiseerde werkagenda "
                     "van het kabinet.1\n\nDaarna volgt meer.")
    assert [s.title for s in find_sections(letter)] == ["Inleiding"]


@pytest.mark.parametrize("line", ["17-05-2002", "9 april 2024", "Postadres Postbus 20301, 2500 EH Den Haag",
                                  "Bezoekadres Turfmarkt 147"])
def test_dates_and_address_lines_are_no_sections(line: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{line}\n\n{_PROSE}\n\nVervolg\n\n{_PROSE}")
    assert line not in [s.title for s in find_sections(letter)]


def test_a_wrapped_first_line_before_a_long_unwrapped_line_is_no_title() -> None:
    text = ("Den Haag, 3 maart 2024\n"
            "Uitdaging\n"
            "De internationale zeevaart draagt voor ca. 3% bij aan de mondiale door de mens gemaakte\n"
            "CO2-uitstoot. De studie van de IMO uit 2020 laat zien dat de gemiddelde uitstoot per schip sinds de "
            "crisis in 2008 daalt,\n"
            "maar ook dat de totale uitstoot van de sector op mondiaal niveau sinds 2012 weer is\n"
            "gegroeid en nog steeds toeneemt door de groei van het scheepvaartverkeer in de wereld.\n"
            + "Verder geldt dat de sector de komende jaren fors moet investeren in schonere schepen en in de "
            "brandstoffen die daarvoor nodig zijn.\n" * 4)  # unwrapped long lines: the letter's typical line is long
    assert [s.title for s in find_sections(_web_letter(text))] == ["Uitdaging"]


def test_a_letterhead_flattened_into_a_transcribed_pdf_paragraph() -> None:
    letter = _letter("1 >Retouradres Postbus 16375 2500 BJ Den Haag De voorzitter van de Tweede Kamer Media en "
                     "Creatieve Industrie Rijnstraat 50 Den Haag Onze referentie 812345 Uw brief van 01 september 2015 "
                     "Datum 18 september 2015 Betreft Reactie op vragen over het concessiebeleidsplan Uw referentie "
                     "Bijlagen 1 Hierbij bied ik u mijn reactie aan op de vragen van de vaste commissie.\n\n"
                     "Het kabinet heeft de vragen beantwoord. Dat is gebeurd.")
    meta = extract_metadata(letter)
    assert (meta.date, meta.subject, meta.reference) == (
        "2015-09-18", "Reactie op vragen over het concessiebeleidsplan", "812345")


def test_one_label_word_in_a_sentence_is_no_flattened_letterhead() -> None:
    letter = _letter("Den Haag, 1 mei 2023\n\nHet onderwerp van deze brief is de Datum waarop het plan ingaat. "
                     "Dat volgt later.")
    assert extract_metadata(letter).subject is None


def test_two_letterhead_labels_on_one_line_with_their_values_below() -> None:
    raw = RawLetter(path="x.txt", format="text", sha256="0", lines=[RawLine(t) for t in (
        "Ministerie van Sociale Zaken\n\nOnderwerp Datum\nVerslag van de Raad 29 maart 2006\nvan 10 maart 2006\n\n"
        "Hierbij zend ik u het verslag van de Raad. Dat is alles.").splitlines()])
    meta = extract_metadata(normalise(raw))
    assert (meta.date, meta.subject) == ("2006-03-29", "Verslag van de Raad van 10 maart 2006")


def test_flattened_letterhead_labels_in_title_case() -> None:
    letter = _letter("Uw Kenmerk Ons Kenmerk DDE-478/07 Datum 29 juni 2007 Betreft Private sector Hierbij bieden wij "
                     "u de notitie aan.\n\nHet kabinet licht het beleid toe. Dat is nodig.")
    meta = extract_metadata(letter)
    assert (meta.reference, meta.date, meta.subject) == ("DDE-478/07", "2007-06-29", "Private sector")


def test_a_subject_glued_to_the_first_sentence_of_the_body_ends_there() -> None:
    body = ("In de nacht van 5 op 6 oktober bereikten het voorzitterschap en de Commissie een akkoord over een "
            "interim-overeenkomst. Graag informeren wij u hierbij over onze beoordeling daarvan.")
    raw = RawLetter(path="x.txt", format="text", sha256="0", lines=[RawLine(t) for t in (
        "Ministerie van Buitenlandse Zaken\n\nOnderwerp: Overeenkomst tussen de Europese Unie en de Verenigde Staten "
        f"inzake de verwerking van persoonsgegevens van passagiers{body}\n\nDat is alles. Tot zover.").splitlines()])
    subject = "Overeenkomst tussen de Europese Unie en de Verenigde Staten inzake de verwerking van persoonsgegevens"
    assert extract_metadata(normalise(raw)).subject == f"{subject} van passagiers"


def test_a_long_title_before_a_line_that_opens_a_sentence() -> None:
    text = ("Den Haag, 3 maart 2024\n"
            "In deze brief informeer ik uw Kamer over het vervolg van de samenwerking met de organisatie na\n"
            "het onderzoek.\n"
            "Kabinetsinzet twee-statenoplossing en belang Palestijns maatschappelijk middenveld\n"
            "Het kabinet blijft inzetten op een twee-statenoplossing, waarbij een veilig Israël\n"
            "en een onafhankelijke Palestijnse staat in vrede naast elkaar bestaan. Dat is het doel.\n")
    assert [s.title for s in find_sections(_web_letter(text))] == [
        "Kabinetsinzet twee-statenoplossing en belang Palestijns maatschappelijk middenveld"]


def test_a_wrapped_line_before_a_proper_noun_is_no_title() -> None:
    text = ("Den Haag, 3 maart 2024\n"
            "In deze brief informeer ik uw Kamer over het vervolg. Dat is nodig.\n"
            "Het rapport van de Commissie is besproken met de minister van Buitenlandse Zaken en met de\n"
            "Algemene Rekenkamer, die het rapport in opdracht van de Kamer heeft opgesteld en besproken.\n")
    assert [s.title for s in find_sections(_web_letter(text))] == []


def test_a_title_after_a_parenthesised_list_item_loses_its_glued_marker() -> None:
    text = ("Den Haag, 3 maart 2024\n"
            "In deze brief komen de volgende onderdelen aan bod:\n"
            "(I) Moties en toezeggingen over diverse onderwerpen\n"
            "Toezegging over het communiceren met advocaten1\n"
            "Tijdens het debat met uw Kamer over regulier verblijf is toegezegd uw Kamer te informeren\n"
            "over de uitkomst van een gesprek met de dienst. Dat gesprek heeft plaatsgevonden.\n")
    assert "Toezegging over het communiceren met advocaten" in [s.title for s in find_sections(_web_letter(text))]


def test_a_title_before_a_broken_off_first_line_of_prose() -> None:
    letter = _letter("Den Haag, 1 mei 2023\n\nEerste beschouwing op de boa-visie\n\nBoa’s verrichten belangrijk "
                     "werk in specialistische en complexe beleids- en wetsgebieden,\n\nzoals de handhaving van de "
                     "openbare orde. Dat blijft zo.")
    assert [s.title for s in find_sections(letter)] == ["Eerste beschouwing op de boa-visie"]


@pytest.mark.parametrize("line", ["Figuur 1: Op hoofdlijnen geschetste werksporen", "Tabel 2 Aantallen per regio",
                                  "BIJLAGE"])
def test_captions_and_a_bare_annex_label_are_no_sections(line: str) -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{line}\n\n{_PROSE}\n\nVervolg\n\n{_PROSE}")
    assert line not in [s.title for s in find_sections(letter)]


def test_the_place_and_date_run_into_the_addressee_line_below_site_chrome() -> None:
    chrome = "\n\n".join(["Kerngegevens", "Officiële titel Jaarverslag; Brief regering; Reactie op het jaarverslag",
                          "Documentdatum 24-12-2021", "Kenmerk 35743, nr. 3", "Tekst"] + [f"Regel {n} van de site "
                                                                                          "met wat uitleg." for n in
                                                                                          range(12)])
    letter = _letter(f"{chrome}\n\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal Den Haag, 24 december "
                     f"2021\n\n{_PROSE}")
    assert extract_metadata(letter).date == "2021-12-24"


def test_an_archive_page_title_gives_the_subject_where_the_letter_has_none() -> None:
    letter = _letter("Brief regering; Stand van zaken ontwikkelingen in en rondom Oekraïne - Situatie in de Oekraïne"
                     f"\n\nKerngegevens\n\nDen Haag, 1 mei 2023\n\n{_PROSE}")
    assert extract_metadata(letter).subject == "Stand van zaken ontwikkelingen in en rondom Oekraïne"
    plain = _letter(f"Brief regering over de stand van zaken - een titel\n\nDen Haag, 1 mei 2023\n\n{_PROSE}")
    assert extract_metadata(plain).subject is None


@pytest.mark.parametrize(("title", "official", "subject"), [
    ("Brief minister over de toekomst van de visserij - Visserijbeleid",
     "Visserijbeleid; Brief minister over de toekomst van de visserij",
     "Brief minister over de toekomst van de visserij"),
    ("Brief van de staatssecretaris van IenW over de Kustvisie - tweede kwartaal 2022 - Waterbeleid",
     "Waterbeleid; Brief van de staatssecretaris van IenW over de Kustvisie - tweede kwartaal 2022",
     "Brief van de staatssecretaris van IenW over de Kustvisie - tweede kwartaal 2022"),
    ("Brief regering; Voortgang - eerste helft 2021 - Onderwijsbeleid",
     "Onderwijsbeleid; Brief regering; Voortgang - eerste helft 2021", "Voortgang - eerste helft 2021"),
])
def test_an_archive_page_official_title_tells_where_the_subject_ends(title: str, official: str, subject: str) -> None:
    chrome = f"{title}\n\nDeze brief is toegevoegd aan het dossier.\n\n1.\n\nKerngegevens\n\nOfficiële titel {official}"
    letter = _letter(f"{chrome}\nDocumentdatum 1-5-2023\n\nDen Haag, 1 mei 2023\n\n{_PROSE}")
    assert extract_metadata(letter).subject == subject


@pytest.mark.parametrize(("title", "official"), [
    ("Brief minister over de visserij - Visserijbeleid", "Landbouwbeleid; Brief minister over de visserij"),
    ("Brief minister over de visserij", "Visserijbeleid; Brief minister over de visserij"),
    ("Brief minister over de visserij - Visserijbeleid", "Visserijbeleid zonder puntkomma"),
])
def test_an_official_title_naming_another_dossier_title_gives_no_subject(title: str, official: str) -> None:
    letter = _letter(f"{title}\n\nKerngegevens\n\nOfficiële titel {official}\n\nDen Haag, 1 mei 2023\n\n{_PROSE}")
    assert extract_metadata(letter).subject is None


@pytest.mark.parametrize(("signer", "name"), [
    ("dr. Ronald H.A. Plasterk", "Ronald H.A. Plasterk"),  # b06: first name and initials (opennieuwsbank copy)
    ("Zoë Şahin", "Zoë Şahin"),  # letters outside Latin-1 in the surname
    ("Özlem Ünal", "Özlem Ünal"),
    ("Mr.dr. J.P. Balkenende", "J.P. Balkenende"),
])
def test_signer_names_with_first_name_and_initials_or_wider_letters(signer: str, name: str) -> None:
    body = "Hierbij stuur ik u de brief. Dat is goed.\n\nDe Minister van Justitie en Veiligheid,\n\n"
    letter = _letter(body + signer)
    assert [s.name for s in extract_metadata(letter).signatories] == [name]


def test_a_signer_line_of_prose_is_no_name() -> None:
    letter = _letter("Hierbij stuur ik u de brief. Dat is goed.\n\nDe Minister van Justitie en Veiligheid,\n\n"
                     "Ronald heeft dit voorgesteld.")
    assert extract_metadata(letter).signatories == []


@pytest.mark.parametrize(("heading", "number"), [("§ 1 Inleiding", "1"), ("§2 Inleiding", "2"),
                                                 ("§ 3. Inleiding", "3")])
def test_a_paragraph_sign_before_the_number_is_stripped(heading: str, number: str) -> None:
    """b06: `§ 1 Inleiding`, `§ 2 Contouren invoeringswet` (an IenM letter of 2016)."""
    letter = _letter(f"Den Haag, 1 mei 2023\n\n{heading}\n\n{_PROSE}\n\nTweede\n\n{_PROSE}")
    sections = find_sections(letter)
    assert sections and (sections[0].title, sections[0].number) == ("Inleiding", number)


def test_a_sentence_citing_a_paragraph_is_no_heading() -> None:
    letter = _letter(f"Den Haag, 1 mei 2023\n\n§ 3 van de wet bepaalt dat de minister de Kamer informeert over de "
                     f"voortgang van de maatregelen.\n\n{_PROSE}")
    assert find_sections(letter) == []


def test_a_letterhead_table_read_row_by_row() -> None:
    """b06 (OCW letters of 2007-2008 as opennieuwsbank copied them): the labels in a row, then the values in
    the same order; `Den Haag` before the labels heads the letter's date."""
    letter = _letter("Den Haag Ons kenmerk Uw brief van Uw kenmerk 20 november 2007 OWB/FO/2007/43217 18 oktober 2007 "
                     "07-OCW-B-59\n\nOnderwerp\nKabinetsreactie op het advies\n\nIn uw brief van 18 oktober 2007 "
                     "vraagt u mij om een standpunt. Dat volgt hier.")
    meta = extract_metadata(letter)
    assert (meta.date, meta.reference) == ("2007-11-20", "OWB/FO/2007/43217")


@pytest.mark.parametrize("row", [
    "Datum Kenmerk Onderwerp 16 september 2003 Verslag van de Raad",  # a subject of words: no value of its kind
    "Ons kenmerk Uw kenmerk Datum 12 maart 2020 ABC-1 15 maart 2020",  # a date where a code belongs
    "Ons kenmerk Uw kenmerk Datum ABC-1 DEF-2",  # a value missing
])
def test_a_row_table_whose_values_do_not_fit_gives_nothing(row: str) -> None:
    assert fields_in(row) == {}


def test_a_row_table_gives_each_label_its_value() -> None:
    row = "Den Haag Ons kenmerk Uw brief van Uw kenmerk 16 mei 2008 HO&S/CBV/14692 18 april 2008 OCW0800353 financien"
    assert fields_in(row) == {"Datum": ["16 mei 2008"], "Ons kenmerk": ["HO&S/CBV/14692"],
                              "Uw brief van": ["18 april 2008"], "Uw kenmerk": ["OCW0800353"]}


def test_a_title_after_a_signers_name_in_one_block_is_split_off_too() -> None:
    """A page without blank lines: the signer's name, the enclosed report's title and its text in one block (b10)."""
    wrapped = ("Op maandag 17 maart 2025 vond de Raad Buitenlandse Zaken plaats in Brussel. Bij afwezigheid van de\n"
               "Minister werd Nederland vertegenwoordigd door de Permanente Vertegenwoordiger bij de Europese Unie.\n"
               "Op de agenda stonden de Russische agressie tegen Oekraïne en de situatie in het Midden-Oosten, en\n"
               "de Raad sprak daarnaast kort over de betrekkingen met China en over de situatie in de regio.")
    text = (f"Den Haag, 1 april 2025\n\n{_PROSE}\n\nDe Minister van Buitenlandse Zaken,\n\nC.C.J. Veldkamp\n"
            f"Verslag van de Raad Buitenlandse Zaken van 17 maart 2025\n{wrapped}")
    letter = _letter(text)
    assert "Verslag van de Raad Buitenlandse Zaken van 17 maart 2025" in [s.title for s in find_sections(letter)]
    paragraphs = [letter.text[p.start:p.end] for p in letter.paragraphs]
    assert "C.C.J. Veldkamp" in paragraphs and any(p.startswith("Op maandag 17 maart") for p in paragraphs)
