"""Accessibility in the real browser: axe-core with all its rules (WCAG A/AA and best
practices) on every page type, in the light and the dark scheme, at desktop and phone
width; plus what axe cannot judge alone: one h1, German, a skip link, a visible focus on
every element the keyboard reaches, large enough targets, alt texts.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from build.test_site_pages import CASES
from browser.conftest import serving
from conftest import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CASE = sorted(CASES)[0]
PAGE_TYPES = {
    "startseite": "",
    "handlungsfelder": "handlungsfelder/",
    "handlungsfeld": "handlungsfelder/fairer-handel/",
    "format": "formate/veranstaltungen/",
    "bundeslaender": "bundeslaender/",
    "bundesland": "bundeslaender/nw/",
    "beispiel": f"beispiele/{CASE}/",
    "finder": "finden/",
    "finder-gefiltert": "finden/?bundesland=by",
    "finder-ohne-treffer": "finden/?q=Gambia",
    "foerderung": "foerderung/",
    "merkliste": "merkliste/",
    "mitmachen": "mitmachen/",
    "referenz": "mitmachen/referenz/",
    "daten": "daten/",
    "ueber": "ueber/",
    "leichte-sprache": "leichte-sprache/",
    "barrierefreiheit": "barrierefreiheit/",
    "404": "404.html",
}
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "telefon": {"width": 390, "height": 844}}
# Rules switched off, each with the reason as a comment. Today none: every axe rule runs,
# best practices included.
DISABLED_RULES: dict[str, str] = {}
BLOCKING = {"serious", "critical"}


def run_axe(page) -> list[dict]:
    page.add_script_tag(url=page.base + "axe.min.js")
    result = page.evaluate(
        "async (rules) => await axe.run(document, {rules, resultTypes: ['violations']})",
        {rule: {"enabled": False} for rule in DISABLED_RULES},
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"] if v["impact"] in BLOCKING
    ]


def open_ready(page, url: str) -> None:
    """Open a page and wait until it shows its final state (the finder: its results)."""
    # Served from the site's own origin: the pages' Content-Security-Policy refuses inline scripts.
    page.route(page.base + "axe.min.js", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    page.goto(page.base + url)
    if url.startswith("finden/"):
        # The finder marks the state its list and counts show (data-shown), e.g. "/finden/?q=…".
        expect(page.locator("#atlas-finder")).to_have_attribute("data-shown", "/" + url, timeout=20000)


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=list(PAGE_TYPES))
def test_no_serious_or_critical_axe_violation(page, url, scheme, viewport):
    assert AXE.exists(), "axe-core fehlt: `npm ci` ausführen (make test tut das)"
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    open_ready(page, url)
    violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("url", PAGE_TYPES.values(), ids=list(PAGE_TYPES))
def test_page_is_german_with_one_h1_a_skip_link_and_alt_texts(page, url):
    open_ready(page, url)
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").count() == 1
    if url != "404.html":  # the error page has no contents to skip to
        skip = page.locator("a.md-skip")
        assert skip.count() == 1
        target = skip.get_attribute("href")
        assert page.locator(target).count() == 1, target
    assert page.locator("img:not([alt])").count() == 0


@pytest.mark.parametrize("url", ["", f"beispiele/{CASE}/", "finden/"], ids=["startseite", "beispiel", "finder"])
def test_every_element_the_keyboard_reaches_shows_its_focus(page, url):
    """Tab through the page; at each stop the picture around the element (and around the
    card it belongs to) must change when focus leaves it: a visible focus, whatever its style."""
    open_ready(page, url)
    invisible, seen = [], set()
    for _ in range(150):
        page.keyboard.press("Tab")
        stop = page.evaluate(
            """() => {
                const e = document.activeElement;
                if (!e || e === document.body) return null;
                const area = (e.closest('.atlas-card, .atlas-term') || e).getBoundingClientRect();
                const own = e.getBoundingClientRect();
                const left = Math.max(0, Math.min(area.left, own.left) - 4), top = Math.max(0, Math.min(area.top, own.top) - 4);
                return {id: e.outerHTML.slice(0, 90), x: left, y: top,
                        width: Math.max(area.right, own.right) + 4 - left, height: Math.max(area.bottom, own.bottom) + 4 - top,
                        visible: own.width > 0 && own.height > 0};
            }"""
        )
        if stop is None or stop["id"] in seen:
            break
        seen.add(stop["id"])
        if not stop["visible"]:
            continue
        clip = {key: stop[key] for key in ("x", "y", "width", "height")}
        focused = page.screenshot(clip=clip)
        page.evaluate("() => { window.__atlasStop = document.activeElement; document.activeElement.blur(); }")
        blurred = page.screenshot(clip=clip)
        page.evaluate("() => window.__atlasStop.focus({focusVisible: true})")
        if focused == blurred:
            invisible.append(stop["id"])
    assert len(seen) > 5
    assert invisible == []


def test_map_tiles_and_filter_boxes_are_large_enough_targets(page):
    """WCAG 2.5.8: at least 24 × 24 CSS pixels (the label counts for a checkbox)."""
    open_ready(page, "finden/")
    small = page.evaluate(
        """() => [...document.querySelectorAll('.atlas-map__tile, .atlas-facet__option')]
            .map((e) => ({e: e.className.baseVal ?? e.className, r: e.getBoundingClientRect()}))
            .filter(({r}) => r.width > 0 && (r.width < 24 || r.height < 24))
            .map(({e, r}) => `${e} ${Math.round(r.width)}×${Math.round(r.height)}`)"""
    )
    assert small == []


def test_the_finder_works_with_the_keyboard_alone(page):
    open_ready(page, "finden/")
    page.locator("#atlas-finder-q").focus()
    page.keyboard.type("Partnerschaft")
    page.keyboard.press("Enter")
    expect(page.locator("#atlas-finder")).to_have_attribute("data-shown", "/finden/?q=Partnerschaft", timeout=20000)
    box = page.locator("fieldset[data-facet=bundesland] input").first
    box.focus()
    page.keyboard.press("Space")
    value = box.get_attribute("value")
    expect(page.locator("#atlas-finder")).to_have_attribute(
        "data-shown", f"/finden/?q=Partnerschaft&bundesland={value}", timeout=20000
    )


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_later_page_of_a_long_list_has_no_serious_or_critical_violation(page, long_site, scheme, viewport):
    """Pages 2, 3 … of a list exist only once the atlas is large: the generated long-list site."""
    later = sorted(long_site.site.glob("formate/*/seite-2/index.html"))
    assert later, "the long-list site has no second page"
    page.set_viewport_size(VIEWPORTS[viewport])
    page.emulate_media(color_scheme=scheme)
    with serving(long_site.site) as base:
        page.base = base
        open_ready(page, later[0].parent.relative_to(long_site.site).as_posix() + "/")
        assert page.locator("nav.atlas-pages [aria-current=page]").count() == 1
        violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1, ensure_ascii=False)
