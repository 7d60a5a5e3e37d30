"""The slug rule of DESIGN.md, shared by file-name checks and the scaffolder."""

from __future__ import annotations

import pytest

from praxisatlas.slugs import is_slug, slugify


@pytest.mark.parametrize(
    "title,slug",
    [
        ("Faire Wochen in Köln & Umgebung", "faire-wochen-in-koeln-umgebung"),
        ("Größe, Übung, Ärger, Öl", "groesse-uebung-aerger-oel"),
        ("  --Hallo!!  Welt--  ", "hallo-welt"),
        ("Café Élysée", "caf-lys-e"),
        ("2030 – Agenda", "2030-agenda"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugify_follows_the_rule(title, slug):
    assert slugify(title) == slug


def test_slugify_cuts_long_titles_to_80_characters_without_trailing_hyphen():
    slug = slugify("Wort " * 40)
    assert len(slug) <= 80
    assert is_slug(slug)
    assert slug == ("wort-" * 16)[:79]


@pytest.mark.parametrize("name,ok", [("a", True), ("a-b-1", True), ("A", False), ("a--b", False), ("-a", False), ("a" * 81, False), ("ä", False)])
def test_is_slug(name, ok):
    assert is_slug(name) is ok
