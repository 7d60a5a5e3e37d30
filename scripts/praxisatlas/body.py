"""Rules for the Markdown body: allowed HTML, safe links, local images with alt text.

markdown-it-py gives block tokens with line maps; inline problems are placed on the
first line of their block that contains the offending text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import messages
from .paths import IMAGES_DIR
from .problems import Problem

ALLOWED_TAGS = ("abbr", "br", "sub", "sup", "kbd", "mark", "small", "details", "summary")
ALLOWED_ATTRIBUTES = frozenset({"title"})
SAFE_SCHEMES = ("http", "https", "mailto")
MIN_WORDS, MAX_WORDS = 80, 400
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_WORD = re.compile(r"\w+")


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    # markdown-it silently drops javascript:/data: links; we want to see and report them.
    md.validateLink = lambda url: True
    return md


_MARKDOWN = _parser()


class _TagCollector(HTMLParser):
    """Collects (tag, attribute names) of every start tag in an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, [name for name, _ in attrs]))

    handle_startendtag = handle_starttag


def _walk(tokens: list[Token]) -> Iterator[tuple[Token, Token]]:
    """Yield (token, enclosing block token with a line map) for every token and child."""
    block = tokens[0] if tokens else None
    for token in tokens:
        if token.map is not None:
            block = token
        yield token, block
        for child in token.children or []:
            yield child, block


def _scheme(url: str) -> str | None:
    match = _SCHEME.match(_CONTROL.sub("", url))
    return match.group(1).lower() if match else None


class BodyChecker:
    """Checks one body; `first_line` is the file line where the body starts."""

    def __init__(self, path: str, body: str, first_line: int, images_dir: Path = IMAGES_DIR):
        self.path = path
        self.lines = body.splitlines()
        self.first_line = first_line
        self.images_dir = images_dir
        self.problems: list[Problem] = []
        self.body = body

    def line_of(self, block: Token | None, needle: str) -> int:
        start, end = block.map if block is not None and block.map else (0, len(self.lines))
        for index in range(start, min(end, len(self.lines))):
            if needle and needle in self.lines[index]:
                return self.first_line + index
        return self.first_line + start

    def add(self, line: int, code: str, **context: Any) -> None:
        self.problems.append(messages.problem(self.path, line, "body", code, **context))

    def check(self) -> list[Problem]:
        words = len(_WORD.findall(self.body))
        if words == 0:
            self.add(self.first_line, "empty_body")
            return self.problems
        tokens = _MARKDOWN.parse(self.body)
        for token, block in _walk(tokens):
            if token.type in ("html_block", "html_inline"):
                self.check_html(token.content, block)
            elif token.type == "link_open":
                self.check_link(str(token.attrGet("href") or ""), block)
            elif token.type == "image":
                self.check_image(token, block)
        if not MIN_WORDS <= words <= MAX_WORDS:
            self.add(self.first_line, "word_count", words=words)
        return self.problems

    def check_html(self, fragment: str, block: Token | None) -> None:
        collector = _TagCollector()
        collector.feed(fragment)
        collector.close()
        for tag, attributes in collector.tags:
            line = self.line_of(block, f"<{tag}") if f"<{tag}" in fragment else self.line_of(block, fragment.strip()[:40])
            if tag not in ALLOWED_TAGS:
                self.add(line, "html_tag", tag=tag, allowed=", ".join(f"<{t}>" for t in ALLOWED_TAGS))
                continue
            for attribute in attributes:
                if attribute not in ALLOWED_ATTRIBUTES:
                    self.add(line, "html_attribute", attribute=attribute, tag=tag)

    def check_link(self, href: str, block: Token | None) -> None:
        scheme = _scheme(href)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            self.add(self.line_of(block, href[:30]), "link_scheme", url=href[:80])

    def check_image(self, token: Token, block: Token | None) -> None:
        src = str(token.attrGet("src") or "")
        line = self.line_of(block, src[:30])
        alt = token.content.strip()
        relative = PurePosixPath(src)
        local = (
            _scheme(src) is None
            and not src.startswith(("/", "\\", "//"))
            and relative.parts[:1] == ("images",)
            and ".." not in relative.parts
            and len(relative.parts) >= 2
        )
        if not local:
            self.add(line, "image_external", src=src[:80])
        elif not (self.images_dir / Path(*relative.parts[1:])).is_file():
            self.add(line, "image_missing", src=src)
        if not alt:
            self.add(line, "image_alt", src=src[:80])


def body_problems(path: str, body: str, first_line: int, images_dir: Path = IMAGES_DIR) -> list[Problem]:
    return BodyChecker(path, body, first_line, images_dir).check()
