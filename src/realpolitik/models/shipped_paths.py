"""Where the shipped models live inside the package, and their folder names."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

QUAD_CLASSIFIER = "quad_classifier"
ACTOR_TAGGER = "actor_tagger"
PLOVER_TYPE = "plover_type"
METRICS_FILE = "metrics.json"
CARD_FILE = "MODEL_CARD.md"


def shipped_dir() -> Path:
    """The package folder holding the shipped models."""
    return Path(str(resources.files("realpolitik") / "models" / "shipped"))
