"""Relations between actors, computed from an `EventStore`.

    dedup.cluster_events(store)                  mentions -> event clusters
    dyads.relation_series(store, "RUS", "SYR")    a dyad's cooperation/conflict over time
    network.build_network(store)                  signed alignment network and blocs
    shifts.detect_shifts(store, "USA", "RUS")     change points in dyad series
    charts                                        PNG charts of the above

Actors are analysis keys (see `realpolitik.store.keys`): the ISO alpha-3 code
for a country's state actors, the actor's own code for non-state actors
(Hezbollah: ``LBNREB``); a name or code the user types is resolved to a key
by `selection.resolve_key`.  By default the analysis counts event clusters
(each happening once, however many reports), keeps reported events, and
leaves out hypothetical, future, negated and question events.  Events sit at
their own date when the text gives one, so history mentioned in a 2017
article lands in its own decade, not in 2017.
"""
