"""Network: signed edges, alignment, two blocs separating the axis from the US and allies."""

from __future__ import annotations

import numpy as np

from realpolitik.analysis.blocs import signed_communities, signed_modularity
from realpolitik.analysis.network import alignment_scores, build_network

WINDOW = {"date_from": "2016-12-01", "date_to": "2017-03-31"}


def test_two_blocs(world_store):
    network = build_network(world_store, **WINDOW)
    blocs = [set(b) for b in network.blocs]
    axis = {"IRN", "RUS", "SYR", "LBNREB"}
    west = {"USA", "GBR", "ISR", "SAU"}
    assert axis in blocs and west in blocs, network.blocs
    nodes = {n.id: n for n in network.nodes}
    assert nodes["LBNREB"].label == "Hezbollah" and nodes["RUS"].label == "RUS"
    assert nodes["IRN"].bloc == nodes["SYR"].bloc != nodes["USA"].bloc


def test_edges_signed_and_alignment(world_store):
    network = build_network(world_store, **WINDOW)
    edges = {(e.source, e.target): e for e in network.edges}
    assert edges[("RUS", "SYR")].weight > 0.9 and edges[("RUS", "SYR")].conflict == 0
    assert edges[("IRN", "USA")].weight < -0.9
    assert edges[("RUS", "USA")].cooperation == 6 and edges[("RUS", "USA")].conflict == 18
    score = {(a.a, a.b): a.score for a in network.alignment}
    assert score[("IRN", "RUS")] > 0.5 and score[("IRN", "USA")] < -0.5
    data = network.to_dict()
    assert {"nodes", "edges", "blocs", "alignment"} <= set(data)
    assert {"id", "label", "country", "events", "bloc"} <= set(data["nodes"][0])


def test_history_and_hypotheticals_left_out(world_store):
    network = build_network(world_store, **WINDOW)
    edges = {(e.source, e.target) for e in network.edges}
    assert ("IRQ", "RUS") not in edges  # 1980s arms sales are outside the window
    assert ("IRQ", "RUS") not in {(e.source, e.target) for e in build_network(world_store).edges}
    everything = build_network(world_store, history=True)
    assert ("IRQ", "RUS") in {(e.source, e.target) for e in everything.edges}
    rus_irn = next(e for e in everything.edges if (e.source, e.target) == ("IRN", "RUS"))
    assert rus_irn.conflict == 1  # the 1826 war, once
    usa_syr = next(e for e in network.edges if (e.source, e.target) == ("SYR", "USA"))
    assert usa_syr.conflict == 12  # accusations only; the "future" assault is not counted


def test_min_events_and_graphml(world_store, tmp_path):
    network = build_network(world_store, min_events=20, **WINDOW)
    assert all(e.events >= 20 for e in network.edges)
    path = tmp_path / "n.graphml"
    network.write_graphml(path)
    assert "RUS" in path.read_text()


def test_alignment_of_third_parties_only():
    from realpolitik.analysis.network import Edge

    edges = [Edge("A", "C", 0.9, 9, 0, 9, None), Edge("B", "C", 0.9, 9, 0, 9, None),
             Edge("D", "C", -0.9, 0, 9, 9, None)]  # fmt: skip
    scores = {(s.a, s.b): s for s in alignment_scores(["A", "B", "C", "D"], edges)}
    # same single friend: cosine 1, damped by 1/(1+1) for one shared third party
    assert scores[("A", "B")].direct is None and scores[("A", "B")].score == 0.5
    assert scores[("A", "D")].score == -0.5
    edges.append(Edge("E", "F", 0.9, 9, 0, 9, None))
    scores = {(s.a, s.b): s for s in alignment_scores(["A", "B", "C", "D", "E", "F"], edges)}
    assert ("A", "E") not in scores  # nothing in common, no direct relation: no score


def test_signed_communities_split_by_negative_ties():
    weights = np.array(
        [[0, 1, -1, -1], [1, 0, -1, -1], [-1, -1, 0, 1], [-1, -1, 1, 0]], dtype=float
    )
    labels = signed_communities(weights)
    assert labels[0] == labels[1] != labels[2] == labels[3]
    assert signed_modularity(weights, labels) > signed_modularity(weights, np.zeros(4, int))


def test_undated_forum_post_counts_without_window(tmp_path):
    import dataclasses

    from realpolitik.store import EventStore
    from tests.store.corpus import Coded, coded

    item = coded(
        "forum",
        "2017-01-01",
        [
            ("RUS", "CONSULT", "IRN", {"when": None}),
            ("RUS/MIL", "ASSAULT", "IRN", {"when": "1830-01-01"}),
        ],
    )
    post = dataclasses.replace(item.document.posts[0], date=None)
    undated = Coded(dataclasses.replace(item.document, date=None, posts=(post,)), item.events)
    with EventStore.open(tmp_path / "f.duckdb") as store:
        store.add_coded(undated)
        (edge,) = build_network(store).edges
        assert (edge.source, edge.target, edge.cooperation, edge.conflict) == ("IRN", "RUS", 1, 0)
        assert build_network(store, date_from="2000-01-01").edges == []
        assert build_network(store, history=True).edges[0].conflict == 1
