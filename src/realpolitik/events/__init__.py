"""Events stage: verb/noun patterns over the dependency parse -> PLOVER + CAMEO candidates."""

from realpolitik.events.coder import EventCoder
from realpolitik.events.ontology import Ontology

__all__ = ["EventCoder", "Ontology"]
