"""Letter metadata from the letterhead fields and the text: date, subject, reference, signatories.

The margin column (`Datum`, `Onderwerp`, `Ons kenmerk`) is preferred; letters
without one (text dumps, Kamerstuk prints) fall back to `Den Haag, <date>`, the
Kamerstuk header (`28 638 Mensenhandel` ... `Nr. 183 BRIEF VAN ...`) and the
signature block at the end (`De Staatssecretaris van ...,` / `E. van der Burg`).
"""

from __future__ import annotations

import re

from mhextract.datetext import iso_date
from mhextract.ingest.kst_header import parse_kst_header
from mhextract.normalise.inline_labels import inline_fields
from mhextract.normalise.letter import Letter
from mhextract.normalise.segment import page_title
from mhextract.normalise.signature import signatories_in, signed_lines
from mhextract.paths import data_pattern, load_json
from mhextract.record.model import Metadata, Signatory


def _re(key: str) -> re.Pattern[str]:
    """A metadata pattern of letterhead.json (`place_date`, `address_tail`, `ministry_of_role`)."""
    return data_pattern("letterhead.json", "metadata", key)


def _labels(field: str) -> list[str]:
    labels: list[str] = load_json("letterhead.json")["fields"][field]
    return labels


def _key(field: str) -> str:
    return str(load_json("letterhead.json")["fields"][field])


def extract_metadata(letter: Letter) -> Metadata:
    """All metadata the letter states; fields it does not state stay None."""
    head = {**inline_fields(letter), **letter.letterhead}  # a margin column wins over a flattened letterhead
    signatories = find_signatories(letter)
    found = Metadata(
        date=_letter_date(letter),
        subject=_subject(_first(head, *_labels("subject"))) or _site_title_subject(letter) or page_title(letter),
        reference=_reference(head),
        addressee=_addressee(head),
        sender=_sender(head, signatories),
        kamerstuk=_own_kamerstuk(letter),
        signatories=signatories,
    )
    return apply_hints(found, letter.hints)


def apply_hints(found: Metadata, hints: dict[str, str]) -> Metadata:
    """Metadata the source states outright (OEP metadata.xml, DOCX properties) wins over the text."""
    update: dict[str, object] = {
        key: value for key, value in hints.items() if key in Metadata.model_fields and key != "signatories" and value
    }
    if hints.get("signatories"):
        pairs = [line.split("|", 1) for line in hints["signatories"].splitlines() if "|" in line]
        stated = [Signatory(role=r.strip(), name=n.strip()) for r, n in pairs]
        # the signature block names someone else, or the same person by another surname (a married name:
        # `Tineke Huizinga` on the site, `J. C. Huizinga-Heringa` under the letter): both signed
        surnames = {_surname(s.name) for s in stated}
        update["signatories"] = [*stated, *(s for s in found.signatories if _surname(s.name) not in surnames)]
    return found.model_copy(update=update)


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""


def _first(head: dict[str, list[str]], *labels: str) -> str | None:
    for label in labels:
        if head.get(label):
            return head[label][0]
    return None


MAX_SUBJECT = 250
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ])(?=[A-Z][a-zà-ÿ]+\s)")


def _subject(value: str | None) -> str | None:
    """A subject that runs on into the body where a page lost a line break (`... van AmerikaIn de nacht
    van 5 op 6 oktober ...`) ends at the glued sentence start."""
    if value is None or len(value) <= MAX_SUBJECT:
        return value
    m = _GLUED_SENTENCE.search(value)
    return value[: m.start()] if m else value


PLACE_DATE_SCAN = 1500


def _site_title_subject(letter: Letter) -> str | None:
    """A parliament archive page's title line `Brief regering; <subject> - <dossier title>` (the
    parlementairemonitor / eumonitor form), where the letter states no subject itself; cut where the page's
    `Officiële titel` says the dossier title begins when it has one."""
    if official := _official_title_subject(letter):
        return official
    for p in letter.paragraphs[:2]:
        if m := _re("site_title_subject").match(letter.text[p.start:p.end]):
            return m.group("subject").strip()
    return None


SITE_CHROME_SCAN = 8  # paragraphs of an archive page's chrome (`Kerngegevens`, `Officiële titel ...`)


def _official_title_subject(letter: Letter) -> str | None:
    """The title line `<subject> - <dossier title>` of an archive page whose `Officiële titel <dossier title>;
    <subject>` line names the same dossier title: the subject is the title line without it (`Brief minister
    over het toekomstdebat ...`, `Brief van de minister van BZK over ... - eerste kwartaal 2024`)."""
    if not letter.paragraphs:
        return None
    first = letter.paragraphs[0]
    title = letter.text[first.start:first.end].strip()
    for p in letter.paragraphs[1:SITE_CHROME_SCAN]:
        m = _re("site_official_title").match(letter.text[p.start:p.end])
        if not m:
            continue
        tail = f" - {m.group('dossier').strip()}"
        subject = title[: -len(tail)] if title.endswith(tail) else ""
        subject = _re("site_subject_kind").sub("", subject).strip()
        return subject or None
    return None


def _letter_date(letter: Letter) -> str | None:
    inline = inline_fields(letter)
    for value in (v for head in (letter.letterhead, inline) for label in _labels("date") for v in head.get(label, [])):
        iso = iso_date(value)
        if iso:
            return iso
    # `Den Haag, <date>` on its own line or run into the addressee line, in the letterhead or the body's top
    # (below a site's chrome: the first PLACE_DATE_SCAN characters)
    head = [*letter.letterhead.get(_key("other"), []), *letter.letterhead.get(_key("addressee"), [])]
    for text in [*head, letter.body[:PLACE_DATE_SCAN]]:
        m = _re("place_date").search(text)
        if m:  # `31oktober 2011`: a day glued to its month in the source
            return iso_date(re.sub(r"^(\d{1,2})(?=[^\W\d_])", r"\1 ", m.group(1)))
    return None


def _reference(head: dict[str, list[str]]) -> str | None:
    ref = _first(head, *_labels("reference"))
    if ref and re.fullmatch(r"[\d ]+", ref):
        return ref.replace(" ", "")  # PDF spacing artefact: `4 2 83675`
    return ref


def _addressee(head: dict[str, list[str]]) -> str | None:
    value = _first(head, _key("addressee"))
    return _re("address_tail").sub("", value).strip() if value else None


def _sender(head: dict[str, list[str]], signatories: list[Signatory]) -> str | None:
    value = _first(head, _key("sender"))
    if value:
        return value
    for sig in signatories:
        # `Minister van X` heads the Ministerie van X; `Minister voor X` has no ministry of that name.
        m = _re("ministry_of_role").match(sig.role)
        if m:
            return str(load_json("letterhead.json")["metadata"]["ministry"]).format(m.group(1))
    return None


def _own_kamerstuk(letter: Letter) -> str | None:
    """The letter's own id: the first of `own_kamerstukken`."""
    ids = own_kamerstukken(letter)
    return ids[0] if ids else None


def own_kamerstukken(letter: Letter) -> list[str]:
    """The letter's own ids, one per dossier: stated by the source (site, OEP metadata) or its header."""
    stated = [i for i in letter.hints.get("kamerstukken_own", "").split("\n") if i]
    if stated:
        return stated
    lines = [*letter.letterhead.get(_key("other"), []), *letter.body[:1200].split("\n\n")[:10]]
    lines = [line for block in lines for line in block.split("\n")]
    header = parse_kst_header(lines)
    return header.ids() if header else []


def find_signatories(letter: Letter) -> list[Signatory]:
    """The signature block in the last paragraphs of the body, and a signer line (role and name) anywhere."""
    texts = [letter.text[p.start:p.end] for p in letter.paragraphs]
    found = signatories_in(texts[-14:])
    names = {s.name for s in found}
    return found + [s for s in signed_lines(texts[:-14]) if s.name not in names]
