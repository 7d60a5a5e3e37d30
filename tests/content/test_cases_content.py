"""Content checks across all real cases: valid, distinct, sourced, consistent with docs."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from urllib.parse import urlsplit

from conftest import REPO
from praxisatlas.cases import load_collection
from praxisatlas.vocab import load_vocabularies

COLLECTION = load_collection([REPO / "examples"], today=dt.date.today())
CASES = COLLECTION.cases
VOCAB = load_vocabularies()


def test_every_case_passes_the_validator():
    """Warnings (e.g. text length) are left to the human review, as for every editor."""
    assert [p.format() for p in COLLECTION.problems if p.is_error] == []
    assert len(CASES) == COLLECTION.file_count


def test_content_goals_are_met():
    assert len(CASES) >= 30
    assert len({c.case.city for c in CASES}) >= 20
    assert len({a for c in CASES for a in c.case.areas}) >= 8
    assert len({f for c in CASES for f in c.case.formats}) >= 5


def test_no_two_cases_describe_the_same_activity():
    """Near-identical titles or summaries mean one activity was written up twice."""
    similar = []
    for first, second in itertools.combinations(CASES, 2):
        title = difflib.SequenceMatcher(None, first.case.title.lower(), second.case.title.lower()).ratio()
        summary = difflib.SequenceMatcher(None, first.case.summary.lower(), second.case.summary.lower()).ratio()
        if title >= 0.8 or summary >= 0.6:
            similar.append((first.slug, second.slug, round(title, 2), round(summary, 2)))
    assert similar == []


def test_every_source_and_partner_url_is_well_formed():
    bad = []
    for item in CASES:
        urls = [s.url for s in item.case.sources] + [p.url for p in item.case.partners]
        urls += [item.case.contact.url] if item.case.contact else []
        for url in filter(None, urls):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or "." not in (parts.hostname or "") or " " in url:
                bad.append((item.slug, url))
    assert bad == []


def test_every_case_body_has_the_advice_section():
    missing = [c.slug for c in CASES if not re.search(r"^## Zum Nachmachen\s*$", c.body, re.M)]
    assert missing == []


def headings_under(text: str, section: str) -> list[str]:
    part = text.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^### (.+?)\s*$", part, re.M)


def test_explanation_page_uses_exactly_the_vocabulary_labels():
    text = (REPO / "docs" / "ueber" / "handlungsfelder-und-formate.md").read_text(encoding="utf-8")
    assert headings_under(text, "Handlungsfelder") == [t.label for t in VOCAB["areas"].terms]
    assert headings_under(text, "Formate") == [t.label for t in VOCAB["formats"].terms]


def test_explanation_page_links_each_term_to_its_list():
    text = (REPO / "docs" / "ueber" / "handlungsfelder-und-formate.md").read_text(encoding="utf-8")
    for term in VOCAB["areas"].terms:
        assert f"(../handlungsfelder/{term.slug}.md)" in text
    for term in VOCAB["formats"].terms:
        assert f"(../formate/{term.slug}.md)" in text


def test_data_page_describes_every_export_field():
    from praxisatlas.exports import RECORD_FIELDS

    text = (REPO / "docs" / "ueber" / "daten.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z_]+)` \|", text, re.M)
    assert documented == list(RECORD_FIELDS)
