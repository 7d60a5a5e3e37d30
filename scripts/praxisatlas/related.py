"""Related cases by shared features, in time linear in the number of cases.

Each case is described by features (its areas, formats, partner types, countries and
support programmes), each with a weight. An inverted index maps a feature to the cases that
have it, in list order. To find the cases most like one case, only a bounded window of
each of its features' lists is looked at, so one lookup costs at most
features × WINDOW candidates, however many cases there are: no step compares every case
with every other. Where a list is short (rare features, small atlases) the window holds
all of it and the ranking is exact.

Ties in the weighted overlap are broken by the same Land, then the same size, then the
list order, so the result is stable from build to build.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .cases import CaseFile

# (case field, weight, German reason prefix). Partner type "kommune" says nothing: every
# case has its municipality as a partner.
FEATURES = (
    ("areas", 3, "gleiches Handlungsfeld"),
    ("support", 3, "gleiche Förderung"),
    ("countries", 2, "gleiches Partnerland"),
    ("formats", 2, "gleiches Format"),
    ("partner_types", 1, "gleicher Partnertyp"),
)
IGNORED = {("partner_types", "kommune")}
# Cases looked at on each side of a case in one feature's list.
WINDOW = 24


@dataclass(frozen=True)
class Match:
    """A related case and why: the shared features, strongest first, as German phrases."""

    item: CaseFile
    reasons: tuple[str, ...]


def features(item: CaseFile) -> list[tuple[str, str]]:
    case = item.case
    values = {
        "areas": case.areas,
        "support": case.support or [],
        "countries": case.countries or [],
        "formats": case.formats,
        "partner_types": sorted({partner.type for partner in case.partners}),
    }
    return [(name, value) for name, _, _ in FEATURES for value in values[name] if (name, value) not in IGNORED]


WEIGHTS = {name: weight for name, weight, _ in FEATURES}
PREFIXES = {name: prefix for name, _, prefix in FEATURES}


class RelatedIndex:
    """Built once per atlas: feature -> positions of the cases with it, in list order."""

    def __init__(self, cases: Sequence[CaseFile], label: Callable[[str, str], str]):
        self.cases = list(cases)
        self.label = label  # (field, slug) -> what a visitor reads, e.g. "Fairer Handel"
        self.position = {item.slug: index for index, item in enumerate(self.cases)}
        self.features = [features(item) for item in self.cases]  # once per case, not per comparison
        self.feature_sets = [frozenset(own) for own in self.features]
        self.postings: dict[tuple[str, str], list[int]] = defaultdict(list)
        for index, own in enumerate(self.features):
            for feature in own:
                self.postings[feature].append(index)  # ascending, since cases are visited in order

    def _candidates(self, index: int, own: list[tuple[str, str]]) -> set[int]:
        """Cases near `index` in each of its features' lists: at most WINDOW on each side."""
        found: set[int] = set()
        for feature in own:
            posting = self.postings[feature]
            at = bisect_left(posting, index)
            found.update(posting[max(0, at - WINDOW) : at + WINDOW + 1])
        found.discard(index)
        return found

    def related(self, item: CaseFile, count: int) -> list[Match]:
        index = self.position.get(item.slug)
        if index is None:  # not part of this atlas
            return []
        case = item.case
        own = self.features[index]
        ranked = []
        for other in self._candidates(index, own):
            other_case = self.cases[other].case
            theirs = self.feature_sets[other]
            shared = [feature for feature in own if feature in theirs]
            score = sum(WEIGHTS[name] for name, _ in shared)
            same_state = other_case.state == case.state
            same_size = case.size is not None and other_case.size == case.size
            ranked.append((-score, not same_state, not same_size, other, shared))
        ranked.sort(key=lambda entry: entry[:4])
        matches = []
        for _, other_state, other_size, other, shared in ranked[:count]:
            reasons = [f"{PREFIXES[name]}: {self.label(name, value)}" for name, value in shared]
            if not other_state:
                reasons.append(f"gleiches Bundesland: {self.label('states', case.state)}")
            if not other_size:
                reasons.append(f"gleiche Größe: {self.label('sizes', case.size)}")
            matches.append(Match(self.cases[other], tuple(reasons)))
        return matches
