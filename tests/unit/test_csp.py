"""The Content-Security-Policy module on small pages, without MkDocs."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from praxisatlas.csp import header_policy, inline_script_hashes, inline_style_hashes, page_policies, policy, with_csp

# The worked example of the CSP specification (CSP Level 2, "hash-source"); checked with
# `printf "alert('Hello, world.');" | openssl dgst -sha256 -binary | base64`.
SPEC_SCRIPT = "alert('Hello, world.');"
SPEC_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
# Whitespace and non-ASCII text count as UTF-8 bytes, exactly as written (openssl as above).
UMLAUT_SCRIPT = "\n  document.title = 'Grüße';\n"
UMLAUT_HASH = "'sha256-hIcI1RNlL64t3Tobka55EGqvfHQwmxQLsUIyOzjuJVY='"


def page(head: str = "", body: str = "") -> str:
    return f'<!doctype html>\n<html lang="de">\n  <head class="x">\n    <meta charset="utf-8">{head}</head>\n<body>{body}</body></html>'


def test_hash_matches_the_specification_example():
    assert inline_script_hashes(page(f"<script>{SPEC_SCRIPT}</script>")) == [SPEC_HASH]


def test_hash_covers_the_exact_utf8_text_including_whitespace():
    assert inline_script_hashes(page(body=f"<script>{UMLAUT_SCRIPT}</script>")) == [UMLAUT_HASH]


@pytest.mark.parametrize("attributes", ["", ' type=""', ' type="module"', ' type=" Text/JavaScript "', ' language="JavaScript"'])
def test_executable_inline_scripts_are_hashed(attributes):
    assert inline_script_hashes(page(f"<script{attributes}>{SPEC_SCRIPT}</script>")) == [SPEC_HASH]


@pytest.mark.parametrize("attributes", [' type="application/json"', ' type="text/template"', ' src="app.js"', ' language="vbscript"'])
def test_data_blocks_and_external_scripts_are_not_hashed(attributes):
    assert inline_script_hashes(page(f"<script{attributes}>{SPEC_SCRIPT}</script>")) == []


def test_each_hash_is_listed_once_in_page_order():
    html = page(f"<script>{UMLAUT_SCRIPT}</script><script>{SPEC_SCRIPT}</script>", f"<script>{UMLAUT_SCRIPT}</script>")
    assert inline_script_hashes(html) == [UMLAUT_HASH, SPEC_HASH]


def test_scripts_inside_the_untrusted_content_are_never_hashed():
    content = f"<p>Text</p><script>{SPEC_SCRIPT}</script>"
    html = page(f"<script>{UMLAUT_SCRIPT}</script>", f"<article>{content}</article>")
    assert inline_script_hashes(html) == [UMLAUT_HASH, SPEC_HASH]
    assert inline_script_hashes(html, untrusted=content) == [UMLAUT_HASH]


def test_an_unclosed_script_in_the_content_cannot_swallow_a_trusted_one():
    """Left open, the content's script runs on into the theme's script: its text is new, not trusted."""
    content = "<p>Text</p><script>steal();/*"
    html = page(body=f"<article>{content}</article><script>*/{SPEC_SCRIPT}</script>")
    assert inline_script_hashes(html) != []
    assert inline_script_hashes(html, untrusted=content) == []


def test_content_missing_from_the_page_is_an_error():
    with pytest.raises(ValueError, match="Seiteninhalt"):
        inline_script_hashes(page(body="<p>anders</p>"), untrusted="<p>Text</p>")


def test_style_elements_are_hashed_like_scripts():
    assert inline_style_hashes(page(f"<style>{SPEC_SCRIPT}</style>")) == [SPEC_HASH]
    assert inline_style_hashes(page(body=f"<style>{SPEC_SCRIPT}</style>"), untrusted=f"<style>{SPEC_SCRIPT}</style>") == []


def test_policy_has_every_directive_and_no_unsafe_source_but_wasm():
    text = policy([SPEC_HASH], [UMLAUT_HASH])
    directives = {part.split()[0]: part.split()[1:] for part in text.split("; ")}
    assert directives == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", SPEC_HASH],
        "style-src": ["'self'", UMLAUT_HASH],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-src": ["'none'"],
    }
    # Pagefind compiles WebAssembly; that is the only "unsafe" source, and it allows no eval.
    assert "unsafe" not in text.replace("'wasm-unsafe-eval'", "")


def test_meta_is_the_first_element_of_head_and_lists_the_page_hashes():
    html = with_csp(page(f'<link rel="stylesheet" href="a.css"><script>{SPEC_SCRIPT}</script>'))
    head = BeautifulSoup(html, "html.parser").head
    first = head.find(True)
    assert first.name == "meta" and first["http-equiv"] == "Content-Security-Policy"
    assert first["content"] == policy([SPEC_HASH], [])
    assert len(head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})) == 1
    assert html.startswith('<!doctype html>\n<html lang="de">\n  <head class="x"><meta http-equiv=')


def test_page_without_head_is_refused():
    with pytest.raises(ValueError, match="kein <head>"):
        with_csp("<p>Nur ein Schnipsel</p>")


def test_page_policies_reads_back_what_with_csp_wrote():
    assert page_policies(with_csp(page(f"<script>{SPEC_SCRIPT}</script>"))) == [policy([SPEC_HASH], [])]
    assert page_policies(page()) == []


def test_header_policy_joins_the_hashes_of_all_pages_and_forbids_framing():
    pages = [policy([SPEC_HASH], []), policy([UMLAUT_HASH, SPEC_HASH], [SPEC_HASH])]
    assert header_policy(pages) == policy([SPEC_HASH, UMLAUT_HASH], [SPEC_HASH]) + "; frame-ancestors 'none'"
