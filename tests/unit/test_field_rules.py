"""Field values from a hostile pull request: numbers in YAML's odd forms, hidden characters,
blank text, impossible dates, addresses that are no public website, contact data."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from conftest import TODAY, VALID_CASE
from praxisatlas.cases import check_front_matter
from praxisatlas.model import MAX_URL_LENGTH, Contact, Partner
from praxisatlas.source import read_case_text
from praxisatlas.translate import validation_problems

VALID = VALID_CASE.read_text(encoding="utf-8")


def read(old: str, new: str):
    assert old in VALID
    return read_case_text("fall.md", VALID.replace(old, new, 1).encode("utf-8"))


@pytest.mark.parametrize(
    "written", ["010", "0o17", "0x7E2", "2_021", "1:20", ".inf", "-.inf", ".NaN", "1e3", "2.0e+3", "+5", "0b11", "12.5", "007"]
)
def test_numbers_in_odd_forms_are_refused_by_the_reader(written):
    raw, problems = read("rank: 2", f"rank: {written}")
    assert [(p.line, p.field, p.code) for p in problems] == [(27, "awards[0].rank", "number_form")]
    assert "Anführungszeichen entfernen" not in problems[0].message


@pytest.mark.parametrize("written", ["0", "7", "-3", "2018"])
def test_plain_decimals_are_numbers(written):
    raw, problems = read("rank: 2", f"rank: {written}")
    assert problems == []
    assert raw.data["awards"][0]["rank"] == int(written)


@pytest.mark.parametrize("written", ['"0x7E2"', "'1:20'", "|\n      010"])
def test_quoted_number_lookalikes_are_text(written):
    raw, problems = read('category: "mittlere Kommunen"', f"category: {written}")
    assert problems == []
    assert isinstance(raw.data["awards"][0]["category"], str)


def test_a_refused_value_does_not_hide_the_other_problems_of_the_file():
    raw, read_problems = read("rank: 2", "rank: 0x2")
    raw.data["state"] = "NRW"
    _, found = check_front_matter(raw, TODAY)
    assert [p.code for p in read_problems] == ["number_form"]
    assert [(p.field, p.code) for p in found] == [("state", "unknown_vocab")]


def test_hidden_characters_are_reported_on_their_lines_before_yaml_reads_them():
    raw, problems = read('city: "Testhausen"', 'city: "Test\u202ehausen" # \u200b\nsize: mittel\x07')
    assert [(p.line, p.field, p.code) for p in problems] == [(4, "front-matter", "forbidden_character"), (5, "front-matter", "forbidden_character")]
    assert "U+202E (Richtungsumkehr) an Stelle 12, U+200B (Leerzeichen ohne Breite) an Stelle 23" in problems[0].message
    assert "U+0007 (Steuerzeichen) an Stelle 13" in problems[1].message
    assert raw.data is None


def test_windows_line_ends_are_no_hidden_characters():
    assert read_case_text("fall.md", VALID.replace("\n", "\r\n").encode("utf-8"))[1] == []


def check(model, **data) -> list[str]:
    raw = read_case_text("fall.md", VALID_CASE.read_bytes())[0]
    try:
        model.model_validate(data)
    except ValidationError as error:
        return [p.code for p in validation_problems(raw, error)]
    return []


@pytest.mark.parametrize(
    "url",
    [
        "https://www.beispiel.de",
        "https://www.beispiel.de/seite?id=1&x=2#teil",
        "https://xn--kln-sna.de/",
        "https://sub.domain.example-verein.org/pfad/datei.pdf",
        "http://verein.beispiel.de/",
    ],
)
def test_public_web_addresses_pass(url):
    assert check(Partner, name="Verein", type="zivilgesellschaft", url=url) == []


@pytest.mark.parametrize(
    "url,code",
    [
        ("https://user:pw@www.beispiel.de/", "url_credentials"),
        ("https://www.beispiel.de@boese.example/", "url_credentials"),
        ("https://192.168.0.1/", "url_host"),
        ("https://[2001:db8::1]/", "url_host"),
        ("https://localhost/", "url_host"),
        ("https://intranet/", "url_host"),
        ("https://www.beispiel.de:443/", "url_host"),
        ("https://www..beispiel.de/", "url_host"),
        ("https://www.beispiel.de./", "url_host"),
        ("https://-boese.example/", "url_host"),
        ("https://www.beispiel.de%2F@x/", "url_credentials"),
        ("https://www.bеispiel.de/", "url_host"),  # Cyrillic е
        ("https://", "bad_url"),
        ("https:///www.beispiel.de/", "bad_url"),
        ("ftp://www.beispiel.de/", "bad_url"),
        ("https://www.beispiel.de/\u202efdp.exe", "forbidden_character"),
        ("   ", "blank_text"),
    ],
)
def test_addresses_that_are_no_public_website_are_refused(url, code):
    assert check(Contact, name="Büro", url=url) == [code]


def test_addresses_longer_than_the_limit_are_refused():
    prefix = "https://www.beispiel.de/"
    assert check(Contact, name="Büro", url=prefix + "a" * (MAX_URL_LENGTH - len(prefix))) == []
    assert check(Contact, name="Büro", url=prefix + "a" * (MAX_URL_LENGTH - len(prefix) + 1)) == ["too_long_text"]


@pytest.mark.parametrize("name,code", [("   ", "blank_text"), ("", "blank_text"), ("\u00a0\u3000 ", "blank_text"), ("Bü\u200bro", "forbidden_character")])
def test_blank_and_hidden_text_is_refused_before_its_length_is_judged(name, code):
    assert check(Contact, name=name) == [code]


@pytest.mark.parametrize("date,ok", [("2020", True), ("2020-02", True), ("2024-02-29", True), ("2023-02-29", False), ("2020-13", False), ("2020-04-31", False), ("0000", False)])
def test_source_dates_must_exist(date, ok):
    raw, _ = read('date: "2020-05"', f'date: "{date}"')
    _, found = check_front_matter(raw, dt.date(2026, 6, 1))
    assert [p.code for p in found] == ([] if ok else ["impossible_date"])


def test_contact_data_is_refused_in_text_but_not_looked_for_in_addresses():
    raw, _ = read('name: "Büro für Internationales"', 'name: "Büro, buero@beispiel.de"')
    raw.data["partners"][1]["url"] = "https://verein.beispiel.de/kontakt/0221-1234567"
    _, found = check_front_matter(raw, TODAY)
    assert [(p.line, p.field, p.code) for p in found] == [(30, "contact.name", "contact_data")]
    assert "'buero@beispiel.de'" in found[0].message
