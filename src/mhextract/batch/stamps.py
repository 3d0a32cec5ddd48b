"""Stamps: what decides whether a letter's record is still current (input hash, extractor, model).

A record's stamp is read from the first bytes of its JSON (`extractor` and `source`
come first) without parsing the whole record, so planning a large re-run stays cheap;
a record cut short (no closing brace) has no stamp and is redone.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from typing import Any

from mhextract.storage import Location, filesystem, read_head_tail

HEAD_BYTES = 16_384  # a record's stamp (extractor, source) sits in its first bytes


@dataclass(frozen=True)
class Stamp:
    """What decides whether a record is still current: input content, extractor, model."""

    sha256: str
    version: str
    model: str


def file_sha256(path: Location) -> str | None:
    """SHA-256 of a file's bytes (as in `Source.sha256`), or None if it cannot be read (local or a URL)."""
    try:
        if isinstance(path, str):
            fs, inner = filesystem(path)
            with fs.open(inner, "rb") as fh:
                return hashlib.file_digest(fh, "sha256").hexdigest()
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a FIFO or device: never hashed (it may never end), never current
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except (OSError, RuntimeError):
        return None


_STAMP_KEYS = re.compile(r'"(extractor|source)"\s*:\s*')


def parse_stamp(head: str) -> tuple[Stamp, str] | None:
    """(stamp, source path) from the start of a record's JSON, without parsing its text."""
    decoder = json.JSONDecoder()
    parts: dict[str, Any] = {}
    for m in _STAMP_KEYS.finditer(head):
        if m.group(1) in parts:
            continue
        try:
            parts[m.group(1)], _ = decoder.raw_decode(head, m.end())
        except ValueError:
            return None
        if len(parts) == 2:
            break
    extractor, source = parts.get("extractor"), parts.get("source")
    if not isinstance(extractor, dict) or not isinstance(source, dict):
        return None
    try:
        version = f"{extractor['version']}+{extractor.get('fingerprint') or ''}"
        stamp = Stamp(str(source["sha256"]), version, str(extractor["model"]))
        return stamp, str(source["path"])
    except KeyError:
        return None


def read_record_stamp(path: Location) -> Stamp | None:
    """The stamp of a record file (local or a URL), or None if missing, unreadable or cut short."""
    try:
        head, tail = read_head_tail(path, HEAD_BYTES, 64)
    except OSError:
        return None
    if not tail.rstrip().endswith(b"}"):
        return None
    parsed = parse_stamp(head.decode("utf-8", errors="replace"))
    return parsed[0] if parsed else None
