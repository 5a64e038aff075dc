"""The relations report of a store: clusters vs mentions, top dyads, blocs, shifts, charts.

`write_report(db, out)` writes ``report.json``, ``report.md`` and PNG charts
into `out`.  The window is the span of the store's document dates, trimmed
of the 0.5% stragglers at either end (a few misdated articles would
otherwise stretch a winter's corpus over a year).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from realpolitik.analysis.charts import dyad_chart, network_chart
from realpolitik.analysis.dedup import cluster_stats
from realpolitik.analysis.dyads import relation_series
from realpolitik.analysis.network import build_network
from realpolitik.analysis.selection import Selection
from realpolitik.analysis.shifts import detect_shifts
from realpolitik.store import EventStore

#: Dyads an analyst of winter 2016-17 would look at first (shown when they have events).
WATCHED = [
    ("RUS", "SYR"),
    ("RUS", "TUR"),
    ("IRN", "RUS"),
    ("IRN", "TUR"),
    ("RUS", "USA"),
    ("IRN", "USA"),
    ("CHN", "USA"),
    ("MEX", "USA"),
    ("ISR", "PSE"),
]


def report_window(store: EventStore) -> tuple[str | None, str | None]:
    row = store.conn.execute(
        "SELECT quantile_disc(date, 0.005), quantile_disc(date, 0.995) FROM documents"
    ).fetchone()
    if not row or row[0] is None:
        return None, None
    return row[0].isoformat(), row[1].isoformat()


def _dyad_counts(store: EventStore, selection: Selection) -> Any:
    units, params = selection.sql()
    return store.frame(
        "SELECT least(actor_key, recipient_key) AS a, greatest(actor_key, recipient_key) AS b,"
        " count(*) AS n, count(*) FILTER (quad_class IN (1, 2)) AS cooperation,"
        " count(*) FILTER (quad_class IN (3, 4)) AS conflict,"
        f" round(sum(goldstein), 1) AS goldstein FROM ({units}) GROUP BY 1, 2",
        params,
    )


def top_dyads(store: EventStore, selection: Selection, limit: int = 15) -> list[dict[str, Any]]:
    """The busiest undirected dyads of the window (event clusters), with their report counts."""
    clusters = _dyad_counts(store, selection)
    if clusters.empty:
        return []
    mentions = _dyad_counts(
        store, Selection(selection.date_from, selection.date_to, False, "mentions")
    )[["a", "b", "n"]].rename(columns={"n": "mentions"})
    table = clusters.rename(columns={"n": "clusters"}).merge(mentions, on=["a", "b"], how="left")
    table["balance"] = ((table.cooperation - table.conflict) / table.clusters).round(2)
    table = table.sort_values(["clusters", "a", "b"], ascending=[False, True, True])
    return [
        {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
        for row in table.head(limit).to_dict("records")
    ]


def _evidence_brief(event: dict[str, Any]) -> dict[str, Any]:
    sentence = event["sentence"]
    return {
        "event_id": event["event_id"],
        "date": (event.get("date") or {}).get("start") or event.get("doc_date"),
        "actor": (event.get("actor") or {}).get("code"),
        "event_type": event["event_type"],
        "recipient": (event.get("recipient") or {}).get("code"),
        "status": event["status"],
        "publisher": event.get("publisher"),
        "sources": event.get("sources"),
        "sentence": sentence if len(sentence) <= 240 else sentence[:237] + "...",
    }


def _dyad_section(store: EventStore, a: str, b: str, freq: str, window: tuple, out: Path) -> dict:
    series = relation_series(store, a, b, freq, *window)
    shifts = detect_shifts(store, a, b, freq, date_from=window[0], date_to=window[1])
    chart = dyad_chart(series, out / f"dyad-{a}-{b}.png", shifts)
    evidence = [e for p in series.periods for e in p.evidence]
    evidence.sort(key=lambda e: (-abs(e["goldstein"]), -(e.get("sources") or 1), e["event_id"]))
    totals = series.totals()
    balance = (totals.cooperation - totals.conflict) / totals.events if totals.events else None
    return {
        "a": a,
        "b": b,
        "chart": chart.name,
        "totals": {
            "cooperation": totals.cooperation,
            "conflict": totals.conflict,
            "events": totals.events,
            "reported": totals.reported,
            "goldstein": totals.goldstein,
            "balance": None if balance is None else round(balance, 2),
        },
        "shifts": [
            {k: v for k, v in s.to_dict().items() if k != "evidence"}
            | {"evidence": [_evidence_brief(e) for e in s.evidence[:3]]}
            for s in shifts
        ],
        "evidence": [_evidence_brief(e) for e in evidence[:4]],
    }


def _network_section(store: EventStore, window: tuple, out: Path, top: int) -> dict:
    network = build_network(store, *window, min_events=2)
    chart = network_chart(network, out / "network.png", top=top)
    labels = {n.id: n.label for n in network.nodes}
    shown = {n.id for n in sorted(network.nodes, key=lambda n: -n.events)[:top]}
    pairs = [p for p in network.alignment if p.a in shown and p.b in shown and p.direct is not None]
    pairs.sort(key=lambda p: (p.score, p.a, p.b))
    brief = [{"a": labels[p.a], "b": labels[p.b], "score": p.score} for p in pairs]
    return {
        "chart": chart.name,
        "actors": len(network.nodes),
        "relations": len(network.edges),
        "blocs": [[labels[m] for m in bloc] for bloc in network.blocs if len(bloc) > 1],
        "most_aligned": brief[::-1][:8],
        "most_opposed": brief[:8],
    }


def build_report(store: EventStore, out: Path, freq: str = "week", top: int = 30) -> dict:
    """Compute every section of the report, drawing its charts into `out`."""
    window = report_window(store)
    selection = Selection(*window)
    dyads = top_dyads(store, selection, limit=200)
    present = {(d["a"], d["b"]) for d in dyads if d["clusters"] >= 3}
    charted = [d for d in WATCHED if d in present]
    charted += [(d["a"], d["b"]) for d in dyads[:8] if (d["a"], d["b"]) not in charted]
    shifts = detect_shifts(store, freq=freq, date_from=window[0], date_to=window[1], top_dyads=40)
    return {
        "window": {"from": window[0], "to": window[1], "freq": freq},
        "store": store.stats(),
        "clusters": cluster_stats(store, top=10).to_dict(),
        "top_dyads": dyads[:15],
        "dyads": [_dyad_section(store, a, b, freq, window, out) for a, b in charted],
        "network": _network_section(store, window, out, top),
        "shifts": [
            {k: v for k, v in s.to_dict().items() if k != "evidence"}
            | {"evidence": [_evidence_brief(e) for e in s.evidence[:2]]}
            for s in shifts[:15]
        ],
    }


def write_report(db: str | Path, out: str | Path, freq: str = "week", top: int = 30) -> dict:
    """Write report.json, report.md and the charts of the store at `db` into `out`."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with EventStore.open(db, read_only=True) as store:
        report = build_report(store, out, freq, top)
    (out / "report.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (out / "report.md").write_text(report_markdown(report))
    return {
        "window": report["window"],
        "store": report["store"],
        "mentions": report["clusters"]["mentions"],
        "clusters": report["clusters"]["clusters"],
    }


def _line(e: dict[str, Any]) -> str:
    sources = f", {e['sources']} sources" if (e.get("sources") or 1) > 1 else ""
    return (
        f"  - {e['date']} {e['actor']} {e['event_type']} {e['recipient']} "
        f"({e['status']}; {e['publisher']}{sources}): \u201c{e['sentence']}\u201d"
    )


def report_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown (generated; the narrative lives in docs/relations.md)."""
    w, c = report["window"], report["clusters"]
    lines = [
        "# Relations report (generated)",
        "",
        f"Window {w['from']} to {w['to']}, {w['freq']}ly series. Store: "
        + ", ".join(f"{v} {k}" for k, v in report["store"].items())
        + ".",
        "",
        "## Clusters vs mentions",
        "",
        f"{c['mentions']} event mentions form {c['clusters']} event clusters "
        f"({c['mentions_per_cluster']} mentions per cluster); {c['multi_mention_clusters']} "
        f"clusters have several mentions and {c['corroborated_clusters']} are corroborated by "
        "two or more publishers.",
        "",
        "## Top dyads (event clusters in the window)",
        "",
        "| dyad | clusters | reports | cooperation | conflict | balance | Goldstein |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in report["top_dyads"]:
        lines.append(
            f"| {d['a']}\u2013{d['b']} | {d['clusters']} | {d['mentions']} | "
            f"{d['cooperation']} | {d['conflict']} | {d['balance']:+.2f} | "
            f"{d['goldstein']} |"
        )
    net = report["network"]
    lines += [
        "",
        "## Network and blocs",
        "",
        f"![network]({net['chart']})",
        "",
        f"{net['actors']} actors, {net['relations']} relations (2+ events).",
        "",
    ]
    lines += [f"- bloc {i}: {', '.join(b[:20])}" for i, b in enumerate(net["blocs"], 1)]
    lines += [
        "",
        "Most aligned pairs (with a direct relation): "
        + "; ".join(f"{p['a']}\u2013{p['b']} {p['score']:+.2f}" for p in net["most_aligned"]),
        "",
        "Most opposed pairs: "
        + "; ".join(f"{p['a']}\u2013{p['b']} {p['score']:+.2f}" for p in net["most_opposed"]),
        "",
    ]
    lines += ["## Dyads", ""]
    for d in report["dyads"]:
        t = d["totals"]
        lines += [
            f"### {d['a']} \u2013 {d['b']}",
            "",
            f"![{d['a']}-{d['b']}]({d['chart']})",
            "",
            f"{t['events']} event clusters: {t['cooperation']} cooperative, "
            f"{t['conflict']} conflictual (balance {t['balance']}), {t['reported']} reported.",
            "",
        ]
        for s in d["shifts"]:
            lines.append(f"- shift from {s['period']}: {s['before']:+.2f} \u2192 {s['after']:+.2f}")
        lines += ["- strongest events:", *(_line(e) for e in d["evidence"]), ""]
    lines += [
        "## Shifts (busiest dyads)",
        "",
        "| dyad | from | before | after | events |",
        "|---|---|---|---|---|",
    ]
    for s in report["shifts"]:
        lines.append(
            f"| {s['a']}\u2013{s['b']} | {s['period']} | {s['before']:+.2f} | "
            f"{s['after']:+.2f} | {s['events_before']}/{s['events_after']} |"
        )
    return "\n".join(lines) + "\n"
