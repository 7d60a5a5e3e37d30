"""The Merkliste in a real browser: mark cases, see and trim the list, print the handout.

Expected texts come from the case files (PyYAML), not from the code that writes the
record. Everything must stay in the browser: one localStorage key, no cookie, no fetch,
no request beyond 127.0.0.1 (the `page` fixture fails on any).
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from playwright.sync_api import expect

from browser.conftest import screenshot
from browser.test_accessibility import AXE, run_axe
from build.test_site_pages import CASES, VOCAB
from conftest import REPO

pytestmark = pytest.mark.browser

KEY = "praxisatlas-merkliste"
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember")
STATES = {term["slug"]: term["label"] for term in VOCAB["states"]}


def copy_section(slug: str) -> str | None:
    """The plain text of a case's "Zum Nachmachen" section, if it is its last and has no markup."""
    body = (REPO / "examples" / f"{slug}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    parts = body.split("\n## Zum Nachmachen\n")
    if len(parts) != 2 or "\n#" in parts[1] or re.search(r"[\[\]*_`<>|]", parts[1]):
        return None
    return " ".join(parts[1].split())


# Two cases with a contact office and a plain copy section; marked in reverse order, so
# the list must follow the order of marking, not the alphabet.
CHOSEN = [slug for slug in sorted(CASES) if CASES[slug].get("contact") and copy_section(slug)][:2]
FIRST, SECOND = reversed(CHOSEN)


def mark(page, slug: str, count: int) -> None:
    """Mark a case with the keyboard, as a screen-reader user would, and wait for the announcement."""
    page.goto(f"{page.base}beispiele/{slug}/")
    button = page.locator(".atlas-marker button")  # its name changes with its state
    expect(button).to_have_text("Auf die Merkliste")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")
    expect(button).to_have_text("Von der Merkliste nehmen")
    noun = "Beispiel" if count == 1 else "Beispiele"
    expect(page.locator(".atlas-marker [role=status]")).to_have_text(
        f"„{CASES[slug]['title']}“ steht jetzt auf der Merkliste ({count} {noun})."
    )
    expect(page.locator(".atlas-marker__count")).to_have_text(f"Merkliste ({count})")


def open_list(page) -> None:
    page.goto(page.base + "merkliste/")
    expect(page.locator(".atlas-merkliste")).to_be_visible()


def german_today() -> str:
    today = dt.date.today()
    return f"{today.day}. {MONTHS[today.month - 1]} {today.year}"


def test_two_marked_cases_survive_a_reload_and_are_listed_in_marking_order_with_all_fields(page):
    assert len(CHOSEN) == 2, "zwei Beispiele mit Ansprechstelle und „Zum Nachmachen“ nötig"
    mark(page, FIRST, 1)
    screenshot(page, "merkliste-beispiel-gemerkt")
    mark(page, SECOND, 2)
    page.reload()
    expect(page.get_by_role("button", name="Von der Merkliste nehmen")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("link", name="Merkliste (2)").click()
    expect(page.locator("article h1")).to_have_text("Merkliste")
    page.reload()
    items = page.locator(".atlas-handout__case")
    expect(items.locator(".atlas-handout__name")).to_have_text([CASES[FIRST]["title"], CASES[SECOND]["title"]])
    expect(page.locator(".atlas-merkliste__status")).to_have_text("2 Beispiele auf der Merkliste, in der Reihenfolge des Merkens.")
    for item, slug in zip((items.nth(0), items.nth(1)), (FIRST, SECOND)):
        case = CASES[slug]
        expect(item.locator(".atlas-handout__place")).to_have_text(f"{case['city']}, {STATES[case['state']]}")
        expect(item.locator(".atlas-handout__summary")).to_have_text(case["summary"])
        expect(item.locator(".atlas-handout__copy h3")).to_have_text("Zum Nachmachen")
        expect(item.locator(".atlas-handout__copy p")).to_have_text([copy_section(slug)])
        contact = item.locator(".js-item-contact-block dd")
        expect(contact.locator(".js-item-contact")).to_have_text(case["contact"]["name"])
        if case["contact"].get("url"):
            expect(contact.locator("a")).to_have_text(case["contact"]["url"])
        page_address = f"{page.base}beispiele/{slug}/"
        expect(item.locator(".js-item-page")).to_have_text(page_address)
        expect(item.locator(".js-item-page")).to_have_attribute("href", page_address)
        expect(item.locator(".atlas-handout__name a")).to_have_attribute("href", page_address)
        sources = item.locator(".js-item-sources > li")
        expect(sources).to_have_count(len(case["sources"]))
        for line, source in zip(sources.all(), case["sources"]):
            expect(line).to_contain_text(source["title"])
            if source.get("url"):
                expect(line.locator("a")).to_have_text(source["url"])
            elif source.get("offline"):
                expect(line).to_contain_text(f"Ohne Web-Adresse: {source['offline']}")
    screenshot(page, "merkliste-liste")


def test_removing_one_case_keeps_the_other_announces_it_and_keeps_keyboard_focus(page):
    mark(page, FIRST, 1)
    mark(page, SECOND, 2)
    open_list(page)
    page.get_by_role("button", name=f"Von der Merkliste nehmen: {CASES[FIRST]['title']}").click()
    expect(page.locator(".atlas-handout__name")).to_have_text([CASES[SECOND]["title"]])
    expect(page.locator(".atlas-merkliste__status")).to_have_text(
        f"„{CASES[FIRST]['title']}“ ist nicht mehr auf der Merkliste. 1 Beispiel auf der Merkliste, in der Reihenfolge des Merkens."
    )
    expect(page.get_by_role("button", name=f"Von der Merkliste nehmen: {CASES[SECOND]['title']}")).to_be_focused()
    page.reload()
    expect(page.locator(".atlas-handout__name")).to_have_text([CASES[SECOND]["title"]])
    page.goto(f"{page.base}beispiele/{FIRST}/")
    expect(page.get_by_role("button", name="Auf die Merkliste")).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".atlas-marker__count")).to_have_text("Merkliste (1)")


def test_clearing_the_list_leaves_nothing_stored_and_points_to_the_finder(page):
    mark(page, FIRST, 1)
    open_list(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Liste leeren").click()
    empty = page.locator(".atlas-merkliste__empty")
    expect(empty).to_be_visible()
    expect(empty.get_by_role("link", name="Beispiele finden")).to_be_focused()
    expect(page.locator(".atlas-merkliste__status")).to_have_text("Die Merkliste ist leer.")
    expect(page.get_by_role("button", name="Drucken / als PDF speichern")).to_be_hidden()
    assert page.evaluate("() => Object.keys(localStorage)") == []


def test_empty_list_explains_how_to_mark_and_links_to_the_finder(page):
    open_list(page)
    empty = page.locator(".atlas-merkliste__empty")
    expect(empty).to_contain_text("Ihre Merkliste ist leer. Öffnen Sie ein Beispiel und wählen Sie „Auf die Merkliste“")
    link = empty.get_by_role("link", name="Beispiele finden")
    link.click()
    expect(page).to_have_url(page.base + "finden/")


def test_the_list_stays_in_the_browser_one_storage_key_no_cookie_no_fetch(page):
    loads: list[str] = []
    page.on("request", lambda request: loads.append(request.url) if request.resource_type in ("fetch", "xhr") else None)
    mark(page, FIRST, 1)
    open_list(page)
    expect(page.locator(".atlas-handout__case")).to_have_count(1)
    assert page.evaluate("() => Object.keys(localStorage)") == [KEY]
    assert page.evaluate("() => Object.keys(sessionStorage)") == []
    assert page.context.cookies() == []
    assert page.evaluate("() => document.cookie") == ""
    # Material itself reads the site's own sitemap.xml; the Merkliste fetches nothing.
    assert [url for url in loads if url != page.base + "sitemap.xml"] == []


def test_print_shows_only_the_handout_with_site_name_date_and_written_out_addresses(page):
    mark(page, FIRST, 1)
    mark(page, SECOND, 2)
    open_list(page)
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", "article h1",
                   ".atlas-merkliste__intro", ".atlas-merkliste__actions", ".atlas-merkliste__status"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator(".js-item-remove").first).to_be_hidden()
    head = page.locator(".atlas-handout__head")
    expect(head).to_be_visible()
    expect(head.locator(".atlas-handout__site")).to_have_text(f"Praxisatlas Migration & Entwicklung · {page.base}")
    expect(head.locator(".atlas-handout__date")).to_have_text(f"Gedruckt am {german_today()}")
    expect(head.locator("time")).to_have_attribute("datetime", dt.date.today().isoformat())
    for slug in (FIRST, SECOND):
        expect(page.locator(".js-item-page", has_text=f"{page.base}beispiele/{slug}/")).to_be_visible()
    styles = page.evaluate("""() => {
        const css = (selector, property) => getComputedStyle(document.querySelector(selector)).getPropertyValue(property);
        return {
          title: css('.atlas-handout__name', 'break-after'),
          top: css('.atlas-handout__top', 'break-inside'),
          sub: css('.atlas-handout__copy h3', 'break-after'),
        };
    }""")
    assert styles == {"title": "avoid", "top": "avoid", "sub": "avoid"}
    screenshot(page, "merkliste-druck")


def test_print_is_black_on_white_even_in_the_dark_scheme(page):
    page.emulate_media(color_scheme="dark")  # before the first page: Material then keeps it
    mark(page, FIRST, 1)
    open_list(page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    screenshot(page, "merkliste-dunkel")
    expect(page.locator(".atlas-handout__summary")).not_to_have_css("color", "rgb(0, 0, 0)")
    page.emulate_media(media="print", color_scheme="dark")
    # to_have_css waits: Material fades link colours with a CSS transition.
    for selector in (".atlas-handout__summary", ".atlas-handout__place", ".js-item-page", ".atlas-handout__name a"):
        expect(page.locator(selector)).to_have_css("color", "rgb(0, 0, 0)")


def test_tampered_storage_is_shown_as_text_and_never_links_to_scripts(page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = "<img src=x onerror=alert(1)>"
    stored = {"version": 1, "cases": [
        {"slug": "fiese-zeichen", "title": hostile, "city": "<b>Ort</b>", "state": "NW", "summary": hostile,
         "copy": [hostile, 42], "page": "javascript:alert(2)",
         "contact": {"name": hostile, "url": "data:text/html,<script>alert(3)</script>"},
         "sources": [{"title": hostile, "url": "javascript:alert(4)", "details": {"x": 1}}, "kaputt"]},
        {"title": "ohne Kennung"},
        {"slug": "../../etc", "title": "falsche Kennung"},
    ]}
    open_list(page)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(stored)])
    page.reload()
    item = page.locator(".atlas-handout__case")
    expect(item).to_have_count(1)
    expect(item.locator(".atlas-handout__name")).to_have_text(hostile)
    expect(item.locator(".atlas-handout__place")).to_have_text("<b>Ort</b>, NW")
    expect(item.locator(".atlas-handout__copy p")).to_have_text([hostile])
    expect(item.locator(".js-item-sources > li")).to_have_text([hostile])
    assert item.locator("img, b, script").count() == 0
    hrefs = item.locator("a[href]").evaluate_all("links => links.map((a) => a.getAttribute('href'))")
    assert hrefs == []
    assert dialogs == []


def test_unreadable_storage_counts_as_an_empty_list(page):
    open_list(page)
    page.evaluate("(key) => localStorage.setItem(key, '{kaputt')", KEY)
    page.reload()
    expect(page.locator(".atlas-merkliste__empty")).to_be_visible()


def test_without_javascript_nothing_is_offered_and_the_list_page_says_why(browser, server):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(f"{server}beispiele/{FIRST}/")
    expect(page.locator("article h1")).to_have_text(CASES[FIRST]["title"])
    expect(page.locator(".atlas-marker")).to_be_hidden()
    page.goto(server + "merkliste/")
    expect(page.locator(".atlas-merkliste__message").first).to_contain_text("Die Merkliste braucht JavaScript")
    expect(page.locator(".atlas-merkliste")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_list_page_and_toggle_have_no_serious_axe_violations(page, scheme):
    page.emulate_media(color_scheme=scheme)
    mark(page, FIRST, 1)
    page.route(page.base + "axe.min.js", lambda route: route.fulfill(path=AXE, content_type="text/javascript"))
    violations = {}
    for url in (f"beispiele/{FIRST}/", "merkliste/"):
        page.goto(page.base + url)
        expect(page.locator(".atlas-marker, .atlas-merkliste").first).to_be_visible()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate" if scheme == "dark" else "default")
        # A focused button shows the colours most likely to clash (pressed toggle, outlined button).
        page.locator(".atlas-marker button, .js-item-remove").first.focus()
        violations[url] = run_axe(page)
    assert violations == {f"beispiele/{FIRST}/": [], "merkliste/": []}, json.dumps(violations, indent=1, ensure_ascii=False)
