"""The Merkliste record of a case: the fields its printed handout shows.

The case page carries the record as JSON in one data attribute (atlas/case.html); when a
visitor marks the case, javascripts/merkliste.js copies it into the browser's
localStorage. The Merkliste page then needs no request at all: no other host, no cookie,
and it works offline (DESIGN.md, Principles). Pure Python, no MkDocs.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from .views import CaseView

# The body section a council handout quotes: the part written for others to copy.
COPY_SECTION = "Zum Nachmachen"
# Headings that end a section (the body's sections are <h2>, the page title is <h1>).
SECTION_HEADINGS = frozenset({"h1", "h2"})
# Elements whose start or end ends a paragraph of the handout text.
BLOCKS = frozenset({
    "p", "li", "ul", "ol", "dl", "dt", "dd", "h3", "h4", "h5", "h6", "pre", "blockquote",
    "table", "tr", "div", "details", "summary", "figure", "figcaption", "hr",
})
RECORD_VERSION = 1


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class _SectionText(HTMLParser):
    """Collects the paragraphs between one <h2> and the next section heading, as text."""

    def __init__(self, heading: str):
        super().__init__(convert_charrefs=True)
        self.heading = _plain(heading).casefold()
        self.state = "before"  # before -> title (inside a section heading) -> inside -> after
        self.title: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.paragraphs: list[str] = []

    def _flush(self) -> None:
        text = _plain("".join(self.current))
        self.current = []
        if text:
            self.paragraphs.append(self.prefix + text)
            self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SECTION_HEADINGS:
            if self.state == "inside":
                self._flush()
                self.state = "after"
            elif self.state == "before":
                self.state, self.title = "title", []
        elif self.state == "inside" and tag in BLOCKS:
            self._flush()
            if tag == "li":
                self.prefix = "– "  # kept until the item's first text, even inside a <p>
        elif self.state == "inside" and tag == "br":
            self.current.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.state == "title" and tag in SECTION_HEADINGS:
            self.state = "inside" if _plain("".join(self.title)).casefold() == self.heading else "before"
        elif self.state == "inside" and tag in BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.state == "title":
            self.title.append(data)
        elif self.state == "inside":
            self.current.append(data)

    def close(self) -> None:
        super().close()
        if self.state == "inside":
            self._flush()


def section_paragraphs(body_html: str, heading: str = COPY_SECTION) -> list[str]:
    """The text of a body section as plain paragraphs (list items start with a dash);
    empty when the body has no such section. Text only: the handout never renders HTML."""
    parser = _SectionText(heading)
    parser.feed(body_html)
    parser.close()
    return parser.paragraphs


def _present(values: dict[str, Any]) -> dict[str, Any]:
    """Absent optional fields stay absent, as in the case file (no empty strings)."""
    return {key: value for key, value in values.items() if value is not None}


def handout_record(case: CaseView, body_html: str) -> dict[str, Any]:
    """What the handout prints of a case; the page address is added by the browser,
    which knows where the site is served."""
    record: dict[str, Any] = {
        "version": RECORD_VERSION,
        "slug": case.slug,
        "title": case.title,
        "city": case.city,
        "state": case.state.label,
        "summary": case.summary,
        "copy": section_paragraphs(body_html),
        # The same source lines as the page (views.source_line): title, details, address.
        "sources": [
            _present({key: source.get(key) or None for key in ("title", "details", "url", "offline")})
            for source in case.sources
        ],
        "reviewed": case.reviewed,
    }
    if case.contact:
        record["contact"] = _present({"name": case.contact["name"], "url": case.contact.get("url")})
    return record


def handout_json(case: CaseView, body_html: str) -> str:
    """The record as compact JSON for a data attribute (the template escapes it)."""
    return json.dumps(handout_record(case, body_html), ensure_ascii=False, separators=(",", ":"))
