"""The signed, weighted actor network of a window, pairwise alignment, and blocs.

Edge weight: the dyad's cooperation-conflict balance, shrunk toward neutral
when evidence is thin: ``(cooperation - conflict) / (events + 1)``, in (-1, 1).

Alignment of a pair (i, j), in the spirit of the S-score of alliance
portfolios (Signorino & Ritter 1999): how similar their relations to third
parties are, as the cosine of their signed weight vectors over everyone else
(+1: same friends and enemies, -1: opposite, 0: nothing in common), damped by
``m / (m + 1)`` for m third parties both have relations with, so one shared
acquaintance is weak evidence; averaged with their direct weight ``w_ij``
when they have one.  (The S-score's own ``1 - 2d/dmax`` treats "no relation"
as agreement, which in sparse event data makes nearly everyone aligned.)
Blocs are communities of the signed alignment matrix (`blocs.signed_communities`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from realpolitik.analysis.blocs import signed_communities
from realpolitik.analysis.selection import Selection, key_labels
from realpolitik.store import EventStore

#: Pseudo-count of neutral evidence in an edge weight.
PRIOR_EVENTS = 1.0


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    country: str | None
    events: int
    bloc: int | None


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    weight: float
    cooperation: int
    conflict: int
    events: int
    alignment: float | None
    goldstein: float = 0.0


@dataclass(frozen=True, slots=True)
class Alignment:
    a: str
    b: str
    score: float
    direct: float | None = None
    third_party: float | None = None
    shared: int = 0  # third parties compared


@dataclass(slots=True)
class ActorNetwork:
    nodes: list[Node]
    edges: list[Edge]
    blocs: list[list[str]]
    alignment: list[Alignment] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "nodes": [asdict(n) for n in self.nodes],
            "edges": [asdict(e) for e in self.edges],
            "blocs": self.blocs,
            "alignment": [asdict(a) for a in self.alignment],
        }

    def to_networkx(self) -> nx.Graph:
        graph = nx.Graph()
        for node in self.nodes:
            attrs = {k: v for k, v in asdict(node).items() if v is not None and k != "id"}
            graph.add_node(node.id, **attrs)
        for edge in self.edges:
            attrs = {k: v for k, v in asdict(edge).items() if v is not None}
            attrs.pop("source")
            attrs.pop("target")
            graph.add_edge(edge.source, edge.target, **attrs)
        return graph

    def write_graphml(self, path: str | Path) -> None:
        nx.write_graphml(self.to_networkx(), str(path))


def _edges(store: EventStore, selection: Selection, min_events: int) -> list[Edge]:
    units, params = selection.sql()
    rows = store.conn.execute(
        "SELECT least(actor_key, recipient_key) AS a, greatest(actor_key, recipient_key) AS b,"
        " count(*) AS n, count(*) FILTER (quad_class IN (1, 2)) AS coop,"
        " count(*) FILTER (quad_class IN (3, 4)) AS conf, sum(goldstein) AS g"
        f" FROM ({units}) GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY n DESC, a, b",
        [*params, min_events],
    ).fetchall()
    return [
        Edge(a, b, round((coop - conf) / (n + PRIOR_EVENTS), 3), coop, conf, n, None, round(g, 2))
        for a, b, n, coop, conf, g in rows
    ]


def _third_party(weight: np.ndarray, known: np.ndarray, i: int, j: int) -> tuple[float | None, int]:
    """Cosine of i's and j's relations to everyone else, damped by how many they share."""
    others = np.ones(len(weight), dtype=bool)
    others[[i, j]] = False
    a, b = weight[i, others], weight[j, others]
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    if norm == 0:
        return None, 0
    shared = int((known[i, others] & known[j, others]).sum())
    return float(a @ b) / norm * shared / (shared + 1), shared


def alignment_scores(ids: list[str], edges: list[Edge]) -> list[Alignment]:
    """Alignment of every pair with a direct relation or a third party in common."""
    index = {key: i for i, key in enumerate(ids)}
    n = len(ids)
    weight = np.zeros((n, n))
    known = np.zeros((n, n), dtype=bool)
    for edge in edges:
        i, j = index[edge.source], index[edge.target]
        weight[i, j] = weight[j, i] = edge.weight
        known[i, j] = known[j, i] = True
    scores = []
    for i in range(n):
        for j in range(i + 1, n):
            direct = float(weight[i, j]) if known[i, j] else None
            similarity, shared = _third_party(weight, known, i, j)
            if direct is None and not shared:
                continue
            parts = [p for p in (direct, similarity if shared else None) if p is not None]
            score = round(sum(parts) / len(parts), 3)
            third = None if similarity is None else round(similarity, 3)
            scores.append(Alignment(ids[i], ids[j], score, direct, third, shared))
    return scores


def _blocs(ids: list[str], alignment: list[Alignment]) -> list[list[str]]:
    index = {key: i for i, key in enumerate(ids)}
    matrix = np.zeros((len(ids), len(ids)))
    for pair in alignment:
        i, j = index[pair.a], index[pair.b]
        matrix[i, j] = matrix[j, i] = pair.score
    labels = signed_communities(matrix)
    groups: dict[int, list[str]] = {}
    for key, label in zip(ids, labels, strict=True):
        groups.setdefault(int(label), []).append(key)
    return sorted(groups.values(), key=lambda members: (-len(members), members))


def build_network(
    store: EventStore,
    date_from: str | None = None,
    date_to: str | None = None,
    min_events: int = 1,
    *,
    count: str = "clusters",
    history: bool = False,
) -> ActorNetwork:
    """The actor network of the window: nodes, signed edges, alignment of pairs, blocs.

    Without a window, undated events count too (they are as present as their
    document); history counts only with `history`.
    """
    selection = Selection(date_from, date_to, False, count, history, undated=True)
    edges = _edges(store, selection, min_events)
    totals: dict[str, int] = {}
    for edge in edges:
        totals[edge.source] = totals.get(edge.source, 0) + edge.events
        totals[edge.target] = totals.get(edge.target, 0) + edge.events
    ids = sorted(totals, key=lambda k: (-totals[k], k))
    alignment = alignment_scores(ids, edges)
    blocs = _blocs(ids, alignment) if ids else []
    bloc_of = {key: number for number, members in enumerate(blocs) for key in members}
    by_pair = {(p.a, p.b): p.score for p in alignment} | {(p.b, p.a): p.score for p in alignment}
    edges = [
        Edge(e.source, e.target, e.weight, e.cooperation, e.conflict, e.events,
             by_pair.get((e.source, e.target)), e.goldstein)
        for e in edges
    ]  # fmt: skip
    labels = key_labels(store, ids)
    nodes = [
        Node(key, labels[key]["label"], labels[key]["country"], totals[key], bloc_of.get(key))
        for key in ids
    ]
    return ActorNetwork(nodes, edges, blocs, alignment, date_from, date_to)
