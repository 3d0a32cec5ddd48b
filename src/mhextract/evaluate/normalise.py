"""Text and number normalisation for comparing gold and predicted values."""

from __future__ import annotations

import unicodedata

_STRIP = ".,;:"


def norm(text: object) -> str:
    """Normalise a text for comparison: NFKC, lowercase, folded whitespace, `.,;:` stripped at the ends."""
    folded = " ".join(unicodedata.normalize("NFKC", str(text)).lower().split())
    return folded.strip(_STRIP + " ")


def number_key(value: object) -> float | None:
    """A figure value as a comparable number (`10000000 == 1e7 == "1e7"`); None stays None."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value.replace(",", ".")) if isinstance(value, str) else float(value)
    except ValueError:
        return None
    return round(number, 6)


def fmt_number(value: float | None) -> str:
    """Show a number without a spurious `.0`."""
    if value is None:
        return "null"
    return str(int(value)) if float(value).is_integer() else str(value)
