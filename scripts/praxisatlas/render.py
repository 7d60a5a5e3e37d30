"""Renders the atlas parts of a page (fact box, lists, cards) with autoescaping Jinja.

MkDocs' own template environment does not autoescape, so our partials get their own
environment over the same folders; front-matter text is always escaped here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from .views import Atlas

UrlFor = Callable[[str], str]


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

    def render(self, view: str, key: str, content: str, url_for: UrlFor) -> str:
        """`content` is the HTML MkDocs made from the page's Markdown (already sanitised)."""
        context: dict[str, Any] = {"url_for": url_for, "settings": self.settings, "content": content}
        if view == "case":
            item = self.atlas.by_slug[key]
            context["case"] = self.atlas.case_view(item)
        elif view == "overview":
            context["kind"] = key
            context["terms"] = self.atlas.overview(key)
        elif view == "term":
            kind, slug = key.split(":", 1)
            context["kind"] = kind
            context["term"] = self.atlas.vocab[kind].get(slug)
            context["cards"] = [self.atlas.card(item) for item in self.atlas.cases_with(kind, slug)]
        elif view == "home":
            context["totals"] = self.atlas.totals()
            context["areas"] = self.atlas.overview("areas")
            context["newest"] = self.atlas.newest()
        else:
            raise ValueError(f"unknown atlas view {view!r}")
        return self.env.get_template(f"atlas/{view}.html").render(context)
