"""Lighthouse quality gate (issue #13): accessibility, best practices and SEO are 100 on the
home page, a case page and the finder (mobile, served with gzip from 127.0.0.1), and no
page asks another host for anything. Performance is measured by timing, so it is recorded
in docs/leistung.md (`python scripts/lighthouse.py --runs 3`), never asserted here.
"""

from __future__ import annotations

import pytest

from conftest import REPO
from lighthouse import ENFORCED, LABELS, PageScores, report, run_lighthouse

pytestmark = pytest.mark.browser

PAGES = ["Startseite", "Fallseite", "Finder"]
OUTPUT = REPO / "test-output" / "lighthouse"


@pytest.fixture(scope="module")
def results(real_site) -> dict[str, PageScores]:
    """One Lighthouse run per page for the whole module; the summary lands in test-output/."""
    found = run_lighthouse(real_site.site)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / "ergebnis.txt").write_text(report(found) + "\n", encoding="utf-8")
    return {page.name: page for page in found}


def test_the_three_pages_were_measured(results):
    assert sorted(results) == sorted(PAGES)
    assert results["Fallseite"].path.startswith("/beispiele/")
    assert results["Finder"].path == "/finden/"


@pytest.mark.parametrize("category", ENFORCED)
@pytest.mark.parametrize("name", PAGES)
def test_category_is_100(results, name, category):
    page = results[name]
    failing = "; ".join(f"{a.id}: {a.title} ({a.display or a.score})" for a in page.failing_in(category))
    assert page.scores[category] == 100, f"{name} {page.path}: {LABELS[category]} {page.scores[category]}: {failing}"


@pytest.mark.parametrize("name", PAGES)
def test_no_request_to_another_host(results, name):
    page = results[name]
    # The check means something only if Lighthouse saw the page's requests.
    assert not any(w.startswith("network-requests") for w in page.warnings), page.warnings
    assert page.foreign == [], f"{name} {page.path}: Anfragen an fremde Hosts: {page.foreign}"
