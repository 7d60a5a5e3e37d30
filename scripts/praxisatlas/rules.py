"""Rules that span several fields of one case and that no JSON Schema can express."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

from . import messages
from .contacts import find_contact_data
from .model import Case
from .problems import Problem
from .source import Location, RawCase

# Texts that only the editor template contains; a case still holding them is unfinished.
PLACEHOLDERS = ("Musterstadt", "example.org", "Titel des Beispiels", "Titel der Quelle", "Beispielverein")
UNIQUE_LISTS = ("areas", "formats", "countries", "sdgs", "support")


def _strings(value: Any, loc: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, loc + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, loc + (index,))


def case_rules(raw: RawCase, case: Case, today: dt.date) -> list[Problem]:
    """Duplicates in lists, dates in the future, sources without address or reason, period
    order, leftover placeholders, and personal contact data in any text (addresses are
    checked by the model instead)."""
    found: list[Problem] = []

    def add(loc: Location, code: str, **context: Any) -> None:
        found.append(messages.problem(raw.path, raw.line_of(loc), loc, code, **context))

    for name in UNIQUE_LISTS:
        first_index: dict[Any, int] = {}
        for index, item in enumerate(getattr(case, name) or []):
            if item in first_index:
                add((name, index), "duplicate_item", value=item, first=raw.line_of((name, first_index[item])))
            else:
                first_index[item] = index
    if case.reviewed > today:
        add(("reviewed",), "future_date", value=case.reviewed.isoformat())
    for index, award in enumerate(case.awards or []):
        if award.year > today.year:
            add(("awards", index, "year"), "future_award", value=award.year)
    for index, source in enumerate(case.sources):
        if source.url is None and source.offline is None:
            add(("sources", index, "title"), "source_without_url")
        elif source.url is not None and source.offline is not None:
            add(("sources", index, "offline"), "source_url_and_offline")
    if case.period and case.period.to is not None and case.period.from_ > case.period.to:
        add(("period", "from"), "period_order", start=case.period.from_, end=case.period.to)
    for loc, text in _strings(raw.data, ()):
        marker = next((p for p in PLACEHOLDERS if p in text), None)
        if marker:
            add(loc, "placeholder", text=marker)
        contacts = [] if loc[-1] == "url" else find_contact_data(text)
        if contacts:
            add(loc, "contact_data", snippet=", ".join(contacts))
    return found
