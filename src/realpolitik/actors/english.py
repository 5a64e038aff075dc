"""English language data used by the actor rules (word lists, like spaCy's ``lang/en``).

``HONORIFICS``: courtesy and religious titles that precede a name without being
part of it ("Sheikh Tamim", "Dr Ali") — they never make a name run longer.
``POSTING_WORDS``: the prepositions of a posting phrase ("ambassador *to* the
UN", "envoy *at* NATO"): the organisation after them is where the person
serves, not whom they represent.
``LINKING_PREPOSITIONS``: prepositions that lead from a generic agent to the
body or place it belongs to ("head *of* Syria's intelligence", "officials *in*
Kabul", "a professor *at* Oxford University").
``DETERMINERS``: words skipped before the object of such a preposition.
``SENTENCE_END``: tokens that end the phrase an agent's context is read from.
"""

from __future__ import annotations

HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "hon",
        "sheikh",
        "shaikh",
        "sheik",
        "sayyed",
        "sayyid",
        "ayatollah",
        "mullah",
        "imam",
        "emir",
        "amir",
        "haji",
        "hajji",
        "rev",
        "father",
        "cardinal",
        "general",
        "gen",
        "lt",
        "maj",
        "col",
        "capt",
        "admiral",
        "adm",
        "sen",
        "rep",
        "gov",
        "pres",
        "premier",
        "chancellor",
        "commander",
    }
)
POSTING_WORDS = frozenset({"to", "at"})
LINKING_PREPOSITIONS = frozenset({"of", "in", "from", "at"})
DETERMINERS = frozenset({"the", "a", "an"})
SENTENCE_END = frozenset({".", ";", ":", "!", "?", "\n"})
