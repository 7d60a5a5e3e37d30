"""The slug rule shared by the validator (file names) and the scaffolder (titles)."""

from __future__ import annotations

import re

MAX_SLUG_LENGTH = 80
SLUG_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Case pages live at /beispiele/<slug>/; these names are taken by generated URLs there.
RESERVED_SLUGS = frozenset({"index", "images"})
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG_LENGTH and SLUG_PATTERN.fullmatch(text) is not None


def is_reserved(slug: str) -> bool:
    """A valid slug that would collide with a generated URL below /beispiele/."""
    return slug in RESERVED_SLUGS


def slugify(title: str) -> str:
    """Lowercase, umlauts spelled out, every other run of non-[a-z0-9] one hyphen, ≤ 80 chars.

    "Faire Wochen in Köln & Umgebung" -> "faire-wochen-in-koeln-umgebung". May return ""
    when the title has no usable character; callers must handle that.
    """
    text = title.lower().translate(_UMLAUTS)
    text = _NOT_SLUG.sub("-", text).strip("-")
    return text[:MAX_SLUG_LENGTH].rstrip("-")
