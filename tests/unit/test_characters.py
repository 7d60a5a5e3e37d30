"""The character rule: what is forbidden, how it is named and shown, how titles compare."""

from __future__ import annotations

import pytest

from praxisatlas.characters import comparable, forbidden_characters, listing, visible

FORBIDDEN = {
    "\x00": "U+0000 (Nullzeichen)",
    "\x07": "U+0007 (Steuerzeichen)",
    "\x1b": "U+001B (Steuerzeichen)",
    "\x7f": "U+007F (Löschzeichen)",
    "\x85": "U+0085 (Zeilenende-Steuerzeichen)",
    "\x9b": "U+009B (Steuerzeichen)",
    "\u061c": "U+061C (arabische Richtungsmarke)",
    "\u200b": "U+200B (Leerzeichen ohne Breite)",
    "\u200c": "U+200C (Bindungsverhinderer ohne Breite)",
    "\u200d": "U+200D (Verbinder ohne Breite)",
    "\u200e": "U+200E (Richtungsmarke links nach rechts)",
    "\u200f": "U+200F (Richtungsmarke rechts nach links)",
    "\u2028": "U+2028 (Zeilentrenner)",
    "\u2029": "U+2029 (Absatztrenner)",
    "\u202a": "U+202A (Einbettung links nach rechts)",
    "\u202e": "U+202E (Richtungsumkehr)",
    "\u2060": "U+2060 (Wortverbinder ohne Breite)",
    "\u2066": "U+2066 (Isolierung links nach rechts)",
    "\u2069": "U+2069 (Ende einer Isolierung)",
    "\ufeff": "U+FEFF (Byte-Order-Mark)",
    "\U000e0001": "U+E0001 (unsichtbares Tag-Zeichen)",
    "\U000e0041": "U+E0041 (unsichtbares Tag-Zeichen)",
    "\U000e007f": "U+E007F (unsichtbares Tag-Zeichen)",
}


@pytest.mark.parametrize("character", FORBIDDEN, ids=[f"U+{ord(c):04X}" for c in FORBIDDEN])
def test_each_forbidden_character_is_found_and_named_by_code_point(character):
    assert forbidden_characters(f"ab{character}cd") == [(2, FORBIDDEN[character])]


def test_every_c0_and_c1_control_except_tab_and_line_feed_is_forbidden():
    controls = [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n"]
    assert [offset for offset, _ in forbidden_characters("".join(controls))] == list(range(len(controls)))


def test_tag_characters_are_forbidden_and_shown_as_escapes_but_their_neighbours_are_not():
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore")
    assert [offset for offset, _ in forbidden_characters(f"a{hidden}b")] == list(range(1, 7))
    assert visible(f"a{hidden[0]}b") == "a\\U000e0069b"
    assert forbidden_characters("\U000dffff\U000e0080 🏴") == []


@pytest.mark.parametrize(
    "text",
    ["Köln, Düsseldorf – „Faire Woche“", "Zeile\nZeile\tTab", "Windows\r\nZeilenende", "مرحبا עברית 中文 🙂", "\u00a0geschützt", "Straße 1–3"],
)
def test_ordinary_text_of_any_script_passes(text):
    assert forbidden_characters(text) == []


def test_a_carriage_return_outside_a_windows_line_end_is_forbidden():
    assert forbidden_characters("a\rb\r\nc\r") == [(1, "U+000D (Wagenrücklauf)"), (6, "U+000D (Wagenrücklauf)")]


def test_listing_counts_positions_from_one_and_bounds_its_length():
    found = forbidden_characters("x\u202ey\u202cz\u200b\u200b\u200b")
    assert listing(found) == (
        "U+202E (Richtungsumkehr) an Stelle 2, U+202C (Ende einer Richtungsformatierung) an Stelle 4, "
        "U+200B (Leerzeichen ohne Breite) an Stelle 6 und 2 weitere"
    )
    assert listing(found[:1], start=1) == "U+202E (Richtungsumkehr) an Stelle 1"


def test_visible_escapes_what_could_hide_or_break_a_line():
    assert visible("a\u202eb\u200bc\nd\te\rf\x1b[31m\x00") == "a\\u202eb\\u200bc\\nd\\te\\rf\\x1b[31m\\x00"
    assert visible("Köln – „Woche“ 🙂") == "Köln – „Woche“ 🙂"


@pytest.mark.parametrize(
    "look_alike",
    [
        "ＦＡＩＲＥ Woche",  # fullwidth letters
        "faire  WOCHE",  # case and spacing
        "Faire\u3000Woche",  # ideographic space
        " Faire Woche ",
    ],
)
def test_look_alike_titles_compare_equal(look_alike):
    assert comparable(look_alike) == comparable("Faire Woche")


def test_ligatures_and_sharp_s_compare_equal_but_different_words_do_not():
    assert comparable("Oﬀene Straße") == comparable("offene STRASSE")
    assert comparable("Faire Woche") != comparable("Faire Wochen")
