"""How the hybrid coder weighs the classifier against the rules (stored beside the classifier).

Per sentence, with the classifier's best class ``c`` at probability ``p``:

* no rule event: a model event of class ``c`` when ``c != 0`` and ``p >= model_threshold``;
* rule events, none of class ``c``, and ``p >= override_threshold``: a model event of
  class ``c`` is added (its confidence ``p`` then tops the re-scored rule events), or,
  when ``c == 0`` and ``veto`` is set, the rule events are dropped as non-events;
* otherwise the rule events stand, re-scored by the classifier's agreement.

`simulate` applies the same decision to class labels, so `realpolitik train` can choose
the thresholds by cross-validation without re-running the pipeline for every setting.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

COMBINE_FILE = "combination.json"
ADD_GRID = (0.0, 0.5, 0.6, 0.7, 0.8, 1.01)
OVERRIDE_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def _default_codes() -> dict[int, str]:
    # A representative CAMEO code per quad class for a model event: consult,
    # material cooperation, disapprove, conventional military force.
    return {1: "040", 2: "060", 3: "110", 4: "190"}


@dataclass(frozen=True, slots=True)
class CombineConfig:
    """Thresholds of the combination; `realpolitik train` writes the chosen values."""

    model_threshold: float = 0.5  # least probability for a model event where no rule fired
    override_threshold: float = 1.01  # least probability to contradict the rules (>1: never)
    veto: bool = False  # may a confident "no event" drop the rule events of a sentence
    agreement_weight: float = 0.5  # share of the classifier in a rule event's confidence
    quad_codes: dict[int, str] = field(default_factory=_default_codes)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        data = asdict(self)
        data["quad_codes"] = {str(k): v for k, v in self.quad_codes.items()}
        (folder / COMBINE_FILE).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> CombineConfig:
        path = folder / COMBINE_FILE
        if not path.is_file():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            model_threshold=float(data["model_threshold"]),
            override_threshold=float(data["override_threshold"]),
            veto=bool(data["veto"]),
            agreement_weight=float(data["agreement_weight"]),
            quad_codes={int(k): str(v) for k, v in data["quad_codes"].items()},
        )


def simulate(proba: np.ndarray, rules: np.ndarray, config: CombineConfig) -> np.ndarray:
    """Hybrid class per sentence from classifier probabilities and the rules' class (0: none)."""
    best, top = proba.argmax(axis=1), proba.max(axis=1)
    added = np.where((best > 0) & (top >= config.model_threshold), best, 0)
    predicted = np.where(rules > 0, rules, added)
    override = (rules > 0) & (top >= config.override_threshold) & (best != rules)
    if not config.veto:
        override &= best > 0
    predicted[override] = best[override]
    return predicted


def grid() -> list[CombineConfig]:
    """Every combination setting `choose` tries."""
    return [
        CombineConfig(model_threshold=add, override_threshold=over, veto=veto)
        for add in ADD_GRID
        for over in OVERRIDE_GRID
        for veto in (True, False)
    ]
