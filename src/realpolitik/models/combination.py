"""How the hybrid coder weighs the classifier against the rules (stored beside the classifier).

The rules stay the source of explainable events: the hybrid never removes a rule event
and never changes its code. Per sentence, with the classifier's best class ``c`` at
probability ``p``:

* no rule event: a model event of class ``c`` when ``c != 0`` and ``p >= model_threshold``;
* rule events, none of class ``c``, ``c != 0`` and ``p >= override_threshold``: a model
  event of class ``c`` is added beside them (its confidence ``p`` then tops the
  re-scored rule events, so the sentence's leading event is the model's);
* otherwise the rule events stand, re-scored by the classifier's agreement.

A confident class 0 never drops rule events: in the training file class 0 means
"statement or no event", so it cannot show that a rule event (an accusation or an
appeal is a statement too) did not happen; it only lowers their confidence.

`simulate` applies the same decision to class labels, so `realpolitik train` can choose
the thresholds by cross-validation on the training data without re-running the pipeline.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

COMBINE_FILE = "combination.json"
NEVER = 1.01  # a threshold no probability reaches
THRESHOLD_GRID = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, NEVER)


def _default_codes() -> dict[int, str]:
    # A representative CAMEO code per quad class for a model event: consult,
    # material cooperation, disapprove, conventional military force.
    return {1: "040", 2: "060", 3: "110", 4: "190"}


@dataclass(frozen=True, slots=True)
class CombineConfig:
    """Thresholds of the combination; `realpolitik train` writes the chosen values."""

    model_threshold: float = 0.5  # least probability for a model event where no rule fired
    override_threshold: float = NEVER  # least probability to add a contradicting model event
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
            agreement_weight=float(data["agreement_weight"]),
            quad_codes={int(k): str(v) for k, v in data["quad_codes"].items()},
        )


def simulate(proba: np.ndarray, rules: np.ndarray, config: CombineConfig) -> np.ndarray:
    """Hybrid class per sentence from classifier probabilities and the rules' class (0: none)."""
    best, top = proba.argmax(axis=1), proba.max(axis=1)
    added = np.where((best > 0) & (top >= config.model_threshold), best, 0)
    predicted = np.where(rules > 0, rules, added)
    override = (rules > 0) & (best > 0) & (best != rules) & (top >= config.override_threshold)
    predicted[override] = best[override]
    return predicted


def overrides(proba: np.ndarray, rules: np.ndarray, labels: np.ndarray, threshold: float) -> dict:
    """Where a contradicting model event would lead: how often it, or the rules, are right."""
    best, top = proba.argmax(axis=1), proba.max(axis=1)
    chosen = (rules > 0) & (best > 0) & (best != rules) & (top >= threshold)
    return {
        "sentences": int(chosen.sum()),
        "model_right": int((best[chosen] == labels[chosen]).sum()),
        "rules_right": int((rules[chosen] == labels[chosen]).sum()),
    }


def grid() -> list[CombineConfig]:
    """Every combination setting `realpolitik train` tries."""
    return [
        CombineConfig(model_threshold=add, override_threshold=over)
        for add in THRESHOLD_GRID
        for over in THRESHOLD_GRID
    ]
