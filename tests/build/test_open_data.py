"""Open data in the built site: /daten/ lists every file with its real size, and every export
agrees with the case pages and the case files.

Expectations come from the built pages and from the case files read with plain PyYAML
(build.test_site_pages.CASES), not from the code that writes the exports.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import rdflib
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from build.test_site_pages import CASES
from conftest import REPO, build_site
from praxisatlas.exports import RECORD_FIELDS, csv_cell, german_size

SITE_URL = "https://atlas.test/"
ATOM = "{http://www.w3.org/2005/Atom}"
FEED_TITLE = "Praxisatlas Migration & Entwicklung: neue und geprüfte Beispiele"
OPEN_DATA = ("daten/beispiele.json", "daten/beispiele.csv", "daten/beispiel.schema.json", "daten/katalog.jsonld", "feed.xml")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph.
QUIET_RDFLIB = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a link on `page` points to."""
    path = urlsplit(href).path
    target = site / path.lstrip("/") if path.startswith("/") else (page.parent / path).resolve()
    return target / "index.html" if target.is_dir() else target


def case_slugs(site: Path) -> list[str]:
    return sorted(path.parent.name for path in (site / "beispiele").glob("*/index.html"))


def newest_review() -> dt.date:
    return max(data["reviewed"] for data in CASES.values())


def expected_data_date() -> dt.date:
    """What the build must use: SOURCE_DATE_EPOCH if the test run sets it, else the newest review."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else newest_review()


def load_records(site: Path) -> list[dict]:
    return json.loads((site / "daten" / "beispiele.json").read_text(encoding="utf-8"))


def parse_catalog(site: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(site / "daten" / "katalog.jsonld", format="json-ld")


def test_data_page_lists_every_file_with_its_real_size_licence_and_date(real_site):
    site = real_site.site
    page_file = site / "daten" / "index.html"
    page = real_site.page("daten/")
    rows = page.select("article table tbody tr")
    listed = [resolve(site, page_file, row.select_one("td a")["href"]) for row in rows]
    on_disk = {path for path in (site / "daten").iterdir() if path.name != "index.html"} | {site / "feed.xml"}
    assert sorted(listed) == sorted(on_disk)
    assert on_disk == {site / path for path in OPEN_DATA}
    for row, target in zip(rows, listed):
        size = row.select_one("data")
        assert int(size["value"]) == target.stat().st_size, target.name
        assert size.get_text() == german_size(target.stat().st_size)
        licence = row.select("td a")[1]
        assert (licence.get_text(), licence["href"]) == ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.de")
        date = row.select_one("time")
        assert (date["datetime"], date.get_text()) == (expected_data_date().isoformat(), expected_data_date().strftime("%d.%m.%Y"))


def test_data_page_links_the_field_documentation_and_the_schema(real_site):
    site = real_site.site
    page_file = site / "daten" / "index.html"
    targets = {resolve(site, page_file, a["href"]) for a in real_site.page("daten/").select("article a[href]")}
    assert {site / "ueber" / "daten" / "index.html", site / "daten" / "beispiel.schema.json"} <= targets
    docs_file = site / "ueber" / "daten" / "index.html"
    documented = {resolve(site, docs_file, a["href"]) for a in real_site.page("ueber/daten/").select("article a[href]")}
    assert {page_file, *(site / path for path in OPEN_DATA)} <= documented


def test_json_has_one_record_per_case_page_that_agrees_with_it(real_site):
    records = load_records(real_site.site)
    assert sorted(record["slug"] for record in records) == case_slugs(real_site.site) == sorted(CASES)
    for record in records:
        page = real_site.page(f"beispiele/{record['slug']}/")
        assert record["url"] == page.select_one("link[rel=canonical]")["href"]
        assert record["title"] == page.select_one("article h1").get_text()
        assert record["summary"] == page.select_one(".atlas-lead").get_text()
        assert list(record) == list(RECORD_FIELDS)


def without_absent(value):
    if isinstance(value, dict):
        return {key: without_absent(item) for key, item in value.items() if item is not None and item != []}
    if isinstance(value, list):
        return [without_absent(item) for item in value]
    return value


def front_matter(record: dict) -> dict:
    """The case file's front matter, rebuilt from a flat record (slug, URL, labels and body left out)."""
    fields = ("title", "summary", "city", "city_type", "state", "size", "areas", "formats", "countries", "sdgs", "awards", "support", "sources", "reviewed")
    return without_absent({
        **{name: record[name] for name in fields},
        "partners": [{key: value for key, value in partner.items() if key != "type_label"} for partner in record["partners"]],
        "period": {"from": record["period_from"], "to": record["period_to"]} if record["period_from"] else None,
        "contact": {"name": record["contact_name"], "url": record["contact_url"]} if record["contact_name"] else None,
    })


def test_json_records_carry_every_front_matter_field_and_it_validates_against_the_schema(real_site):
    schema = json.loads((real_site.site / "daten" / "beispiel.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for record in load_records(real_site.site):
        rebuilt = front_matter(record)
        assert rebuilt == {**CASES[record["slug"]], "reviewed": CASES[record["slug"]]["reviewed"].isoformat()}
        errors = [error.message for error in validator.iter_errors(rebuilt)]
        assert errors == [], record["slug"]


def test_csv_round_trips_with_german_spreadsheet_settings(real_site):
    path = real_site.site / "daten" / "beispiele.csv"
    assert path.read_bytes().startswith(codecs.BOM_UTF8 + b"slug;url;title;")
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file, delimiter=";")
        rows = list(reader)
    records = load_records(real_site.site)
    assert reader.fieldnames == list(RECORD_FIELDS)
    assert len(rows) == len(records) == len(case_slugs(real_site.site))
    assert [row["title"] for row in rows] == [csv_cell(record["title"]) for record in records]
    for row, record in zip(rows, records):
        assert row["slug"] == record["slug"]
        assert row["areas"].split("; ") == record["areas"]
        assert row["body"] == csv_cell(record["body"])


def test_feed_is_atom_with_the_newest_cases_and_their_dates(real_site):
    feed = ET.parse(real_site.site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == FEED_TITLE
    assert feed.findtext(f"{ATOM}updated") == f"{newest_review().isoformat()}T00:00:00+00:00"
    newest_source = {slug: max(str(s.get("date") or "") for s in data["sources"]) for slug, data in CASES.items()}
    expected = sorted(sorted(CASES), key=lambda slug: (CASES[slug]["reviewed"], newest_source[slug]), reverse=True)[:20]
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [f"{SITE_URL}beispiele/{slug}/" for slug in expected]
    for slug, entry in zip(expected, entries):
        link = entry.find(f"{ATOM}link").get("href")
        assert link == entry.findtext(f"{ATOM}id")
        assert (real_site.site / urlsplit(link).path.lstrip("/") / "index.html").is_file()
        assert entry.findtext(f"{ATOM}title") == CASES[slug]["title"]
        assert entry.findtext(f"{ATOM}updated") == f"{CASES[slug]['reviewed'].isoformat()}T00:00:00+00:00"


@QUIET_RDFLIB
def test_catalog_is_dcat_json_ld_describing_the_files_as_built(real_site):
    graph = parse_catalog(real_site.site)
    [catalog] = graph.subjects(rdflib.RDF.type, DCAT.Catalog)
    [dataset] = graph.objects(catalog, DCAT.dataset)
    distributions = list(graph.objects(dataset, DCAT.distribution))
    assert len(distributions) == 3
    for distribution in distributions:
        url = str(graph.value(distribution, DCAT.downloadURL))
        file = real_site.site / urlsplit(url).path.lstrip("/")
        assert url.startswith(SITE_URL) and file.is_file()
        assert graph.value(distribution, DCAT.byteSize).toPython() == file.stat().st_size
        assert graph.value(distribution, DCTERMS.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
        assert graph.value(distribution, DCTERMS.title).language == "de"
    schema = graph.value(dataset, DCTERMS.conformsTo)
    assert schema == rdflib.URIRef(f"{SITE_URL}daten/beispiel.schema.json")
    publisher = os.environ.get("PRAXISATLAS_OPERATOR_NAME", "Betreiber noch nicht eingetragen")
    assert str(graph.value(graph.value(dataset, DCTERMS.publisher), FOAF.name)) == publisher
    assert graph.value(dataset, DCTERMS.modified).toPython() == expected_data_date()


def test_every_page_links_the_feed_in_its_head(real_site):
    site = real_site.site
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > len(CASES)
    for page in pages:
        head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        link = head.select_one('link[rel~=alternate][type="application/atom+xml"]')
        assert link is not None, page
        assert link["title"] == FEED_TITLE
        assert resolve(site, page, link["href"]) == site / "feed.xml", page


def test_two_builds_write_the_same_open_data_bytes(real_site, tmp_path):
    again = build_site(tmp_path, REPO / "examples")
    assert again.code == 0, again.output
    for path in (*OPEN_DATA, "daten/index.html"):
        assert (again.site / path).read_bytes() == (real_site.site / path).read_bytes(), path


@QUIET_RDFLIB
def test_operator_and_release_date_come_from_the_environment(tmp_path):
    operator = "Stadt Beispielhausen, Amt für Internationales"
    build = build_site(tmp_path, REPO / "examples", {"PRAXISATLAS_OPERATOR_NAME": operator, "SOURCE_DATE_EPOCH": "1798761600"})
    assert build.code == 0, build.output
    graph = parse_catalog(build.site)
    [dataset] = graph.subjects(rdflib.RDF.type, DCAT.Dataset)
    assert str(graph.value(graph.value(dataset, DCTERMS.publisher), FOAF.name)) == operator
    assert graph.value(dataset, DCTERMS.modified).toPython() == dt.date(2027, 1, 1)
    assert {time["datetime"] for time in build.page("daten/").select("article table time")} == {"2027-01-01"}
    feed = ET.parse(build.site / "feed.xml").getroot()
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == operator
    assert feed.findtext(f"{ATOM}updated") == f"{newest_review().isoformat()}T00:00:00+00:00"
