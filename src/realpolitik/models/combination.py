"""How the hybrid coder weighs the classifier against the rules (stored beside the classifier)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

COMBINE_FILE = "combination.json"


def _default_codes() -> dict[int, str]:
    # A representative CAMEO code per quad class for a model event: consult,
    # material cooperation, disapprove, conventional military force.
    return {1: "040", 2: "060", 3: "110", 4: "190"}


@dataclass(frozen=True, slots=True)
class CombineConfig:
    """Thresholds of the combination; `realpolitik train` writes the chosen values."""

    model_threshold: float = 0.5  # least classifier probability for a model event
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
            agreement_weight=float(data["agreement_weight"]),
            quad_codes={int(k): str(v) for k, v in data["quad_codes"].items()},
        )
