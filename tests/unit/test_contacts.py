"""Contact data is found in the forms people write it, and numbers of other kinds are left alone."""

from __future__ import annotations

import time

import pytest

from praxisatlas.contacts import find_contact_data

CONTACT_DATA = {
    "Ansprechpartnerin: max.mustermann@stadt-koeln.de": "max.mustermann@stadt-koeln.de",
    "Mail an info (at) verein (dot) de": "info (at) verein (dot) de",
    "schreiben an anna[at]beispiel.de": "anna[at]beispiel.de",
    "Link mailto:presse@beispiel.de": "mailto:presse@beispiel.de",
    "Anruf tel:+492211234567": "tel:+492211234567",
    "Telefon +49 221 123456-7": "Telefon +49 221 123456-7",
    "+49 (0)221 1234567": "+49 (0)221 1234567",
    "0049 221 1234567": "0049 221 1234567",
    "Büro: 0221 1234567": "0221 1234567",
    "0221/1234567": "0221/1234567",
    "(0221) 123 45 67": "(0221) 123 45 67",
    "Handy 0151 12345678": "Handy 0151 12345678",
    "erreichbar unter 0151 12345678": "0151 12345678",
    "+1 202 555 0143": "+1 202 555 0143",
    "Frau Muster, Tel. 12 34 56": "Tel. 12 34 56",
    "Fax: 221 12345": "Fax: 221 12345",
}


@pytest.mark.parametrize("text", CONTACT_DATA)
def test_contact_data_is_found_as_written(text):
    assert find_contact_data(text) == [CONTACT_DATA[text]]


NOT_CONTACT_DATA = [
    "seit 2018",
    "von 2018–2020 und 2021-2023",
    "von 2018 bis 2020",
    "am 2020-05-15 und 2021-01-01 2022-01-01",
    "am 05.05.2020 um 10 Uhr",
    "50667 Köln und 01067 Dresden",
    "SDG 4, 12 und 17",
    "15.000 € und 1.500.000 Euro, davon 0,5 Mio. €",
    "Beschlussvorlage 0815/2019",
    "Platz 2 von 10, +5 Punkte",
    "Hotel 123456 und Telefonkonferenz 2019",
    "Fax 2019",
    "https://medium.com/@verein/bericht",
    "Verein für Städtepartnerschaften e. V.",
]


@pytest.mark.parametrize("text", NOT_CONTACT_DATA)
def test_years_dates_postcodes_and_amounts_are_not_contact_data(text):
    assert find_contact_data(text) == []


def test_several_findings_come_in_order():
    text = "Max (max@beispiel.de, 0221 1234567) und Anna (anna@beispiel.de)"
    assert find_contact_data(text) == ["max@beispiel.de", "0221 1234567", "anna@beispiel.de"]


@pytest.mark.parametrize("text", ["a" * 200_000, "0 " * 100_000, "a." * 100_000 + "@", "x@" + "b." * 100_000, "(0" * 100_000])
def test_long_hostile_text_is_searched_quickly(text):
    start = time.perf_counter()
    find_contact_data(text)
    assert time.perf_counter() - start < 1
