"""The Atom feed (/feed.xml): the cases most recently added or reviewed, newest first.

A case file has no date of addition, only `reviewed`, which a new case carries as well; so
the feed orders by it (ties by slug) and takes every date from the cases, never from the
clock: two builds of the same cases write the same bytes.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from .cases import CaseFile
from .views import Atlas, case_url

FEED_SIZE = 20


def newest_cases(atlas: Atlas, count: int = FEED_SIZE) -> list[CaseFile]:
    """The same order as the home page's list (Atlas.newest_items)."""
    return atlas.newest_items(count)


def _midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), dt.timezone.utc)


def atom_feed(atlas: Atlas, site_url: str, title: str, author: str, rights: str) -> bytes:
    """The feed with absolute URLs below `site_url`; `updated` is the newest review date."""
    cases = newest_cases(atlas)
    feed = FeedGenerator()
    feed.id(site_url)
    feed.title(title)
    feed.author({"name": author})
    feed.rights(rights)
    feed.language("de")
    feed.link(href=site_url, rel="alternate", type="text/html")
    feed.link(href=urljoin(site_url, "feed.xml"), rel="self", type="application/atom+xml")
    feed.updated(_midnight_utc(max(item.case.reviewed for item in cases)))
    for item in cases:
        url = urljoin(site_url, case_url(item.slug))
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(item.case.title)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(item.case.summary)
        entry.updated(_midnight_utc(item.case.reviewed))
    return feed.atom_str(pretty=True)
