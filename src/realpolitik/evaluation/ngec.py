"""Actor resolution on NGEC's test cases (``ngec_actor_resolution_cases.json``).

Each case is a bare actor string (plus an optional context word such as
"German") with expected ``country`` and ``code_1`` (sector). The resolver is
called as ``coder.actors.resolve_name(text)``; when it finds no country and the
case has a context, the context's country is used (as NGEC does).

Scoring notes: "" expects no country / no sector. NGEC writes the organisation
in the country slot for UN and EU bodies ("UNO", "EUR"); realpolitik writes
"IGO" with the organisation in the code ("IGOUNO", "IGOEUREEC"), so an IGO
actor counts as right when the expected value is "IGO" or appears in its code.
Several "Eq" values for one field (or an "In" list) mean any of them is right.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from realpolitik.evaluation import EvalResult
from realpolitik.records import Actor

FILENAME = "ngec_actor_resolution_cases.json"


def accepted(expectations: list[list[Any]]) -> set[str] | None:
    """The values an 'Eq'/'In' expectation list accepts (None if it has none)."""
    values: set[str] = set()
    for operator, value in expectations:
        if operator == "Eq":
            values.add(value)
        elif operator == "In":
            values.update(value)
    return values or None


def country_right(actor: Actor | None, country: str | None, wanted: set[str]) -> bool:
    got = country or ""
    if got in wanted:
        return True
    return got == "IGO" and actor is not None and any(w and w in (actor.code or "") for w in wanted)


def resolve(coder: Any, case: dict[str, Any]) -> tuple[Actor | None, str | None]:
    actor = coder.actors.resolve_name(case["actor"])
    country = actor.country if actor else None
    context = (case.get("context") or "").strip()
    if country is None and context:
        around = coder.actors.resolve_name(context)
        country = around.country if around else None
    return actor, country


def run(coder: Any, gold_dir: Path, limit: int | None = None) -> EvalResult:
    """Country and sector accuracy over the cases that expect them."""
    cases = json.loads((Path(gold_dir) / FILENAME).read_text(encoding="utf-8"))
    cases = cases[:limit] if limit else cases
    country_hits = country_total = sector_hits = sector_total = 0
    misses: list[dict[str, Any]] = []
    for case in cases:
        expected = case.get("expected", {})
        want_country = accepted(expected.get("country", []))
        want_sector = accepted(expected.get("code_1", []))
        if want_country is None and want_sector is None:
            continue
        actor, country = resolve(coder, case)
        if want_country is not None:
            country_total += 1
            ok = country_right(actor, country, want_country)
            country_hits += ok
            if not ok:
                misses.append(
                    {
                        "actor": case["actor"],
                        "field": "country",
                        "want": sorted(want_country),
                        "got": country,
                    }
                )
        if want_sector is not None:
            sector_total += 1
            sector_hits += (actor.sector if actor and actor.sector else "") in want_sector
    metrics = {
        "country_accuracy": country_hits / country_total if country_total else 0.0,
        "sector_accuracy": sector_hits / sector_total if sector_total else 0.0,
    }
    details = {
        "country_cases": country_total,
        "sector_cases": sector_total,
        "country_misses": misses,
    }
    return EvalResult("ngec_actor_resolution", len(cases), metrics, "unseen", details)
