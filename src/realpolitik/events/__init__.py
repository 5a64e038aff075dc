"""Events stage: verb/noun patterns over the dependency parse -> PLOVER + CAMEO candidates.

    coder = EventCoder.load(settings)
    coder.code(doc, post, mentions)     # list[EventCandidate]
    coder.trigger_lemmas()              # verb lemmas + event nouns (for a pre-filter)
    Ontology.load().code_for("042")     # EventCode: PLOVER type/mode/context, quad, Goldstein

Data (``realpolitik/data/``, each file with a provenance header, validated on load):

* ``ontology/cameo_plover.csv`` - CAMEO -> PLOVER (tools/build_ontology.py). CAMEO 01x
  statements are not events; 02x appeals are REQUEST (mode/context of their 10x twin);
  163 sanctions/embargo is SANCTION; quad class from the CAMEO root; ICEWS Goldstein.
* ``patterns/core.yaml`` - hand-curated verb and noun patterns with dependency roles.
* ``patterns/petrarch_verbs.yaml`` - PETRARCH-2's verb dictionary converted by
  tools/build_patterns.py (DEFECT is 120, as PETRARCH codes it).
* ``patterns/transformations.yaml`` - speech/intention clause rules after PETRARCH-2.

A ``data_dir`` setting may hold same-named files that replace the shipped ones.
"""

from realpolitik.events.coder import EventCoder
from realpolitik.events.ontology import Ontology

__all__ = ["EventCoder", "Ontology"]
