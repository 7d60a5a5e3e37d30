"""Reading a case file safely: size and encoding, the front-matter split, and a YAML
reader that refuses invisible and control characters, tags, anchors, aliases, duplicate
keys and numbers in YAML's surprising forms, and remembers the file line of every key and
list item (also used for the whole vocabulary file).

PyYAML's composer keeps the last of two equal keys and expands aliases silently, so we
look at the event stream and the node tree ourselves instead of calling safe_load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from . import messages
from .characters import forbidden_by_line
from .problems import Problem

try:  # libyaml is much faster; the pure-Python loader gives the same results.
    from yaml import CSafeLoader as FastLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as FastLoader

MAX_BYTES = 256 * 1024
FENCE = "---"
Location = tuple[str | int, ...]
NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
# The only way a number may be written; YAML 1.1 also reads 010 as 8, 1:20 as 80, 2_021 as
# 2021 and 0x7E2 as 2018, and YAML 1.2 tools read 0o17 and 1e3 as numbers.
PLAIN_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
YAML_12_NUMBER = re.compile(
    r"[-+]?(?:0o[0-7]+|0x[0-9a-fA-F]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|\.inf)|\.nan",
    re.IGNORECASE,
)
# Problems about one value: the rest of the front matter is intact and is still checked.
VALUE_PROBLEMS = frozenset({"number_form", "bad_scalar"})


@dataclass
class RawCase:
    """A case file split into parts, with the file line of every front-matter key and item."""

    path: str
    data: Any = None
    body: str = ""
    body_line: int = 1
    lines: dict[Location, int] = field(default_factory=dict)
    raw_scalars: dict[Location, str] = field(default_factory=dict)
    refused: set[Location] = field(default_factory=set)  # values the reader has reported already

    def line_of(self, loc: Location) -> int:
        """The line of `loc`, or of its nearest ancestor that has one (missing keys)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def decode(path: str, content: bytes) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of a file, or the problem that prevents reading it."""
    if len(content) > MAX_BYTES:
        size_kib = -(-len(content) // 1024)
        return None, [messages.problem(path, 1, "datei", "too_large", size=size_kib, limit=MAX_BYTES // 1024)]
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, error.start) + 1
        return None, [messages.problem(path, line, "datei", "not_utf8", offset=error.start)]
    return text.removeprefix("\ufeff"), []


def split_front_matter(path: str, text: str) -> tuple[str | None, str, int, list[Problem]]:
    """Return (front matter, body, first body line); the front matter must open on line 1."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != FENCE:
        return None, text, 1, [messages.problem(path, 1, "front-matter", "no_front_matter")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            front = "".join(lines[1:index])
            body = "".join(lines[index + 1 :])
            return front, body, index + 2, []
    return None, "", 1, [messages.problem(path, 1, "front-matter", "unclosed_front_matter")]


class _Reader:
    """Turns the YAML of one front matter into plain values, collecting problems."""

    def __init__(self, raw: RawCase, first_line: int, where: str = "front-matter"):
        self.raw = raw
        self.offset = first_line  # file line of the YAML's first line (marks count from 0)
        self.where = where  # field name of problems that concern the YAML as a whole
        self.problems: list[Problem] = []
        self.constructor = SafeConstructor()

    def line(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.offset

    def add(self, line: int, loc: Location, code: str, **context: Any) -> None:
        self.problems.append(messages.problem(self.raw.path, line, loc or self.where, code, **context))

    def check_characters(self, text: str) -> bool:
        """Refuse forbidden characters anywhere, keys and comments included, before YAML
        reads them: one problem per line, positions counted within the line."""
        found = forbidden_by_line(text)
        for index, characters in found:
            self.add(index + self.offset, (), "forbidden_character", characters=characters)
        return not found

    def check_events(self, text: str) -> bool:
        """Refuse tags, anchors and aliases before anything is composed (no alias bombs)."""
        clean = True
        for event in yaml.parse(text, Loader=FastLoader):
            line = event.start_mark.line + self.offset
            if isinstance(event, yaml.AliasEvent):
                self.add(line, (), "yaml_alias", name=event.anchor)
                clean = False
            elif isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                if event.anchor is not None:
                    self.add(line, (), "yaml_anchor", name=event.anchor)
                    clean = False
                if event.tag is not None:
                    self.add(line, (), "yaml_tag", tag=event.tag.replace("tag:yaml.org,2002:", "!!"))
                    clean = False
        return clean

    def value(self, node: yaml.Node, loc: Location) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.raw.lines[loc + (index,)] = self.line(item)
                items.append(self.value(item, loc + (index,)))
            return items
        self.raw.raw_scalars[loc] = node.value
        if not node.style and not PLAIN_DECIMAL.fullmatch(node.value):  # plain: unquoted, no block
            if node.tag in NUMBER_TAGS or YAML_12_NUMBER.fullmatch(node.value):
                return self.refuse(node, loc, "number_form")
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError):
            return self.refuse(node, loc, "bad_scalar")

    def refuse(self, node: yaml.ScalarNode, loc: Location, code: str) -> str:
        """Report a value the reader cannot accept; its text stands in for it."""
        self.add(self.line(node), loc, code, raw=node.value)
        self.raw.refused.add(loc)
        return node.value

    def mapping(self, node: yaml.MappingNode, loc: Location) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            line = self.line(key_node)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                raw_key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "…"
                self.add(line, loc, "key_not_text", key=raw_key)
                continue
            key = key_node.value
            if key in first_seen:
                self.add(line, loc + (key,), "duplicate_key", key=key, first=first_seen[key])
                continue
            first_seen[key] = line
            self.raw.lines[loc + (key,)] = line
            result[key] = self.value(value_node, loc + (key,))
        return result


_OPENING_QUOTE = re.compile(r'^\s*(-\s+)?([^:#"]+:\s+)?"')


def _unclosed_quote_line(front: str, before: int) -> int | None:
    """0-based line of the first value that opens a double quote and never closes it."""
    for index, line in enumerate(front.splitlines()[:before]):
        opening = _OPENING_QUOTE.match(line)
        if opening and not re.search(r'(?<!\\)"', line[opening.end():]):
            return index
    return None


def _syntax_error_position(front: str, error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """Where the editor must look: an unclosed quote or bracket is reported where it opens."""
    context = error.context or ""
    opened = error.context_mark.line if error.context_mark else 0
    if context.startswith("while scanning a quoted scalar"):
        return opened, "Anführungszeichen wird nicht geschlossen"
    if context.startswith("while parsing a flow"):
        return opened, "Klammer wird nicht geschlossen"
    mark = error.problem_mark or error.context_mark
    line = mark.line if mark else 0
    lines = front.splitlines()
    if mark and line < len(lines) and lines[line][mark.column : mark.column + 1] == "\t":
        return line, "Tabulatorzeichen gefunden"
    quote = _unclosed_quote_line(front, line)
    if quote is not None:
        return quote, "Anführungszeichen wird nicht geschlossen"
    return line, messages.yaml_problem(error)


def _compose(reader: _Reader, text: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The node tree of a YAML text, or the problems that prevent building it."""
    if not reader.check_characters(text):
        return None, reader.problems
    try:
        if not reader.check_events(text):
            return None, reader.problems
        return yaml.compose(text, Loader=FastLoader), []
    except yaml.MarkedYAMLError as error:
        line, detail = _syntax_error_position(text, error)
        return None, [messages.problem(reader.raw.path, line + reader.offset, reader.where, "yaml_syntax", detail=detail)]
    except yaml.YAMLError as error:  # reader errors such as control characters carry no mark
        detail = messages.yaml_problem(error)
        return None, [messages.problem(reader.raw.path, reader.offset, reader.where, "yaml_syntax", detail=detail)]


def parse_yaml_document(raw: RawCase, text: str, where: str) -> list[Problem]:
    """Read a whole YAML file (not a front matter) as safely as a front matter.

    raw.data becomes its value (None when empty), raw.lines[()] the line it starts on;
    `where` names the file in problems about the YAML as a whole.
    """
    reader = _Reader(raw, 1, where)
    root, problems = _compose(reader, text)
    if root is None:
        return problems
    raw.lines[()] = reader.line(root)
    raw.data = reader.value(root, ())
    return reader.problems


def parse_front_matter(raw: RawCase, front: str, first_line: int) -> list[Problem]:
    """Fill raw.data and raw.lines from the YAML text; return the problems found."""
    reader = _Reader(raw, first_line)
    root, problems = _compose(reader, front)
    if problems:
        return problems
    if root is None:
        raw.data = {}
        return [messages.problem(raw.path, 1, "front-matter", "empty_front_matter")]
    if not isinstance(root, yaml.MappingNode):
        return [messages.problem(raw.path, reader.line(root), "front-matter", "not_mapping")]
    raw.data = reader.mapping(root, ())
    return reader.problems


def read_case_text(path: str, content: bytes) -> tuple[RawCase, list[Problem]]:
    """Decode, split and parse one file; every user mistake becomes a Problem."""
    raw = RawCase(path)
    text, problems = decode(path, content)
    if text is None:
        return raw, problems
    front, raw.body, raw.body_line, problems = split_front_matter(path, text)
    if front is None:
        return raw, problems
    return raw, parse_front_matter(raw, front, first_line=2)
