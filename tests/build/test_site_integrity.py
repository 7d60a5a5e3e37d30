"""Links resolve, nothing comes from third-party hosts, and the meta data is right."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from build.test_site_pages import CASES

SITE_HOST = "atlas.test"


def html_pages(site):
    return sorted(site.rglob("*.html"))


def test_every_internal_link_and_asset_resolves(real_site):
    broken = []
    for page in html_pages(real_site.site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag):
                target = element.get(attribute)
                if not target:
                    continue
                parts = urlsplit(target)
                if parts.scheme or target.startswith(("#", "mailto:")):
                    continue
                resolved = (page.parent / parts.path).resolve() if not parts.path.startswith("/") else real_site.site / parts.path.lstrip("/")
                if resolved.is_dir():
                    resolved = resolved / "index.html"
                if not resolved.exists():
                    broken.append(f"{page.relative_to(real_site.site)} -> {target}")
    assert broken == []


def test_no_page_loads_anything_from_another_host(real_site):
    foreign = []
    for page in html_pages(real_site.site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("script[src], link[href], img[src], iframe, source[src]"):
            if element.name == "link" and "canonical" in element.get("rel", []):
                continue
            target = element.get("src") or element.get("href") or ""
            host = urlsplit(target).hostname
            if host and host != SITE_HOST:
                foreign.append(f"{page.name}: {target}")
    assert foreign == []


def test_case_page_has_canonical_and_open_graph_tags(real_site):
    slug, data = sorted(CASES.items())[0]
    page = real_site.page(f"beispiele/{slug}/")
    assert page.select_one("link[rel=canonical]")["href"] == f"https://{SITE_HOST}/beispiele/{slug}/"
    assert page.select_one("meta[property='og:title']")["content"] == data["title"]
    assert page.select_one("meta[property='og:description']")["content"] == data["summary"]
    assert page.select_one("html")["lang"] == "de"


def test_sitemap_lists_every_case(real_site):
    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    for slug in CASES:
        assert f"<loc>https://{SITE_HOST}/beispiele/{slug}/</loc>" in sitemap


def test_404_page_is_german(real_site):
    page = real_site.page("404.html")
    assert page.select_one("article h1").get_text() == "Seite nicht gefunden"


def test_search_index_is_pagefind_with_cases_and_hand_written_pages_only(real_site):
    """Pagefind indexes what carries data-pagefind-body: case pages and hand-written pages."""
    assert (real_site.site / "pagefind" / "pagefind.js").is_file()
    assert not (real_site.site / "search" / "search_index.json").exists()
    slug = sorted(CASES)[0]
    case = real_site.page(f"beispiele/{slug}/")
    body = case.select_one("[data-pagefind-body]")
    assert body is not None and body.select_one("h1").get_text() == CASES[slug]["title"]
    related = body.select_one(".atlas-cards--related")
    assert related is None or related.find_parent(attrs={"data-pagefind-ignore": True}) is not None
    filters = {(f["data-pagefind-filter"], f.get_text()) for f in case.select("[data-pagefind-filter]")}
    assert ("bundesland", CASES[slug]["state"].lower()) in filters
    assert {("handlungsfeld", area) for area in CASES[slug]["areas"]} <= filters
    assert real_site.page("mitmachen/").select_one("[data-pagefind-body]") is not None
    for listing in ("", "handlungsfelder/", "formate/veranstaltungen/", "bundeslaender/by/", "finden/"):
        assert real_site.page(listing).select_one("[data-pagefind-body]") is None, listing


def test_open_data_has_one_record_per_case(real_site):
    records = json.loads((real_site.site / "daten" / "beispiele.json").read_text(encoding="utf-8"))
    assert sorted(r["slug"] for r in records) == sorted(CASES)
    csv_lines = (real_site.site / "daten" / "beispiele.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0].startswith("\ufeffslug;url;title;summary;city")
    schema = json.loads((real_site.site / "daten" / "beispiel.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_footer_links_legal_pages_on_every_page(real_site):
    for page in html_pages(real_site.site)[:50]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        labels = [a.get_text() for a in soup.select(".atlas-legal a")]
        assert labels == ["Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit", "Leichte Sprache"], page
