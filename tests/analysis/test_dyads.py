"""Dyad series: directions, quad classes, balance, evidence, non-factual and history excluded."""

from __future__ import annotations

import pytest

from realpolitik.analysis.dyads import relation_series
from realpolitik.errors import UsageError


def test_axis_dyads_cooperate(world_store):
    for a, b in (("RUS", "SYR"), ("RUS", "IRN"), ("IRN", "SYR"), ("IRN", "Hezbollah")):
        series = relation_series(world_store, a, b, freq="month")
        totals = series.totals()
        assert totals.conflict == 0 and totals.cooperation > 0, (a, b)
        assert all(p.balance in (None, 1.0) for p in series.periods)


def test_usa_iran_conflict_and_directions(world_store):
    series = relation_series(world_store, "USA", "IRN", freq="month")
    data = series.to_dict()
    assert data["a"] == "USA" and data["b"] == "IRN"
    december = data["periods"][0]
    assert december["period"] == "2016-12-01"
    assert december["a_to_b"]["q4"] == 4  # four weekly sanctions in December
    assert december["b_to_a"]["q3"] == 4  # four threats back
    assert december["undirected"]["events"] == 8 and december["balance"] == -1.0
    assert december["undirected"]["goldstein"] == pytest.approx(4 * -8.0 + 4 * -7.0)
    # the strongest events of the month are its evidence: the sanctions (-8)
    assert [e["event_type"] for e in december["evidence"]] == ["SANCTION"] * 3


def test_hypothetical_and_history_do_not_move_present(world_store):
    window = {"date_from": "2016-12-01", "date_to": "2017-03-31"}
    usa_rus = relation_series(world_store, "USA", "RUS", freq="month", **window)
    assert usa_rus.totals().q4 == 6  # sanctions only: the hypothetical assault is not counted
    with_all = relation_series(
        world_store, "USA", "RUS", "month", include_nonfactual=True, **window
    )
    assert with_all.totals().q4 == 6 + 12 and with_all.totals().q1 == usa_rus.totals().q1
    rus_irn = relation_series(world_store, "RUS", "IRN", freq="year", **window)
    assert rus_irn.totals().conflict == 0  # the 19th-century war sits in its own century
    assert relation_series(world_store, "RUS", "IRN", freq="year").totals().conflict == 0
    history = relation_series(world_store, "RUS", "IRN", "year", date_to="1900-01-01", history=True)
    assert history.totals().q4 == 1 and history.periods[0].period == "1826-01-01"


def test_clusters_vs_mentions(world_store):
    clusters = relation_series(world_store, "RUS", "SYR", freq="month").totals().events
    mentions = relation_series(world_store, "RUS", "SYR", freq="month", count="mentions")
    # each week's aid is echoed by the second paper; the agreement is not
    assert mentions.totals().events == clusters + 12


def test_weekly_periods_are_dense_and_monday_based(world_store):
    series = relation_series(world_store, "USA", "GBR", freq="week", date_from="2016-12-01")
    keys = [p.period for p in series.periods]
    assert keys[0] == "2016-11-28" and len(keys) == len(set(keys))
    assert series.periods[0].undirected.events == 0  # an empty week is listed, not skipped


def test_unknown_actor_and_freq(world_store):
    with pytest.raises(UsageError):
        relation_series(world_store, "USA", "ATLANTIS")
    with pytest.raises(UsageError):
        relation_series(world_store, "USA", "IRN", freq="fortnight")
