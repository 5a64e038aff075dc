"""Turn a dictionary entry into an `Actor` as of a date (date-bounded roles).

Rules, in order: a dated role covering the date; else an undated role; else
the entry held dated roles only and the date is outside them, so the actor is
a former (or future) office holder: the country of the nearest role with
sector ``ELI`` (CAMEO "elites": former officials, e.g. Trump between 2021-01-20
and 2025-01-20). Without a date the resolver uses today's date.
"""

from __future__ import annotations

from datetime import date

from realpolitik.actors.codes import compose, decode
from realpolitik.actors.schema import Entry, Role
from realpolitik.records import Actor

FORMER_SECTOR = "ELI"


def pick_role(entry: Entry, when: date) -> tuple[str, bool]:
    """(code, is_current) of the entry at `when`."""
    covering = [r for r in entry.roles if r.dated and r.covers(when)]
    if covering:
        latest = max(covering, key=lambda r: r.start or date.min)
        return latest.code, True
    undated = [r for r in entry.roles if not r.dated]
    if undated:
        return undated[0].code, True
    nearest = min(entry.roles, key=lambda r: distance(r, when))
    return nearest.code, False


def distance(role: Role, when: date) -> int:
    if role.end is not None and when > role.end:
        return (when - role.end).days
    if role.start is not None and when < role.start:
        return (role.start - when).days
    return 0


def entry_code(entry: Entry, when: date) -> tuple[str | None, str | None, str]:
    """(country, sector, code) of the entry at `when`."""
    code, current = pick_role(entry, when)
    country, sector = (None, code[:3]) if entry.kind == "agent" else decode(code)
    if not current:
        sector = FORMER_SECTOR
        code = compose(country, sector) or code
    return country, sector, code


def entry_actor(
    entry: Entry,
    when: date,
    text: str | None = None,
    start: int | None = None,
    end: int | None = None,
    coded: tuple[str | None, str | None, str] | None = None,
) -> Actor:
    """The entry's actor fields at `when` (text and offsets from the mention);
    `coded` is its `entry_code` at `when` when the caller has it already."""
    country, sector, code = coded if coded is not None else entry_code(entry, when)
    return Actor(
        text=text,
        name=entry.name,
        country=country,
        sector=sector,
        code=code,
        id=entry.id,
        start=start,
        end=end,
    )


def own_codes(entry: Entry) -> set[str]:
    """Every code the entry can give: its roles' codes and their former-holder forms."""
    codes = {role.code for role in entry.roles}
    for role in entry.roles:
        former = compose(decode(role.code)[0], FORMER_SECTOR)
        if former is not None:
            codes.add(former)
    return codes
