"""When one gold item matches one predicted item: motions, organisations, persons, commitments."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from mhextract.evaluate.normalise import norm
from mhextract.evaluate.settings import eval_config

COMMITMENT_OVERLAP = 0.6
_WORD = re.compile(r"\w+")


def surname(name: str) -> str:
    """The last word of a name, normalised (`Van der Graaf` -> `graaf`)."""
    words = norm(name).split()
    return words[-1] if words else ""


def motion_ids_equal(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Both motions carry a Kamerstuk id and the ids are equal."""
    return bool(gold.get("kamerstuk")) and bool(pred.get("kamerstuk")) and (
        norm(gold["kamerstuk"]) == norm(pred["kamerstuk"]))


def _motion_surnames(motion: Mapping[str, Any]) -> frozenset[str]:
    """The set of submitter surnames of a motion."""
    return frozenset(s for s in (surname(n) for n in motion.get("submitters") or []) if s)


def motions_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Equal Kamerstuk ids, or equal non-empty submitter surname sets."""
    names = _motion_surnames(gold)
    return motion_ids_equal(gold, pred) or (bool(names) and names == _motion_surnames(pred))


def show_motion(motion: Mapping[str, Any]) -> str:
    """`Bikker, Mutluer (28638-229)`."""
    return f"{', '.join(motion.get('submitters') or []) or '?'} ({motion.get('kamerstuk') or 'no id'})"


def _org_names(org: Mapping[str, Any]) -> set[str]:
    """All normalised names and aliases of an organisation."""
    return {n for n in (norm(x) for x in [org.get("name") or "", *(org.get("aliases") or [])]) if n}


def organisations_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Any name or alias of one equals any of the other's."""
    return bool(_org_names(gold) & _org_names(pred))


def show_org(org: Mapping[str, Any]) -> str:
    """`name [alias, alias]`."""
    aliases = org.get("aliases") or []
    return f"{org.get('name')}" + (f" [{', '.join(aliases)}]" if aliases else "")


def split_name(name: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Split a normalised name into (initials of given names, surname particles, last word)."""
    words = norm(name).split()
    if not words:
        return (), (), ""
    particles = set(eval_config()["name_particles"])
    rest = words[:-1]
    cut = len(rest)
    while cut > 0 and rest[cut - 1] in particles:
        cut -= 1
    initials: list[str] = []
    for word in rest[:cut]:
        initials += [part[0] for part in word.replace("-", ".").split(".") if part]
    return tuple(initials), tuple(rest[cut:]), words[-1]


def persons_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Equal normalised names, or equal surname and particles with compatible given names/initials."""
    want, got = norm(gold.get("name") or ""), norm(pred.get("name") or "")
    if not want or not got:
        return False
    if want == got:
        return True
    g_init, g_part, g_last = split_name(want)
    p_init, p_part, p_last = split_name(got)
    if g_last != p_last or g_part != p_part:
        return False
    shorter, longer = sorted((g_init, p_init), key=len)
    return longer[: len(shorter)] == shorter


def _words(text: str) -> list[str]:
    """Word tokens of a normalised text."""
    return _WORD.findall(norm(text))


def texts_overlap(a: str, b: str, share: float = COMMITMENT_OVERLAP) -> bool:
    """One normalised text contains the other, or `share` of the shorter's words occur in the other."""
    x, y = norm(a), norm(b)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    shorter, longer = sorted((_words(a), _words(b)), key=len)
    vocabulary = set(longer)
    return bool(shorter) and sum(w in vocabulary for w in shorter) >= share * len(shorter)


def commitments_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Equal kinds and substantially overlapping texts."""
    return norm(gold.get("kind") or "") == norm(pred.get("kind") or "") and texts_overlap(
        str(gold.get("text") or ""), str(pred.get("text") or ""))


def show_commitment(commitment: Mapping[str, Any]) -> str:
    """`[made] Uw Kamer zal hierover worden geïnformeerd`."""
    return f"[{commitment.get('kind')}] {commitment.get('text')}"
