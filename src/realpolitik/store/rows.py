"""Flatten records into table rows (column order matches `schema`)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from realpolitik.records import Document, Event
from realpolitik.store.keys import actor_key


def parse_date(value: Any) -> date | None:
    """An ISO date, year-month or year string (or a date) as a date; None if unparseable."""
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    parts = text.split("-")
    try:
        if len(parts) >= 3:
            return date.fromisoformat(text[:10])
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1)
        return date(int(text[:4]), 1, 1)
    except ValueError:
        return None


def document_row(document: Document, run_id: str | None, version: str) -> list[Any]:
    return [
        document.doc_id,
        document.content_hash,
        document.source,
        document.title,
        document.author,
        document.publisher,
        document.date,
        document.url,
        document.original_source,
        json.dumps(document.metadata, default=str),
        run_id,
        version,
    ]


def post_rows(document: Document) -> list[list[Any]]:
    return [
        [p.post_id, p.doc_id, p.index, p.kind, p.title, p.author, p.date, p.text]
        for p in document.posts
    ]


def _actor_columns(actor: dict[str, Any] | None) -> list[Any]:
    if not actor:
        return [None] * 5
    return [
        actor.get("code"),
        actor.get("country"),
        actor.get("sector"),
        actor.get("name"),
        actor_key(actor),
    ]


def effective_date(record: dict[str, Any], fallback: date | None) -> date | None:
    """The date an event is placed at: its own start date when known, else its post/document's."""
    return parse_date((record.get("date") or {}).get("start")) or fallback


def event_row(event: Event, document: Document) -> list[Any]:
    record = event.to_dict()
    when = record["date"]
    place = record["location"] or {}
    post_dates = {p.post_id: p.date for p in document.posts}
    fallback = post_dates.get(event.post_id) or document.date
    return [
        event.event_id,
        event.doc_id,
        event.post_id,
        event.sentence_id,
        event.sentence,
        event.event_type,
        event.mode,
        event.cameo,
        event.quad_class,
        event.goldstein,
        *_actor_columns(record["actor"]),
        *_actor_columns(record["recipient"]),
        event.status,
        parse_date(when["start"]),
        parse_date(when["end"]),
        when["precision"],
        when["basis"],
        effective_date(record, fallback),
        place.get("name"),
        place.get("country"),
        place.get("lat"),
        place.get("lon"),
        document.publisher,
        None,
        json.dumps(record, default=str),
        fallback,
    ]


def actor_rows(events: tuple[Event, ...]) -> list[list[Any]]:
    """Distinct actors (with their analysis key) named by these events."""
    seen: dict[str, list[Any]] = {}
    for event in events:
        for actor in (event.actor, event.recipient, event.attribution.speaker):
            if actor is None:
                continue
            parts = [actor.code, actor.name, actor.country, actor.sector, actor.id]
            uid = hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]
            key = actor_key({"code": actor.code, "country": actor.country, "sector": actor.sector})
            seen.setdefault(uid, [uid, *parts, key])
    return list(seen.values())
