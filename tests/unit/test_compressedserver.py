"""The compressing loopback server used for Lighthouse: real HTTP requests on 127.0.0.1."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from praxisatlas.compressedserver import IMMUTABLE, NO_CACHE, accepts_gzip, cache_control, serving

PAGE = "<!doctype html><html lang=de><title>Start</title><p>" + "Beispiel " * 200 + "</p></html>"
CSS = "body { color: #123456; }\n" * 100
NOT_FOUND = "<!doctype html><html lang=de><title>Nicht gefunden</title></html>"


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("served")
    (root / "outside.txt").write_text("geheim", encoding="utf-8")
    site = root / "site"
    files = {
        "index.html": PAGE,
        "404.html": NOT_FOUND,
        "finden/index.html": PAGE,
        "assets/stylesheets/main.ec1eaa64.min.css": CSS,
        "assets/javascripts/bundle.d7400e89.min.js": "console.log(1);\n" * 50,
        "assets/javascripts/lunr/tinyseg.js": "var x = 1;\n",
        "stylesheets/praxisatlas.css": CSS,
        "daten/beispiele.json": '{"a": 1}',
        "feed.xml": "<feed/>",
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "assets/images").mkdir(parents=True)
    (site / "assets/images/favicon.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (site / "link-out.txt").symlink_to(root / "outside.txt")
    with serving(site) as address:
        yield address


def get(base: str, path: str, *, gzip_ok: bool = False, method: str = "GET") -> http.client.HTTPResponse:
    """One raw request: the path goes out exactly as written (no client-side normalising)."""
    connection = http.client.HTTPConnection(urlsplit(base).hostname, urlsplit(base).port, timeout=10)
    headers = {"Accept-Encoding": "gzip, deflate"} if gzip_ok else {"Accept-Encoding": "identity"}
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_serves_on_loopback(base):
    assert urlsplit(base).hostname == "127.0.0.1" and urlsplit(base).port > 0


@pytest.mark.parametrize("path, ctype", [
    ("/", "text/html; charset=utf-8"),
    ("/assets/stylesheets/main.ec1eaa64.min.css", "text/css; charset=utf-8"),
    ("/assets/javascripts/bundle.d7400e89.min.js", "text/javascript; charset=utf-8"),
    ("/daten/beispiele.json", "application/json"),
    ("/feed.xml", "application/xml"),
])
def test_gzip_when_asked(base, path, ctype):
    response = get(base, path, gzip_ok=True)
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type") == ctype
    assert response.getheader("Vary") == "Accept-Encoding"
    assert int(response.getheader("Content-Length")) == len(response.body)
    plain = get(base, path)
    assert gzip.decompress(response.body) == plain.body


def test_identity_when_not_asked(base):
    response = get(base, "/")
    assert response.status == 200
    assert response.getheader("Content-Encoding") is None
    assert response.body.decode("utf-8") == PAGE
    assert int(response.getheader("Content-Length")) == len(PAGE.encode("utf-8"))


def test_gzip_refused_with_q_zero():
    assert accepts_gzip("gzip, br") and accepts_gzip("*") and accepts_gzip("br;q=1, gzip;q=0.5")
    assert not accepts_gzip("gzip;q=0") and not accepts_gzip("identity") and not accepts_gzip(None)
    assert not accepts_gzip("*, gzip;q=0")


def test_binary_files_are_not_compressed(base):
    response = get(base, "/assets/images/favicon.png", gzip_ok=True)
    assert response.status == 200
    assert response.getheader("Content-Type") == "image/png"
    assert response.getheader("Content-Encoding") is None
    assert response.body.startswith(b"\x89PNG")


@pytest.mark.parametrize("path, policy", [
    ("/assets/stylesheets/main.ec1eaa64.min.css", IMMUTABLE),
    ("/assets/javascripts/bundle.d7400e89.min.js", IMMUTABLE),
    ("/assets/javascripts/lunr/tinyseg.js", NO_CACHE),
    ("/assets/images/favicon.png", NO_CACHE),
    ("/stylesheets/praxisatlas.css", NO_CACHE),
    ("/", NO_CACHE),
    ("/finden/", NO_CACHE),
    ("/daten/beispiele.json", NO_CACHE),
])
def test_cache_headers(base, path, policy):
    response = get(base, path, gzip_ok=True)
    assert response.status == 200
    assert response.getheader("Cache-Control") == policy


def test_fingerprint_rule():
    assert cache_control("assets/stylesheets/palette.ab4e12ef.min.css") == IMMUTABLE
    assert cache_control("assets/javascripts/workers/search.2c215733.min.js") == IMMUTABLE
    assert cache_control("assets/stylesheets/main.css") == NO_CACHE
    assert cache_control("javascripts/finder.js", "v=2497089de1") == IMMUTABLE
    assert cache_control("stylesheets/praxisatlas.css", "v=99b05410fa") == IMMUTABLE
    assert cache_control("javascripts/finder.js") == NO_CACHE
    assert cache_control("javascripts/finder.js", "v=latest") == NO_CACHE
    assert cache_control("beispiele/x/index.html", "v=2497089de1") == NO_CACHE
    # Pagefind: chunks and metadata are named by content, its entry points are not.
    assert cache_control("pagefind/pagefind.de_a17728b134.pf_meta") == IMMUTABLE
    assert cache_control("pagefind/fragment/de_16422a3.pf_fragment") == IMMUTABLE
    assert cache_control("pagefind/index/de_85a1857.pf_index") == IMMUTABLE
    assert cache_control("pagefind/filter/de_1259dbd.pf_filter") == IMMUTABLE
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.de.pagefind", "pagefind-ui.css"):
        assert cache_control(f"pagefind/{name}") == NO_CACHE


@pytest.mark.parametrize("path", [
    "/../outside.txt",
    "/%2e%2e/outside.txt",
    "/finden/../../outside.txt",
    "/finden/%2E%2E/%2E%2E/outside.txt",
    "/..%2foutside.txt",
    "/..%5coutside.txt",
    "/link-out.txt",
    "//etc/passwd",
    "/%2Fetc%2Fpasswd",
])
def test_nothing_outside_the_site(base, path):
    response = get(base, path)
    assert response.status == 404
    assert b"geheim" not in response.body and b"root:" not in response.body
    assert response.body.decode("utf-8") == NOT_FOUND


def test_missing_file_gets_the_sites_404_page(base):
    response = get(base, "/gibt-es-nicht/", gzip_ok=True)
    assert response.status == 404
    assert response.getheader("Cache-Control") == NO_CACHE
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert gzip.decompress(response.body).decode("utf-8") == NOT_FOUND


def test_folder_without_slash_redirects(base):
    response = get(base, "/finden?q=fair")
    assert response.status == 301
    assert response.getheader("Location") == "/finden/?q=fair"


def test_head_sends_headers_only(base):
    response = get(base, "/", gzip_ok=True, method="HEAD")
    assert response.status == 200
    assert response.body == b""
    assert response.getheader("Content-Encoding") == "gzip"
    assert int(response.getheader("Content-Length")) > 0
