"""The case model (front-matter contract, version 1.1) as strict pydantic models.

Strict mode and extra="forbid" are the point: YAML 1.1 turns `NO` into False and
`2018-09-26` into a date, and an unknown key is usually a typo; none of that may pass
silently. Vocabulary fields carry their allowed slugs as JSON Schema enums, so the
exported schema and the model refuse the same values.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .characters import CLEAN_TEXT_PATTERN, forbidden_characters, listing
from .countries import COUNTRY_CODES
from .vocab import load_vocabularies
from .weburl import MAX_URL_LENGTH, address_problem, pattern

YEAR_MIN, YEAR_MAX = 1950, 2100
# JSON Schema form of check_text: no forbidden character, not blank.
TEXT_SCHEMA = {"pattern": CLEAN_TEXT_PATTERN, "not": {"pattern": r"^\s*$"}}


def vocabulary_slug(name: str, description: str) -> Any:
    """A string that must be a slug of the named vocabulary.

    The vocabulary file is read when a value is checked or the schema is built, never at
    import: a broken file must become problems the validator reports, not an import crash.
    """

    def check(value: str) -> str:
        if value not in load_vocabularies()[name].slugs:
            raise PydanticCustomError("unknown_vocab", "unknown {vocabulary}", {"vocabulary": name})
        return value

    def allowed(schema: dict[str, Any]) -> None:
        schema["enum"] = load_vocabularies()[name].slugs

    return Annotated[
        str,
        AfterValidator(check),
        Field(description=description, json_schema_extra=allowed),
    ]


def check_country(value: str) -> str:
    if value not in COUNTRY_CODES:
        raise PydanticCustomError("unknown_country", "unknown country code")
    return value


def check_text(value: Any) -> Any:
    """Before any other check of a text: no invisible or control character, not blank."""
    if isinstance(value, str):
        found = forbidden_characters(value)
        if found:
            raise PydanticCustomError("forbidden_character", "forbidden character", {"characters": listing(found)})
        if not value.strip():
            raise PydanticCustomError("blank_text", "blank text")
    return value


def web_address(*schemes: str) -> Any:
    """An absolute URL with one of the given schemes and a public domain name as host
    (weburl.address_problem), at most MAX_URL_LENGTH characters."""

    def check(value: str) -> str:
        problem = address_problem(value, schemes)
        if problem:
            code, context = problem
            raise PydanticCustomError(code, code.replace("_", " "), context)
        return value

    return Annotated[  # the Field first: its length limits then act on the string itself
        str,
        Field(max_length=MAX_URL_LENGTH, json_schema_extra={"format": "uri", "pattern": pattern(schemes)}),
        BeforeValidator(check_text),
        AfterValidator(check),
    ]


def text(min_length: int, max_length: int, description: str) -> Any:
    return Annotated[
        str,
        Field(min_length=min_length, max_length=max_length, description=description, json_schema_extra=TEXT_SCHEMA),
        BeforeValidator(check_text),
    ]


def check_calendar_date(value: str) -> str:
    """JJJJ-MM and JJJJ-MM-TT must exist in the calendar (the pattern lets 2023-02-30 through)."""
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(*parts, *[1] * (3 - len(parts)))
    except ValueError:
        raise PydanticCustomError("impossible_date", "no such date") from None
    return value


Year = Annotated[int, Field(ge=YEAR_MIN, le=YEAR_MAX, description="Jahr, vierstellig.")]
HttpsUrl = web_address("https")
AnyWebUrl = web_address("http", "https")
CountryCode = Annotated[
    str,
    AfterValidator(check_country),
    Field(
        description="Ländercode nach ISO 3166-1 alpha-2, z. B. SY.",
        json_schema_extra={"enum": sorted(COUNTRY_CODES)},
    ),
]
Sdg = Annotated[int, Field(ge=1, le=17, description="Nummer eines Ziels für nachhaltige Entwicklung (1–17).")]


def german(description: str, **extra: Any) -> ConfigDict:
    """Model settings whose schema description is German (docstrings stay English)."""
    return ConfigDict(json_schema_extra={"description": description, **extra})


class StrictModel(BaseModel):
    """Shared settings: no coercion, no unknown keys."""

    model_config = ConfigDict(strict=True, extra="forbid", populate_by_name=False)


class Partner(StrictModel):
    """A partner in the collaboration."""

    model_config = german("Ein an der Zusammenarbeit beteiligter Partner.")

    name: text(2, 200, "Name des Partners, wie er sich selbst nennt.")
    type: vocabulary_slug("partner_types", "Art des Partners (Vokabular partner_types).")
    url: AnyWebUrl = Field(None, description="Webseite des Partners (http oder https).")


class Period(StrictModel):
    """Years of the activity; no end year means it is still going on."""

    model_config = german("Zeitraum in Jahren; ohne Endjahr läuft das Beispiel noch.")

    from_: Year = Field(alias="from", description="Jahr des Beginns.")
    to: Year = Field(None, description="Jahr des Endes; weglassen, wenn das Beispiel noch läuft.")


class Award(StrictModel):
    """A prize the activity received, as a source documents it."""

    model_config = german("Eine Auszeichnung, wie eine Quelle sie belegt.")

    name: text(3, 200, "Name des Preises oder Wettbewerbs.")
    year: Year
    rank: Annotated[int, Field(ge=1, le=100, description="Platz, falls die Quelle ihn nennt.")] = None
    category: text(2, 200, "Kategorie, falls die Quelle sie nennt.") = None


class Contact(StrictModel):
    """The office or organisation to ask, never a private person."""

    model_config = german("Ansprechstelle: eine Dienststelle oder Organisation, nie eine Privatperson.")

    name: text(3, 200, "Name der Dienststelle oder Organisation.")
    url: HttpsUrl = Field(None, description="Öffentliche Webseite der Ansprechstelle (https).")


class Source(StrictModel):
    """Where the facts of the case come from."""

    model_config = german("Eine Quelle der Angaben.")

    title: text(3, 300, "Titel der Quelle, genau wie sie ihn nennt.")
    publisher: text(2, 200, "Herausgeber der Quelle.") = None
    url: HttpsUrl = Field(None, description="Adresse der Quelle (https).")
    offline: text(5, 200, "Nur ohne url: warum die Quelle keine Web-Adresse hat, z. B. gedrucktes Heft (ab Vertrag 1.1).") = None
    date: Annotated[
        str,
        Field(
            pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
            description="Erscheinungsdatum der Quelle: JJJJ, JJJJ-MM oder JJJJ-MM-TT, in Anführungszeichen.",
            # The schema also refuses month 13 and day 32; only the model knows 2023-02-30.
            json_schema_extra={"pattern": r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"},
        ),
        AfterValidator(check_calendar_date),
    ] = None


class Case(StrictModel):
    """The front matter of one case file (contract version 1.1: version 1 plus `support` and
    `sources[].offline`)."""

    model_config = german(
        "Front Matter eines Praxisbeispiels im Praxisatlas Migration & Entwicklung (Vertrag Version 1.1).",
        title="Praxisbeispiel",
    )

    title: text(5, 120, "Titel des Beispiels.")
    summary: text(50, 300, "Kurzfassung in ein bis zwei Sätzen, reiner Text (für Karten, Suche, Vorschau).")
    city: text(2, 100, "Name der Kommune (Stadt, Gemeinde oder Kreis), z. B. Kreis Düren.")
    city_type: vocabulary_slug("city_types", "Art der Kommune: stadt, gemeinde oder kreis.")
    state: vocabulary_slug("states", "Bundesland als Kürzel nach ISO 3166-2:DE ohne Präfix.")
    size: vocabulary_slug("sizes", "Größenklasse der Kommune.") = None
    areas: list[vocabulary_slug("areas", "Handlungsfeld.")] = Field(
        min_length=1, description="Handlungsfelder der Zusammenarbeit (mindestens eines)."
    )
    formats: list[vocabulary_slug("formats", "Format.")] = Field(
        min_length=1, description="Formate der Zusammenarbeit (mindestens eines)."
    )
    partners: list[Partner] = Field(min_length=1, description="Beteiligte Partner (mindestens einer).")
    countries: list[CountryCode] = Field(None, description="Partner- oder Herkunftsländer.")
    sdgs: list[Sdg] = Field(None, description="Berührte Ziele für nachhaltige Entwicklung.")
    period: Period = Field(None, description="Zeitraum des Beispiels.")
    awards: list[Award] = Field(None, description="Auszeichnungen.")
    contact: Contact = Field(None, description="Ansprechstelle (Dienststelle oder Organisation).")
    support: list[vocabulary_slug("programmes", "Förder- oder Unterstützungsprogramm.")] = Field(
        None, description="Förder- und Unterstützungsprogramme, die laut Quellen genutzt wurden (ab Vertrag 1.1)."
    )
    sources: list[Source] = Field(min_length=1, description="Quellen aller Angaben (mindestens eine).")
    reviewed: dt.date = Field(description="Datum, an dem die Angaben zuletzt geprüft wurden (JJJJ-MM-TT).")


def _without_python_details(node: Any) -> Any:
    """Drop `default: null` (null is never allowed) and pydantic's English property titles."""
    if isinstance(node, list):
        return [_without_python_details(item) for item in node]
    if not isinstance(node, dict):
        return node
    cleaned = {}
    for key, value in node.items():
        if key == "default" and value is None:
            continue
        if key == "properties":
            value = {name: {k: v for k, v in prop.items() if k != "title"} for name, prop in value.items()}
        cleaned[key] = _without_python_details(value)
    return cleaned


def json_schema() -> dict[str, Any]:
    """The contract as JSON Schema (draft 2020-12), with German descriptions."""
    schema = _without_python_details(Case.model_json_schema(by_alias=True))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
