"""Quad-class scoring of a whole coder (rules, models or hybrid) on labelled sentences.

The predicted class of a sentence is the quad class of its highest-confidence event,
0 when nothing is coded. For data the shipped classifier trained on, `cv_predictions`
retrains the classifier on the other folds before coding each fold.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from realpolitik.models.data import LabelledSentence
from realpolitik.models.metrics import stratified_folds, train_indices
from realpolitik.models.quad import QuadClassifier
from realpolitik.records import Document, Event, Post

CV_NOTE = (
    "5 stratified shuffled folds (seed 0); for each fold the sentence classifier is "
    "retrained on the other four folds; the actor tagger (trained on ConfliBERT's BIO "
    "file, ~80 % the same sentences) is not retrained: it never sets the quad class"
)


def predicted_quad(events: Sequence[Event]) -> int:
    """Quad class of the highest-confidence event (first on ties), 0 with none."""
    if not events:
        return 0
    return max(events, key=lambda e: e.coder.confidence).quad_class


def sentence_document(text: str, doc_id: str) -> Document:
    """A one-post document holding exactly `text` (no boilerplate removal on gold text)."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
    post = Post(post_id=f"{doc_id}/0", doc_id=doc_id, index=0, kind="text", text=text)
    return Document(doc_id=doc_id, source=doc_id, content_hash=digest, posts=(post,))


def code_sentences(coder: Any, texts: Sequence[str], prefix: str) -> list[int]:
    """Predicted quad class of each text, coding them as one-sentence documents."""
    documents = [sentence_document(text, f"{prefix}-{i}") for i, text in enumerate(texts)]
    return [predicted_quad(coded.events) for coded in coder.code_documents(documents)]


def with_classifier(coder: Any, classifier: QuadClassifier) -> Any:
    """A shallow copy of a pipeline `Coder` whose model coder uses `classifier`."""
    clone = copy.copy(coder)
    clone.model_coder = coder.model_coder.with_classifier(classifier)
    return clone


def with_types(coder: Any, types: Any) -> Any:
    """A shallow copy of a pipeline `Coder` whose model coder uses PLOVER type model `types`."""
    clone = copy.copy(coder)
    clone.model_coder = coder.model_coder.with_types(types)
    return clone


def cv_predictions(coder: Any, sentences: Sequence[LabelledSentence], prefix: str) -> list[int]:
    """Out-of-fold predictions: each sentence coded by a coder whose classifier never saw it."""
    texts = [s.text for s in sentences]
    labels = [s.label for s in sentences]
    config = coder.model_coder.classifier.config
    predicted = np.zeros(len(texts), dtype=np.int64)
    for test in stratified_folds(labels):
        train = train_indices(len(texts), test)
        fold_model = QuadClassifier.fit(
            [texts[i] for i in train], [labels[i] for i in train], config
        )
        fold_coder = with_classifier(coder, fold_model)
        predicted[test] = code_sentences(fold_coder, [texts[i] for i in test], prefix)
    return [int(p) for p in predicted]


def uses_models(coder: Any) -> bool:
    return getattr(coder, "model_coder", None) is not None and coder.model_coder.mode != "rules"
