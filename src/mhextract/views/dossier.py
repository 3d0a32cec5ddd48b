"""The dossier overview: what a directory of records says across letters, as CSV files and one HTML page.

`load_records` reads every record JSON of a directory; `build_dossier` joins them:
- motions: one row per motion (same Kamerstuk id, or same submitter surnames when an id is
  missing), every letter that mentions it with its date, and the latest stated status;
- commitments: one row per commitment per letter, linked to the commitments of other letters it
  continues (same `Toezegging nr.`, or most content words shared, earlier made -> later reported);
- figures over time: value, unit, subject and period with the letter date;
- the Kamerstuk citation graph: letter -> cited id edges;
- organisations by number of letters (names and aliases joined across letters).
Letters are ordered by date; undated letters come first, in file order, so a dated letter's
statement is always the latest. A directory is read without its subfolders unless asked, and a
letter is taken once (same own Kamerstuk id, same Ons kenmerk and date, or same file content),
the other records of it reported as duplicates. Overdue commitments (`views.overdue`) are
judged at a reference date (`as_of`, default today); `views.news` says what each letter adds.
`write_dossier` writes the CSV files, the overview page and a
reading view (`mhextract.views.render`) of every letter, so the overview links to each letter.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from mhextract.errors import MhextractError
from mhextract.record.model import Commitment, Figure, Record
from mhextract.similarity import similar_texts
from mhextract.tables.rows import figure_row, kamerstuk_row
from mhextract.tables.write import cell, write_csv
from mhextract.views.news import Change, letter_news
from mhextract.views.overdue import Overdue, by_ministry, due_end, ministry, overdue_commitments
from mhextract.views.render import template_environment, write_html

CSV_FILES = ("letters.csv", "motions.csv", "motion_mentions.csv", "commitments.csv", "news.csv", "figures.csv",
             "citations.csv", "organisations.csv")


@dataclass
class Letter:
    """One record in the dossier, with the key and page name the overview uses."""

    key: str
    record: Record
    has_page: bool = True  # False with --no-letter-pages: nothing links to a page that is not written

    @property
    def date(self) -> str | None:
        """The letter date (ISO) or None."""
        return self.record.metadata.date

    @property
    def page(self) -> str:
        """Relative path of the letter's reading view ('' when it is not written)."""
        return f"letters/{self.key}.html" if self.has_page else ""

    @property
    def label(self) -> str:
        """`<key> (<date>)`, for lists of letters."""
        return f"{self.key} ({self.date or 'undated'})"


@dataclass
class MotionMention:
    """A motion as one letter states it."""

    letter: Letter
    status: str | None
    chamber: str | None


@dataclass
class DossierMotion:
    """One motion across letters."""

    kamerstuk: str | None
    submitters: list[str]
    mentions: list[MotionMention] = field(default_factory=list)

    @property
    def latest(self) -> MotionMention | None:
        """The last mention (in letter order) that states a status."""
        return next((m for m in reversed(self.mentions) if m.status), None)


@dataclass
class DossierCommitment:
    """One commitment of one letter, with the commitments of other letters that continue it."""

    id: str
    letter: Letter
    commitment: Commitment
    earlier: list[DossierCommitment] = field(default_factory=list)
    later: list[DossierCommitment] = field(default_factory=list)


@dataclass
class DossierOrganisation:
    """One organisation across letters."""

    name: str
    aliases: set[str]
    kind: str
    letters: list[Letter] = field(default_factory=list)
    mentions: int = 0


@dataclass
class Dossier:
    """Everything the overview shows."""

    letters: list[Letter]
    motions: list[DossierMotion]
    commitments: list[DossierCommitment]
    figures: list[tuple[Letter, Figure]]
    citations: list[tuple[Letter, str, str | None, int]]  # letter, cited id, url, mentions
    organisations: list[DossierOrganisation]
    skipped: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    as_of: date = field(default_factory=date.today)
    overdue: list[Overdue] = field(default_factory=list)
    news: dict[str, list[Change]] = field(default_factory=dict)

    @property
    def overdue_by_ministry(self) -> list[tuple[str, list[Overdue]]]:
        """Overdue commitments per ministry, then per letter."""
        return by_ministry(self.overdue)


# ---------------------------------------------------------------------------- loading


@dataclass
class Loaded:
    """The records of a directory: one letter each, unreadable files, duplicate records of a letter."""

    letters: list[Letter]
    skipped: list[str]
    duplicates: list[str]


def letter_identity(record: Record) -> str:
    """What makes two records the same letter: its own Kamerstuk id, else Ons kenmerk and date, else content."""
    meta = record.metadata
    if meta.kamerstuk:
        return f"Kamerstuk {meta.kamerstuk}"
    if meta.reference and meta.date:
        return f"Ons kenmerk {meta.reference} of {meta.date}"
    return f"sha256 {record.source.sha256[:16]}"


def read_records(directory: Path | str, recursive: bool = False) -> Loaded:
    """Every record JSON in `directory` (its subfolders only when recursive; hidden files skipped)."""
    root = Path(directory)
    if not root.is_dir():
        raise MhextractError(f"{root}: records directory not found")
    loaded = Loaded([], [], [])
    first: dict[str, Path] = {}
    for path in sorted(root.rglob("*.json") if recursive else root.glob("*.json")):
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        try:
            record = Record.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValidationError, json.JSONDecodeError) as exc:
            loaded.skipped.append(f"{path}: not a record ({type(exc).__name__})")
            continue
        identity = letter_identity(record)
        if identity in first:
            loaded.duplicates.append(f"{path}: same letter as {first[identity]} ({identity}); counted once")
            continue
        first[identity] = path
        loaded.letters.append(Letter(key=_unique_key(path.stem, loaded.letters), record=record))
    loaded.letters = order_letters(loaded.letters)
    return loaded


def load_records(directory: Path | str, recursive: bool = False) -> tuple[list[Letter], list[str]]:
    """The letters of `directory` (see `read_records`) and a message per unreadable file."""
    loaded = read_records(directory, recursive)
    return loaded.letters, loaded.skipped


def _unique_key(stem: str, letters: Sequence[Letter]) -> str:
    """The file stem, suffixed when two records share it."""
    taken = {letter.key for letter in letters}
    key, n = stem, 2
    while key in taken:
        key, n = f"{stem}-{n}", n + 1
    return key


def order_letters(letters: Iterable[Letter]) -> list[Letter]:
    """Undated letters first (in given order), then dated letters by date."""
    items = list(letters)
    return sorted(items, key=lambda letter: (letter.date is not None, letter.date or "", items.index(letter)))


# ---------------------------------------------------------------------------- joining


def _surnames(names: Iterable[str]) -> frozenset[str]:
    """The last word of each name, lower-cased."""
    return frozenset(n.split()[-1].lower() for n in names if n.split())


def join_motions(letters: Sequence[Letter]) -> list[DossierMotion]:
    """Motions across letters: same Kamerstuk id, else same submitter surnames (never two different ids)."""
    motions: list[DossierMotion] = []
    for letter in letters:
        for m in letter.record.motions:
            names = _surnames(m.submitters)
            match = next((d for d in motions if m.kamerstuk and d.kamerstuk == m.kamerstuk), None)
            if match is None and names:
                match = next((d for d in motions if _surnames(d.submitters) == names
                              and not (d.kamerstuk and m.kamerstuk and d.kamerstuk != m.kamerstuk)), None)
            if match is None:
                match = DossierMotion(kamerstuk=m.kamerstuk, submitters=list(m.submitters))
                motions.append(match)
            match.kamerstuk = match.kamerstuk or m.kamerstuk
            if len(m.submitters) > len(match.submitters):
                match.submitters = list(m.submitters)
            match.mentions.append(MotionMention(letter, m.status, m.chamber))
    return motions


def join_commitments(letters: Sequence[Letter]) -> list[DossierCommitment]:
    """Every commitment with links to the commitments of later letters that report on or fulfil it."""
    rows = [DossierCommitment(f"{letter.key}#{i + 1}", letter, c)
            for letter in letters for i, c in enumerate(letter.record.commitments)]
    position = {letter.key: i for i, letter in enumerate(letters)}
    for a in rows:
        for b in rows:
            if position[b.letter.key] <= position[a.letter.key] or b.commitment.kind == "made":
                continue
            same_ref = bool(a.commitment.reference) and a.commitment.reference == b.commitment.reference
            if same_ref or similar_texts(a.commitment.text, b.commitment.text):
                a.later.append(b)
                b.earlier.append(a)
    return rows


def _org_names(names: Iterable[str]) -> set[str]:
    """Lower-cased, whitespace-folded names."""
    return {" ".join(n.lower().split()) for n in names if n.strip()}


def join_organisations(letters: Sequence[Letter]) -> list[DossierOrganisation]:
    """Organisations across letters (a shared name or alias joins them), most letters first."""
    orgs: list[DossierOrganisation] = []
    for letter in letters:
        for o in letter.record.organisations:
            names = _org_names([o.name, *o.aliases])
            match = next((d for d in orgs if _org_names([d.name, *d.aliases]) & names), None)
            if match is None:
                match = DossierOrganisation(name=o.name, aliases=set(), kind=o.kind)
                orgs.append(match)
            elif len(o.name) > len(match.name) and o.name not in match.aliases:
                match.aliases.add(match.name)
                match.name = o.name
            match.aliases |= {a for a in [o.name, *o.aliases] if a != match.name}
            if letter not in match.letters:
                match.letters.append(letter)
            match.mentions += len(o.mentions)
    return sorted(orgs, key=lambda d: (-len(d.letters), -d.mentions, d.name.lower()))


def build_dossier(letters: Sequence[Letter], skipped: Sequence[str] = (), as_of: date | None = None,
                  duplicates: Sequence[str] = ()) -> Dossier:
    """Join the records of one dossier; commitments are judged overdue at `as_of` (default today)."""
    ordered = order_letters(letters)
    motions, commitments = join_motions(ordered), join_commitments(ordered)
    reference = as_of or date.today()
    return Dossier(
        letters=ordered,
        motions=motions,
        commitments=commitments,
        figures=[(letter, f) for letter in ordered for f in letter.record.figures],
        citations=[(letter, k.id, k.url, len(k.mentions)) for letter in ordered for k in letter.record.kamerstukken],
        organisations=join_organisations(ordered),
        skipped=list(skipped),
        duplicates=list(duplicates),
        as_of=reference,
        overdue=overdue_commitments(commitments, reference),
        news=letter_news(ordered, motions, commitments),
    )


# ---------------------------------------------------------------------------- tables


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _join(items: Iterable[object]) -> str:
    """CSV cell of a list."""
    return "; ".join(str(i) for i in items)


def tables(dossier: Dossier) -> dict[str, tuple[list[str], Sequence[Sequence[object]]]]:
    """Every CSV file's header and rows."""
    letters = [[d.key, d.date or "", d.record.metadata.subject or "", d.record.metadata.kamerstuk or "",
                d.record.source.path, d.record.source.format, len(d.record.motions), len(d.record.commitments),
                len(d.record.kamerstukken), len(d.record.figures), len(d.record.organisations), d.page]
               for d in dossier.letters]
    motions = [[m.kamerstuk or "", _join(m.submitters), len(m.mentions), _join(x.letter.key for x in m.mentions),
                _join(x.letter.date or "undated" for x in m.mentions),
                m.latest.status if m.latest else "", m.latest.letter.key if m.latest else "",
                m.latest.letter.date or "" if m.latest else ""]
               for m in dossier.motions]
    mentions = [[m.kamerstuk or "", _join(m.submitters), x.letter.key, x.letter.date or "", x.status or "",
                 x.chamber or ""] for m in dossier.motions for x in m.mentions]
    overdue = {id(o.item): o for o in dossier.overdue}
    commitments = [[c.id, c.letter.key, c.letter.date or "", ministry(c.letter.record), c.commitment.kind,
                    c.commitment.due or "", _iso(due_end(c.commitment.due)),
                    "yes" if id(c) in overdue else "no", dossier.as_of.isoformat(),
                    c.commitment.reference or "", c.commitment.text, _join(e.id for e in c.earlier),
                    _join(f"{x.id} ({x.commitment.kind})" for x in c.later)] for c in dossier.commitments]
    news = [[d.key, d.date or "", change.kind, change.text] for d in dossier.letters for change in dossier.news[d.key]]
    figures = [_cells(figure_row(d.key, d.record, f), ("letter", "letter_date", "value", "unit", "subject",
                                                        "period", "text")) for d, f in dossier.figures]
    citations = [_cells(kamerstuk_row(d.key, d.record, k), ("letter", "letter_date", "letter_kamerstuk", "id", "url",
                                                             "mentions"))
                 for d in dossier.letters for k in d.record.kamerstukken]
    orgs = [[o.name, _join(sorted(o.aliases)), o.kind, len(o.letters), o.mentions, _join(d.key for d in o.letters)]
            for o in dossier.organisations]
    return {
        "letters.csv": (["letter", "date", "subject", "kamerstuk", "path", "format", "motions", "commitments",
                         "kamerstukken", "figures", "organisations", "page"], letters),
        "motions.csv": (["kamerstuk", "submitters", "letters_count", "letters", "letter_dates", "latest_status",
                         "latest_status_letter", "latest_status_date"], motions),
        "motion_mentions.csv": (["kamerstuk", "submitters", "letter", "letter_date", "status", "chamber"], mentions),
        "commitments.csv": (["id", "letter", "letter_date", "ministry", "kind", "due", "due_by", "overdue", "as_of",
                             "reference", "text", "continues", "continued_in"], commitments),
        "news.csv": (["letter", "letter_date", "change", "detail"], news),
        "figures.csv": (["letter", "letter_date", "value", "unit", "subject", "period", "text"], figures),
        "citations.csv": (["letter", "letter_date", "letter_kamerstuk", "cited", "cited_url", "mentions"], citations),
        "organisations.csv": (["name", "aliases", "kind", "letters_count", "mentions", "letters"], orgs),
    }


def _cells(row: dict[str, object], columns: Sequence[str]) -> list[object]:
    """The CSV cells of some columns of a `mhextract tables` row (shared with `mhextract tables --format csv`)."""
    return [cell(row[c]) for c in columns]


def cited_by(dossier: Dossier) -> list[tuple[str, str | None, list[Letter]]]:
    """Each cited Kamerstuk id with its URL and the letters citing it, most cited first."""
    index: dict[str, tuple[str | None, list[Letter]]] = {}
    for letter, cited, url, _ in dossier.citations:
        entry = index.setdefault(cited, (url, []))
        if letter not in entry[1]:
            entry[1].append(letter)
    return sorted(((k, u, ls) for k, (u, ls) in index.items()), key=lambda t: (-len(t[2]), t[0]))


# ---------------------------------------------------------------------------- writing


def render_overview(dossier: Dossier) -> str:
    """The overview HTML page."""
    return template_environment().get_template("dossier.html.j2").render(
        title="Dossier overview", dossier=dossier, cited=cited_by(dossier), csv_files=CSV_FILES,
    )


def write_dossier(dossier: Dossier, outdir: Path | str, letter_pages: bool = True) -> list[Path]:
    """Write the CSV files, `index.html` and (optionally) each letter's reading view; return the paths."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for letter in dossier.letters:
        letter.has_page = letter_pages
    written = []
    for name, (header, rows) in tables(dossier).items():
        write_csv(out / name, header, rows)
        written.append(out / name)
    if letter_pages:
        written += [write_html(letter.record, out / letter.page) for letter in dossier.letters]
    (out / "index.html").write_text(render_overview(dossier), encoding="utf-8")
    written.append(out / "index.html")
    return written
