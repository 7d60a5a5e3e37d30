"""Privacy in the real browser (DESIGN.md, Principles: no request leaves the visitor's browser
for third-party hosts): every page type, and the finder with a search and a filter, loads only
from the site itself, sets no cookie and, without a click, stores nothing but Material's colour
scheme. The `page` fixture fails the test on any request to a foreign host; these tests add the
kinds of request, cookies and every browser store. docs/ueber/qualitaet.md and the
Datenschutzerklärung name the one stored key.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from build.test_site_pages import CASES
from conftest import REPO

pytestmark = pytest.mark.browser

FIRST = sorted(CASES)[0]
PAGE_TYPES = {
    "startseite": "",
    "handlungsfelder": "handlungsfelder/",
    "handlungsfeld": f"handlungsfelder/{CASES[FIRST]['areas'][0]}/",
    "format": f"formate/{CASES[FIRST]['formats'][0]}/",
    "bundesland": f"bundeslaender/{CASES[FIRST]['state'].lower()}/",
    "beispiel": f"beispiele/{FIRST}/",
    "foerderung": "foerderung/",
    "merkliste": "merkliste/",
    "mitmachen": "mitmachen/",
    "referenz": "mitmachen/referenz/",
    "daten": "daten/",
    "leichte-sprache": "leichte-sprache/",
    "impressum": "impressum/",
    "404": "404.html",
}
# Nothing is stored before the visitor asks for it. The one key a click stores on any page:
# the colour scheme, in Material's key "<scope>.__palette" (scope: the site root, here "/"),
# written only after a click on the scheme toggle (javascripts/palette-choice.js). Named in
# the Datenschutzerklärung and in docs/ueber/qualitaet.md. (The Merkliste key: test_merkliste.)
PALETTE_KEY = "/.__palette"
# Material writes no sessionStorage key on any page of this site; should a Material update
# add one, name it here and in docs/ueber/qualitaet.md with its purpose.
MATERIAL_SESSION_STORAGE: set[str] = set()
# What a page of this site may load, by kind of request, as a pattern on the path below the
# site root. Never a beacon ("ping"), websocket, event source, manifest, media or font.
SANE_REQUESTS = {
    "document": r".*",
    "stylesheet": r".*\.css",
    "script": r".*\.m?js",
    "image": r".*",
    # Pagefind (finder and search only): its entry, index, filters, fragments and WebAssembly.
    "fetch": r"pagefind/.*",
    # No XHR: Material would read sitemap.xml for every <link rel=alternate> (meant for
    # language versions); the feed link says "alternate feed" so that it does not.
    # Chromium fetches the favicon itself, as kind "other".
    "other": r"assets/images/favicon\.png",
}

STORES = """async () => ({
  local: Object.keys(localStorage),
  session: Object.keys(sessionStorage),
  cookie: document.cookie,
  databases: indexedDB.databases ? (await indexedDB.databases()).map(db => db.name) : [],
  caches: await caches.keys(),
  workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
})"""


def record(page) -> list[tuple[str, str]]:
    """Every request of the page (the fixture separately fails on foreign hosts)."""
    requests: list[tuple[str, str]] = []
    page.on("request", lambda request: requests.append((request.resource_type, request.url)))
    return requests


def assert_private(page, requests: list[tuple[str, str]]) -> None:
    assert requests, "keine Anfrage aufgezeichnet"
    # Not just the same host: the very origin the site is served from (or inline data).
    assert [url for _, url in requests if not url.startswith((page.base, "data:"))] == []
    odd = [
        (kind, url) for kind, url in requests
        if not url.startswith("data:")
        and not re.fullmatch(SANE_REQUESTS.get(kind, "(?!)"), urlsplit(url).path.removeprefix(urlsplit(page.base).path))
    ]
    assert odd == [], f"unerwartete Art von Anfrage: {odd}"
    assert page.context.cookies() == []
    stores = page.evaluate(STORES)
    assert stores["cookie"] == ""
    assert stores["local"] == [], stores["local"]
    assert set(stores["session"]) <= MATERIAL_SESSION_STORAGE, stores["session"]
    assert (stores["databases"], stores["caches"], stores["workers"]) == ([], [], 0)


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=list(PAGE_TYPES))
def test_page_type_loads_only_from_the_site_and_stores_nothing(page, url):
    requests = record(page)
    page.goto(page.base + url, wait_until="networkidle")
    expect(page.locator("h1").first).to_be_visible()
    assert_private(page, requests)
    assert requests[0] == ("document", page.base + url)


def test_finder_with_search_and_filter_loads_only_from_the_site(page):
    """Search words and a facet: Pagefind fetches its index, filters and fragments, all local."""
    case = CASES[FIRST]
    state = case["state"].lower()
    query = case["city"].split()[-1]
    requests = record(page)
    page.goto(page.base + "finden/?" + f"q={query}&bundesland={state}")
    shown = "/finden/?" + urlencode({"q": query, "bundesland": state})
    expect(page.locator("#atlas-finder")).to_have_attribute("data-shown", shown, timeout=20000)
    assert page.locator(f"fieldset[data-facet=bundesland] input[value='{state}']").is_checked()
    page.wait_for_load_state("networkidle")
    assert any("/pagefind/" in url for _, url in requests)  # the search really ran
    assert_private(page, requests)


def test_a_whole_visit_stores_nothing(page):
    """One visitor, all page types in one browser context, no click: nothing is stored."""
    requests = record(page)
    for url in PAGE_TYPES.values():
        page.goto(page.base + url)
    page.wait_for_load_state("networkidle")
    assert_private(page, requests)


def test_only_picking_a_colour_scheme_stores_it_and_only_the_scheme(page):
    page.goto(page.base)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => Object.keys(localStorage)") == []
    page.locator("label[title=\"Dunkles Farbschema einschalten\"]:visible").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert page.evaluate("() => Object.keys(localStorage)") == [PALETTE_KEY]
    palette = page.evaluate(f"() => JSON.parse(localStorage.getItem('{PALETTE_KEY}'))")
    assert set(palette) <= {"index", "color"} and palette["color"]["scheme"] == "slate", palette
    page.goto(page.base + "finden/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")  # the choice holds


def test_every_stored_key_is_documented():
    """Each key a click may store is named, with its purpose, for visitors: on the quality page
    in full, in the Datenschutzerklärung by its name (without Material's scope prefix)."""
    quality = (REPO / "docs" / "ueber" / "qualitaet.md").read_text(encoding="utf-8")
    privacy = (REPO / "docs" / "datenschutz.md").read_text(encoding="utf-8")
    for key in {PALETTE_KEY} | MATERIAL_SESSION_STORAGE:
        assert f"`{key}`" in quality, key
        assert f"`{key.rsplit('.', 1)[-1]}`" in privacy, key
