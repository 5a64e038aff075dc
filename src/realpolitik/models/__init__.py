"""Learned models that work beside the rule coder.

`QuadClassifier` scores each sentence for event presence and quad class,
`ActorTagger` marks source and target actor spans, and `ModelEventCoder` combines
them with the rule coder's candidates (``--coder rules|models|hybrid``).
The shipped models live in ``shipped/``, each with a MODEL_CARD.md; ``realpolitik
train`` rebuilds them from the annotated data.
"""

from __future__ import annotations

from realpolitik.models.quad import QuadClassifier, QuadConfig

__all__ = ["QuadClassifier", "QuadConfig"]
