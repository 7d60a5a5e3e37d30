"""Front-matter text renders as text everywhere, and invalid cases stop the build."""

from __future__ import annotations

from conftest import build_site
from conftest import FIXTURES

TITLE = 'Faire <b>Woche</b> & "Markt" <script>alert(1)</script>'


def test_title_with_markup_renders_as_text_everywhere(escaping_site):
    page = escaping_site.page("beispiele/fiese-zeichen/")
    assert page.select_one("article h1").get_text() == TITLE
    assert page.select_one("title").get_text() == f"{TITLE} - Praxisatlas Migration & Entwicklung"
    assert page.select_one("meta[property='og:title']")["content"] == TITLE
    assert page.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == TITLE
    assert page.select("article b") == []
    assert [s for s in page.select("script") if "alert" in s.get_text()] == []
    assert page.select("img[onerror]") == []


def test_summary_with_quotes_cannot_break_out_of_attributes(escaping_site):
    page = escaping_site.page("beispiele/fiese-zeichen/")
    description = page.select_one("meta[name=description]")
    assert description["content"].startswith('Zitat " onmouseover="alert(2) <img src=x onerror=alert(3)> & Co.')
    assert not description.has_attr("onmouseover")
    assert page.select("[onmouseover]") == []


def test_partner_name_with_markup_is_text_on_lists_too(escaping_site):
    page = escaping_site.page("beispiele/fiese-zeichen/")
    partners = [li.get_text(" ", strip=True) for li in page.select(".atlas-facts dd ul li")]
    assert "Verein <img src=x onerror=alert(4)> & Freunde (Migranten- oder Diasporaorganisation)" in partners
    listing = escaping_site.page("handlungsfelder/fairer-handel/")
    assert listing.select_one(".atlas-card__title a").get_text() == TITLE


def test_invalid_case_stops_the_build_with_validator_lines_and_no_site(tmp_path):
    build = build_site(tmp_path, FIXTURES / "site-invalid")
    assert build.code == 1
    assert "period-order.md:22: period.from: Beginn 2021 liegt nach dem Ende 2020 — die Jahre prüfen" in build.output
    assert "Ungültige Praxisbeispiele — 1 Fehler und 0 Warnungen; 1 von 2 Dateien ungültig." in build.output
    assert "Traceback" not in build.output
    assert not build.site.exists()
