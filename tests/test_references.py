"""Other references: Handelingen, zaak- and documentnummers, ECLI, toezeggingen, rijkswetten."""

from __future__ import annotations

import pytest
import spacy

from mhextract.extract.references import find_references

# (text, expected `kind:id` keys in order)
REFERENCES: list[tuple[str, list[str]]] = [
    ("begrotingsbehandeling van JenV in november 2020 (Handelingen II 2020/21, nr. 30, item 7) om",
     ["handelingen:II-2020/21-30-7"]),
    ("Handelingen II 2019/20, nr. 52, item 9", ["handelingen:II-2019/20-52-9"]),
    ("Handelingen I 2019/2020, 12, item 5", ["handelingen:I-2019/20-12-5"]),
    ("Handelingen TK 2021–2022, nr. 7", ["handelingen:II-2021/22-7"]),
    ("https://zoek.officielebekendmakingen.nl/h-tk-20202021-30-7.html", ["handelingen:II-2020/21-30-7"]),
    ("Aanhangsel Handelingen II 2021/22, nr. 1234", ["handelingen:II-2021/22-1234"]),
    ("<sup>1</sup> Kamerstukken II 2021/22, 2022Z19982.", ["zaak:2022Z19982"]),
    ("vragen van het lid Kuik (2023Z01234) en documentnummer 2021D07686",
     ["zaak:2023Z01234", "document:2021D07686"]),
    ("² Zie Rb. Midden-Nederland 23 augustus 2023, ECLI:NL:RBMNE:2023:4838.",
     ["ecli:ECLI:NL:RBMNE:2023:4838"]),
    ("HR 5 april 2022, ECLI:NL:HR:2022:475", ["ecli:ECLI:NL:HR:2022:475"]),
    ("¹¹ Toezegging nr. 118836", ["toezegging:118836"]),
    ("de toezegging T03215 aan de Eerste Kamer", ["toezegging:T03215"]),
    ("toezeggingnummer TZ202311-045", ["toezegging:TZ202311-045"]),
    ("Rijkswet personenvervoer (R1883) en", ["rijkswet:R1883"]),
    ("rijkswet R2012 over", ["rijkswet:R2012"]),
    ("toezegging aan het lid Kuik (TZ202305-094)", ["toezegging:TZ202305-094"]),
    ("de toezegging (nr. 118836) aan", ["toezegging:118836"]),
    ("Zie Handelingen II 2020/21, nr. 30, item 7 en ook Handelingen II 2020/21, nr. 30, item 7.",
     ["handelingen:II-2020/21-30-7"]),
    # a registry id in brackets after a form of `toezeggen`, without the word `nr.`
    ("heb ik uw Kamer toegezegd (T03915) vóór 1 maart 2025 te rapporteren", ["toezegging:T03915"]),
    ("Zoals toegezegd aan het lid Nicolaï tijdens de behandeling (T02987) stuur ik u", ["toezegging:T02987"]),
    ("De toezegging aan de leden Van Dijk en Talsma (zie T03401) is hiermee afgedaan.", ["toezegging:T03401"]),
    ("Ik heb de Kamer toegezegd om haar te informeren (TZ202311-045).", ["toezegging:TZ202311-045"]),
    # an Eerste Kamer toezeggingen list: a line opening with `Toezegging` ends with its id (b09)
    ("Inleiding\nToezegging, naar aanleiding van een vraag van het lid Janssen (SP), om toe te zien dat in het "
     "wekelijkse persbericht de link «lees meer» wordt geactiveerd zodat een uitsplitsing te zien is (T03987).\n"
     "Op 8 oktober heb ik", ["toezegging:T03987"]),
    ("Toezegging Evaluatie van de Wet (Stb. 2019, 12) aan de leden Van Dijk (CDA) en Talsma (TZ202401-007)",
     ["toezegging:TZ202401-007"]),
]

NEAR_MISSES: list[str] = [
    "Kamerstukken II 2023/24, 28 638, nr. 229",
    "de toezegging om voor de zomer te komen",
    "Postbus 20301 2500 EH Den Haag",
    "Ons kenmerk 6013609",
    "het voorbereidings-handelingen van seksuele uitbuiting",
    "de handelingen van de Kamer in 2021",
    "artikel 273f Sr",
    "2022 Z 19982",
    "R2 en R3",
    "in 2021 en 2022",
    "het formulier (T12345) is bijgevoegd",
    "Dat heb ik toegezegd. Zie tabel (T03915).",
    "zoals toegezegd (zie bijlage 2, T03915) stuur ik u",
    "zoals toegezegd (T0391) stuur ik u",
    # not a toezeggingen line: the id ends no line opening with `Toezegging`, or the line goes on after it
    "Bij de Toezegging, naar aanleiding van een vraag van het lid Janssen (SP), over de opvang van asielzoekers in "
    "gemeenten die al lang wachten (T03987).",
    "Toezegging, naar aanleiding van een vraag van het lid Janssen (SP), over de opvang van asielzoekers in "
    "gemeenten die al lang wachten (T03987) en over de kosten daarvan voor de gemeenten.",
]


def test_bracketed_toezegging_id_mention_is_the_id_alone() -> None:
    text = "Zoals toegezegd op 3 december jl. (T03915) stuur ik u"
    (ref,) = find_references(text)
    assert [text[s.start : s.end] for s in ref.mentions] == ["T03915"]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_reference_keys(text: str, expected: list[str]) -> None:
    assert [f"{r.kind}:{r.id}" for r in find_references(text)] == expected


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses(text: str) -> None:
    assert find_references(text) == []


def test_mentions_are_collected_per_id() -> None:
    text = "(Handelingen II 2020/21, nr. 30, item 7) en later Handelingen II 2020/21, nr. 30, item 7."
    (ref,) = find_references(text)
    assert [text[s.start : s.end] for s in ref.mentions] == ["Handelingen II 2020/21, nr. 30, item 7"] * 2


def test_spacy_component() -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("mh_references")
    doc = nlp("Zie ECLI:NL:RBMNE:2023:4838 en zaak 2022Z19982.")
    assert [(r.kind, r.id) for r in doc._.references] == [("ecli", "ECLI:NL:RBMNE:2023:4838"),
                                                           ("zaak", "2022Z19982")]
    assert [s.label_ for s in doc.spans["references"]] == ["ecli:ECLI:NL:RBMNE:2023:4838", "zaak:2022Z19982"]


@pytest.mark.parametrize(("text", "ids"), [
    ("(Handelingen II 2015/16, nrs. 11 en 13, Regeling van werkzaamheden)", ["II-2015/16-11", "II-2015/16-13"]),
    ("zie Handelingen II 2019/20, nrs. 30, 31 en 33", ["II-2019/20-30", "II-2019/20-31", "II-2019/20-33"]),
    ("Handelingen I 2021/22, nrs. 4 & 5.", ["I-2021/22-4", "I-2021/22-5"]),
])
def test_handelingen_with_a_list_of_numbers_give_one_id_each(text: str, ids: list[str]) -> None:
    assert [r.id for r in find_references(text)] == ids


@pytest.mark.parametrize(("text", "ids"), [
    ("Handelingen II 2015/16, nr. 11, 13 december sprak de Kamer", ["II-2015/16-11"]),  # singular: no list
    ("Handelingen II 2015/16, nr. 11 en 13 december", ["II-2015/16-11"]),
    ("Handelingen II 2019/20, nr. 30, item 7", ["II-2019/20-30-7"]),
])
def test_a_single_handelingen_number_takes_no_list(text: str, ids: list[str]) -> None:
    assert [r.id for r in find_references(text)] == ids


@pytest.mark.parametrize(("text", "ids"), [
    ("(Handelingen II 2020/21, nr. 30, items 2, 5 en 7)", ["II-2020/21-30-2", "II-2020/21-30-5", "II-2020/21-30-7"]),
    ("Handelingen I 2021/22, nr. 12, items 8 en 9.", ["I-2021/22-12-8", "I-2021/22-12-9"]),
    ("zie Handelingen II 2019/20, nr. 30, items 4 & 6", ["II-2019/20-30-4", "II-2019/20-30-6"]),
])
def test_handelingen_with_a_list_of_items_give_one_id_each(text: str, ids: list[str]) -> None:
    assert [r.id for r in find_references(text)] == ids


@pytest.mark.parametrize(("text", "ids"), [
    ("Handelingen II 2019/20, nr. 5, item 3 en 4 andere punten", ["II-2019/20-5-3"]),  # singular: no list
    ("Handelingen II 2019/20, nr. 5, item 3, 4 leden stemden voor", ["II-2019/20-5-3"]),
])
def test_a_single_item_takes_no_list(text: str, ids: list[str]) -> None:
    assert [r.id for r in find_references(text)] == ids
