"""Motions: the wordings letters use, Kamerstuk ids from citations and footnotes, merging, status."""

from __future__ import annotations

import re

import pytest
import spacy

from mhextract.analysis.pipeline import add_components
from mhextract.extract.kamerstuk import find_kamerstukken
from mhextract.extract.motions import find_motions, sentence_bounds, sentence_of
from mhextract.record.model import Footnote, Motion


def letter(body: str, notes: dict[int, str] | None = None) -> tuple[str, list[Footnote]]:
    """A normalised letter: `{n}` in `body` marks footnote n's anchor; notes appended after the body."""
    notes = notes or {}
    anchors: dict[int, int] = {}
    out = ""
    pos = 0
    for m in re.finditer(r"\{(\d+)\}", body):
        out += body[pos : m.start()]
        anchors[int(m.group(1))] = len(out)
        pos = m.end()
    out += body[pos:]
    footnotes: list[Footnote] = []
    for n, note in notes.items():
        out += "\n\n"
        footnotes.append(Footnote(number=n, text=note, start=len(out), end=len(out) + len(note),
                                  anchor=anchors.get(n)))
        out += note
    return out, footnotes


def motions_of(body: str, notes: dict[int, str] | None = None) -> list[Motion]:
    text, footnotes = letter(body, notes)
    return find_motions(text, find_kamerstukken(text), footnotes)


# (text, expected [(submitters, kamerstuk)])
NAMED: list[tuple[str, list[tuple[list[str], str | None]]]] = [
    ("Verder wordt ingegaan op de motie van de leden Segers en Asscher over de AVIM.", [(["Segers", "Asscher"], None)]),
    ("Voortgang werving naar aanleiding van motie Segers-Asscher", [(["Segers", "Asscher"], None)]),
    ("Daarom geef ik uitvoering aan de gewijzigde motie van het lid Kuik c.s. waarin wordt verzocht.",
     [(["Kuik"], None)]),
    ("Hiermee wordt tegemoetgekomen aan Motie van Dijk (Kamerstuk 34 091, M) die verzoekt.",
     [(["Van Dijk"], "34091-M")]),
    ("de recent aangenomen motie van Wiersma c.s. die ziet op een meldpunt (Kamerstuk 28 638, nr. 192).",
     [(["Wiersma"], "28638-192")]),
    ("De motie van de leden Mutluer, Bikker, Kuik en Podt verzoekt de regering.",
     [(["Mutluer", "Bikker", "Kuik", "Podt"], None)]),
    ("de motie van de leden Kuik en Palland (CDA) over klanten", [(["Kuik", "Palland"], None)]),
    ("Met de motie Ellian c.s. is gevraagd om", [(["Ellian"], None)]),
    ("In maart 2021 is een motie aangenomen, ingediend door het Lid Van Dijk (Eerste Kamer) (Kamerstuk 34 091, M) "
     "die verzoekt om onderzoek.", [(["Van Dijk"], "34091-M")]),
    ("de aangenomen motie van de leden van Bikker en Kuiken over lokprofielen (Kamerstuk 28 638, nr. 191).",
     [(["Bikker", "Kuiken"], "28638-191")]),
    ("Zoals gevraagd in de motie Voordewind c.s. heb ik", [(["Voordewind"], None)]),
    ("Conform de motie van het lid Van der Graaf (Kamerstuk 35 570 VI, nr. 64) doe ik verslag.",
     [(["Van der Graaf"], "35570-VI-64")]),
    ("4. Modernisering strafbaarstelling mensenhandel en motie Bikker/Mutluer over non-punishment",
     [(["Bikker", "Mutluer"], None)]),
    ("de motie-Omtzigt over de uitvoering", [(["Omtzigt"], None)]),
    ("de motie van het lid J.A. van der Staaij over", [(["Van der Staaij"], None)]),
    ("de motie van de leden Yeşilgöz-Zegerius en Van Toorenburg over",
     [(["Yeşilgöz-Zegerius", "Van Toorenburg"], None)]),
    ("de motie Yeşilgöz-Zegerius c.s. over", [(["Yeşilgöz-Zegerius"], None)]),
    ("Tijdens het debat is de motie van Bikker en Verkuilen ingediend.", [(["Bikker", "Verkuilen"], None)]),
    ("⁷ Motie Segers/Asscher TK 2019–2020, 35 300, nr. 25", [(["Segers", "Asscher"], "35300-25")]),
    ("Ook de motie (Kamerstuk 28 638, nr. 192) wordt uitgevoerd.", [([], "28638-192")]),
    # plural: one motion per member (the gold of b06 29477-196 and b07 36708-28)
    ("de moties van de leden Van Nispen en Van Dam over", [(["Van Nispen"], None), (["Van Dam"], None)]),
    ("de motie-Van Aalst/Remco Dijkstra over de N35 (35300-A, nr. 15);",
     [(["Van Aalst", "Remco Dijkstra"], "35300-A-15")]),
    ("Ik stel voor te stemmen over de aangehouden motie-Ouwehand (21501-32, nr. 590).",
     [(["Ouwehand"], "21501-32-590")]),
    ("Het lid Kuik heeft tijdens het debat een motie ingediend over klanten (Kamerstuk 28 638, nr. 240).",
     [(["Kuik"], "28638-240")]),
    ("de motie die door de leden Kuik en Bikker is ingediend", [(["Kuik", "Bikker"], None)]),
    ("de motie van het lid Inge van Dijk over", [(["Inge van Dijk"], None)]),
    ("de motie van het lid Kuik (CDA) c.s. over", [(["Kuik"], None)]),
    ("zie Kamerstukken II 2019/20, 35 300 VI, nr. 105 (motie Van Nispen).", [(["Van Nispen"], "35300-VI-105")]),
    ("de motie-Nicolaï c.s. (EK 35 300, M) is aangenomen", [(["Nicolaï"], "35300-M")]),
    ("unnormalised: de motie van Bikker en Verkuilen³ ingediend", [(["Bikker", "Verkuilen"], None)]),
    # submitters after a when/where modifier (a parenthesised citation counts as one unit of the gap)
    ("Tevens informeer ik u over de motie bij het daaropvolgend Tweeminutendebat van 27 september jl. (Handelingen "
     "II 2023/24, nr. 5, item 4) van de leden Kuik en Bikker over de uitstapprogramma’s (Kamerstuk 28 638, nr. 227).",
     [(["Kuik", "Bikker"], "28638-227")]),
    ("Daarnaast is de motie tijdens het commissiedebat Mensenhandel van 12 mei 2022 van het lid Ellian over "
     "loverboys aangenomen.", [(["Ellian"], None)]),
    ("Ik kom terug op de motie, ingediend bij de begrotingsbehandeling Justitie en Veiligheid, van de leden "
     "Mutluer en Bikker (Kamerstuk 36 410 VI, nr. 30).", [(["Mutluer", "Bikker"], "36410-VI-30")]),
    ("de aangenomen motie uit het tweeminutendebat Prostitutie (Handelingen II 2022/23, nr. 60, item 9) van het "
     "lid Bikker vraagt om een verkenning.", [(["Bikker"], None)]),
    # a surname with particles, with or without a capital, and no citation (b10)
    ("Tot slot over motie Dobbe m.b.t. Soedan, motie van der Brug m.b.t. Turkije en over training.",
     [(["Dobbe"], None), (["Van der Brug"], None)]),
    ("Over de motie Van der Brug over Turkije is nog niet gestemd.", [(["Van der Brug"], None)]),
    ("De motie Ter Horst vraagt om een verkenning.", [(["Ter Horst"], None)]),
]

NOT_MOTIONS: list[str] = [
    "Middels deze brief informeer ik u over een aantal moties en toezeggingen op het dossier mensenhandel.",
    "Onderwerp Brief inzake moties en toezeggingen op het dossier mensenhandel",
    "Over de motie van de PVV is nog niet gestemd.",
    "Over de motie van GroenLinks is nog niet gestemd.",
    "Deze motie wordt later besproken.",
    "De motie Mensenhandel is nog niet behandeld.",
    "van de leden Kuik, Bikker en Verkuijlen ook schriftelijke vragen ontvangen",
    "Een motie over dit onderwerp wordt verwacht.",
    "De motie van vorige week is nog niet in stemming gebracht.",
    "Over de motie van de Kamer is gesproken.",
    "De moties worden later behandeld.",
    "Zo kwam de motie van Nederland tot stand.",
    "Met de motie De Vreemdelingenwet is niets mis.",  # `De` before a capitalised word opens no surname
    "Brief over moties\n\nKuik c.s. en Bikker",
    "De heer Van der Burg, Staatssecretaris van Justitie en Veiligheid, heeft gesproken.",
    # a later `van het lid` that belongs to the topic or another document, not to the motion
    "De motie over het initiatiefvoorstel van het lid Agema is verworpen.",
    "Er is een motie bij het wetsvoorstel van het lid Agema ingediend.",
    "De motie is tijdens het debat van het lid Kuik besproken.",
    "De motie en het amendement van het lid Kuik zijn aangenomen.",
    "De motie tijdens het debat waarin de vragen van het lid Kuik aan bod kwamen, is aangenomen.",
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_named_motions(text: str, expected: list[tuple[list[str], str | None]]) -> None:
    assert [(m.submitters, m.kamerstuk) for m in motions_of(text)] == expected


@pytest.mark.parametrize("text", NOT_MOTIONS)
def test_not_motions(text: str) -> None:
    assert motions_of(text) == []


def test_eerste_kamer_chamber_from_letter_and_from_text() -> None:
    (a,) = motions_of("een motie aangenomen, ingediend door het Lid Van Dijk (Eerste Kamer) die verzoekt.")
    (b,) = motions_of("Motie van Dijk (Kamerstuk 34 091, M) die verzoekt.")
    (c,) = motions_of("de motie van het Eerste Kamerlid Nicolaï over")
    assert (a.chamber, b.chamber, c.chamber) == ("Eerste Kamer", "Eerste Kamer", "Eerste Kamer")
    assert a.status == "aangenomen"


def test_footnote_right_after_mention_gives_kamerstuk_and_anaphors_merge() -> None:
    body = ("Tijdens het tweeminutendebat is de motie van Bikker en Verkuilen{3} ingediend. De motie is op "
            "3 oktober jl. aangenomen en roept de regering op. Middels onderstaande passage wordt deze motie afgedaan.")
    (m,) = motions_of(body, {3: "Kamerstukken II 2023/24, 28 638, nr.231"})
    assert (m.submitters, m.kamerstuk, m.status) == (["Bikker", "Verkuilen"], "28638-231", "afgedaan")
    assert len(m.mentions) == 3


def test_footnote_at_sentence_end_gives_kamerstuk() -> None:
    body = ("Daarom geef ik uitvoering aan de gewijzigde motie van het lid Kuik c.s. waarin wordt verzocht om "
            "aanpak van criminele uitbuiting een integraal onderdeel te laten zijn van het offensief.{7} De "
            "uitvoering van deze motie wordt betrokken bij de preventieve aanpak.")
    (m,) = motions_of(body, {7: "Kamerstuk 35 925 VI, nr. 118."})
    assert (m.submitters, m.kamerstuk, m.status) == (["Kuik"], "35925-VI-118", "in uitvoering")
    assert len(m.mentions) == 2


def test_footnote_in_a_later_sentence_is_not_the_motion() -> None:
    body = "Er is de motie van de leden Kuik en Bikker ingediend. In de brief opsporing{8} staat meer."
    (m,) = motions_of(body, {8: "Kamerstukken II 2020/21, 28 638, nr. 203"})
    assert (m.submitters, m.kamerstuk) == (["Kuik", "Bikker"], None)


def test_repeated_motion_is_one_entry_with_all_mentions() -> None:
    body = ("Ook deel ik de stand van de motie Segers-Asscher.\n\n7. Uitbreiding AVIM vanuit middelen motie "
            "Segers-Asscher\n\nIn 2020 is de motie Segers en Asscher{9} ingediend. In 2023 zijn de laatste fte "
            "geworven, waarmee de motie Segers-Asscher is afgerond.")
    (m,) = motions_of(body, {9: "Kamerstuk 35 300, nr. 25"})
    assert (m.submitters, m.kamerstuk, m.status) == (["Segers", "Asscher"], "35300-25", "uitgevoerd")
    assert len(m.mentions) == 4


def test_distinct_motions_stay_apart() -> None:
    body = ("de motie van de leden Kuik en Bikker over klanten. De motie van de leden Bikker en Mutluer{4} is "
            "aangenomen. De motie van de leden Mutluer, Bikker, Kuik en Podt{5} verzoekt de regering.")
    motions = motions_of(body, {4: "Kamerstukken II 2023/24, 28 638, nr. 229.", 5: "Kamerstuk 28 638, nr. 224"})
    assert [(m.submitters, m.kamerstuk) for m in motions] == [
        (["Kuik", "Bikker"], None),
        (["Bikker", "Mutluer"], "28638-229"),
        (["Mutluer", "Bikker", "Kuik", "Podt"], "28638-224"),
    ]


def test_same_submitters_different_ids_are_two_motions() -> None:
    body = ("De motie van het lid Kuik (Kamerstuk 28 638, nr. 200) en de motie van het lid Kuik "
            "(Kamerstuk 28 638, nr. 210) zijn aangenomen.")
    assert [m.kamerstuk for m in motions_of(body)] == ["28638-200", "28638-210"]


def test_co_signed_mention_merges_with_full_list() -> None:
    body = "De motie Kuik c.s. is aangenomen. Het gaat om de motie van de leden Kuik en Palland over klanten."
    (m,) = motions_of(body)
    assert m.submitters == ["Kuik", "Palland"]


def test_numbered_and_named_mentions_of_one_motion_merge() -> None:
    body = ("De motie van het lid Van der Graaf (Kamerstuk 35 570 VI, nr. 64) vraagt een verkenning. "
            "Met deze brief voer ik de motie (Kamerstuk 35 570 VI, nr. 64) uit.")
    (m,) = motions_of(body)
    assert (m.submitters, m.kamerstuk, len(m.mentions)) == (["Van der Graaf"], "35570-VI-64", 2)


def test_sentence_bounds_skip_abbreviations() -> None:
    text = "De motie van het lid Kuik c.s. waarin o.a. nr. 5 staat. Tweede zin."
    bounds = sentence_bounds(text)
    assert sentence_of(bounds, 10) == (0, text.index(" Tweede"))


def test_spacy_component_uses_kamerstukken_and_footnotes() -> None:
    text, footnotes = letter("Zo is de motie van Bikker en Verkuilen{3} ingediend.",
                             {3: "Kamerstukken II 2023/24, 28 638, nr.231"})
    nlp = add_components(spacy.blank("nl"), until="mh_motions")
    doc = nlp.make_doc(text)
    doc._.footnotes = footnotes
    doc = nlp(doc)
    assert [(m.submitters, m.kamerstuk) for m in doc._.motions] == [(["Bikker", "Verkuilen"], "28638-231")]
    assert [s.label_ for s in doc.spans["motions"]] == ["Bikker/Verkuilen"]


def test_a_list_of_motions_each_with_its_own_citation_gives_one_motion_per_item() -> None:
    text = ("Deze brief gaat ook in op de moties Keijzer (Kamerstuk 33 750 XVII, nr. 34), Van Laar (Kamerstuk "
            "33 750 XVII, nr. 14) en Van Oijk/Sjoerdsma (Kamerstuk 33 750 XVII, nr. 13).")
    found = find_motions(text, find_kamerstukken(text))
    assert [(m.submitters, m.kamerstuk) for m in found] == [
        (["Keijzer"], "33750-XVII-34"), (["Van Laar"], "33750-XVII-14"), (["Van Oijk", "Sjoerdsma"], "33750-XVII-13")]


def test_a_plural_list_without_citations_is_one_motion_per_name() -> None:
    """`de moties van Leijten (SP) en Van der Veen (PvdA)` (b06), `de moties van de leden Welzijn, Kouwenhoven en
    Van Eijk` (b07): both golds read a plural before names as one motion each; joint names (`/`) stay one."""
    text = "De moties Kuik en Bikker zijn aangenomen."
    assert [m.submitters for m in find_motions(text, find_kamerstukken(text))] == [["Kuik"], ["Bikker"]]


@pytest.mark.parametrize(("text", "submitters"), [
    ("de motie Segers-Asscher (Kamerstuk 28 638, nr. 1)", ["Segers", "Asscher"]),
    ("de motie Huijbregts-Schiedon (Kamerstuk 31 953, nr. 12)", ["Huijbregts-Schiedon"]),
    ("de motie Bakker-Smit (Kamerstuk 31 953, nr. 12)", ["Bakker-Smit"]),
])
def test_a_hyphenated_nickname_splits_only_into_known_members(text: str, submitters: list[str]) -> None:
    assert [m.submitters for m in find_motions(text, find_kamerstukken(text))] == [submitters]


@pytest.mark.parametrize(("text", "submitters"), [
    ("Daarbij zijn de motie Heijnen en de motie De Pater-van der Meer aangenomen.",
     [["Heijnen"], ["De Pater-van der Meer"]]),
    ("over de uitvoering van de motie van het lid Agnes Mulder c.s. over windparken", [["Agnes Mulder"]]),
])
def test_nicknamed_motions_of_known_surnames_and_a_first_name_before_a_surname(
        text: str, submitters: list[list[str]]) -> None:
    assert [m.submitters for m in find_motions(text, find_kamerstukken(text))] == submitters


@pytest.mark.parametrize("text", ["de motie Mensenhandel is besproken", "de motie Vreemdelingenwet"])
def test_a_capitalised_topic_after_motie_is_no_submitter(text: str) -> None:
    assert find_motions(text, find_kamerstukken(text)) == []


@pytest.mark.parametrize(("text", "submitters"), [
    ("Hierbij komen ook de moties van de leden Welzijn, Kouwenhoven en Van Eijk aan de orde.",
     [["Welzijn"], ["Kouwenhoven"], ["Van Eijk"]]),
    ("Naar aanleiding van de aanvaarde moties van Leijten (SP) en Van der Veen (PvdA) wijzig ik de wet.",
     [["Leijten"], ["Van der Veen"]]),
    ("In deze brief ga ik in op de moties van de Kamerleden Bikker en Omtzigt over de toeslagen.",
     [["Bikker"], ["Omtzigt"]]),
])
def test_plural_motions_of_several_members_are_one_motion_each(text: str, submitters: list[list[str]]) -> None:
    found = find_motions(text)
    assert [m.submitters for m in found] == submitters
    assert all(len(m.mentions) == 1 for m in found)


@pytest.mark.parametrize(("text", "submitters"), [
    ("De moties Bergkamp/Keijzer vragen om meer onderzoek.", [["Bergkamp", "Keijzer"]]),
    ("De motie van de leden Segers en Asscher vraagt om een plan.", [["Segers", "Asscher"]]),
    ("De moties van het lid Omtzigt c.s. zijn aangenomen.", [["Omtzigt"]]),
    ("De moties van het lid Bikker vragen om een plan.", [["Bikker"]]),
])
def test_joint_singular_or_single_member_motions_stay_one(text: str, submitters: list[list[str]]) -> None:
    assert [m.submitters for m in find_motions(text)] == submitters
