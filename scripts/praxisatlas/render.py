"""Renders the atlas parts of a page (fact box, lists, cards) with autoescaping Jinja.

MkDocs' own template environment does not autoescape, so our partials get their own
environment over the same folders; front-matter text is always escaped here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import jinja2

from .body import publishable_html
from .exports import data_page
from .finder import FINDER_PAGE_SIZE, facet_values, facets, search_terms
from .operatorpages import fill, token_context
from .merkliste import handout_json
from .tilemap import tile_map
from .views import Atlas, case_url, finder_url

UrlFor = Callable[[str], str]


class UnpublishableBody(Exception):
    """Sanitising a validated body would change it: validator and build disagree."""

    def __init__(self, path: str):
        super().__init__(path)
        self.path = path


class PageRenderer:
    """Turns a page's `atlas` front matter into HTML around or after the page content."""

    def __init__(self, atlas: Atlas, template_dirs: list[Path], settings: dict[str, Any]):
        self.atlas = atlas
        self.settings = settings
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def case_body(self, slug: str) -> str:
        """The body HTML to publish: the validated rendering, passed through the sanitiser.

        The validator accepted only bodies the sanitiser leaves unchanged; if it would
        change one now, the two disagree and nothing may be published.
        """
        item = self.atlas.by_slug[slug]
        html = publishable_html(item.rendered.html)
        if html is None:
            raise UnpublishableBody(item.path)
        return html

    def render(self, view: str, key: str, content: str, url_for: UrlFor, number: int = 1) -> str:
        """`content` is MkDocs' HTML of hand-written or generated Markdown; case pages use
        the case body instead (MkDocs never renders a case body). `number` is the page of
        a long list (term pages, pagination.py)."""
        context: dict[str, Any] = {"url_for": url_for, "settings": self.settings, "content": content}
        if view == "case":
            item = self.atlas.by_slug[key]
            context["content"] = self.case_body(key)
            context["case"] = self.atlas.case_view(item)
            # Printed on paper, where a link cannot be followed (atlas/case.html, print header).
            context["page_url"] = urljoin(self.settings.get("site_url") or "", case_url(key))
            context["filters"] = facet_values(item)
            context["search_terms"] = search_terms(item)
            context["merkliste"] = handout_json(context["case"], context["content"])
        elif view == "overview":
            context["kind"] = key
            context["terms"] = self.atlas.overview(key)
            if key == "states":
                context["tilemap"] = tile_map(self.atlas)
        elif view == "term":
            kind, slug = key.split(":", 1)
            context["kind"] = kind
            context["term"] = self.atlas.vocab[kind].get(slug)
            context["finder_url"] = finder_url(kind, slug)
            context["cards"], context["pagination"] = self.atlas.term_page(kind, slug, number)
        elif view == "finder":
            context["facets"] = facets(self.atlas)
            context["tilemap"] = tile_map(self.atlas, link=functools.partial(finder_url, "states"))
            context["total"] = len(self.atlas.cases)
            context["cards"] = [self.atlas.card(item) for item in self.atlas.cases[:FINDER_PAGE_SIZE]]
            context["page_size"] = FINDER_PAGE_SIZE
        elif view == "programmes":
            context["programmes"] = self.atlas.programmes()
        elif view == "data":
            context.update(data_page(self.atlas, self.settings))
        elif view == "merkliste":
            pass  # filled in the browser from localStorage (javascripts/merkliste.js)
        elif view == "home":
            context["totals"] = self.atlas.totals()
            context["areas"] = self.atlas.overview("areas")
            context["newest"] = self.atlas.newest()
            context["tilemap"] = tile_map(self.atlas)
        elif view == "operator":
            value = self.env.get_template("atlas/_operator-value.html")
            operator = self.settings["operator"]
            context["content"] = fill(content, lambda token: value.render(token=token_context(token, operator)))
        else:
            raise ValueError(f"unknown atlas view {view!r}")
        return self.env.get_template(f"atlas/{view}.html").render(context)
