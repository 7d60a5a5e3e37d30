"""Finding one's way: whole cards as click targets, breadcrumbs and the active tab on a
case page, related cases that say why, a colour scheme that follows the visitor, and a
printout that names the site. Expectations come from the case files (CASES)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser.conftest import screenshot
from build.test_site_pages import CASES, VOCAB

pytestmark = pytest.mark.browser

AREA_LABELS = {term["slug"]: term["label"] for term in VOCAB["areas"]}


def case_with_related() -> str:
    return sorted(CASES)[0]


def test_the_whole_card_is_one_link(page):
    page.goto(page.base + "finden/")
    card = page.locator(".atlas-cards .atlas-card").first
    title = card.locator(".atlas-card__title a").inner_text()
    assert card.locator("a").count() == 1  # one link for assistive technology
    box = card.bounding_box()
    card.click(position={"x": box["width"] / 2, "y": box["height"] - 8})  # near the bottom, far from the title
    expect(page.locator("article h1")).to_have_text(title)


def test_cards_line_up_with_their_heading_and_with_each_other(page):
    page.goto(page.base + "handlungsfelder/")
    heading = page.locator("#alle").bounding_box()
    boxes = [page.locator(".atlas-terms > li").nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["x"] - heading["x"]) < 1
    assert abs(boxes[0]["height"] - boxes[1]["height"]) < 1 and abs(boxes[0]["y"] - boxes[1]["y"]) < 1


def test_case_page_shows_where_it_is(page):
    slug = case_with_related()
    page.goto(f"{page.base}beispiele/{slug}/")
    crumbs = page.locator(".md-path .md-path__link")
    expect(crumbs).to_have_text(["Startseite", "Handlungsfelder", AREA_LABELS[CASES[slug]["areas"][0]]])
    expect(page.locator(".md-tabs__item--active")).to_have_text("Handlungsfelder")
    contents = page.locator(".md-sidebar--secondary .md-nav__link")
    expect(contents.first).to_have_text("Steckbrief")
    assert {"Zum Nachmachen", "Quellen"} <= {text.strip() for text in contents.all_inner_texts()}


def test_related_cases_say_what_they_have_in_common(page):
    slug = case_with_related()
    page.goto(f"{page.base}beispiele/{slug}/")
    reasons = page.locator(".atlas-cards--related .atlas-card__reasons")
    expect(reasons.first).to_contain_text("Gemeinsam: gleich")
    screenshot(page, "beispiel-aehnliche")


def test_dark_scheme_follows_the_system_and_the_toggle_switches_it(browser, server):
    context = browser.new_context(color_scheme="dark", locale="de-DE")
    page = context.new_page()
    try:
        page.goto(server)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        screenshot(page, "startseite-dunkel")
        page.locator("label[title=\"Helles Farbschema einschalten\"]:visible").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
        page.reload()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    finally:
        context.close()


def test_printed_case_names_the_site_and_its_address_without_related_cases(page):
    slug = case_with_related()
    page.goto(f"{page.base}beispiele/{slug}/")
    expect(page.locator(".atlas-print-header")).to_be_hidden()
    page.emulate_media(media="print")
    expect(page.locator(".atlas-print-header")).to_be_visible()
    expect(page.locator(".atlas-print-header")).to_contain_text(f"beispiele/{slug}/")
    expect(page.locator("#aehnliche-beispiele")).to_be_hidden()
    expect(page.locator(".md-path")).to_be_hidden()
    sources = page.locator(".atlas-sources li").all_inner_texts()
    assert not any(".." in line.replace("...", "") for line in sources), sources


@pytest.mark.parametrize("width,height,name", [(1366, 900, "desktop"), (390, 844, "telefon")])
def test_screenshots_for_review_and_nothing_wider_than_the_screen(browser, server, width, height, name):
    """Home, a case and the finder at desktop and phone width, saved in test-output/ for a
    human look; on the phone no page may scroll sideways."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
    page = context.new_page()
    try:
        for label, url in (("startseite", ""), ("beispiel", f"beispiele/{case_with_related()}/"), ("finder", "finden/")):
            page.goto(server + url)
            expect(page.locator("article h1")).to_be_visible()
            if label == "finder":
                expect(page.locator("#atlas-finder")).to_have_attribute("data-shown", "/finden/", timeout=20000)
            screenshot(page, f"{label}-{name}")
            assert page.evaluate("() => document.documentElement.scrollWidth") <= width, (label, name)
    finally:
        context.close()
