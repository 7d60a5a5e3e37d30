"""/mitmachen/ in a real browser: the e-mail route opens a mail with the right address,
subject and questions, and the technical reference stays out of the site search.

These tests serve their own site, built in production mode with every operator setting
(the shared site has none), by overriding the `server` fixture of browser/conftest.py.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from browser.conftest import screenshot, serving
from build.test_legal_pages import CONFIGURED
from conftest import REPO, build_site

pytestmark = pytest.mark.browser

# Only the technical reference says this, in its prose (checked below, so that the search
# test cannot pass just because no page has it). Before the guide moved there, the same
# search on /finden/ found /mitmachen/.
REFERENCE_ONLY = "Front Matter"
# Only the short contributing page says this; it must be found, or the search test above
# could pass with a broken search.
CONTRIBUTE_WORD = "E-Mail-Programm"
EXPECTED_BODY = (
    "Guten Tag,\r\n\r\nich schlage dieses Beispiel für den Praxisatlas vor.\r\n\r\n"
    "Titel des Beispiels:\r\n\r\n"
    "Kommune (Stadt, Gemeinde oder Kreis):\r\n\r\n"
    "Bundesland:\r\n\r\n"
    "Was wurde gemacht? (zwei bis drei Sätze)\r\n\r\n"
    "Partner, auch migrantische und Diaspora-Organisationen (Name und Art):\r\n\r\n"
    "Quellen mit Internetadresse (https://…), je Quelle eine Zeile:\r\n\r\n"
    "Ansprechstelle in der Kommune (Dienststelle oder Organisation, keine Privatperson):\r\n\r\n"
    "Alle Angaben stehen in den genannten Quellen.\r\n"
)


@pytest.fixture(scope="module")
def configured_site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("contribute"), REPO / "examples", {**CONFIGURED, "PRAXISATLAS_PRODUCTION": "1"})
    assert build.code == 0, build.output
    return build


@pytest.fixture(scope="module")
def server(configured_site):
    """The configured site on a free loopback port (overrides browser/conftest.py)."""
    with serving(configured_site.site) as address:
        yield address


def test_mail_link_opens_a_mail_to_the_configured_address_with_subject_and_questions(page):
    page.goto(page.base + "mitmachen/")
    link = page.get_by_role("link", name="E-Mail mit Vorlage schreiben")
    expect(link).to_be_visible()
    href = link.get_attribute("href")
    target = urlsplit(href)
    assert (target.scheme, target.path) == ("mailto", "redaktion@atlas.test")
    assert parse_qs(target.query, strict_parsing=True) == {
        "subject": ["Vorschlag für den Praxisatlas: neues Beispiel"],
        "body": [EXPECTED_BODY],
    }
    # Percent-encoded throughout: no raw space, line break or umlaut for a mail program to misread.
    assert not set(href) & set(" \r\n<>\"äöüÄÖÜß…")
    screenshot(page, "mitmachen")


def test_issue_form_link_sits_beside_the_mail_route(page):
    page.goto(page.base + "mitmachen/")
    form = page.get_by_role("link", name="Formular „Beispiel vorschlagen“ auf GitHub öffnen")
    expect(form).to_have_attribute(
        "href", "https://github.com/eine-welt-test/praxisatlas/issues/new?template=beispiel-vorschlagen.yml"
    )


def test_the_reference_word_is_in_the_reference_page_prose_and_nowhere_else(configured_site):
    article = configured_site.page("mitmachen/referenz/").select_one("article")
    for code in article.select("pre, code"):  # never indexed (praxisatlas/searchindex.py)
        code.decompose()
    assert REFERENCE_ONLY in article.get_text(" ")
    for path in configured_site.site.rglob("*.html"):
        if path.parent.name != "referenz":
            assert REFERENCE_ONLY not in path.read_text(encoding="utf-8"), path


def finder_shows(page, query: str):
    """Open the finder with a query and wait until its list shows exactly that search."""
    query_string = urlencode({"q": query})
    page.goto(page.base + f"finden/?{query_string}")
    expect(page.locator("#atlas-finder")).to_have_attribute("data-shown", f"/finden/?{query_string}", timeout=20000)


def test_finder_search_does_not_find_the_technical_reference(page):
    """Pagefind may still match other pages loosely (stems, parts of words); the reference
    page must not be among the results, nor /mitmachen/, where the guide used to stand."""
    finder_shows(page, REFERENCE_ONLY)
    shown = page.locator("#atlas-finder-results .atlas-card__title a").evaluate_all("links => links.map((a) => a.pathname)")
    assert not [path for path in shown if path.startswith("/mitmachen/")], shown


def test_finder_search_finds_the_short_contributing_page(page):
    finder_shows(page, CONTRIBUTE_WORD)
    shown = page.locator("#atlas-finder-results .atlas-card__title a").evaluate_all("links => links.map((a) => a.pathname)")
    assert "/mitmachen/" in shown, shown
