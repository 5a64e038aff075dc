"""`realpolitik evaluate`: score the coder on the annotated gold sets.

Each gold set has a module here with ``run(coder, gold_dir, limit=None) -> EvalResult``;
`EVALUATORS` names them in the order the report prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class EvalResult:
    """The figures of one gold set.

    ``split`` says how the data relates to the shipped models: ``unseen`` (never
    trained on), ``cv`` (cross-validated over a training set), ``own`` (the
    project's own hand-written test set).
    """

    name: str
    n: int
    metrics: dict[str, float]
    split: str = "unseen"
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "n": self.n,
            "split": self.split,
            "metrics": self.metrics,
            "details": self.details,
        }
