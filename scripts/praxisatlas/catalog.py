"""The DCAT-AP.de catalogue of the open data (katalog.jsonld), so that data portals such as
GovData can list and harvest it.

One dcat:Dataset, the cases, with one dcat:Distribution per file that represents them
(JSON, CSV, Atom). The case contract (JSON Schema) is the dataset's dct:conformsTo: it
describes the cases, not the flat export records, so it is not claimed for a single file.
JSON-LD with an inline context, so it parses without fetching anything; keys are sorted
and the only date is the data's own, so two builds write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

if TYPE_CHECKING:  # exports.py builds the files and imports this module
    from .exports import DataFile

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


def _de(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "de"}


def _ref(url: str) -> dict[str, str]:
    return {"@id": url}


def catalog_jsonld(
    distributions: list[DataFile],
    schema: DataFile,
    site_url: str,
    site_name: str,
    publisher: str,
    modified: dt.date,
) -> bytes:
    """The catalogue as JSON-LD; every URL absolute below `site_url`."""
    landing_page = urljoin(site_url, "daten/")
    date = {"@value": modified.isoformat(), "@type": "xsd:date"}
    agent = {"@id": "_:betreiber", "@type": "foaf:Agent", "foaf:name": publisher}
    german = _ref(EU_AUTHORITY + "language/DEU")

    def distribution(file: DataFile) -> dict[str, Any]:
        url = urljoin(site_url, file.path)
        return {
            "@id": f"{landing_page}#{file.name}",
            "@type": "dcat:Distribution",
            "dct:title": _de(file.title),
            "dct:description": _de(file.description),
            "dcat:accessURL": _ref(url),
            "dcat:downloadURL": _ref(url),
            "dcat:mediaType": _ref(IANA_MEDIA_TYPES + file.media_type),
            "dct:format": _ref(EU_AUTHORITY + "file-type/" + file.eu_file_type),
            "dcat:byteSize": {"@value": str(file.size), "@type": "xsd:nonNegativeInteger"},
            "dct:license": _ref(LICENCE_URL),
            "dcatde:licenseAttributionByText": _de(site_name),
            "dct:modified": date,
        }

    catalog = {
        "@context": CONTEXT,
        "@id": urljoin(site_url, "daten/katalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": _de(site_name),
        "dct:description": _de(
            "Offene Daten des Praxisatlas: gute Beispiele kommunaler Entwicklungspolitik mit "
            "Migrantinnen und Migranten, Diaspora-Organisationen und Eine-Welt-Gruppen."
        ),
        "dct:publisher": agent,
        "dct:language": german,
        "dct:modified": date,
        "foaf:homepage": _ref(site_url),
        "dcat:dataset": {
            "@id": f"{landing_page}#beispiele",
            "@type": "dcat:Dataset",
            "dct:title": _de("Praxisbeispiele Migration und Entwicklung"),
            "dct:description": _de(
                "Gute Beispiele aus deutschen Städten, Gemeinden und Kreisen, die mit Migrantinnen "
                "und Migranten, Diaspora-Organisationen und Eine-Welt-Gruppen kommunale "
                "Entwicklungspolitik gestalten: Kommune, Bundesland, Handlungsfelder, Formate, "
                "Partner, Quellen und Beschreibung, jede Angabe mit Quellen belegt."
            ),
            "dct:publisher": agent,
            "dct:language": german,
            "dct:modified": date,
            "dct:spatial": _ref(EU_AUTHORITY + "country/DEU"),
            "dct:accessRights": _ref(EU_AUTHORITY + "access-right/PUBLIC"),
            "dcat:theme": _ref(EU_AUTHORITY + "data-theme/SOCI"),
            "dcat:keyword": [_de(word) for word in ("Migration", "Entwicklungspolitik", "Kommunen", "Diaspora", "Eine Welt")],
            "dcat:landingPage": _ref(landing_page),
            "dct:conformsTo": {
                "@id": urljoin(site_url, schema.path),
                "@type": "dct:Standard",
                "dct:title": _de(schema.title),
            },
            "dcat:distribution": [distribution(file) for file in distributions],
        },
    }
    return (json.dumps(catalog, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
