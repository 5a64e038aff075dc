"""Shifts: PELT finds the USA-RUS turn, with levels and evidence; steady dyads have none."""

from __future__ import annotations

import numpy as np

from realpolitik.analysis.shifts import change_points, detect_shifts


def test_usa_russia_turn(world_store):
    (shift,) = detect_shifts(world_store, "USA", "RUS", freq="week")
    assert shift.period == "2017-01-16"  # week 7 of 12: agreements turn into sanctions
    assert shift.before == 0.0 and shift.after == -1.0 and shift.delta == -1.0
    assert shift.events_before >= 3 and shift.events_after >= 3
    assert shift.evidence and shift.evidence[0]["event_type"] == "SANCTION"
    assert {"a", "b", "period", "before", "after", "delta", "evidence"} <= set(shift.to_dict())


def test_steady_dyads_have_no_shifts(world_store):
    assert detect_shifts(world_store, "RUS", "SYR", freq="week") == []
    found = detect_shifts(world_store, freq="week")
    assert {(s.a, s.b) for s in found} <= {("RUS", "USA"), ("USA", "RUS")}


def test_minimum_evidence(world_store):
    assert detect_shifts(world_store, "USA", "RUS", freq="week", min_events=50) == []


def test_change_points_on_noise_and_steps():
    rng = np.random.default_rng(0)
    noise = np.clip(rng.normal(0.5, 0.2, 40), -1, 1)
    assert change_points(noise) == []
    step = np.concatenate([np.full(10, 0.8), np.full(10, -0.6)]) + rng.normal(0, 0.1, 20)
    assert change_points(step) == [10]
