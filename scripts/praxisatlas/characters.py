"""Characters no case text may contain, and how text is shown and compared safely.

Control characters, invisible format characters and line separators can reorder or hide
what a reviewer reads (bidirectional overrides, "Trojan Source"), break the one-line
output of the validator, or make two titles look equal while they differ. Front matter,
bodies and every printed message use this one list.
"""

from __future__ import annotations

import re
import unicodedata

# Regex class of the forbidden characters, written with escapes so that it can go into the
# JSON Schema as it is (ECMA-262 and Python read these escapes alike). Allowed: \t, \n and
# \r directly before \n (Windows line ends).
FORBIDDEN_CLASS = (
    r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 controls, DEL, C1 controls
    r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, isolates
    r"\u200b-\u200d\u2060\ufeff"  # zero-width characters
    r"\u2028\u2029"  # line and paragraph separators
    r"\ufffe\uffff"  # noncharacters, which YAML refuses as well
)
# Tag characters (U+E0000–U+E007F): invisible letters that can carry hidden text ("ASCII
# smuggling"). Outside the Basic Multilingual Plane, so not in FORBIDDEN_CLASS: a JSON Schema
# pattern cannot name them in a way every ECMA-262 engine reads alike. The validator refuses
# them, so no export ever holds one and the schema's pattern stays true of every export.
TAG_CLASS = r"\U000e0000-\U000e007f"
_FORBIDDEN = re.compile(rf"[{FORBIDDEN_CLASS}{TAG_CLASS}]|\r(?!\n)")
# The same rule as a JSON Schema pattern: text without any forbidden character.
CLEAN_TEXT_PATTERN = rf"^(?:[^{FORBIDDEN_CLASS}\r]|\r\n)*$"
_SHOWN_ESCAPED = re.compile(rf"[{FORBIDDEN_CLASS}{TAG_CLASS}\t\n\r]")

_NAMES = {
    0x00: "Nullzeichen",
    0x0D: "Wagenrücklauf",
    0x7F: "Löschzeichen",
    0x85: "Zeilenende-Steuerzeichen",
    0x061C: "arabische Richtungsmarke",
    0x200B: "Leerzeichen ohne Breite",
    0x200C: "Bindungsverhinderer ohne Breite",
    0x200D: "Verbinder ohne Breite",
    0x200E: "Richtungsmarke links nach rechts",
    0x200F: "Richtungsmarke rechts nach links",
    0x2028: "Zeilentrenner",
    0x2029: "Absatztrenner",
    0x202A: "Einbettung links nach rechts",
    0x202B: "Einbettung rechts nach links",
    0x202C: "Ende einer Richtungsformatierung",
    0x202D: "erzwungene Richtung links nach rechts",
    0x202E: "Richtungsumkehr",
    0x2060: "Wortverbinder ohne Breite",
    0x2066: "Isolierung links nach rechts",
    0x2067: "Isolierung rechts nach links",
    0x2068: "Isolierung nach dem ersten Zeichen",
    0x2069: "Ende einer Isolierung",
    0xFEFF: "Byte-Order-Mark",
    0xFFFE: "Nichtzeichen",
    0xFFFF: "Nichtzeichen",
}


def _describe(character: str) -> str:
    """The character by code point and German name, e.g. "U+202E (Richtungsumkehr)"."""
    point = ord(character)
    name = "unsichtbares Tag-Zeichen" if 0xE0000 <= point <= 0xE007F else _NAMES.get(point, "Steuerzeichen")
    return f"U+{point:04X} ({name})"


def forbidden_characters(text: str) -> list[tuple[int, str]]:
    """Every forbidden character in `text` as (offset, German description), in order.

    Offsets count characters of `text` from 0. A carriage return directly before a line
    feed is a Windows line end and allowed; a tab and a line feed are allowed.
    """
    return [(match.start(), _describe(match.group())) for match in _FORBIDDEN.finditer(text)]


def forbidden_by_line(text: str) -> list[tuple[int, str]]:
    """(0-based line, German listing) for every line of `text` that holds forbidden
    characters; positions are counted within the line. One pass: linear time."""
    lines: dict[int, tuple[int, list[tuple[int, str]]]] = {}
    line = line_start = counted = 0
    for offset, description in forbidden_characters(text):
        breaks = text.count("\n", counted, offset)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", counted, offset) + 1
        counted = offset
        lines.setdefault(line, (line_start, []))[1].append((offset, description))
    return [(index, listing(found, start)) for index, (start, found) in lines.items()]


def listing(found: list[tuple[int, str]], start: int = 0, limit: int = 3) -> str:
    """Findings as German text with 1-based positions counted from offset `start`."""
    named = [f"{description} an Stelle {offset - start + 1}" for offset, description in found[:limit]]
    more = f" und {len(found) - limit} weitere" if len(found) > limit else ""
    return ", ".join(named) + more


def visible(text: str) -> str:
    """`text` on one line with every forbidden character, tab and line break written as an
    escape such as \\u202e or \\n, so printed output shows what the file really holds."""
    return _SHOWN_ESCAPED.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def comparable(text: str) -> str:
    """The form in which two titles count as the same: NFKC (fullwidth letters, ligatures),
    case-folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())
