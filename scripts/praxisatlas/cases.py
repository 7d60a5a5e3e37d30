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
from .body import BodyResult, ImageIndex, check_body
from .characters import comparable
from .files import IMAGES_FOLDER, UnsafeFile, read_limited, scan
from .markup import BodyRenderer, RenderedBody, case_body_settings
from .model import Case
from .paths import CONFIG_FILE, EXAMPLES_DIR
from .problems import Problem
from .rules import case_rules
from .slugs import is_reserved, is_slug, slugify
from .source import MAX_BYTES, VALUE_PROBLEMS, Location, RawCase, read_case_text
from .translate import validation_problems
from .vocab import vocabulary_problems


@dataclass
class CaseFile:
    """One valid case: slug, typed front matter, body and its rendered HTML, and the file
    line of every key/item."""

    path: str
    slug: str
    case: Case
    body: str
    body_line: int
    lines: dict[Location, int] = field(repr=False)
    rendered: RenderedBody = field(repr=False, default=None)
    images: tuple[str, ...] = ()


@dataclass
class Collection:
    """The result of loading many files: valid cases, all problems, files looked at, and
    the images the valid cases use (name -> file in examples/images/)."""

    cases: list[CaseFile]
    problems: list[Problem]
    file_count: int
    images: dict[str, Path] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


def display_path(path: Path) -> str:
    """Paths relative to the working directory where possible, as editors typed them."""
    try:
        return str(path.absolute().relative_to(Path.cwd().absolute()))
    except ValueError:
        return str(path)


def check_front_matter(raw: RawCase, today: dt.date) -> tuple[Case | None, list[Problem]]:
    """The model first, then the rules across fields; the case only when the model accepts it."""
    try:
        case = Case.model_validate(raw.data)
    except ValidationError as error:
        return None, validation_problems(raw, error)
    return case, case_rules(raw, case, today)


@dataclass
class CaseLoader:
    """Everything one run needs to check case files: today, the renderer and the images."""

    today: dt.date
    renderer: BodyRenderer
    images: ImageIndex

    def load(self, path: Path) -> tuple[CaseFile | None, list[Problem]]:
        """Read and check one file; return the case only when it has no errors."""
        shown = display_path(path)
        problems: list[Problem] = []
        slug = path.name.removesuffix(".md")
        if not path.name.endswith(".md") or not is_slug(slug):
            problems.append(
                messages.problem(shown, 1, "datei", "bad_filename", name=path.name, suggestion=slugify(slug) or "mein-beispiel")
            )
        elif is_reserved(slug):
            problems.append(messages.problem(shown, 1, "datei", "reserved_slug", slug=slug))
        try:
            content = read_limited(path, MAX_BYTES)
        except UnsafeFile as error:
            return None, problems + [messages.problem(shown, 1, "datei", error.code, name=path.name, **error.context)]
        raw, read_problems = read_case_text(shown, content)
        problems += read_problems
        case = None
        if isinstance(raw.data, dict) and all(p.code in VALUE_PROBLEMS for p in read_problems):
            case, found = check_front_matter(raw, self.today)
            problems += found
        body = BodyResult([])
        if raw.data is not None or not read_problems:
            body = check_body(shown, raw.body, raw.body_line, self.renderer, self.images)
            problems += body.problems
        if case is None or any(p.is_error for p in problems):
            return None, problems
        return CaseFile(shown, slug, case, raw.body, raw.body_line, raw.lines, body.rendered, body.images), problems


def _duplicates(cases: list[CaseFile]) -> list[Problem]:
    """Titles and slugs must be unique across the collection; titles are compared in a form
    where case, spacing, fullwidth letters and ligatures make no difference (look-alikes)."""
    found: list[Problem] = []
    seen_titles: dict[str, CaseFile] = {}
    seen_slugs: dict[str, CaseFile] = {}
    for item in cases:
        key = comparable(item.case.title)
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
    paths: Iterable[Path] = (EXAMPLES_DIR,),
    today: dt.date | None = None,
    images_dir: Path | None = None,
    config_file: Path = CONFIG_FILE,
) -> Collection:
    """Load every case below `paths`; duplicates across files are reported on the later file.

    Bodies are rendered with the Markdown settings of `config_file` (the site's mkdocs.yml),
    exactly as the build renders them. Images are looked up in `images_dir`, by default
    the `images/` folder of the first folder given (or of the first file's folder).
    A broken vocabulary file is all that is reported: no case can be checked without it.
    """
    vocabulary = vocabulary_problems(display_path)
    if vocabulary:
        return Collection([], vocabulary, 1)
    paths = list(paths)
    tree = scan(paths, display_path)
    if images_dir is None:
        first = paths[0] if paths else EXAMPLES_DIR
        images_dir = (first if first.is_dir() else first.parent) / IMAGES_FOLDER
    loader = CaseLoader(today or dt.date.today(), BodyRenderer(case_body_settings(config_file)), ImageIndex(images_dir))
    cases: list[CaseFile] = []
    problems: list[Problem] = list(tree.problems)
    for path in tree.case_files:
        case, found = loader.load(path)
        problems += found
        if case is not None:
            cases.append(case)
    duplicate_problems = _duplicates(cases)
    problems += duplicate_problems
    invalid = {p.path for p in duplicate_problems}
    cases = [c for c in cases if c.path not in invalid]
    for name in sorted(set(tree.images) - loader.images.asked):
        problems.append(messages.problem(display_path(tree.images[name]), 1, "datei", "unused_image", name=name))
    images = {name: loader.images.path(name) for name in sorted({n for item in cases for n in item.images})}
    # Files looked at: the cases and every other file a problem was found about.
    file_count = len({display_path(path) for path in tree.case_files} | {p.path for p in problems})
    return Collection(cases, sorted(problems), file_count, images)
