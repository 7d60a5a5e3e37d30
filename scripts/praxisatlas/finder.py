"""What the finder filters by: the facets, each case's values, and what the search index
stores for a result card. Pure Python over the Atlas, used by the case pages (as Pagefind
filters and metadata) and by the finder page (labels, counts, the no-JavaScript list).

Facet names are the URL parameters fixed in DESIGN.md (`/finden/?handlungsfeld=…`), and
values are vocabulary slugs in lower case, so a shared link means the same to everyone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .cases import CaseFile
from .countries import country_name_de
from .slugs import slugify
from .views import FINDER_PARAMS, Atlas

YES = "1"
# Results the finder shows at once, on the server-rendered page and in finder.js
# (data-page-size): the first result needs only this many Pagefind fragments (issue #12).
FINDER_PAGE_SIZE = 20


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    """One group of checkboxes in the finder: URL parameter, heading, options with counts."""

    param: str
    label: str
    options: tuple[Option, ...]


# (URL parameter, heading, vocabulary or None for facets computed from other fields)
FACETS = (
    (FINDER_PARAMS["areas"], "Handlungsfeld", "areas"),
    (FINDER_PARAMS["formats"], "Format", "formats"),
    (FINDER_PARAMS["states"], "Bundesland", "states"),
    ("groesse", "Größe", "sizes"),
    ("partnertyp", "Partnertyp", "partner_types"),
    ("land", "Land", None),
    ("sdg", "Nachhaltigkeitsziel (SDG)", None),
    (FINDER_PARAMS["programmes"], "Förderung/Unterstützung", "programmes"),
    ("ausgezeichnet", "Auszeichnung", None),
    ("laufend", "Stand", None),
)
FLAG_LABELS = {"ausgezeichnet": "mit Auszeichnung", "laufend": "läuft noch"}


def facet_values(item: CaseFile) -> dict[str, list[str]]:
    """Every facet value of one case, as the finder and its URLs spell them."""
    case = item.case
    values = {
        "handlungsfeld": list(case.areas),
        "format": list(case.formats),
        "bundesland": [case.state.lower()],
        "groesse": [case.size] if case.size else [],
        "partnertyp": sorted({partner.type for partner in case.partners}),
        "land": [code.lower() for code in case.countries or []],
        "sdg": [str(number) for number in case.sdgs or []],
        "foerderung": list(case.support or []),
        "ausgezeichnet": [YES] if case.awards else [],
        "laufend": [YES] if case.period and case.period.to is None else [],
    }
    return {param: values[param] for param, _, _ in FACETS}


def _label(atlas: Atlas, param: str, vocabulary: str | None, value: str) -> str:
    if vocabulary == "states":
        return atlas.vocab["states"].label(value.upper())
    if vocabulary:
        return atlas.vocab[vocabulary].label(value)
    if param == "land":
        return country_name_de(value.upper())
    if param == "sdg":
        return f"SDG {value}"
    return FLAG_LABELS[param]


def _order(atlas: Atlas, param: str, vocabulary: str | None, values: set[str]) -> list[str]:
    """Vocabulary order where there is one, SDGs by number, countries by German name."""
    if vocabulary == "states":
        return [term.slug.lower() for term in atlas.vocab["states"].terms if term.slug.lower() in values]
    if vocabulary:
        return [slug for slug in atlas.vocab[vocabulary].slugs if slug in values]
    if param == "sdg":
        return sorted(values, key=int)
    return sorted(values, key=lambda value: slugify(_label(atlas, param, vocabulary, value)))


def facets(atlas: Atlas) -> list[Facet]:
    """Every facet with the values that occur in the cases and how many cases have each.

    Vocabulary values without cases are listed too (count 0), so the finder shows what
    the atlas could hold; other facets list only values that occur.
    """
    counts = {param: Counter() for param, _, _ in FACETS}
    for item in atlas.cases:
        for param, values in facet_values(item).items():
            counts[param].update(values)
    result = []
    for param, label, vocabulary in FACETS:
        present = set(counts[param])
        if vocabulary == "states":
            present |= {slug.lower() for slug in atlas.vocab["states"].slugs}
        elif vocabulary:
            present |= set(atlas.vocab[vocabulary].slugs)
        options = tuple(
            Option(value, _label(atlas, param, vocabulary, value), counts[param][value])
            for value in _order(atlas, param, vocabulary, present)
        )
        result.append(Facet(param, label, options))
    return result


def search_terms(item: CaseFile) -> str:
    """Spellings of the place and title without umlauts ("Koeln", "Koln"), so that people
    who cannot type ä, ö, ü, ß still find the case."""
    words = f"{item.case.city} {item.case.title}".split()
    variants = set()
    for word in words:
        spelled_out = slugify(word)  # ä -> ae, ß -> ss
        stripped = word.lower().translate(str.maketrans("äöüß", "aous"))
        variants |= {v for v in (spelled_out, stripped) if v and v != word.lower()}
    return " ".join(sorted(variants))
