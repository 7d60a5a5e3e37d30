"""Long lists split into pages of a fixed size, so no list page grows with the atlas.

A term page with 1,300 cases would weigh hundreds of kilobytes on a phone; split into pages
of PAGE_SIZE cards, every page stays small (issue #12). Page 1 keeps the list's own URL,
page N lives below it at `seite-N/`. Each link says which municipalities the page covers
("Aachen – Bamberg"), like the running heads of a dictionary, because the lists are sorted
by municipality.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

PAGE_SIZE = 50
# How many page numbers either side of the current one the navigation names; the first
# and last page are always named, gaps between them become an ellipsis.
NEIGHBOURS = 2
Item = TypeVar("Item")


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """At least one page, also for an empty list (it says that there is nothing yet)."""
    return max(1, -(-total // size))


def page_url(base: str, number: int) -> str:
    """`handlungsfelder/bildung/` for page 1, `handlungsfelder/bildung/seite-2/` after it."""
    return base if number == 1 else f"{base}seite-{number}/"


@dataclass(frozen=True)
class PageLink:
    """One entry of the page navigation; `number` None marks a gap (…)."""

    number: int | None
    url: str = ""
    span: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    """Where one page sits in its list: its number, which items it shows, the links."""

    number: int
    count: int
    first: int  # position of the first item shown, counted from 1
    last: int
    total: int
    links: tuple[PageLink, ...]
    previous: PageLink | None
    next: PageLink | None


def _numbers(number: int, count: int) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 27: the first, the last and the neighbours of the current page."""
    shown = sorted({1, count, *range(max(1, number - NEIGHBOURS), min(count, number + NEIGHBOURS) + 1)})
    result: list[int | None] = []
    for value in shown:
        if result and value - result[-1] > 2:
            result.append(None)
        elif result and value - result[-1] == 2:
            result.append(value - 1)  # a gap of one page is named, not hidden behind …
        result.append(value)
    return result


def paginate(
    items: Sequence[Item], number: int, base: str, name: Callable[[Item], str], size: int = PAGE_SIZE,
) -> tuple[Sequence[Item], Pagination]:
    """The items of page `number` and its navigation; `name` gives the word a page's span
    is made of (the municipality). Raises ValueError for a page that does not exist."""
    count = page_count(len(items), size)
    if not 1 <= number <= count:
        raise ValueError(f"page {number} of {count}")

    def link(value: int) -> PageLink:
        chunk = items[(value - 1) * size:value * size]
        span = f"{name(chunk[0])} – {name(chunk[-1])}" if chunk else ""
        return PageLink(value, page_url(base, value), span, value == number)

    start = (number - 1) * size
    shown = items[start:start + size]
    links = tuple(link(value) if value else PageLink(None) for value in _numbers(number, count))
    return shown, Pagination(
        number=number,
        count=count,
        first=start + 1 if shown else 0,
        last=start + len(shown),
        total=len(items),
        links=links,
        previous=link(number - 1) if number > 1 else None,
        next=link(number + 1) if number < count else None,
    )
