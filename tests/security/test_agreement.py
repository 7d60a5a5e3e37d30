"""The validator and the build agree: on every fixture and case, what the validator accepts
the sanitiser leaves unchanged, and the built page shows exactly that HTML."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, REPO, TODAY
from praxisatlas.body import publishable_html
from praxisatlas.cases import load_collection
from praxisatlas.htmlpolicy import same_markup

ALL_CASE_FILES = sorted(
    p for p in [*FIXTURES.rglob("*.md"), *(REPO / "examples").glob("*.md")] if not p.name.startswith("_")
)


@pytest.mark.parametrize("path", ALL_CASE_FILES, ids=[f"{p.parent.name}/{p.stem}" for p in ALL_CASE_FILES])
def test_every_accepted_body_is_published_unchanged(path):
    collection = load_collection([path], today=TODAY)
    for item in collection.cases:
        assert publishable_html(item.rendered.html) is not None, item.path
    body_errors = [p for p in collection.problems if p.field == "body" and p.is_error]
    if body_errors:
        assert collection.cases == []


def test_built_case_pages_show_exactly_the_validated_body(real_site):
    collection = load_collection([REPO / "examples"])
    assert collection.cases
    for item in collection.cases:
        body = real_site.page(f"beispiele/{item.slug}/").select_one(".atlas-body")
        published = body.decode_contents()
        assert same_markup(published.strip(), publishable_html(item.rendered.html).strip()), item.slug
