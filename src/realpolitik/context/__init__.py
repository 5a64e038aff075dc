"""The context stage: status, attribution, date and location of coded events.

`ContextResolver.load(settings).resolve(doc, candidates, post, document, mentions)`
returns one `EventContext` per candidate. The pieces are exposed for reuse:
`classify_status`, `resolve_date`, the `Gazetteer` interface with its geonames
implementation and in-memory fake, and `attach_place`.
"""

from __future__ import annotations

from realpolitik.context.dates import publication_date, resolve_date
from realpolitik.context.location import attach_place
from realpolitik.context.places import Gazetteer, GeonamesGazetteer, InMemoryGazetteer
from realpolitik.context.resolver import ContextResolver
from realpolitik.context.status import analyse_status, classify_status

__all__ = [
    "ContextResolver",
    "Gazetteer",
    "GeonamesGazetteer",
    "InMemoryGazetteer",
    "analyse_status",
    "attach_place",
    "classify_status",
    "publication_date",
    "resolve_date",
]
