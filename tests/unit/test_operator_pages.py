"""Values in hand-written pages: escaped, a notice when unset, and no unknown name left standing."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import REPO
from praxisatlas.operatorpages import PROPOSAL_BODY, UnknownToken, fill, issue_form_url, mailto
from praxisatlas.render import PageRenderer
from praxisatlas.settings import load
from praxisatlas.views import Atlas


def renderer(**values: str) -> PageRenderer:
    operator = load(values, "https://atlas.example.de/", {})
    return PageRenderer(Atlas([]), [REPO / "overrides"], operator.page_settings({}))


def render(html: str, **values: str) -> str:
    return renderer(**values).render("operator", "", html, lambda target: target)


def test_mailto_percent_encodes_subject_and_body_with_crlf_line_breaks():
    url = mailto("redaktion@stadt.example.de", "Vorschlag: Köln & Bonn", "Zeile 1\nZeile 2 = ja?")
    assert url == (
        "mailto:redaktion@stadt.example.de?subject=Vorschlag%3A%20K%C3%B6ln%20%26%20Bonn"
        "&body=Zeile%201%0D%0AZeile%202%20%3D%20ja%3F"
    )


def test_mailto_round_trips_the_body_template():
    query = parse_qs(urlsplit(mailto("a@b.example.de", "Betreff", PROPOSAL_BODY)).query)
    assert query["body"] == [PROPOSAL_BODY.replace("\n", "\r\n")]


def test_issue_form_url_opens_the_proposal_form():
    assert issue_form_url("https://github.com/stelle/atlas/") == (
        "https://github.com/stelle/atlas/issues/new?template=beispiel-vorschlagen.yml"
    )


def test_an_operator_value_is_shown_as_text_never_as_markup():
    html = render("<p>{{ operator_name }}</p>", operator_name="Verein <b>&</b> Co")
    assert "<p>Verein &lt;b&gt;&amp;&lt;/b&gt; Co</p>" in html


def test_line_breaks_of_a_value_are_kept():
    html = render("<p>{{ enforcement_body }}</p>", enforcement_body="Ombudsstelle\nPostfach 1")
    assert "<p>Ombudsstelle<br>Postfach 1</p>" in html


def test_an_unset_value_shows_a_german_notice():
    html = render("<li>E-Mail: {{ contact_email }}</li>")
    assert '<li>E-Mail: <strong class="atlas-unset">Noch nicht eingetragen: Kontakt-E-Mail-Adresse</strong></li>' in html


def test_the_contact_address_is_a_mail_link():
    html = render("<p>{{ contact_email }}</p>", contact_email="info@stadt.example.de")
    assert '<p><a href="mailto:info@stadt.example.de">info@stadt.example.de</a></p>' in html


def test_the_page_stays_searchable():
    assert render("<p>x</p>").startswith("<div data-pagefind-body>")


def test_an_unknown_name_stops_the_build_and_lists_the_known_ones():
    with pytest.raises(UnknownToken) as error:
        fill("<p>{{ operator_mail }}</p>", lambda key: key)
    assert str(error.value).startswith("unbekannte Angabe operator_mail — möglich sind: contact_email, enforcement_body,")


def test_only_tokens_are_replaced():
    assert fill("<p>{ #id } {{site_url}} {{ site_url }}</p>", lambda key: f"[{key}]") == "<p>{ #id } [site_url] [site_url]</p>"
