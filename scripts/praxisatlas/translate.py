"""Pydantic validation errors -> German Problems with file lines and hints.

Errors are mapped by their stable `type`, never shown raw (see pydantic's errors docs).
"""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import messages
from .countries import COUNTRY_CODES
from .model import YEAR_MAX, YEAR_MIN, Case
from .problems import Problem
from .source import PLAIN_DECIMAL, Location, RawCase
from .vocab import closest_choice, load_vocabularies

EXPECTED = {
    "string_type": "Text",
    "int_type": "ganze Zahl",
    "list_type": "Liste (jeder Eintrag in einer eigenen Zeile mit '- ')",
    "model_type": "Feldgruppe (eingerückte Zeilen der Form 'feld: wert')",
    "model_attributes_type": "Feldgruppe (eingerückte Zeilen der Form 'feld: wert')",
    "dict_type": "Feldgruppe (eingerückte Zeilen der Form 'feld: wert')",
    "date_type": "Datum im Format JJJJ-MM-TT ohne Anführungszeichen",
}
NUMBER_RANGES = {"sdgs": (1, 17), "rank": (1, 100)}
PATTERN_HINTS = {"date": "JJJJ, JJJJ-MM oder JJJJ-MM-TT in Anführungszeichen, z. B. \"2020-05\""}
# Our own error types (PydanticCustomError in model.py) whose context fills the message as is.
OWN_ERRORS = frozenset({"bad_url", "url_credentials", "url_host", "forbidden_character", "blank_text", "impossible_date"})


def model_at(loc: Location) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping found at `loc`."""
    model: type[BaseModel] = Case
    for part in loc:
        if isinstance(part, int):
            continue
        field = next((f for name, f in model.model_fields.items() if (f.alias or name) == part), None)
        if field is None:
            return None
        annotation = field.annotation
        if get_origin(annotation) is list:
            annotation = get_args(annotation)[0]
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return None
        model = annotation
    return model


def allowed_keys(loc: Location) -> list[str]:
    model = model_at(loc)
    return [f.alias or name for name, f in model.model_fields.items()] if model else []


def suggestion(value: str, choices: list[str]) -> str:
    match = closest_choice(value, choices)
    return f" — meinten Sie '{match}'?" if match else ""


def _problem_for(raw: RawCase, error: dict[str, Any]) -> Problem:
    loc: Location = tuple(error["loc"])
    kind, value, ctx = error["type"], error.get("input"), error.get("ctx") or {}
    line = raw.line_of(loc)
    key = str(next((part for part in reversed(loc) if isinstance(part, str)), ""))

    def make(code: str, **context: Any) -> Problem:
        return messages.problem(raw.path, line, loc, code, **context)

    if kind == "missing":
        return make("missing", key=key)
    if kind == "extra_forbidden":
        allowed = allowed_keys(loc[:-1])
        return make("unknown_key", key=key, suggestion=suggestion(key, allowed), allowed=", ".join(allowed))
    if kind in EXPECTED:
        if value is None:
            return make("empty_value")
        if kind == "string_type" and loc in raw.raw_scalars and not isinstance(value, (list, dict)):
            return make("text_expected", found=messages.describe(value), raw=raw.raw_scalars[loc])
        if kind == "int_type" and isinstance(value, str) and PLAIN_DECIMAL.fullmatch(value):
            return make("number_quoted", value=value)
        return make("wrong_type", expected=EXPECTED[kind], found=messages.describe(value))
    if kind == "string_too_short":
        return make("too_short_text", length=len(value), min=ctx["min_length"])
    if kind == "string_too_long":
        return make("too_long_text", length=len(value), max=ctx["max_length"])
    if kind == "too_short":
        return make("too_few_items", min=ctx["min_length"])
    if kind in ("greater_than_equal", "less_than_equal"):
        low, high = NUMBER_RANGES.get(key, (YEAR_MIN, YEAR_MAX))
        return make("out_of_range", value=value, min=low, max=high)
    if kind == "string_pattern_mismatch":
        return make("bad_pattern", value=value, pattern_hint=PATTERN_HINTS.get(key, "siehe Vorlage"))
    if kind == "unknown_vocab":
        vocabulary = load_vocabularies()[ctx["vocabulary"]]
        return make(
            "unknown_vocab",
            value=value,
            vocabulary_label=messages.FIELD_LABELS[vocabulary.name],
            suggestion=suggestion(value, vocabulary.slugs),
            allowed=", ".join(vocabulary.slugs),
        )
    if kind == "unknown_country":
        upper = value.upper().strip()
        hint = f" — meinten Sie '{upper}'?" if upper in COUNTRY_CODES else ""
        return make("unknown_country", value=value, suggestion=hint)
    if kind in OWN_ERRORS:
        return make(kind, value=value, **ctx)
    return make("invalid", value=value)


def validation_problems(raw: RawCase, error: ValidationError) -> list[Problem]:
    """The model's findings, without those about values the reader has refused already."""
    return [_problem_for(raw, item) for item in error.errors(include_url=False) if tuple(item["loc"]) not in raw.refused]
