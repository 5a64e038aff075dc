"""The actor dictionary schema: entries with aliases and date-bounded roles.

Every actor table (CSV or YAML) holds entries with these fields:

``id``       unique id ("country:RUS", "person:donald_trump", ...); a later file
             with the same id replaces the earlier entry (user data over shipped).
``kind``     country | metonym | person | org | group | agent | place
``name``     display name.
``aliases``  surface forms, matched case-insensitively; a form written ``=US``
             only matches with exactly that case (acronyms that are also words).
``roles``    codes, each optionally date-bounded: ``USAGOV 2017-01-20..2021-01-20``,
             ``RUSGOV 2012-05-07..``, ``IRNMIL ..2020-01-03`` or just ``SYRGOV``.
             A code is a 3-letter prefix (ISO alpha-3 country, ``IGO``, ``IMG``,
             ``NGO``, ``MNC`` or a region) followed by 3-letter CAMEO sectors.
             Agents (generic nouns) carry bare sectors: ``MIL``, ``GOVMIL``.
``note``     free text (source of the entry, role titles).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

KINDS = frozenset({"country", "metonym", "person", "org", "group", "agent", "place"})
ROLE_RE = re.compile(
    r"^(?P<code>[A-Z]{3}(?:[A-Z]{3})*)"
    r"(?:\s+(?P<start>\d{4}-\d{2}-\d{2})?\.\.(?P<end>\d{4}-\d{2}-\d{2})?)?$"
)


@dataclass(frozen=True, slots=True)
class Role:
    """One code an actor holds, optionally between two dates (inclusive)."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: an actor and every way the text may name it."""

    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    note: str = ""
    source: str = ""


def parse_role(text: str) -> Role:
    """Parse ``CODE [FROM..TO]``; raise ValueError with the reason."""
    match = ROLE_RE.match(text.strip())
    if not match:
        raise ValueError(f"bad role {text!r} (want CODE or CODE YYYY-MM-DD..YYYY-MM-DD)")
    start = date.fromisoformat(match["start"]) if match["start"] else None
    end = date.fromisoformat(match["end"]) if match["end"] else None
    if start and end and end < start:
        raise ValueError(f"role {text!r} ends before it starts")
    return Role(match["code"], start, end)


def split_list(value: object, sep: str) -> list[str]:
    """A list field given either as a YAML list or as a ``sep``-joined string."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(sep) if part.strip()]


def make_entry(raw: dict[str, object], source: str) -> Entry:
    """Validate one raw record into an Entry; raise ValueError naming the problem."""
    ident = str(raw.get("id") or "").strip()
    if not ident:
        raise ValueError("missing id")
    kind = str(raw.get("kind") or "").strip()
    if kind not in KINDS:
        raise ValueError(f"{ident}: kind {kind!r} not one of {', '.join(sorted(KINDS))}")
    name = str(raw.get("name") or "").strip()
    if not name:
        raise ValueError(f"{ident}: missing name")
    aliases = tuple(split_list(raw.get("aliases"), "|"))
    if not aliases:
        raise ValueError(f"{ident}: no aliases")
    try:
        roles = tuple(parse_role(r) for r in split_list(raw.get("roles"), ";"))
    except ValueError as exc:
        raise ValueError(f"{ident}: {exc}") from None
    if not roles:
        raise ValueError(f"{ident}: no roles")
    return Entry(ident, kind, name, aliases, roles, str(raw.get("note") or ""), source)
