"""A fingerprint of the extractor: its code and its data, so a changed rule re-extracts letters.

Batch runs skip a letter whose record was made from the same input, model and
extractor; `__version__` alone would miss a changed pattern in `models/` or a fixed
rule between releases, so the record also carries this digest of both.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from mhextract import __version__
from mhextract.paths import MODELS_DIR

_PACKAGE = Path(__file__).resolve().parent


@cache
def fingerprint() -> str:
    """Short sha256 over the package's Python sources and every file in `models/` (sorted)."""
    digest = hashlib.sha256()
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(p for p in MODELS_DIR.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def extractor_id() -> str:
    """`<version>+<fingerprint>`: what a record must match to be current."""
    return f"{__version__}+{fingerprint()}"
