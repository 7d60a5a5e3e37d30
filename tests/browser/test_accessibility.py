"""axe-core (WCAG 2.1 A and AA rules) on every page type, in the real browser."""

from __future__ import annotations

import json

import pytest

from build.test_site_pages import CASES
from conftest import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = {
    "startseite": "",
    "handlungsfelder": "handlungsfelder/",
    "handlungsfeld": "handlungsfelder/fairer-handel/",
    "formate": "formate/",
    "bundesland": "bundeslaender/nw/",
    "beispiel": f"beispiele/{sorted(CASES)[0]}/",
    "ueber": "ueber/",
    "glossar": "ueber/glossar/",
    "mitmachen": "mitmachen/",
    "finder": "finden/?bundesland=by",
    "foerderung": "foerderung/",
    "barrierefreiheit": "barrierefreiheit/",
    "leichte-sprache": "leichte-sprache/",
    "404": "404.html",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=list(PAGE_TYPES))
def test_page_type_has_no_wcag_violations(page, url, scheme):
    """Both colour schemes: the dark one is chosen by the visitor's system setting."""
    assert AXE.exists(), "axe-core fehlt: `npm ci` ausführen (make test tut das)"
    page.emulate_media(color_scheme=scheme)
    # Served from the site's own origin: the pages' Content-Security-Policy refuses inline scripts.
    page.route(page.base + "axe.min.js", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.goto(page.base + url)
    page.add_script_tag(url=page.base + "axe.min.js")
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    violations = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
