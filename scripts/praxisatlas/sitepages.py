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

from .views import INDEX_KINDS, PROGRAMMES_PAGE, Atlas


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str


def _page(src_uri: str, title: str, description: str, view: str, key: str = "", wide: bool = False) -> GeneratedPage:
    """Search indexing is decided by the templates: only case pages carry data-pagefind-body.
    A `wide` page hides Material's sidebars (the finder needs the width for filters)."""
    meta = {
        "title": html.escape(title),
        "description": html.escape(description),
        "atlas": {"view": view, "key": key},
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
            count = len(atlas.cases_with(kind, term.slug))
            description = f"{count} Praxisbeispiele: {term.description}"
            pages.append(_page(f"{folder}/{term.slug.lower()}.md", term.label, description, "term", f"{kind}:{term.slug}"))
    return pages
