"""View data: labels, German dates and names, period text, related cases nearest first."""

from __future__ import annotations

import datetime as dt

from conftest import VALID_CASE
from praxisatlas.cases import CaseFile
from praxisatlas.model import Case
from praxisatlas.source import read_case_text
from praxisatlas.views import Atlas

BASE = read_case_text("fall.md", VALID_CASE.read_bytes())[0].data


def case(slug: str, **changes) -> CaseFile:
    data = {**BASE, "title": f"Titel {slug}", **changes}
    return CaseFile(f"{slug}.md", slug, Case.model_validate(data), "Text", 40, {})


def test_case_view_uses_labels_german_names_and_dates():
    view = Atlas([case("a")]).case_view(case("a"))
    assert view.state.label == "Nordrhein-Westfalen"
    assert view.state.url == "bundeslaender/nw/"
    assert [a.label for a in view.areas] == ["Fairer Handel und Faire Beschaffung", "Entwicklungspolitische Bildungsarbeit in Deutschland"]
    assert view.countries == ["Ghana", "Norwegen"]
    assert view.reviewed == "15. Januar 2025"
    assert view.period == "2018–2020"
    assert view.awards == ["Testpreis für faire Kommunen 2019 (2. Platz, mittlere Kommunen)"]
    assert view.partners[1]["type"] == "Migranten- oder Diasporaorganisation"


def test_open_period_reads_seit():
    assert Atlas([]).case_view(case("a", period={"from": 2019})).period == "seit 2019"


def test_related_cases_nearest_first_and_at_most_three():
    me = case("me", areas=["fairer-handel", "bildungsarbeit"], formats=["veranstaltungen"])
    both = case("both", areas=["fairer-handel", "bildungsarbeit"], formats=["beratung"])
    one_area_and_format = case("one-af", areas=["fairer-handel"], formats=["veranstaltungen"])
    one_area = case("one-a", areas=["fairer-handel"], formats=["beratung"])
    format_only = case("f", areas=["frieden"], formats=["veranstaltungen"])
    unrelated = case("u", areas=["frieden"], formats=["beratung"])
    atlas = Atlas([unrelated, format_only, one_area, one_area_and_format, both, me])
    assert [r.card.url for r in atlas.related(me)] == ["beispiele/both/", "beispiele/one-af/", "beispiele/one-a/"]
    assert atlas.related(me)[0].reasons[:2] == (
        "gleiches Handlungsfeld: Fairer Handel und Faire Beschaffung",
        "gleiches Handlungsfeld: Entwicklungspolitische Bildungsarbeit in Deutschland",
    )


def test_rare_shared_features_outweigh_common_ones_and_ties_prefer_the_same_land():
    me = case("me", areas=["frieden"], formats=["beratung"], countries=["GH"], support=["miglobe"])
    programme_and_country = case("pc", areas=["agenda-2030"], formats=["strukturen"], countries=["GH"], support=["miglobe"])
    format_only_elsewhere = case("fe", areas=["agenda-2030"], formats=["beratung"], countries=["SY"], state="BY")
    format_only_same_land = case("fs", areas=["agenda-2030"], formats=["beratung"], countries=["SY"])
    atlas = Atlas([format_only_elsewhere, format_only_same_land, programme_and_country, me])
    related = atlas.related(me)
    assert [r.card.url for r in related] == ["beispiele/pc/", "beispiele/fs/", "beispiele/fe/"]
    assert "gleiche Förderung: MiGlobe – Beratung durch migrantische Fachleute" in related[0].reasons
    assert "gleiches Partnerland: Ghana" in related[0].reasons
    assert "gleiches Bundesland: Nordrhein-Westfalen" in related[1].reasons
    assert not any(reason.startswith("gleiches Bundesland") for reason in related[2].reasons)


def test_related_lookup_looks_at_a_bounded_number_of_cases():
    """The index keeps the work per case bounded: with many cases sharing one area, each
    lookup still scores at most WINDOW cases on either side per feature."""
    from praxisatlas.related import WINDOW, RelatedIndex, features

    many = [case(f"c{n:04d}", city=f"Stadt {n:04d}", areas=["frieden"], formats=["beratung"]) for n in range(500)]
    index = RelatedIndex(many, lambda field_name, value: value)
    middle = many[250]
    assert len(index._candidates(250, features(middle))) <= 2 * WINDOW * len(features(middle))
    assert len(index.related(middle, 3)) == 3


def test_newest_breaks_equal_review_dates_by_the_newest_source():
    old_source = case("a-old", sources=[{"title": "Bericht", "date": "2015"}])
    new_source = case("z-new", sources=[{"title": "Bericht", "date": "2021-03"}])
    assert [c.url for c in Atlas([old_source, new_source]).newest()] == ["beispiele/z-new/", "beispiele/a-old/"]


def test_newest_lists_most_recently_reviewed_first():
    old = case("old", reviewed=dt.date(2024, 1, 1))
    new = case("new", reviewed=dt.date(2025, 6, 1))
    assert [c.url for c in Atlas([old, new]).newest()] == ["beispiele/new/", "beispiele/old/"]


def test_lists_are_sorted_by_municipality_with_umlauts_spelled_out():
    cases = [case("z", city="Zell"), case("oe", city="Öhringen"), case("o", city="Offenburg")]
    assert [c.case.city for c in Atlas(cases).cases] == ["Öhringen", "Offenburg", "Zell"]  # Ö = Oe (DIN 5007-2)


def test_programmes_page_lists_every_programme_with_exactly_its_cases():
    with_miglobe = case("m", support=["miglobe"])
    with_both = case("b", city="Aachen", support=["kleinprojektefonds", "miglobe"])
    without = case("w")
    programmes = {p.slug: p for p in Atlas([with_miglobe, with_both, without]).programmes()}
    vocabulary = Atlas([]).vocab["programmes"]
    assert list(programmes) == vocabulary.slugs
    assert [c.url for c in programmes["miglobe"].cards] == ["beispiele/b/", "beispiele/m/"]  # Aachen first
    assert [c.url for c in programmes["kleinprojektefonds"].cards] == ["beispiele/b/"]
    assert programmes["miglobe"].url.startswith("https://") and programmes["miglobe"].funder
    assert programmes["miglobe"].finder_url == "finden/?foerderung=miglobe"


def test_case_view_links_each_programme_to_its_section():
    view = Atlas([]).case_view(case("a", support=["kommunale-klimapartnerschaften"]))
    assert [(link.label, link.url) for link in view.support] == [
        ("Kommunale Klimapartnerschaften", "foerderung/#kommunale-klimapartnerschaften")
    ]
    assert Atlas([]).case_view(case("b")).support == []


def test_finder_facet_foerderung_holds_the_support_slugs():
    from praxisatlas.finder import facet_values, facets

    supported = case("s", support=["miglobe"])
    assert facet_values(supported)["foerderung"] == ["miglobe"]
    assert facet_values(case("n"))["foerderung"] == []
    [facet] = [f for f in facets(Atlas([supported, case("n")])) if f.param == "foerderung"]
    assert [(o.value, o.count) for o in facet.options][:2] == [("miglobe", 1), ("koordination-kommunale-entwicklungspolitik", 0)]
