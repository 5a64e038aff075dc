"""PNG charts (matplotlib, Agg backend): a dyad's timeline and the actor network."""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from realpolitik.analysis.dyads import RelationSeries
from realpolitik.analysis.network import ActorNetwork
from realpolitik.analysis.shifts import Shift

QUAD_STYLE = {
    1: ("verbal cooperation", "#9bd39b"),
    2: ("material cooperation", "#1b7a1b"),
    3: ("verbal conflict", "#f4a582"),
    4: ("material conflict", "#b2182b"),
}
BAR_DAYS = {"week": 5, "month": 24, "quarter": 70, "year": 300}
BLOC_COLOURS = [
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
]


def dyad_chart(series: RelationSeries, path: str | Path, shifts: list[Shift] | None = None) -> Path:
    """Cooperation (up) vs conflict (down) bars per quad class, the balance line, shift markers."""
    dates = [pd.Timestamp(p.period) for p in series.periods]
    fig, (bars, line) = plt.subplots(
        2, 1, figsize=(10, 6), sharex=True, gridspec_kw={"height_ratios": [3, 1.4]}
    )
    width = BAR_DAYS[series.freq]
    bottom_up = [0.0] * len(dates)
    bottom_down = [0.0] * len(dates)
    for quad, (label, colour) in QUAD_STYLE.items():
        values = [getattr(p.undirected, f"q{quad}") for p in series.periods]
        if quad <= 2:
            bars.bar(dates, values, width, bottom=bottom_up, color=colour, label=label)
            bottom_up = [b + v for b, v in zip(bottom_up, values, strict=True)]
        else:
            negative = [-v for v in values]
            bars.bar(dates, negative, width, bottom=bottom_down, color=colour, label=label)
            bottom_down = [b + v for b, v in zip(bottom_down, negative, strict=True)]
    bars.axhline(0, color="black", linewidth=0.8)
    unit = "event clusters" if series.count == "clusters" else "reports"
    bars.set_ylabel(f"{unit} per {series.freq}\n(conflict below zero)")
    bars.set_title(f"{series.a} \u2013 {series.b}: cooperation vs conflict", fontsize=13)
    bars.legend(loc="upper left", fontsize=8, ncol=2, frameon=False)
    balance = [p.balance for p in series.periods]
    line.plot(dates, [math.nan if b is None else b for b in balance], "o-", color="#333333")
    line.axhline(0, color="grey", linewidth=0.6)
    line.set_ylim(-1.1, 1.1)
    line.set_ylabel("balance\n(+1 coop, \u22121 conflict)")
    for number, shift in enumerate(shifts or []):
        when = pd.Timestamp(shift.period)
        for axis in (bars, line):
            axis.axvline(when, color="#7b3294", linestyle="--", linewidth=1.2)
        line.annotate(
            f"shift {shift.before:+.2f}\u2192{shift.after:+.2f}",
            (when, 0.85 if number % 2 == 0 else -0.95),
            fontsize=8,
            color="#7b3294",
            xytext=(4, 0),
            textcoords="offset points",
        )
    line.xaxis.set_major_formatter(
        mdates.DateFormatter("%Y-%m-%d" if series.freq == "week" else "%Y-%m")
    )
    fig.autofmt_xdate()
    fig.tight_layout()
    return _save(fig, path)


def network_chart(network: ActorNetwork, path: str | Path, top: int = 30) -> Path:
    """The `top` busiest actors, coloured by bloc; green (cooperative) and red (hostile) edges."""
    keep = {n.id for n in sorted(network.nodes, key=lambda n: -n.events)[:top]}
    graph = network.to_networkx().subgraph(keep).copy()
    layout_graph = nx.Graph()
    layout_graph.add_nodes_from(graph.nodes)
    for edge in network.alignment:
        if edge.a in keep and edge.b in keep:  # hostile pairs pull weakly: one compact picture
            layout_graph.add_edge(edge.a, edge.b, weight=max(edge.score, 0.03))
    pos = nx.spring_layout(
        layout_graph, seed=7, weight="weight", k=1.6 / math.sqrt(max(len(keep), 1))
    )
    fig, ax = plt.subplots(figsize=(11, 9))
    for source, target, data in graph.edges(data=True):
        colour = "#1b7a1b" if data["weight"] > 0 else "#b2182b"
        ax.plot(
            [pos[source][0], pos[target][0]],
            [pos[source][1], pos[target][1]],
            color=colour,
            linewidth=0.6 + 1.4 * math.log1p(data["events"]),
            alpha=0.35 + 0.5 * abs(data["weight"]),
            zorder=1,
        )
    blocs = {n.id: n.bloc for n in network.nodes}
    for node in graph.nodes:
        data = graph.nodes[node]
        colour = _bloc_colour(blocs.get(node), network)
        ax.scatter(
            *pos[node],
            s=80 + 25 * math.sqrt(data["events"]),
            color=colour,
            edgecolors="black",
            linewidths=0.6,
            zorder=2,
        )
        ax.annotate(
            data.get("label", node),
            pos[node],
            fontsize=9,
            ha="center",
            va="center",
            xytext=(0, 12),
            textcoords="offset points",
            zorder=3,
        )
    ax.legend(
        handles=_legend(network, keep, graph),
        loc="upper center",
        fontsize=8,
        ncol=2,
        frameon=False,
        bbox_to_anchor=(0.5, -0.01),
    )
    ax.margins(0.08)
    window = f"{network.date_from or 'start'} to {network.date_to or 'end'}"
    ax.set_title(f"Actor network and blocs, {window} (top {len(keep)} actors)", fontsize=13)
    ax.set_axis_off()
    fig.tight_layout()
    return _save(fig, path)


def _bloc_colour(bloc: int | None, network: ActorNetwork) -> str:
    if bloc is None or len(network.blocs[bloc]) < 2:
        return "#cccccc"
    return BLOC_COLOURS[bloc % len(BLOC_COLOURS)]


def _legend(network: ActorNetwork, keep: set[str], graph: nx.Graph) -> list:
    handles: list = []
    for number, members in enumerate(network.blocs):
        shown = [graph.nodes[m].get("label", m) for m in members if m in keep]
        if len(members) < 2 or not shown:
            continue
        label = (
            f"bloc {number + 1}: " + ", ".join(shown[:6]) + (" \u2026" if len(shown) > 6 else "")
        )
        handles.append(Patch(color=_bloc_colour(number, network), label=label))
    if any(len(network.blocs[n.bloc]) < 2 for n in network.nodes if n.id in keep):
        handles.append(Patch(color="#cccccc", label="no bloc (alone)"))
    handles.append(Line2D([], [], color="#1b7a1b", label="cooperative relation"))
    handles.append(Line2D([], [], color="#b2182b", label="hostile relation"))
    return handles


def _save(fig: plt.Figure, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
