"""The petr2 and plover evaluators: scoring on synthetic events, and gold runs (slow)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from realpolitik.evaluation import petr2, plover
from realpolitik.records import Actor
from tests.factories import make_event


def actor(code: str, country: str | None) -> Actor:
    return Actor(code, code, country, None, code, code)


def test_petr2_scoring():
    gold = [
        petr2.GoldSentence("a", None, "x", (("190", "RUSMIL", "SYR"),)),
        petr2.GoldSentence("b", None, "y", ()),
        petr2.GoldSentence("c", None, "z", (("010", "USA", "---"),)),
    ]
    hit = make_event(cameo="195", actor=actor("RUSMIL", "RUS"), recipient=actor("SYRGOV", "SYR"))
    wrong = make_event(cameo="042", actor=actor("USA", "USA"), recipient=None)
    result = petr2.score(gold, [[hit, wrong], [wrong], []])
    assert result.metrics["recovered_share"] == pytest.approx(0.5)
    assert result.metrics["recovered_share_without_statements"] == pytest.approx(1.0)
    assert result.metrics["extra_per_sentence"] == pytest.approx(2 / 3)
    assert result.metrics["false_events_on_empty"] == pytest.approx(1.0)


def test_petr2_unknown_country_matches_any_actor():
    event = make_event(cameo="190", actor=actor("REB", None), recipient=actor("SYR", "SYR"))
    assert petr2.event_matches(event, ("190", "---REB", "SYR"))
    assert not petr2.event_matches(event, ("190", "IRQREB", "SYR"))
    one_sided = make_event(cameo="141", actor=actor("RWALEG", "RWA"), recipient=None)
    assert petr2.event_matches(one_sided, ("140", "RWALEG", "---"))


def test_petr2_dates():
    assert petr2.parse_date("20080804") == datetime.date(2008, 8, 4)
    assert petr2.parse_date("121108") == datetime.date(2012, 11, 8)
    assert petr2.parse_date("") is None


def test_plover_scoring():
    gold = [
        plover.GoldRecord("a", "x", "ASSAULT", frozenset({"RUS"}), frozenset({"SYR"})),
        plover.GoldRecord("b", "y", "REQUEST", frozenset({"USA"}), frozenset()),
    ]
    hit = make_event(event_type="ASSAULT", actor=actor("RUS", "RUS"), recipient=actor("X", "TUR"))
    result = plover.score(gold, [[hit], []])
    assert result.metrics["event_type_accuracy"] == pytest.approx(0.5)
    assert result.metrics["actor_country_accuracy"] == pytest.approx(0.5)
    assert result.metrics["recipient_country_accuracy"] == pytest.approx(0.0)


def test_plover_gold_reads_old_event_names(gold_dir: Path):
    if not (gold_dir / plover.GOLD_FILE).is_file():
        pytest.skip("PLOVER gold file absent")
    records = plover.load_gold(gold_dir)
    assert len(records) > 300
    assert {r.event_type for r in records} <= plover.PLOVER_TYPES


@pytest.mark.slow
def test_petr2_gold_floors(coder, gold_dir: Path):
    """The issue's floors, on the whole pipeline."""
    if not (gold_dir / petr2.GOLD_FILE).is_file():
        pytest.skip("PETRARCH-2 gold file absent")
    result = petr2.run(coder, gold_dir)
    assert result.metrics["recovered_share_without_statements"] >= 0.55
    assert result.metrics["extra_per_sentence"] <= 0.7


@pytest.mark.slow
def test_plover_gold_runs(coder, gold_dir: Path):
    if not (gold_dir / plover.GOLD_FILE).is_file():
        pytest.skip("PLOVER gold file absent")
    result = plover.run(coder, gold_dir)
    assert result.metrics["event_type_accuracy"] >= 0.45
