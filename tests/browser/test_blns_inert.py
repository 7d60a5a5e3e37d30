"""Naughty strings in a real browser (issue #13, item 5): nothing of them runs.

The strings of the Big List of Naughty Strings that would act if they were markup or
template code (`<script`, `onerror`, `javascript:`, `alert(`, `{{`, `${` …) are put into
every field that accepts them, as tests/security/test_blns.py does (its helpers are loaded
from there), and built with the real pipeline. Chromium opens three of the case pages and
marks them for the Merkliste, then the Merkliste (drawn by script from the stored
records), the finder with all cases (drawn by script from the Pagefind index) and the
home page. The Content-Security-Policy is taken out of every page on the way, so the
escaping alone has to hold (the policy is tested on its own in test_csp.py). No dialog
may open, no script error happen, no request leave 127.0.0.1, and no handler attribute
or script URL may appear in the live document. A control at the end shows that the same
page with one string left unescaped does open a dialog.
"""

from __future__ import annotations

import importlib.util
import sys
from urllib.parse import urlsplit

import pytest
from markupsafe import escape
from playwright.sync_api import expect

from browser.conftest import serving, show_all_results
from conftest import REPO, build_site

pytestmark = pytest.mark.browser


def _blns_helpers():
    spec = importlib.util.spec_from_file_location("blns_helpers", REPO / "tests" / "security" / "test_blns.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


BLNS = _blns_helpers()
CASES_OPENED = 3
ACTING_IN_DOM = """() => [...document.querySelectorAll('*')].flatMap(el => [
  ...[...el.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => el.tagName + '[' + a.name + ']'),
  ...['href', 'src', 'action', 'formaction'].map(n => el.getAttribute(n))
     .filter(u => u && /^[\\s\\x00-\\x20]*(javascript|vbscript|data):/i.test(u)).map(u => el.tagName + ' ' + u),
])"""


@pytest.fixture(scope="module")
def active_site(tmp_path_factory):
    strings = [s for s in BLNS.naughty_strings() if any(mark in s.lower() for mark in BLNS.ACTIVE)]
    work = tmp_path_factory.mktemp("blns-browser")
    verdicts = {
        "genau": BLNS.judge(work / "genau", {i: {n: s for n in BLNS.ALL_FIELDS} for i, s in enumerate(strings)}),
        "aufgefuellt": BLNS.judge(work / "aufgefuellt", {i: {n: BLNS.padded(n, s) for n in BLNS.ALL_FIELDS} for i, s in enumerate(strings)}),
    }
    assert [fault for result in verdicts.values() for fault in result.faults] == []
    sample = BLNS.build_sample(strings, verdicts, size=len(strings))
    assert len(sample.cases) > CASES_OPENED and any("<script" in s.lower() for s in sample.strings.values())
    folder = work / "beispiele"
    BLNS.write_cases(folder, sample.cases)
    build = build_site(work, folder)
    assert build.code == 0, build.output
    with serving(build.site) as address:
        yield sample, address


def without_policy(route):
    """Serve HTML without its Content-Security-Policy: escaping has to hold on its own."""
    if route.request.resource_type != "document":
        route.continue_()
        return
    response = route.fetch()
    body = response.text().replace('http-equiv="Content-Security-Policy"', 'name="csp-removed"')
    route.fulfill(response=response, body=body)


def test_naughty_strings_do_not_run_in_the_browser(browser, active_site):
    sample, base = active_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    foreign: list[str] = []
    acting: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: foreign.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:") else None)
    page.route("**/*", without_policy)

    def look(url: str) -> None:
        page.wait_for_function("document.readyState === 'complete'")
        assert page.locator('meta[name="csp-removed"]').count() == 1  # the policy really is off
        acting.extend(f"{url}: {item}" for item in page.evaluate(ACTING_IN_DOM))

    numbers = sorted(sample.cases)[:CASES_OPENED]
    titles = {n: sample.cases[n].get("title", f"Faire Woche Nummer {n}") for n in numbers}
    for number in numbers:
        url = f"beispiele/blns-{number:03d}/"
        page.goto(base + url)
        look(url)
        assert page.evaluate("document.querySelector('h1').textContent") == titles[number]
        button = page.locator(".atlas-marker button")
        button.click()
        expect(button).to_have_attribute("aria-pressed", "true")
        look(url)

    page.goto(base + "merkliste/")
    expect(page.locator(".js-merkliste-list > li")).to_have_count(CASES_OPENED)
    shown = page.locator(".js-merkliste-list .js-item-title").evaluate_all("links => links.map(a => a.textContent)")
    assert sorted(map(BLNS.normal, shown)) == sorted(BLNS.normal(title) for title in titles.values())
    look("merkliste/")

    page.goto(base + "finden/?handlungsfeld=fairer-handel")
    expect(page.locator("#atlas-finder")).to_have_attribute("data-shown", "/finden/?handlungsfeld=fairer-handel", timeout=20000)
    show_all_results(page)
    expect(page.locator(".atlas-cards--finder .atlas-card")).to_have_count(len(sample.cases))
    look("finden/")

    page.goto(base)
    look("")
    assert dialogs == []
    assert errors == []
    assert foreign == []
    assert acting == []

    # Control: the same kind of page with one string not escaped does open a dialog here.
    number, value = next((n, v) for (n, name), s in sample.strings.items() for v in [sample.cases[n][name]]
                         if name != BLNS.BODY and "<script>alert(" in v and "'" not in v and '"' not in v)
    url = base + f"beispiele/blns-{number:03d}/"

    def unescaped(route):
        response = route.fetch()
        body = response.text().replace('http-equiv="Content-Security-Policy"', 'name="csp-removed"')
        route.fulfill(response=response, body=body.replace(str(escape(value)), value))

    page.route(url, unescaped)
    page.goto(url)
    page.wait_for_function("document.readyState === 'complete'")
    context.close()
    assert dialogs, "Kontrolle: ein nicht maskierter Text hätte einen Dialog öffnen müssen"
