"""Site page metadata is letter metadata: tweedekamer.nl, openkamer, officielebekendmakingen, tkconv pages."""
# ruff: noqa: W293  (tweedekamer.nl pages hold whitespace-only lines; the samples keep them)

from __future__ import annotations

from pathlib import Path

import pytest

from mhextract.ingest import read_letter
from mhextract.ingest.web import looks_like_web_paste

_TK_PAGE = """Brief regering : Voortgang aanpak ondermijning in het havengebied
35 311 Ondermijning
Nr. 17 BRIEF VAN DE MINISTER VAN FINANCIËN
            
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 3 maart 2023
Met deze brief informeer ik u over de voortgang van de aanpak in de havens. In 2022
                  zijn 48 incidenten gemeld bij de Douane.
"""

_OPENKAMER_PAGE = """Kamerstuk 36200-IX-12

Reactie op het rapport van de Algemene Rekenkamer over de belastingdienst

Dossier: Vaststelling van de begrotingsstaten van het Ministerie van Financiën (IX) voor het jaar 2023

Gepubliceerd: 14 februari 2023
Indiener(s): Marnix van Rij (staatssecretaris financiën) (CDA)
Onderwerpen: belasting
Bron: https://zoek.officielebekendmakingen.nl/kst-36200-IX-12.html
ID: 36200-IX-12

Nr. 12 BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 14 februari 2023

Hierbij ontvangt u mijn reactie op het rapport van de Algemene Rekenkamer.
"""

_TKCONV_GLUED_PERSONS = """Stand van zaken rijbewijzen
Verkeersveiligheid
Brief regering
Nummer: 2023D01234, datum: 2023-05-02, bijgewerkt: 2023-06-01 10:00, versie: 2
Gerelateerde personen:- Eerste ondertekenaar: V.L.W.A. Heijnen, staatssecretaris van Infrastructuur en Waterstaat (CDA)
Onderdeel van zaak 2023Z07777:
- Indiener: V.L.W.A. Heijnen, staatssecretaris van Infrastructuur en Waterstaat
- Volgcommissie: vaste commissie voor Justitie en Veiligheid
- Voortouwcommissie: vaste commissie voor Infrastructuur en Waterstaat
- 2023-05-10 10:00: Procedures en brieven (Procedurevergadering), vaste commissie voor Infrastructuur en Waterstaat
Preview document (🔗 origineel)
29 398 Maatregelen verbetering verkeersveiligheid
Nr. 1050 BRIEF VAN DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT
Aan de Voorzitter van de Tweede Kamer der Staten-Generaal
Den Haag, 2 mei 2023
Hierbij informeer ik u over de stand van zaken.
"""


def _read(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return read_letter(path)


def test_tweedekamer_subject_line_alone_makes_a_web_page_and_is_the_subject(tmp_path: Path) -> None:
    raw = _read(tmp_path, _TK_PAGE)
    assert raw.format == "web"
    assert raw.hints["subject"] == "Voortgang aanpak ondermijning in het havengebied"
    body = [line.text for line in raw.lines if line.kind == "body"]
    assert not any(t.startswith("Brief regering") for t in body)


def test_openkamer_indiener_is_signatory_and_id_is_own_id(tmp_path: Path) -> None:
    raw = _read(tmp_path, _OPENKAMER_PAGE)
    assert raw.format == "web"
    assert raw.hints["kamerstukken_own"].split("\n")[0] == "36200-IX-12"
    assert raw.hints["subject"] == "Reactie op het rapport van de Algemene Rekenkamer over de belastingdienst"
    assert raw.hints["signatories"] == "De Staatssecretaris financiën|Marnix van Rij"
    texts = " ".join(line.text for line in raw.lines)
    assert "Gepubliceerd" not in texts and "Onderwerpen" not in texts


def test_tkconv_persons_glued_after_label_and_zaak_committees_agenda_kept(tmp_path: Path) -> None:
    raw = _read(tmp_path, _TKCONV_GLUED_PERSONS)
    assert raw.hints["signatories"].split("\n") == [
        "De Staatssecretaris van Infrastructuur en Waterstaat|V.L.W.A. Heijnen"]
    margin = [line.text for line in raw.lines if line.kind == "margin"]
    assert any(t.startswith("Onderdeel van zaak 2023Z07777") for t in margin)
    assert any("Volgcommissie: vaste commissie voor Justitie en Veiligheid" in t for t in margin)
    assert any(t.startswith("2023-05-10 10:00") for t in margin)
    assert not any("Indiener:" in t for t in margin)


@pytest.mark.parametrize("text", [
    # a letter that mentions the site words in its prose is no web page
    "Den Haag, 3 maart 2023\nIn de brief regering : zie bijlage.\nKamerstuk 28638-1 is verstuurd.\n",
    # a title line further down is no page title
    "Geachte voorzitter,\n\nTekst.\n\nMeer tekst.\n\nKamerstuk 36200-IX-12\n",
])
def test_near_misses_are_not_web_pages(text: str) -> None:
    assert not looks_like_web_paste(text)


def test_tweedekamer_signers_printed_after_the_letter_are_signatories(tmp_path: Path) -> None:
    page = (_TK_PAGE + "De Minister van Financiën,\nE. Heinen\nOndertekenaars\n-\nEerste ondertekenaar\n"
            "E. (Eelco) Heinen, minister van Financiën\nMede ondertekenaar\n"
            "F.M. Wiersma, staatssecretaris van Financiën (VVD)\n")
    raw = _read(tmp_path, page)
    assert raw.hints["signatories"].split("\n") == [
        "De Minister van Financiën|E. Heinen", "De Staatssecretaris van Financiën|F.M. Wiersma"]
    assert not any("ondertekenaar" in line.text for line in raw.lines)


def test_openkamer_lists_several_indieners(tmp_path: Path) -> None:
    page = _OPENKAMER_PAGE.replace(
        "Indiener(s): Marnix van Rij (staatssecretaris financiën) (CDA)",
        "Indiener(s): Maarten van Ooijen (staatssecretaris volksgezondheid, welzijn en sport) (CU), Kuipers , "
        "Conny Helder (minister zonder portefeuille volksgezondheid, welzijn en sport) (VVD)")
    names = [line.split("|")[1] for line in _read(tmp_path, page).hints["signatories"].split("\n")]
    assert names == ["Maarten van Ooijen", "Kuipers", "Conny Helder"]


def test_tkconv_dossier_line_with_a_roman_part_gives_the_own_id(tmp_path: Path) -> None:
    page = _TKCONV_GLUED_PERSONS.replace(
        "Onderdeel van zaak 2023Z07777:",
        "Onderdeel van kamerstukdossier 36800 XIII-15 Vaststelling van de begrotingsstaten (XIII) voor 2026.\n"
        "Onderdeel van zaak 2023Z07777:")
    raw = _read(tmp_path, page)
    assert "36800-XIII-15" in raw.hints["kamerstukken_own"].split("\n")


def test_oep_row_with_a_rijkswet_number_and_an_eerste_kamer_letter(tmp_path: Path) -> None:
    from mhextract import parse
    page = ("Kamerstuk\n| Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |\n"
            "|---|---|---|---|\n| Eerste Kamer der Staten-Generaal | 2020-2021 | 35106-(R2115) nr. H |\n"
            "Aan de Voorzitter van de Eerste Kamer der Staten-Generaal\nDen Haag, 18 december 2020\n"
            "Hierbij zend ik u een overzicht van de aanbevelingen van de Onderzoeksraad voor veiligheid.\n")
    path = tmp_path / "ek.txt"
    path.write_text(page, encoding="utf-8")
    record = parse(path)
    assert record.metadata.kamerstuk == "35106-H"
    assert "rijkswet:R2115" in {f"{r.kind}:{r.id}" for r in record.references}


def test_eu_council_dossier_with_a_numeric_part_opens_the_letter_and_gives_the_own_id(tmp_path: Path) -> None:
    from mhextract import parse
    for page, own in [
        ("21 501-20 Europese Raad\n\nNr. 1308 BRIEF VAN DE MINISTER VAN FINANCIËN\n\nAan de Voorzitter van de Tweede "
         "Kamer der Staten-Generaal\n\nDen Haag, 6 maart 2018\n\nHierbij zend ik u een non-paper over de EMU.\n",
         "21501-20-1308"),
        (_TKCONV_GLUED_PERSONS.replace("Onderdeel van zaak 2023Z07777:", "Onderdeel van kamerstukdossier 21501 32-1691 "
                                       "Landbouw- en Visserijraad.\nOnderdeel van zaak 2023Z07777:"), "21501-32-1691"),
    ]:
        path = tmp_path / "page.txt"
        path.write_text(page, encoding="utf-8")
        assert parse(path).metadata.kamerstuk == own


def test_a_citation_below_the_header_stays_in_the_letter_text(tmp_path: Path) -> None:
    from mhextract import parse
    page = ("Brief regering : Reactie op verzoek commissie\n35 830 XV Jaarverslag en slotwet SZW 2020\n"
            "Nr. 11 BRIEF VAN DE MINISTER VAN SOCIALE ZAKEN EN WERKGELEGENHEID\n"
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 2 juli 2021\n"
            "Hierbij zend ik u de antwoorden op de vragen over het jaarverslag SZW 2020 (Kamerstuk\n"
            "35 830 XV, nr. 1), gesteld door de leden van de vaste commissie voor Sociale Zaken.\n")
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    record = parse(path)
    assert record.metadata.kamerstuk == "35830-XV-11"
    assert "35830-XV-1" in {k.id for k in record.kamerstukken}
    body = [line.text for line in read_letter(path).lines if line.kind != "margin"]
    assert any(t.startswith("Hierbij zend ik u") for t in body)


def test_a_signature_under_another_surname_joins_the_site_signatory(tmp_path: Path) -> None:
    from mhextract import parse
    text = (_OPENKAMER_PAGE + "\nDe Staatssecretaris van Financiën,\n\nM.L.A. van Rij-de Groot\n")
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    assert [s.name for s in parse(path).metadata.signatories] == ["Marnix van Rij", "M.L.A. van Rij-de Groot"]
    same = tmp_path / "same.txt"
    same.write_text(_OPENKAMER_PAGE + "\nDe Staatssecretaris van Financiën,\n\nM.L.A. van Rij\n", encoding="utf-8")
    assert [s.name for s in parse(same).metadata.signatories] == ["Marnix van Rij"]


def test_oep_row_of_a_numbered_eu_dossier_and_a_dossier_titled_by_an_acronym(tmp_path: Path) -> None:
    from mhextract import parse
    for page, own in [  # b10: `21501-33 nr. 1079` in the OEP row; `32 317 JBZ-Raad` opening a tk page's letter
        ("Kamerstuk\n| Datum publicatie | Organisatie | Vergaderjaar | Dossier- en ondernummer |\n|---|---|---|---|\n"
         "| Tweede Kamer der Staten-Generaal | 2023-2024 | 21501-33 nr. 1079 |\n"
         "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\nDen Haag, 11 juni 2024\n"
         "Hierbij bieden wij u het verslag aan van de formele Telecomraad van 21 mei 2024 in Brussel.\n",
         "21501-33-1079"),
        ("Brief regering : Geannoteerde agenda informele JBZ-Raad 22-23 juli 2025\n32 317 JBZ-Raad\nNr. 967\n"
         "BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID\nAan de Voorzitter van de Tweede Kamer der Staten-Generaal\n"
         "Den Haag, 10 juli 2025\nHierbij bieden wij uw Kamer de geannoteerde agenda aan van de informele JBZ-Raad.\n",
         "32317-967"),
    ]:
        path = tmp_path / "page.txt"
        path.write_text(page, encoding="utf-8")
        assert parse(path).metadata.kamerstuk == own
