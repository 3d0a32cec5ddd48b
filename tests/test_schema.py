"""The record's JSON Schema (issue 15): value patterns, $schema/$id, malformed records rejected, README outline."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from mhextract.cli import app
from mhextract.record.model import Record, json_schema
from mhextract.record.outline import record_outline

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SPAN = {"start": 0, "end": 4, "page": None, "section": None}
VALID = {
    "schema_version": "1",
    "extractor": {"name": "mhextract", "version": "0", "fingerprint": None, "model": "blank:nl"},
    "source": {"path": "a.txt", "sha256": "0" * 64, "format": "text", "pages": None},
    "text": "Brief over mensenhandel.",
    "metadata": {"date": "2023-11-30"},
    "dates": [{"text": "x", "value": v, "precision": None, "span": SPAN}
              for v in ("2023-11-30", "2020-11", "2021", "2021-summer", "2023-Q4", "--05-27", "2019/2023",
                        "2021-01-01/2021-12-31", "2023-01/2023-06", None)],
    "figures": [{"text": "21 jaar", "value": 21, "unit": "years", "span": SPAN},
                {"text": "zes maanden", "value": 6, "unit": "months", "span": SPAN}],
    "commitments": [{"text": "Ik zal", "kind": "made", "due": "2025-summer", "span": SPAN}],
}
MALFORMED = [
    ("metadata", "date", "30 november 2023"),
    ("metadata", "date", "2023-11"),
    ("metadata", "date", "2023-13-01"),
    ("dates", "value", "2023-summerish"),
    ("dates", "value", "2023-Q5"),
    ("dates", "value", "volgend jaar"),
    ("dates", "value", "2023/"),
    ("dates", "value", "05-27"),
    ("dates", "precision", "fortnight"),
    ("dates", "value", "2023-W54"),
    ("commitments", "due", "na de zomer"),
    ("figures", "unit", "kg"),
]


def _validator() -> jsonschema.protocols.Validator:
    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_schema_names_its_dialect_and_id() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert str(schema["$id"]).startswith("urn:mhextract:record:")
    printed = json.loads(CliRunner().invoke(app, ["schema"]).stdout)
    assert printed["$id"] == schema["$id"]


def test_every_value_form_the_record_uses_is_valid() -> None:
    Record.model_validate(VALID)
    assert not list(_validator().iter_errors(VALID))


@pytest.mark.parametrize(("field", "key", "value"), MALFORMED)
def test_malformed_records_are_rejected(field: str, key: str, value: str) -> None:
    bad = copy.deepcopy(VALID)
    target = bad[field] if field == "metadata" else bad[field][0]
    target[key] = value
    with pytest.raises(ValidationError):
        Record.model_validate(bad)
    assert list(_validator().iter_errors(bad)), f"the JSON Schema accepts {field}.{key} = {value!r}"


def test_corpus_records_validate_against_the_schema(nlp) -> None:
    from mhextract.record.build import extract_file

    record = extract_file(ROOT / "corpus" / "letters" / "003_749c75a436ca6fa8.txt", nlp)
    assert not list(_validator().iter_errors(json.loads(record.model_dump_json())))


def test_readme_record_outline_is_generated_from_the_schema() -> None:
    section = README[README.index("## Output: the record"):]
    block = re.search(r"```\n(.*?)```", section, re.S)
    assert block is not None
    assert block.group(1).rstrip("\n") == record_outline()
    for name in ("body_start", "body_end", "fingerprint", "own"):
        assert name in block.group(1)
    assert CliRunner().invoke(app, ["schema", "--outline"]).stdout.rstrip("\n") == record_outline()


def test_readme_documents_the_value_forms() -> None:
    for form in ("`YYYY-MM-DD`", "`--MM-DD`", "`YYYY-MM`", "`YYYY`", "`YYYY-Q1`", "summer", "joined by `/`"):
        assert form in README
