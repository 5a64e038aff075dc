"""GDELT 2.0-style event rows: the 61 columns of GDELT's event table, in GDELT's order.

The file has no header (like GDELT's own); the mapping of every column is
documented in ``docs/relations.md``.  Columns realpolitik does not code
(ethnic/religion codes, tone, ADM codes) are left empty.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from realpolitik.store.rows import parse_date

_ACTOR_COLUMNS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_COLUMNS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)  # fmt: skip

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR_COLUMNS),
    *(f"Actor2{c}" for c in _ACTOR_COLUMNS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO_COLUMNS),
    *(f"Actor2Geo_{c}" for c in _GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in _GEO_COLUMNS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: Sectors GDELT files under KnownGroupCode rather than Type1Code.
_GROUP_SECTORS = frozenset({"IGO", "NGO", "REB", "INS", "SEP", "IMG", "UAF"})


def numeric_id(event_id: str) -> int:
    """A 60-bit integer for GLOBALEVENTID (from the hex event id, else its hash)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def _actor(actor: dict[str, Any] | None) -> list[Any]:
    if not actor:
        return [""] * len(_ACTOR_COLUMNS)
    sector = actor.get("sector") or ""
    group = sector if sector in _GROUP_SECTORS else ""
    kind = "" if group else sector
    name = (actor.get("name") or actor.get("text") or "").upper()
    return [
        actor.get("code") or "",
        name,
        actor.get("country") or "",
        group,
        "",
        "",
        "",
        kind,
        "",
        "",
    ]


def _geo(place: dict[str, Any] | None) -> list[Any]:
    if not place:
        return [0, "", "", "", "", "", "", ""]
    is_country = not place.get("name") or place.get("lat") is None
    return [
        1 if is_country else 4,
        place.get("name") or place.get("text") or "",
        place.get("country") or "",
        "",
        "",
        "" if place.get("lat") is None else place["lat"],
        "" if place.get("lon") is None else place["lon"],
        place.get("geonames_id") or "",
    ]


def _when(event: dict[str, Any]) -> date | None:
    return parse_date((event.get("date") or {}).get("start")) or parse_date(event.get("doc_date"))


def gdelt_row(
    event: dict[str, Any],
    counts: tuple[int, int, int],
    added: datetime | None,
    url: str | None,
) -> list[Any]:
    """One event as a GDELT row; `counts` = (mentions, sources, articles) of its cluster."""
    when = _when(event)
    cameo = event.get("cameo") or ""
    dates = (
        ["", "", "", ""]
        if when is None
        else [when.strftime("%Y%m%d"), when.strftime("%Y%m"), when.year,
              round(when.year + (when.timetuple().tm_yday - 1) / 365.0, 4)]
    )  # fmt: skip
    return [
        numeric_id(event["event_id"]),
        *dates,
        *_actor(event.get("actor")),
        *_actor(event.get("recipient")),
        1 if (event.get("sentence_id") or 0) < 3 else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        event.get("quad_class"),
        event.get("goldstein"),
        *counts,
        "",
        *_geo(None),
        *_geo(None),
        *_geo(event.get("location")),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        url or "",
    ]
