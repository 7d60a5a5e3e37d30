"""The build publishes a case body only as the validator saw it; anything else stops it."""

from __future__ import annotations

import pytest

from conftest import REPO, VALID_CASE
from praxisatlas.cases import load_collection
from praxisatlas.markup import RenderedBody
from praxisatlas.render import PageRenderer, UnpublishableBody
from praxisatlas.views import Atlas


@pytest.fixture
def renderer():
    [item] = load_collection([VALID_CASE]).cases
    return PageRenderer(Atlas([item]), [REPO / "overrides"], {"edit_base": "https://example.test/edit/"}), item


def test_case_page_shows_the_validated_body_not_the_content_mkdocs_passes(renderer):
    page, item = renderer
    html = page.render("case", item.slug, "<p>MkDocs-Inhalt</p>", lambda target: target)
    assert "MkDocs-Inhalt" not in html
    assert "Testvorlage für die automatischen Prüfungen" in html


def test_a_body_the_sanitiser_would_change_stops_the_build_naming_the_file(renderer):
    page, item = renderer
    item.rendered = RenderedBody(item.rendered.html + '<img src="x" onerror="alert(1)">', [])
    with pytest.raises(UnpublishableBody) as error:
        page.render("case", item.slug, "", lambda target: target)
    assert error.value.path == item.path
