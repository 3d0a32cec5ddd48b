"""One regex scan of many lines instead of one per line: a pattern's form for the lines joined by newlines.

`joined_form(p)` finds a match in `"\\n" + "\\n".join(lines)` whenever `p` finds one in any of the
lines, so a miss there rules all lines out and only a hit needs the line-by-line test. A
leading `^` becomes a literal newline (found fast; a MULTILINE `^` is tried at every position).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable

# Inside a lookaround a newline may decide differently than a line's end: such a pattern has no joined form.
_LINE_LOCAL_UNSAFE = ("(?!", "(?<!", "\\A", "\\Z")


def joined_form(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern for the newline-joined lines (MULTILINE, `^` as a newline), or None where none is safe."""
    source = pattern.pattern
    if any(u in source for u in _LINE_LOCAL_UNSAFE):
        return None
    try:
        if source.startswith("^") and _starts_anchored(source, pattern.flags):
            return re.compile(f"\n(?:{source[1:]})", pattern.flags | re.M)
        return re.compile(source, pattern.flags | re.M)
    except re.error:
        return None


def any_of(forms: Iterable[re.Pattern[str] | None]) -> re.Pattern[str] | None:
    """Joined forms as one alternation, which misses where all of them miss (None if a form is missing or
    refers to a group, whose number would shift)."""
    found = list(forms)
    if not found or any(f is None or re.search(r"\\\d|\(\?P=", f.pattern) for f in found):
        return None
    return re.compile("|".join(f"(?:{f.pattern})" for f in found if f is not None), re.M)


def _starts_anchored(source: str, flags: int) -> bool:
    """The whole pattern opens with `^` (not only its first alternative, as in `^a|b`)."""
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        tree = parser.parse(source, flags)
        return len(tree) > 0 and tree[0] == (constants.AT, constants.AT_BEGINNING)
    except Exception:  # another Python's private parser: no fast form, the MULTILINE one still filters
        return False
