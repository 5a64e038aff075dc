"""Loading and validating the actor tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.actors.codes import NON_STATE_PREFIXES, compose, decode
from realpolitik.actors.loader import load_entries, read_table, shipped_dir
from realpolitik.actors.matching import form_key
from realpolitik.actors.schema import Entry, parse_role
from realpolitik.errors import DataValidationError
from realpolitik.settings import Settings

GOOD = """provenance: test table
entries:
- id: person:x
  kind: person
  name: Ann Example
  roles: ["FRAGOV 2020-01-01.."]
  aliases: [Ann Example]
"""


def write(tmp_path: Path, text: str, name: str = "extra.yaml") -> Path:
    folder = tmp_path / "actors"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_tables_load(resolver: ActorResolver) -> None:
    assert len(resolver.entries) > 30000


def hand_written_people() -> list[Entry]:
    """Person entries of the shipped YAML tables."""
    return [
        entry
        for path in sorted(shipped_dir().glob("*.yaml"))
        for entry in read_table(path)
        if entry.kind == "person"
    ]


def test_every_named_role_decodes() -> None:
    named = [
        entry
        for path in sorted(shipped_dir().glob("*.yaml"))
        for entry in read_table(path)
        if entry.kind in {"person", "group", "org"}
    ]
    for entry in named:
        for role in entry.roles:
            country, sector = decode(role.code)
            assert sector is not None, (entry.id, role.code)
            assert country is not None or role.code[:3] in NON_STATE_PREFIXES, (entry.id, role.code)


def test_one_entry_per_person(resolver: ActorResolver) -> None:
    """No form names two hand-written people, and each person's forms reach it first."""
    owners: dict[str, set[str]] = {}
    for entry in hand_written_people():
        for alias in entry.aliases:
            owners.setdefault(form_key(alias), set()).add(entry.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not shared
    lost = [key for key, ids in owners.items() if resolver.forms[key][0] not in ids]
    assert not lost


@pytest.mark.parametrize(
    ("name", "when", "code"),
    [
        ("Ukhnaagiin Khurelsukh", date(2022, 1, 1), "MNGGOV"),
        ("Ibrahim Mohamed Solih", date(2020, 1, 1), "MDVGOV"),
        ("Gotabaya Rajapaksa", date(2020, 1, 1), "LKAGOV"),
        ("Hashim Thaci", date(2018, 1, 1), "XKXGOV"),
        ("Tsai Ing-wen", date(2020, 1, 1), "TWNGOV"),
        ("Mahmoud Abbas", date(2020, 1, 1), "PSEGOV"),
        ("Pope Leo XIV", date(2025, 6, 1), "VATREL"),
        ("Bobi Wine", date(2021, 1, 1), "UGAOPP"),
        ("Abdul-Malik al-Houthi", date(2020, 1, 1), "YEMREB"),
        ("Javier Milei", date(2020, 1, 1), "ARGELI"),
        ("the Riigikogu", date(2020, 1, 1), "ESTLEG"),
        ("the Sinaloa Cartel", date(2020, 1, 1), "MEXCRM"),
        ("FDLR", date(2020, 1, 1), "RWAREB"),
    ],
)
def test_world_leaders(resolver: ActorResolver, name: str, when: date, code: str) -> None:
    actor = resolver.resolve_name(name, when)
    assert actor is not None and compose(actor.country, actor.sector) == code


def test_role_parsing() -> None:
    role = parse_role("USAGOV 2017-01-20..2021-01-20")
    assert role.covers(date(2019, 1, 1)) and not role.covers(date(2022, 1, 1))
    assert parse_role("IRNMIL ..2020-01-03").start is None
    with pytest.raises(ValueError):
        parse_role("USAGOV 2021-01-01..2017-01-01")
    with pytest.raises(ValueError):
        parse_role("usagov")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (GOOD.replace("kind: person", "kind: wizard"), "kind"),
        (GOOD.replace('roles: ["FRAGOV 2020-01-01.."]', 'roles: ["FRAGOV 2020-13-01.."]'), "role"),
        (GOOD.replace("aliases: [Ann Example]", "aliases: []"), "aliases"),
        ("entries: []", "provenance"),
        (GOOD + GOOD.split("entries:\n")[1], "duplicate"),
    ],
)
def test_validation_names_file_and_entry(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DataValidationError) as info:
        read_table(path)
    assert "extra.yaml" in str(info.value)
    assert problem in str(info.value) or "month" in str(info.value)


def test_csv_header_is_checked(tmp_path: Path) -> None:
    path = write(tmp_path, "# provenance\nid,kind\nx,person\n", "bad.csv")
    with pytest.raises(DataValidationError, match="header"):
        read_table(path)


def test_user_tables_layer_over_shipped(tmp_path: Path) -> None:
    override = """provenance: an analyst's fix
entries:
- id: person:sergey_lavrov
  kind: person
  name: Sergey Lavrov
  roles: ["RUSGOV 2004-03-09..2025-01-01"]
  aliases: [Sergey Lavrov, Lavrov]
- id: person:x
  kind: person
  name: Ann Example
  roles: ["FRAGOV 2020-01-01.."]
  aliases: [Ann Example]
"""
    write(tmp_path, override)
    entries = load_entries(tmp_path / "actors")
    assert "person:x" in entries
    resolver = ActorResolver.load(Settings(data_dir=str(tmp_path)))
    lavrov = resolver.resolve_name("Sergey Lavrov", date(2026, 1, 1))
    assert lavrov is not None and lavrov.sector == "ELI"
    ann = resolver.resolve_name("Ann Example", date(2024, 1, 1))
    assert ann is not None and ann.code == "FRAGOV"
