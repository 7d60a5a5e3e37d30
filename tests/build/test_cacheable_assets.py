"""Every stylesheet and script a built page loads from the site itself can be cached for a
year (issue #12, serving): its name carries a content hash, as Material's bundles do
(`assets/stylesheets/main.<hash>.min.css`), or its address the version of its content
(`?v=<hash>`, our own files in docs/stylesheets/ and docs/javascripts/, assetversions.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from praxisatlas.compressedserver import FINGERPRINTED, IMMUTABLE, PAGEFIND_HASHED, cache_control

SITE_URL = "https://atlas.test/"  # what conftest.build_site sets as site_url
VERSION = re.compile(r"^[0-9a-f]{8,}$")
def page_url(site: Path, page: Path) -> str:
    """The public address of a built file: folder/index.html is served as folder/."""
    relative = page.relative_to(site).as_posix()
    return urljoin(SITE_URL, relative.removesuffix("index.html"))


def loaded_assets(site: Path) -> dict[str, set[str]]:
    """Same-site stylesheet and script addresses (path relative to the site root, with query)
    -> the pages that load them."""
    found: dict[str, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if page.is_relative_to(site / "pagefind"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        refs = [link["href"] for link in soup.find_all("link", href=True) if "stylesheet" in (link.get("rel") or [])]
        refs += [script["src"] for script in soup.find_all("script", src=True)]
        for ref in refs:
            address = urlsplit(urljoin(page_url(site, page), ref))
            if f"{address.scheme}://{address.netloc}/" != SITE_URL:
                continue  # another host: tests/build/test_no_third_party_assets.py refuses those
            path = address.path.removeprefix(urlsplit(SITE_URL).path)
            key = path + (f"?{address.query}" if address.query else "")
            found.setdefault(key, set()).add(page.relative_to(site).as_posix())
    return found


def is_cacheable(address: str) -> bool:
    path, _, query = address.partition("?")
    if FINGERPRINTED.match(path):
        return True
    return any(VERSION.match(value) for value in parse_qs(query).get("v", []))


@pytest.fixture(scope="module")
def assets(real_site) -> dict[str, set[str]]:
    return loaded_assets(real_site.site)


def test_pages_load_materials_fingerprinted_bundles(assets):
    paths = {address.partition("?")[0] for address in assets}
    assert any(re.fullmatch(r"assets/stylesheets/main\.[0-9a-f]{8,}\.min\.css", p) for p in paths), sorted(paths)
    assert any(re.fullmatch(r"assets/javascripts/bundle\.[0-9a-f]{8,}\.min\.js", p) for p in paths), sorted(paths)


def test_every_loaded_asset_is_fingerprinted_or_versioned(assets):
    unversioned = {address: sorted(pages)[:3] for address, pages in assets.items() if not is_cacheable(address)}
    assert unversioned == {}, f"ohne Hash im Namen oder ?v=<hash>: {unversioned}"
    # and the local server (Lighthouse) caches each of them as SECURITY.md tells hosts to
    assert {a for a in assets if cache_control(*a.partition("?")[::2]) != IMMUTABLE} == set()


def test_a_version_is_the_hash_of_the_file_it_names(real_site, assets):
    """An edited file gets a new address, so no visitor keeps an old copy for a year."""
    versioned = {a for a in assets if "?v=" in a}
    assert {a.partition("?")[0] for a in versioned} >= {"stylesheets/praxisatlas.css", "javascripts/finder.js"}
    for address in versioned:
        path, _, query = address.partition("?")
        content = (real_site.site / path).read_bytes()
        assert parse_qs(query)["v"] == [hashlib.sha256(content).hexdigest()[:10]], address


def test_every_loaded_asset_exists(real_site, assets):
    missing = [a for a in assets if not (real_site.site / PurePosixPath(a.partition("?")[0])).is_file()]
    assert missing == []


def test_one_version_of_each_fingerprinted_file(assets):
    """All pages load the same build of each Material file: never two hashes of one name."""
    bases: dict[str, set[str]] = {}
    for address in assets:
        path = address.partition("?")[0]
        if FINGERPRINTED.match(path):
            bases.setdefault(re.sub(r"\.[0-9a-f]{8,}\.", ".", path), set()).add(path)
    assert bases and all(len(names) == 1 for names in bases.values()), bases


def test_pagefind_names_its_chunks_by_content(real_site):
    """The rule in SECURITY.md (Auslieferung) caches these for a year: every index chunk and
    the metadata carry a hash in their name; the entry points do not."""
    pagefind = real_site.site / "pagefind"
    chunks = [p for folder in ("fragment", "index", "filter") for p in (pagefind / folder).iterdir()]
    chunks += list(pagefind.glob("pagefind.*.pf_meta"))
    assert chunks
    unhashed = [p.relative_to(real_site.site).as_posix() for p in chunks
                if not PAGEFIND_HASHED.match(p.relative_to(real_site.site).as_posix())]
    assert unhashed == []
    for entry in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json"):
        assert (pagefind / entry).is_file() and not PAGEFIND_HASHED.match(f"pagefind/{entry}")
