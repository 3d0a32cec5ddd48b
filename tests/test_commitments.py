"""Commitments: forms and kinds, negatives, due dates, Toezegging nr. references, merging, the spaCy component."""

from __future__ import annotations

import pytest
import spacy

from mhextract.analysis import extensions  # noqa: F401  (registers Doc extensions)
from mhextract.analysis.pipeline import add_components
from mhextract.errors import PipelineError
from mhextract.evaluate import score_document
from mhextract.extract.commitments import (
    classify_sentence,
    find_commitments,
    period_end,
    split_sentences,
)
from mhextract.record.model import DateMention, Footnote, Reference, Span


def date_at(text: str, phrase: str, value: str | None) -> DateMention:
    """A date mention of `phrase` (first occurrence) in text, as the dates component would give it."""
    start = text.index(phrase)
    return DateMention(text=phrase, value=value, span=Span(start=start, end=start + len(phrase)))


# ---------------------------------------------------------------- kinds of single sentences

@pytest.mark.parametrize(("sentence", "kind"), [
    # the forms of the issue
    ("Tijdens het commissiedebat van 24 februari jl. heb ik u toegezegd terug te komen op een aantal onderwerpen",
     "reported"),
    ("Conform mijn toezegging tijdens het AO van 5 december 2019 informeer ik u halfjaarlijks over de voortgang",
     "reported"),
    ("Hiermee doe ik mijn eerdere toezegging gestand", "fulfilled"),
    ("Ik zal uw Kamer hierover voor het zomerreces informeren", "made"),
    ("Daarnaast informeer ik u over de online opsporing zoals toegezegd in het vragenuur van 13 juni jl.",
     "fulfilled"),
    # other wordings of the same three kinds
    ("Met deze verslaglegging geef ik invulling aan de toezegging die ik uw Kamer deed", "fulfilled"),
    ("Hiermee is de toezegging aan het lid Van Dijk afgedaan", "fulfilled"),
    ("Met deze brief kom ik tegemoet aan de toezegging over de evaluatie", "fulfilled"),
    ("Zoals toegezegd stuur ik u hierbij het rapport over de pilot", "fulfilled"),
    ("In deze brief wordt ingegaan op de toezegging om terug te komen op de gegevensdeling", "fulfilled"),
    ("De toezegging om de regeling te evalueren wordt in 2025 uitgevoerd", "reported"),
    ("Door de minister van JenV is toegezegd om uw Kamer te informeren over de pilot", "reported"),
    ("Uw Kamer zal hierover worden geïnformeerd", "made"),
    ("Uw Kamer zal ik daarover informeren", "made"),
    ("De Minister voor Rechtsbescherming zal de Tweede Kamer hierover begin volgend jaar nader informeren", "made"),
    ("Beantwoording op deze vragen zult uw Kamer op korte termijn ontvangen", "made"),
    ("Ten slotte streef ik ernaar uw Kamer voor het zomerreces van 2025 te informeren", "made"),
    ("Ik verwacht u in november een brief toe te zenden over de resultaten", "made"),
    ("Het kabinet zal de Kamer in het najaar een voortgangsrapportage sturen", "made"),
    ("Dit najaar informeer ik uw Kamer over de uitvoering van de motie", "made"),
    ("Uw Kamer wordt door middel van de voortgangsbrief nader geïnformeerd over de uitkomsten", "made"),
    ("Er wordt deze zomer een aparte brief naar uw Kamer gestuurd", "made"),
    ("Ik kom hier voor de zomer op terug", "made"),
    ("Ik zeg u toe dat de evaluatie wordt uitgevoerd", "made"),
    ("Ik houd uw Kamer op de hoogte van de voortgang", "made"),
    ("Ik zal u op de hoogte houden van de ontwikkelingen", "made"),
    ("Uw Kamer ontvangt voor de zomer een brief over de aanpak", "made"),
    ("Op dit moment werk ik aan een brief die ik u dit najaar zal sturen", "made"),
    ("Hierbij zend ik u, mede namens de minister, de toegezegde evaluatie", "fulfilled"),
    ("Deze brief is de invulling van de toezegging aan het lid Kuik", "fulfilled"),
    ("Hiermee is voldaan aan de toezegging", "fulfilled"),
    # a standing, recurring report the letter describes (no earlier promise named): reported
    ("Jaarlijks maken we de balans op waar we staan en informeer ik u daarover", "reported"),
    ("Ik informeer uw Kamer jaarlijks over de voortgang van het programma", "reported"),
    ("Halfjaarlijks stuur ik u een overzicht van de openstaande acties", "reported"),
    ("Ieder jaar informeer ik de Kamer over de cijfers van het meldpunt", "reported"),
    # an earlier promise that is the object of a progress report: reported, though the letter informs now
    ("Tevens informeer ik u over de stand van zaken van mijn toezegging tijdens het commissiedebat van 17 mei jl. "
     "aan het lid Kuik", "reported"),
    ("In deze brief bericht ik u over de voortgang van mijn toezegging om de regeling te evalueren", "reported"),
    ("Hierbij informeer ik u over de stand van zaken rond de toezegging die ik tijdens het debat deed", "reported"),
    # ... but a discharge stays fulfilled
    ("Met deze brief doe ik mijn toezegging over de voortgang van het programma gestand", "fulfilled"),
    ("Zoals toegezegd stuur ik u hierbij de voortgangsrapportage", "fulfilled"),
])
def test_sentence_kinds(sentence: str, kind: str) -> None:
    found = classify_sentence(sentence)
    assert found is not None, sentence
    assert found[0] == kind


@pytest.mark.parametrize("sentence", [
    "Met deze brief informeer ik uw Kamer over de stand van zaken",
    "Via deze brief informeer ik uw Kamer graag over een aantal beleidsontwikkelingen",
    "Op 9 september jl. is uw Kamer hierover geïnformeerd",
    "Ik heb uw Kamer op 4 november jl. de antwoorden gezonden",
    "Het onderzoek zal naar verwachting eind 2024 worden afgerond",
    "Zoals afgesproken in het regeerprogramma wordt het programma voortgezet",
    "In de verzamelbrief van Politie, verzonden op 19 oktober jl., is aan uw Kamer gemeld dat het rapport "
    "naar verwachting in november door het CKM zal worden opgeleverd",
    "Vervolgens ga ik in deze brief in op een aantal openstaande toezeggingen en moties",
    "Gemeenten zullen de informatie met elkaar delen",
    "Graag deel ik de resultaten van deze proeftuin met uw Kamer",
    "Ik kom hieronder terug op de motie",
    "Ik verwacht de resultaten te hebben aan het einde van volgend voorjaar",
    "Zoals u heeft kunnen lezen, is dat precies wat we doen",
    "De gemeente zal de bewoners informeren",
    "Ik heb de Kamer eerder geïnformeerd over de pilot",
    "Het kabinet gaat de komende jaren door met de aanpak",
    # a recurrence adjective describes a document; past tense and other actors are no promise of the minister
    "Met deze jaarlijkse rapportage informeer ik u over de cijfers",
    "Jaarlijks informeerde ik u over de cijfers",
    "Het CBS publiceert jaarlijks de cijfers",
    "Gemeenten informeren jaarlijks hun inwoners",
])
def test_non_commitments(sentence: str) -> None:
    assert classify_sentence(sentence) is None


def test_earlier_commitment_delivered_by_the_next_sentence_is_fulfilled() -> None:
    first = "Tijdens het debat heb ik u toegezegd terug te komen op een aantal onderwerpen"
    assert classify_sentence(first, "Ik informeer u bij deze over de ontwikkelingen") is not None
    assert classify_sentence(first, "Ik informeer u bij deze over de ontwikkelingen")[0] == "fulfilled"  # type: ignore[index]
    assert classify_sentence(first, "Het beter in beeld krijgen is lastig")[0] == "reported"  # type: ignore[index]
    promised_letter = "Tijdens het debat heb ik uw Kamer toegezegd een brief te sturen over de ambities"
    delivered = classify_sentence(promised_letter, "Deze brief stuur ik mede namens de Minister van SZW")
    assert delivered is not None and delivered[0] == "fulfilled"


# ---------------------------------------------------------------- sentences

def test_split_sentences_keeps_abbreviations_and_paragraphs() -> None:
    text = ("Tijdens het debat van 24 februari jl. heb ik u toegezegd terug te komen (Kamerstuk 28 638, nr. 207). "
            "De Staatssecretaris, E. van der Burg, zal u informeren.\n\nNieuwe alinea zonder punt")
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == [
        "Tijdens het debat van 24 februari jl. heb ik u toegezegd terug te komen (Kamerstuk 28 638, nr. 207)",
        "De Staatssecretaris, E. van der Burg, zal u informeren",
        "Nieuwe alinea zonder punt",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


# ---------------------------------------------------------------- due dates

@pytest.mark.parametrize(("text", "dates", "letter_date", "due"), [
    ("Ten slotte streef ik ernaar uw Kamer voor het zomerreces van 2025 te informeren.",
     [("het zomerreces van 2025", "2025-summer")], None, "2025-summer"),
    # the date the promise was made is never its due date
    ("Conform mijn toezegging tijdens het Algemeen Overleg van 5 december 2019 informeer ik u halfjaarlijks.",
     [("5 december 2019", "2019-12-05")], None, None),
    # past dates (before the letter date, or `jl.`) are skipped; the future one is due
    ("Tijdens het vragenuur van 13 juni 2023 heb ik u toegezegd u voor de zomer van 2024 te informeren.",
     [("13 juni 2023", "2023-06-13"), ("de zomer van 2024", "2024-summer")], "2023-11-30", "2024-summer"),
    ("In het debat van 3 oktober jl. heb ik toegezegd u uiterlijk 1 maart 2024 te informeren.",
     [("3 oktober jl.", "2023-10-03"), ("1 maart 2024", "2024-03-01")], "2023-11-30", "2024-03-01"),
    # the date after the promise wins over an earlier date in the sentence
    ("Het programma loopt tot het einde van het jaar en ik verwacht u in november 2022 een brief toe te zenden.",
     [("het einde van het jaar", "2022"), ("november 2022", "2022-11")], "2022-06-01", "2022-11"),
    ("De Minister voor Rechtsbescherming zal de Tweede Kamer hierover begin volgend jaar nader informeren.",
     [("begin volgend jaar", "2024")], "2023-11-30", "2024"),
    ("Uw Kamer zal hierover worden geïnformeerd.", [], "2023-11-30", None),
])
def test_due_resolution(text: str, dates: list[tuple[str, str]], letter_date: str | None, due: str | None) -> None:
    mentions = [date_at(text, phrase, value) for phrase, value in dates]
    [commitment] = find_commitments(text, dates=mentions, letter_date=letter_date)
    assert commitment.due == due


@pytest.mark.parametrize(("value", "end"), [
    ("2024", "2024-12-31"), ("2023-02", "2023-02-28"), ("2024-02", "2024-02-29"), ("2023-06-13", "2023-06-13"),
    # seasons as date resolution reads them (models/dates.json season_months): summer ends in August,
    # winter in February of the next year
    ("2021-summer", "2021-08-31"), ("2021-spring", "2021-05-31"), ("2021-autumn", "2021-11-30"),
    ("2021-winter", "2022-02-28"), ("2023-Q1", "2023-03-31"), ("2023-H1", "2023-06-30"), ("2019/2023", "2023-12-31"),
])
def test_period_end(value: str, end: str) -> None:
    assert str(period_end(value)) == end


# ---------------------------------------------------------------- references and merging

LOVITURA = (
    "Tenslotte ga ik in op de toezeggingen gedaan over het Field Lab Lovitura.\n\n"
    "8. Toezegging Field Lab Lovitura\n\n"
    "In een eerder stadium heb ik toegezegd de bevindingen en aanbevelingen van het Field Lab Lovitura mee te nemen "
    "in het programma. Mijn reactie vindt u in de bijlagen. Hiermee doe ik mijn eerdere toezegging gestand.\n\n"
    "Toezegging nr. 118836"
)


def test_reference_from_footnote_and_merging_into_one_fulfilled_commitment() -> None:
    anchor = LOVITURA.index(" Mijn reactie") - 1
    fn_start = LOVITURA.index("Toezegging nr.")
    footnote = Footnote(number=11, text="Toezegging nr. 118836", start=fn_start, end=len(LOVITURA), anchor=anchor)
    ref = Reference(kind="toezegging", id="118836",
                    mentions=[Span(start=fn_start, end=len(LOVITURA))])
    commitments = find_commitments(LOVITURA, references=[ref], footnotes=[footnote])
    assert len(commitments) == 1
    [c] = commitments
    assert c.kind == "fulfilled"
    assert c.reference == "118836"
    assert c.text.startswith("In een eerder stadium heb ik toegezegd de bevindingen")
    assert LOVITURA[c.span.start:c.span.end] == c.text


def test_anaphoric_fulfilment_alone_stays_a_commitment_and_new_promises_never_merge() -> None:
    text = ("Hiermee doe ik mijn eerdere toezegging gestand.\n\n"
            "Uw Kamer zal hierover worden geïnformeerd. Ook het tweede onderzoek loopt.\n\n"
            "Uw Kamer zal hierover worden geïnformeerd.")
    kinds = [c.kind for c in find_commitments(text)]
    assert kinds == ["fulfilled", "made", "made"]


@pytest.mark.parametrize(("text", "fulfilment"), [
    ("Tijdens de plenaire behandeling op 8 februari jl. heb ik uw Kamer toegezegd (T03312) voor 15 maart een "
     "beleidsreactie te sturen op het WODC-onderzoek. Met deze brief, die ik mede namens de Staatssecretaris van "
     "Justitie en Veiligheid verstuur, doe ik deze toezegging gestand.", "Met deze brief"),
    ("Tijdens het debat van 3 december jl. heb ik uw Kamer toegezegd voor 1 maart een brief te sturen over de pilot. "
     "Met deze brief, die ik mede namens de Minister van Volksgezondheid, Welzijn en Sport verstuur, doe ik die "
     "toezegging gestand.", "Met deze brief"),
    ("Tijdens het vragenuur heb ik toegezegd u te informeren over de wachtlijsten in de opvang. Met de bijgevoegde "
     "analyse van CoMensha en de gemeenten over de bezetting geef ik invulling aan deze toezegging.", "Met de"),
    ("In het debat over de begroting heb ik toegezegd de Kamer te informeren over de capaciteit van de zedenpolitie. "
     "Met de cijfers in de bijlage over de bezetting, de instroom en de opleidingen is dezelfde toezegging afgedaan.",
     "Met de cijfers"),
])
def test_demonstrative_fulfilment_joins_the_promise_before_it(text: str, fulfilment: str) -> None:
    [c] = find_commitments(text)
    assert c.kind == "fulfilled"
    assert not c.text.startswith(fulfilment)
    assert "toegezegd" in c.text


def test_demonstrative_fulfilment_does_not_join_a_new_promise() -> None:
    text = ("Ik zal u voor de zomer informeren over de pilot. Met deze brief, die ik mede namens de Minister van "
            "Volksgezondheid, Welzijn en Sport verstuur, doe ik die toezegging gestand.")
    assert [c.kind for c in find_commitments(text)] == ["made", "fulfilled"]


@pytest.mark.parametrize(("text", "own"), [
    ("Tevens informeer ik u over de stand van zaken van mijn toezegging aan het lid Kuik en de motie van de leden "
     "Kuik en Bikker over de uitstapprogramma's.",
     "Tevens informeer ik u over de stand van zaken van mijn toezegging aan het lid Kuik"),
    ("Conform mijn toezegging aan uw Kamer informeer ik u halfjaarlijks over de voortgang en over de motie van het "
     "lid Ellian.", "Conform mijn toezegging aan uw Kamer informeer ik u halfjaarlijks over de voortgang"),
    ("In deze brief ga ik in op de toezegging om de regeling te evalueren en op de twee moties van het lid Bikker.",
     "In deze brief ga ik in op de toezegging om de regeling te evalueren"),
    # near misses: a motion inside the promise, and a coordination before the trigger
    ("Conform mijn toezegging informeer ik u halfjaarlijks over de uitvoering van de motie van het lid Ellian.",
     "Conform mijn toezegging informeer ik u halfjaarlijks over de uitvoering van de motie van het lid Ellian"),
    ("Naar aanleiding van de vragen en de motie van het lid Kuik heb ik u toegezegd terug te komen op de opvang.",
     "Naar aanleiding van de vragen en de motie van het lid Kuik heb ik u toegezegd terug te komen op de opvang"),
])
def test_commitment_text_ends_before_a_coordinated_motion(text: str, own: str) -> None:
    [c] = find_commitments(text)
    assert c.text == own
    assert text[c.span.start : c.span.end] == own


def test_different_earlier_commitments_of_one_debate_stay_apart() -> None:
    text = ("Tijdens het commissiedebat over mensenhandel en prostitutie heb ik u toegezegd terug te komen op een "
            "aantal onderwerpen. In het commissiedebat mensenhandel en prostitutie is door mijzelf toegezegd om "
            "uw Kamer te informeren over het plan van aanpak kwetsbare jongeren.")
    assert len(find_commitments(text)) == 2


# ---------------------------------------------------------------- spaCy component and scoring

def test_component_uses_doc_dates_references_and_footnotes() -> None:
    nlp = add_components(spacy.blank("nl"), until="mh_commitments")
    text = "Ik zal uw Kamer hierover voor het zomerreces van 2025 informeren. Dit is geen toezegging."
    doc = nlp.make_doc(text)
    doc._.letter_date = "2024-11-01"
    doc = nlp(doc)
    assert [d.value for d in doc._.dates] == ["2025-summer"]
    [c] = doc._.commitments
    assert (c.kind, c.due, c.reference) == ("made", "2025-summer", None)
    assert [(s.text, s.label_) for s in doc.spans["commitments"]] == [
        ("Ik zal uw Kamer hierover voor het zomerreces van 2025 informeren", "made")]


def test_component_without_the_components_it_needs_is_an_error() -> None:
    """A missing or misordered component is an error naming what to add, never an empty field."""
    nlp = spacy.blank("nl")
    nlp.add_pipe("mh_commitments")
    with pytest.raises(PipelineError, match=r"mh_commitments needs doc\._\.sentences.*add mh_analysis"):
        nlp("Uw Kamer zal hierover worden geïnformeerd.")
    nlp = add_components(spacy.blank("nl"), until="mh_commitments")
    doc = nlp("Uw Kamer zal hierover worden geïnformeerd.")
    assert [(c.kind, c.due) for c in doc._.commitments] == [("made", None)]
    with pytest.raises(PipelineError, match="in the order"):
        misordered = spacy.blank("nl")
        misordered.add_pipe("mh_dates")
        misordered.add_pipe("mh_kamerstukken")
        add_components(misordered)


@pytest.mark.parametrize(("gold", "pred", "counts"), [
    ({"text": "heb ik u toegezegd terug te komen", "kind": "reported"},
     {"text": "Tijdens het debat heb ik u toegezegd terug te komen op de AVG.", "kind": "reported"}, (1, 0, 0)),
    ({"text": "heb ik u toegezegd terug te komen", "kind": "reported"},
     {"text": "Tijdens het debat heb ik u toegezegd terug te komen op de AVG.", "kind": "made"}, (0, 1, 1)),
    ({"text": "heb ik uw Kamer toegezegd terug te komen op gegevensdeling tussen CoMensha en politie",
      "kind": "fulfilled"},
     {"text": "In deze brief wordt ingegaan op de toezegging om terug te komen op gegevensdeling tussen CoMensha en "
              "politie", "kind": "fulfilled"}, (1, 0, 0)),
    ({"text": "Uw Kamer zal ik daarover informeren", "kind": "made"},
     {"text": "De resultaten worden eind dit jaar opgeleverd", "kind": "made"}, (0, 1, 1)),
])
def test_scoring_matches_on_kind_and_text_overlap(gold: dict[str, str], pred: dict[str, str],
                                                  counts: tuple[int, int, int]) -> None:
    score = score_document({"commitments": [gold]}, {"commitments": [pred]})["commitments"]
    assert (score.tp, score.fp, score.fn) == counts
