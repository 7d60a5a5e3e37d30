"""Open data: the files of /daten/ and /feed.xml, all from the one case model.

`RECORD_FIELDS` is the single list of exported fields: one flat record per case, with the
slugs of the case files and their German labels beside them. JSON keeps lists as lists and
partners, awards and sources as objects; CSV writes the same fields for German spreadsheets
(semicolon, UTF-8 with BOM, list items joined with "; ", each object as one phrase).
`published()` is the one list of files with what /daten/ and the catalogue say about them,
so the page, the catalogue and the written files cannot disagree on a name or a size.

JSON keeps every text exactly. CSV is opened in spreadsheets, which run a cell as a formula
when it starts with = + - @ (OWASP "CSV Injection"), so such cells get a leading ' and
every value is quoted, which also keeps a "; " inside a cell from splitting it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin

from .catalog import LICENCE_URL, catalog_jsonld
from .countries import country_name_de
from .feeds import FEED_SIZE, atom_feed
from .model import json_schema_text
from .views import Atlas, case_url

SITE_NAME = "Praxisatlas Migration & Entwicklung"
FEED_TITLE = f"{SITE_NAME}: neue und geprüfte Beispiele"
LICENCE_NAME = "CC BY 4.0"
RECORD_FIELDS = (
    "slug", "url", "title", "summary", "city", "city_type", "city_type_label", "state", "state_label",
    "size", "size_label", "areas", "area_labels", "formats", "format_labels", "partners", "countries",
    "country_names", "sdgs", "period_from", "period_to", "awards", "contact_name", "contact_url",
    "support", "support_labels", "sources", "reviewed", "body",
)
LIST_SEPARATOR = "; "
CSV_DELIMITER = ";"
# A formula start, also behind leading whitespace that a spreadsheet may trim, and the
# tab, carriage return and NUL that OWASP and ASVS 1.2.10 name.
FORMULA_START = re.compile(r"^(?:\s*[=+\-@]|[\t\r\x00])")


def _phrase(head: str, *details: Any) -> str:
    """`head (detail, detail)`, leaving out details that are absent."""
    present = ", ".join(str(detail) for detail in details if detail is not None)
    return f"{head} ({present})" if present else head


# How a CSV cell shows each object that JSON keeps as an object.
OBJECT_TEXT = {
    "partners": lambda p: _phrase(p["name"], p["type_label"], p["url"]),
    "awards": lambda a: _phrase(f"{a['name']} {a['year']}", a["rank"] and f"{a['rank']}. Platz", a["category"]),
    "sources": lambda s: _phrase(s["title"], s["publisher"], s["date"], s["url"] or s["offline"]),
}


def record(atlas: Atlas, slug: str, site_url: str) -> dict[str, Any]:
    """One case as a flat record in RECORD_FIELDS order; absent optional values are None."""
    item = atlas.by_slug[slug]
    case, vocab = item.case, atlas.vocab
    values = {
        "slug": slug,
        "url": urljoin(site_url, case_url(slug)),
        "title": case.title,
        "summary": case.summary,
        "city": case.city,
        "city_type": case.city_type,
        "city_type_label": vocab["city_types"].label(case.city_type),
        "state": case.state,
        "state_label": vocab["states"].label(case.state),
        "size": case.size,
        "size_label": vocab["sizes"].label(case.size) if case.size else None,
        "areas": list(case.areas),
        "area_labels": [vocab["areas"].label(area) for area in case.areas],
        "formats": list(case.formats),
        "format_labels": [vocab["formats"].label(format_) for format_ in case.formats],
        "partners": [
            {"name": p.name, "type": p.type, "type_label": vocab["partner_types"].label(p.type), "url": p.url}
            for p in case.partners
        ],
        "countries": list(case.countries or []),
        "country_names": [country_name_de(code) for code in case.countries or []],
        "sdgs": list(case.sdgs or []),
        "period_from": case.period.from_ if case.period else None,
        "period_to": case.period.to if case.period else None,
        "awards": [award.model_dump() for award in case.awards or []],
        "contact_name": case.contact.name if case.contact else None,
        "contact_url": case.contact.url if case.contact else None,
        "support": list(case.support or []),
        "support_labels": [vocab["programmes"].label(slug) for slug in case.support or []],
        "sources": [source.model_dump() for source in case.sources],
        "reviewed": case.reviewed.isoformat(),
        "body": item.body.strip("\n"),
    }
    return {name: values[name] for name in RECORD_FIELDS}


def records(atlas: Atlas, site_url: str) -> list[dict[str, Any]]:
    return [record(atlas, item.slug, site_url) for item in atlas.cases]


def to_json(atlas: Atlas, site_url: str) -> str:
    return json.dumps(records(atlas, site_url), ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: Any) -> str:
    """One value as CSV cell text that no spreadsheet runs as a formula."""
    text = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
    return "'" + text if FORMULA_START.match(text) else text


def csv_row(row: dict[str, Any]) -> list[str]:
    return [
        csv_cell([OBJECT_TEXT[name](item) for item in row[name]] if name in OBJECT_TEXT else row[name])
        for name in RECORD_FIELDS
    ]


def to_csv(atlas: Atlas, site_url: str) -> str:
    """CSV for German spreadsheets; the byte order mark makes Excel read it as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n").writerow(RECORD_FIELDS)  # our own names
    values = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    values.writerows(csv_row(row) for row in records(atlas, site_url))
    return buffer.getvalue()


def data_date(atlas: Atlas, environ: Mapping[str, str] = os.environ) -> dt.date:
    """The date the data is as of: SOURCE_DATE_EPOCH when a release build sets it
    (reproducible-builds.org), else the newest review; never the build time."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return max(item.case.reviewed for item in atlas.cases)


def german_size(size: int) -> str:
    """A file size as German readers expect it: 850 Bytes, 12 KB, 1,4 MB (1 KB = 1024 Bytes)."""
    if size < 1024:
        return f"{size} Bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


@dataclass(frozen=True)
class DataFile:
    """One published file and what the page and the catalogue say about it."""

    path: str  # below the site root
    title: str
    description: str  # what it is for, shown on /daten/
    format: str
    media_type: str
    content: bytes
    eu_file_type: str | None = None  # for a distribution: its code in the EU file-type list (DCAT-AP.de)

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def size_label(self) -> str:
        return german_size(self.size)


def published(atlas: Atlas, settings: Mapping[str, Any]) -> list[DataFile]:
    """Every open-data file in the order /daten/ lists them.

    `settings` are the site's atlas settings with `site_url` (absolute URLs in the JSON,
    feed and catalogue) and `operator_name` (author of the feed, publisher in the catalogue).
    """
    site_url, operator = settings["site_url"], settings["operator_name"]
    cases = DataFile(
        path="daten/beispiele.json",
        title="Praxisbeispiele als JSON",
        description="Alle Beispiele mit allen Angaben, den Bezeichnungen zu den Kürzeln und dem Text "
        "in Markdown: für eigene Anwendungen und Auswertungen.",
        format="JSON",
        media_type="application/json",
        content=to_json(atlas, site_url).encode(),
        eu_file_type="JSON",
    )
    table = DataFile(
        path="daten/beispiele.csv",
        title="Praxisbeispiele als Tabelle (CSV)",
        description="Dieselben Angaben als Tabelle, eine Zeile je Beispiel: öffnet sich direkt in "
        "Excel und LibreOffice (Semikolon als Trenner, UTF-8).",
        format="CSV",
        media_type="text/csv",
        content=to_csv(atlas, site_url).encode(),
        eu_file_type="CSV",
    )
    feed = DataFile(
        path="feed.xml",
        title="Neue und geprüfte Praxisbeispiele (Atom-Feed)",
        description=f"Die {FEED_SIZE} zuletzt aufgenommenen oder geprüften Beispiele: zum Abonnieren "
        "im Feedreader oder E-Mail-Programm.",
        format="Atom",
        media_type="application/atom+xml",
        content=atom_feed(atlas, site_url, FEED_TITLE, operator, f"{LICENCE_NAME} {LICENCE_URL}"),
        eu_file_type="ATOM",
    )
    schema = DataFile(
        path="daten/beispiel.schema.json",
        title="Datenvertrag der Beispieldateien (JSON Schema)",
        description="Welche Angaben ein Beispiel hat und welche Werte erlaubt sind, maschinenlesbar: "
        "zum Prüfen eigener Beispieldateien.",
        format="JSON Schema",
        media_type="application/schema+json",
        content=json_schema_text().encode(),
    )
    catalog = DataFile(
        path="daten/katalog.jsonld",
        title="Katalog der offenen Daten (DCAT-AP.de)",
        description="Beschreibt diese Dateien für Datenportale wie GovData: Inhalt, Formate, Lizenz "
        "und Herausgeber.",
        format="JSON-LD",
        media_type="application/ld+json",
        content=catalog_jsonld([cases, table, feed], schema, site_url, SITE_NAME, operator, data_date(atlas)),
    )
    return [cases, table, feed, schema, catalog]


def data_files(atlas: Atlas, settings: Mapping[str, Any]) -> dict[str, bytes]:
    """Site path -> file content for the open data (DESIGN.md URLs)."""
    return {file.path: file.content for file in published(atlas, settings)}


def data_page(atlas: Atlas, settings: Mapping[str, Any]) -> dict[str, Any]:
    """What /daten/ shows: the files with their real sizes, the licence, the date and the publisher."""
    date = data_date(atlas)
    return {
        "files": published(atlas, settings),
        "licence": {"name": LICENCE_NAME, "deed": LICENCE_URL + "deed.de"},  # the German summary
        "date": date.strftime("%d.%m.%Y"),  # short German form: the table has six columns
        "date_iso": date.isoformat(),
        "publisher": settings["operator_name"],
    }
