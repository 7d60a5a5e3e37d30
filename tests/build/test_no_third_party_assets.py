"""No built file makes the browser load anything from another host (DESIGN.md, Principles: no
request leaves the visitor's browser for third-party hosts). A static scan of every HTML, CSS
and JavaScript file of the built site, Material's and Pagefind's bundles included:

- HTML: src/srcset/poster/data on any element, href on any element but <a> and <area> (links the
  visitor follows are fine), <meta http-equiv="refresh">, and inline <script> and <style>;
- CSS: url(…) and @import, and any other web address in the text;
- JavaScript: every http(s):// address and every quoted //host address, wherever it stands
  (fetch, XHR, import(), script loaders, comments).

A web address of another host is allowed only when listed in ALLOWED below with the reason it
cannot load anything; the guards at the end keep the conditions those reasons rely on true.
tests/browser/test_privacy.py checks the same in the browser, page by page.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

HTTP = re.compile(r"""https?://[^\s"'`<>()\\]*""", re.I)
# A quoted protocol-relative address in JavaScript ("//cdn.example/x.js").
QUOTED_PROTOCOL_RELATIVE = re.compile(r"""(?<=["'`])//[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s"'`]*""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""", re.S | re.I)
CSS_DATA_URL = re.compile(r"""url\(\s*(["']?)data:.*?\1\s*\)""", re.S | re.I)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.I)
ASSET_ATTRIBUTES = ("src", "srcset", "poster", "data", "background", "manifest", "xlink:href")
FOLLOWED_LINKS = ("a", "area")


@dataclass(frozen=True)
class Allowed:
    files: str   # glob on the path below the site root
    url: str     # regular expression for the whole address
    reason: str


ALLOWED = [
    # Namespace name for document.createElementNS: an identifier, never fetched.
    Allowed("pagefind/pagefind-ui.js", re.escape("http://www.w3.org/2000/svg"), "SVG namespace URI"),
    # Base for new URL(path, base) to normalise a path; only .pathname is used, nothing is fetched.
    Allowed("pagefind/pagefind-ui.js", re.escape("https://p"), "dummy URL base for path parsing"),
    Allowed("pagefind/pagefind-component-ui.js", re.escape("https://p"), "dummy URL base for path parsing"),
    Allowed("pagefind/pagefind.js", r"https://example\.com\$\{(anchored_url|normalized)\}", "dummy URL base for path parsing"),
    Allowed("pagefind/pagefind-worker.js", r"https://example\.com\$\{(anchored_url|normalized)\}", "dummy URL base for path parsing"),
    # Pagefind's translations credit their translators with a web address: strings, not loads.
    Allowed("pagefind/pagefind*ui.js", r"https://(github\.com/(dallyh|diomed|pvillaverde|seokho-son)|harrymkt\.github\.io|yekta\.dev)",
            "translator credits in Pagefind's UI strings"),
    # Comments in Pagefind's bundled libraries (mark.js licence, browser bug references).
    Allowed("pagefind/pagefind-highlight.js", r"https://(markjs\.io/|git\.io/vwTVl)", "licence/comment in mark.js"),
    Allowed("pagefind/pagefind-component-ui.css",
            r"https://(bugs\.webkit\.org/show_bug\.cgi\?id=243452|bugzilla\.mozilla\.org/show_bug\.cgi\?id=1837436)",
            "comment pointing to browser bugs"),
    # Material: the licence comment of the bundled clipboard.js.
    Allowed("assets/javascripts/bundle.*.min.js", re.escape("https://clipboardjs.com/"), "licence comment"),
    # Material: repository facts (stars, forks, version) from the GitHub or GitLab API. Runs only
    # with Material's repository widget, which needs `repo_url`; no page has it (guard below),
    # and connect-src 'self' would refuse the request.
    Allowed("assets/javascripts/bundle.*.min.js",
            r"https://api\.github\.com/(repos/\$\{e\}/\$\{t\}|users/\$\{e\})|https://\$\{e\}/api/v4/projects/\$\{encodeURIComponent",
            "repository widget, not used"),
    # Material: loads Mermaid only for a page with a Mermaid diagram (none, guard below), and a
    # ResizeObserver polyfill only in browsers without ResizeObserver (none current); script-src
    # 'self' refuses both (guard below).
    Allowed("assets/javascripts/bundle.*.min.js",
            re.escape("https://unpkg.com/mermaid@11/dist/mermaid.min.js") + "|" + re.escape("https://unpkg.com/resize-observer-polyfill"),
            "conditional loaders that never run here and the policy would refuse"),
    # Material's lunr search (assets/javascripts/lunr, workers/search): copied by the theme but
    # never loaded (plugins: [], search is Pagefind). Their addresses are licence and source
    # comments.
    Allowed("assets/javascripts/lunr/min/lunr.*.min.js",
            r"http://(www\.mozilla\.org/MPL/|snowball\.tartarus\.org/|code\.google\.com/p/urim/)|https://github\.com/MihaiValentin/lunr-languages",
            "licence comments of lunr-languages"),
    Allowed("assets/javascripts/lunr/tinyseg.js",
            r"http://chasen\.org/~taku/software/TinySegmenter/LICENCE\.txt|https://github\.com/umdjs/umd/blob/master/returnExports\.js",
            "licence comments"),
    Allowed("assets/javascripts/lunr/wordcut.js",
            r"https?://(docs\.python\.org|en\.wikipedia\.org|msdn\.microsoft\.com|narwhaljs\.org|people\.mozilla\.org|underscorejs\.org"
            r"|wiki\.commonjs\.org|wiki\.ecmascript\.org|developer\.mozilla\.org|github\.com/(isaacs|nodejs))(/.*)?",
            "source comments of the bundled libraries"),
    Allowed("assets/javascripts/workers/search.*.min.js",
            r"http://lunrjs\.com|http://tartarus\.org/~martin/PorterStemmer/js\.txt|https://bit\.ly/2s3ChXG",
            "licence and source comments of lunr"),
]


@dataclass(frozen=True)
class Found:
    file: str
    where: str
    url: str


def own_host(site: Path) -> str:
    """The site's public address, as its home page names it (canonical link)."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return urlsplit(home.find("link", rel="canonical")["href"]).hostname


def is_foreign(url: str, own: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and parts.hostname != own


def allowed(found: Found) -> bool:
    return any(fnmatch.fnmatch(found.file, rule.files) and re.fullmatch(rule.url, found.url) for rule in ALLOWED)


def css_findings(text: str, file: str, own: str) -> list[Found]:
    """Loads (url(), @import) outside comments, then any other address outside data: URLs."""
    code = CSS_COMMENT.sub("", text)
    found = [Found(file, "url()", m.group(2)) for m in CSS_URL.finditer(code) if is_foreign(m.group(2), own)]
    found += [Found(file, "@import", m.group(1)) for m in CSS_IMPORT.finditer(code) if is_foreign(m.group(1), own)]
    loads = {f.url for f in found}
    rest = CSS_DATA_URL.sub("url()", text)
    found += [Found(file, "address", url) for url in HTTP.findall(rest) if url not in loads and is_foreign(url, own)]
    return found


def js_findings(text: str, file: str, own: str) -> list[Found]:
    urls = HTTP.findall(text) + QUOTED_PROTOCOL_RELATIVE.findall(text)
    return [Found(file, "address", url) for url in urls if is_foreign(url, own)]


def refresh_target(content: str) -> str:
    match = re.search(r"url\s*=\s*['\"]?([^'\"\s;]+)", content, re.I)
    return match.group(1) if match else ""


def html_findings(text: str, file: str, own: str) -> list[Found]:
    soup = BeautifulSoup(text, "html.parser")
    found: list[Found] = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name in ASSET_ATTRIBUTES or (name == "href" and element.name not in FOLLOWED_LINKS):
                urls = [part.split()[0] for part in value.split(",") if part.strip()] if name == "srcset" else [value]
                found += [Found(file, f"<{element.name} {name}>", url) for url in urls if is_foreign(url, own)]
            elif name == "style":
                found += css_findings(value, file, own)
        if element.name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
            target = refresh_target(element.get("content", ""))
            if is_foreign(target, own):
                found.append(Found(file, "<meta http-equiv=refresh>", target))
    for script in soup.find_all("script"):
        found += js_findings(script.get_text(), file, own)
    for style in soup.find_all("style"):
        found += css_findings(style.get_text(), file, own)
    return found


@pytest.fixture(scope="module")
def findings(real_site) -> list[Found]:
    site, own = real_site.site, own_host(real_site.site)
    scan = {".html": html_findings, ".css": css_findings, ".js": js_findings, ".mjs": js_findings}
    found: list[Found] = []
    files = [path for path in site.rglob("*") if path.suffix in scan and path.is_file()]
    assert len([f for f in files if f.suffix == ".js"]) > 10 and len([f for f in files if f.suffix == ".html"]) > 50
    for path in files:
        found += scan[path.suffix](path.read_text(encoding="utf-8", errors="replace"), path.relative_to(site).as_posix(), own)
    return found


def test_the_scan_finds_what_it_must():
    """The detectors themselves, on made-up files with one third-party load each."""
    own = "atlas.test"
    html = (
        '<link rel="stylesheet" href="https://fonts.example/x.css"><script src="//cdn.example/a.js"></script>'
        '<img srcset="a.png 1x, https://img.example/b.png 2x"><source src="https://v.example/v.mp4">'
        '<iframe src="https://maps.example/"></iframe><meta http-equiv="refresh" content="0; url=https://away.example/">'
        '<div style="background:url(https://bg.example/i.png)"></div><style>@import "https://css.example/i.css";</style>'
        '<script>fetch("https://api.example/x")</script>'
        '<a href="https://link.example/">fine</a><link rel="canonical" href="https://atlas.test/">'
    )
    hosts = {urlsplit(f.url if not f.url.startswith("//") else "https:" + f.url).hostname for f in html_findings(html, "x.html", own)}
    assert hosts == {"fonts.example", "cdn.example", "img.example", "v.example", "maps.example", "away.example",
                     "bg.example", "css.example", "api.example"}
    css = ('a{background:url("https://bg.example/i.png")}@import url(https://css.example/i.css);'
           "b{mask:url('data:image/svg+xml;<svg xmlns=\"http://www.w3.org/2000/svg\"/>')}")
    assert {f.url for f in css_findings(css, "x.css", own)} == {"https://bg.example/i.png", "https://css.example/i.css"}
    js = 'import("https://esm.example/m.js");x.open("GET","//xhr.example/a");y="./local.js"'
    assert {f.url for f in js_findings(js, "x.js", own)} == {"https://esm.example/m.js", "//xhr.example/a"}


def test_no_built_file_loads_from_another_host(findings):
    unexpected = sorted({f"{f.file}: {f.where}: {f.url}" for f in findings if not allowed(f)})
    assert unexpected == [], f"{len(unexpected)} Adressen fremder Hosts:\n" + "\n".join(unexpected[:60])


def test_each_allowed_address_still_occurs(findings):
    """An allowance for a file or address that is gone must go too."""
    unused = [rule for rule in ALLOWED if not any(fnmatch.fnmatch(f.file, rule.files) and re.fullmatch(rule.url, f.url) for f in findings)]
    assert unused == []


def pages(real_site):
    for path in real_site.site.rglob("*.html"):
        yield path.relative_to(real_site.site).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_guards_material_loaders_never_run(real_site):
    """The reasons in ALLOWED for Material's bundle: no repository widget, no Mermaid diagram,
    and a policy on every page that allows scripts and connections from the site only."""
    for name, soup in pages(real_site):
        assert soup.select(".md-source, [data-md-component=source], .mermaid, pre.mermaid") == [], name
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy is not None, name
        directives = {part.split()[0]: part.split()[1:] for part in policy["content"].split(";") if part.strip()}
        for directive in ("default-src", "script-src", "connect-src", "style-src", "img-src", "font-src"):
            # Keywords and hashes are quoted ('self', 'sha256-…'); anything else but data: is a host.
            assert [s for s in directives[directive] if not s.startswith("'") and s != "data:"] == [], (name, directive)
