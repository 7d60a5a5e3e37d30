"""Every built page through the Nu Html Checker (vnu-jar from package-lock.json, run once per
session with Debian's Java): what our templates, hooks and pages produce is valid HTML.

The few errors that Material for MkDocs' own templates produce are listed below, each matched by
its exact message and the exact markup vnu points at, with the reason; docs/ueber/qualitaet.md
("Gültiges HTML") names the same list for readers. Any other error fails, and so does an entry
here that no longer occurs (then remove it here and there).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LONG_LISTS = ("handlungsfelder", "formate", "bundeslaender", "finden", "foerderung")
QUALITY_PAGE = REPO / "docs" / "ueber" / "qualitaet.md"
# A page with one known error, checked in the same run: proves that vnu really reports errors.
CANARY = '<!doctype html><html lang="de"><head><title>Probe</title></head><body><p><div></div></p></body></html>'
CANARY_MESSAGE = "No “p” element in scope but a “p” end tag seen."


@dataclass(frozen=True)
class Known:
    """An error we accept: exact vnu message, the exact markup vnu highlights (a regular
    expression only where Material numbers its elements), the Material template it comes from,
    and why it stays."""

    message: str
    markup: str
    source: str
    reason: str
    page: str = ""  # only on this page (the end of its file path), if set

    def matches(self, error: dict) -> bool:
        return (
            error["message"] == self.message
            and re.fullmatch(self.markup, highlighted(error)) is not None
            and (not self.page or error.get("url", "").endswith("/" + self.page))
        )


MATERIAL = [
    Known(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        re.escape('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'),
        "material/templates/base.html",
        "Material's hidden switch for the navigation drawer; autocomplete=off keeps Firefox from "
        "restoring its state on reload. Browsers ignore the attribute on a checkbox otherwise.",
    ),
    Known(
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        re.escape('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'),
        "material/templates/base.html",
        "The same for Material's hidden search switch; harmless, as above.",
    ),
    Known(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        re.escape('<label class="md-nav__title" for="__toc">'),
        "material/templates/partials/toc.html",
        "The heading of the contents sidebar points to Material's switch for the contents in the mobile "
        "navigation, which Material draws only for pages listed in the navigation; on the other pages "
        "the label has no target and does nothing.",
    ),
    Known(
        "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer.",
        r'<label class="md-nav__link(?: md-nav__link--active)? ?" for="__nav_\d+(?:_\d+)*" id="__nav_\d+(?:_\d+)*_label" tabindex="">',
        "material/templates/partials/nav-item.html",
        "Material writes tabindex=\"\" on the label of a navigation section with an index page; "
        "browsers treat an empty tabindex as absent, so keyboard order is unchanged.",
    ),
]

def highlighted(message: dict) -> str:
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    return extract[start:start + message.get("hiliteLength", 0)]


def local_path(message: dict) -> Path | None:
    """vnu names files as "file:/tmp/…"."""
    url = urlsplit(message.get("url", ""))
    return Path(unquote(url.path)) if url.scheme == "file" else None


def where(message: dict) -> str:
    return f"{message.get('url', '?')}:{message.get('lastLine', '?')}: {message['message']}\n    {highlighted(message)!r}"


@pytest.fixture(scope="session")
def vnu(real_site, long_site, tmp_path_factory) -> dict:
    """One JVM over the whole built site, the list pages of the long-list site (pages 2, 3 …
    exist only there) and the canary page; errors only."""
    java = shutil.which("java")
    assert java, "Java fehlt: `make test` installiert default-jre-headless"
    assert VNU.exists(), "vnu-jar fehlt: `npm ci` ausführen (make test tut das)"
    canary = tmp_path_factory.mktemp("vnu-canary") / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    done = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", "--skip-non-html", "--no-langdetect",
         "--verbose", str(real_site.site), *(str(long_site.site / folder) for folder in LONG_LISTS), str(canary)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    report = json.loads(done.stderr)  # vnu writes its JSON report to stderr
    checked = {Path(line) for line in done.stdout.splitlines() if line.strip()}
    messages = report["messages"]
    return {
        "checked": checked,
        "site": [m for m in messages if local_path(m) != canary],
        "canary": [m for m in messages if local_path(m) == canary],
    }


def test_vnu_checked_every_built_page_and_reports_errors(real_site, long_site, vnu):
    later_pages = set(long_site.site.glob("*/*/seite-*/index.html"))
    assert later_pages and later_pages - vnu["checked"] == set()
    pages = set(real_site.site.rglob("*.html"))
    assert len(pages) > 50
    assert pages - vnu["checked"] == set()
    assert [m["message"] for m in vnu["canary"]] == [CANARY_MESSAGE]
    # Nothing vnu could not read or parse.
    assert [where(m) for m in vnu["site"] if m["type"] != "error"] == []


def test_our_templates_and_hooks_produce_no_html_errors(vnu):
    unexpected = [where(m) for m in vnu["site"] if not any(known.matches(m) for known in MATERIAL)]
    assert unexpected == [], f"{len(unexpected)} HTML-Fehler:\n" + "\n".join(unexpected[:40])


@pytest.mark.parametrize("known", MATERIAL, ids=lambda known: known.markup[:40])
def test_each_accepted_material_error_still_occurs(vnu, known):
    """An exception for Material that no longer happens must go, here and in the docs."""
    assert any(known.matches(m) for m in vnu["site"]), f"nicht mehr nötig, bitte entfernen: {known.message}"


def test_the_quality_page_names_each_accepted_error():
    text = QUALITY_PAGE.read_text(encoding="utf-8")
    assert "## Gültiges HTML" in text
    for known in MATERIAL:
        assert known.message in text, known.message
        assert Path(known.source).name in text, known.source
