"""The actors stage: mentions in a parsed post -> canonical, date-aware actors.

    resolver = ActorResolver.load(settings)
    resolver.find_mentions(doc, when)      # list[ActorMention], sorted, non-overlapping
    resolver.at_date(actor, event_date)    # the same actor re-coded for another date
    resolver.resolve_name("President Putin", date(2021, 2, 1))
    resolver.search("hezb")                # for the actor search box
    resolver.surface_forms()               # every dictionary form (pre-filter)

Generic agents ("officials", "the commander") take their country from their own
phrase (modifier, of/in/from/at chain, apposition, or a city named in it). An
agent left without a country has ``code`` None (a bare sector such as "MIL" is
not an actor code) and is only emitted by `find_mentions` when it is a plural
collective of sector OPP, REB, CVL, REF or LAB ("protesters", "rebels").

Dictionaries are data: ``realpolitik/data/actors/*.csv|yaml`` (schema in
`realpolitik.actors.schema`), plus ``<data_dir>/actors/`` layered over them.
"""

from __future__ import annotations

from realpolitik.actors.resolver import ActorResolver

__all__ = ["ActorResolver"]
