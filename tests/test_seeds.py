"""The seed documents, coded end to end as a careful analyst would (DESIGN.md).

These are acceptance tests of the whole pipeline: ingest -> actors -> events -> context.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.pipeline import Coder
from realpolitik.records import Actor, Event

BOILERPLATE_MARKERS = (
    "share buttons",
    "Global Research articles",
    "Disclaimer",
    "Copyright",
    "Become a Member",
    "media inquiries",
    "fair use",
)


def coded_seed(coder: Coder, seeds_dir: Path, prefix: str) -> list[Event]:
    from realpolitik.ingest import read_sources

    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    documents = list(read_sources([str(path)], coder.settings))
    return [event for coded in coder.code_documents(documents) for event in coded.events]


def country(actor: Actor | None) -> str | None:
    return actor.country if actor else None


def find(
    events: list[Event],
    actor: str | None,
    types: set[str],
    recipient: str | None,
    sentence_has: str,
) -> list[Event]:
    return [
        event
        for event in events
        if event.event_type in types
        and sentence_has.lower() in event.sentence.lower()
        and (actor is None or country(event.actor) == actor)
        and (recipient is None or country(event.recipient) == recipient)
    ]


@pytest.fixture(scope="module")
def seed_004(coder: Coder, seeds_dir: Path) -> list[Event]:
    return coded_seed(coder, seeds_dir, "004")


@pytest.fixture(scope="module")
def seed_000(coder: Coder, seeds_dir: Path) -> list[Event]:
    return coded_seed(coder, seeds_dir, "000")


def test_drone_strike_on_soleimani(seed_004: list[Event]) -> None:
    found = find(seed_004, "USA", {"ASSAULT"}, "IRN", "drone strike")
    assert found
    strike = found[0]
    assert strike.date.start and strike.date.start.startswith("2020")
    assert strike.location and strike.location.country == "IRQ"


def test_soleimani_meets_putin_in_moscow(seed_004: list[Event]) -> None:
    found = find(seed_004, "IRN", {"CONSULT"}, "RUS", "Moscow")
    assert found
    # Soleimani is coded for 2015, when he commanded the Quds Force, not as a former official.
    assert any(event.actor and event.actor.code == "IRNMIL" for event in found)
    assert any(event.date.start and event.date.start.startswith("2015") for event in found)


def test_russia_helps_syria_militarily(seed_004: list[Event]) -> None:
    assert find(seed_004, "RUS", {"AID", "COOPERATE"}, "SYR", "")


def test_russian_air_strikes_against_isis(seed_004: list[Event]) -> None:
    found = find(seed_004, "RUS", {"ASSAULT"}, None, "air strikes")
    assert any(
        event.recipient and ("ISIS" in event.recipient.text or "Daesh" in event.recipient.text)
        for event in found
    )


def test_sanctions_against_iran(seed_004: list[Event]) -> None:
    assert find(seed_004, "USA", {"SANCTION", "COERCE"}, "IRN", "sanctions")


def test_no_events_from_boilerplate(seed_004: list[Event]) -> None:
    for event in seed_004:
        for marker in BOILERPLATE_MARKERS:
            assert marker.lower() not in event.sentence.lower(), event.sentence


def test_defection_is_reported(seed_000: list[Event]) -> None:
    found = find(seed_000, "SYR", {"REJECT"}, None, "defected")
    assert found
    assert all(event.status == "reported" for event in found)


def test_security_council_chairman_visits_iran(seed_000: list[Event]) -> None:
    assert find(seed_000, "RUS", {"CONSULT"}, "IRN", "trip to Iran")


def test_american_invasion_is_hypothetical(seed_000: list[Event]) -> None:
    found = find(seed_000, "USA", {"ASSAULT", "THREATEN", "COERCE"}, "IRN", "invade")
    assert found
    assert all(event.status == "hypothetical" for event in found)


def test_muslim_brotherhood_calls_on_iran(seed_000: list[Event]) -> None:
    found = find(seed_000, None, {"REQUEST"}, "IRN", "called on Iran")
    assert any(event.actor and "Brotherhood" in (event.actor.text or "") for event in found)
    assert all(event.attribution.author == "vildemose" for event in found)


def test_history_is_dated_to_its_era(seed_000: list[Event]) -> None:
    arms = find(seed_000, "RUS", {"AID", "COOPERATE"}, "IRQ", "Saddam")
    assert arms
    assert all(event.date.start and event.date.start[:3] == "198" for event in arms)
    provinces = find(seed_000, "RUS", {"ASSAULT", "COERCE"}, "IRN", "by force")
    assert provinces
    assert all(event.date.start is None or event.date.start < "1950" for event in provinces)
