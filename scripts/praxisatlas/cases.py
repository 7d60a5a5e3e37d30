"""Loading case files into typed objects, and validating a whole collection.

This is the one entry point every later part uses (validator CLI, MkDocs hooks, exports):
`load_collection()` returns the valid cases and every problem found, sorted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from . import messages
from .body import body_problems
from .model import Case
from .paths import EXAMPLES_DIR, IMAGES_DIR
from .problems import Problem
from .rules import case_rules
from .slugs import is_slug, slugify
from .source import Location, read_case_text
from .translate import validation_problems


@dataclass
class CaseFile:
    """One valid case: slug, typed front matter, body, and the file line of every key/item."""

    path: str
    slug: str
    case: Case
    body: str
    body_line: int
    lines: dict[Location, int] = field(repr=False)


@dataclass
class Collection:
    """The result of loading many files: valid cases, all problems, files looked at."""

    cases: list[CaseFile]
    problems: list[Problem]
    file_count: int

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


def is_case_file(path: Path) -> bool:
    """Markdown files whose name starts with `_` (e.g. the template) are not cases."""
    return path.suffix == ".md" and not path.name.startswith("_")


def discover(paths: Iterable[Path]) -> list[Path]:
    """Expand folders to their case files (recursively), keep files as given, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in path.rglob("*.md") if is_case_file(p) and p.is_file())
        else:
            found.append(path)
    return sorted(set(found))


def display_path(path: Path) -> str:
    """Paths relative to the working directory where possible, as editors typed them."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_case(
    path: Path, today: dt.date, images_dir: Path = IMAGES_DIR
) -> tuple[CaseFile | None, list[Problem]]:
    """Read and check one file; return the case only when it has no errors."""
    shown = display_path(path)
    problems: list[Problem] = []
    slug = path.name.removesuffix(".md")
    if not path.name.endswith(".md") or not is_slug(slug):
        problems.append(
            messages.problem(shown, 1, "datei", "bad_filename", name=path.name, suggestion=slugify(slug) or "mein-beispiel")
        )
    raw, read_problems = read_case_text(shown, path.read_bytes())
    problems += read_problems
    case = None
    if isinstance(raw.data, dict) and not read_problems:
        try:
            case = Case.model_validate(raw.data)
        except ValidationError as error:
            problems += validation_problems(raw, error)
        else:
            problems += case_rules(raw, case, today)
    if raw.data is not None or not read_problems:
        problems += body_problems(shown, raw.body, raw.body_line, images_dir)
    if case is None or any(p.is_error for p in problems):
        return None, problems
    return CaseFile(shown, slug, case, raw.body, raw.body_line, raw.lines), problems


def _duplicates(cases: list[CaseFile]) -> list[Problem]:
    """Titles (case-insensitive) and slugs must be unique across the collection."""
    found: list[Problem] = []
    seen_titles: dict[str, CaseFile] = {}
    seen_slugs: dict[str, CaseFile] = {}
    for item in cases:
        key = " ".join(item.case.title.casefold().split())
        if key in seen_titles:
            found.append(
                messages.problem(
                    item.path, item.lines[("title",)], "title", "duplicate_title",
                    title=item.case.title, other=seen_titles[key].path,
                )
            )
        else:
            seen_titles[key] = item
        if item.slug in seen_slugs:
            found.append(messages.problem(item.path, 1, "datei", "duplicate_slug", slug=item.slug, other=seen_slugs[item.slug].path))
        else:
            seen_slugs[item.slug] = item
    return found


def load_collection(
    paths: Iterable[Path] = (EXAMPLES_DIR,), today: dt.date | None = None, images_dir: Path = IMAGES_DIR
) -> Collection:
    """Load every case below `paths`; duplicates across files are reported on the later file."""
    today = today or dt.date.today()
    files = discover(paths)
    cases: list[CaseFile] = []
    problems: list[Problem] = []
    for path in files:
        case, found = load_case(path, today, images_dir)
        problems += found
        if case is not None:
            cases.append(case)
    duplicate_problems = _duplicates(cases)
    problems += duplicate_problems
    invalid = {p.path for p in duplicate_problems}
    cases = [c for c in cases if c.path not in invalid]
    return Collection(cases, sorted(problems), len(files))
