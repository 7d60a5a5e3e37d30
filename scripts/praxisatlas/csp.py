"""Content-Security-Policy for every built page (DESIGN.md, Security model, layer 3).

Scripts run only from the site's own files or, inline, by the SHA-256 hash of their text,
so an event handler, a `javascript:` link or a `<script>` that slipped past the sanitiser
cannot run. The hashes are taken from the rendered page at build time, but only from the
theme's part of it: inline scripts and styles that start inside the page content (the
case data, passed as `untrusted`) are never hashed, or the policy would allow exactly
what it is meant to stop. Plain functions on strings; MkDocs is wired in by hooks.py.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Iterable

# Types the HTML standard runs or parses as script (and CSP checks against script-src);
# any other type, e.g. Material's `application/json` config, is an inert data block.
SCRIPT_TYPES = frozenset({
    "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
})

# Material draws its icons (navigation arrows, admonition and details symbols, the
# back-to-top arrow) as CSS masks with inline `data:image/svg+xml` URLs; CSS images fall
# under img-src, so without `data:` those icons disappear. A data: image cannot run script.
DIRECTIVES = (
    ("default-src", "'self'"),
    # Pagefind (search and finder) compiles its WebAssembly search engine in the browser;
    # 'wasm-unsafe-eval' allows exactly that and no JavaScript eval.
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    ("frame-src", "'none'"),
)
# Only a response header can forbid framing (clickjacking); a meta policy ignores it.
HEADER_ONLY = "frame-ancestors 'none'"


@dataclass
class _Element:
    start: int  # offset of the start tag's "<" in the page
    text: str = ""


@dataclass
class _Scan:
    head_end: int | None = None  # offset just after the first <head> start tag
    scripts: list[_Element] = field(default_factory=list)
    styles: list[_Element] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)  # contents of CSP meta elements


# Speed (issue #12): a page has a few hundred tags and only <head>, <meta>, <script> and
# <style> matter here. For the commonest plain elements the scanner asks the standard
# parser only where the start tag ends (by the parser's own rule, check_for_whole_start_tag)
# and skips reading its attributes; their end tags in the simplest form (`</div>`) skip the
# parser's general end-tag path. Neither changes where any token starts or ends or which
# mode the tokenizer is in: for these tags the standard parser does nothing more than call
# handle_starttag/handle_endtag, which ignore them. Newer parsers do more with every tag
# (they follow foreign content, <svg> and <math>); there the shortcuts are off and every
# tag takes the standard path. tests/unit/test_csp.py checks that both paths find exactly
# what the plain standard parser finds.
_RAW_TEXT = {tag.lower() for tag in (*HTMLParser.CDATA_CONTENT_ELEMENTS, *getattr(HTMLParser, "RCDATA_CONTENT_ELEMENTS", ()))}
_PLAIN_ELEMENTS = frozenset({
    "a", "abbr", "article", "aside", "b", "br", "button", "code", "dd", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "i", "img", "input", "kbd", "label", "li", "link", "main", "nav", "ol",
    "p", "pre", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "th", "thead", "time", "tr", "ul",
}) - _RAW_TEXT
_SHORTCUTS = hasattr(HTMLParser, "check_for_whole_start_tag") and not any(
    hasattr(HTMLParser, name) for name in ("_handle_starttag_context", "_handle_endtag_context")
)
_PLAIN_NAMES = "|".join(sorted(_PLAIN_ELEMENTS))
_PLAIN_START = re.compile(rf"<(?:{_PLAIN_NAMES})[\t\n\f\r />]", re.IGNORECASE | re.ASCII)
_PLAIN_END = re.compile(rf"</(?:{_PLAIN_NAMES})>", re.IGNORECASE | re.ASCII)


class _Scanner(HTMLParser):
    """Find the <head> tag, the inline executable <script> and <style> elements and CSP metas."""

    def __init__(self, shortcuts: bool = _SHORTCUTS) -> None:
        super().__init__(convert_charrefs=True)
        self.result = _Scan()
        self._open: _Element | None = None
        self._base = 0  # offset in the page of the parser's buffer (self.rawdata)
        self._start = 0  # offset of the start tag being handled
        self._shortcuts = shortcuts

    def scan(self, page: str) -> _Scan:
        self.feed(page)
        # feed() may stop before the end (an unfinished construct); close() goes on with
        # the rest, and the parser's offsets from then on count from where it stopped.
        self._base = len(page) - len(self.rawdata)
        self.close()
        return self.result

    def updatepos(self, i: int, j: int) -> int:
        # Offsets come from parse_starttag; line and column (getpos) are not kept.
        return j

    def parse_starttag(self, i: int) -> int:
        if self._shortcuts:
            if _PLAIN_START.match(self.rawdata, i):
                return self.check_for_whole_start_tag(i)
        self._start = self._base + i
        return super().parse_starttag(i)

    def parse_endtag(self, i: int) -> int:
        if self._shortcuts and self.cdata_elem is None:
            plain = _PLAIN_END.match(self.rawdata, i)
            if plain is not None:
                return plain.end()
        return super().parse_endtag(i)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head" and self.result.head_end is None:
            self.result.head_end = self._start + len(self.get_starttag_text())
        elif tag == "script" and _is_inline_script(dict(attrs)):
            self._open = _Element(self._start)
            self.result.scripts.append(self._open)
        elif tag == "style":
            self._open = _Element(self._start)
            self.result.styles.append(self._open)
        elif tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "content-security-policy":
            self.result.policies.append(dict(attrs).get("content") or "")

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._open = None


def _is_inline_script(attrs: dict[str, str | None]) -> bool:
    """An inline script the browser would run, following the HTML standard's type rules."""
    if "src" in attrs:
        return False
    if "type" in attrs:
        kind = (attrs["type"] or "").strip().lower()
    elif attrs.get("language"):
        kind = "text/" + attrs["language"].lower()
    else:
        kind = ""
    return kind == "" or kind in SCRIPT_TYPES


def _scan(page: str) -> _Scan:
    return _Scanner().scan(page)


def _untrusted_span(page: str, untrusted: str) -> range:
    """Where the untrusted text sits in the page; every occurrence is covered."""
    if not untrusted:
        return range(0)
    first = page.find(untrusted)
    if first < 0:
        raise ValueError("Der Seiteninhalt steht nicht unverändert in der gerenderten Seite.")
    return range(first, page.rfind(untrusted) + len(untrusted))


@functools.lru_cache(maxsize=256)
def source_hash(text: str) -> str:
    """The CSP hash source of an inline script or style: sha256 over its UTF-8 text.

    Cached: Material's inline scripts are the same on every page of the same depth."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _hashes(elements: list[_Element], span: range) -> list[str]:
    return list(dict.fromkeys(source_hash(e.text) for e in elements if e.start not in span))


def inline_script_hashes(page: str, untrusted: str = "") -> list[str]:
    """Hash sources of the page's executable inline scripts outside `untrusted`, in page order."""
    return _hashes(_scan(page).scripts, _untrusted_span(page, untrusted))


def inline_style_hashes(page: str, untrusted: str = "") -> list[str]:
    """Hash sources of the page's <style> elements outside `untrusted`, in page order."""
    return _hashes(_scan(page).styles, _untrusted_span(page, untrusted))


def policy(script_hashes: list[str], style_hashes: list[str]) -> str:
    """The policy text: the fixed directives, with the hashes added to script-src and style-src."""
    extra = {"script-src": script_hashes, "style-src": style_hashes}
    return "; ".join(
        " ".join([name, value, *extra.get(name, [])]) for name, value in DIRECTIVES
    )


def with_csp(page: str, untrusted: str = "") -> str:
    """The page with its policy as the first element of <head>, before any script or style."""
    scan = _scan(page)
    if scan.head_end is None:
        raise ValueError("Die Seite hat kein <head>; die Content-Security-Policy kann nicht eingefügt werden.")
    span = _untrusted_span(page, untrusted)
    content = policy(_hashes(scan.scripts, span), _hashes(scan.styles, span))
    # Escaped for the double-quoted attribute it goes into.
    content = content.replace("&", "&amp;").replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return page[: scan.head_end] + meta + page[scan.head_end :]


def page_policies(page: str) -> list[str]:
    """The policies a built page declares in CSP meta elements."""
    return _scan(page).policies


def header_policy(policies: Iterable[str]) -> str:
    """One policy for the web server's header: every page's hashes, plus what only a header can say.

    The browser enforces the header and each page's meta policy together, so the header
    must allow the inline scripts of all pages (their hashes differ with the page depth).
    """
    sources: dict[str, dict[str, None]] = {"script-src": {}, "style-src": {}}
    for text in policies:
        for part in text.split(";"):
            name, *values = part.split() or [""]
            if name in sources:
                sources[name].update(dict.fromkeys(v for v in values if v.startswith("'sha256-")))
    return policy(list(sources["script-src"]), list(sources["style-src"])) + "; " + HEADER_ONLY
