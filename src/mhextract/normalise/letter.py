"""A normalised letter: one string with letterhead, body and footnotes, and where things are.

`text` = the letterhead (margin column, address and Datum/Onderwerp blocks, each
distinct block once, up to `body_start`), then the body paragraphs joined by
blank lines (up to `body_end`), then each footnote's text as its own paragraph. Footnote markers are removed from the
body (their positions kept as `Footnote.anchor`), so no extractor ever reads
`20182` as a year. Every offset in the record points into `text`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from mhextract.ingest.raw import Format
from mhextract.record.model import Footnote


@dataclass
class Paragraph:
    """A body paragraph with the layout hints segmenting needs."""

    start: int
    end: int
    page: int | None = None
    heading_level: int | None = None  # heading level the reader gave (`RawLine.heading`), or None
    bold: bool = False  # whole paragraph bold (`RawLine.bold`: a reader's emphasis or PDF bold font)
    italic: bool = False
    lines: int = 1  # how many source lines it was joined from
    in_header: bool = False  # stood before the addressee / `Den Haag, <date>` line (which went to the letterhead)


@dataclass
class Letter:
    path: str
    format: Format
    sha256: str
    text: str
    body_end: int
    body_start: int = 0
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    letterhead: dict[str, list[str]] = field(default_factory=dict)  # label -> values, e.g. "Datum"
    header_lines: list[str] = field(default_factory=list)  # text above the body (addressee etc.)
    pages: int | None = None
    page_starts: list[tuple[int, int]] = field(default_factory=list)  # (offset, page), sorted
    hints: dict[str, str] = field(default_factory=dict)  # metadata the source states (RawLetter.hints)

    @property
    def body(self) -> str:
        return self.text[self.body_start: self.body_end]

    def page_at(self, offset: int) -> int | None:
        """The page an offset falls on, where the source has pages (a footnote's own page)."""
        return self.page_lookup()(offset)

    def page_lookup(self) -> Callable[[int], int | None]:
        """`page_at` for many offsets: its tables built once, each offset found by bisection."""
        offsets = [o for o, _ in self.page_starts]
        note_at = self.footnote_lookup(inclusive_end=True)

        def page(offset: int) -> int | None:
            if offset >= self.body_end:
                note = note_at(offset)
                return note.page if note else None
            if not self.page_starts:
                return None
            i = bisect.bisect_right(offsets, offset) - 1
            return self.page_starts[max(i, 0)][1]

        return page

    def footnote_lookup(self, inclusive_end: bool = False) -> Callable[[int], Footnote | None]:
        """A function from an offset to the footnote whose text holds it (its end too if `inclusive_end`)."""
        notes = sorted(self.footnotes, key=lambda f: f.start)
        starts = [f.start for f in notes]
        slack = 1 if inclusive_end else 0

        def note_at(offset: int) -> Footnote | None:
            i = bisect.bisect_right(starts, offset) - 1
            return notes[i] if i >= 0 and offset < notes[i].end + slack else None

        return note_at
