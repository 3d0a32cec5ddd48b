"""Ministers and state secretaries named with their portfolio and initials: `De minister van Buitenlandse
Zaken, M. J. M. Verhagen`, `mede namens de staatssecretarissen van Onderwijs, Cultuur en Wetenschap J.M. van
Bijsterveldt-Vliegenthart en S.A.M. Dijksma`.

The signature parser (normalise.signature) reads a signature block laid out on its own lines; this finder
reads the same phrase where a transcription ran the block into one line, and the `mede namens` phrase
that names the co-signing members of government. The portfolio must be one the gazetteer's ministries
name (their names, aliases and posts), and the name must start with initials: a capitalised word after a
portfolio is mostly the next sentence or a body, initials are a person. The titles (plural to singular)
and their prepositions are data: models/roles.json `post_titles`, `post_prepositions`.
"""

from __future__ import annotations

import re
from functools import cache

from mhextract.analysis.patterns import alternation
from mhextract.extract.person_resolve import PersonMention
from mhextract.extract.person_titles import _and, portfolios, roles, title_matches


@cache
def post_re() -> re.Pattern[str]:
    """A title, `van`/`voor`, a known portfolio, perhaps a comma, then names with initials joined by `,`/`en`."""
    titles = alternation(roles()["post_titles"])
    prepositions = alternation(roles()["post_prepositions"])
    known = alternation(portfolios(), spaces=True)
    name = _name_re()
    academic = alternation(roles()["academic_titles"])  # `Drs. M.J.M. Verhagen`: the title is not the name
    return re.compile(
        rf"(?<![\w-])(?P<title>(?i:{titles}))\s+(?P<prep>(?i:{prepositions}))\s+(?P<portfolio>(?i:{known}))(?![\w-]),?\s+"
        rf"(?:(?i:{academic})\s*)*(?P<names>{name}(?:\s*,\s*{name})*(?:\s+{_and()}\s+{name})?)"
    )


@cache
def _name_re() -> str:
    """Initials (`M. J. M.`, `A.Th.B.`), particles and a surname of up to four parts: joined by a hyphen
    (`Bijleveld-Schouten`, `Veldhoven-van der Meer`), by particles (`Schultz van Haegen`), or by a space where
    the last part ends its line (`Maas Geesteranus` closing a signature); never a capitalised word that goes on
    (`Verhagen De minister`, `Middelkoop Achtergrondschets en ...`)."""
    particles = alternation(roles()["particles"])
    academic = alternation({t for title in roles()["academic_titles"] for t in title.split()})
    initial = rf"(?!(?i:{academic}))[A-Z][a-z]{{0,2}}\."  # `Th.` is an initial, `Mr.` a title
    part = r"[A-ZÀ-ÝĀ-ɏ][\w'’]*[a-zà-ÿĀ-ɏ][\w'’]*"
    joint = rf"(?:-[ \t]?(?:(?:{particles})[ \t]+)*|[ \t]+(?:(?:{particles})[ \t]+)+|[ \t]+(?={part}[ \t]*(?:\n|$)))"
    return rf"(?:{initial}[ \t]?){{1,6}}[ \t]*(?:(?:{particles})[ \t]+)*{part}(?:{joint}{part}){{0,3}}(?![\w-])"


def find_post_mentions(text: str) -> list[PersonMention]:
    """Each person named with initials after a minister's or state secretary's title and portfolio; the role
    is the singular title and the portfolio as written (`staatssecretaris van Onderwijs, Cultuur en Wetenschap`)."""
    found: list[PersonMention] = []
    singular = roles()["post_titles"]
    for m in title_matches(text)["post"]:  # found in the one pass over the words of person_titles
        title = singular[" ".join(m.group("title").lower().split())]
        role = f"{title} {m.group('prep').lower()} {' '.join(m.group('portfolio').split())}"
        for n in re.finditer(_name_re(), m.group("names")):
            start = m.start("names") + n.start()
            found.append(PersonMention(start, start + len(n.group(0)), " ".join(n.group(0).split()), role,
                                       "government"))
    return found
