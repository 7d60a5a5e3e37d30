"""Controlled vocabularies: read from examples/vokabular.yml, checked, looked up by slug.

The vocabulary file arrives by pull request like any case file, so it is read just as
carefully (regular file only, size limit, the safe YAML reader) and every mistake in it
becomes a Problem with its line instead of an exception.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import messages
from .files import UnsafeFile, read_limited
from .paths import VOCABULARY_FILE
from .problems import Problem
from .slugs import is_slug, slugify
from .source import MAX_BYTES, Location, RawCase, decode, parse_yaml_document
from .weburl import address_problem

VOCABULARY_NAMES = ("areas", "formats", "partner_types", "city_types", "states", "sizes", "programmes")
TERM_KEYS = ("slug", "label", "description")
# Support programmes (contract 1.1) also name who funds them and their official page.
ENTRY_KEYS = {"programmes": (*TERM_KEYS, "funder", "url")}
STATE_CODE = re.compile(r"[A-Z]{2}")
# Points the whole run (validator, build, scaffolder) at another vocabulary file.
VOCABULARY_ENV = "PRAXISATLAS_VOCABULARY"
WHOLE_FILE = "datei"


@dataclass(frozen=True)
class Term:
    """One vocabulary entry: the slug used in files, the label and description shown on the
    site; programmes add their funder and the https address of their official page."""

    slug: str
    label: str
    description: str
    funder: str = ""
    url: str = ""


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


class VocabularyError(Exception):
    """The vocabulary file cannot be used; `problems` say where and why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(problem.format() for problem in problems))
        self.problems = problems


def closest_choice(value: str, choices: list[str]) -> str | None:
    """The allowed value nearest to a misspelt one (ignoring case), for "meinten Sie …?" hints."""
    lowered = {choice.lower(): choice for choice in choices}
    if value.lower() in lowered:
        return lowered[value.lower()]
    matches = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[matches[0]] if matches else None


def vocabulary_file() -> Path:
    """The vocabulary file of this run: $PRAXISATLAS_VOCABULARY if set, else examples/vokabular.yml."""
    return _path(os.environ.get(VOCABULARY_ENV, ""))


@lru_cache(maxsize=None)
def _path(setting: str) -> Path:
    """Asked for every vocabulary value a case holds, so the Path is built once per setting."""
    return Path(setting) if setting else VOCABULARY_FILE


def _problem(raw: RawCase, loc: Location, code: str, **context: Any) -> Problem:
    return messages.problem(raw.path, raw.line_of(loc), loc or WHOLE_FILE, code, **context)


def _shape_problems(raw: RawCase) -> list[Problem]:
    """Six vocabularies, each a non-empty list of entries with unique, well-formed slugs."""
    if not isinstance(raw.data, dict):
        return [_problem(raw, (), "vocab_not_mapping", names=", ".join(VOCABULARY_NAMES))]
    found = [
        _problem(raw, (key,), "unknown_key", key=key, suggestion="", allowed=", ".join(VOCABULARY_NAMES))
        for key in raw.data if key not in VOCABULARY_NAMES
    ]
    for name in VOCABULARY_NAMES:
        entries = raw.data.get(name)
        if name not in raw.data:
            found.append(_problem(raw, (name,), "vocab_missing", name=name))
        elif not isinstance(entries, list) or not entries:
            found.append(_problem(raw, (name,), "vocab_not_list", name=name))
        else:
            first_line: dict[str, int] = {}
            for index, entry in enumerate(entries):
                found += _entry_problems(raw, (name, index), entry, first_line)
    return found


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _entry_problems(raw: RawCase, loc: Location, entry: Any, first_line: dict[str, int]) -> list[Problem]:
    """One entry: exactly its keys (ENTRY_KEYS) as non-blank text, a programme's page as an
    https address the case model would accept; slugs unique."""
    keys = ENTRY_KEYS.get(loc[0], TERM_KEYS)
    if not isinstance(entry, dict):
        return [_problem(raw, loc, "vocab_entry", missing=", ".join(keys), keys=", ".join(keys))]
    found = [
        _problem(raw, loc + (key,), "unknown_key", key=key, suggestion="", allowed=", ".join(keys))
        for key in entry if key not in keys
    ]
    missing = [key for key in keys if key not in entry]
    if missing:
        found.append(_problem(raw, loc, "vocab_entry", missing=", ".join(missing), keys=", ".join(keys)))
    for key in keys:
        if key in entry and not _is_text(entry[key]):
            what = "leerer Text" if isinstance(entry[key], str) else messages.describe(entry[key])
            found.append(_problem(raw, loc + (key,), "vocab_text", found=what, keys=", ".join(keys)))
        elif key == "url" and key in entry:
            problem = address_problem(entry[key], ("https",))
            if problem:
                found.append(_problem(raw, loc + (key,), problem[0], value=entry[key], **problem[1]))
    slug, at = entry.get("slug"), loc + ("slug",)
    if not _is_text(slug):
        return found
    if loc[0] == "states" and not STATE_CODE.fullmatch(slug):
        found.append(_problem(raw, at, "vocab_bad_state", value=slug))
    elif loc[0] != "states" and not is_slug(slug):
        found.append(_problem(raw, at, "vocab_bad_slug", value=slug, suggestion=slugify(slug) or "mein-kuerzel"))
    elif slug in first_line:
        found.append(_problem(raw, at, "vocab_duplicate", value=slug, first=first_line[slug]))
    else:
        first_line[slug] = raw.line_of(at)
    return found


def read_vocabularies(path: Path, shown: str) -> tuple[dict[str, Vocabulary], list[Problem]]:
    """Read and check a vocabulary file; never raises, every mistake is a Problem on `shown`."""
    try:
        content = read_limited(path, MAX_BYTES)
    except FileNotFoundError:
        return {}, [messages.problem(shown, 1, WHOLE_FILE, "vocab_file_missing")]
    except UnsafeFile as error:
        return {}, [messages.problem(shown, 1, WHOLE_FILE, error.code, name=path.name, **error.context)]
    except OSError as error:  # e.g. a folder: opened, but not readable as a file
        return {}, [messages.problem(shown, 1, WHOLE_FILE, "unreadable", reason=error.strerror or str(error))]
    text, problems = decode(shown, content)
    raw = RawCase(shown)
    if text is not None:
        problems = parse_yaml_document(raw, text, WHOLE_FILE) or _shape_problems(raw)
    if problems:
        return {}, sorted(problems)
    return {name: Vocabulary(name, tuple(Term(**entry) for entry in raw.data[name])) for name in VOCABULARY_NAMES}, []


_loaded: dict[Path, dict[str, Vocabulary]] = {}


def _read(path: Path, shown: str) -> list[Problem]:
    """Read `path` afresh; keep its vocabularies for load_vocabularies when it has no problems."""
    vocabularies, problems = read_vocabularies(path, shown)
    if problems:
        _loaded.pop(path, None)
    else:
        _loaded[path] = vocabularies
    return problems


def vocabulary_problems(shown: Callable[[Path], str]) -> list[Problem]:
    """Check the vocabulary file of this run before anything uses it (read again on every
    call, so `mkdocs serve` sees edits); `shown` turns its path into the form for messages."""
    path = vocabulary_file()
    return _read(path, shown(path))


def load_vocabularies(path: Path | None = None) -> dict[str, Vocabulary]:
    """The vocabularies, read once per file; raises VocabularyError for a broken file, which
    the validator, the build and the scaffolder have reported through vocabulary_problems."""
    path = path or vocabulary_file()
    if path not in _loaded:
        problems = _read(path, str(path))
        if problems:
            raise VocabularyError(problems)
    return _loaded[path]
