"""The finder in a real browser: facets give exactly the cases the data says, the URL holds
the state, free text is forgiving, and nothing of the index loads before it is needed.

Every expectation is computed from the case files (CASES), never written down by hand.
Tests wait for the finder to show a given state (`data-shown`), never for a fixed time.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from browser.conftest import screenshot, show_all_results
from build.test_site_pages import CASES, list_order
from praxisatlas.finder import FACETS, FINDER_PAGE_SIZE

pytestmark = pytest.mark.browser

FORM = "#atlas-finder"
# The finder writes its URL in this order (praxisatlas/finder.py FACETS, words first).
ORDER = ["q", *(param for param, _, _ in FACETS)]
TITLES = ".atlas-cards--finder .atlas-card__title a"
MORE = "#atlas-finder-more"
# Cases in the finder's order without words: municipality, then title (praxisatlas/views.py).
IN_ORDER = [data["title"] for data in sorted(CASES.values(), key=list_order)]


def values(data: dict, param: str) -> list[str]:
    """A case's values for one finder facet, as praxisatlas/finder.py defines them."""
    return {
        "handlungsfeld": data["areas"],
        "format": data["formats"],
        "bundesland": [data["state"].lower()],
        "partnertyp": sorted({p["type"] for p in data["partners"]}),
        "groesse": [data["size"]] if data.get("size") else [],
    }[param]


def expected_titles(chosen: dict[str, list[str]]) -> set[str]:
    """OR within a facet, AND across facets."""
    return {
        data["title"] for data in CASES.values()
        if all(set(values(data, param)) & set(wanted) for param, wanted in chosen.items())
    }


def finder_path(params: list[tuple[str, str]] | None = None) -> str:
    """The finder's own spelling of a state: parameters in its order (ORDER)."""
    query = urlencode(sorted(params or [], key=lambda pair: ORDER.index(pair[0])))
    return "/finden/" + (f"?{query}" if query else "")


def wait_until_shown(page, params: list[tuple[str, str]] | None = None):
    """The finder marks the state its list shows (`data-shown`); wait for exactly that state."""
    expect(page.locator(FORM)).to_have_attribute("data-shown", finder_path(params), timeout=20000)


def open_finder(page, params: list[tuple[str, str]] | None = None):
    page.goto(page.base.rstrip("/") + finder_path(params))
    wait_until_shown(page, params)


def shown_titles(page) -> set[str]:
    """Every result, all pages of them."""
    show_all_results(page)
    return set(page.locator(TITLES).all_inner_texts())


def count_of(page, param: str, value: str) -> int:
    return int(page.locator(f"fieldset[data-facet={param}] input[value='{value}'] ~ [data-count]").inner_text())


def test_without_filters_every_case_is_listed_with_counts_from_the_data(page):
    open_finder(page)
    expect(page.locator("#atlas-finder-status")).to_contain_text(f"{len(CASES)} Ergebnisse")
    states = Counter(data["state"].lower() for data in CASES.values())
    for code in ("bw", "by", "nw", "hb"):
        assert count_of(page, "bundesland", code) == states[code], code
    screenshot(page, "finder")
    assert page.locator(TITLES).all_inner_texts() == IN_ORDER[:FINDER_PAGE_SIZE]
    assert shown_titles(page) == set(IN_ORDER)
    assert page.locator(TITLES).all_inner_texts() == IN_ORDER  # the same order, page after page


def test_more_results_come_a_page_at_a_time_and_focus_the_first_new_one(page):
    assert len(CASES) > FINDER_PAGE_SIZE, "the real site must need a second page for this test"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_finder(page)
    assert [url for url in requests if "/pagefind/" in url] == []  # the page itself holds the first results
    expect(page.locator("#atlas-finder-status")).to_contain_text(f"Die ersten {FINDER_PAGE_SIZE} stehen hier")
    page.locator(MORE).click()
    expect(page.locator(TITLES)).to_have_count(min(2 * FINDER_PAGE_SIZE, len(CASES)))
    expect(page.locator(TITLES).nth(FINDER_PAGE_SIZE)).to_be_focused()
    expect(page.locator(TITLES).nth(FINDER_PAGE_SIZE)).to_have_text(IN_ORDER[FINDER_PAGE_SIZE])


def test_a_search_shows_its_first_results_before_the_filter_files_load(page):
    """The first results need the words' index part and fragments only; the filter files
    (which grow with the atlas) follow for the counts (issue #12)."""
    order: list[str] = []
    page.on("request", lambda request: order.append(request.url) if "/pagefind/" in request.url else None)
    open_finder(page)
    city = sorted(CASES.values(), key=lambda d: d["city"])[0]["city"]
    page.locator("#atlas-finder-q").fill(city)
    page.locator("#atlas-finder-q").press("Enter")
    wait_until_shown(page, [("q", city)])
    fragments = [i for i, url in enumerate(order) if "/fragment/" in url]
    filters = [i for i, url in enumerate(order) if "/filter/" in url]
    assert fragments and filters, order
    assert max(fragments) < min(filters), order


@pytest.mark.parametrize("param", ["handlungsfeld", "format", "bundesland", "partnertyp"])
def test_single_facet_gives_exactly_the_matching_cases(page, param):
    value = Counter(v for data in CASES.values() for v in values(data, param)).most_common(1)[0][0]
    open_finder(page, [(param, value)])
    assert shown_titles(page) == expected_titles({param: [value]})
    assert page.locator(f"fieldset[data-facet={param}] input[value='{value}']").is_checked()


def test_combined_facets_are_or_within_and_across(page):
    states = [s for s, _ in Counter(d["state"].lower() for d in CASES.values()).most_common(2)]
    area = Counter(a for d in CASES.values() for a in d["areas"]).most_common(1)[0][0]
    chosen = {"bundesland": states, "handlungsfeld": [area]}
    open_finder(page, [("bundesland", s) for s in states] + [("handlungsfeld", area)])
    assert shown_titles(page) == expected_titles(chosen)
    # The count next to another state says how many results ticking it would add.
    others = [d for d in CASES.values() if area in d["areas"]]
    for code in ("nw", "by", "bw"):
        assert count_of(page, "bundesland", code) == sum(d["state"].lower() == code for d in others), code


def test_clicks_go_into_the_url_and_survive_reload_and_back(page):
    open_finder(page)
    area = Counter(a for d in CASES.values() for a in d["areas"]).most_common(1)[0][0]
    page.locator(f"fieldset[data-facet=handlungsfeld] input[value='{area}']").check()
    wait_until_shown(page, [("handlungsfeld", area)])
    assert page.url.endswith(f"/finden/?handlungsfeld={area}")
    page.reload()
    wait_until_shown(page, [("handlungsfeld", area)])
    assert shown_titles(page) == expected_titles({"handlungsfeld": [area]})
    page.go_back()
    wait_until_shown(page)
    assert not page.locator(f"fieldset[data-facet=handlungsfeld] input[value='{area}']").is_checked()
    assert len(shown_titles(page)) == len(CASES)


def case_results(page, query: str) -> set[str]:
    open_finder(page, [("q", query)])
    return {title for title in shown_titles(page) if title in {d["title"] for d in CASES.values()}}


def test_free_text_forgives_umlauts_and_word_forms_and_narrows_with_more_words(page):
    city = next(d for d in CASES.values() if "ö" in d["city"])
    spellings = [city["city"], city["city"].replace("ö", "oe"), city["city"].replace("ö", "o")]
    for spelling in spellings:
        assert city["title"] in case_results(page, spelling), spelling
    assert case_results(page, "Partnerschaft") == case_results(page, "Partnerschaften")
    both = case_results(page, "Bayern Partnerschaft")
    assert both <= case_results(page, "Bayern") & case_results(page, "Partnerschaft")


def test_no_result_says_why_and_offers_to_drop_a_filter(page):
    open_finder(page, [("q", "Gambia")])
    expect(page.locator("#atlas-finder-empty")).to_contain_text("Kein Beispiel passt zu „Gambia“")
    empty_area = next(
        slug for slug in ("frieden", "rueckueberweisungen", *sorted({a for d in CASES.values() for a in d["areas"]}))
        if not expected_titles({"handlungsfeld": [slug], "bundesland": ["by"]})
    )
    open_finder(page, [("bundesland", "by"), ("handlungsfeld", empty_area)])
    offer = page.locator("#atlas-finder-empty button")
    expect(offer).to_contain_text("entfernen")
    offer.click()
    wait_until_shown(page, [("bundesland", "by")])
    assert shown_titles(page) == expected_titles({"bundesland": ["by"]})


def test_header_search_lands_in_the_finder_with_the_query(page):
    page.goto(page.base)
    city = sorted(CASES.values(), key=lambda d: d["city"])[0]
    field = page.locator("#atlas-search-input")
    page.keyboard.press("/")
    expect(field).to_be_focused()
    field.fill(city["city"])
    field.press("Enter")
    wait_until_shown(page, [("q", city["city"])])
    assert city["title"] in shown_titles(page)
    expect(page.locator("#atlas-finder-q")).to_have_value(city["city"])


def test_no_search_index_is_loaded_before_someone_searches(page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page.base)
    page.goto(f"{page.base}beispiele/{sorted(CASES)[0]}/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/pagefind/" in url] == []


def test_without_javascript_the_finder_shows_the_first_cases_and_the_way_to_all(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}finden/?bundesland=by")
    titles = page.locator(TITLES).all_inner_texts()
    expect(page.locator(MORE)).to_be_hidden()  # a button without its script would do nothing
    expect(page.locator("fieldset[data-facet=handlungsfeld]")).to_be_visible()  # beside the list, unfolded
    page.locator("#atlas-finder-all a", has_text="nach Handlungsfeld").click()
    expect(page).to_have_url(f"{server}handlungsfelder/")
    context.close()
    assert titles == IN_ORDER[:FINDER_PAGE_SIZE]


def test_keyboard_alone_ticks_a_filter(page):
    open_finder(page)
    first = page.locator("fieldset[data-facet=handlungsfeld] input[type=checkbox]").first
    value = first.get_attribute("value")
    first.focus()
    page.keyboard.press("Space")
    wait_until_shown(page, [("handlungsfeld", value)])
    expect(page.locator("#atlas-finder-status")).to_have_attribute("aria-live", "polite")
    assert shown_titles(page) == expected_titles({"handlungsfeld": [value]})


def test_a_link_with_unknown_or_repeated_values_is_tidied_not_emptied(page):
    page.goto(f"{page.base}finden/?bundesland=BY&bundesland=by&bundesland=xx&format=gibt-es-nicht")
    wait_until_shown(page, [("bundesland", "by")])
    assert page.url.endswith("/finden/?bundesland=by")
    assert shown_titles(page) == expected_titles({"bundesland": ["by"]})


def test_the_map_toggles_the_state_facet_and_shows_its_counts(page):
    open_finder(page)
    states = Counter(data["state"].lower() for data in CASES.values())
    code = states.most_common(1)[0][0]
    tile = page.locator(f"#atlas-finder .atlas-map__tile[data-code='{code.upper()}']")
    assert tile.locator(".atlas-map__count").text_content() == str(states[code])
    expect(tile).to_have_attribute("aria-pressed", "false")
    tile.focus()
    page.keyboard.press("Enter")
    wait_until_shown(page, [("bundesland", code)])
    expect(tile).to_have_attribute("aria-pressed", "true")
    assert page.locator(f"fieldset[data-facet=bundesland] input[value='{code}']").is_checked()
    assert shown_titles(page) == expected_titles({"bundesland": [code]})
    tile.click()
    wait_until_shown(page)
    expect(tile).to_have_attribute("aria-pressed", "false")


def test_on_a_phone_the_filters_fold_away_below_a_button_that_counts_the_choice(page):
    page.set_viewport_size({"width": 390, "height": 844})
    area = Counter(a for d in CASES.values() for a in d["areas"]).most_common(1)[0][0]
    open_finder(page, [("handlungsfeld", area)])
    filters, toggle = page.locator("#atlas-finder-filters"), page.locator("#atlas-finder-toggle")
    expect(filters).not_to_have_attribute("open", "")
    expect(toggle).to_have_text("Filter wählen (1 gewählt)")
    first = page.locator(TITLES).first
    assert first.bounding_box()["y"] < 844 + 200  # the results follow the folded filters
    expect(page.locator("fieldset[data-facet=handlungsfeld]")).to_be_hidden()
    toggle.click()
    expect(page.locator("fieldset[data-facet=handlungsfeld]")).to_be_visible()
    page.locator(f"fieldset[data-facet=handlungsfeld] input[value='{area}']").uncheck()
    wait_until_shown(page)
    expect(toggle).to_have_text("Filter wählen")
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(filters).to_have_attribute("open", "")
    expect(toggle).to_be_hidden()
