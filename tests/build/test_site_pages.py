"""The built site: a page per case, index pages listing exactly their cases, right counts.

Expectations are computed from the case files with plain PyYAML, independently of the
code that builds the pages.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from praxisatlas.slugs import slugify

CASE_FILES = sorted(p for p in (REPO / "examples").glob("*.md") if not p.name.startswith("_"))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


CASES = {p.stem: front_matter(p) for p in CASE_FILES}
VOCAB = yaml.safe_load((REPO / "examples" / "vokabular.yml").read_text(encoding="utf-8"))


def expected_members(field: str) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for slug, data in CASES.items():
        values = data[field] if isinstance(data[field], list) else [data[field]]
        for value in values:
            members[value].add(slug)
    return members


def spelled_out(text: str) -> str:
    """German sort form: lower case, umlauts as ae/oe/ue (DIN 5007-2)."""
    return text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


def list_order(data: dict) -> tuple[str, str]:
    """Where a case stands in every list: by municipality, then title, both as URL slugs
    (umlauts spelled out, other characters as hyphens; praxisatlas/views.py sort_key)."""
    return slugify(data["city"]), slugify(data["title"])


def listed_slugs(soup) -> list[str]:
    return [a["href"].rstrip("/").split("/")[-1] for a in soup.select("ul.atlas-cards .atlas-card__title a")]


def test_there_are_cases_to_test():
    assert len(CASES) >= 3


@pytest.mark.parametrize("slug", sorted(CASES))
def test_every_case_has_its_page_with_title_and_sources(real_site, slug):
    page = real_site.page(f"beispiele/{slug}/")
    data = CASES[slug]
    assert page.select_one("article h1").get_text() == data["title"]
    assert page.select_one(".atlas-lead").get_text() == data["summary"]
    assert len(page.select(".atlas-sources > li")) == len(data["sources"])
    assert page.select_one("meta[name=description]")["content"] == data["summary"]


@pytest.mark.parametrize(
    "field,vocabulary,prefix",
    [("areas", "areas", "handlungsfelder"), ("formats", "formats", "formate"), ("state", "states", "bundeslaender")],
)
def test_each_term_page_lists_exactly_its_cases_in_stable_order(real_site, field, vocabulary, prefix):
    members = expected_members(field)
    for term in VOCAB[vocabulary]:
        slug = str(term["slug"])
        listed = listed_slugs(real_site.page(f"{prefix}/{slug.lower()}/"))
        assert sorted(listed) == sorted(members.get(slug, set())), slug
        assert len(listed) == len(set(listed))
        cities = [spelled_out(CASES[s]["city"]) for s in listed]
        assert cities == sorted(cities), slug


@pytest.mark.parametrize(
    "field,vocabulary,prefix",
    [("areas", "areas", "handlungsfelder"), ("formats", "formats", "formate"), ("state", "states", "bundeslaender")],
)
def test_overview_counts_match_the_cases(real_site, field, vocabulary, prefix):
    members = expected_members(field)
    page = real_site.page(f"{prefix}/")
    counts = {
        item.select_one(".atlas-term__title").get_text(strip=True): item.select_one(".atlas-term__count").get_text()
        for item in page.select("ul.atlas-terms > li")
    }
    expected = {}
    for term in VOCAB[vocabulary]:
        count = len(members.get(str(term["slug"]), set()))
        expected[term["label"]] = f"{count} {'Beispiel' if count == 1 else 'Beispiele'}"
    assert counts == expected


def test_home_shows_the_right_numbers(real_site):
    page = real_site.page("")
    numbers = [li.get_text(" ", strip=True) for li in page.select("ul.atlas-totals > li")]
    assert numbers == [
        f"{len(CASES)} Praxisbeispiele",
        f"{len({d['city'] for d in CASES.values()})} Kommunen",
        f"{len({d['state'] for d in CASES.values()})} Bundesländer",
        f"{len({a for d in CASES.values() for a in d['areas']})} von {len(VOCAB['areas'])} Handlungsfeldern mit Beispielen",
    ]
    used = len({a for d in CASES.values() for a in d["areas"]})
    overview = real_site.page("handlungsfelder/").select_one(".atlas-count").get_text(" ", strip=True)
    assert overview == f"In {used} von {len(VOCAB['areas'])} Handlungsfeldern gibt es Beispiele."
    assert len(page.select("ul.atlas-terms > li")) == len(VOCAB["areas"])
    assert 1 <= len(page.select("ul.atlas-cards > li")) <= 6


def test_fact_box_links_to_index_pages_with_labels(real_site):
    slug, data = next(iter(sorted(CASES.items())))
    page = real_site.page(f"beispiele/{slug}/")
    area_labels = {t["slug"]: t["label"] for t in VOCAB["areas"]}
    links = {a.get_text(): a["href"] for a in page.select(".atlas-facts a") if "handlungsfelder" in a["href"]}
    assert links == {area_labels[a]: f"../../handlungsfelder/{a}/" for a in data["areas"]}


def shared_features(one: dict, other: dict) -> set[tuple[str, str]]:
    """What related.py compares, recomputed from the raw front matter."""

    def features(data: dict) -> set[tuple[str, str]]:
        found = {("area", a) for a in data["areas"]} | {("format", f) for f in data["formats"]}
        found |= {("country", c) for c in data.get("countries") or []} | {("support", p) for p in data.get("support") or []}
        return found | {("partner", p["type"]) for p in data["partners"] if p["type"] != "kommune"}

    return features(one) & features(other)


def test_related_cases_share_something_and_say_what(real_site):
    for slug, data in CASES.items():
        page = real_site.page(f"beispiele/{slug}/")
        cards = page.select(".atlas-cards--related .atlas-card")
        assert len(cards) <= 3
        for card in cards:
            other = card.select_one(".atlas-card__title a")["href"].rstrip("/").split("/")[-1]
            assert other != slug
            assert shared_features(data, CASES[other]), (slug, other)
            assert card.select_one(".atlas-card__reasons").get_text().startswith("Gemeinsam: gleich"), (slug, other)


def test_edit_link_points_to_the_case_file(real_site):
    slug = sorted(CASES)[0]
    link = real_site.page(f"beispiele/{slug}/").select_one(".atlas-edit a")
    assert link.get_text() == "Dieses Beispiel bearbeiten"
    assert link["href"].endswith(f"/edit/main/examples/{slug}.md")


def test_state_cards_and_pages_carry_no_filler_text(real_site):
    """'Land Hessen.' says nothing: state cards show name and count only."""
    overview = real_site.page("bundeslaender/")
    assert overview.select(".atlas-terms .atlas-term") and not overview.select(".atlas-terms .atlas-term__description")
    lead = real_site.page("bundeslaender/he/").select_one(".atlas-lead").get_text(strip=True)
    assert lead == "Praxisbeispiele aus Kommunen im Bundesland Hessen."
    assert real_site.page("handlungsfelder/").select(".atlas-term__description")
