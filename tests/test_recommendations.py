"""Recommendations: labelled headings, statements, joined headings, numbered lists, several bodies."""

from __future__ import annotations

from mhextract.extract.organisations import find_organisations
from mhextract.extract.recommendation_parts import named_item
from mhextract.extract.recommendations import (
    find_recommendations,
    heading_length,
    list_items,
    paragraphs,
    stated_count,
    title_of,
)
from mhextract.record.model import Recommendation


def recs(text: str) -> list[Recommendation]:
    return find_recommendations(text, find_organisations(text))


HEADING_LETTER = """Aanleiding

Op 10 december 2024 heeft de Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen (hierna: de \
Nationaal Rapporteur) de Monitor gepubliceerd. Met deze brief ga ik in op de door de Nationaal Rapporteur gedane \
aanbevelingen.

Aanbeveling 1: Uniformeer de uitvoering van prostitutiecontroles en zorgt dat deze overal in het land plaatsvinden

De Nationaal Rapporteur concludeert dat uniformering kan bijdragen. Gemeenten zijn verantwoordelijk.

Naast een handelingskader is het delen van signalen van belang, waar de Nationaal Rapporteur op ingaat onder \
aanbeveling 3.

Aanbeveling 2: Zorg voor voldoende mogelijkheden voor gegevensuitwisseling en voorkom anonieme meldingen bij CoMensha

Bij de aanpak zijn verschillende instanties betrokken.

De Minister van Justitie en Veiligheid,

D.M. van Weel"""


def test_heading_form_with_responses() -> None:
    found = recs(HEADING_LETTER)
    assert [(r.number, r.by) for r in found] == [(1, "Nationaal Rapporteur"), (2, "Nationaal Rapporteur")]
    assert found[0].title == ("Uniformeer de uitvoering van prostitutiecontroles en zorgt dat deze overal in het "
                              "land plaatsvinden")
    assert found[0].text == found[0].title
    assert found[0].response is not None
    assert found[0].response.startswith("De Nationaal Rapporteur concludeert")
    assert found[0].response.endswith("onder aanbeveling 3.")
    assert found[1].response == "Bij de aanpak zijn verschillende instanties betrokken."  # stops at the signature
    span = found[1].span
    assert HEADING_LETTER[span.start:span.end].startswith("Aanbeveling 2: Zorg")
    assert HEADING_LETTER[span.start:span.end].endswith("bij CoMensha")


STATEMENT_LETTER = """Aanleiding

Op 17 oktober jl. heeft het Centrum tegen Kinderhandel en Mensenhandel (hierna: CKM) het rapport gepubliceerd.

Aanbevelingen en reactie

De bevindingen van het onderzoek resulteren in drie aanbevelingen. Ik zal, mede namens de staatssecretaris van \
Volksgezondheid, Welzijn en Sport, ingaan op de verschillende aanbevelingen.

Aanbeveling 1: De staatssecretaris van Justitie en Veiligheid wordt als coördinerend bewindspersoon aanbevolen te \
investeren in kennis. Dit moet leiden tot acties.

Het is evident dat mensenhandel voorkomen moet worden. De politie en het CKM werken samen, zoals aanbevolen door \
Veilig Thuis.

Aanbeveling 2: De staatssecretaris wordt aanbevolen te investeren in onderzoek naar seksuele uitbuiting door ouders.

De bevindingen van het CKM baren mij zorgen.

2. Herijking programma

In het coalitieakkoord is dit opgenomen."""


def test_statement_form_title_up_to_first_full_stop_and_body_from_intro() -> None:
    found = recs(STATEMENT_LETTER)
    assert [(r.number, r.by) for r in found] == [(1, "CKM"), (2, "CKM")]  # not the ministry, not Veilig Thuis
    assert found[0].title == ("De staatssecretaris van Justitie en Veiligheid wordt als coördinerend "
                              "bewindspersoon aanbevolen te investeren in kennis")
    assert found[0].text.endswith("Dit moet leiden tot acties.")
    assert found[1].response == "De bevindingen van het CKM baren mij zorgen."  # stops at the next heading


def test_label_alone_with_text_below() -> None:
    text = ("De Inspectie Justitie en Veiligheid doet de volgende aanbeveling.\n\nAanbeveling I\n\n"
            "Zorg voor een landelijk meldpunt. Dat helpt.\n\nIk neem deze aanbeveling over.")
    found = recs(text)
    assert [(r.number, r.by, r.title, r.response) for r in found] == [
        (1, "Inspectie Justitie en Veiligheid", "Zorg voor een landelijk meldpunt", "Ik neem deze aanbeveling over."),
    ]


def test_heading_joined_with_its_first_paragraph_is_cut_before_the_new_sentence() -> None:
    rest = ("Uniformeer de uitvoering van prostitutiecontroles en zorgt dat deze overal in het land plaatsvinden "
            "De Nationaal Rapporteur concludeert dat uniformering kan bijdragen aan zicht op slachtoffers.")
    cut = heading_length(rest)
    assert rest[:cut] == ("Uniformeer de uitvoering van prostitutiecontroles en zorgt dat deze overal in het land "
                          "plaatsvinden")
    statement = ("De staatssecretaris van Justitie en Veiligheid wordt als coördinerend bewindspersoon aanbevolen "
                 "om te investeren in het vergaren van kennis en dit om te zetten in acties.")
    assert heading_length(statement) == len(statement)
    text = f"De Nationaal Rapporteur doet aanbevelingen.\n\nAanbeveling 1: {rest} Gemeenten zijn verantwoordelijk."
    found = recs(text)
    assert found[0].title == rest[:cut]
    assert found[0].response is not None
    assert found[0].response.startswith("De Nationaal Rapporteur concludeert")


LIST_LETTER = """Het WODC heeft onderzoek gedaan naar de opvang. Het rapport bevat de volgende aanbevelingen:

1. Zorg voor een landelijk dekkend aanbod van opvang. Dit vraagt regie.
2. Versterk de samenwerking tussen zorg en opsporing.
3. Investeer in kennis bij professionals.

Ik reageer hieronder op deze aanbevelingen."""


def test_numbered_list_of_a_reports_recommendations() -> None:
    found = recs(LIST_LETTER)
    assert [(r.number, r.by, r.title) for r in found] == [
        (1, "WODC", "Zorg voor een landelijk dekkend aanbod van opvang"),
        (2, "WODC", "Versterk de samenwerking tussen zorg en opsporing"),
        (3, "WODC", "Investeer in kennis bij professionals"),
    ]
    assert found[0].text == "Zorg voor een landelijk dekkend aanbod van opvang. Dit vraagt regie."
    for r in found:  # the span covers the item with its number
        assert LIST_LETTER[r.span.start:r.span.end] == f"{r.number}. {r.text}"


def test_list_items_joined_on_one_line_and_bullets() -> None:
    para = paragraphs("1. Zorg voor X. 2. Zorg voor Y; 3. Zorg voor Z")[0]
    assert [(f.number, f.text) for f in list_items(para)] == [(1, "Zorg voor X."), (2, "Zorg voor Y"),
                                                              (3, "Zorg voor Z")]
    bullets = paragraphs("- Zorg voor X\n- Zorg voor Y")[0]
    assert [(f.number, f.text) for f in list_items(bullets)] == [(1, "Zorg voor X"), (2, "Zorg voor Y")]
    assert list_items(paragraphs("In 2 jaar is dit gedaan.")[0]) == []


def test_numbered_list_without_a_recommendations_intro_is_ignored() -> None:
    text = "Ik noem de volgende acties:\n\n1. Een campagne.\n2. Een meldpunt."
    assert recs(text) == []


SEVERAL_BODIES = """Aanbevelingen van de Nationaal Rapporteur

Aanbeveling 1: Zorg voor een nationaal verwijzingsmechanisme.

Ik neem deze over.

Aanbeveling 2: Versterk de aanpak van arbeidsuitbuiting.

Daar werk ik aan, samen met het CKM.

Reactie op het rapport van het CKM

Het CKM doet in zijn rapport twee aanbevelingen.

Aanbeveling 1: Investeer in online hulpverlening.

Dat doe ik."""


def test_letter_reacting_to_several_bodies() -> None:
    found = recs(SEVERAL_BODIES)
    assert [(r.number, r.by) for r in found] == [(1, "Nationaal Rapporteur"), (2, "Nationaal Rapporteur"),
                                                 (1, "CKM")]
    assert found[1].response == "Daar werk ik aan, samen met het CKM."


def test_prose_mentions_of_a_recommendation_are_not_recommendations() -> None:
    text = ("Het verbeteren van gegevensdeling, waar de Nationaal Rapporteur op ingaat onder aanbeveling 3, is "
            "onderdeel van het Actieplan.\n\nDeze aanbeveling 2 neem ik over.")
    assert recs(text) == []


def test_title_of() -> None:
    assert title_of("Zorg voor X. En Y.") == "Zorg voor X"
    assert title_of("Zorg voor X en Y") == "Zorg voor X en Y"
    assert title_of("Zorg o.a. voor X. Daarna Y.") == "Zorg o.a. voor X"


def test_body_end_excludes_footnotes() -> None:
    text = "Het CKM doet aanbevelingen.\n\nAanbeveling 1: Doe X.\n\nAanbeveling 2: in een voetnoot."
    found = find_recommendations(text, find_organisations(text), body_end=text.index("Aanbeveling 2"))
    assert [r.number for r in found] == [1]


def test_component_reads_organisations(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(STATEMENT_LETTER)
    assert [(r.number, r.by) for r in doc._.recommendations] == [(1, "CKM"), (2, "CKM")]
    assert [s.label_ for s in doc.spans["recommendations"]] == ["1", "2"]


# A list after an intro sentence that names the recommendations (no colon), in the forms letters use:
# joined on one line (markdown list with bold titles, markup removed), one item a paragraph, `1)` and
# `a.` marks, and responses between the items.
SENTENCE_INTRO_CASES = [
    (  # joined list, responses after the whole list naming each item by ordinal
        "Het WODC doet vier aanbevelingen. Het kabinet neemt ze alle vier over.\n\n"
        "1. Bundel de hulp in één meldpunt. Jongeren moeten snel geholpen worden. 2. Verkort de termijn tot "
        "24 uur. Nu duurt dit te lang. 3. Versterk de capaciteit van de politie. Dit geldt vooral online. "
        "4. Besteed aandacht aan online intimidatie. Scholen hebben handvatten nodig.\n\n"
        "Ten aanzien van de eerste aanbeveling richten wij een meldpunt in.\n\n"
        "Ten aanzien van de tweede aanbeveling ga ik in gesprek.\n\nDat gesprek volgt in mei.\n\n"
        "De vierde aanbeveling valt onder mijn collega.",
        [(1, "WODC", "Bundel de hulp in één meldpunt"), (2, "WODC", "Verkort de termijn tot 24 uur"),
         (3, "WODC", "Versterk de capaciteit van de politie"), (4, "WODC", "Besteed aandacht aan online intimidatie")],
        ["Ten aanzien van de eerste aanbeveling richten wij een meldpunt in.",
         "Ten aanzien van de tweede aanbeveling ga ik in gesprek.\n\nDat gesprek volgt in mei.",
         None, "De vierde aanbeveling valt onder mijn collega."],
    ),
    (  # one item a paragraph with the response paragraphs in between
        "De Inspectie Justitie en Veiligheid doet in haar rapport drie aanbevelingen.\n\n"
        "1) Zorg voor een landelijk meldpunt.\n\nIk neem deze aanbeveling over.\n\nDat kost tijd.\n\n"
        "2) Verbeter de registratie.\n\nDit gebeurt al.\n\n3) Investeer in kennis.\n\nDaar werk ik aan.",
        [(1, "Inspectie Justitie en Veiligheid", "Zorg voor een landelijk meldpunt"),
         (2, "Inspectie Justitie en Veiligheid", "Verbeter de registratie"),
         (3, "Inspectie Justitie en Veiligheid", "Investeer in kennis")],
        ["Ik neem deze aanbeveling over.\n\nDat kost tijd.", "Dit gebeurt al.", "Daar werk ik aan."],
    ),
    (  # lettered items after a colon intro
        "Het CKM beveelt het volgende aan:\n\na. Zorg voor opvang.\nb. Zorg voor nazorg.\n\nIk neem beide over.",
        [(1, "CKM", "Zorg voor opvang"), (2, "CKM", "Zorg voor nazorg")],
        [None, "Ik neem beide over."],
    ),
    (  # a block of short items without full stops after an intro sentence
        "Het WODC doet drie aanbevelingen.\n\n1. Zorg voor opvang\n2. Zorg voor nazorg\n3. Zorg voor kennis\n\n"
        "Ik neem ze over.",
        [(1, "WODC", "Zorg voor opvang"), (2, "WODC", "Zorg voor nazorg"), (3, "WODC", "Zorg voor kennis")],
        [None, None, "Ik neem ze over."],
    ),
    (  # the stated count caps the list: a later numbered paragraph is not a third recommendation
        "Het WODC doet twee aanbevelingen.\n\n1. Zorg voor X.\n\nDat doe ik.\n\n2. Zorg voor Y.\n\nOok dat.\n\n"
        "3. Daarnaast is er geld.",
        [(1, "WODC", "Zorg voor X"), (2, "WODC", "Zorg voor Y")],
        ["Dat doe ik.", "Ook dat.\n\n3. Daarnaast is er geld."],
    ),
]


def test_lists_after_an_intro_sentence_naming_recommendations() -> None:
    for text, expected, responses in SENTENCE_INTRO_CASES:
        found = recs(text)
        assert [(r.number, r.by, r.title) for r in found] == expected, text
        assert [r.response for r in found] == responses, text


NOT_RECOMMENDATION_LISTS = [
    # a heading naming recommendations, then numbered section headings
    "Reactie op de aanbevelingen\n\n1. Meldpunt\n\nHet meldpunt komt er.\n\n2. Termijn\n\nDe termijn wordt korter.",
    # an opening sentence naming recommendations, then the letter's numbered section headings
    "Hierbij ontvangt u mijn reactie op de aanbevelingen van de Inspectie.\n\n1. Inleiding\n\nDe Inspectie "
    "heeft onderzoek gedaan.\n\n2. Reactie op de aanbevelingen\n\nIk neem ze over.",
    # the intro points at another list
    "Het rapport bevat aanbevelingen. Ik neem de volgende maatregelen:\n\n1. Een campagne.\n2. Een meldpunt.",
    "Het WODC doet aanbevelingen. Hieronder noem ik de maatregelen van het kabinet.\n\n1. Een campagne.\n"
    "2. Een meldpunt.",
    # recommendations named in passing, no list after them
    "Hierbij ga ik in op de aanbevelingen die de Algemene Rekenkamer deed.\n\nAls bijlagen treft u aan de "
    "voortgangsberichten.\n\n1. Inleiding",
    # an inline numbered list of priorities, no recommendations named
    "Voor mij staan daarbij drie zaken voorop: 1. de veiligheid van de samenleving; 2. vonnissen worden "
    "uitgevoerd; en 3. maatregelen moeten uitvoerbaar zijn.",
    # one item only
    "Het WODC doet één aanbeveling.\n\n1. Zorg voor X.\n\nDat doe ik.",
]


def test_numbered_lists_that_are_not_recommendations() -> None:
    for text in NOT_RECOMMENDATION_LISTS:
        assert recs(text) == [], text


def test_sequence_across_response_paragraphs_keeps_the_form_of_the_first_item() -> None:
    text = ("De Inspectie doet aanbevelingen.\n\n1. Zorg voor X.\n\nDat doe ik.\n\n2. Zorg voor Y.\n\n"
            "Ook dat.\n\n3. Financiën\n\nEr is geld.")
    assert [r.number for r in recs(text)] == [1, 2]  # `3. Financiën` is a section heading


def test_stated_count_and_named_item() -> None:
    cases = [("Het WODC doet vier aanbevelingen.", 4), ("Er zijn 3 concrete adviezen.", 3),
             ("Het WODC doet aanbevelingen.", None), ("In 2023 deed de Inspectie aanbevelingen.", None)]
    for raw, count in cases:
        assert stated_count(raw) == count, raw
    named = [("Ten aanzien van de eerste aanbeveling merk ik op.", 1), ("De vierde aanbeveling valt hier.", 4),
             ("Aanbeveling 2 neem ik over.", 2), ("Ik neem alles over. De derde aanbeveling volgt.", None),
             ("De eerste stap is gezet.", None)]
    for para, number in named:
        assert named_item(para) == number, para


CUT_LETTER = """Hierbij zend ik u een reactie op het rapport. Om die reden heb ik de aanbevelingen afgewacht van de \
Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen

1. Vinden en verwijderen van beelden van misbruik.

De Nationaal Rapporteur beveelt mij aan om zorg te dragen voor de inzet van de webcrawler bij de politie.

In de brief van 7 februari heeft de minister uw Kamer geïnformeerd over de aanpak."""


def test_a_list_cut_off_after_its_first_item_that_the_next_paragraph_restates() -> None:
    assert [(r.number, r.title) for r in recs(CUT_LETTER)] == [(1, "Vinden en verwijderen van beelden van misbruik")]


def test_one_numbered_item_after_a_recommendations_sentence_without_restatement_is_no_list() -> None:
    text = CUT_LETTER.replace("De Nationaal Rapporteur beveelt mij aan om", "Het gaat erom")
    assert recs(text) == []


def test_items_that_open_with_a_recommending_verb_after_a_bare_intro() -> None:
    """`De evaluatiecommissie:` names no recommendations, but items that open with `Adviseert` / `Beveelt aan`
    (the body the subject of each) are its recommendations; bullets, numbers or letters."""
    bullets = ("De evaluatiecommissie heeft haar eindadvies uitgebracht. De evaluatiecommissie:\n\n"
               "• Adviseert dat het besluit de verplichtingen niet opheft;\n\n"
               "• Beveelt aan om een eenduidig toetsingskader te ontwikkelen;\n\n"
               "• Beveelt de landen aan een schuldquote op te nemen.\n\nIk neem het advies over.")
    assert [(r.number, r.title) for r in recs(bullets)] == [
        (1, "Adviseert dat het besluit de verplichtingen niet opheft"),
        (2, "Beveelt aan om een eenduidig toetsingskader te ontwikkelen"),
        (3, "Beveelt de landen aan een schuldquote op te nemen")]
    assert [r.response for r in recs(bullets)][:2] == [None, None]  # not the `;` after an item
    numbered = ("De Raad heeft zijn advies uitgebracht. De Raad:\n\n1. beveelt aan de regeling te vereenvoudigen;\n"
                "2. adviseert de uitvoering bij één instantie te beleggen;\n3. raadt aan de termijn te verlengen.")
    assert [r.number for r in recs(numbered)] == [1, 2, 3]
    plural = ("De inspecties:\n\na) bevelen aan de signalering te verbeteren;\n\n"
              "b) adviseren om de toezichtlasten te verminderen.")
    assert [r.number for r in recs(plural)] == [1, 2]


def test_a_bare_intro_with_items_not_all_recommending_gives_none() -> None:
    mixed = ("De commissie:\n\n• constateert dat de uitvoering goed verloopt;\n\n"
             "• beveelt aan de termijn te verlengen.")
    single = "De commissie:\n\n• Beveelt aan de termijn te verlengen.\n\nIk neem dit over."
    other = ("Het kabinet neemt de volgende maatregelen:\n\n• Verhoogt het budget;\n\n• Stelt een regeling in.")
    prose = ("De commissie beveelt aan de termijn te verlengen, en zij adviseert de regeling te vereenvoudigen. "
             "Ik neem beide over.")
    for text in (mixed, single, other, prose):
        assert recs(text) == []
