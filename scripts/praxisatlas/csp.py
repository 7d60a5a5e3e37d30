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
import hashlib
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


class _Scanner(HTMLParser):
    """Find the <head> tag, the inline executable <script> and <style> elements and CSP metas."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.result = _Scan()
        self._line_starts = [0]
        self._line_starts += [i + 1 for i, char in enumerate(page) if char == "\n"]
        self._open: _Element | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head" and self.result.head_end is None:
            self.result.head_end = self._offset() + len(self.get_starttag_text())
        elif tag == "script" and _is_inline_script(dict(attrs)):
            self._open = _Element(self._offset())
            self.result.scripts.append(self._open)
        elif tag == "style":
            self._open = _Element(self._offset())
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
    scanner = _Scanner(page)
    scanner.feed(page)
    scanner.close()
    return scanner.result


def _untrusted_span(page: str, untrusted: str) -> range:
    """Where the untrusted text sits in the page; every occurrence is covered."""
    if not untrusted:
        return range(0)
    first = page.find(untrusted)
    if first < 0:
        raise ValueError("Der Seiteninhalt steht nicht unverändert in der gerenderten Seite.")
    return range(first, page.rfind(untrusted) + len(untrusted))


def source_hash(text: str) -> str:
    """The CSP hash source of an inline script or style: sha256 over its UTF-8 text."""
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
