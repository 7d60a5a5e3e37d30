"""The benchmark's case generator (praxisatlas.benchdata): deterministic, varied, valid."""

from __future__ import annotations

import datetime as dt
import re

import frontmatter
import pytest

from praxisatlas.benchdata import InvalidBenchCases, check_cases, generate_cases, write_cases

ANCHOR = dt.date(2026, 11, 1)  # the generator's default review anchor; all dates lie before it


def test_same_seed_gives_the_same_files_and_another_seed_others():
    first = generate_cases(25, seed=7)
    assert generate_cases(25, seed=7) == first
    other = generate_cases(25, seed=8)
    assert [text for _, text in other] != [text for _, text in first]


def test_cases_are_distinct_and_varied():
    cases = generate_cases(300)
    posts = [frontmatter.loads(text) for _, text in cases]
    bodies = [post.content for post in posts]
    assert len(set(bodies)) == len(bodies)
    assert len({slug for slug, _ in cases}) == len(cases)
    assert len({post["title"].casefold() for post in posts}) == len(cases)
    assert len({post["city"] for post in posts}) > 200
    assert len({post["state"] for post in posts}) == 16
    words = [len(re.findall(r"\w+", body)) for body in bodies]
    assert 230 <= sum(words) / len(words) <= 290
    for post in posts:
        assert "\n## Zum Nachmachen\n" in post.content
        assert 1 <= len(post["areas"]) <= 3 and 1 <= len(post["formats"]) <= 3
        assert 2 <= len(post["partners"]) <= 7
        assert any(p["type"] == "migrantische-organisation" for p in post["partners"])
        assert 2 <= len(post["sources"]) <= 8
        assert all(s["url"].startswith("https://") for s in post["sources"])


def test_a_sample_passes_the_validator(tmp_path):
    write_cases(tmp_path, generate_cases(20, seed=3))
    assert check_cases(tmp_path, expected=20, today=ANCHOR) == 20


def test_check_cases_fails_loudly(tmp_path):
    slug, text = generate_cases(1)[0]
    write_cases(tmp_path, [(slug, text.replace("## Zum Nachmachen", "# Zum Nachmachen"))])
    with pytest.raises(InvalidBenchCases, match="Probleme"):
        check_cases(tmp_path, expected=1, today=ANCHOR)
