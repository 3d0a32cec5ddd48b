"""mhextract: structured, provenance-carrying records from Dutch parliamentary letters.

    >>> import mhextract
    >>> record = mhextract.parse("letter.pdf")            # one letter -> mhextract.Record
    >>> records = list(mhextract.parse_many(["letters/"]))  # files and folders, via nlp.pipe

The API lives in `mhextract.api`; it is imported on first use, so `import mhextract` stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Record", "__version__", "parse", "parse_many"]


def __getattr__(name: str) -> Any:
    """Lazy exports: `parse`, `parse_many` (mhextract.api) and `Record` (mhextract.record.model)."""
    if name in ("parse", "parse_many"):
        from mhextract import api

        return getattr(api, name)
    if name == "Record":
        from mhextract.record.model import Record

        return Record
    raise AttributeError(f"module 'mhextract' has no attribute {name!r}")
