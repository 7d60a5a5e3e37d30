"""A real browser (Debian chromium via playwright) against the built site on 127.0.0.1."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
# Flags from the machine notes: no background traffic to Google hosts, no sandbox as root.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = REPO / "test-output" / "screenshots"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """Serve a built site on a free loopback port; yields its address, stops on exit."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


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
