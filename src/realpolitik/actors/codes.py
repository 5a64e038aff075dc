"""Decode CAMEO/Phoenix actor codes ("IRNMIL", "IGOWSTNAT", "IMGMUSALQ") into fields.

Conventions (documented in the data README):

* a code starts with a 3-letter prefix: an ISO 3166 alpha-3 country, ``IGO``
  (intergovernmental: country "IGO", sector "IGO"), ``IMG`` (transnational armed
  group: no country, sector "REB"), ``NGO``/``MNC`` (no country, sector NGO/BUS)
  or a CAMEO region (``WST``, ``MEA``, ``AFR`` ... : no country);
* the sector is the first later 3-letter segment that is a CAMEO agent code;
  the full code is kept as ``Actor.code`` (so IGOs read "IGOWSTNAT" for NATO).
"""

from __future__ import annotations

import pycountry

#: CAMEO agent (sector) codes.
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "BUS",
        "CVL",
        "REF",
        "IGO",
        "NGO",
        "INS",
        "ELI",
        "LEG",
        "HLH",
        "EDU",
        "LAB",
        "AGR",
        "REL",
        "CRM",
        "UAF",
        "SOC",
        "ENV",
        "DEV",
        "HRI",
        "MOD",
        "RAD",
        "SEP",
        "PRE",
        "PRM",
        "JRN",
        "MNC",
        "IMG",
    ]
)
#: Prefixes that are not countries, and the sector they imply.
NON_STATE_PREFIXES = {
    "IGO": ("IGO", "IGO"),
    "IMG": (None, "REB"),
    "NGO": (None, "NGO"),
    "MNC": (None, "BUS"),
    "INT": (None, None),
}
#: CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {
    "KSV": "XKX",
    "TMP": "TLS",
    "ROM": "ROU",
    "ZAR": "COD",
    "USR": "SUN",
    "SRP": "SRB",
    "FRY": "SCG",
    "KNT": None,
    "KRJ": None,
    "FRN": None,
}


def iso_country(prefix: str) -> str | None:
    """ISO alpha-3 (or a historical code like SUN/DDR/YUG) for a 3-letter prefix."""
    if prefix in CAMEO_TO_ISO:
        return CAMEO_TO_ISO[prefix]
    if pycountry.countries.get(alpha_3=prefix) is not None:
        return prefix
    if pycountry.historic_countries.get(alpha_3=prefix) is not None:
        return prefix
    return None


def decode(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a code; either may be None."""
    segments = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not segments:
        return None, None
    head, rest = segments[0], segments[1:]
    if head in SECTORS and head not in NON_STATE_PREFIXES:
        return None, head
    if head in NON_STATE_PREFIXES:
        country, sector = NON_STATE_PREFIXES[head]
        if sector == "IGO":
            return country, sector
        named = next((s for s in rest if s in SECTORS), None)
        return country, named or sector
    country = iso_country(head)
    sector = next((s for s in rest if s in SECTORS), None)
    return country, sector


def compose(country: str | None, sector: str | None) -> str | None:
    """The code of a country + sector pair ("RUS" + "MIL" -> "RUSMIL")."""
    if country is None and sector is None:
        return None
    if country == "IGO":
        return "IGO" if sector in (None, "IGO") else f"IGO{sector}"
    return f"{country or ''}{sector or ''}"
