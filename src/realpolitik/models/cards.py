"""Model cards: data, licence and attribution, method, figures, date."""

from __future__ import annotations

import json
from dataclasses import asdict

from realpolitik.models.quad import QuadConfig
from realpolitik.models.tagger import TaggerConfig

CONFLIBERT_SOURCE = (
    "ConfliBERT (eventdata/ConfliBERT @ 0b63001), {path}. The repository is licensed "
    "GPL-3.0; the sentence texts remain (c) their publishers. Used for training as the "
    "project's gold-data README allows; attribution: Hu et al., ConfliBERT: A Pre-trained "
    "Language Model for Political Conflict and Violence, NAACL 2022."
)

REPRODUCE = (
    "Reproduce with `realpolitik train` (reads `../shared/gold/` relative to the project "
    "root, or `--gold DIR`); folds and learners are deterministic, so the figures above "
    "come back unchanged on another machine up to floating-point noise."
)


def _table(scores: dict[str, float]) -> str:
    rows = "\n".join(f"| {key} | {value} |" for key, value in scores.items() if key != "n")
    return f"| metric | value |\n|---|---|\n{rows}\n"


def quad_card(figures: dict, config: QuadConfig, today: str) -> str:
    """The card of the sentence classifier."""
    unseen = figures["unseen"]
    return f"""# quad_classifier — event presence and quad class of a sentence

Date trained: {today}

## Data
Trained on {figures["n"]} sentences of {CONFLIBERT_SOURCE.format(path="data/cameo_class/train.tsv")}
Labels: 0 statement / no event, 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict. No other file was used for training. The
PLOVER gold-standard sentences overlap ConfliBERT's (both derive from the CAMEO
manual and news wires), so figures on the PLOVER set are not independent.

## Method
TF-IDF (sublinear) over word 1-2-grams and character 2-5-grams inside word
boundaries, multinomial logistic regression (lbfgs). Stored as arrays, not a pickle.
Configuration: `{json.dumps(asdict(config))}`.
Chosen by 5-fold cross-validation against a spaCy bag-of-n-grams textcat, WordLlama
sentence embeddings with logistic regression, and the spaCy model's pooled tok2vec
output (see docs/models.md).

## Figures (classifier alone)
Cross-validation, 5 stratified shuffled folds (seed 0):

{_table(figures["cv_stratified"])}
Cross-validation, 5 contiguous blocks in file order (the file groups sentences of the
same CAMEO code, so this holds out whole phrasings and is the harsher estimate):

{_table(figures["cv_contiguous_blocks"])}
Never seen: keep_it_local UN sentences (n={unseen["keep_it_local"]["n"]}, labels
renumbered to ConfliBERT's):

{_table(unseen["keep_it_local"])}
Never seen: PETRARCH-2 validation sentences (n={unseen["petr2"]["n"]}, quad class of
the first coding):

{_table(unseen["petr2"])}
## Combination with the rules (hybrid)
The hybrid never drops or recodes a rule event: it adds a model event where no rule
fired, or beside rule events the classifier confidently contradicts (that event then
leads the sentence), and re-scores the rule events by the classifier's agreement.
Its two thresholds were chosen on this training file only, by the mean macro-F1 of the
two cross-validations below over a grid (`realpolitik.models.combination`), among
settings whose added model events (where no rule fired) are right at least 90 % of the
time on the stratified folds (here {figures["hybrid"]["added_precision_stratified"]};
on the contiguous blocks only {figures["hybrid"]["added_precision_blocks"]}):
`{json.dumps(figures["combination"])}`.
Where a contradicting model event leads, it or the rules were right this often
(stratified folds `{json.dumps(figures["hybrid"]["overrides_stratified"])}`, contiguous
blocks `{json.dumps(figures["hybrid"]["overrides_blocks"])}`): on text unlike its
training sentences the classifier contradicts the rules mostly wrongly, which is why the
criterion weighs the contiguous blocks as much as the stratified folds.
Rules alone on the same sentences (no training involved):

{_table(figures["hybrid"]["rules_alone"])}
Hybrid, stratified folds (classifier probabilities out of fold):

{_table(figures["hybrid"]["hybrid_cv_stratified"])}
Hybrid, contiguous blocks:

{_table(figures["hybrid"]["hybrid_cv_contiguous_blocks"])}
Training time including cross-validation and the rule run: {figures["seconds"]} s.

{REPRODUCE}
"""


def tagger_card(figures: dict, config: TaggerConfig, today: str) -> str:
    """The card of the actor tagger."""
    by_label = "\n".join(
        f"| {label} | {s['precision']} | {s['recall']} | {s['f1']} |"
        for label, s in figures["cv_by_label"].items()
    )
    cv = figures["cv_shuffled"]
    return f"""# actor_tagger — source, target and reciprocal actor spans

Date trained: {today}

## Data
Trained on {figures["n"]} sentences of {CONFLIBERT_SOURCE.format(path="data/cameo_ner/train.txt")}
Tags: BIO over S (source actor), T (target actor), R (reciprocal actor). About 80 %
of these sentences also appear in ConfliBERT's class file.

## Method
A linear token classifier (multinomial logistic regression, lbfgs) over hashed
features from the spaCy parse (word window, part of speech, dependency label, path
to and side of the governing verb, entity type) and the spaCy model's tok2vec vectors
of the token and its neighbours, decoded with BIO-constrained Viterbi. It reuses the
parse the rule coder already made: no extra neural network pass.
Configuration: `{json.dumps(asdict(config))}`.

## Figures
Exact-match span scores, 5 shuffled folds (seed 0): precision {cv["precision"]},
recall {cv["recall"]}, F1 {cv["f1"]}.

| label | precision | recall | F1 |
|---|---|---|---|
{by_label}

Training time including cross-validation and parsing: {figures["seconds"]} s.

{REPRODUCE}
"""


PLOVER_SOURCE = (
    "the PLOVER gold-standard records (openeventdata/PLOVER @ 5e0c24f, "
    "gold_standard_records/PLOVER_GSR_CAMEO.txt): CAMEO-manual example sentences recoded "
    "in PLOVER 0.5b1 by Parus Analytics for the Open Event Data Alliance. Licence CC BY-SA "
    "4.0; used for training as the project's gold-data README allows, with attribution; "
    "this model is a derivative of that data and carries the same licence."
)


def plover_type_card(figures: dict, config: QuadConfig, today: str) -> str:
    """The card of the PLOVER event-type classifier."""
    counts = ", ".join(f"{name} {n}" for name, n in figures["types"].items())
    return f"""# plover_type — PLOVER event type of a sentence

Date trained: {today}

## Data
Trained on {figures["n"]} sentences of {PLOVER_SOURCE}
Older type names are read as PLOVER 0.8 types (DEMAND -> REQUEST, DISAPPROVE and
INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). Sentences per type: {counts}.
These sentences overlap ConfliBERT's (both come from the CAMEO manual and wires).

## Method
The quad classifier's features and learner (TF-IDF word 1-2-grams and character
2-5-grams, multinomial logistic regression) with the type as label. It only picks the
type of a model event within the quad class the sentence classifier chose; it never
adds, drops or changes a rule event. Configuration: `{json.dumps(asdict(config))}`.

## Figures
5 stratified shuffled folds (seed 0): type accuracy over all types
{figures["cv_accuracy"]}; choosing among the types of the gold event's quad class (as
the coder does) {figures["cv_accuracy_within_quad"]}. `realpolitik evaluate plover`
cross-validates this model the same way for the models and hybrid coders.
Training time including cross-validation: {figures["seconds"]} s.

{REPRODUCE}
"""
