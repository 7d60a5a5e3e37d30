"""ISO 3166-1 country codes and their German names, from pycountry."""

from __future__ import annotations

import gettext
from functools import lru_cache

import pycountry

COUNTRY_CODES = frozenset(country.alpha_2 for country in pycountry.countries)


@lru_cache(maxsize=None)
def _german() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)


def country_name_de(code: str) -> str:
    """German display name of an alpha-2 code, e.g. SY -> Syrien."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    # Translations are keyed by the official short name, not by common_name.
    return _german().gettext(country.name)
