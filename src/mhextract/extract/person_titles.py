"""Persons named after a title or a role: Kamerleden, ministers and state secretaries, rapporteurs,
officials, academics, leaders of a body, and bare surnames after an honorific.

Each `find_*` pass returns `PersonMention`s with offsets (`persons` runs them and resolves):
  find_member_mentions `het lid X`, `de leden X, Y en Z`, `Kamerlid X`
  find_government_mentions  `minister Yeşilgöz`, `staatssecretaris Van der Burg`
  find_rapporteur_mentions  `de Nationaal Rapporteur, Conny Rijken`
  find_official_mentions    `inspecteur-generaal H.J. Kooistra`, `burgemeester A. Aboutaleb`
  find_academic_mentions    `Prof. Mr. Dr. S. Zouridis`
  find_leader_mentions      `het Aanjaagteam Bescherming Arbeidsmigranten onder leiding van Roemer`
  find_titled_mentions      `de heer Cohen`, `gouverneur Boekhoudt`
Titles, particles and the other words: models/roles.json. A name never ends in digits: a glued
footnote marker (`het lid Agema1`) is not part of it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from mhextract.analysis.patterns import alternation, finditer_not_after, scan
from mhextract.analysis.shared_words import LETTER_TEXT
from mhextract.analysis.word_starts import WordStartScanner
from mhextract.extract.organisations.known import alias_table, gazetteer
from mhextract.extract.organisations.names import norm
from mhextract.extract.person_resolve import PersonMention
from mhextract.paths import load_json

_NAME_CHAR = r"(?:[^\W\d_]|['’])"  # a letter or apostrophe, never a digit (`Agema1`: glued footnote marker)


@cache
def roles() -> dict[str, Any]:
    """models/roles.json."""
    data: dict[str, Any] = load_json("roles.json")
    return data


@cache
def _and() -> str:
    """The conjunction before the last of several names (models/roles.json `list_conjunctions`)."""
    return f"(?:{alternation(roles()['list_conjunctions'])})"


@cache
def _given_name() -> str:
    """An optional given name before a surname: a capitalised word before another or a particle."""
    particles = alternation(roles()["given_name_particles"])
    return rf"(?:[A-Z][a-zà-ÿ]+\s+(?=[A-Z]|(?:{particles})\s))?"


@cache
def _surname_re() -> str:
    """A surname with optional initials and particles: `Kuik`, `Van der Graaf`, `E. van der Burg`."""
    particles = alternation({p for w in roles()["particles"] for p in (w, w[:1].upper() + w[1:])})
    word = rf"[A-Z]{_NAME_CHAR}*[a-zà-ÿ]{_NAME_CHAR}*(?:-[A-Z]{_NAME_CHAR}+)*(?!{_NAME_CHAR})"
    return rf"(?:(?:[A-Z]\.\s?){{1,5}}\s*)?(?:(?:{particles})\s+){{0,3}}{word}"


@cache
def _member_re() -> re.Pattern[str]:
    party = r"(?:\s*\([^()\n]{1,30}\))?"  # `Kuik (CDA)`
    marker = r"(?:\d{1,2}(?![\d\w]))?"  # a glued footnote marker: `Kuik2 en Bikker3`
    name = _surname_re() + marker + party
    phrases = alternation(roles()["members"])
    return re.compile(
        rf"(?<![\w])(?P<phrase>(?i:{phrases}))\s+(?P<names>{name}(?:\s*,\s*{name})*(?:\s+{_and()}\s+{name})?)"
    )


@cache
def _government_re() -> re.Pattern[str]:
    titles = alternation(roles()["government"])
    given = _given_name()  # `minister Dilan Yeşilgöz`
    return re.compile(rf"(?<![\w-])(?P<title>(?i:{titles}))\s+(?P<name>{given}{_surname_re()})")


@cache
def _rapporteur_re() -> re.Pattern[str]:
    """The title, then the name; a match must not follow a word character (see `find_rapporteur_mentions`)."""
    titles = alternation(roles()["rapporteurs"])
    first = r"[A-Z][a-zà-ÿ]+"
    return re.compile(rf"(?:{titles})(?:[^,.()\n]{{0,80}}?)?,?\s+(?P<name>{first}\s+{_surname_re()})")


_WORD_CHAR = re.compile(r"\w")


@cache
def _not_names() -> frozenset[str]:
    """Words that end a title, not a name (`minister van Justitie`), incl. ministry short forms."""
    words = set(roles()["not_names"])
    for entry in gazetteer():
        if entry.kind == "ministry":
            for name in entry.names:
                words.update(re.findall(r"[\w&]+", name))
    return frozenset(w for w in words if w[:1].isupper())


def _case_sensitive_names(match_text: str) -> bool:
    """The regexes run case-insensitively for the titles; names must still be capitalised."""
    last = match_text.split()[-1]
    return last[:1].isupper()


def standalone(name: str) -> str:
    """A surname without initials starts with a capital, also its particle (`van Dijk` -> `Van Dijk`)."""
    name = " ".join(name.split())
    if re.match(r"^(?:[A-Z]\.\s?)+", name):
        return name
    return name[:1].upper() + name[1:]


def _split_names(names: str) -> list[tuple[int, str]]:
    """`Kuik, Bikker en Verkuijlen` -> [(offset, name), ...] within the matched names text."""
    out: list[tuple[int, str]] = []
    names = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), names)  # party labels, offsets kept
    for m in re.finditer(rf"{_surname_re()}", names):
        out.append((m.start(), m.group(0)))
    return out


def _usable(name: str) -> bool:
    """Not a title word: `van Justitie`, `Tweede`, `De`."""
    words = name.replace(".", ". ").split()
    last = words[-1]
    return last not in _not_names() and last[:1].isupper()


@lru_cache(maxsize=2)  # the finders below ask for the same letter's matches in turn
def _title_matches(text: str) -> dict[str, list[re.Match[str]]]:
    """The matches of the titled-name patterns in `text`, from one pass over its words (`finditer`'s matches)."""
    return _title_scanner().scan(text)


def title_matches(text: str) -> dict[str, list[re.Match[str]]]:
    """`_title_matches`: the shared pass's matches per pattern (`post` is person_posts' pattern)."""
    return _title_matches(text)


@cache
def _title_scanner() -> WordStartScanner:
    from mhextract.extract.person_posts import post_re  # person_posts builds on this module's name parts

    return WordStartScanner({"member": _member_re(), "government": _government_re(), "official": _official_re(),
                             "academic": _academic_re(), "titled": _titled_re(), "post": post_re()},
                            lookahead=True, shared=LETTER_TEXT)


@cache
def _titled_re() -> re.Pattern[str]:
    """An honorific or a title, then one or more names joined by `,`/`en` (`de rapporteurs De Kort en Kat`)."""
    titles = alternation([*roles()["honorifics"], *roles()["titled_surnames"]])
    academic = alternation(roles()["academic_titles"])
    name = _surname_re()
    return re.compile(rf"(?<![\w-])(?P<title>(?i:{titles}))[ \t]+(?:(?i:{academic})[ \t]*)*"
                      rf"(?P<names>{name}(?:\s*,\s*{name})*(?:\s+{_and()}\s+{name})?)")


def find_titled_mentions(text: str) -> list[PersonMention]:
    """`de heer Cohen`, `gouverneur Boekhoudt`, `de rapporteurs De Kort en Kat`: a bare surname after an
    honorific (no role) or a title (the role). Not a portfolio, organisation or run into more capitals."""
    found: list[PersonMention] = []
    honorifics = {h.lower() for h in roles()["honorifics"]}
    for m in _title_matches(text)["titled"]:
        title = " ".join(m.group("title").lower().split())
        role = None if title in honorifics else title.removesuffix("s") if title.endswith("rs") else title
        for offset, name in _split_names(m.group("names")):
            start = m.start("names") + offset
            end = _second_surname_end(text, start + len(name))
            name = text[start:end]
            particle = role is None and name.split()[0] in roles()["particles"]  # `de heer van Haersma Buma`
            if not _usable(name) or not (name[:1].isupper() or particle or re.match(r"(?:[A-Z]\.\s?)+", name)):
                continue
            if _looks_like_organisation(name, text[end:end + 3]):
                continue
            found.append(PersonMention(start, end, standalone(name), role, "official"))
    return found


_SECOND_SURNAME = re.compile(
    rf"[ \t]+[A-Z][a-zà-ÿ]+(?!{_NAME_CHAR}|-)(?=[ \t]+[a-zà-ÿ]|[ \t]*[,;:)]|[ \t]+[–—-][ \t]|[ \t]*\.(?:\s|$)|[ \t]*\n)"
)


def _second_surname_end(text: str, end: int) -> int:
    """Where a surname of two capitalised words ends (`Rinnooy Kan`, `Hirsch Ballin`, `Van Haersma Buma`):
    one more capitalised word on the same line, followed by a lowercase word, punctuation, a dash or the line's end
    (never by another capital or the end of the text: a cut page), that is neither a title or office word
    (`minister Bruins Justitie`, `Keijzer Staatssecretaris`) nor an organisation or place word; else `end`."""
    m = _SECOND_SURNAME.match(text, end)
    if m is None:
        return end
    word = m.group(0).strip()
    office = word.lower() in roles()["government"] or word.lower() in roles()["offices"]
    if office or word in _not_names() or word.lower() in _organisation_words() or norm(word) in alias_table():
        return end
    return m.end()


def find_member_mentions(text: str) -> list[PersonMention]:
    """Kamerleden introduced as `het lid X`, `de leden X, Y en Z`, `Kamerlid X`."""
    found: list[PersonMention] = []
    ek_words = roles()["eerste_kamer"]
    for m in _title_matches(text)["member"]:
        names = m.group("names")
        after = re.sub(r"^[^(]*", "", names) + text[m.end("names"):m.end("names") + 30]  # `(Eerste Kamer)`
        eerste = roles()["eerste_kamer_word"] in m.group("phrase").lower() or any(
            re.search(rf"\b{re.escape(w)}\b", after) for w in ek_words if len(w) > 2
        )
        role = roles()["eerste_kamer_role"] if eerste else roles()["member_role"]
        for offset, name in _split_names(names):
            start = m.start("names") + offset
            if _usable(name):
                found.append(PersonMention(start, start + len(name), standalone(name), role, "member"))
    return found


def find_government_mentions(text: str) -> list[PersonMention]:
    """Ministers and state secretaries named by surname: `minister Yeşilgöz`."""
    found: list[PersonMention] = []
    for m in _title_matches(text)["government"]:
        name = m.group("name")
        if not all(_usable(w) for w in name.split() if w[:1].isupper()):
            name = _without_portfolio(name)  # `staatssecretaris Wiebes van Financiën`: the name, then the post
        if not _case_sensitive_names(name) or not all(_usable(w) for w in name.split() if w[:1].isupper()):
            continue
        if not name[:1].isupper():
            continue  # `minister van Justitie`: after a title a lowercase word starts the portfolio
        if _portfolio_re().match(text, m.start("name")):
            continue  # `Staatssecretaris Fiscaliteit en Belastingdienst`: a title and its portfolio, no name
        title = m.group("title")
        found.append(PersonMention(m.start("name"), m.start("name") + len(name), standalone(name),
                                   title[:1].upper() + title[1:].lower(), "government"))
    return found


@cache
def portfolios() -> list[str]:
    """The portfolios of the gazetteer's ministries: `Buitenlandse Zaken`, `BZK`, `Klimaat en Energie`."""
    prefix = "Ministerie van "
    found: set[str] = set()
    for entry in gazetteer():
        if entry.kind == "ministry":
            found.update(n.removeprefix(prefix) for n in entry.names)
            found.update(entry.posts)
    return sorted(found)


@cache
def _portfolio_re() -> re.Pattern[str]:
    """A known portfolio as a whole word (case as written: `Fiscaliteit`, not the surname `fiscaliteit`)."""
    return re.compile(rf"(?:{alternation(portfolios(), spaces=True)})(?![\w-])")


def _without_portfolio(name: str) -> str:
    """`Wiebes van Financiën` (read as a given name and a surname) -> `Wiebes`: the surname alone when
    what follows it is a portfolio, not the rest of a name."""
    m = re.match(_surname_re(), name)
    return m.group(0) if m and m.end() < len(name) else name


def find_rapporteur_mentions(text: str) -> list[PersonMention]:
    """A rapporteur named with first name and surname after the title."""
    found: list[PersonMention] = []
    for m in finditer_not_after(_rapporteur_re(), text, _WORD_CHAR):  # `(?<!\w)` + the pattern
        name = m.group("name")
        if any(w in _not_names() for w in name.split()):
            continue
        found.append(PersonMention(m.start("name"), m.end("name"), name, roles()["rapporteur_role"], "rapporteur"))
    return found


@cache
def _official_re() -> re.Pattern[str]:
    titles = alternation(roles()["officials"])
    academic = alternation([*roles()["academic_titles"], *roles()["retired_marks"]])
    initials = r"(?:[A-Z]\.\s?){1,5}"
    return re.compile(rf"(?<![\w-])(?P<title>(?i:{titles}))\s+(?:(?:{academic})\s+)*"
                      rf"(?P<name>{initials}\s*{_surname_re()})")


@cache
def _academic_re() -> re.Pattern[str]:
    """One or more academic titles (any capitalisation), then initials and a surname: `Prof. Mr. Dr. S. Zouridis`."""
    academic = alternation(roles()["academic_titles"])
    initials = r"(?:[A-Z]\.\s?){1,6}"
    return re.compile(rf"(?<![\w-])(?:(?i:{academic})\s*)+(?P<name>{initials}\s*{_surname_re()})")


def find_academic_mentions(text: str) -> list[PersonMention]:
    """People named with initials after academic titles (members of a committee, authors of a report)."""
    found: list[PersonMention] = []
    for m in _title_matches(text)["academic"]:
        end = _second_surname_end(text, m.end("name"))
        name = " ".join(text[m.start("name"):end].split())
        if _usable(name):
            found.append(PersonMention(m.start("name"), end, name, None, "official"))
    return found


def find_official_mentions(text: str) -> list[PersonMention]:
    """Officials named with initials after their title: `inspecteur-generaal H.J. Kooistra`."""
    found: list[PersonMention] = []
    for m in _title_matches(text)["official"]:
        name = " ".join(m.group("name").split())
        if _usable(name):
            found.append(PersonMention(m.start("name"), m.end("name"), name, m.group("title"), "official"))
    return found


@cache
def _leader_re() -> re.Pattern[str]:
    """The phrase and the name after it; the body before the phrase is read by `_leader_body`.

    Matching the body in the same pattern made every capitalised word a start to try, each
    running to the end of the capitalised run: time grew with the square of such a run.
    """
    phrases = alternation(p["phrase"] for p in roles()["led_by"])
    academic = alternation(roles()["academic_titles"])
    given = _given_name()
    return re.compile(rf"(?P<phrase>(?i:{phrases}))\s+(?:(?i:{academic})\s+)*(?P<name>{given}{_surname_re()})")


_BODY_WINDOW = 150  # characters before the phrase where the led body's name may start (bounds the work per phrase)
@cache
def _leader_body_re() -> re.Pattern[str]:
    """A capitalised name, perhaps after an article, with lowercase connectors inside, up to the end."""
    articles, connectors = alternation(roles()["articles"]), alternation(roles()["body_connectors"])
    return re.compile(rf"(?:(?:{articles})\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|{connectors}))*\s+\Z")


def _leader_body(text: str, phrase_start: int) -> str:
    """The capitalised name right before the phrase (`het Aanjaagteam Bescherming Arbeidsmigranten`), or ''."""
    window = text[max(0, phrase_start - _BODY_WINDOW) : phrase_start]
    m = _leader_body_re().search(window)
    return m.group(0).rstrip() if m else ""


@cache
def _organisation_words() -> frozenset[str]:
    """Words that make a capitalised phrase an organisation or place, not a person (models/org_heads.json)."""
    heads: dict[str, Any] = load_json("org_heads.json")
    words = {h["head"] for h in heads["heads"]} | set(heads["name_openers"]) | set(heads["places"])
    return frozenset(w.lower() for w in words)


def _looks_like_organisation(name: str, after: str) -> bool:
    """A gazetteer name, an organisation head word, a place, an acronym, or a run into more capitals."""

    words = name.split()
    acronym = any(re.search(r"[A-Z].*[A-Z]", w.split("-")[0]) and not re.fullmatch(r"(?:[A-Z]\.)+", w)
                  for w in words)
    return (norm(name) in alias_table() or any(w.lower() in _organisation_words() for w in words)
            or acronym or re.match(r"[ \t]+[A-Z]", after) is not None or name.lower() in _organisation_words())


def find_leader_mentions(text: str) -> list[PersonMention]:
    """`het Aanjaagteam Bescherming Arbeidsmigranten onder leiding van Roemer`: the person leading a body."""
    found: list[PersonMention] = []
    roles_by_phrase = {p["phrase"].lower(): p["role"] for p in roles()["led_by"]}
    for m in scan(_leader_re(), text):
        name = " ".join(m.group("name").split())
        if not _usable(name) or _looks_like_organisation(name, text[m.end("name") : m.end("name") + 3]):
            continue
        role = roles_by_phrase[" ".join(m.group("phrase").lower().split())]
        body = _leader_body(text, m.start("phrase"))
        if re.match(rf"(?i:{alternation(roles()['articles'])})\s", body):
            role = f"{role} {roles()['led_body_preposition']} {body[:1].lower()}{' '.join(body[1:].split())}"
        found.append(PersonMention(m.start("name"), m.end("name"), standalone(name), role, "leader"))
    return found
