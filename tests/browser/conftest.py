"""A real browser (Debian chromium via playwright) against the built site on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import REPO
from lighthouse import CHROME_FLAGS, CHROMIUM
from praxisatlas.compressedserver import serving  # served with gzip and cache headers, as a host would

# The flags Lighthouse runs with (scripts/lighthouse.py): no background traffic to Google
# hosts, no sandbox as root.
CHROMIUM_ARGS = CHROME_FLAGS.split()
SCREENSHOTS = REPO / "test-output" / "screenshots"


@pytest.fixture(scope="session")
def server(real_site):
    """Serve the built site for the whole session."""
    with serving(real_site.site) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request leaving 127.0.0.1; the test fails on any."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    foreign: list[str] = []
    page.on("request", lambda request: foreign.append(request.url) if urlsplit(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:") else None)
    page.base = server
    yield page
    context.close()
    assert foreign == [], f"Anfragen an fremde Hosts: {foreign}"


FINDER_RESULTS = ".atlas-cards--finder .atlas-card"


def show_all_results(page) -> None:
    """The finder draws a page of results at a time: ask for more until its button goes,
    waiting each time for the list to grow."""
    more = page.locator("#atlas-finder-more")
    while more.is_visible():
        before = page.locator(FINDER_RESULTS).count()
        more.click()
        expect(page.locator(FINDER_RESULTS)).not_to_have_count(before)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
