"""Hostile contributions are refused with exact lines, and the build refuses them the same way.

Each file in tests/fixtures/hostile/ is one attack (see its name); its .expected file holds
the validator's exact output. The build runs the validator first, so one build over all of
them must stop with the same lines and publish nothing.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, REPO, build_site

HOSTILE = sorted((FIXTURES / "hostile").glob("*.md"))


def test_there_are_at_least_sixty_hostile_contributions():
    assert len(HOSTILE) >= 60, len(HOSTILE)


def test_every_hostile_fixture_has_an_expected_file():
    assert [p.name for p in HOSTILE if not p.with_suffix(".expected").exists()] == []


@pytest.mark.parametrize("fixture", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_hostile_fixture_is_refused_with_exactly_the_expected_lines(run_validator, fixture):
    expected = fixture.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    result = run_validator(str(fixture.relative_to(REPO)))
    assert expected, "a hostile fixture must be refused"
    assert result.code == 1
    assert result.out[:-1] == expected
    assert "Traceback" not in result.err


def test_the_build_stops_with_the_validators_lines_and_publishes_nothing(tmp_path, run_validator):
    examples = tmp_path / "examples"
    examples.mkdir()
    for fixture in HOSTILE:
        shutil.copy(fixture, examples / fixture.name)
    validator = run_validator(str(examples))
    build = build_site(tmp_path, examples)
    assert validator.code == build.code == 1
    # The build runs in tmp_path, so it shows paths relative to it.
    errors = [line.replace(f"{tmp_path}/", "") for line in validator.out[:-1] if ": Warnung: " not in line]
    assert errors
    for line in errors:
        assert line in build.output
    assert validator.out[-1] in build.output
    assert "Traceback" not in build.output
    assert not build.site.exists()
