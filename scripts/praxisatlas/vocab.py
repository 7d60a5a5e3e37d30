"""Controlled vocabularies: read once from examples/vokabular.yml, looked up by slug."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .paths import VOCABULARY_FILE

VOCABULARY_NAMES = ("areas", "formats", "partner_types", "city_types", "states", "sizes")


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: the slug used in files, the label and description shown on the site."""

    slug: str
    label: str
    description: str


@dataclass(frozen=True)
class Vocabulary:
    """An ordered list of terms; the order in the YAML file is the display order."""

    name: str
    terms: tuple[Term, ...]

    @property
    def slugs(self) -> list[str]:
        return [term.slug for term in self.terms]

    def get(self, slug: str) -> Term | None:
        return next((term for term in self.terms if term.slug == slug), None)

    def label(self, slug: str) -> str:
        term = self.get(slug)
        return term.label if term else slug


def closest_choice(value: str, choices: list[str]) -> str | None:
    """The allowed value nearest to a misspelt one (ignoring case), for "meinten Sie …?" hints."""
    lowered = {choice.lower(): choice for choice in choices}
    if value.lower() in lowered:
        return lowered[value.lower()]
    matches = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


@lru_cache(maxsize=None)
def load_vocabularies(path: Path = VOCABULARY_FILE) -> dict[str, Vocabulary]:
    """Read every vocabulary; a broken vocabulary file is a programming error, so it raises."""
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    vocabularies = {}
    for name in VOCABULARY_NAMES:
        entries = raw[name]
        terms = tuple(Term(str(e["slug"]), e["label"], e["description"]) for e in entries)
        vocabularies[name] = Vocabulary(name, terms)
    return vocabularies
