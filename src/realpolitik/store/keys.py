"""Analysis keys: which actors the relations are between.

Relations are rolled up at the country level, as GDELT and ICEWS users expect:
every state organ (government, military, police, media, business...) of a
country counts as that country, keyed by its ISO alpha-3 code (``"IRN"``).
Armed non-state groups, opposition and international organisations are not
their host country: they keep their own CAMEO code (Hezbollah is ``"LBNREB"``
in the Phoenix dictionaries, NATO ``"IGOWSTNAT"``), so that a rebel attack on
a government is not a country attacking itself.  An actor with neither a
country nor a code of its own (a bare sector such as "the police", ``COP``)
has no key: it is nobody in particular, and stays out of the relations.
"""

from __future__ import annotations

from typing import Any

#: Sectors whose actors are not their country's state (CAMEO/PLOVER codes).
NON_STATE_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "OPP", "IMG", "CRM", "PRE"})


def actor_key(actor: dict[str, Any] | None) -> str | None:
    """The analysis key of an actor object (contract dict), or None if it has no code."""
    if not actor:
        return None
    country = (actor.get("country") or "").upper()
    sector = (actor.get("sector") or "").upper()
    code = (actor.get("code") or "").upper()
    is_state = len(country) == 3 and country != "IGO" and sector not in NON_STATE_SECTORS
    if is_state:
        return country
    if not country and (not code or code == sector):
        return None
    return code or country
