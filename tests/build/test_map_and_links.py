"""The built map and the links into the finder: every Land's tile and table row give the
number of cases its state page lists (and the case files say), every tile reaches an
existing page, term pages open the finder with their term, fact boxes link their terms.
"""

from __future__ import annotations

import posixpath
from urllib.parse import parse_qs, urlsplit

import pytest

from build.test_site_pages import CASES, VOCAB, expected_members, listed_slugs

MAP_PAGES = ["", "bundeslaender/"]
STATES = {str(term["slug"]): term["label"] for term in VOCAB["states"]}
FINDER_PARAMS = [("areas", "handlungsfelder", "handlungsfeld"), ("formats", "formate", "format"), ("states", "bundeslaender", "bundesland")]


def target(page_url: str, href: str) -> str:
    """The site URL a relative link on `page_url` points to, without the query."""
    return posixpath.normpath(posixpath.join("/" + page_url, urlsplit(href).path)).lstrip("/") + "/"


def exists(real_site, url: str) -> bool:
    return (real_site.site / url / "index.html").is_file()


@pytest.mark.parametrize("page_url", MAP_PAGES, ids=["startseite", "bundeslaender"])
def test_each_tile_and_table_row_counts_the_cases_of_its_state_page(real_site, page_url):
    page = real_site.page(page_url)
    [tilemap] = page.select(".atlas-map")
    tiles = {tile["data-code"]: tile for tile in tilemap.select("svg a.atlas-map__tile")}
    rows = {row["data-code"]: row for row in tilemap.select("table tbody tr")}
    assert list(rows) == list(STATES) and sorted(tiles) == sorted(STATES)
    members = expected_members("state")
    for code, label in STATES.items():
        tile, row = tiles[code], rows[code]
        href = tile["href"]
        assert target(page_url, href) == f"bundeslaender/{code.lower()}/" and exists(real_site, target(page_url, href))
        count = len(listed_slugs(real_site.page(f"bundeslaender/{code.lower()}/")))
        assert count == len(members.get(code, set())), code
        assert tile.select_one(".atlas-map__count").get_text() == str(count)
        assert tile.select_one(".atlas-map__code").get_text() == code
        assert tile["aria-label"] == f"{label}, {code}: {count} {'Beispiel' if count == 1 else 'Beispiele'}"
        assert ("atlas-map__tile--empty" in tile["class"]) == (count == 0)
        assert [cell.get_text() for cell in row.select("th, td")] == [label, str(count)]


@pytest.mark.parametrize("kind,prefix,param", FINDER_PARAMS)
def test_term_pages_with_cases_open_the_finder_with_their_term(real_site, kind, prefix, param):
    for term in VOCAB[kind]:
        slug = str(term["slug"]).lower()
        page_url = f"{prefix}/{slug}/"
        page = real_site.page(page_url)
        links = page.select(".atlas-to-finder a")
        if not listed_slugs(page):
            assert links == [], slug
            continue
        [link] = links
        assert link.get_text() == "Im Finder eingrenzen"
        assert link["href"].startswith("../../finden/?")
        assert target(page_url, link["href"]) == "finden/" and exists(real_site, "finden/")
        assert parse_qs(urlsplit(link["href"]).query) == {param: [slug]}


def test_fact_box_terms_link_to_existing_term_pages(real_site):
    for slug, data in CASES.items():
        page_url = f"beispiele/{slug}/"
        hrefs = {target(page_url, a["href"]) for a in real_site.page(page_url).select(".atlas-facts dd a")}
        expected = {f"bundeslaender/{data['state'].lower()}/"}
        expected |= {f"handlungsfelder/{area}/" for area in data["areas"]}
        expected |= {f"formate/{fmt}/" for fmt in data["formats"]}
        assert expected <= hrefs, slug
        assert all(exists(real_site, url) for url in expected), slug
