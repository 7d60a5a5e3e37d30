"""Serve a built site on the loopback interface the way a well-configured static host would
(SECURITY.md, Auslieferung): gzip for text when the client accepts it, a year of `immutable`
caching for files whose names carry a content hash (Material's bundles, Pagefind's index
chunks), `no-cache` for everything else, the site's 404.html for missing files.

For measurements (Lighthouse) and tests only; standard library only. Nothing outside the
site folder is ever served: paths are resolved (symbolic links included) and must stay
inside it.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Material names its bundles `<name>.<hex content hash>.min.<ext>` under assets/, e.g.
# assets/stylesheets/main.ec1eaa64.min.css, assets/javascripts/bundle.d7400e89.min.js.
FINGERPRINTED = re.compile(r"^assets/(?:[^/]+/)*[^/]+\.[0-9a-f]{8,}\.[^/]+$")
# Pagefind names its index chunks and metadata by content (pagefind/fragment/de_1a9b7f1.pf_fragment,
# pagefind/pagefind.de_2785230155.pf_meta); pagefind.js, its worker, the WebAssembly file and
# pagefind-entry.json keep their names from build to build and must be revalidated.
PAGEFIND_HASHED = re.compile(
    r"^pagefind/(?:(?:fragment|index|filter)/[a-z0-9-]+_[0-9a-f]{7,}\.pf_(?:fragment|index|filter)"
    r"|pagefind\.[a-z0-9-]+_[0-9a-f]{7,}\.pf_meta)$"
)
# Our own scripts and stylesheets keep their names; the build gives their addresses the
# content version `?v=<10 hex>` (praxisatlas/assetversions.py), so an address never changes
# content either.
VERSIONED = re.compile(r"^(?:javascripts|stylesheets)/(?:[^/]+/)*[^/]+\.(?:js|css)$")
VERSION_QUERY = re.compile(r"^v=[0-9a-f]{10}$")
IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"

# Content types by extension; the text types are the ones that get compressed.
TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".jsonld": "application/ld+json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
}
BINARY_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".wasm": "application/wasm",
    ".gz": "application/gzip",
    ".woff2": "font/woff2",
}


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_TYPES:
        return TEXT_TYPES[suffix]
    if suffix in BINARY_TYPES:
        return BINARY_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    # Pagefind's index files (*.pagefind, *.pf_*) are gzip data of their own: opaque bytes.
    return guessed or "application/octet-stream"


def cache_control(relative: str, query: str = "") -> str:
    """The policy for a file given by its path relative to the site, e.g. `assets/x.1a2b3c4d.js`,
    and the query of the request (`v=1a2b3c4d5e` for our versioned scripts and styles)."""
    if FINGERPRINTED.match(relative) or PAGEFIND_HASHED.match(relative):
        return IMMUTABLE
    return IMMUTABLE if VERSIONED.match(relative) and VERSION_QUERY.match(query) else NO_CACHE


def accepts_gzip(header: str | None) -> bool:
    """True when an Accept-Encoding header allows gzip (`gzip`, `*`, not with q=0)."""
    allowed = {}
    for item in (header or "").split(","):
        name, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name:
            allowed[name.strip().lower()] = quality
    if "gzip" in allowed:
        return allowed["gzip"] > 0
    return allowed.get("*", 0) > 0


class SiteServer(http.server.ThreadingHTTPServer):
    """A threaded HTTP server that knows the (resolved) site folder it serves."""

    daemon_threads = True

    def __init__(self, root: Path, address: tuple[str, int] = ("127.0.0.1", 0)) -> None:
        self.root = Path(root).resolve(strict=True)
        super().__init__(address, SiteHandler)


class SiteHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like a real host; every reply has a length
    server: SiteServer

    def log_message(self, *args) -> None:  # quiet: callers print what matters
        pass

    def do_GET(self) -> None:
        self.respond(with_body=True)

    def do_HEAD(self) -> None:
        self.respond(with_body=False)

    def resolve(self, path: str) -> Path | None:
        """The file a decoded request path names inside the site (a folder: its
        index.html), or None when it is missing or lies outside the site."""
        if "\0" in path or "\\" in path:
            return None
        root = self.server.root
        try:
            target = (root / path.lstrip("/")).resolve()
        except (OSError, RuntimeError):
            return None
        if target != root and root not in target.parents:
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def respond(self, *, with_body: bool) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path)
        target = self.resolve(path)
        root = self.server.root
        # A folder without its slash: redirect, so that relative links in its page work.
        if target is not None and not path.endswith("/") and (root / path.lstrip("/")).is_dir():
            self.send_response(301)
            self.send_header("Location", url._replace(path=url.path + "/").geturl())
            self.send_header("Cache-Control", NO_CACHE)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, root / "404.html"
            if not target.is_file():
                self.send_error(404)
                return
        body = target.read_bytes()
        relative = target.relative_to(root).as_posix()
        ctype = content_type(target)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", NO_CACHE if status != 200 else cache_control(relative, url.query))
        if target.suffix.lower() in TEXT_TYPES:
            self.send_header("Vary", "Accept-Encoding")
            if accepts_gzip(self.headers.get("Accept-Encoding")):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)


@contextlib.contextmanager
def serving(site: Path, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `site` on a (free) loopback port; yields the base address, stops on exit."""
    httpd = SiteServer(site, (host, port))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
