"""Rules for the Markdown body, judged on the HTML the site would publish.

The body is rendered with the site's own pipeline (markup.py) and the resulting HTML is
checked against the one allow-list (htmlpolicy.py): what the validator accepts is by
construction what the build publishes. Friendly messages come first; a last check
refuses anything the sanitiser would still change, so validator and build always agree.
HTML has no source lines, so each finding is placed on the first body line that shows
its text; when no line does, the message says so.
"""

from __future__ import annotations

import dataclasses
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import messages
from .characters import forbidden_by_line
from .contacts import find_contact_data
from .htmlpolicy import (
    ALLOWED_ATTRIBUTES, ALLOWED_CLASSES, ALLOWED_TAGS, IMAGE_PREFIX, MAX_DEPTH, RAW_HTML_TAGS,
    Event, attribute_allowed, depth, events, image_name, same_markup, sanitize,
)
from .images import ImageProblem, check_image
from .markup import LOCAL_IMAGE_FOLDER, BodyRenderer, NestingTooDeep, RenderedBody
from .problems import Problem

MIN_WORDS, MAX_WORDS = 80, 400
MAX_BODY_CHARS = 20_000
# Python-Markdown slows down more than linearly on some inputs (many '<' or '![', many
# abbreviations, very deep lists); these caps keep every body far below that, and far
# above what a case needs.
MARKUP_LIMITS = (("'<'", "<", 200), ("Bilder ('![')", "![", 20), ("Abkürzungen ('*[')", "*[", 30))
MAX_INDENT = 32
_WORD = re.compile(r"\w+")


class ImageIndex:
    """Checks each image in examples/images/ once, however many cases use it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._checked: dict[str, ImageProblem | None] = {}

    @property
    def asked(self) -> set[str]:
        """Every image name a body referred to, usable or not."""
        return set(self._checked)

    def problem(self, name: str) -> ImageProblem | None:
        if name not in self._checked:
            try:
                check_image(self.folder / name)
                self._checked[name] = None
            except ImageProblem as problem:
                self._checked[name] = problem
        return self._checked[name]

    def path(self, name: str) -> Path:
        return self.folder / name


@dataclass
class BodyResult:
    problems: list[Problem]
    rendered: RenderedBody | None = None
    images: tuple[str, ...] = field(default_factory=tuple)


class _Locator:
    """Finds the body line that shows a piece of text; repeated finds move down the body.

    Lines are compared with character references decoded, as the rendered HTML has them.
    """

    def __init__(self, body: str, first_line: int):
        self.lines = [html.unescape(line).casefold() for line in body.splitlines()]
        self.first_line = first_line
        self._after: dict[str, int] = {}

    def find(self, *needles: str) -> int | None:
        for needle in (n.casefold() for n in needles if n):
            start = self._after.get(needle, 0)
            for index in [*range(start, len(self.lines)), *range(0, start)]:
                if needle in self.lines[index]:
                    self._after[needle] = index + 1
                    return self.first_line + index
        return None


def _shown_src(src: str) -> str:
    """The image address as the editor wrote it (the pipeline points local ones at ../images/)."""
    return "images/" + src[len(IMAGE_PREFIX):] if src.startswith(IMAGE_PREFIX) else src


class BodyChecker:
    """Checks one body; `first_line` is the file line where the body starts."""

    def __init__(self, path: str, body: str, first_line: int, renderer: BodyRenderer, images: ImageIndex):
        self.path = path
        self.body = body
        self.first_line = first_line
        self.renderer = renderer
        self.image_index = images
        self.locator = _Locator(body, first_line)
        self.problems: list[Problem] = []
        self.images: list[str] = []

    def add(self, line: int | None, code: str, **context: Any) -> None:
        found = messages.problem(self.path, line or self.first_line, "body", code, **context)
        if line is None:
            found = dataclasses.replace(found, message=found.message + messages.LINE_UNKNOWN)
        if found not in self.problems:
            self.problems.append(found)

    def check(self) -> BodyResult:
        words = len(_WORD.findall(self.body))
        if words == 0:
            self.add(self.first_line, "empty_body")
            return BodyResult(self.problems)
        for index, characters in forbidden_by_line(self.body):
            self.add(self.first_line + index, "forbidden_character", characters=characters)
        for snippet in dict.fromkeys(find_contact_data(self.body)):
            self.add(self.locator.find(snippet[:40]), "body_contact_data", snippet=snippet[:60])
        if any(p.is_error for p in self.problems) or not self.within_limits():
            return BodyResult(self.problems)
        try:
            rendered = self.renderer.render(self.body)
        except NestingTooDeep:
            self.add(None, "nesting_too_deep", limit=MAX_DEPTH)
            return BodyResult(self.problems)
        parsed = events(rendered.html)
        if depth(parsed) > MAX_DEPTH:
            self.add(None, "nesting_too_deep", limit=MAX_DEPTH)
            return BodyResult(self.problems)
        self.judge(parsed)
        if not self.problems and parsed != events(sanitize(rendered.html)):
            self.add(None, "body_changed")
        if not MIN_WORDS <= words <= MAX_WORDS:
            self.add(self.first_line, "word_count", words=words)
        return BodyResult(self.problems, rendered, tuple(dict.fromkeys(self.images)))

    def within_limits(self) -> bool:
        """Refuse bodies that would make the renderer slow, before rendering them."""
        if len(self.body) > MAX_BODY_CHARS:
            self.add(self.first_line, "body_too_long", length=len(self.body), limit=MAX_BODY_CHARS)
            return False
        fine = True
        for what, needle, limit in MARKUP_LIMITS:
            count = self.body.count(needle)
            if count > limit:
                self.add(self.first_line, "markup_limit", what=what, count=count, limit=limit)
                fine = False
        for index, line in enumerate(self.body.splitlines()):
            if len(line) - len(line.lstrip()) > MAX_INDENT:
                self.add(self.first_line + index, "nesting_too_deep", limit=MAX_DEPTH)
                return False
        return fine

    def judge(self, parsed: list[Event]) -> None:
        for event in parsed:
            kind = event[0]
            if kind == "comment":
                self.add(self.locator.find("<!--"), "html_comment")
            elif kind in ("decl", "pi"):
                self.add(self.locator.find("<!", "<?"), "html_markup", markup=event[1][:40])
            elif kind == "start":
                self.judge_element(event[1], dict(event[2]))

    def judge_element(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "h1":
            self.add(self.locator.find("# ", "==="), "heading_level")
            return
        if tag not in ALLOWED_TAGS:
            allowed = ", ".join(f"<{t}>" for t in RAW_HTML_TAGS)
            self.add(self.locator.find(f"<{tag}"), "html_tag", tag=tag, allowed=allowed)
            return
        if tag == "img":
            self.judge_image(attributes)
        for name, value in attributes.items():
            if attribute_allowed(tag, name, value) or (tag == "img" and name == "src"):
                continue
            if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
                if tag in ("th", "td") and name == "style":
                    self.add(self.locator.find(":--", "--:"), "table_align")
                else:
                    self.add(self.locator.find(name), "html_attribute", attribute=name, tag=tag)
            elif name == "href":
                self.add(self.locator.find(value[:30]), "link_scheme", url=value[:80])
            elif name == "class":
                bad = " ".join(part for part in value.split() if part not in ALLOWED_CLASSES.get(tag, ()))
                allowed = ", ".join(sorted(ALLOWED_CLASSES.get(tag, ())))
                self.add(self.locator.find(bad), "html_class", value=bad, tag=tag, allowed=allowed)
            elif name == "id":
                self.add(self.locator.find(value.lstrip("_-")[:20] or "#"), "heading_id", value=value)

    def judge_image(self, attributes: dict[str, str]) -> None:
        src = attributes.get("src", "")
        shown = _shown_src(src)
        line = self.locator.find(*(f"{opening}{shown[:30]}" for opening in ("](", 'src="', "src='", "src=")), "<img")
        name = image_name(src)
        written_as_markdown = f"]({shown}" in self.body
        if name is None and src.startswith(LOCAL_IMAGE_FOLDER + "/") and not written_as_markdown:
            self.add(line, "image_html", src=shown[:80])
        elif name is None:
            self.add(line, "image_external", src=shown[:80])
        else:
            problem = self.image_index.problem(name)
            if problem is None:
                self.images.append(name)
            elif problem.code == "image_missing":
                self.add(line, "image_missing", src=shown)
            else:
                self.add(line, problem.code, src=shown, **problem.context)
        if not attributes.get("alt", "").strip():
            self.add(line, "image_alt", src=shown[:80])


def check_body(path: str, body: str, first_line: int, renderer: BodyRenderer, images: ImageIndex) -> BodyResult:
    return BodyChecker(path, body, first_line, renderer, images).check()


def publishable_html(html: str) -> str | None:
    """The sanitised body HTML, or None when sanitising would change what was validated."""
    clean = sanitize(html)
    return clean if same_markup(html, clean) else None

