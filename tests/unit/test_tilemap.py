"""The tile map's view data and the finder links: every Land once, in its own square, with
the number of cases the state page lists, linking where the caller says; and escaped."""

from __future__ import annotations

import dataclasses
import functools
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import REPO
from praxisatlas.render import PageRenderer
from praxisatlas.tilemap import GRID, TILE, tile_map
from praxisatlas.vocab import Term, load_vocabularies
from praxisatlas.views import Atlas, finder_url
from unit.test_views import case


@pytest.fixture
def atlas():
    return Atlas([case("a"), case("b", state="BY"), case("c", state="BY"), case("d", state="HB")])


def test_every_land_gets_one_tile_with_its_count_and_state_page(atlas):
    tiles = {tile.code: tile for tile in tile_map(atlas).tiles}
    assert set(tiles) == set(atlas.vocab["states"].slugs) == set(GRID)
    for code, tile in tiles.items():
        assert tile.count == len(atlas.cases_with("states", code))
        assert tile.url == f"bundeslaender/{code.lower()}/"
    assert (tiles["BY"].count, tiles["HB"].count, tiles["NW"].count, tiles["SL"].count) == (2, 1, 1, 0)


def test_accessible_names_count_in_german(atlas):
    names = {tile.code: tile.name for tile in tile_map(atlas).tiles}
    assert (names["BY"], names["HB"], names["SL"]) == ("Bayern, BY: 2 Beispiele", "Bremen, HB: 1 Beispiel", "Saarland, SL: 0 Beispiele")


def test_tiles_are_equal_squares_apart_and_inside_the_picture(atlas):
    tilemap = tile_map(atlas)
    corners = [(tile.x, tile.y) for tile in tilemap.tiles]
    assert len(set(corners)) == len(corners)
    for x, y in corners:
        assert 0 < x and x + TILE < tilemap.width and 0 < y and y + TILE < tilemap.height
        for other_x, other_y in corners:
            assert (x, y) == (other_x, other_y) or abs(x - other_x) >= TILE or abs(y - other_y) >= TILE


def test_tiles_come_in_reading_order_and_the_table_in_vocabulary_order(atlas):
    tilemap = tile_map(atlas)
    assert [tile.code for tile in tilemap.tiles][:4] == ["SH", "HB", "HH", "MV"]
    assert [(tile.y, tile.x) for tile in tilemap.tiles] == sorted((tile.y, tile.x) for tile in tilemap.tiles)
    assert [tile.code for tile in tilemap.rows] == atlas.vocab["states"].slugs


def test_the_link_target_is_the_callers_choice(atlas):
    tiles = tile_map(atlas, link=functools.partial(finder_url, "states")).tiles
    assert {tile.url for tile in tiles} == {f"finden/?bundesland={code.lower()}" for code in GRID}


def test_a_land_without_a_place_in_the_grid_goes_below_it():
    vocab = load_vocabularies()
    states = dataclasses.replace(vocab["states"], terms=(*vocab["states"].terms, Term("XX", "Neuland", "Neu.")))
    tilemap = tile_map(Atlas([], {**vocab, "states": states}))
    new = next(tile for tile in tilemap.tiles if tile.code == "XX")
    assert new.y > max(tile.y for tile in tilemap.tiles if tile.code != "XX")
    assert new.y + TILE < tilemap.height


@pytest.mark.parametrize(
    "kind,slug,param",
    [("areas", "fairer-handel", "handlungsfeld"), ("formats", "beratung", "format"), ("states", "BW", "bundesland")],
)
def test_finder_url_uses_the_design_parameters_in_lower_case(kind, slug, param):
    url = urlsplit(finder_url(kind, slug))
    assert (url.path, parse_qs(url.query)) == ("finden/", {param: [slug.lower()]})


def test_finder_url_encodes_the_value():
    assert finder_url("areas", "a&b=c d") == "finden/?handlungsfeld=a%26b%3Dc+d"


def test_labels_are_escaped_in_tiles_and_table():
    vocab = load_vocabularies()
    hostile = '<b onmouseover="x">Land & "Leute"</b>'
    terms = tuple(dataclasses.replace(term, label=hostile) if term.slug == "BY" else term for term in vocab["states"].terms)
    atlas = Atlas([], {**vocab, "states": dataclasses.replace(vocab["states"], terms=terms)})
    html = PageRenderer(atlas, [REPO / "overrides"], {}).render("overview", "states", "", lambda target: target)
    assert "<b " not in html
    escaped = "&lt;b onmouseover=&#34;x&#34;&gt;Land &amp; &#34;Leute&#34;&lt;/b&gt;"
    assert f'aria-label="{escaped}, BY: 0 Beispiele"' in html
    assert f"<title>{escaped}, BY: 0 Beispiele</title>" in html
    assert f'<th scope="row">{escaped}</th>' in html
