"""OEP metadata: `<metadata>`/`<meta>` name-content pairs, `metadata.xml` beside a publication, and the hints.

The metadata states outright what the letter text only implies: date of the letter,
dossier + ondernummer, indiener, subject. `metadata_hints` turns it into
`RawLetter.hints`; `merge_hints` layers a reader's hints and lets a `metadata.xml`
found beside the file (`<stem>.metadata.xml`, `<stem>/metadata.xml`, `metadata.xml`)
win over everything the document itself says.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from mhextract.datetext import iso_date
from mhextract.ingest.kst_header import kst_id
from mhextract.ingest.lines import vocab


def local_name(el: Any) -> str:
    """Tag name without namespace; '' for comments and processing instructions."""
    tag = el.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def xml_parser() -> etree.XMLParser:
    """A parser that never resolves entities or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def meta_values(root: Any) -> dict[str, list[str]]:
    """`name` -> `content` values of every `<metadata>`/`<meta>` element with both attributes."""
    found: dict[str, list[str]] = {}
    for el in root.iter():
        name, content = el.get("name") if isinstance(el.tag, str) else None, el.get("content")
        if name and content is not None and local_name(el) in ("metadata", "meta"):
            found.setdefault(name, []).append(content.strip())
    return found


def _first(meta: dict[str, list[str]], key: str) -> list[str]:
    """Values of the first metadata name listed for `key` in the vocabulary that is present."""
    for name in vocab()["oep"]["metadata_names"][key]:
        if meta.get(name):
            return [v for v in meta[name] if v]
    return []


def metadata_hints(meta: dict[str, list[str]]) -> dict[str, str]:
    """Hints from OEP metadata: letter date, own id(s), subject, indiener, sender."""
    hints: dict[str, str] = {}
    dossiers = _first(meta, "dossier")
    number = next(iter(_first(meta, "number")), None)
    if dossiers and number:
        ids = []
        for d in dossiers:
            m = re.fullmatch(r"(\d{2}\s?\d{3})(?:[\s-]+([A-Z0-9]{1,5}))?", d.strip())
            if m:
                ids.append(kst_id(m.group(1), m.group(2), number))
        if ids:
            hints["kamerstuk"], hints["kamerstukken_own"] = ids[0], "\n".join(ids)
    for key in ("date", "published"):
        iso = next((d for d in map(iso_date, _first(meta, key)) if d), None)
        if iso:
            hints[key] = iso
    title = next(iter(_first(meta, "title")), "")
    parts = [p.strip() for p in title.split(";")]
    if len(parts) >= 3 and parts[2]:
        hints["subject"] = "; ".join(parts[2:])
    for key in ("indiener", "sender", "vergaderjaar"):
        values = _first(meta, key)
        if values:
            hints[key] = "\n".join(values)
    identifier = next(iter(_first(meta, "identifier")), None)
    if identifier:
        hints["identifier"] = identifier
    return hints


def read_metadata_file(path: Path) -> dict[str, list[str]] | None:
    """Parse a `metadata.xml`; None if it is missing or not OEP metadata."""
    try:
        root = etree.fromstring(path.read_bytes(), xml_parser())
    except (OSError, etree.XMLSyntaxError):
        return None
    if local_name(root) not in vocab()["oep"]["metadata_roots"]:
        return None
    return meta_values(root)


def find_metadata(path: Path, own_id: str | None) -> dict[str, list[str]] | None:
    """The OEP metadata beside `path` (`<stem>.metadata.xml`, `<stem>/metadata.xml`, `metadata.xml`).

    A metadata file whose `DC.identifier` names another publication than this one is ignored.
    """
    for pattern in vocab()["oep"]["metadata_file_names"]:
        candidate = path.parent / pattern.format(stem=path.stem)
        if candidate == path or not candidate.is_file():
            continue
        meta = read_metadata_file(candidate)
        if meta is None:
            continue
        ident = next(iter(meta.get("DC.identifier", [])), None)
        if ident and own_id and ident.lower() != f"kst-{own_id}".lower():
            continue
        return meta
    return None


def _own_from_stem(path: Path) -> str | None:
    """`kst-28638-206.xml` -> `28638-206`."""
    m = re.match(r"(?i)kst-(\d{5}(?:-[A-Z0-9]{1,5})?-\d{1,4}[a-z]?)$", path.stem)
    return m.group(1) if m else None


def merge_hints(path: Path, *layers: dict[str, str]) -> dict[str, str]:
    """Later layers win; then `metadata.xml` beside the file wins over everything the document says."""
    hints: dict[str, str] = {}
    for layer in layers:
        hints.update({k: v for k, v in layer.items() if v})
    own = hints.get("kamerstuk") or _own_from_stem(path)
    meta = find_metadata(path, own)
    if meta is not None:
        hints.update(metadata_hints(meta))
        hints["metadata_file"] = "yes"
    return hints
