"""The editor guide explains every validator message, so no editor meets an unknown one.

The guide is the technical reference docs/mitmachen/referenz.md; /mitmachen/ itself stays a
short page for people who only propose an example.
"""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from praxisatlas.messages import CATALOGUE

GUIDE = (REPO / "docs" / "mitmachen" / "referenz.md").read_text(encoding="utf-8")
CONTRIBUTE = (REPO / "docs" / "mitmachen.md").read_text(encoding="utf-8")


def fixed_text(template: str) -> str:
    """The longest literal part of a message template (placeholders removed)."""
    return max(re.split(r"\{[a-z_]+\}", template), key=len).strip()


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_guide_shows_an_example_of_every_message(code):
    assert fixed_text(CATALOGUE[code]) in GUIDE, code


def test_guide_names_the_two_readme_commands_and_the_scaffolder():
    for command in ("make serve", "make test", "python scripts/new_case.py", "python scripts/validate.py"):
        assert command in GUIDE


def test_contribute_page_stays_short_and_links_to_the_reference():
    assert len(CONTRIBUTE.split()) < 1000
    assert "](mitmachen/referenz.md)" in CONTRIBUTE


def test_contribute_page_shows_no_validator_message():
    """Messages belong to the reference; a non-programmer should not have to read them."""
    shown = [code for code, template in CATALOGUE.items() if fixed_text(template) in CONTRIBUTE]
    assert shown == []
