"""Open data: one flat record per case, written as JSON and CSV from the same fields.

`RECORD_FIELDS` is the single list of exported columns; JSON keeps lists as lists, CSV
joins them with " | ". The JSON Schema of the contract is exported beside them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .model import json_schema_text
from .views import Atlas, case_url

RECORD_FIELDS = (
    "slug", "url", "title", "summary", "city", "city_type", "state", "size", "areas", "formats",
    "partners", "countries", "sdgs", "period_from", "period_to", "awards", "contact_name",
    "contact_url", "sources", "reviewed",
)
LIST_SEPARATOR = " | "


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


def to_csv(atlas: Atlas) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=RECORD_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in records(atlas):
        writer.writerow(
            {k: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else ("" if v is None else v) for k, v in row.items()}
        )
    return buffer.getvalue()


def data_files(atlas: Atlas) -> dict[str, str]:
    """Site path -> file content for the open-data folder (DESIGN.md URLs)."""
    return {
        "daten/beispiele.json": to_json(atlas),
        "daten/beispiele.csv": to_csv(atlas),
        "daten/beispiel.schema.json": json_schema_text(),
    }
