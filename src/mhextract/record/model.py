"""The record contract (schema_version "1"): what `mhextract parse` emits and downstream tools read.

Every offset points into `Record.text`. Extractors create these models with
`Span(start, end)` only; `build.py` fills in `page` and `section` afterwards.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# The closed vocabularies of the record, named once: extractors import them from here.
SourceFormat = Literal["pdf", "text", "markdown", "docx", "html", "xml", "web"]
ReferenceKind = Literal["handelingen", "zaak", "ecli", "toezegging", "document", "rijkswet"]
Precision = Literal["day", "week", "month", "season", "quarter", "year", "range"]
Unit = Literal["fte", "EUR", "percent", "persons", "cases", "organisations", "years", "months", "other"]
CommitmentKind = Literal["made", "fulfilled", "reported"]

SCHEMA_VERSION = "1"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"urn:mhextract:record:{SCHEMA_VERSION}"

# ISO 8601 value forms of dates (README "Date values"): a point is a day, a month, a year, a
# season (`2021-summer`), a quarter (`2023-Q4`), an ISO week (`2023-W12`) or a day without year (`--05-27`, ISO 8601's
# form for a day whose year the letter does not give); an interval is two points with `/`.
_MM = r"(?:0[1-9]|1[0-2])"
_DD = r"(?:0[1-9]|[12]\d|3[01])"
ISO_DAY = rf"\d{{4}}-{_MM}-{_DD}"
_POINT = (rf"(?:{ISO_DAY}|\d{{4}}-{_MM}|\d{{4}}|\d{{4}}-(?:spring|summer|autumn|winter)|\d{{4}}-Q[1-4]"
          rf"|\d{{4}}-W(?:0[1-9]|[1-4]\d|5[0-3])|--{_MM}-{_DD})")
DAY_PATTERN = rf"^{ISO_DAY}$"
DATE_VALUE_PATTERN = rf"^{_POINT}(?:/{_POINT})?$"


class Model(BaseModel):
    """Base for all record models: no unknown fields, validate on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(Model):
    """Provenance of one mention: character offsets into `text`, page, section index."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None
    section: int | None = None

    def place(self, page: int | None, section: int | None) -> None:
        """Set page and section without assignment validation: `record.build` takes both from the letter's
        own page and section lists, and validating every span's two assignments cost ~1% of a run."""
        self.__dict__.update(page=page, section=section)
        self.__pydantic_fields_set__.update(("page", "section"))


class Extractor(Model):
    name: str = "mhextract"
    version: str
    fingerprint: str | None = Field(default=None, description="digest of the extractor's code and models/ data")
    model: str = Field(description="spaCy pipeline that produced the record, e.g. 'blank:nl' or 'nl_core_news_lg'")


class Source(Model):
    path: str
    sha256: str
    format: SourceFormat
    pages: int | None = None


class Signatory(Model):
    role: str
    name: str


class Metadata(Model):
    date: str | None = Field(default=None, pattern=DAY_PATTERN, description="ISO date of the letter (YYYY-MM-DD)")
    subject: str | None = None
    reference: str | None = Field(default=None, description="Ons kenmerk")
    addressee: str | None = None
    sender: str | None = None
    kamerstuk: str | None = Field(default=None, description="the letter's own Kamerstuk id, e.g. 28638-183")
    signatories: list[Signatory] = Field(default_factory=list)


class Section(Model):
    title: str
    number: str | None = None
    level: int = 1
    start: int
    end: int
    page: int | None = None


class Footnote(Model):
    number: int
    text: str
    start: int
    end: int
    page: int | None = None
    anchor: int | None = Field(default=None, description="offset in text of the marker's position")


class Organisation(Model):
    id: str | None = Field(default=None, description=(
        "stable id of a known organisation (from the gazetteer, models/organisations.jsonl): the same body has the "
        "same id and canonical name in every record; null for a body found from its form"))
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: Literal[
        "ministry", "police", "judiciary", "inspectorate", "advisory", "ngo",
        "municipality", "chamber", "research", "party", "international", "company", "other",
    ] = "other"
    mentions: list[Span] = Field(default_factory=list)


class Person(Model):
    name: str
    role: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class KamerstukRef(Model):
    id: str = Field(description="normalised id, e.g. 28638-207, 35925-VI-118, 34091-M, 28638")
    dossier: str
    suffix: str | None = None
    number: str | None = None
    chamber: str | None = None
    session: str | None = None
    url: str | None = None
    own: bool = Field(default=False, description="the letter's own number (its header), not a citation")
    mentions: list[Span] = Field(default_factory=list)


class Reference(Model):
    kind: ReferenceKind
    id: str
    mentions: list[Span] = Field(default_factory=list)


class Motion(Model):
    submitters: list[str] = Field(default_factory=list)
    kamerstuk: str | None = None
    chamber: str | None = None
    status: str | None = None
    mentions: list[Span] = Field(default_factory=list)


class DateMention(Model):
    text: str
    value: str | None = Field(default=None, pattern=DATE_VALUE_PATTERN,
                              description="ISO 8601 at the precision the text gives: day, month, year, season, "
                                          "quarter, --MM-DD (no year), or an interval a/b")
    precision: Precision | None = None
    span: Span


class Figure(Model):
    text: str
    value: float | int | None = None
    unit: Unit = "other"
    subject: str | None = None
    period: str | None = None
    span: Span


class Recommendation(Model):
    number: int | None = None
    by: str | None = None
    title: str
    text: str
    response: str | None = None
    span: Span


class Commitment(Model):
    text: str
    kind: CommitmentKind
    due: str | None = Field(default=None, pattern=DATE_VALUE_PATTERN, description="ISO value like a date's value")
    reference: str | None = None
    span: Span


class Record(Model):
    """One letter, fully extracted. Field names are the contract; add, never rename."""

    schema_version: str = SCHEMA_VERSION
    extractor: Extractor
    source: Source
    text: str = Field(description="normalised letter text; every offset points into it")
    body_start: int = Field(default=0, description="offset where the body begins; before it: the letterhead")
    body_end: int | None = Field(default=None, description="offset where the footnote texts begin")
    metadata: Metadata
    sections: list[Section] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    persons: list[Person] = Field(default_factory=list)
    kamerstukken: list[KamerstukRef] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    motions: list[Motion] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)


def json_schema() -> dict[str, object]:
    """The JSON Schema of `Record`, as printed by `mhextract schema`, with its dialect and id."""
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **Record.model_json_schema()}
