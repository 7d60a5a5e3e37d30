"""The Merkliste record a case page carries: the handout's fields, as text, safely embedded."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from conftest import REPO, VALID_CASE
from praxisatlas.cases import load_collection
from praxisatlas.merkliste import handout_record, section_paragraphs
from praxisatlas.render import PageRenderer
from praxisatlas.views import Atlas

HOSTILE = 'Faire <b>Woche</b> & "Markt" <script>alert(1)</script> \' onmouseover=alert(2)'


def valid_item():
    [item] = load_collection([VALID_CASE]).cases
    return item


def test_copy_section_is_its_paragraphs_as_plain_text_until_the_next_section():
    body = (
        "<p>Vorher.</p><h2 id='zum-nachmachen'>Zum Nachmachen</h2>"
        "<p>Erst <a href='https://a.test/'>planen</a>,\n  dann <em>handeln</em> &amp; feiern.</p>"
        "<ul><li>Verein fragen</li><li><p>Raum suchen</p></li></ul>"
        "<h3>Kosten</h3><p>Gering &lt;script&gt;</p><h2>Danach</h2><p>Nicht mehr.</p>"
    )
    assert section_paragraphs(body) == [
        "Erst planen, dann handeln & feiern.", "– Verein fragen", "– Raum suchen", "Kosten", "Gering <script>",
    ]


def test_copy_section_runs_to_the_end_of_the_body_when_it_is_last():
    assert section_paragraphs("<h2>Zum Nachmachen</h2><p>Eins.</p><p>Zwei.</p>") == ["Eins.", "Zwei."]


def test_body_without_the_section_gives_no_paragraphs():
    assert section_paragraphs("<h2>Zum Nachmachen lernen</h2><p>Text.</p><h3>Zum Nachmachen</h3><p>Auch.</p>") == []


def test_record_holds_the_handout_fields_of_a_real_case():
    item = valid_item()
    view = Atlas([item]).case_view(item)
    record = handout_record(view, item.rendered.html)
    assert record == {
        "version": 1,
        "slug": "koeln-faire-woche",
        "title": "Faire Woche mit Diaspora-Vereinen",
        "city": "Testhausen",
        "state": "Nordrhein-Westfalen",
        "summary": item.case.summary,
        "copy": [
            "Kommunen können früh mit Vereinen planen, Aufgaben klar verteilen und Aufwand entschädigen, "
            "damit ehrenamtlich Engagierte dauerhaft mitwirken können und die Woche jedes Jahr wächst."
        ],
        "sources": [{
            "title": "Bericht über die Faire Woche",
            "details": view.sources[0]["details"],
            "url": "https://www.beispiel.de/bericht",
        }],
        "reviewed": "15. Januar 2025",
        "contact": {"name": "Büro für Internationales", "url": "https://www.beispiel.de/kontakt"},
    }
    assert "Stadt Testhausen" in record["sources"][0]["details"]  # publisher and date, as on the page


def test_case_page_attribute_gives_back_the_exact_record_even_for_markup_and_quotes():
    item = valid_item()
    item.case = item.case.model_copy(update={"title": HOSTILE, "city": HOSTILE})
    atlas = Atlas([item])
    renderer = PageRenderer(atlas, [REPO / "overrides"], {"edit_base": "https://example.test/edit/"})
    page = BeautifulSoup(renderer.render("case", item.slug, "", lambda target: target), "html.parser")
    [toggle] = page.select('[data-module="merkliste-toggle"]')
    record = json.loads(toggle["data-merkliste"])
    assert record == handout_record(atlas.case_view(item), renderer.case_body(item.slug))
    assert (record["title"], record["city"]) == (HOSTILE, HOSTILE)
    assert page.select("[onmouseover]") == [] and page.select("script:not([src])") == []
    assert toggle.has_attr("hidden")  # shown by the script only: without JS nothing is offered
