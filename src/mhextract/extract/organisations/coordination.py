"""Names listed with a recognised organisation (`I&O Research en Centerdata`, `FNV, CNV en VCP`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from spacy.tokens import Doc, Span

from mhextract.analysis.extensions import Ranges, overlaps
from mhextract.extract.organisations.known import alias_table, gazetteer
from mhextract.extract.organisations.mentions import OrgMention
from mhextract.extract.organisations.names import generic, norm, places
from mhextract.extract.organisations.tokens import is_capword, offsets_of, sentence_initial
from mhextract.extract.organisations.wordlists import heads, rules, word_set
from mhextract.paths import load_json

_MARKER = re.compile(r"\d{1,2}$")  # a glued footnote marker: `Centerdata2`


@cache
def _months() -> frozenset[str]:
    """Month names written out (models/dates.json): a word of a date, never of a name."""
    return frozenset(m for m in load_json("dates.json")["months"] if not m.endswith("."))


def _past_parenthesis(doc: Doc, end: int) -> int:
    """The token after a parenthesis that opens at token `end` (`Nederlandse Arbeidsinspectie (in
    samenwerking met OM en politie), ProRail`), or `end` when none opens there or it does not close
    within the same sentence and coordination_max_parenthesis tokens."""
    if end >= len(doc) or doc[end].text != "(":
        return end
    limit = min(len(doc), end + 1 + int(rules()["coordination_max_parenthesis"]))
    for k in range(end + 1, limit):
        if doc[k].text == ")":
            return k + 1
        if doc[k].text in (".", "!", "?", "(") or "\n" in doc[k].whitespace_:
            break
    return end


def _conjunct_after(doc: Doc, end: int) -> Span | None:
    """The run of capitalised words after `en`/`of`/`&`/`,` at token `end` (after a parenthesis
    there), if any."""
    end = _past_parenthesis(doc, end)
    if end + 1 >= len(doc) or doc[end].text not in word_set("coordinators") or "\n" in doc[end - 1].whitespace_:
        return None
    k = end + 1
    while k < len(doc) and is_capword(doc[k]) and k - end <= int(rules()["coordination_max_words"]):
        if k > end + 1 and "\n" in doc[k - 1].whitespace_:
            break
        k += 1
    return doc[end + 1 : k] if k > end + 1 else None


def _conjunct_before(doc: Doc, start: int) -> Span | None:
    """The run of capitalised words before `en`/`of`/`&`/`,` ending at token `start`, if any."""
    if start < 2 or doc[start - 1].text not in word_set("coordinators"):
        return None
    k = start - 1
    while k > 0 and is_capword(doc[k - 1]) and start - 1 - k < int(rules()["coordination_max_words"]):
        if "\n" in doc[k - 1].whitespace_ or sentence_initial(doc[k - 1]):
            break
        k -= 1
    return doc[k : start - 1] if k < start - 1 else None


def _name_of(span: Span) -> tuple[int, int, str] | None:
    """(start, end, text) of a conjunct without a glued footnote marker, or None if it names no body."""
    text = span.text
    marker = _MARKER.search(text)
    if marker is not None and not text[: marker.start()][-1:].isdigit():
        text = text[: marker.start()]
    name = text.strip()
    words = name.split()
    if not name or sentence_initial(span[0]) or not any(c.isalpha() for c in name):
        return None
    if norm(name) in generic() or norm(name) in places() or any(w.lower() in _months() for w in words):
        return None
    if name in word_set("portfolio_words"):
        return None  # `Raad voor Werkgelegenheid en Sociaal Beleid, Volksgezondheid en Consumentenzaken`
    return span.start_char, span.start_char + len(text), name


def _head_words() -> frozenset[str]:
    return frozenset(w.lower() for h in heads() for w in h.text.split())


def _shared_head(doc: Doc, conjunct: Span, host: tuple[int, int]) -> OrgMention | None:
    """A one-word conjunct that shares the host's head (`Eerste en Tweede Kamer`: the Eerste Kamer;
    `Jeugd, Cultuur en Sport Raad`: no body of its own). The mention when conjunct + the host's head
    is a known name, an empty-keyed mention when it is not, None when this is no shared head (the host
    starts with its own head word: `Sardes en Universiteit Utrecht`)."""
    first, last = doc[host[0]], doc[host[1] - 1]
    if len(conjunct) != 1 or host[1] - host[0] < 2 or first.lower_ in _head_words():
        return None
    if last.lower_ not in _head_words() and norm(doc[host[0]:host[1]].text) not in alias_table():
        return None
    key = alias_table().get(norm(f"{conjunct.text} {doc[host[0] + 1:host[1]].text}"), "")
    kind = gazetteer()[int(key[2:])].kind if key else "other"
    return OrgMention(conjunct.start_char, conjunct.end_char, conjunct.text, key, "pattern", kind, surface=False)


def find_coordinated_mentions(doc: Doc, mentions: Sequence[OrgMention], person_names: Iterable[str] = (),
                              claimed: Sequence[tuple[int, int]] = ()) -> list[OrgMention]:
    """Capitalised names joined by a coordinator to a recognised organisation, chained along a list."""
    people = {norm(n) for n in person_names} | {norm(n).split()[-1] for n in person_names if n.strip()}
    taken = Ranges([(m.start, m.end) for m in mentions] + list(claimed))
    hosts = [m for m in mentions if m.source not in ("post", "model") and m.kind != "ministry"]
    found: list[OrgMention] = []
    offsets = offsets_of(doc)
    while hosts:
        host = hosts.pop()
        rng = offsets.expand(host.start, host.end)
        if rng is None:
            continue
        before = _conjunct_before(doc, rng[0])
        shared = _shared_head(doc, before, rng) if before is not None else None
        if shared is not None:  # `Eerste en Tweede Kamer`, `Onderwijs, Jeugd, Cultuur en Sport Raad`
            if shared.key and not overlaps(taken, shared.start, shared.end):
                found.append(shared)
                taken.add(shared.start, shared.end)
                hosts.append(shared)
            before = None
        for conjunct in (_conjunct_after(doc, rng[1]), before):
            named = _name_of(conjunct) if conjunct is not None else None
            if named is None or norm(named[2]) in people or overlaps(taken, named[0], named[1]):
                continue
            new = OrgMention(named[0], named[1], named[2], f"u:{norm(named[2])}", "pattern", host.kind)
            found.append(new)
            taken.add(new.start, new.end)
            hosts.append(new)
    return sorted(found, key=lambda m: m.start)
