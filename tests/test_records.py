from __future__ import annotations

import json

from realpolitik.records import EVENT_FIELDS, Actor, Attribution, event_from_dict
from tests.factories import make_event

CONTRACT_FIELDS = [
    "event_id",
    "doc_id",
    "post_id",
    "sentence_id",
    "sentence",
    "event_type",
    "mode",
    "context",
    "cameo",
    "quad_class",
    "goldstein",
    "actor",
    "recipient",
    "status",
    "attribution",
    "date",
    "location",
    "trigger",
    "coder",
]


def test_record_has_exactly_the_contract_fields() -> None:
    assert list(EVENT_FIELDS) == CONTRACT_FIELDS
    assert list(make_event().to_dict()) == CONTRACT_FIELDS


def test_unknown_values_are_null_not_missing() -> None:
    record = make_event(location=None, recipient=None, mode=None).to_dict()
    assert record["location"] is None and record["recipient"] is None and record["mode"] is None
    assert set(record["attribution"]) == {
        "speaker",
        "cue",
        "author",
        "publisher",
        "original_source",
    }
    assert set(record["date"]) == {"start", "end", "precision", "text", "basis"}


def test_round_trip_through_json() -> None:
    event = make_event(
        attribution=Attribution(
            speaker=Actor("Putin", "Vladimir Putin", "RUS", "GOV", "RUSGOV", "p", 1, 6), cue="said"
        )
    )
    again = event_from_dict(json.loads(json.dumps(event.to_dict())))
    assert again == event
