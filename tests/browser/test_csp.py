"""The Content-Security-Policy in the real browser: Material still works, injected code does not run."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from build.test_site_pages import CASES

pytestmark = pytest.mark.browser

# Record violations from the first byte on, before any of the page's own scripts.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.__violations.push(event.effectiveDirective || event.violatedDirective);
});
"""
PAGES = {
    "startseite": "",
    "beispiel": f"beispiele/{sorted(CASES)[0]}/",
    "uebersicht": "handlungsfelder/",
    "404": "404.html",
}
# What a hostile case body could carry if it slipped past validation and sanitiser.
PAYLOAD = (
    '<img src="x" onerror="window.__pwned=1">'
    "<script>window.__pwned2=1</script>"
    '<a href="javascript:window.__pwned3=1" id="j">x</a>'
    '<svg onload="window.__pwned4=1"></svg>'
)
PWNED = "[window.__pwned, window.__pwned2, window.__pwned3, window.__pwned4]"


@pytest.mark.parametrize("url", PAGES.values(), ids=list(PAGES))
def test_page_runs_material_without_any_violation(page, url):
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(page.base + url)
    assert page.evaluate("typeof __md_scope") == "object"  # Material's hashed inline script ran
    page.keyboard.press("/")  # our own script (javascripts/shortcuts.js) focuses the search field
    expect(page.locator("#atlas-search-input")).to_be_focused()
    assert page.evaluate("window.__violations") == []
    assert [e for e in errors if "Content Security Policy" in e] == []


def test_finder_runs_pagefind_under_the_policy(page):
    """Pagefind compiles WebAssembly and fetches its index: allowed by 'self' and
    'wasm-unsafe-eval', with no violation and no eval."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(page.base + "finden/?q=Kommune")
    expect(page.locator("#atlas-finder")).to_have_attribute("data-shown", "/finden/?q=Kommune", timeout=20000)
    expect(page.locator(".atlas-cards--finder .atlas-card").first).to_be_visible()
    assert page.evaluate("window.__violations") == []
    assert errors == []


def open_case_with_payload(page, keep_policy: bool) -> None:
    """Serve a built case page with the payload in its article, as if injected after the build."""
    url = page.base + PAGES["beispiel"]

    def inject(route):
        response = route.fetch()
        body = response.text().replace("</article>", PAYLOAD + "</article>", 1)
        if not keep_policy:
            body = body.replace('http-equiv="Content-Security-Policy"', 'name="csp-removed"', 1)
        route.fulfill(response=response, body=body)

    page.route(url, inject)
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url)
    expect(page.locator("article #j")).to_have_count(1)
    page.locator("#j").click()


def test_injected_handlers_and_scripts_do_not_run(page):
    open_case_with_payload(page, keep_policy=True)
    # One refusal each: <img onerror>, <script>, the javascript: link, <svg onload>.
    page.wait_for_function("window.__violations.length >= 4")
    assert page.evaluate(PWNED) == [None, None, None, None]
    assert sorted(page.evaluate("window.__violations")) == ["script-src-attr", "script-src-attr", "script-src-elem", "script-src-elem"]


def test_the_same_payload_runs_without_the_policy(page):
    """Control: the payload is live code, so the test above proves the policy stops it."""
    open_case_with_payload(page, keep_policy=False)
    page.wait_for_function(f"{PWNED}.every(value => value === 1)")
    assert page.evaluate("window.__violations") == []
