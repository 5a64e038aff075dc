"""The PLOVER event-type classifier: which PLOVER type a sentence's event has.

Trained on the PLOVER gold-standard records (CAMEO-manual example sentences recoded
in PLOVER; CC BY-SA 4.0, training allowed with attribution). About 20 sentences per
type is little, so it never decides on its own: a model event's quad class comes from
the sentence classifier, and this model only picks the PLOVER type within that class
(`ModelEventCoder`). Same features and learner as the quad classifier, with type
indices as labels; the type names are stored beside the weights.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from realpolitik.events.ontology import Ontology
from realpolitik.models.quad import QuadClassifier, QuadConfig

TYPES_FILE = "types.json"


class PloverTypeClassifier:
    """P(PLOVER type | sentence) over the types seen in training."""

    def __init__(self, types: tuple[str, ...], model: QuadClassifier) -> None:
        self.types = types
        self.model = model

    @classmethod
    def fit(
        cls, texts: Sequence[str], types: Sequence[str], config: QuadConfig | None = None
    ) -> PloverTypeClassifier:
        """Train on sentences and their PLOVER type names (deterministic)."""
        names = tuple(sorted(set(types)))
        index = {name: i for i, name in enumerate(names)}
        base = config or QuadConfig()
        config = QuadConfig(
            word_ngrams=base.word_ngrams,
            char_ngrams=base.char_ngrams,
            min_df=base.min_df,
            c=base.c,
            max_iter=base.max_iter,
            labels=tuple(range(len(names))),
        )
        model = QuadClassifier.fit(list(texts), [index[t] for t in types], config)
        return cls(names, model)

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, columns in `types` order."""
        return self.model.predict_proba(texts)

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [self.types[int(i)] for i in self.predict_proba(texts).argmax(axis=1)]

    def save(self, folder: Path) -> None:
        self.model.save(folder)
        (folder / TYPES_FILE).write_text(json.dumps(list(self.types)) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> PloverTypeClassifier:
        types = tuple(json.loads((folder / TYPES_FILE).read_text(encoding="utf-8")))
        return cls(types, QuadClassifier.load(folder))


def type_codes(ontology: Ontology, preferred: dict[int, str]) -> dict[tuple[str, int], str]:
    """A CAMEO code for each (PLOVER type, quad class) the ontology holds.

    The `preferred` code of a quad class where its type matches, else the type's most
    general three-digit code (a root's ``x0``), else its lowest three-digit code.
    """
    found: dict[tuple[str, int], list[str]] = {}
    for cameo, code in sorted(ontology.codes.items()):
        if len(cameo) == 3:
            found.setdefault((code.event_type, code.quad_class), []).append(cameo)
    chosen = {
        key: next((c for c in codes if c.endswith("0")), codes[0]) for key, codes in found.items()
    }
    for quad, cameo in preferred.items():
        if cameo in ontology:
            code = ontology.code_for(cameo)
            chosen[(code.event_type, quad)] = cameo
    return chosen


def ranked_types(proba: np.ndarray, types: tuple[str, ...]) -> list[str]:
    """Type names from most to least probable."""
    return [types[int(i)] for i in np.argsort(-proba, kind="stable")]
