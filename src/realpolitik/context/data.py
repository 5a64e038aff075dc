"""Loading and validating the context stage's data files (cues, periods, gazetteer additions).

Every file is JSON with a ``provenance`` object, a ``schema`` tag and its
payload; a file that does not match raises `DataValidationError` on load.
Files in ``settings.data_dir/context/`` replace the shipped ones of the same name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from realpolitik.errors import DataValidationError
from realpolitik.records import DatePrecision
from realpolitik.settings import Settings

CUE_LISTS: tuple[str, ...] = (
    "report_verbs",
    "belief_verbs",
    "denial_verbs",
    "factive_verbs",
    "report_nouns",
    "report_adverbs",
    "source_prepositions",
    "hedge_adverbs",
    "hypothetical_modals",
    "conditional_marks",
    "hypothetical_governors",
    "hypothetical_adjectives",
    "future_modals",
    "future_governors",
    "future_adjectives",
    "negators",
    "negative_governors",
    "negative_nouns",
    "negative_determiners",
    "question_marks",
    "question_governors",
    "support_verbs",
    "temporal_marks",
)


@dataclass(frozen=True, slots=True)
class Cues:
    """Lower-cased word lists, one per cue kind (see cues.json)."""

    lists: dict[str, frozenset[str]]

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.lists[kind]


@dataclass(frozen=True, slots=True)
class Period:
    """A named historical period (a war, an era) with its conventional bounds."""

    name: str
    aliases: tuple[str, ...]
    start: date
    end: date | None  # None: ongoing
    precision: str


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A gazetteer addition: a region or place the geonames tables lack."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int


def _data_path(name: str, settings: Settings | None) -> Path | Any:
    if settings is not None and settings.data_dir:
        override = Path(settings.data_dir) / "context" / name
        if override.is_file():
            return override
    return resources.files("realpolitik") / "data" / "context" / name


def _read(name: str, schema: str, settings: Settings | None) -> dict[str, Any]:
    path = _data_path(name, settings)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataValidationError(str(path), f"cannot read JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("provenance"), dict):
        raise DataValidationError(str(path), "missing 'provenance' object")
    if data.get("schema") != schema:
        raise DataValidationError(str(path), f"expected schema '{schema}'")
    data["_path"] = str(path)
    return data


def _words(data: dict[str, Any], key: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise DataValidationError(data["_path"], f"'{key}' must be a list of non-empty strings")
    return frozenset(w.lower() for w in value)


def load_cues(settings: Settings | None = None) -> Cues:
    """Read and validate cues.json."""
    data = _read("cues.json", "cues/1", settings)
    return Cues({kind: _words(data, kind) for kind in CUE_LISTS})


def _iso(path: str, value: Any, what: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise DataValidationError(path, f"{what}: bad ISO date {value!r}") from exc


def _period(path: str, row: Any) -> Period:
    if not isinstance(row, dict) or not isinstance(row.get("name"), str):
        raise DataValidationError(path, f"period without a name: {row!r}")
    aliases = row.get("aliases")
    if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) for a in aliases):
        raise DataValidationError(path, f"{row['name']}: 'aliases' must be a non-empty list")
    precision = row.get("precision")
    if precision not in {p.value for p in DatePrecision} - {"unknown"}:
        raise DataValidationError(path, f"{row['name']}: bad precision {precision!r}")
    start = _iso(path, row.get("start"), row["name"])
    end = None if row.get("end") is None else _iso(path, row["end"], row["name"])
    if end is not None and end < start:
        raise DataValidationError(path, f"{row['name']}: end before start")
    return Period(row["name"], tuple(aliases), start, end, precision)


def load_periods(settings: Settings | None = None) -> tuple[Period, ...]:
    """Read and validate periods.json."""
    data = _read("periods.json", "periods/1", settings)
    rows = data.get("periods")
    if not isinstance(rows, list):
        raise DataValidationError(data["_path"], "'periods' must be a list")
    return tuple(_period(data["_path"], row) for row in rows)


def _place(path: str, row: Any) -> PlaceEntry:
    if not isinstance(row, dict) or not isinstance(row.get("name"), str):
        raise DataValidationError(path, f"place without a name: {row!r}")
    aliases = row.get("aliases")
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise DataValidationError(path, f"{row['name']}: 'aliases' must be a list")
    country = row.get("country")
    if country is not None and (not isinstance(country, str) or len(country) != 3):
        raise DataValidationError(path, f"{row['name']}: country must be ISO alpha-3 or null")
    return PlaceEntry(
        name=row["name"],
        aliases=tuple(aliases),
        country=country,
        lat=row.get("lat"),
        lon=row.get("lon"),
        geonames_id=row.get("geonames_id"),
        population=int(row.get("population") or 0),
    )


def load_place_additions(settings: Settings | None = None) -> tuple[PlaceEntry, ...]:
    """Read and validate the places of gazetteer_additions.json."""
    data = _read("gazetteer_additions.json", "gazetteer/1", settings)
    rows = data.get("places")
    if not isinstance(rows, list):
        raise DataValidationError(data["_path"], "'places' must be a list")
    return tuple(_place(data["_path"], row) for row in rows)


def load_country_aliases(settings: Settings | None = None) -> dict[str, tuple[str, ...]]:
    """Read and validate the ISO alpha-3 -> extra country names table."""
    data = _read("gazetteer_additions.json", "gazetteer/1", settings)
    table = data.get("country_aliases", {})
    if not isinstance(table, dict):
        raise DataValidationError(data["_path"], "'country_aliases' must be an object")
    for code, names in table.items():
        if len(code) != 3 or not isinstance(names, list):
            raise DataValidationError(data["_path"], f"bad country alias row {code!r}")
    return {code: tuple(names) for code, names in table.items()}
