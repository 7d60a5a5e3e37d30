"""The one allow-list for case-body HTML, and the sanitiser built from it.

The validator judges rendered bodies against these rules and the build cleans them with
`sanitize()`; both read this module, so they cannot drift apart. The list holds exactly
what the case-body Markdown pipeline (markup.py) produces from allowed syntax, plus the
few inline elements editors may write as HTML.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
import nh3

ALLOWED_TAGS = frozenset({
    # Markdown blocks and inlines
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br",
    "a", "strong", "em", "code", "pre", "img",
    # tables, definition lists, abbreviations, admonitions and details (site extensions)
    "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "abbr", "div",
    "details", "summary",
    # inline HTML editors may write
    "sub", "sup", "kbd", "mark", "small",
})
# Tags editors may type as raw HTML; shown in the hint of the "tag not allowed" message.
RAW_HTML_TAGS = ("abbr", "br", "sub", "sup", "kbd", "mark", "small", "details", "summary")
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "img": frozenset({"src", "alt", "title"}),
    "abbr": frozenset({"title"}),
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),
    "details": frozenset({"class", "open"}),
    **{f"h{level}": frozenset({"id"}) for level in range(2, 7)},
}
# Admonition and details types that Material styles; any other class is refused.
BOX_TYPES = frozenset({
    "note", "abstract", "info", "tip", "success", "question", "warning", "failure",
    "danger", "bug", "example", "quote",
})
ALLOWED_CLASSES: dict[str, frozenset[str]] = {
    "div": BOX_TYPES | {"admonition"},
    "p": frozenset({"admonition-title"}),
    "details": BOX_TYPES,
}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Published images: ../images/<name> relative to /beispiele/<slug>/ (see markup.py).
IMAGE_PREFIX = "../images/"
IMAGE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*\.(png|jpe?g|webp)")
# Heading ids come from the heading text; Material's own ids start with "_".
HEADING_ID = re.compile(r"[^\W_][\w-]*")
MAX_DEPTH = 24

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# Browsers drop ASCII tab and newline anywhere in a URL and C0 controls or spaces around it.
_URL_IGNORED = re.compile(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$")


def url_scheme(url: str) -> str | None:
    """The scheme a browser would see, lowercased, or None for a relative URL."""
    match = _SCHEME.match(_URL_IGNORED.sub("", url))
    return match.group(1).lower() if match else None


def link_allowed(href: str) -> bool:
    scheme = url_scheme(href)
    return scheme in LINK_SCHEMES if scheme else not href.startswith(("//", "\\", "/\\"))


def image_name(src: str) -> str | None:
    """The file name in examples/images/ that a published `src` points at, if it is one."""
    if not src.startswith(IMAGE_PREFIX):
        return None
    name = src[len(IMAGE_PREFIX):]
    return name if IMAGE_NAME.fullmatch(name) else None


def attribute_allowed(tag: str, name: str, value: str) -> bool:
    """Values of allowed attributes: safe links, local images, known classes, plain ids."""
    if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
        return False
    if name == "href":
        return link_allowed(value)
    if name == "src":
        return image_name(value) is not None
    if name == "class":
        return all(part in ALLOWED_CLASSES.get(tag, ()) for part in value.split())
    if name == "id":
        return HEADING_ID.fullmatch(value) is not None
    return True


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    return value if attribute_allowed(tag, name, value) else None


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    # ammonia filters `class` through allowed_classes and refuses it in `attributes` too.
    attributes={tag: set(names - {"class"}) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_keep_attribute,
    strip_comments=True,
    link_rel=None,
    url_schemes=set(LINK_SCHEMES),
    allowed_classes={tag: set(classes) for tag, classes in ALLOWED_CLASSES.items()},
)


def sanitize(html: str) -> str:
    """The HTML that may be published: everything outside the allow-list removed."""
    return _CLEANER.clean(html)


Event = tuple


class _Events(HTMLParser):
    """HTML as a comparable event list: markup differences count, serialisation does not."""

    VOID = frozenset({"br", "hr", "img", "wbr", "input", "meta", "link", "source", "area", "base", "col", "embed", "track"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []
        self.text: list[str] = []

    def _flush(self) -> None:
        if self.text:
            self.events.append(("text", "".join(self.text)))
            self.text = []

    def handle_starttag(self, tag, attrs) -> None:
        self._flush()
        self.events.append(("start", tag, tuple(sorted((k, v or "") for k, v in attrs))))

    def handle_startendtag(self, tag, attrs) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag) -> None:
        if tag not in self.VOID:
            self._flush()
            self.events.append(("end", tag))

    def handle_data(self, data) -> None:
        self.text.append(data)

    def handle_comment(self, data) -> None:
        self._flush()
        self.events.append(("comment", data))

    def handle_decl(self, decl) -> None:
        self._flush()
        self.events.append(("decl", decl))

    def handle_pi(self, data) -> None:
        self._flush()
        self.events.append(("pi", data))

    def unknown_decl(self, data) -> None:
        self._flush()
        self.events.append(("decl", data))


def events(html: str) -> list[Event]:
    parser = _Events()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.events


def same_markup(first: str, second: str) -> bool:
    """True when two HTML strings mean the same elements, attributes and text."""
    return events(first) == events(second)


def depth(parsed: list[Event]) -> int:
    """The deepest element nesting in a parsed fragment (void elements do not nest)."""
    deepest = level = 0
    for event in parsed:
        if event[0] == "start" and event[1] not in _Events.VOID:
            level += 1
            deepest = max(deepest, level)
        elif event[0] == "end":
            level = max(level - 1, 0)
    return deepest
