"""Where a generated page sits in the site: its breadcrumb trail, the tab to mark active,
and the contents list of a case page.

Generated pages (cases, terms, the data page) are not in MkDocs' navigation, so Material
would show them without a breadcrumb and with no tab active. The hooks ask this module
instead; it knows nothing of MkDocs.
"""

from __future__ import annotations

from typing import Any

from .views import INDEX_KINDS, Atlas, Link, term_url

HOME = Link("Startseite", "")
# The navigation file whose tab is active on a generated page of each view.
DATA_TAB = "ueber/index.md"


def _kind_link(kind: str) -> Link:
    folder, heading = INDEX_KINDS[kind]
    return Link(heading, f"{folder}/")


def trail(view: str, key: str, atlas: Atlas) -> list[Link]:
    """The pages above this one, from the home page down (the page itself not included)."""
    if view == "case":
        first_area = atlas.by_slug[key].case.areas[0]
        return [HOME, _kind_link("areas"), Link(atlas.vocab["areas"].label(first_area), term_url("areas", first_area))]
    if view == "term":
        return [HOME, _kind_link(key.split(":", 1)[0])]
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


def _token(name: str, anchor: str) -> dict[str, Any]:
    return {"level": 2, "id": anchor, "name": name, "html": name, "data-toc-label": "", "children": []}


def case_toc(body_tokens: list[dict[str, Any]], has_related: bool) -> list[dict[str, Any]]:
    """The case page's sections in page order: the fact box, the body's own headings,
    the sources and, where there are any, the related cases (ids as in atlas/case.html)."""
    tokens = [_token("Steckbrief", "steckbrief"), *body_tokens, _token("Quellen", "quellen")]
    if has_related:
        tokens.append(_token("Ähnliche Beispiele", "aehnliche-beispiele"))
    return tokens
