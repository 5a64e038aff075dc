"""`realpolitik train`: rebuild the shipped models from the annotated data, with figures.

Deterministic: files are read in order, folds use a fixed seed, and both learners
(lbfgs logistic regression) have no random state of their own. Only files whose row
in the gold README allows training are read: ConfliBERT's class and BIO files and
the PLOVER gold-standard records.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from realpolitik.events.ontology import Ontology
from realpolitik.models import data
from realpolitik.models.cards import plover_type_card, quad_card, tagger_card
from realpolitik.models.combination import CombineConfig, grid, overrides, simulate
from realpolitik.models.metrics import (
    block_folds,
    quad_scores,
    shuffled_folds,
    span_scores,
    stratified_folds,
    train_indices,
)
from realpolitik.models.plover_type import PloverTypeClassifier, ranked_types, type_codes
from realpolitik.models.quad import QuadClassifier, QuadConfig
from realpolitik.models.shipped_paths import (
    ACTOR_TAGGER,
    METRICS_FILE,
    PLOVER_TYPE,
    QUAD_CLASSIFIER,
)
from realpolitik.models.tagger import ActorTagger, TaggerConfig, bio_to_spans

Progress = Callable[[str], None]
MIN_ADDED_PRECISION = 0.9


def cv_probabilities(
    texts: Sequence[str], labels: Sequence[int], folds: list[np.ndarray], config: QuadConfig
) -> np.ndarray:
    """Out-of-fold class probabilities: each row from a model that never saw it."""
    proba = np.zeros((len(texts), len(config.labels)), dtype=np.float32)
    for test in folds:
        train = train_indices(len(texts), test)
        model = QuadClassifier.fit([texts[i] for i in train], [labels[i] for i in train], config)
        proba[test] = model.predict_proba([texts[i] for i in test])
    return proba


def thresholded(proba: np.ndarray, threshold: float) -> np.ndarray:
    """Predicted class, 0 when the best class is below `threshold`."""
    predicted = proba.argmax(axis=1)
    predicted[proba.max(axis=1) < threshold] = 0
    return predicted


def rule_classes(texts: Sequence[str]) -> np.ndarray:
    """The rule coder's class for each sentence (quad class of its top event, 0 for none)."""
    from realpolitik.models.evaluate import code_sentences
    from realpolitik.pipeline import Coder
    from realpolitik.settings import load_settings

    coder = Coder.load(load_settings(coder="rules"))
    return np.array(code_sentences(coder, texts, "train"), dtype=np.int64)


def added_precision(
    proba: np.ndarray, rules: np.ndarray, labels: Sequence[int], config: CombineConfig
) -> float:
    """Share of the model events added where no rule fired that have the right class."""
    predicted = simulate(proba, rules, config)
    added = (rules == 0) & (predicted > 0)
    if not added.any():
        return 1.0
    return float(np.mean(predicted[added] == np.asarray(labels)[added]))


def choose_combination(
    stratified: np.ndarray, blocks: np.ndarray, rules: np.ndarray, labels: Sequence[int]
) -> tuple[CombineConfig, dict]:
    """The setting with the best mean of stratified and contiguous-block CV macro-F1.

    Stratified folds reward trusting the classifier (it has seen similar phrasings);
    contiguous blocks punish it (new phrasings). Their mean is the criterion, so the
    hybrid neither ignores the model nor over-trusts it on text unlike its training data.
    Only settings whose added events (where no rule fired) are right at least
    `MIN_ADDED_PRECISION` of the time on the stratified folds compete: news has far
    fewer event sentences than this training file, so weak additions would flood it.
    (On the contiguous blocks no threshold gets them above about 0.2.)
    """

    def score(config: CombineConfig) -> tuple[float, float]:
        return (
            quad_scores(labels, simulate(stratified, rules, config))["macro_f1"],
            quad_scores(labels, simulate(blocks, rules, config))["macro_f1"],
        )

    allowed = [
        c for c in grid() if added_precision(stratified, rules, labels, c) >= MIN_ADDED_PRECISION
    ]
    scored = [(sum(score(c)) / 2, i, c) for i, c in enumerate(allowed)]
    _, _, best = max(scored, key=lambda item: (item[0], -item[1]))
    strat, block = score(best)
    gold = np.asarray(labels)
    figures = {
        "rules_alone": quad_scores(labels, rules),
        "hybrid_cv_stratified": quad_scores(labels, simulate(stratified, rules, best)),
        "hybrid_cv_contiguous_blocks": quad_scores(labels, simulate(blocks, rules, best)),
        "criterion": round((strat + block) / 2, 4),
        "added_precision_stratified": round(added_precision(stratified, rules, labels, best), 4),
        "added_precision_blocks": round(added_precision(blocks, rules, labels, best), 4),
        "overrides_stratified": overrides(stratified, rules, gold, best.override_threshold),
        "overrides_blocks": overrides(blocks, rules, gold, best.override_threshold),
    }
    return best, figures


def petr2_quad_labels(records: list[dict[str, object]], ontology: Ontology) -> list[int]:
    """Quad class of each PETRARCH-2 sentence's first coding (0: none or a statement)."""
    labels = []
    for record in records:
        codes = [str(c["eventcode"]) for c in record.get("codings") or [] if "eventcode" in c]
        cameo = codes[0] if codes else ""
        known = next((c for c in (cameo, cameo[:3]) if c in ontology), None)
        labels.append(ontology.codes[known].quad_class if known else 0)
    return labels


def unseen_figures(model: QuadClassifier, gold_dir: Path, threshold: float) -> dict[str, object]:
    """Classifier-only figures on gold sets it never trained on."""
    kil = data.read_keep_it_local(gold_dir)
    petr2 = [r for r in data.read_petr2(gold_dir) if str(r.get("text") or "").strip()]
    petr2_labels = petr2_quad_labels(petr2, Ontology.load())
    kil_pred = thresholded(model.predict_proba([s.text for s in kil]), threshold)
    petr2_pred = thresholded(model.predict_proba([str(r["text"]) for r in petr2]), threshold)
    return {
        "keep_it_local": {"n": len(kil), **quad_scores([s.label for s in kil], kil_pred)},
        "petr2": {"n": len(petr2), **quad_scores(petr2_labels, petr2_pred)},
    }


def train_quad(gold_dir: Path, progress: Progress) -> tuple[QuadClassifier, CombineConfig, dict]:
    """Cross-validate, choose the threshold, then fit the classifier on all the data."""
    sentences = data.read_conflibert_class(gold_dir)
    texts, labels = [s.text for s in sentences], [s.label for s in sentences]
    config = QuadConfig()
    progress(f"quad classifier: 5-fold cross-validation on {len(texts)} sentences")
    proba = cv_probabilities(texts, labels, stratified_folds(labels), config)
    blocks = cv_probabilities(texts, labels, block_folds(len(texts)), config)
    model = QuadClassifier.fit(texts, labels, config)
    progress("combination: coding the sentences with the rules to tune the hybrid")
    combine, hybrid = choose_combination(proba, blocks, rule_classes(texts), labels)
    figures = {
        "train_file": str(data.CONFLIBERT_CLASS),
        "n": len(texts),
        "cv_stratified": quad_scores(labels, proba.argmax(axis=1)),
        "cv_contiguous_blocks": quad_scores(labels, blocks.argmax(axis=1)),
        "combination": {
            "model_threshold": combine.model_threshold,
            "override_threshold": combine.override_threshold,
        },
        "hybrid": hybrid,
        "unseen": unseen_figures(model, gold_dir, 0.0),
    }
    return model, combine, figures


def within_quad(proba: np.ndarray, types: tuple[str, ...], gold: str, quads: dict) -> str:
    """The most probable type sharing a quad class with the `gold` type (as the coder picks)."""
    allowed = {name for name, quad in quads if quad in {q for n, q in quads if n == gold}}
    return next(name for name in ranked_types(proba, types) if name in allowed)


def train_plover_type(gold_dir: Path, progress: Progress) -> tuple[PloverTypeClassifier, dict]:
    """Cross-validate type accuracy, then fit the PLOVER type classifier on all records."""
    sentences = data.read_plover_types(gold_dir)
    texts, types = [s.text for s in sentences], [s.event_type for s in sentences]
    names = sorted(set(types))
    progress(f"PLOVER type classifier: 5-fold cross-validation on {len(texts)} sentences")
    quads = type_codes(Ontology.load(), CombineConfig().quad_codes)
    right = within = 0
    for test in stratified_folds([names.index(t) for t in types]):
        train = train_indices(len(texts), test)
        model = PloverTypeClassifier.fit([texts[i] for i in train], [types[i] for i in train])
        proba = model.predict_proba([texts[i] for i in test])
        for row, i in zip(proba, test, strict=True):
            right += model.types[int(row.argmax())] == types[i]
            within += within_quad(row, model.types, types[i], quads) == types[i]
    figures = {
        "train_file": str(data.PLOVER_GSR),
        "n": len(texts),
        "types": {name: types.count(name) for name in names},
        "cv_accuracy": round(right / len(texts), 4),
        "cv_accuracy_within_quad": round(within / len(texts), 4),
    }
    return PloverTypeClassifier.fit(texts, types), figures


def parse_tagged(nlp: Language, sentences: list[data.TaggedSentence]) -> list[Doc]:
    """Run the spaCy pipeline over the gold tokenisation (tags stay aligned)."""
    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    return list(nlp.pipe(docs, batch_size=64))


def train_tagger(gold_dir: Path, nlp: Language, progress: Progress) -> tuple[ActorTagger, dict]:
    """Cross-validate span F1, then fit the tagger on all the data."""
    sentences = data.read_conflibert_ner(gold_dir)
    progress(f"actor tagger: parsing {len(sentences)} sentences")
    docs = parse_tagged(nlp, sentences)
    tags = [list(s.tags) for s in sentences]
    config = TaggerConfig()
    gold: list[set] = []
    predicted: list[set] = []
    for fold, test in enumerate(shuffled_folds(len(docs)), start=1):
        progress(f"actor tagger: fold {fold}/5")
        train = train_indices(len(docs), test)
        model = ActorTagger.fit([docs[i] for i in train], [tags[i] for i in train], config)
        for i in test:
            gold.append(set(bio_to_spans(tags[i])))
            predicted.append(set(model.spans(docs[i], docs[i][:])))
    by_label = {
        label: span_scores(
            [{s for s in g if s.label == label} for g in gold],
            [{s for s in p if s.label == label} for p in predicted],
        )
        for label in ("S", "T", "R")
    }
    model = ActorTagger.fit(docs, tags, config)
    figures = {
        "train_file": str(data.CONFLIBERT_NER),
        "n": len(docs),
        "cv_shuffled": span_scores(gold, predicted),
        "cv_by_label": by_label,
    }
    return model, figures


def _write(folder: Path, figures: dict, card: str) -> None:
    (folder / METRICS_FILE).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    (folder / "MODEL_CARD.md").write_text(card, encoding="utf-8")


def train_all(gold_dir: Path, out_dir: Path, nlp: Language, progress: Progress = print) -> dict:
    """Train, cross-validate and write every shipped model with its figures and card."""
    today = date.today().isoformat()
    started = time.perf_counter()
    quad, combine, quad_figures = train_quad(gold_dir, progress)
    quad_figures["seconds"] = round(time.perf_counter() - started, 1)
    quad.save(out_dir / QUAD_CLASSIFIER)
    combine.save(out_dir / QUAD_CLASSIFIER)
    _write(out_dir / QUAD_CLASSIFIER, quad_figures, quad_card(quad_figures, quad.config, today))
    started = time.perf_counter()
    tagger, tagger_figures = train_tagger(gold_dir, nlp, progress)
    tagger_figures["seconds"] = round(time.perf_counter() - started, 1)
    tagger.save(out_dir / ACTOR_TAGGER)
    _write(
        out_dir / ACTOR_TAGGER, tagger_figures, tagger_card(tagger_figures, tagger.config, today)
    )
    started = time.perf_counter()
    types, type_figures = train_plover_type(gold_dir, progress)
    type_figures["seconds"] = round(time.perf_counter() - started, 1)
    types.save(out_dir / PLOVER_TYPE)
    card = plover_type_card(type_figures, types.model.config, today)
    _write(out_dir / PLOVER_TYPE, type_figures, card)
    return {QUAD_CLASSIFIER: quad_figures, ACTOR_TAGGER: tagger_figures, PLOVER_TYPE: type_figures}
