"""Bounds on what one letter may cost: bytes read, pages, characters, decompressed page content.

Checked as early as each can be (file size before reading, page count before the PDF is
read, characters before normalising), each with a clear one-line error naming the option
that raises it, so hostile input fails fast instead of exhausting time or memory.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What one letter file may hold; the defaults are far above real letters (a few MB, < 200 pages)."""

    max_bytes: int = 256 * MB  # bytes read from one file (--max-bytes)
    max_pages: int = 1_000  # PDF pages (--max-pages)
    max_chars: int = 2_000_000  # characters of text, ~1,000 pages (--max-chars)
    max_page_bytes: int = 32 * MB  # decompressed content of one PDF page, or one stream (a Flate bomb)
    special_files: bool = False  # read FIFOs and devices too (--special-files), at most max_bytes


DEFAULT_LIMITS = Limits()
