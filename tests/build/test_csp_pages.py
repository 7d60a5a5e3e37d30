"""Every built HTML page carries the Content-Security-Policy, first in <head>, with the right hashes.

The expected hashes are computed here with hashlib from the parsed pages, independently of
praxisatlas/csp.py.
"""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup

import csp_header
from build.test_site_pages import CASES

CSP = {"http-equiv": "Content-Security-Policy"}
# The script types that occur in Material's pages and run; anything else must not be listed.
RUNNING_TYPES = (None, "", "text/javascript", "module")


def parsed(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def directives(soup: BeautifulSoup) -> dict[str, list[str]]:
    content = soup.head.find("meta", attrs=CSP)["content"]
    return {part.split()[0]: part.split()[1:] for part in content.split("; ")}


def running_inline_hashes(soup: BeautifulSoup) -> set[str]:
    scripts = [s for s in soup.find_all("script") if not s.has_attr("src") and s.get("type") in RUNNING_TYPES]
    return {"'sha256-" + base64.b64encode(hashlib.sha256(s.string.encode()).digest()).decode() + "'" for s in scripts}


@pytest.fixture(scope="module")
def html_pages(real_site) -> dict[str, BeautifulSoup]:
    pages = {str(p.relative_to(real_site.site)): parsed(p) for p in sorted(real_site.site.rglob("*.html"))}
    assert "404.html" in pages and "index.html" in pages and len(pages) > len(CASES)
    return pages


def test_every_page_has_one_policy_as_first_element_of_head(html_pages):
    wrong = {
        name: (soup.head.find(True).name, len(soup.find_all("meta", attrs=CSP)))
        for name, soup in html_pages.items()
        if len(soup.find_all("meta", attrs=CSP)) != 1 or soup.head.find(True).attrs.get("http-equiv") != CSP["http-equiv"]
    }
    assert wrong == {}


def test_script_src_lists_exactly_the_hashes_of_the_running_inline_scripts(html_pages):
    for name, soup in html_pages.items():
        script_src = directives(soup)["script-src"]
        assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"], name
        assert set(script_src[2:]) == running_inline_hashes(soup), name
        assert running_inline_hashes(soup), name  # Material's inline scripts are there and counted


def test_no_page_needs_unsafe_sources_or_inline_styles(html_pages):
    for name, soup in html_pages.items():
        policy = directives(soup)
        unsafe = [source for sources in policy.values() for source in sources if "unsafe" in source]
        assert unsafe == ["'wasm-unsafe-eval'"], name  # Pagefind's WebAssembly, no JavaScript eval
        assert policy["style-src"] == ["'self'"], name
        # With style-src 'self' a style attribute or <style> element would be blocked: there are none.
        assert soup.find_all(style=True) == [] and soup.find_all("style") == [], name


def test_charset_stays_within_the_first_1024_bytes(real_site):
    """The policy goes before <meta charset>; the declaration must still be found (HTML standard)."""
    for path in real_site.site.rglob("*.html"):
        assert b'<meta charset="utf-8">' in path.read_bytes()[:1024], path


def test_sitemap_is_left_alone(real_site):
    assert "Content-Security-Policy" not in (real_site.site / "sitemap.xml").read_text(encoding="utf-8")


def test_hostile_front_matter_adds_no_hash(real_site, escaping_site):
    """The case with markup in every text field gets the same three Material hashes as any
    case ('self', 'wasm-unsafe-eval', and the hashes of Material's base, palette and
    consent-free configuration scripts)."""
    hostile = escaping_site.page("beispiele/fiese-zeichen/")
    ordinary = real_site.page(f"beispiele/{sorted(CASES)[0]}/")
    assert directives(hostile)["script-src"] == directives(ordinary)["script-src"]
    assert len(directives(hostile)["script-src"]) == 5


def run_csp_header(capsys, *argv: str) -> tuple[int, str, str]:
    code = csp_header.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_header_command_allows_the_inline_scripts_of_every_page(real_site, html_pages, capsys):
    code, out, _ = run_csp_header(capsys, str(real_site.site))
    assert code == 0
    header = {part.split()[0]: part.split()[1:] for part in out.strip().split("; ")}
    assert set(header["script-src"][2:]) == set().union(*(running_inline_hashes(s) for s in html_pages.values()))
    assert header["frame-ancestors"] == ["'none'"]
    assert {k: v for k, v in header.items() if k not in ("script-src", "frame-ancestors")} == {
        k: v for k, v in directives(html_pages["index.html"]).items() if k != "script-src"
    }


def test_header_command_refuses_a_page_without_policy(tmp_path, capsys):
    (tmp_path / "index.html").write_text("<!doctype html><html><head></head><body></body></html>", encoding="utf-8")
    code, out, err = run_csp_header(capsys, str(tmp_path))
    assert (code, out) == (1, "")
    assert "index.html" in err and "mkdocs build" in err
