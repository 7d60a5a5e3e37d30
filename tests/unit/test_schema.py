"""The exported JSON Schema and the model agree: valid cases pass both, wrong types fail both."""

from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from pydantic import ValidationError

from conftest import REPO, VALID_CASE
from praxisatlas.cases import display_path
from praxisatlas.files import scan
from praxisatlas.model import Case, json_schema
from praxisatlas.source import read_case_text

VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())
CASE_FILES = [VALID_CASE, *scan([REPO / "examples"], display_path).case_files]


def front_matter(path) -> dict:
    raw, problems = read_case_text(str(path), path.read_bytes())
    assert problems == []
    return raw.data


def as_json(data: dict) -> dict:
    """What a JSON consumer sees: dates as ISO strings."""
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else v))


def test_schema_itself_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(json_schema())


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.stem for p in CASE_FILES])
def test_every_valid_case_validates_against_the_schema(path):
    data = front_matter(path)
    Case.model_validate(data)
    assert list(VALIDATOR.iter_errors(as_json(data))) == []


WRONG_TYPES = {
    "title is a number": ("title", 12345),
    "summary is a boolean": ("summary", False),
    "areas is a string": ("areas", "fairer-handel"),
    "areas is empty": ("areas", []),
    "unknown area": ("areas", ["fairer-handl"]),
    "sdg is text": ("sdgs", ["4"]),
    "sdg out of range": ("sdgs", [18]),
    "partner without type": ("partners", [{"name": "Verein"}]),
    "partners is a mapping": ("partners", {"name": "Verein", "type": "kommune"}),
    "unknown key": ("sumary", "Text"),
    "country lower case": ("countries", ["sy"]),
    "http source": ("sources", [{"title": "Quelle", "url": "http://www.beispiel.de/"}]),
    "year as text": ("period", {"from": "2018"}),
    "period with unknown key": ("period", {"from": 2018, "bis": 2019}),
    "null value": ("size", None),
    "title with a bidi override": ("title", "Faire Woche\u202e mit Vereinen"),
    "title with a zero-width space": ("title", "Faire\u200bWoche"),
    "blank city": ("city", "   "),
    "source month 13": ("sources", [{"title": "Quelle", "date": "2020-13"}]),
    "url with user info": ("contact", {"name": "Büro", "url": "https://a:b@www.beispiel.de/"}),
    "url with an IP address": ("contact", {"name": "Büro", "url": "https://10.0.0.1/"}),
    "url with a port": ("contact", {"name": "Büro", "url": "https://www.beispiel.de:8443/"}),
    "url without a dot": ("contact", {"name": "Büro", "url": "https://localhost/"}),
    "url too long": ("contact", {"name": "Büro", "url": "https://www.beispiel.de/" + "a" * 2000}),
}


@pytest.mark.parametrize("key,value", WRONG_TYPES.values(), ids=list(WRONG_TYPES))
def test_schema_rejects_what_the_model_rejects(key, value):
    data = front_matter(VALID_CASE)
    data[key] = value
    with pytest.raises(ValidationError):
        Case.model_validate(data)
    assert list(VALIDATOR.iter_errors(as_json(data))) != []
