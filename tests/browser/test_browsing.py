"""What a visitor does: click from home to a case, search, use the keyboard only."""

from __future__ import annotations

import json
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


def search(page, query: str):
    page.goto(page.base)
    page.locator("input.md-search__input").fill(query)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    return results


def all_result_links(page, results) -> list[str]:
    """Material renders ten results at a time as the list scrolls; scroll until all are there."""
    total = int(page.locator(".md-search-result__meta").inner_text().split()[0])
    while results.count() < total:
        shown = results.count()
        page.locator(".md-search__scrollwrap").evaluate("wrap => { wrap.scrollTop = wrap.scrollHeight }")
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=shown)
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def test_search_finds_a_case_by_its_municipality(page):
    slug, data = sorted(CASES.items())[0]
    results = search(page, data["city"].split()[0])
    expect(page.locator(f".md-search-result__item a[href*='beispiele/{slug}/']").first).to_be_attached()
    assert results.count() >= 1


WORD_FORMS = [("Partnerschaft", "Partnerschaften"), ("Verein", "Vereinen"), ("Kommune", "Kommunen"), ("Projekt", "Projekten")]


def test_search_finds_german_word_forms(page, real_site):
    """A query in the singular finds a case whose text has only the plural (German stemmer)."""
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        if doc["location"].startswith("beispiele/"):
            slug = doc["location"].split("/")[1]
            texts[slug] = texts.get(slug, "") + " " + doc["title"] + " " + doc["text"]
    for singular, plural in WORD_FORMS:
        only_plural = [s for s, t in texts.items() if re.search(rf"\b{plural}\b", t) and not re.search(rf"\b{singular}\b", t)]
        if only_plural:
            break
    else:
        raise AssertionError("no case has a plural form without its singular; extend WORD_FORMS")
    results = search(page, singular)
    hrefs = all_result_links(page, results)
    assert any(f"beispiele/{slug}/" in href for href in hrefs for slug in only_plural), (singular, only_plural, hrefs)


def test_keyboard_alone_reaches_search_and_main_navigation(page):
    page.goto(page.base)
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(
            "() => { const e = document.activeElement; return (e.getAttribute('name') || '') + '|' + (e.textContent || '').trim() + '|' + e.className }"
        ))
    assert any("md-search__input" in item for item in reached), reached
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
