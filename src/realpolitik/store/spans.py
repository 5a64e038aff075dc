"""Character spans of events in their posts (for highlighting a document in a UI)."""

from __future__ import annotations

from typing import Any


def _actor_span(actor: dict[str, Any] | None, kind: str, event_id: str) -> dict[str, Any] | None:
    if not actor or actor.get("start") is None or actor.get("end") is None:
        return None
    label = actor.get("name") or actor.get("code") or actor.get("text")
    return {
        "start": actor["start"],
        "end": actor["end"],
        "kind": kind,
        "event_id": event_id,
        "label": label,
    }


def event_spans(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The trigger, actor and recipient spans of one event record."""
    event_id = record["event_id"]
    trigger = record.get("trigger") or {}
    spans = []
    if trigger.get("start") is not None:
        label = f"{record['event_type']} ({record['cameo']})"
        spans.append(
            {
                "start": trigger["start"],
                "end": trigger["end"],
                "kind": "trigger",
                "event_id": event_id,
                "label": label,
            }
        )
    for side in ("actor", "recipient"):
        span = _actor_span(record.get(side), side, event_id)
        if span:
            spans.append(span)
    return spans


def document_spans(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Spans of every event, grouped by post id and sorted by position."""
    by_post: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_post.setdefault(record["post_id"], []).extend(event_spans(record))
    for spans in by_post.values():
        spans.sort(key=lambda s: (s["start"], s["end"], s["kind"]))
    return by_post
