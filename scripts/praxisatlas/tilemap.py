"""The tile-grid map of the Länder (DESIGN.md, Map): one equal square per Land in its rough
geographic place, so Bremen, Hamburg, Berlin and the Saarland are as easy to hit as Bayern,
and no boundary data, licence or external request is needed. Pure view data; the partial
overrides/atlas/_tilemap.html draws it as inline SVG beside a table with the same numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .views import Atlas, term_url

# (column, row) of each Land, 5 columns × 5 rows, west to east and north to south:
#
#           SH
#       HB  HH  MV
#   NW  NI  ST  BB  BE
#   RP  HE  TH  SN
#   SL  BW  BY
#
# Bremen sits on top of Niedersachsen, which surrounds it; Berlin east of Brandenburg,
# which surrounds it, so that Sachsen lies directly south of Brandenburg.
GRID = {
    "SH": (2, 0),
    "HB": (1, 1), "HH": (2, 1), "MV": (3, 1),
    "NW": (0, 2), "NI": (1, 2), "ST": (2, 2), "BB": (3, 2), "BE": (4, 2),
    "RP": (0, 3), "HE": (1, 3), "TH": (2, 3), "SN": (3, 3),
    "SL": (0, 4), "BW": (1, 4), "BY": (2, 4),
}
COLUMNS = 5
TILE = 60  # SVG user units; the map scales to its box, the CSS keeps tiles ≥ 44 CSS px
GAP = 6
PAD = 6  # room around the grid for the focus ring of the outer tiles


@dataclass(frozen=True)
class Tile:
    """One Land: what the tile and its table row show, where it goes, where it links."""

    code: str
    label: str
    count: int
    url: str
    x: int
    y: int

    @property
    def name(self) -> str:
        """The accessible name, e.g. "Bayern, BY: 3 Beispiele": it contains the tile's visible
        text "BY 3" in order, so speech control finds the tile by what it shows (WCAG 2.5.3)."""
        return f"{self.label}, {self.code}: {self.count} {'Beispiel' if self.count == 1 else 'Beispiele'}"


@dataclass(frozen=True)
class TileMap:
    tiles: tuple[Tile, ...]  # reading order, row by row: the keyboard's Tab order on the map
    rows: tuple[Tile, ...]  # vocabulary order: the table
    width: int
    height: int
    size: int = TILE


def state_page(code: str) -> str:
    return term_url("states", code)


def tile_map(atlas: Atlas, link: Callable[[str], str] = state_page) -> TileMap:
    """Every Land of the vocabulary with its number of cases; `link(code)` gives a tile's
    site-relative target (the state page; the finder passes its facet URL instead).

    A Land missing from GRID (a vocabulary edit) gets a tile in an extra row below rather
    than disappearing from the map.
    """
    terms = atlas.vocab["states"].terms
    unplaced = [term.slug for term in terms if term.slug not in GRID]
    below = max(row for _, row in GRID.values()) + 1
    places = {**GRID, **{code: (i % COLUMNS, below + i // COLUMNS) for i, code in enumerate(unplaced)}}
    rows = tuple(
        Tile(
            code=term.slug,
            label=term.label,
            count=len(atlas.cases_with("states", term.slug)),
            url=link(term.slug),
            x=PAD + places[term.slug][0] * (TILE + GAP),
            y=PAD + places[term.slug][1] * (TILE + GAP),
        )
        for term in terms
    )
    width = COLUMNS * (TILE + GAP) - GAP + 2 * PAD
    height = (max(row for _, row in places.values()) + 1) * (TILE + GAP) - GAP + 2 * PAD
    return TileMap(tuple(sorted(rows, key=lambda tile: (tile.y, tile.x))), rows, width, height)
