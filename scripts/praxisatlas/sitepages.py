"""The pages generated at build time: one per case, per vocabulary term and per index.

Each page is Markdown with front matter. Case pages carry no Markdown: their body is
rendered by the case pipeline (markup.py), never by MkDocs. MkDocs' templates do not autoescape, so every
front-matter string that MkDocs itself prints (title, description) is HTML-escaped here;
everything else is rendered later by our autoescaping templates (see render.py).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import yaml

from .pagination import page_count, page_url
from .views import INDEX_KINDS, PROGRAMMES_PAGE, Atlas


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str


def _page(src_uri: str, title: str, description: str, view: str, key: str = "", wide: bool = False, number: int = 1) -> GeneratedPage:
    """Search indexing is decided by the templates: only case pages carry data-pagefind-body.
    A `wide` page hides Material's sidebars (the finder needs the width for filters);
    `number` is the page of a long list (pagination.py)."""
    atlas = {"view": view, "key": key}
    if number > 1:
        atlas["page"] = number
    meta = {
        "title": html.escape(title),
        "description": html.escape(description),
        "atlas": atlas,
    }
    if wide:
        meta["hide"] = ["navigation", "toc"]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return GeneratedPage(src_uri, f"---\n{front}---\n")


def generated_pages(atlas: Atlas) -> list[GeneratedPage]:
    pages = [
        _page(f"beispiele/{item.slug}.md", item.case.title, item.case.summary, "case", item.slug)
        for item in atlas.cases
    ]
    pages.append(_page(
        "finden/index.md", "Beispiele finden",
        "Praxisbeispiele mit Stichworten suchen und nach Handlungsfeld, Format, Bundesland und mehr filtern.",
        "finder", wide=True,
    ))
    pages.append(_page(
        "daten/index.md", "Daten herunterladen",
        "Alle Praxisbeispiele als offene Daten: JSON, CSV, Atom-Feed, JSON Schema und DCAT-AP.de-Katalog.",
        "data",
    ))
    pages.append(_page(
        f"{PROGRAMMES_PAGE}index.md", "Förderung und Unterstützung",
        "Förder- und Beratungsprogramme, die Kommunen in den Praxisbeispielen genutzt haben, mit den Beispielen dazu.",
        "programmes",
    ))
    pages.append(_page(
        "merkliste/index.md", "Merkliste",
        "Gemerkte Praxisbeispiele ansehen und als kompaktes Handout für Rat oder Ausschuss drucken.",
        "merkliste",
    ))
    for kind, (folder, heading) in INDEX_KINDS.items():
        pages.append(_page(f"{folder}/index.md", heading, f"Alle Praxisbeispiele nach {heading}.", "overview", kind))
        for term in atlas.vocab[kind].terms:
            pages.extend(_term_pages(atlas, kind, folder, term))
    return pages


def _term_pages(atlas: Atlas, kind: str, folder: str, term) -> list[GeneratedPage]:
    """A term's list: its own page, then `seite-2/`, `seite-3/` … for long lists."""
    count = len(atlas.cases_with(kind, term.slug))
    key = f"{kind}:{term.slug}"
    base = f"{folder}/{term.slug.lower()}/"
    pages = [_page(f"{folder}/{term.slug.lower()}.md", term.label, f"{count} Praxisbeispiele: {term.description}", "term", key)]
    pages_total = page_count(count)
    for number in range(2, pages_total + 1):
        pages.append(_page(
            f"{page_url(base, number)}index.md", f"{term.label}, Seite {number} von {pages_total}",
            f"{count} Praxisbeispiele, Seite {number} von {pages_total}: {term.description}", "term", key, number=number,
        ))
    return pages
