"""Long lists at scale: a site of generated cases (praxisatlas/benchdata.py, as the
benchmark uses) splits every term list into pages, the finder and /foerderung/ show the
first cases only, and every page of a list is reachable from its first page.

Expectations come from the case files read with plain PyYAML, not from the code that
builds the pages.
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict

import pytest
import yaml

from build.test_site_pages import list_order, listed_slugs
from conftest import LONG_SITE_CASES
from praxisatlas.finder import FINDER_PAGE_SIZE
from praxisatlas.pagination import PAGE_SIZE
from praxisatlas.views import PROGRAMME_PREVIEW

LISTS = {"areas": "handlungsfelder", "formats": "formate", "state": "bundeslaender"}


@pytest.fixture(scope="module")
def generated(long_site):
    """The long-list site (tests/conftest.py) and its cases read with plain PyYAML."""
    cases = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        for path in sorted((long_site.site.parent / "examples").glob("*.md"))
    }
    assert len(cases) == LONG_SITE_CASES
    return long_site, cases


def in_order(slugs, cases) -> list[str]:
    return sorted(slugs, key=lambda slug: list_order(cases[slug]))


def members(cases, field) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for slug, data in cases.items():
        values = data.get(field, [])
        for value in values if isinstance(values, list) else [values]:
            found[value.lower()].append(slug)
    return {term: in_order(slugs, cases) for term, slugs in found.items()}


def follow_pages(build, first_url: str) -> list:
    """The first page and the later pages its navigation links to, in page order."""
    pages = [build.page(first_url)]
    while (next_link := pages[-1].select_one("nav.atlas-pages a[rel=next]")) is not None:
        pages.append(build.page(first_url + next_link["href"].replace("../", "")))
        assert len(pages) <= LONG_SITE_CASES, "the navigation goes round in circles"
    return pages


@pytest.mark.parametrize("field", sorted(LISTS))
def test_every_term_list_is_split_into_pages_that_together_hold_its_cases(generated, field):
    build, cases = generated
    split = 0
    for term, expected in members(cases, field).items():
        pages = follow_pages(build, f"{LISTS[field]}/{term}/")
        assert [slug for page in pages for slug in listed_slugs(page)] == expected, term
        assert all(len(listed_slugs(page)) <= PAGE_SIZE for page in pages), term
        assert len(pages) == math.ceil(len(expected) / PAGE_SIZE)
        split += len(pages) > 1
        if len(pages) > 1:
            assert not (build.site / LISTS[field] / term / f"seite-{len(pages) + 1}").exists()
    if field == "formats":
        assert split, "no format list was long enough to be split; raise LONG_SITE_CASES"


def test_a_later_page_says_where_it_is_and_links_back(generated):
    build, cases = generated
    term, expected = max(members(cases, "formats").items(), key=lambda pair: len(pair[1]))
    second = build.page(f"formate/{term}/seite-2/")
    count = math.ceil(len(expected) / PAGE_SIZE)
    assert f"Seite 2 von {count}" in second.select_one("h1").get_text()
    assert second.select_one("title").get_text().startswith(f"{second.select_one('h1').get_text()} - ")
    assert f"Beispiele {PAGE_SIZE + 1} bis {min(2 * PAGE_SIZE, len(expected))}" in second.select_one(".atlas-pages__where").get_text()
    current = second.select_one("nav.atlas-pages [aria-current=page]")
    assert current["href"] == "./" and "Seite 2" in current.get_text()
    first_city, last_city = cases[expected[PAGE_SIZE]]["city"], cases[expected[min(2 * PAGE_SIZE, len(expected)) - 1]]["city"]
    assert current.select_one(".atlas-pages__span").get_text() == f"{first_city} – {last_city}"
    assert second.select_one("nav.atlas-pages a[rel=prev]")["href"] == "../"
    crumbs = [a.get_text(strip=True) for a in second.select(".md-path a")]
    assert crumbs[-1] == build.page(f"formate/{term}/").select_one("h1").get_text()
    sitemap = (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/formate/{term}/seite-2/</loc>" in sitemap


def test_the_finder_page_carries_the_first_cases_and_every_count(generated):
    build, cases = generated
    finder = build.page("finden/")
    assert listed_slugs(finder) == in_order(cases, cases)[:FINDER_PAGE_SIZE]
    assert f"{len(cases)} Ergebnisse" in finder.select_one("#atlas-finder-status").get_text()
    assert finder.select_one("#atlas-finder")["data-page-size"] == str(FINDER_PAGE_SIZE)
    assert finder.select_one("#atlas-finder-all a[href='../handlungsfelder/']") is not None
    states = members(cases, "state")
    for box in finder.select("fieldset[data-facet=bundesland] input"):
        count = box.find_next_sibling(attrs={"data-count": True}).get_text()
        assert int(count) == len(states.get(box["value"], [])), box["value"]


def test_the_programme_page_shows_the_first_cases_and_hands_the_rest_to_the_finder(generated):
    build, cases = generated
    page = build.page("foerderung/")
    using = members(cases, "support")
    assert max(len(slugs) for slugs in using.values()) > PROGRAMME_PREVIEW, "raise LONG_SITE_CASES"
    for section in page.select("section.atlas-programme"):
        slug = section.select_one("h2")["id"]
        expected = using.get(slug, [])
        assert listed_slugs(section) == expected[:PROGRAMME_PREVIEW], slug
        if len(expected) > PROGRAMME_PREVIEW:
            link = section.select_one(".atlas-to-finder a")
            assert link.get_text() == f"Alle {len(expected)} Beispiele im Finder"
            assert link["href"] == f"../finden/?foerderung={slug}"


def test_list_pages_stay_small(generated):
    """A list page holds at most PAGE_SIZE cards whatever the atlas size; the weight goals
    at 10,000 cases are measured by scripts/bench.py."""
    build, _ = generated
    sizes = {
        path.relative_to(build.site).as_posix(): len(gzip.compress(path.read_bytes()))
        for folder in LISTS.values() for path in (build.site / folder).rglob("index.html")
    }
    single = max(len(gzip.compress((build.site / "formate" / "index.html").read_bytes())), 1)
    assert max(sizes.values()) < 6 * single, sorted(sizes.items(), key=lambda item: -item[1])[:3]
