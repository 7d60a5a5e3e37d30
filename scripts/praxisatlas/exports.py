"""Open data: one flat record per case, written as JSON and CSV from the same fields.

`RECORD_FIELDS` is the single list of exported columns; JSON keeps lists as lists, CSV
joins them with " | ". The JSON Schema of the contract is exported beside them.

JSON keeps every text exactly. CSV is opened in spreadsheets, which run a cell as a formula
when it starts with = + - @ (OWASP "CSV Injection"), so such cells get a leading ' and
every value is quoted, also against spreadsheets that split cells at ';'.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from .model import json_schema_text
from .views import Atlas, case_url

RECORD_FIELDS = (
    "slug", "url", "title", "summary", "city", "city_type", "state", "size", "areas", "formats",
    "partners", "countries", "sdgs", "period_from", "period_to", "awards", "contact_name",
    "contact_url", "sources", "reviewed",
)
LIST_SEPARATOR = " | "
# A formula start, also behind leading whitespace that a spreadsheet may trim, and the
# tab, carriage return and NUL that OWASP and ASVS 1.2.10 name.
FORMULA_START = re.compile(r"^(?:\s*[=+\-@]|[\t\r\x00])")


def record(atlas: Atlas, slug: str) -> dict[str, Any]:
    """One case as a flat record with slugs (not labels), in RECORD_FIELDS order."""
    case = atlas.by_slug[slug].case
    values = {
        "slug": slug,
        "url": case_url(slug),
        "title": case.title,
        "summary": case.summary,
        "city": case.city,
        "city_type": case.city_type,
        "state": case.state,
        "size": case.size,
        "areas": list(case.areas),
        "formats": list(case.formats),
        "partners": [f"{p.name} ({p.type})" for p in case.partners],
        "countries": list(case.countries or []),
        "sdgs": list(case.sdgs or []),
        "period_from": case.period.from_ if case.period else None,
        "period_to": case.period.to if case.period else None,
        "awards": [f"{a.name} {a.year}" for a in case.awards or []],
        "contact_name": case.contact.name if case.contact else None,
        "contact_url": case.contact.url if case.contact else None,
        "sources": [s.url or s.title for s in case.sources],
        "reviewed": case.reviewed.isoformat(),
    }
    return {name: values[name] for name in RECORD_FIELDS}


def records(atlas: Atlas) -> list[dict[str, Any]]:
    return [record(atlas, item.slug) for item in atlas.cases]


def to_json(atlas: Atlas) -> str:
    return json.dumps(records(atlas), ensure_ascii=False, indent=2) + "\n"


def csv_cell(value: Any) -> str:
    """One value as CSV cell text that no spreadsheet runs as a formula."""
    text = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, list) else "" if value is None else str(value)
    return "'" + text if FORMULA_START.match(text) else text


def to_csv(atlas: Atlas) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(RECORD_FIELDS)  # our own names
    values = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    for row in records(atlas):
        values.writerow(csv_cell(row[name]) for name in RECORD_FIELDS)
    return buffer.getvalue()


def data_files(atlas: Atlas) -> dict[str, str]:
    """Site path -> file content for the open-data folder (DESIGN.md URLs)."""
    return {
        "daten/beispiele.json": to_json(atlas),
        "daten/beispiele.csv": to_csv(atlas),
        "daten/beispiel.schema.json": json_schema_text(),
    }
