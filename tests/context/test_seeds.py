"""End to end on the seed documents (slow; skipped when seeds or other stages are absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coded():
    if not SEEDS.is_dir():
        pytest.skip("seed documents not available")
    try:
        from realpolitik.ingest import read_sources
        from realpolitik.pipeline import Coder
    except ImportError as exc:  # another stage not importable yet
        pytest.skip(f"pipeline not importable: {exc}")
    coder = Coder.load()
    events = {}
    for path in sorted(SEEDS.glob("*.txt")):
        for document in read_sources([str(path)], coder.settings):
            events[path.name[:3]] = list(coder.code_document(document).events)
    return events


def find(events, trigger, words=""):
    return [e for e in events if e.trigger.text == trigger and words in e.sentence]


def test_invasion_threat_is_hypothetical(coded):
    events = find(coded["000"], "invade")
    assert events and all(e.status == "hypothetical" for e in events)


def test_defections_are_reported(coded):
    events = find(coded["000"], "defected")
    assert events and all(e.status == "reported" for e in events)
    assert all(e.attribution.cue == "there are reports" for e in events)


def test_comment_events_carry_comment_author(coded):
    events = find(coded["000"], "take", "Northern Provinces")
    assert events and all(e.attribution.author == "BoosBoos" for e in events)
    assert all(e.status == "asserted" for e in events)


def test_arms_sales_dated_to_the_iran_iraq_war(coded):
    events = find(coded["000"], "sold")
    assert events
    assert all(e.date.basis == "period" and e.date.start.startswith("1980") for e in events)


def test_drone_strike_dated_2020_at_baghdad(coded):
    events = [e for e in coded["004"] if e.trigger.text in {"strike", "assassinated"}]
    events = [e for e in events if "drone strike" in e.sentence]
    assert events
    for event in events:
        assert event.date.start.startswith("2020")
        assert event.location is not None and event.location.country == "IRQ"
        assert event.attribution.speaker is None


def test_moscow_visit_reported_by_nasrallah_in_2015(coded):
    events = [e for e in coded["004"] if "crucial visit" in e.sentence]
    assert events
    for event in events:
        assert event.status == "reported"
        assert "Nasrallah" in (event.attribution.speaker.text or "")
        assert event.date.start == "2015-01-01"
        assert event.location is not None and event.location.name == "Moscow"


def test_no_resolved_date_without_a_cue(coded):
    for events in coded.values():
        for event in events:
            if event.date.start is not None and event.date.basis != "publication":
                assert event.date.text, event
