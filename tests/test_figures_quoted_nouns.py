"""Figures: a counted noun in quotes or after an abbreviation with a hyphen, `level N` as a label, and a share
after `waarvan` (`900.000 woningen, waarvan twee derde betaalbaar`)."""

from __future__ import annotations

import pytest

from mhextract.extract.figures import find_figures


def figures(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(("text", "figure"), [
    ("Het WRR-rapport noemt vier «openingen» voor innovatie.", ("vier «openingen»", 4, "other")),
    ("Het actieplan kent zeven “actielijnen” die elkaar versterken.", ("zeven “actielijnen”", 7, "other")),
    ("Wij onderscheiden drie 'pijlers' in de aanpak.", ("drie 'pijlers'", 3, "other")),
    ("In oktober en november zijn vier AT-stations opgeleverd.", ("vier AT-stations", 4, "other")),
    ("Er zijn inmiddels twaalf OM-locaties ingericht.", ("twaalf OM-locaties", 12, "other")),
    ("De gemeente heeft vijf «zorgverleners» aangesteld.", ("vijf «zorgverleners»", 5, "persons")),
])
def test_counted_nouns_in_quotes_or_after_an_abbreviation(text: str, figure: tuple[str, float, str]) -> None:
    assert figures(text) == [figure]


@pytest.mark.parametrize("text", [
    "Vanaf december zal op de HSL-Zuid onder ERTMS level 2 gereden worden.",
    "In 2012 wordt level 2 geschakeld op het baanvak.",
    "Het gaat om drie Noord-Holland gemeenten.",  # a capital after the hyphen: a place, no counted noun
    "Er zijn drie Zuid-Afrikanen aangehouden.",
    "Zie ook « 2 » in de bijlage.",  # a quote mark before no word
])
def test_labels_places_and_lone_quotes_are_no_counted_nouns(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("om 900.000 woningen te bouwen, waarvan twee derde betaalbaar.", ("twee derde", 66.67, "percent")),
    ("Er kwamen 80 meldingen binnen, waarvan de helft over uitbuiting.", ("de helft", 50.0, "percent")),
    ("Er zijn 40 dossiers, waarvan een kwart is afgerond.", ("een kwart", 25.0, "percent")),
])
def test_a_share_after_waarvan(text: str, figure: tuple[str, float, str]) -> None:
    assert figure in figures(text)


@pytest.mark.parametrize("text", [
    "Het derde kwartaal, waarvan de cijfers nog komen, was rustig.",
    "De tweede helft van 2022 was rustig.",
    "De scholen, waarvan twee derdejaars studenten ontvangen, doen mee.",
])
def test_no_share_without_a_fraction_after_waarvan(text: str) -> None:
    assert not [f for f in figures(text) if f[2] == "percent"]


@pytest.mark.parametrize(("text", "figure"), [
    ("en tot tweemaal toe was gedebatteerd met de Tweede Kamer", ("tweemaal", 2, "other")),
    ("Het overleg vindt tweemaal per jaar plaats.", ("tweemaal", 2, "other")),
    ("Het aantal meldingen is sinds 2014 viermaal zo groot.", ("viermaal", 4, "other")),
    ("Driemaal eerder is dit voorstel verworpen.", ("Driemaal", 3, "other")),
])
def test_a_number_word_fused_with_maal_counts_times(text: str, figure: tuple[str, float, str]) -> None:
    assert figure in figures(text)


@pytest.mark.parametrize("text", [
    "Dat is nu eenmaal zo geregeld.",  # an idiom, no count
    "Het tijdstip van de maaltijd is onbekend.",
    "Dit is menigmaal besproken.",
])
def test_no_times_without_a_number_of_two_or_more(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(("text", "figure"), [
    ("Het onderzoek bestaat uit drie deelonderzoeken.", ("drie deelonderzoeken", 3, "other")),
    ("Daarna volgen twee vervolgonderzoeken naar de effecten.", ("twee vervolgonderzoeken", 2, "other")),
    ("Er lopen 12 opsporingsonderzoeken naar mensenhandel.", ("12 opsporingsonderzoeken", 12, "cases")),
    ("Er lopen vijf strafrechtelijke deelonderzoeken.", ("vijf strafrechtelijke deelonderzoeken", 5, "cases")),
    ("Er lopen 31 strafrechtelijke onderzoeken.", ("31 strafrechtelijke onderzoeken", 31, "cases")),
])
def test_a_compound_of_a_qualified_noun_needs_the_cue(text: str, figure: tuple[str, float, str]) -> None:
    assert figures(text) == [figure]
