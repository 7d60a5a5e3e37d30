"""Pages of a long list: every item on exactly one page, in order, with a navigation that
names the first, the last and the neighbouring pages and what each one covers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from praxisatlas.pagination import PAGE_SIZE, page_count, page_url, paginate


def numbers(pagination) -> list[int | None]:
    return [link.number for link in pagination.links]


def test_an_empty_list_still_has_its_one_page():
    items, pagination = paginate([], 1, "formate/x/", str)
    assert list(items) == [] and pagination.count == 1 and pagination.links == (pagination.links[0],)
    assert (pagination.first, pagination.last, pagination.previous, pagination.next) == (0, 0, None, None)


def test_page_one_keeps_the_list_address_and_later_pages_live_below_it():
    assert page_url("formate/x/", 1) == "formate/x/"
    assert page_url("formate/x/", 3) == "formate/x/seite-3/"
    assert page_count(PAGE_SIZE) == 1 and page_count(PAGE_SIZE + 1) == 2


def test_the_navigation_names_ends_and_neighbours_and_hides_long_gaps():
    items = list(range(27 * 10))
    _, middle = paginate(items, 14, "b/", str, size=10)
    assert numbers(middle) == [1, None, 12, 13, 14, 15, 16, None, 27]
    _, near_start = paginate(items, 4, "b/", str, size=10)
    assert numbers(near_start) == [1, 2, 3, 4, 5, 6, None, 27]  # a gap of one page is shown as that page
    assert [link.current for link in near_start.links].count(True) == 1


def test_each_page_says_which_names_it_covers_and_links_its_neighbours():
    names = ["Aachen", "Bamberg", "Celle", "Dresden", "Essen"]
    shown, pagination = paginate(names, 2, "b/", str, size=2)
    assert list(shown) == ["Celle", "Dresden"]
    assert [link.span for link in pagination.links] == ["Aachen – Bamberg", "Celle – Dresden", "Essen – Essen"]
    assert (pagination.previous.url, pagination.next.url) == ("b/", "b/seite-3/")
    assert (pagination.first, pagination.last, pagination.total) == (3, 4, 5)


@pytest.mark.parametrize("number", [0, 3, -1])
def test_a_page_that_does_not_exist_is_refused(number):
    with pytest.raises(ValueError):
        paginate(["a", "b", "c"], number, "b/", str, size=2)


@given(st.integers(0, 400), st.integers(1, 60))
def test_the_pages_together_hold_every_item_once_in_order(total, size):
    items = list(range(total))
    pages = [paginate(items, number, "b/", str, size=size) for number in range(1, page_count(total, size) + 1)]
    assert [item for shown, _ in pages for item in shown] == items
    for number, (shown, pagination) in enumerate(pages, start=1):
        assert len(shown) <= size and (shown or total == 0)
        assert numbers(pagination)[0] == 1 and numbers(pagination)[-1] == pagination.count
        assert number in numbers(pagination)
        named = [n for n in numbers(pagination) if n is not None]
        assert named == sorted(set(named))
