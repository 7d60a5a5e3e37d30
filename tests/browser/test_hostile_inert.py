"""Hostile-looking text that the validator accepts is shown as text, never run, in a real browser.

tests/fixtures/hostile-inert/ holds a case whose body is full of things that look like
script (attribute lists, code blocks, escaped tags, tricky link titles) and an image
carrying GPS data, next to an image no case uses. Built with the real pipeline and
opened in Chromium: no dialog, no handler attribute, no script URL, no foreign request,
no metadata and no unreferenced file published.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from PIL import Image

from browser.conftest import serving
from conftest import FIXTURES, build_site

CASE_URL = "beispiele/harmlose-fallen/"


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("inert"), FIXTURES / "hostile-inert")
    assert build.code == 0, build.output
    return build


@pytest.fixture(scope="module")
def inert_server(inert_site):
    with serving(inert_site.site) as address:
        yield address


def test_hostile_looking_body_is_inert_in_the_browser(browser, inert_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    dialogs: list[str] = []
    foreign: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: foreign.append(request.url)
            if urlsplit(request.url).hostname not in ("127.0.0.1", None) and not request.url.startswith("data:") else None)
    page.goto(inert_server + CASE_URL)
    page.wait_for_function("document.readyState === 'complete'")
    image = page.locator(".atlas-body img")
    page.wait_for_function("document.querySelector('.atlas-body img').complete")
    assert image.evaluate("img => img.naturalWidth") == 64
    body = page.locator(".atlas-body")
    for visible in ('{: onclick="alert(1)" }', "<svg onload=alert(3)>", "<script>alert(4)</script>",
                    "<img src=x onerror=alert(6)>", "<script>alert(7)</script>"):
        assert visible in body.inner_text()
    body.locator("abbr").hover()
    body.locator("a[title]").first.hover()
    body.locator("summary").click()
    handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => a.name.toLowerCase().startsWith('on')).map(a => el.tagName + '[' + a.name + ']'))""")
    script_urls = page.evaluate("""() => [...document.querySelectorAll('[href],[src]')]
        .map(el => el.getAttribute('href') || el.getAttribute('src'))
        .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u))""")
    context.close()
    assert dialogs == []
    assert handlers == []
    assert script_urls == []
    assert foreign == []


def test_published_image_lost_its_metadata_and_unused_image_is_not_published(inert_site):
    images = inert_site.site / "beispiele" / "images"
    assert sorted(p.name for p in images.iterdir()) == ["markt-mit-gps.jpg"]
    original = Image.open(FIXTURES / "hostile-inert" / "images" / "markt-mit-gps.jpg")
    assert 0x8825 in original.getexif()  # the fixture really carries GPS data
    published = Image.open(io.BytesIO((images / "markt-mit-gps.jpg").read_bytes()))
    assert published.format == "JPEG" and published.size == (64, 48)
    assert dict(published.getexif()) == {}
    assert "Geheime Kamera" not in (images / "markt-mit-gps.jpg").read_bytes().decode("latin-1")
    assert not list(inert_site.site.rglob("nicht-verwendet.png"))
