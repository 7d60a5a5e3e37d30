"""What a visitor does: click from home to a case, use the keyboard only, print a case.

Searching is tested with the finder in test_finder.py."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from browser.conftest import screenshot
from build.test_site_pages import CASES

pytestmark = __import__("pytest").mark.browser


def test_home_to_area_to_case_by_clicking(page):
    page.goto(page.base)
    expect(page.locator("h1")).to_have_text("Praxisatlas Migration & Entwicklung")
    screenshot(page, "startseite")
    area_card = page.locator(".atlas-terms .atlas-term__title a").first
    area_name = area_card.inner_text()
    area_card.click()
    expect(page.locator("article h1")).to_have_text(area_name)
    screenshot(page, "handlungsfeld")
    case_link = page.locator(".atlas-cards .atlas-card__title a").first
    case_title = case_link.inner_text()
    case_link.click()
    expect(page.locator("article h1")).to_have_text(case_title)
    expect(page.locator(".atlas-facts")).to_contain_text(area_name)
    screenshot(page, "beispiel")


def test_keyboard_alone_reaches_search_and_main_navigation(page):
    page.goto(page.base)
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "() => { const e = document.activeElement; return (e.getAttribute('name') || '') + '|' + (e.textContent || '').trim() + '|' + e.className }"
        ))
    assert any("atlas-search__input" in item for item in reached), reached
    for label in ("Handlungsfelder", "Formate", "Bundesländer", "Mitmachen"):
        assert any(item.split("|")[1] == label for item in reached), (label, reached)
    page.keyboard.press("Shift+Tab")
    focused_ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert focused_ring != "none"


def test_case_page_prints_without_navigation(page):
    slug = sorted(CASES)[0]
    page.goto(f"{page.base}beispiele/{slug}/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    after = page.evaluate(
        "() => getComputedStyle(document.querySelector('.atlas-sources a[href^=\"http\"]'), '::after').content"
    )
    assert re.match(r'^" \(" attr\(href\) "\)"$|^" \(https?://', after), after
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
