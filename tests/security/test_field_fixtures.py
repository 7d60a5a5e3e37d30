"""Hostile field values (tests/fixtures/hostile/field-*): one idea and one problem per file.

test_hostile_fixtures.py runs every single-file fixture; this adds what it cannot see: how
many there are and the look-alike titles, which need a folder of several files.
"""

from __future__ import annotations

from conftest import FIXTURES, REPO

HOSTILE = FIXTURES / "hostile"
FIELD = sorted(HOSTILE.glob("field-*.md"))
CLASSES = ("number", "char", "blank", "date", "url", "contact")


def test_every_class_of_hostile_field_has_fixtures():
    assert len(FIELD) >= 25
    counts = {kind: sum(p.name.startswith(f"field-{kind}-") for p in FIELD) for kind in CLASSES}
    assert min(counts.values()) >= 4, counts


def test_each_field_fixture_expects_exactly_one_problem():
    assert [p.name for p in FIELD if len(p.with_suffix(".expected").read_text(encoding="utf-8").splitlines()) != 1] == []


def test_look_alike_titles_are_duplicates(run_validator):
    folder = HOSTILE / "field-lookalike-titles"
    expected = (HOSTILE / "field-lookalike-titles.expected").read_text(encoding="utf-8").splitlines()
    result = run_validator(str(folder.relative_to(REPO)))
    assert result.code == 1
    assert result.out[:-1] == expected
    assert [line.split(":")[0].rsplit("/", 1)[1] for line in expected] == ["b-vollbreit.md", "c-ligatur.md", "d-grossbuchstaben.md"]
    assert result.out[-1] == "3 Fehler und 0 Warnungen; 3 von 4 Dateien ungültig."
