"""The letter the producer fixtures render (tests/make_producer_pdfs.py) and what a reader must get back from it.

Text conventions: `[^N]` is a footnote marker glued to the word before it; U+00AD is a
soft hyphen where a producer may break a word at a line end. `expected()` gives the
body text, footnotes, metadata and marked words every fixture must yield.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SHY = "\u00ad"
MARKER = re.compile(r"\[\^(\d+)\]")


@dataclass(frozen=True)
class Para:
    """A body paragraph, or a bold section heading."""

    text: str
    heading: bool = False


RETOURADRES = "Retouradres Postbus 20011 2500 EA Den Haag"
ADDRESSEE = ("Aan de Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018", "2500 EA DEN HAAG")
DATE = "12 maart 2024"
DATE_ISO = "2024-03-12"
REFERENCE = "5123456"
SUBJECT = (
    f"Voortgang van de natio{SHY}nale aanpak van mensen{SHY}handel, arbeids{SHY}uitbuiting en "
    f"criminele uit{SHY}buiting in de regio"
)
MARGIN = (
    ("Directoraat-Generaal Migratie", True),
    ("Directie Migratiebeleid", False),
    ("", False),
    ("Turfmarkt 147", False),
    ("2511 DP Den Haag", False),
    ("www.rijksoverheid.nl/jenv", False),
    ("", False),
    ("Ons kenmerk", True),
    (REFERENCE, False),
    ("", False),
    ("Bij beantwoording de datum", False),
    ("en ons kenmerk vermelden.", False),
)
PARAGRAPHS = (
    Para(
        "Met deze brief informeer ik uw Kamer over de voortgang van de aanpak van mensenhandel, zoals "
        "toegezegd in de voortgangsbrief[^1] van vorig jaar. Het rap\u00adport Lo\u00adkale Hand\u00adha\u00adving "
        "laat zien dat gemeenten steeds vaker signalen van uitbuiting herkennen en doorgeven aan de politie."
    ),
    Para("1. Arbeidsmigranten", heading=True),
    Para(
        "Arbeidsmi\u00adgranten uit Midden- en Oost-Europa werken vaak via uitzend\u00adbureaus die ook de "
        "huisvesting en het vervoer regelen. De Inspectie SZW heeft daarover[^2] in 2023 een onder\u00adzoek "
        "gedaan bij ruim tweehonderd werkgevers. In een op de vijf gevallen werden misstanden "
        "aangetroffen, variërend van te lage lonen tot onveilige woon\u00adomstandigheden en het "
        "innemen van identiteits\u00adbewijzen door de werkgever."
    ),
    Para(
        "Het kabinet werkt daarom aan een verplichte certificering van uitzendbureaus. Het wets\u00advoorstel "
        "ligt sinds januari bij de Raad van State.[^3] Daarnaast krijgen gemeenten meer ruimte om "
        "kamer\u00adverhuur aan arbeidsmigranten te controleren, zodat de afhankelijkheid van de "
        "werkgever kleiner wordt."
    ),
    Para("2. Slachtoffers", heading=True),
    Para(
        "Het aantal gemelde slachtoffers bij CoMensha steeg in 2023 tot 1.287. De Nationaal Rapporteur "
        "wijst erop dat veel slachtoffers niet in beeld komen, omdat zij zich niet als slachtoffer zien "
        "of de gevolgen van een melding vrezen. Voor hen blijft laag\u00addrempelige opvang nodig, ook "
        "buiten de grote steden. Ik heb uw Kamer eerder toegezegd de financiering daarvan te "
        "bestendigen[^4] en zal dat in het voorjaar uitwerken."
    ),
    Para(
        "Tot slot ga ik in op de motie van de leden Kuik en Ceder over de rol van de arbeidsinspectie. "
        "Die motie is uitgevoerd: de inspectie heeft tien extra rechercheurs aangesteld voor de aanpak "
        "van arbeidsuitbuiting en deelt haar bevindingen voortaan met de gemeenten in de regio."
    ),
)
SIGNATURE = ("De Minister van Justitie en Veiligheid,", "D. Yeşilgöz-Zegerius")
FOOTNOTES = {
    1: "Kamerstukken II 2022/23, 28 638, nr. 211.",
    2: "Inspectie SZW, Arbeidsuitbuiting bij uitzendbureaus, 2023.",
    3: "Kamerstukken II 2023/24, 36 446, nr. 2.",
    4: (
        "Toezegging nr. TZ202311-042, gedaan tijdens het commissiedebat van 8 november 2023 over "
        "mensenhandel en prostitutie, waarin ook de opvang buiten de grote steden aan de orde kwam."
    ),
}


def plain(text: str) -> str:
    """Text as a reader should give it: markers out, soft hyphens gone."""
    return MARKER.sub("", text).replace(SHY, "")


def marked_words() -> dict[int, str]:
    """Footnote number -> the word its marker is glued to."""
    out = {}
    for p in PARAGRAPHS:
        for m in MARKER.finditer(p.text):
            out[int(m.group(1))] = re.findall(r"[\w.]+$", plain(p.text[: m.start()]))[0]
    return out


def expected() -> dict[str, object]:
    """What a reader must give back for every producer's rendering of this letter."""
    return {
        "body": "\n\n".join([*(plain(p.text) for p in PARAGRAPHS), "\n".join(SIGNATURE)]),
        "footnotes": {str(k): v for k, v in FOOTNOTES.items()},
        "marked": {str(k): v for k, v in marked_words().items()},
        "date": DATE_ISO,
        "reference": REFERENCE,
        "subject": plain(SUBJECT),
    }
