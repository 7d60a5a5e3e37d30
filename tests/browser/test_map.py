"""The map of the Länder in Chromium: reachable and visibly focused by keyboard, named for
screen readers by the browser itself, large enough for a finger, free of axe findings in
the light and the dark scheme, and a click lands on the state page.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from browser.conftest import screenshot
from browser.test_accessibility import AXE, run_axe
from build.test_site_pages import VOCAB, expected_members

pytestmark = pytest.mark.browser

TILES = ".atlas-map__tile"
MEMBERS = expected_members("state")
FOCUS_STYLE = """e => { const s = getComputedStyle(e), r = getComputedStyle(e.querySelector('rect'));
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, r.stroke, r.strokeWidth].join('|') }"""


def expected_name(term: dict) -> str:
    count = len(MEMBERS.get(term["slug"], set()))
    return f"{term['label']}, {term['slug']}: {count} {'Beispiel' if count == 1 else 'Beispiele'}"


def test_tab_reaches_the_tiles_in_reading_order_with_a_visible_focus(page):
    page.goto(page.base)
    first = page.locator(TILES).first
    unfocused = first.evaluate(FOCUS_STYLE)
    for _ in range(80):
        page.keyboard.press("Tab")
        if first.evaluate("e => e === document.activeElement"):
            break
    else:
        pytest.fail("Tab erreicht die Karte nicht")
    focused = first.evaluate(FOCUS_STYLE)
    assert focused != unfocused and not focused.startswith("none|"), (unfocused, focused)
    order = [first.get_attribute("data-code")]
    for _ in range(3):
        page.keyboard.press("Tab")
        order.append(page.evaluate("() => document.activeElement.dataset.code"))
    assert order == ["SH", "HB", "HH", "MV"]
    screenshot(page, "karte-fokus")


def test_chromium_names_every_tile_with_land_and_count(page):
    page.goto(page.base)
    expect(page.locator(TILES)).to_have_count(len(VOCAB["states"]))
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    links = {node["name"]["value"] for node in nodes if node.get("role", {}).get("value") == "link" and "name" in node}
    assert {expected_name(term) for term in VOCAB["states"]} <= links


def test_clicking_a_tile_opens_its_state_page(page):
    term = max(VOCAB["states"], key=lambda term: len(MEMBERS.get(term["slug"], set())))
    page.goto(page.base)
    page.get_by_role("link", name=expected_name(term)).click()
    expect(page.locator("article h1")).to_have_text(term["label"])
    assert page.url == f"{page.base}bundeslaender/{term['slug'].lower()}/"
    expect(page.locator(".atlas-cards .atlas-card")).to_have_count(len(MEMBERS[term["slug"]]))


@pytest.mark.parametrize("url", ["", "bundeslaender/"], ids=["startseite", "bundeslaender"])
def test_tiles_are_at_least_44_px_square_on_a_phone(page, url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + url)
    tiles = page.locator(f"{TILES} rect")
    expect(tiles).to_have_count(len(VOCAB["states"]))
    sizes = [tiles.nth(index).bounding_box() for index in range(tiles.count())]
    assert min(min(box["width"], box["height"]) for box in sizes) >= 44, sizes
    page.locator(".atlas-map").scroll_into_view_if_needed()
    screenshot(page, f"karte-390px-{url.strip('/') or 'startseite'}")


@pytest.mark.parametrize("scheme", ["default", "slate"], ids=["hell", "dunkel"])
def test_home_page_with_the_map_has_no_serious_axe_findings(page, scheme):
    page.route(page.base + "axe.min.js", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.goto(page.base)
    page.evaluate("scheme => document.body.setAttribute('data-md-color-scheme', scheme)", scheme)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    serious = run_axe(page)
    screenshot(page, f"startseite-{scheme}")
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)
