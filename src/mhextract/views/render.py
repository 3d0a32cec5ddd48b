"""The reading view: one self-contained HTML page per record (no scripts, no network, inline CSS).

The letter text is shown with every extraction highlighted by type (`<mark class="hl hl-date"
title="...">`), footnote markers put back at each footnote's anchor and linked to the footnote
(and back), Kamerstuk references linked to their official URL, section headings as headings,
and a side panel (`<aside>`) listing every record field with links to the first mention.
Highlights may overlap or nest (a date inside a commitment sentence); `markup_range` turns any
set of character ranges into well-nested HTML by closing and reopening elements at crossings.
The page layout lives in `templates/letter.html.j2` (Jinja2, autoescaped).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from mhextract.record.model import Record, Span

# Highlight types in legend order: css/type key -> (legend label, record field).
HIGHLIGHT_TYPES: dict[str, tuple[str, str]] = {
    "organisation": ("Organisations", "organisations"),
    "person": ("Persons", "persons"),
    "motion": ("Motions", "motions"),
    "kamerstuk": ("Kamerstukken", "kamerstukken"),
    "reference": ("Other references", "references"),
    "date": ("Dates", "dates"),
    "figure": ("Figures", "figures"),
    "recommendation": ("Recommendations", "recommendations"),
    "commitment": ("Commitments", "commitments"),
}
_ORDER = {kind: i for i, kind in enumerate(HIGHLIGHT_TYPES)}
# Tooltip labels: one item of a type (`Kamerstuk: ...`, not the plural cut short).
SINGULAR: dict[str, str] = {
    "organisation": "Organisation", "person": "Person", "motion": "Motion", "kamerstuk": "Kamerstuk",
    "reference": "Reference", "date": "Date", "figure": "Figure", "recommendation": "Recommendation",
    "commitment": "Commitment",
}


@dataclass
class Highlight:
    """One highlighted range: its type, tooltip lines, links (Kamerstukken) and the id of its first mark."""

    start: int
    end: int
    kind: str
    titles: list[str] = field(default_factory=list)
    urls: list[tuple[str, str]] = field(default_factory=list)  # (label, url)
    anchor: str | None = None

    @property
    def title(self) -> str:
        """The tooltip: type label and every description, one per line."""
        return f"{SINGULAR[self.kind]}: " + "\n".join(self.titles)


@dataclass(frozen=True)
class Insert:
    """Zero-width HTML put at an offset (a footnote marker, extra Kamerstuk links)."""

    offset: int
    html: Markup


@dataclass
class Block:
    """One rendered body block: a paragraph or a section heading."""

    tag: str
    html: Markup
    id: str | None = None


# ---------------------------------------------------------------------------- collecting


def body_end(record: Record) -> int:
    """Where the appended footnote texts begin (the whole text when there are none)."""
    return min((f.start for f in record.footnotes), default=len(record.text))


def _describe(kind: str, item: object) -> tuple[str, str | None]:
    """Tooltip text and link of one record item."""
    get = lambda name: getattr(item, name, None)  # noqa: E731
    if kind == "organisation":
        aliases = ", ".join(get("aliases") or [])
        return f"{get('name')}" + (f" ({aliases})" if aliases else "") + f" [{get('kind')}]", None
    if kind == "person":
        return f"{get('name')}" + (f", {get('role')}" if get("role") else ""), None
    if kind == "motion":
        who = ", ".join(get("submitters") or []) or "unknown submitters"
        parts = [who, get("kamerstuk") or "no Kamerstuk id", get("status") or "no status"]
        return " · ".join(parts), None
    if kind == "kamerstuk":
        return f"Kamerstuk {get('id')}", get("url")
    if kind == "reference":
        return f"{get('kind')} {get('id')}", None
    if kind == "date":
        return f"{get('text')} = {get('value') or 'unresolved'} ({get('precision') or '?'})", None
    if kind == "figure":
        bits = [f"{get('value')} {get('unit')}"] + [b for b in (get("subject"), get("period")) if b]
        return " · ".join(str(b) for b in bits), None
    if kind == "recommendation":
        return f"Aanbeveling {get('number') or '?'}" + (f" ({get('by')})" if get("by") else ""), None
    if kind == "commitment":
        bits = [get("kind"), f"due {get('due')}" if get("due") else None,
                f"toezegging {get('reference')}" if get("reference") else None]
        return " · ".join(b for b in bits if b), None
    return str(item), None  # pragma: no cover - every type is listed above


def _spans(item: object) -> list[Span]:
    """Every span of an item: its `span` or its `mentions`."""
    span = getattr(item, "span", None)
    return [span] if isinstance(span, Span) else list(getattr(item, "mentions", None) or [])


def collect_highlights(record: Record) -> list[Highlight]:
    """One highlight per (range, type); items sharing a range (joint citations) share a highlight."""
    by_range: dict[tuple[int, int, str], Highlight] = {}
    for kind, (_, field_name) in HIGHLIGHT_TYPES.items():
        for index, item in enumerate(getattr(record, field_name)):
            title, url = _describe(kind, item)
            for n, span in enumerate(_spans(item)):
                if span.end <= span.start:
                    continue
                key = (span.start, span.end, kind)
                hl = by_range.setdefault(key, Highlight(span.start, span.end, kind))
                if title not in hl.titles:
                    hl.titles.append(title)
                if url and (title, url) not in hl.urls:
                    hl.urls.append((title, url))
                if n == 0 and hl.anchor is None:
                    hl.anchor = anchor_id(kind, index)
    return sorted(by_range.values(), key=lambda h: (h.start, -h.end, _ORDER[h.kind]))


def anchor_id(kind: str, index: int) -> str:
    """The element id of the first mention of item `index` of a type (side-panel links point here)."""
    return f"{kind}-{index + 1}"


# ---------------------------------------------------------------------------- nesting


def _open_tag(hl: Highlight, first: bool) -> str:
    """Opening HTML of a highlight fragment (the id only on the first fragment)."""
    ident = f' id="{escape(hl.anchor)}"' if first and hl.anchor else ""
    mark = f'<mark class="hl hl-{hl.kind}" data-type="{hl.kind}"{ident} title="{escape(hl.title)}">'
    if hl.urls:
        label, url = hl.urls[0]
        return mark + f'<a href="{escape(url)}" title="{escape(label)} (officielebekendmakingen.nl)">'
    return mark


def _close_tag(hl: Highlight) -> str:
    """Closing HTML of a highlight fragment."""
    return "</a></mark>" if hl.urls else "</mark>"


def markup_range(text: str, start: int, end: int, highlights: Sequence[Highlight],
                 inserts: Sequence[Insert] = (), used: set[str] | None = None) -> Markup:
    """HTML of text[start:end] with highlights (clipped to the range) well nested, and inserts placed."""
    used = used if used is not None else set()
    active = [h for h in highlights if h.start < end and h.end > start]
    here_inserts = [i for i in inserts if start <= i.offset <= end]
    points = sorted({start, end, *(max(h.start, start) for h in active), *(min(h.end, end) for h in active),
                     *(i.offset for i in here_inserts)})
    out: list[str] = []
    stack: list[Highlight] = []
    for a, b in zip(points, [*points[1:], None], strict=True):
        ended = next((i for i, h in enumerate(stack) if min(h.end, end) <= a), None)
        reopen = [] if ended is None else [h for h in _close_from(stack, out, ended) if min(h.end, end) > a]
        here = [i for i in here_inserts if i.offset == a]
        link = next((i for i, h in enumerate(stack) if h.urls), None) if here else None
        if link is not None:
            reopen = _close_from(stack, out, link) + reopen
        out.extend(str(i.html) for i in here)
        if b is None:
            break
        starting = [h for h in active if max(h.start, start) == a]
        for hl in sorted(reopen + starting, key=lambda h: (-min(h.end, end), _ORDER[h.kind])):
            first = any(hl is s for s in starting) and hl.start >= start and bool(hl.anchor) \
                and hl.anchor not in used
            if first and hl.anchor:
                used.add(hl.anchor)
            shown = _unlinked(hl) if hl.urls and any(s.urls for s in stack) else hl
            out.append(_open_tag(shown, first))
            stack.append(shown)
        out.append(str(escape(text[a:b])))
    out.extend(_close_tag(h) for h in reversed(stack))
    return Markup("".join(out))


def _unlinked(hl: Highlight) -> Highlight:
    """A copy without links (an `<a>` must not nest in another)."""
    return Highlight(hl.start, hl.end, hl.kind, hl.titles, [], hl.anchor)


def _close_from(stack: list[Highlight], out: list[str], lowest: int) -> list[Highlight]:
    """Close the open highlights from stack position `lowest` up; return them (bottom first)."""
    popped = stack[lowest:]
    del stack[lowest:]
    out.extend(_close_tag(h) for h in reversed(popped))
    return popped


# ---------------------------------------------------------------------------- blocks


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the blank-line separated paragraphs of text[start:end], whitespace trimmed."""
    pos = start
    while pos < end:
        brk = text.find("\n\n", pos, end)
        stop = end if brk == -1 else brk
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield a, b
        pos = stop + 2 if brk != -1 else end


def footnote_inserts(record: Record) -> list[Insert]:
    """A linked footnote marker at each footnote's anchor."""
    out = []
    for fn in record.footnotes:
        if fn.anchor is None:
            continue
        html = Markup('<sup class="fnref"><a id="fnref-{n}" href="#fn-{n}" aria-label="Footnote {n}">{n}</a></sup>')
        out.append(Insert(fn.anchor, html.format(n=fn.number)))
    return out


def link_inserts(highlights: Iterable[Highlight]) -> list[Insert]:
    """Links for the second and later Kamerstukken of a joint citation, right after it."""
    out = []
    for hl in highlights:
        if len(hl.urls) > 1:
            links = Markup(", ").join(Markup('<a href="{}" title="{} (officielebekendmakingen.nl)">{}</a>').format(
                url, label, label.removeprefix("Kamerstuk ")) for label, url in hl.urls[1:])
            out.append(Insert(hl.end, Markup('<span class="more-links"> (also ') + links + Markup(")</span>")))
    return out


def snap_inserts(inserts: Iterable[Insert], paragraphs: Sequence[tuple[int, int]]) -> list[Insert]:
    """Inserts in offset order; one that falls between paragraphs moves to the end of the paragraph before."""
    out = []
    for ins in sorted(inserts, key=lambda i: i.offset):
        if paragraphs and not any(a <= ins.offset <= b for a, b in paragraphs):
            before = [b for _, b in paragraphs if b <= ins.offset]
            ins = Insert(before[-1] if before else paragraphs[0][0], ins.html)
        out.append(ins)
    return out


def _within(inserts: Iterable[Insert], start: int, end: int) -> list[Insert]:
    """The inserts whose offset lies in [start, end]."""
    return [i for i in inserts if start <= i.offset <= end]


def letterhead_blocks(record: Record, highlights: Sequence[Highlight], used: set[str]) -> list[Block]:
    """The letterhead and repeated margin blocks before `body_start`, as paragraphs (shown folded)."""
    start = min(record.body_start, body_end(record))
    paragraphs = list(_paragraphs(record.text, 0, start))
    links = _within(link_inserts(highlights), 0, max(start - 1, 0))
    inserts = snap_inserts(links, paragraphs)
    return [Block("p", markup_range(record.text, a, b, highlights, inserts, used)) for a, b in paragraphs]


def body_blocks(record: Record, highlights: Sequence[Highlight], used: set[str]) -> list[Block]:
    """The letter body (after the letterhead, before the footnotes) as paragraphs and section headings,
    with highlights, footnote markers and the extra links of joint Kamerstuk citations made there."""
    text = record.text
    start, end = min(record.body_start, body_end(record)), body_end(record)
    paragraphs = list(_paragraphs(text, start, end))
    links = [i for i in link_inserts(highlights) if start <= i.offset < end]  # footnote links stay in the footnote
    inserts = snap_inserts(footnote_inserts(record) + links, paragraphs)
    headings = {s.start: (i, s) for i, s in enumerate(record.sections)}
    blocks = []
    for a, b in paragraphs:
        html = markup_range(text, a, b, highlights, inserts, used)
        section = headings.get(a)
        if section is not None and b - a <= len(section[1].title) + 12:
            level = min(6, 2 + max(1, section[1].level))
            blocks.append(Block(f"h{level}", html, f"section-{section[0] + 1}"))
        else:
            blocks.append(Block("p", html))
    return blocks


def footnote_items(record: Record, highlights: Sequence[Highlight], used: set[str]) -> list[tuple[int, Markup]]:
    """Each footnote's number and highlighted text, with the links of its joint Kamerstuk citations."""
    links = link_inserts(highlights)
    return [(fn.number,
             markup_range(record.text, fn.start, fn.end, highlights, _within(links, fn.start, fn.end), used))
            for fn in record.footnotes]


# ---------------------------------------------------------------------------- page


@cache
def template_environment() -> Environment:
    """The Jinja2 environment over the package's templates (autoescaped)."""
    env = Environment(loader=PackageLoader("mhextract.views", "templates"),
                      autoescape=select_autoescape(["html", "j2"]), trim_blocks=True, lstrip_blocks=True)
    env.globals["anchor_id"] = anchor_id
    return env


def page_title(record: Record) -> str:
    """The page title: the letter's subject, else its file name."""
    return record.metadata.subject or Path(record.source.path).name


def render_record(record: Record) -> str:
    """The complete reading-view HTML page of one record."""
    highlights = collect_highlights(record)
    used: set[str] = set()
    letterhead = letterhead_blocks(record, highlights, used)
    blocks = body_blocks(record, highlights, used)
    notes = footnote_items(record, highlights, used)
    counts = {kind: sum(1 for h in highlights if h.kind == kind) for kind in HIGHLIGHT_TYPES}
    return template_environment().get_template("letter.html.j2").render(
        record=record, title=page_title(record), letterhead=letterhead, blocks=blocks, footnotes=notes,
        types=HIGHLIGHT_TYPES,
        counts=counts, linked=used, source_name=Path(record.source.path).name,
    )


def write_html(record: Record, path: Path | str) -> Path:
    """Render a record to `path` (parents created); returns the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_record(record), encoding="utf-8")
    return target
