"""Commands over the event store: export, relations, network, shifts, clusters, stats."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from realpolitik.cli import app
from realpolitik.errors import UsageError
from realpolitik.settings import load_settings

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="REALPOLITIK_DB", help="The DuckDB event store (default: settings)."
    ),
]
FromOption = Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]
ToOption = Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]
FreqOption = Annotated[str, typer.Option("--freq", help="week | month | quarter | year")]
HistoryOption = Annotated[
    bool,
    typer.Option("--history", help="Count events the text dates 10+ years before it was written."),
]
OutOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here (default stdout).")
]


def _open(db: str | None, read_only: bool = True):
    from realpolitik.store import EventStore

    return EventStore.open(db or load_settings().db, read_only=read_only)


def _emit(data: Any, output: Path | None) -> None:
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    if output:
        output.write_text(text + "\n", encoding="utf-8")
    else:
        print(text)


@app.command("export")
def export_command(
    db: StoreOption = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl | csv | parquet | polecat | gdelt")
    ] = "jsonl",
    output: OutOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code, country or name.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code, country or name.")] = None,
    country: Annotated[str | None, typer.Option(help="Actor or recipient country.")] = None,
    event_type: Annotated[str | None, typer.Option("--event-type", help="PLOVER type.")] = None,
    quad_class: Annotated[int | None, typer.Option("--quad-class", help="1-4.")] = None,
    status: Annotated[str | None, typer.Option(help="asserted, reported, ...")] = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    source: Annotated[str | None, typer.Option(help="Publisher or document id.")] = None,
    text: Annotated[str | None, typer.Option(help="Substring of the sentence.")] = None,
    factual_only: Annotated[
        bool, typer.Option("--factual-only", help="Only asserted and reported events.")
    ] = False,
    clusters_only: Annotated[
        bool, typer.Option("--clusters-only", help="One event per cluster.")
    ] = False,
    limit: Annotated[int, typer.Option(help="At most this many (0 = all).")] = 0,
) -> None:
    """Export events (same filters as queries); POLECAT-style JSON and GDELT-style TSV too."""
    from realpolitik.store import EventFilter, export_events

    filters = EventFilter(
        actor,
        recipient,
        country,
        event_type,
        quad_class,
        status,
        date_from,
        date_to,
        source,
        text,
        not factual_only,
        limit,
        0,
        clusters_only,
    )
    with _open(db) as store:
        count = export_events(store, filters, fmt, output if output else sys.stdout)
    Console(stderr=True).print(f"{count} events exported", highlight=False)


@app.command("relations")
def relations_command(
    a: Annotated[str, typer.Argument(help="First actor (key, code or name).")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    db: StoreOption = None,
    freq: FreqOption = "month",
    date_from: FromOption = None,
    date_to: ToOption = None,
    include_nonfactual: Annotated[
        bool, typer.Option("--include-nonfactual", help="Count hypothetical/future/... too.")
    ] = False,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="Count every report, not event clusters.")
    ] = False,
    history: HistoryOption = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
    png: Annotated[Path | None, typer.Option("--png", help="Also draw the chart here.")] = None,
    output: OutOption = None,
) -> None:
    """The relation of A and B over time: directed flows, balance, evidence, chart."""
    from realpolitik.analysis.dyads import relation_series

    with _open(db) as store:
        series = relation_series(
            store,
            a,
            b,
            freq,
            date_from,
            date_to,
            include_nonfactual,
            count="mentions" if mentions else "clusters",
            history=history,
        )
        shifts = []
        if png:
            from realpolitik.analysis.charts import dyad_chart
            from realpolitik.analysis.shifts import detect_shifts

            shifts = detect_shifts(
                store, series.a, series.b, freq, date_from=date_from, date_to=date_to
            )
            dyad_chart(series, png, shifts)
    if fmt == "json":
        _emit(series.to_dict(), output)
    elif fmt == "table":
        console = Console()
        console.print(_relations_table(series))
        console.print("Strongest event of each period:", style="bold")
        for period in series.periods:
            for event in period.evidence[:1]:
                console.print(f"{period.period}  {_evidence_line(event)}", highlight=False)
    else:
        raise UsageError(f"unknown --format {fmt!r}; choose table or json")


def _relations_table(series: Any) -> Table:
    table = Table(title=f"{series.a} \u2194 {series.b} ({series.count} per {series.freq})")
    for column in (
        "period",
        f"{series.a}\u2192{series.b} q1/q2/q3/q4",
        f"{series.b}\u2192{series.a} q1/q2/q3/q4",
        "Goldstein",
        "balance",
    ):
        table.add_column(column, overflow="fold")
    for period in series.periods:
        if not period.undirected.events:
            continue
        table.add_row(
            period.period,
            _quads(period.a_to_b),
            _quads(period.b_to_a),
            f"{period.undirected.goldstein:+.1f}",
            f"{period.balance:+.2f}",
        )
    return table


def _quads(flow: Any) -> str:
    return f"{flow.q1}/{flow.q2}/{flow.q3}/{flow.q4}" + (
        f" ({flow.reported} reported)" if flow.reported else ""
    )


def _evidence_line(event: dict[str, Any]) -> str:
    sentence = (
        event["sentence"] if len(event["sentence"]) < 140 else event["sentence"][:137] + "..."
    )
    return f"{event['event_type']} [{event.get('publisher') or event['doc_id']}] {sentence}"


@app.command("network")
def network_command(
    db: StoreOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    min_events: Annotated[int, typer.Option("--min-events", help="Fewer per dyad: no edge.")] = 1,
    png: Annotated[Path | None, typer.Option("--png", help="Draw the network here.")] = None,
    top: Annotated[int, typer.Option(help="Actors drawn in the chart.")] = 30,
    history: HistoryOption = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json | graphml")] = "table",
    output: OutOption = None,
) -> None:
    """The signed actor network of a window: edges, alignment of pairs, blocs."""
    from realpolitik.analysis.network import build_network

    with _open(db) as store:
        network = build_network(store, date_from, date_to, min_events, history=history)
    if png:
        from realpolitik.analysis.charts import network_chart

        network_chart(network, png, top)
    if fmt == "json":
        _emit(network.to_dict(), output)
    elif fmt == "graphml":
        if not output:
            raise UsageError("--format graphml needs --output FILE")
        network.write_graphml(output)
    elif fmt == "table":
        Console().print(_blocs_table(network))
    else:
        raise UsageError(f"unknown --format {fmt!r}; choose table, json or graphml")


def _blocs_table(network: Any) -> Table:
    labels = {n.id: n.label for n in network.nodes}
    table = Table(title=f"Blocs ({len(network.nodes)} actors, {len(network.edges)} relations)")
    table.add_column("bloc")
    table.add_column("members (busiest first)", overflow="fold")
    for number, members in enumerate(network.blocs, start=1):
        if len(members) > 1:
            table.add_row(str(number), ", ".join(labels[m] for m in members[:25]))
    return table


@app.command("shifts")
def shifts_command(
    a: Annotated[str | None, typer.Argument(help="First actor (or none: busiest dyads).")] = None,
    b: Annotated[str | None, typer.Argument(help="Second actor.")] = None,
    db: StoreOption = None,
    freq: FreqOption = "month",
    date_from: FromOption = None,
    date_to: ToOption = None,
    min_events: Annotated[int, typer.Option("--min-events", help="Per side of a shift.")] = 3,
    min_delta: Annotated[float, typer.Option("--min-delta", help="Smallest balance move.")] = 0.3,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
    output: OutOption = None,
) -> None:
    """Change points in dyad relations, with before/after levels and the events behind them."""
    from realpolitik.analysis.shifts import detect_shifts

    if (a is None) != (b is None):
        raise UsageError("give two actors, or none for the busiest dyads")
    with _open(db) as store:
        shifts = detect_shifts(
            store, a, b, freq, min_events, date_from=date_from, date_to=date_to, min_delta=min_delta
        )
    if fmt == "json":
        _emit([s.to_dict() for s in shifts], output)
        return
    table = Table(title=f"Shifts ({freq})")
    for column in ("dyad", "from", "before", "after", "events", "driven by"):
        table.add_column(column, overflow="fold")
    for shift in shifts:
        top = shift.evidence[0] if shift.evidence else None
        table.add_row(
            f"{shift.a}\u2013{shift.b}",
            shift.period,
            f"{shift.before:+.2f}",
            f"{shift.after:+.2f}",
            f"{shift.events_before}/{shift.events_after}",
            _evidence_line(top) if top else "",
        )
    Console().print(table)


@app.command("clusters")
def clusters_command(
    db: StoreOption = None,
    recluster: Annotated[
        bool, typer.Option("--recluster", help="Recompute clusters first.")
    ] = False,
    top: Annotated[int, typer.Option(help="Best-corroborated clusters to list.")] = 10,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table",
) -> None:
    """Mentions vs event clusters (dedup and corroboration across sources)."""
    from realpolitik.analysis.dedup import cluster_events, cluster_stats

    with _open(db, read_only=not recluster) as store:
        stats = cluster_events(store, top=top) if recluster else cluster_stats(store, top)
    if fmt == "json":
        _emit(stats.to_dict(), None)
        return
    console = Console()
    console.print(
        f"{stats.mentions} mentions in {stats.clusters} event clusters "
        f"({stats.mentions_per_cluster:.2f} mentions per cluster); "
        f"{stats.multi_mention_clusters} clusters with several mentions, "
        f"{stats.corroborated_clusters} corroborated by 2+ sources",
        highlight=False,
    )
    table = Table(title="Best-corroborated clusters")
    for column in ("actor", "type", "recipient", "dates", "mentions", "sources"):
        table.add_column(column, overflow="fold")
    for item in stats.top:
        dates = (
            item["date_start"]
            if item["date_start"] == item["date_end"]
            else (f"{item['date_start']}..{item['date_end']}")
        )
        table.add_row(
            item["actor_key"] or "",
            item["event_type"],
            item["recipient_key"] or "",
            dates or "",
            str(item["mentions"]),
            ", ".join(item["source_list"]),
        )
    console.print(table)


@app.command("stats")
def stats_command(db: StoreOption = None) -> None:
    """Row counts of the store: documents, posts, events, clusters, runs, skipped."""
    with _open(db) as store:
        _emit(store.stats(), None)
