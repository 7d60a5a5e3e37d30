"""The reader keeps the file line of every key and list item and refuses unsafe YAML."""

from __future__ import annotations

from conftest import VALID_CASE
from praxisatlas.source import read_case_text


def test_line_of_every_key_and_list_item_is_recorded():
    raw, problems = read_case_text("fall.md", VALID_CASE.read_bytes())
    assert problems == []
    assert raw.lines[("title",)] == 2
    assert raw.lines[("areas",)] == 8
    assert raw.lines[("areas", 1)] == 10
    assert raw.lines[("partners", 1)] == 16
    assert raw.lines[("partners", 1, "url")] == 18
    assert raw.lines[("sources", 0, "date")] == 36
    assert raw.body_line == 39


def test_line_of_a_missing_key_falls_back_to_its_parent():
    raw, _ = read_case_text("fall.md", VALID_CASE.read_bytes())
    assert raw.line_of(("partners", 0, "url")) == 14
    assert raw.line_of(("gibt-es-nicht",)) == 1


def test_byte_order_mark_is_accepted():
    raw, problems = read_case_text("fall.md", b"\xef\xbb\xbf" + VALID_CASE.read_bytes())
    assert problems == []
    assert raw.data["city"] == "Testhausen"


def test_alias_bomb_is_refused_before_expansion():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, c in zip("bcdefgh", "cdefghi")
    ) + "---\nText\n"
    raw, problems = read_case_text("bombe.md", bomb.encode())
    assert raw.data is None
    assert {p.code for p in problems} == {"yaml_anchor", "yaml_alias"}
    assert problems[0].line == 2


def test_crlf_line_endings_keep_the_same_lines():
    raw, problems = read_case_text("fall.md", VALID_CASE.read_bytes().replace(b"\n", b"\r\n"))
    assert problems == []
    assert raw.lines[("partners", 1, "url")] == 18
