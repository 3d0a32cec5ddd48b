"""Components carry their `models/` data: `nlp.to_disk` saves it, `spacy.load` restores it.

Each of our components names the data files it reads (`DATA_FILES`). Saved with the
pipeline, they make a saved pipeline self-contained: loaded elsewhere (another version of
the package, an edited copy of the data), the saved data is what the components read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mhextract.paths import read_data, restore_data

# The models/ files each component reads (directly or through the modules it uses).
DATA_FILES: dict[str, tuple[str, ...]] = {
    "mh_analysis": ("abbreviations.json",),
    "mh_kamerstukken": ("kamerstuk.json",),
    "mh_references": ("references.json",),
    "mh_motions": ("motions.json", "kamerleden.json"),
    "mh_dates": ("dates.json", "numbers.json", "markers.json", "figures.json"),
    "mh_figures": ("figures.json", "numbers.json"),
    "mh_person_mentions": ("roles.json", "org_heads.json", "organisations.jsonl"),
    "mh_persons": ("roles.json",),
    "mh_organisations": ("organisations.jsonl", "org_heads.json"),
    "mh_recommendations": ("recommendations.json",),
    "mh_commitments": ("commitments.json",),
}


class CarriesData:
    """Mixin for a component: `to_disk`/`from_disk` of the data files of its factory (`self.factory`)."""

    factory: str = ""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for name in DATA_FILES[self.factory]:
            (folder / name).write_bytes(read_data(name))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Any:
        folder = Path(path)
        files = {name: (folder / name).read_bytes() for name in DATA_FILES[self.factory] if (folder / name).exists()}
        if restore_data(files):
            forget_derived_data()
        return self


def forget_derived_data() -> None:
    """Drop everything our modules built from the data (compiled patterns, word sets, matchers): the next
    letter rebuilds it from the restored data."""
    for name, module in list(sys.modules.items()):
        if name.startswith("mhextract.") and module is not None:
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", None) == name:
                    clear()
    organisations = sys.modules.get("mhextract.extract.organisations")
    if organisations is not None:  # the matchers must exist before any memory zone: rebuilt now
        organisations.prepare_matchers()
