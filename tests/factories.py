"""Builders of synthetic records for tests that must not depend on the coder."""

from __future__ import annotations

from realpolitik.records import (
    Actor,
    Attribution,
    CoderInfo,
    Event,
    EventDate,
    Place,
    Trigger,
)


def make_event(**changes: object) -> Event:
    fields: dict[str, object] = dict(
        event_id="e1",
        doc_id="d1",
        post_id="d1:0",
        sentence_id=0,
        sentence="Russian jets struck ISIS positions near Palmyra.",
        event_type="ASSAULT",
        mode="aerial",
        context=("military",),
        cameo="195",
        quad_class=4,
        goldstein=-10.0,
        actor=Actor("Russian", "Russia", "RUS", "MIL", "RUSMIL", "country:RUS", 0, 7),
        recipient=Actor("ISIS", "Islamic State", None, "REB", "IMGSUNREB", "group:isis", 20, 24),
        status="asserted",
        attribution=Attribution(author="A. Writer", publisher="Example News"),
        date=EventDate("2016-03-24", "2016-03-24", "day", None, "publication"),
        location=Place("Palmyra", "Palmyra", "SYR", 34.56, 38.27, 170017),
        trigger=Trigger("struck", 13, 19),
        coder=CoderInfo("rule", "strike.verb", 0.9),
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]
