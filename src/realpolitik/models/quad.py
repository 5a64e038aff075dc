"""The sentence classifier: event presence and quad class from word and character n-grams.

TF-IDF over word 1-2-grams and character 2-5-grams inside word boundaries, then
multinomial logistic regression. Chosen by 5-fold cross-validation on ConfliBERT's
class data against a spaCy bag-of-n-grams textcat, WordLlama sentence embeddings and
the spaCy model's pooled tok2vec output (docs/models.md has the figures).

The fitted model is stored as plain arrays (vocabularies, IDF weights, coefficients)
in one ``.npz`` file plus a JSON config, never as a pickle.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

WEIGHTS_FILE = "weights.npz"
CONFIG_FILE = "config.json"


@dataclass(frozen=True, slots=True)
class QuadConfig:
    """Hyperparameters of the classifier (stored beside the weights)."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    min_df: int = 1
    c: float = 10.0
    max_iter: int = 3000
    labels: tuple[int, ...] = (0, 1, 2, 3, 4)


def _word_vectorizer(config: QuadConfig) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=config.word_ngrams, sublinear_tf=True, min_df=config.min_df, dtype=np.float32
    )


def _char_vectorizer(config: QuadConfig) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=config.char_ngrams,
        sublinear_tf=True,
        min_df=config.min_df,
        dtype=np.float32,
    )


def _restore(vectorizer: TfidfVectorizer, terms: np.ndarray, idf: np.ndarray) -> TfidfVectorizer:
    vectorizer.vocabulary_ = {str(term): index for index, term in enumerate(terms)}
    vectorizer.idf_ = idf
    return vectorizer


def _terms(vectorizer: TfidfVectorizer) -> np.ndarray:
    return np.array(vectorizer.get_feature_names_out(), dtype=object)


class QuadClassifier:
    """P(class | sentence) for classes 0 (no event) and quad classes 1-4."""

    def __init__(
        self,
        config: QuadConfig,
        word: TfidfVectorizer,
        char: TfidfVectorizer,
        coef: np.ndarray,
        intercept: np.ndarray,
    ) -> None:
        self.config = config
        self.word = word
        self.char = char
        self.coef = coef.astype(np.float32)
        self.intercept = intercept.astype(np.float32)

    @classmethod
    def fit(
        cls, texts: Sequence[str], labels: Sequence[int], config: QuadConfig | None = None
    ) -> QuadClassifier:
        """Train on sentences and their 0-4 labels (deterministic: lbfgs, fixed order)."""
        config = config or QuadConfig()
        word, char = _word_vectorizer(config), _char_vectorizer(config)
        features = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
        model = LogisticRegression(C=config.c, max_iter=config.max_iter, random_state=0)
        model.fit(features, np.asarray(labels))
        if tuple(int(x) for x in model.classes_) != config.labels:
            raise ValueError(f"training labels {model.classes_} differ from {config.labels}")
        coef, intercept = model.coef_, model.intercept_
        if coef.shape[0] == 1:  # two labels: one logit; as softmax rows (0, w) it is the sigmoid
            coef = np.vstack([np.zeros_like(coef), coef])
            intercept = np.concatenate([np.zeros_like(intercept), intercept])
        return cls(config, word, char, coef, intercept)

    def features(self, texts: Sequence[str]) -> csr_matrix:
        return hstack([self.word.transform(texts), self.char.transform(texts)]).tocsr()

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text, columns in `config.labels` order."""
        if not texts:
            return np.zeros((0, len(self.config.labels)), dtype=np.float32)
        scores = self.features(texts) @ self.coef.T + self.intercept
        scores = np.asarray(scores) - np.max(scores, axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        proba = self.predict_proba(texts)
        return np.asarray(self.config.labels)[proba.argmax(axis=1)]

    def word_weights(self, words: Sequence[str], label: int) -> np.ndarray:
        """Each word's unigram weight towards `label` (0 for words the model never saw)."""
        row = self.config.labels.index(label)
        vocabulary = self.word.vocabulary_
        offsets = [vocabulary.get(word.lower()) for word in words]
        return np.array(
            [self.coef[row, i] if i is not None else 0.0 for i in offsets], dtype=np.float32
        )

    def save(self, folder: Path) -> None:
        """Write ``weights.npz`` and ``config.json`` into `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / WEIGHTS_FILE,
            word_terms=_terms(self.word).astype(str),
            word_idf=self.word.idf_.astype(np.float32),
            char_terms=_terms(self.char).astype(str),
            char_idf=self.char.idf_.astype(np.float32),
            coef=self.coef,
            intercept=self.intercept,
        )
        config = {
            "word_ngrams": list(self.config.word_ngrams),
            "char_ngrams": list(self.config.char_ngrams),
            "min_df": self.config.min_df,
            "c": self.config.c,
            "max_iter": self.config.max_iter,
            "labels": list(self.config.labels),
        }
        (folder / CONFIG_FILE).write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> QuadClassifier:
        raw = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
        config = QuadConfig(
            word_ngrams=tuple(raw["word_ngrams"]),
            char_ngrams=tuple(raw["char_ngrams"]),
            min_df=raw["min_df"],
            c=raw["c"],
            max_iter=raw["max_iter"],
            labels=tuple(raw["labels"]),
        )
        with np.load(folder / WEIGHTS_FILE, allow_pickle=False) as arrays:
            word = _restore(_word_vectorizer(config), arrays["word_terms"], arrays["word_idf"])
            char = _restore(_char_vectorizer(config), arrays["char_terms"], arrays["char_idf"])
            return cls(config, word, char, arrays["coef"], arrays["intercept"])
