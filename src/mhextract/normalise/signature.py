"""The signature block: who signed the letter (`De Minister van X,` / `E. van der Burg`).

The one signatory finder, for metadata and for persons. A role line starts with `De`/`Het`
and a signing office (models/letterhead.json `signatory_roles`, any letter case:
`De MINISTER-PRESIDENT,`); it may wrap (`De Staatssecretaris van Sociale Zaken` /
`en Werkgelegenheid,`), hold a second office (`Minister van Algemene Zaken,`), follow the last
sentence of a paragraph it was glued to, and carry the name on the same line. The name may
be in parentheses (`(M. Rutte)`) and behind academic titles (`Mr.dr. J.P. Balkenende`),
which are not part of it.
"""

from __future__ import annotations

import re
from functools import cache

from mhextract.analysis.patterns import alternation
from mhextract.paths import load_json
from mhextract.record.model import Signatory

MAX_ROLE = 160  # characters of a role (`De Minister van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer`)

# `(?:^|(?<=[.!?»”)]\s))(?:De|Het|DE|HET)` written article first, where it stands checked behind it: a scan
# then stops only at a `D` or `H`, instead of trying both lookbehinds at every position.
_ARTICLE = "(?:" + "|".join(rf"(?:{a}|{a.upper()})(?:(?<=^{'.' * len(a)})|(?<=[.!?»”)]\s{'.' * len(a)}))"
                            for a in ("De", "Het")) + ")"


@cache
def _role_start() -> re.Pattern[str]:
    """`De Minister ...` at a paragraph start or after a finished sentence inside it."""
    offices = alternation(sorted(load_json("letterhead.json")["signatory_roles"], key=len, reverse=True))
    return re.compile(rf"{_ARTICLE}\s+(?i:{offices})(?![\w-])")




@cache
def _titles() -> re.Pattern[str]:
    """Academic titles in front of a name, glued or spaced (`Mr.dr.`, `dr.`, `Prof. mr.`), perhaps after a
    form of address (`Mevrouw dr.`, `De heer mr.`)."""
    titles = sorted({t for t in load_json("roles.json")["academic_titles"] for t in t.split()}, key=len, reverse=True)
    honorifics = alternation(load_json("roles.json")["honorifics"])  # `Mevrouw dr. G. ter Horst`
    return re.compile(rf"^(?:(?i:{honorifics})\s+)?(?:(?i:{alternation(titles)})\s*)*")


@cache
def _name() -> re.Pattern[str]:
    """Initials, a first name or both, then a surname of particles and capitalised parts (`Schultz van
    Haegen-Maas Geesteranus`, `van Veldhoven-van der Meer`)."""
    particles = alternation(load_json("roles.json")["particles"])
    part = r"[A-ZÀ-ÝĀ-ɏ][\w'’]+"  # `Şahin`
    joint = rf"(?:\s|-)(?:(?:{particles})\s)*"
    given = r"(?:(?:[A-ZÀ-Ý][a-zà-ÿ]+\s)?(?:[A-Z][a-z]?\.\s?){1,6}|[A-ZÀ-Ý][a-zà-ÿ]+\s)"  # `J.P.`, `Ronald H.A.`, `Zoë`
    return re.compile(rf"^{given}(?:(?:{particles})\s)*{part}(?:{joint}{part}){{0,3}}$")


def clean_name(text: str) -> str:
    """`(M. Rutte)` -> `M. Rutte`; `Mr.dr. J.P. Balkenende` -> `J.P. Balkenende`; `Mevrouw dr. G. ter Horst`
    -> `G. ter Horst`."""
    text = text.strip().strip("()").strip()
    return _titles().sub("", text).strip()


def is_name(text: str) -> bool:
    return bool(_name().match(text))


def _role_continues(text: str) -> bool:
    """A wrapped role's rest (`en Werkgelegenheid,`) or a second office (`Minister van Algemene Zaken,`)."""
    return len(text) <= MAX_ROLE and (text[:1].islower() or bool(_role_start().match(f"De {text}"))) \
        and not re.search(r"[.!?]\s", text)


def signed_lines(paragraphs: list[str]) -> list[Signatory]:
    """Role and name on one paragraph of their own (`De Minister van X, W. Koolmees`), wherever it stands:
    sites print the signer at the top or between the letter and its annex."""
    found = []
    for text in paragraphs:
        text = " ".join(text.split())
        if _role_start().match(text) and text.count(",") and len(text) <= MAX_ROLE + 60:
            found += signatories_in([text])
    return found


def signatories_in(paragraphs: list[str]) -> list[Signatory]:
    """Each signature block's role (one or more lines) with the name after it (same or next paragraph)."""
    paras = [" ".join(p.split()) for p in paragraphs]
    found: list[Signatory] = []
    i = 0
    while i < len(paras):
        starts = [m.start() for m in _role_start().finditer(paras[i])]
        if not starts:
            i += 1
            continue
        text = paras[i][starts[-1]:]
        j = i
        while "," not in text and j + 1 < len(paras) and _role_continues(paras[j + 1]):
            j += 1
            text = f"{text} {paras[j]}"
        role, _, rest = text.rpartition(",")
        while not rest.strip() and j + 1 < len(paras) and paras[j + 1].endswith(",") and _role_continues(paras[j + 1]):
            j += 1
            role = f"{role}, {paras[j].rstrip(',')}"
        name = clean_name(rest) if rest.strip() else (clean_name(paras[j + 1]) if j + 1 < len(paras) else "")
        if role and len(role) <= MAX_ROLE and name and is_name(name):
            found.append(Signatory(role=role.strip(), name=name))
        i = j + 1
    return found
