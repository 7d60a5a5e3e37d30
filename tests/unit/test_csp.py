"""The Content-Security-Policy module on small pages, without MkDocs."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from praxisatlas.csp import (
    _is_inline_script, _Scanner, header_policy, inline_script_hashes, inline_style_hashes, page_policies, policy, with_csp,
)

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


# --- The scanner's shortcuts (issue #12) read every page exactly as the standard parser ----
#
# csp._Scanner skips the attributes of common plain tags and the general end-tag path; the
# reference below is the scanner as it was before, the standard parser with no shortcut and
# offsets from its own line and column count.


class ReferenceScanner(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list] = {"head": [], "script": [], "style": [], "meta": []}
        self._lines = [0] + [i + 1 for i, char in enumerate(page) if char == "\n"]
        self._open: list | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "head" and not self.found["head"]:
            self.found["head"].append(self._offset() + len(self.get_starttag_text()))
        elif tag == "script" and _is_inline_script(attributes):
            self._open = [self._offset(), ""]
            self.found["script"].append(self._open)
        elif tag == "style":
            self._open = [self._offset(), ""]
            self.found["style"].append(self._open)
        elif tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.found["meta"].append(attributes.get("content") or "")

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None


def reference_scan(page: str) -> tuple:
    scanner = ReferenceScanner(page)
    scanner.feed(page)
    scanner.close()
    found = scanner.found
    return (found["head"][0] if found["head"] else None,
            [tuple(e) for e in found["script"]], [tuple(e) for e in found["style"]], found["meta"])


def scan_with(page: str, shortcuts: bool) -> tuple:
    result = _Scanner(shortcuts=shortcuts).scan(page)
    return (result.head_end, [(e.start, e.text) for e in result.scripts],
            [(e.start, e.text) for e in result.styles], result.policies)


# Pieces of markup that change how the text after them is read: unclosed tags, quotes,
# comments, declarations, character references, raw-text elements, odd spellings.
PIECES = [
    "<script>", "</script>", "<script type=module>", "<script src=x>", "<style>", "</style>",
    "<style/>", "<!--", "-->", "<!x", "<?", ">", "<", "</", "</ a>", "&#", "&#x;", "&amp", "&", ";",
    '<a href="', "<a href='", '">', "'>", "<a title=\">\">", "<A HREF=x>", "</A>", "</a\n>", "<div>",
    "</div >", "<p/>", "<br/>", "<li", "<span\n", " ", "\n", "=", '"', "'", "x", "alert(1)",
    "<head>", "<HEAD class=x>", "<meta http-equiv=Content-Security-Policy content=\"a&amp;b\">",
    "<![CDATA[", "]]>", "<svg>", "</svg>", "<title>", "</title>", "<textarea>", "<h1>", "</h1>",
    "<img src=x onerror=alert(1)>", "<a/x>", "<a\x0b>", "<ul><li><a>", "</li></ul>",
]


@pytest.mark.parametrize("page", [
    page(f"<script>{SPEC_SCRIPT}</script>", "<div><a href='x>y'>a</a><p>b</p></div><script>x()</script>"),
    page(body="<a href=\"<script>no()</script>\">x</a><!-- <script>no()</script> --><script>yes()</script>"),
    page(body="<div title='unclosed><script>inside()</script><span>'>x</div><script>after()</script>"),
    page(body="<div <script>odd()</script></div><li<script>odd()</script><p/><script>last()</script>"),
    page(body="&#<div><script>after()</script>" + "&#x;" + "<span><script>late()</script>"),
    page(body="<script>steal();/*</div><script>*/alert(1)</script><style>p{}</style>"),
    page(body="<ul>" + "<li><a href='#'>x</a></li>" * 50 + "</ul><script>end()</script>"),
])
def test_shortcuts_find_what_the_standard_parser_finds(page):
    expected = reference_scan(page)
    assert expected[1], "every example has a script to find"
    assert scan_with(page, shortcuts=True) == expected
    assert scan_with(page, shortcuts=False) == expected


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_shortcuts_find_what_the_standard_parser_finds_in_any_markup(markup):
    for text in (markup, page(body=markup + "<script>x()</script>")):
        expected = reference_scan(text)
        assert scan_with(text, shortcuts=True) == expected
        assert scan_with(text, shortcuts=False) == expected

