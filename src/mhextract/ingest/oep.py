"""Officielebekendmakingen (OEP) publications: the public entry points of the OEP readers.

A published Kamerstuk reaches us as `kst-28638-206.xml`, as the HTML page of the
same publication, or as any other HTML page holding a letter; a `metadata.xml`
beside the file wins over what the document itself says. The work is done in:

- `oep_xml`: the kst XML (kamerstukkop, dossier, stuk, al, tussenkop, noot, ondertekening);
- `oep_html`: the OEP HTML page and generic HTML;
- `oep_metadata`: `<meta>`/`metadata.xml` values, their discovery and the `RawLetter.hints` they give;
- `oep_header`: the Kamerstuk header lines (`Nr. N TITLE`, dossiers, sender), also read by DOCX and pasted pages;
- `oep_lines`: `LineSink` and the line conventions every reader writes, and the readers' vocabulary.

This module re-exports the names the other readers import from here.
"""

from __future__ import annotations

from mhextract.ingest.oep_header import KstHeader, header_hints, kst_id, parse_kst_header, sender_from_title
from mhextract.ingest.oep_html import read_oep_html
from mhextract.ingest.oep_lines import BR, SUPERSCRIPT, LineSink, Note, bold_markup, clean_line, superscript, vocab
from mhextract.ingest.oep_metadata import (
    find_metadata,
    iso_date,
    merge_hints,
    meta_values,
    metadata_hints,
    read_metadata_file,
)
from mhextract.ingest.oep_xml import read_oep_xml, xml_root_name

__all__ = [
    "BR",
    "SUPERSCRIPT",
    "KstHeader",
    "LineSink",
    "Note",
    "bold_markup",
    "clean_line",
    "find_metadata",
    "header_hints",
    "iso_date",
    "kst_id",
    "merge_hints",
    "meta_values",
    "metadata_hints",
    "parse_kst_header",
    "read_metadata_file",
    "read_oep_html",
    "read_oep_xml",
    "sender_from_title",
    "superscript",
    "vocab",
    "xml_root_name",
]
