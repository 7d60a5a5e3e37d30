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
    assert len(CASES) >= 45
    assert len({c.case.city for c in CASES}) >= 35
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


# --- Scope, prizes, sources and own words (issue "Content, second pass") -------------------

MIGRANT_PARTNER_TYPES = {"migrantische-organisation", "dachverband", "beirat"}
RULES_DIR = REPO / "tests" / "content"


def load_yaml(name: str):
    import yaml

    return yaml.safe_load((RULES_DIR / name).read_text(encoding="utf-8"))


def test_every_case_documents_migrant_participation():
    """The scope rule as a check: a partner of a migrant type, or else an entry in
    migrant_involvement.yml naming the words in the body that say who took part and the
    source (one of the case's own) that documents it."""
    evidence = load_yaml("migrant_involvement.yml")
    missing, wrong = [], []
    for item in CASES:
        if {partner.type for partner in item.case.partners} & MIGRANT_PARTNER_TYPES:
            continue
        entry = evidence.get(item.slug)
        if entry is None:
            missing.append(item.slug)
        elif entry["text"] not in " ".join(item.body.split()) or entry["source"] not in {s.url for s in item.case.sources}:
            wrong.append(item.slug)
    assert (missing, wrong) == ([], [])
    assert set(evidence) <= {item.slug for item in CASES}, "Einträge ohne Fall"


def prize_list() -> dict[tuple[str, int], dict]:
    return {(award["municipality"], award["year"]): award for award in load_yaml("kommune_bewegt_welt.yml")["awards"]}


def test_prize_list_has_every_round_and_its_sources():
    prizes = prize_list()
    assert {year for _, year in prizes} == {2014, 2016, 2018, 2020, 2022, 2024}
    assert all(award["sources"] for award in prizes.values())


def test_kommune_bewegt_welt_awards_agree_with_the_prize_list():
    """Year and rank exactly as the list has them; a category, where a case gives one, too."""
    disagree = []
    for item in CASES:
        for award in item.case.awards or []:
            if "Kommune bewegt Welt" not in award.name:
                continue
            listed = prize_list().get((item.case.city, award.year))
            if (
                listed is None
                or award.rank != listed.get("rank")
                or (award.category is not None and award.category != listed.get("category"))
            ):
                disagree.append((item.slug, award.year, award.rank, award.category))
    assert disagree == []


def test_every_source_has_an_https_address_or_says_why_not():
    for item in CASES:
        for source in item.case.sources:
            assert (source.url or "").startswith("https://") or source.offline, (item.slug, source.title)


RUN = 12


def test_no_two_cases_share_a_run_of_twelve_words():
    """Each case's runs of twelve words are looked up in one table: linear in the text."""
    first_seen: dict[tuple[str, ...], str] = {}
    shared = set()
    for item in CASES:
        words = re.findall(r"\w+", f"{item.case.summary} {item.body}".lower())
        for start in range(len(words) - RUN + 1):
            run = tuple(words[start : start + RUN])
            owner = first_seen.setdefault(run, item.slug)
            if owner != item.slug:
                shared.add((owner, item.slug, " ".join(run)))
    assert sorted(shared) == []
