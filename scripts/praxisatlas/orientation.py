"""Where a generated page sits in the site: its breadcrumb trail, the tab to mark active,
and the contents list of a case page.

Generated pages (cases, terms, the data page) are not in MkDocs' navigation, so Material
would show them without a breadcrumb and with no tab active. The hooks ask this module
instead; it knows nothing of MkDocs.
"""

from __future__ import annotations

import re
from typing import Any

from .views import INDEX_KINDS, Atlas, Link, term_url

HOME = Link("Startseite", "")
# The navigation file whose tab is active on a generated page of each view.
DATA_TAB = "ueber/index.md"


def _kind_link(kind: str) -> Link:
    folder, heading = INDEX_KINDS[kind]
    return Link(heading, f"{folder}/")


def trail(view: str, key: str, atlas: Atlas, number: int = 1) -> list[Link]:
    """The pages above this one, from the home page down (the page itself not included);
    page 2 and later of a term's list sit below the term's first page."""
    if view == "case":
        first_area = atlas.by_slug[key].case.areas[0]
        return [HOME, _kind_link("areas"), Link(atlas.vocab["areas"].label(first_area), term_url("areas", first_area))]
    if view == "term":
        kind, slug = key.split(":", 1)
        above = [HOME, _kind_link(kind)]
        return above + [Link(atlas.vocab[kind].label(slug), term_url(kind, slug))] if number > 1 else above
    if view == "data":
        return [HOME, Link("Über das Projekt", "ueber/")]
    return []


def active_tab(view: str, key: str, atlas: Atlas) -> str | None:
    """The navigation file (src_uri) whose tab belongs to a page outside the navigation."""
    if view == "case":
        return f"{INDEX_KINDS['areas'][0]}/index.md"
    if view == "term":
        return f"{INDEX_KINDS[key.split(':', 1)[0]][0]}/index.md"
    if view == "data":
        return DATA_TAB
    return None


# The id of every generated page's h1 (overrides/atlas/*.html). Material's skip link jumps
# to the first entry of the contents list, so that entry is the title, as on Markdown pages.
TITLE_ID = "seitentitel"
# Views around hand-written Markdown, whose own headings MkDocs already lists.
MARKDOWN_VIEWS = {"home", "operator"}
HEADING = re.compile(r'<h([12]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def _token(name: str, anchor: str, level: int = 2, children: list | None = None) -> dict[str, Any]:
    return {"level": level, "id": anchor, "name": name, "html": name, "data-toc-label": "", "children": children or []}


def _titled(title: str, sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [_token(title, TITLE_ID, level=1, children=sections)]


def case_toc(title: str, body_tokens: list[dict[str, Any]], has_related: bool) -> list[dict[str, Any]]:
    """The case page's sections in page order: the fact box, the body's own headings,
    the sources and, where there are any, the related cases (ids as in atlas/case.html)."""
    tokens = [_token("Steckbrief", "steckbrief"), *body_tokens, _token("Quellen", "quellen")]
    if has_related:
        tokens.append(_token("Ähnliche Beispiele", "aehnliche-beispiele"))
    return _titled(title, tokens)


def page_toc(html: str) -> list[dict[str, Any]]:
    """Contents of another generated page, read from the headings its template wrote: the
    title, then every h2 with an id. Our templates escape heading text, so it is kept as is."""
    headings = HEADING.findall(html)
    title = next((text for level, anchor, text in headings if level == "1" and anchor == TITLE_ID), None)
    if title is None:
        return []
    return _titled(title.strip(), [_token(text.strip(), anchor) for level, anchor, text in headings if level == "2"])
