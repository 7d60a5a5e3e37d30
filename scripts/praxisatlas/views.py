"""View data for templates: labels instead of slugs, German names and dates, URLs,
ordering and related cases. Pure Python: templates only lay this data out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from .cases import CaseFile
from .countries import country_name_de
from .pagination import Pagination, paginate
from .related import RelatedIndex
from .slugs import slugify
from .vocab import Vocabulary, load_vocabularies

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember")
MAX_RELATED = 3
# URL prefix of each index kind (DESIGN.md, URL scheme) and the case field it groups by.
INDEX_KINDS = {
    "areas": ("handlungsfelder", "Handlungsfelder"),
    "formats": ("formate", "Formate"),
    "states": ("bundeslaender", "Bundesländer"),
}
# The finder's URL parameter for each index kind (DESIGN.md, URLs: finder state).
FINDER_PARAMS = {"areas": "handlungsfeld", "formats": "format", "states": "bundesland", "programmes": "foerderung"}
# The case field that holds a vocabulary's slugs, where it is not named like the vocabulary.
CASE_FIELDS = {"programmes": "support"}
PROGRAMMES_PAGE = "foerderung/"
# Cards per programme on /foerderung/; the finder link carries the rest of a long list.
PROGRAMME_PREVIEW = 6


def case_url(slug: str) -> str:
    return f"beispiele/{slug}/"


def term_url(kind: str, slug: str) -> str:
    return f"{INDEX_KINDS[kind][0]}/{slug.lower()}/"


def programme_url(slug: str) -> str:
    """Programmes share one page (/foerderung/), one section each."""
    return f"{PROGRAMMES_PAGE}#{slug}"


def finder_url(kind: str, slug: str) -> str:
    """The finder with one term preselected, e.g. `finden/?bundesland=by`: site-relative
    like the other URLs here, so templates pass it through `url_for`."""
    return "finden/?" + urlencode({FINDER_PARAMS[kind]: slug.lower()})


def german_date(value) -> str:
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def german_partial_date(value: str) -> str:
    """A source date as JJJJ, JJJJ-MM or JJJJ-MM-TT, written the German way."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]}. {month} {parts[0]}"


def source_line(source) -> dict:
    """A source as the page and the printout show it: title, then publisher and date as one
    phrase that ends with exactly one full stop ("KölnAgenda e.V., Mai 2011.")."""
    details = ", ".join(part for part in (source.publisher, source.date and german_partial_date(source.date)) if part)
    if details and not details.endswith("."):
        details += "."
    return {"title": source.title, "url": source.url, "details": details, "offline": source.offline}


def sort_key(item: CaseFile) -> tuple[str, str]:
    """Municipality, then title, with umlauts spelled out so Ä sorts like Ae."""
    return slugify(item.case.city), slugify(item.case.title)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class Card:
    """What a list shows of a case: enough to decide whether to read it."""

    title: str
    url: str
    city: str
    state: str
    summary: str
    formats: tuple[str, ...]
    reviewed: str
    areas: tuple[str, ...] = ()
    size: str | None = None


@dataclass(frozen=True)
class RelatedCard:
    """A related case: its card and why it is related, strongest reason first."""

    card: Card
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class TermCard:
    """One entry of an overview page: a vocabulary term with its number of cases."""

    label: str
    description: str
    url: str
    count: int


@dataclass(frozen=True)
class ProgrammeView:
    """A support programme on /foerderung/: what it is, who funds it, which cases used it."""

    slug: str
    label: str
    description: str
    funder: str
    url: str
    finder_url: str
    cards: list[Card]
    count: int = 0  # all cases naming the programme; `cards` shows the first of them


@dataclass
class CaseView:
    """Everything the case page shows besides the body."""

    slug: str
    title: str
    summary: str
    city: str
    city_type: str
    state: Link
    size: str | None
    period: str | None
    areas: list[Link]
    formats: list[Link]
    partners: list[dict]
    countries: list[str]
    sdgs: list[int]
    awards: list[str]
    contact: dict | None
    sources: list[dict]
    reviewed: str
    reviewed_iso: str
    edit_path: str
    support: list[Link] = field(default_factory=list)
    size_label: str | None = None
    sort_key: str = ""
    related: list[RelatedCard] = field(default_factory=list)


class Atlas:
    """All valid cases with the vocabularies, answering what each page needs."""

    def __init__(self, cases: Sequence[CaseFile], vocabularies: dict[str, Vocabulary] | None = None):
        self.vocab = vocabularies or load_vocabularies()
        self.cases = sorted(cases, key=sort_key)
        self.by_slug = {item.slug: item for item in self.cases}
        self._related: RelatedIndex | None = None  # built on first use, once per atlas
        self._related_cards: dict[str, list[RelatedCard]] = {}
        self._by_term = self._index_terms()

    def card(self, item: CaseFile) -> Card:
        case = item.case
        return Card(
            title=case.title,
            url=case_url(item.slug),
            city=case.city,
            state=self.vocab["states"].label(case.state),
            summary=case.summary,
            formats=tuple(self.vocab["formats"].label(f) for f in case.formats),
            reviewed=german_date(case.reviewed),
            areas=tuple(self.vocab["areas"].label(a) for a in case.areas),
            size=self.vocab["sizes"].label(case.size) if case.size else None,
        )

    def _index_terms(self) -> dict[tuple[str, str], list[CaseFile]]:
        """Every list page asks for the cases of one term: one pass over the cases builds
        all those lists, so the pages cost no pass of their own (linear build, issue #12)."""
        index: dict[tuple[str, str], list[CaseFile]] = {}
        for item in self.cases:
            index.setdefault(("states", item.case.state), []).append(item)
            for kind in ("areas", "formats", "programmes"):
                for slug in dict.fromkeys(getattr(item.case, CASE_FIELDS.get(kind, kind)) or ()):
                    index.setdefault((kind, slug), []).append(item)
        return index

    def cases_with(self, kind: str, slug: str) -> list[CaseFile]:
        """Cases tagged with one term, in the stable list order."""
        return self._by_term.get((kind, slug), [])

    def term_page(self, kind: str, slug: str, number: int) -> tuple[list[Card], Pagination]:
        """One page of a term's list (pagination.py): its cards and its navigation."""
        items, pagination = paginate(self.cases_with(kind, slug), number, term_url(kind, slug), lambda item: item.case.city)
        return [self.card(item) for item in items], pagination

    def overview(self, kind: str) -> list[TermCard]:
        return [
            TermCard(term.label, term.description, term_url(kind, term.slug), len(self.cases_with(kind, term.slug)))
            for term in self.vocab[kind].terms
        ]

    def programmes(self) -> list[ProgrammeView]:
        """Every programme of the vocabulary, in its order, with the cases that name it."""
        return [
            ProgrammeView(
                term.slug, term.label, term.description, term.funder, term.url,
                finder_url("programmes", term.slug),
                [self.card(item) for item in self.cases_with("programmes", term.slug)[:PROGRAMME_PREVIEW]],
                len(self.cases_with("programmes", term.slug)),
            )
            for term in self.vocab["programmes"].terms
        ]

    def newest_items(self, count: int) -> list[CaseFile]:
        """Most recently reviewed first; among equal review dates the one with the newest
        source, then the slug, so the choice never depends on input order (home, feed)."""
        ordered = sorted(self.cases, key=lambda item: item.slug)
        ordered.sort(key=lambda item: max(source.date or "" for source in item.case.sources), reverse=True)
        ordered.sort(key=lambda item: item.case.reviewed, reverse=True)
        return ordered[:count]

    def newest(self, count: int = 6) -> list[Card]:
        return [self.card(item) for item in self.newest_items(count)]

    def related(self, item: CaseFile) -> list[RelatedCard]:
        """Up to three cases with the most in common, each with the reasons (related.py);
        worked out once per case (the page and its contents list both ask)."""
        if self._related is None:
            self._related = RelatedIndex(self.cases, self.feature_label)
        if item.slug not in self._related_cards:
            matches = self._related.related(item, MAX_RELATED)
            self._related_cards[item.slug] = [RelatedCard(self.card(match.item), match.reasons) for match in matches]
        return self._related_cards[item.slug]

    def feature_label(self, field_name: str, value: str) -> str:
        """What a visitor reads for a slug or code of a case field."""
        if field_name == "countries":
            return country_name_de(value)
        vocabulary = next((name for name, case_field in CASE_FIELDS.items() if case_field == field_name), field_name)
        return self.vocab[vocabulary].label(value)

    def case_view(self, item: CaseFile) -> CaseView:
        case, vocab = item.case, self.vocab
        period = None
        if case.period:
            period = f"seit {case.period.from_}" if case.period.to is None else (
                str(case.period.from_) if case.period.from_ == case.period.to else f"{case.period.from_}–{case.period.to}"
            )
        awards = []
        for award in case.awards or []:
            details = ", ".join(
                part for part in (f"{award.rank}. Platz" if award.rank else "", award.category or "") if part
            )
            awards.append(f"{award.name} {award.year}" + (f" ({details})" if details else ""))
        return CaseView(
            slug=item.slug,
            title=case.title,
            summary=case.summary,
            city=case.city,
            city_type=vocab["city_types"].label(case.city_type),
            state=Link(vocab["states"].label(case.state), term_url("states", case.state)),
            size=f"{vocab['sizes'].label(case.size)}: {vocab['sizes'].get(case.size).description}" if case.size else None,
            period=period,
            areas=[Link(vocab["areas"].label(s), term_url("areas", s)) for s in case.areas],
            formats=[Link(vocab["formats"].label(s), term_url("formats", s)) for s in case.formats],
            partners=[
                {"name": p.name, "type": vocab["partner_types"].label(p.type), "url": p.url} for p in case.partners
            ],
            countries=[country_name_de(code) for code in case.countries or []],
            sdgs=list(case.sdgs or []),
            awards=awards,
            contact=case.contact.model_dump() if case.contact else None,
            sources=[source_line(source) for source in case.sources],
            reviewed=german_date(case.reviewed),
            reviewed_iso=case.reviewed.isoformat(),
            edit_path=f"examples/{item.slug}.md",
            support=[Link(vocab["programmes"].label(s), programme_url(s)) for s in case.support or []],
            size_label=vocab["sizes"].label(case.size) if case.size else None,
            sort_key=" ".join(sort_key(item)),
            related=self.related(item),
        )

    def totals(self) -> dict[str, int]:
        """The numbers the home page shows."""
        return {
            "cases": len(self.cases),
            "municipalities": len({item.case.city for item in self.cases}),
            "states": len({item.case.state for item in self.cases}),
            "areas": len({area for item in self.cases for area in item.case.areas}),
        }
