"""Impressum, Datenschutz, Barrierefreiheit and /mitmachen/ are filled from the operator
settings; the preview says what is missing; a production build refuses to run with a gap.

The configured site is a real production build (PRAXISATLAS_PRODUCTION=1) with every
setting given as an environment variable, as the publishing workflow does it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from build.test_site_pages import CASES
from conftest import REPO, build_site
from praxisatlas.settings import SETTINGS

LEGAL = ("impressum/", "datenschutz/", "barrierefreiheit/")
CONFIGURED = {
    "PRAXISATLAS_SITE_URL": "https://atlas.test/",
    "PRAXISATLAS_OPERATOR_NAME": "Eine Welt & Migration e. V.",
    "PRAXISATLAS_OPERATOR_ADDRESS": "Marktplatz 1, 12345 Musterstadt",
    "PRAXISATLAS_OPERATOR_REPRESENTATIVE": "Vorstand: Erika Beispiel (Vorsitzende)",
    "PRAXISATLAS_CONTACT_EMAIL": "redaktion@atlas.test",
    "PRAXISATLAS_PRIVACY_OFFICER": "Datenschutzbeauftragte, datenschutz@atlas.test",
    "PRAXISATLAS_REPOSITORY": "https://github.com/eine-welt-test/praxisatlas",
    "PRAXISATLAS_ENFORCEMENT_BODY": "Ombudsstelle für barrierefreie IT\nPostfach 10 10, 99999 Landeshauptstadt",
    "PRAXISATLAS_HOSTING": "Testhosting GmbH; Protokolle mit gekürzter IP-Adresse, 7 Tage.",
}
# Every operator setting, so that no production build below inherits one from the caller.
UNSET = {setting.variable: "" for setting in SETTINGS}


def article_text(build, url: str) -> str:
    return " ".join(build.page(url).select_one("article").get_text(" ").split())


@pytest.fixture(scope="module")
def configured(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("configured"), REPO / "examples", {**CONFIGURED, "PRAXISATLAS_PRODUCTION": "1"})
    assert build.code == 0, build.output
    return build


def test_impressum_has_the_ddg_information_from_the_settings(configured):
    items = [" ".join(li.get_text(" ").split()) for li in configured.page("impressum/").select("article ul")[0].select("li")]
    assert items == [
        "Name: Eine Welt & Migration e. V.",
        "Anschrift: Marktplatz 1, 12345 Musterstadt",
        "Vertreten durch: Vorstand: Erika Beispiel (Vorsitzende)",
        "E-Mail: redaktion@atlas.test",
    ]
    mail = configured.page("impressum/").select_one("article ul a[href^='mailto:']")
    assert mail["href"] == "mailto:redaktion@atlas.test"
    repository = configured.page("impressum/").select_one("article a[href^='https://github.com/']")
    assert repository["href"] == CONFIGURED["PRAXISATLAS_REPOSITORY"]


def test_datenschutz_names_the_controller_the_officer_and_the_operators_own_hosting_text(configured):
    text = article_text(configured, "datenschutz/")
    assert "Name: Eine Welt & Migration e. V. Anschrift: Marktplatz 1, 12345 Musterstadt E-Mail: redaktion@atlas.test" in text
    assert "Datenschutzbeauftragte oder Datenschutzbeauftragter: Datenschutzbeauftragte, datenschutz@atlas.test" in text
    assert "Die betreibende Stelle beschreibt es so: Testhosting GmbH; Protokolle mit gekürzter IP-Adresse, 7 Tage." in text
    assert "Keine Cookies." in text


def test_barrierefreiheit_has_the_site_the_feedback_contact_and_the_enforcement_body(configured):
    page = configured.page("barrierefreiheit/")
    text = article_text(configured, "barrierefreiheit/")
    assert text.startswith("Erklärung zur Barrierefreiheit Eine Welt & Migration e. V. ist bemüht, die Website https://atlas.test/ ")
    assert "BITV 2.0" in text and "teilweise vereinbar" in text
    assert "Zuständige Stelle: Eine Welt & Migration e. V. E-Mail: redaktion@atlas.test Post: Marktplatz 1, 12345 Musterstadt" in text
    last = page.select("article p")[-1]
    assert [line.strip() for line in last.stripped_strings] == [
        "Ombudsstelle für barrierefreie IT", "Postfach 10 10, 99999 Landeshauptstadt",
    ]
    assert last.select("br")


@pytest.mark.parametrize("url", [*LEGAL, "mitmachen/"])
def test_configured_pages_have_no_notice_no_placeholder_and_stay_searchable(configured, url):
    page = configured.page(url)
    html = str(page.select_one("article"))
    assert "Noch nicht eingetragen" not in html
    assert "{{" not in html and not re.search(r"\[[A-ZÄÖÜ][^\]]*\](?!\()", page.select_one("article").get_text())
    assert page.select_one(".md-banner") is None
    assert page.select_one("article [data-pagefind-body]") is not None


def test_mitmachen_offers_the_mail_route_beside_the_issue_form(configured):
    page = configured.page("mitmachen/")
    mail = page.select_one("#weg-1 ~ p a[href^='mailto:']")
    target = urlsplit(mail["href"])
    assert target.path == "redaktion@atlas.test"
    assert parse_qs(target.query)["subject"] == ["Vorschlag für den Praxisatlas: neues Beispiel"]
    form = page.select_one("a[href*='/issues/new']")
    assert form["href"] == "https://github.com/eine-welt-test/praxisatlas/issues/new?template=beispiel-vorschlagen.yml"


def test_edit_links_derive_from_the_repository(configured):
    slug = sorted(CASES)[0]
    assert configured.page(f"beispiele/{slug}/").select_one(".atlas-edit a")["href"] == (
        f"https://github.com/eine-welt-test/praxisatlas/edit/main/examples/{slug}.md"
    )


def test_operator_name_is_the_publisher_of_the_open_data(configured):
    assert "Eine Welt &amp; Migration e. V." in (configured.site / "feed.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "labels"),
    [
        ("impressum/", ["Name der betreibenden Stelle", "Postanschrift der betreibenden Stelle",
                        "vertretungsberechtigte Person der betreibenden Stelle", "Kontakt-E-Mail-Adresse",
                        "Adresse des Repositorys"]),
        ("datenschutz/", ["Name der betreibenden Stelle", "Postanschrift der betreibenden Stelle", "Kontakt-E-Mail-Adresse",
                          "Kontakt der oder des Datenschutzbeauftragten",
                          "Angaben zu Hosting, Server-Protokollen und Aufbewahrung von E-Mails"]),
        ("barrierefreiheit/", ["Name der betreibenden Stelle", "Kontakt-E-Mail-Adresse",
                               "Postanschrift der betreibenden Stelle",
                               "Durchsetzungs- und Schlichtungsstelle für Barrierefreiheit"]),
        ("mitmachen/", ["Kontakt-E-Mail-Adresse", "Adresse des Repositorys"]),
    ],
)
def test_preview_shows_a_german_notice_for_each_unset_setting(real_site, url, labels):
    """real_site has the test address https://atlas.test/ and no other setting."""
    notices = {n.get_text() for n in real_site.page(url).select("article .atlas-unset")}
    assert notices == {f"Noch nicht eingetragen: {label}" for label in labels}
    assert "{{" not in str(real_site.page(url).select_one("article"))


def test_preview_shows_a_site_wide_banner_listing_what_is_missing(real_site):
    """real_site has the test address https://atlas.test/ and nothing else set."""
    for url in ("", "finden/", "impressum/"):
        banner = " ".join(real_site.page(url).select_one(".md-banner").get_text(" ").split())
        missing = [s.label for s in SETTINGS if s.key != "site_url"]
        assert banner == (
            f"Vorschau: Für die Veröffentlichung fehlen noch {len(missing)} Angaben der betreibenden Stelle. "
            "Welche? Noch nicht eingetragen: " + "; ".join(missing) + "."
        )
        assert real_site.page(url).select_one(".md-banner details > summary").get_text() == "Welche?"


def test_reference_page_is_built_but_not_marked_for_search(real_site):
    page = real_site.page("mitmachen/referenz/")
    assert page.select_one("article h1").get_text() == "Beispiele selbst eintragen: Anleitung und Referenz"
    assert page.select_one("[data-pagefind-body]") is None
    assert real_site.page("mitmachen/").select_one("article a[href='referenz/']") is not None


def test_production_build_with_a_missing_setting_stops_with_the_german_list(tmp_path):
    partial = {**UNSET, **CONFIGURED, "PRAXISATLAS_CONTACT_EMAIL": "", "PRAXISATLAS_HOSTING": "", "PRAXISATLAS_PRODUCTION": "1"}
    build = build_site(tmp_path, REPO / "examples", partial)
    assert build.code == 1
    assert (
        "Veröffentlichung abgebrochen: Es fehlen Angaben der betreibenden Stelle (Impressum, Datenschutz, Barrierefreiheit).\n"
        "Bitte in mkdocs.yml unter extra.atlas eintragen oder als Umgebungsvariable setzen:\n"
        "  - Kontakt-E-Mail-Adresse: extra.atlas.contact_email oder PRAXISATLAS_CONTACT_EMAIL\n"
        "  - Angaben zu Hosting, Server-Protokollen und Aufbewahrung von E-Mails: extra.atlas.hosting oder PRAXISATLAS_HOSTING\n"
        "Eine Vorschau ohne diese Angaben zeigt `make serve` (PRAXISATLAS_PRODUCTION nicht setzen).\n"
    ) in build.output
    assert "Traceback" not in build.output
    assert not (build.site / "index.html").exists()


def test_production_build_counts_the_local_preview_address_as_missing(tmp_path):
    build = build_site(tmp_path, REPO / "examples", {**CONFIGURED, "PRAXISATLAS_SITE_URL": "http://127.0.0.1:8000/", "PRAXISATLAS_PRODUCTION": "1"})
    assert build.code == 1
    assert "  - öffentliche Adresse der Website: site_url oder PRAXISATLAS_SITE_URL\n" in build.output
    assert "Traceback" not in build.output


def test_an_unknown_production_value_stops_without_a_traceback(tmp_path):
    build = build_site(tmp_path, REPO / "examples", {"PRAXISATLAS_PRODUCTION": "yes"})
    assert build.code == 1
    assert "PRAXISATLAS_PRODUCTION='yes' ist nicht erlaubt — 1 für die Veröffentlichung, 0 oder weglassen für die Vorschau" in build.output
    assert "Traceback" not in build.output
