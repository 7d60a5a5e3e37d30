"""The page in Leichte Sprache (/leichte-sprache/): reachable from every page, and written
by the checkable rules of the Netzwerk Leichte Sprache (short sentences, one per line,
no genitive article, no subjunctive, long compounds split with a Mediopunkt).

The Leichte Sprache part is the page's `.atlas-leicht` block; the closing note in standard
German ("Über diese Seite", `.atlas-leicht-hinweis`) is the only other content.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

URL = "leichte-sprache/"
MAX_WORDS = 15
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"[\w·-]*\w[\w·-]*")
MEDIOPUNKT_WORD = re.compile(r"\w+(?:·\w+)+")


def page_target(site: Path, page: Path, href: str) -> Path | None:
    """The file a link on `page` opens, or None for links off the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    base = site if parts.path.startswith("/") else page.parent
    target = (base / parts.path.lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() else target


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


def own_text(element) -> str:
    """Text of a paragraph or list item without the text of lists nested in it."""
    return "".join(
        piece if isinstance(piece, str) else ("" if piece.name in ("ul", "ol") else own_text(piece))
        for piece in element.children
    )


@pytest.fixture(scope="module")
def page(real_site) -> BeautifulSoup:
    return real_site.page(URL)


@pytest.fixture(scope="module")
def easy(page):
    block = page.select_one("article .atlas-leicht")
    assert block is not None, "der Teil in Leichter Sprache (.atlas-leicht) fehlt"
    return block


def blocks(easy) -> list[str]:
    """Every paragraph and list item of the Leichte Sprache part, as plain text."""
    return [" ".join(own_text(el).split()) for el in easy.select("p, li")]


def test_page_is_german_with_one_h1(page):
    assert page.select_one("html")["lang"] == "de"
    assert [h.get_text(strip=True) for h in page.select("h1")] == ["Leichte Sprache"]


def test_only_the_closing_note_is_outside_the_leichte_sprache_part(page, easy):
    article = page.select_one("article")
    headings_outside = [
        h.get_text(strip=True) for h in article.select("h2, h3, h4") if h.find_parent(class_="atlas-leicht") is None
    ]
    assert headings_outside == ["Über diese Seite"]
    outside = [
        el for el in article.select("p, li")
        if el.find_parent(class_="atlas-leicht") is None and el.find_parent(class_="atlas-leicht-hinweis") is None
    ]
    assert outside == []
    assert len(easy.select("h2")) >= 4


def test_every_sentence_is_short(easy):
    counted = [s for text in blocks(easy) for s in sentences(text)]
    assert len(counted) >= 80, "zu wenig Text gefunden: die Zählung greift nicht"
    too_long = [(len(words(s)), s) for s in counted if len(words(s)) > MAX_WORDS]
    assert too_long == []


def test_one_sentence_per_line(easy):
    paragraphs = [" ".join(p.get_text().split()) for p in easy.select("p")]
    assert len(paragraphs) >= 60
    assert [p for p in paragraphs if len(sentences(p)) != 1] == []


def test_long_words_are_split_with_a_mediopunkt(easy):
    text = easy.get_text(" ")
    split = set(MEDIOPUNKT_WORD.findall(text))
    assert {"Entwicklungs·politik", "Bundes·land", "Internet·seite", "Such·wort"} <= split
    assert len(split) >= 10
    # The Mediopunkt only ever joins two parts of one word.
    assert re.findall(r"\s·|·\s|·$|^·", text) == []


def test_no_genitive_article_subjunctive_or_abbreviation(easy):
    lowered = [w.lower() for text in blocks(easy) for w in words(text)]
    forbidden = {"des", "eines", "würde", "würden", "könnte", "könnten", "möchte", "möchten", "wäre", "hätte"}
    assert sorted(set(lowered) & forbidden) == []
    text = easy.get_text(" ")
    assert [a for a in ("z. B.", "z.B.", "bzw.", "usw.", "ggf.", "d. h.", "&") if a in text] == []


def test_difficult_words_are_explained_where_they_appear(easy):
    text = " ".join(blocks(easy))
    for term, explanation in (
        ("Kommunen", "Städte, Gemeinden und Kreise"),
        ("Entwicklungs·politik", "Entwicklungs·politik ist"),
        ("Filter", "Mit einem Filter"),
        ("Konto", "Ein Konto ist"),
        ("Impressum", "Impressum ist ein Fach·wort"),
    ):
        assert explanation in text, term
        assert text.index(explanation) - text.index(term) < 400, term


def test_links_to_finder_lists_contributing_and_imprint(real_site, easy):
    page = real_site.site / URL / "index.html"
    targets = {
        page_target(real_site.site, page, a["href"]).relative_to(real_site.site).as_posix()
        for a in easy.select("a[href]")
        if page_target(real_site.site, page, a["href"]) is not None
    }
    assert {
        "finden/index.html", "handlungsfelder/index.html", "formate/index.html", "bundeslaender/index.html",
        "mitmachen/index.html", "impressum/index.html",
    } <= targets
    for target in targets:
        assert (real_site.site / target).is_file(), target


def test_no_contact_details_are_invented(page):
    article = page.select_one("article")
    assert "@" not in article.get_text()
    assert [a["href"] for a in article.select("a[href]") if a["href"].startswith(("mailto:", "tel:"))] == []


def test_closing_note_names_the_rules_and_the_missing_review(page):
    note = " ".join(page.select_one("article .atlas-leicht-hinweis").get_text().split())
    assert "Netzwerks Leichte Sprache" in note
    assert "Prüfgruppe" in note
    assert "noch nicht stattgefunden" in note


def test_every_page_footer_links_to_the_page(real_site):
    target = (real_site.site / URL / "index.html").resolve()
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) > 20
    missing = []
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        links = [a for a in soup.select("footer .atlas-legal a[href]") if a.get_text(strip=True) == "Leichte Sprache"]
        if len(links) != 1 or page_target(real_site.site, path, links[0]["href"]) != target:
            missing.append(path.relative_to(real_site.site).as_posix())
    assert missing == []


def test_home_page_links_to_the_page_in_its_content(real_site):
    home = real_site.site / "index.html"
    target = (real_site.site / URL / "index.html").resolve()
    soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
    links = [a for a in soup.select(".md-content a[href]") if page_target(real_site.site, home, a["href"]) == target]
    assert [a.get_text(strip=True) for a in links] == ["Informationen in Leichter Sprache"]


def test_page_is_not_a_top_tab(real_site):
    tabs = [a.get_text(strip=True) for a in real_site.page("").select(".md-tabs a")]
    assert "Startseite" in tabs
    assert "Leichte Sprache" not in tabs
