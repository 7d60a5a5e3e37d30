"""Every kind of bad input is refused with the exact PATH:LINE: FIELD: MESSAGE lines."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, REPO

INVALID = sorted((FIXTURES / "invalid").glob("*.md"))


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_fixture_reports_exactly_the_expected_lines(run_validator, fixture):
    expected = fixture.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    result = run_validator(str(fixture.relative_to(REPO)))
    assert result.code == 1
    assert result.out[:-1] == expected
    assert result.out[-1].endswith("1 von 1 Datei ungültig.")


def test_every_invalid_fixture_has_an_expected_file():
    assert INVALID, "no fixtures found"
    assert [p for p in INVALID if not p.with_suffix(".expected").exists()] == []


def test_duplicate_titles_are_reported_on_the_later_file(run_validator):
    result = run_validator("tests/fixtures/duplicate-titles")
    assert result.code == 1
    assert result.out == [
        "tests/fixtures/duplicate-titles/zweite-woche.md:2: title: den Titel 'faire  Woche mit "
        "Diaspora-Vereinen' hat schon tests/fixtures/duplicate-titles/erste-woche.md — einen "
        "unterscheidbaren Titel wählen",
        "1 Fehler und 0 Warnungen; 1 von 2 Dateien ungültig.",
    ]


def test_all_problems_of_all_files_come_in_one_run(run_validator):
    result = run_validator(*(str(p.relative_to(REPO)) for p in INVALID))
    expected_count = sum(
        len(p.with_suffix(".expected").read_text(encoding="utf-8").splitlines()) for p in INVALID
    )
    assert result.code == 1
    assert len(result.out) - 1 == expected_count
    warnings = sum(": Warnung: " in line for line in result.out[:-1])
    assert result.out[-1] == (
        f"{expected_count - warnings} Fehler und {warnings} Warnung{'' if warnings == 1 else 'en'}; "
        f"{len(INVALID)} von {len(INVALID)} Dateien ungültig."
    )
