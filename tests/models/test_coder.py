"""ModelEventCoder: rules pass through, hybrid re-scores rule events and adds model events."""

from __future__ import annotations

import pytest
from spacy.language import Language

from realpolitik.events.ontology import Ontology
from realpolitik.models.coder import ModelEventCoder, pick_roles
from realpolitik.models.combination import CombineConfig
from realpolitik.models.quad import QuadClassifier, QuadConfig
from realpolitik.models.tagger import TaggedSpan
from realpolitik.nlp import load_nlp
from realpolitik.records import (
    Actor,
    ActorMention,
    CoderInfo,
    EventCandidate,
    Post,
    Trigger,
)

TRAINING = [
    ("The weather was mild in the capital.", 0),
    ("The ministry published its annual report.", 0),
    ("Leaders agreed to hold talks.", 1),
    ("The president praised the neighbouring government.", 1),
    ("Japan sent food aid to the region.", 2),
    ("The bank released frozen assets.", 2),
    ("The opposition accused the government of corruption.", 3),
    ("The ministry condemned the embassy statement.", 3),
    ("Troops shelled the town and killed civilians.", 4),
    ("Rebels attacked a convoy and killed soldiers.", 4),
]
TEXT = "Leaders agreed to hold talks. Troops shelled the town and killed civilians."


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="module")
def classifier() -> QuadClassifier:
    texts = [t for t, _ in TRAINING] * 3
    labels = [label for _, label in TRAINING] * 3
    return QuadClassifier.fit(texts, labels, QuadConfig(c=50.0))


def make_coder(mode: str, classifier: QuadClassifier) -> ModelEventCoder:
    return ModelEventCoder(mode, classifier, None, Ontology.load(), CombineConfig(0.3, 0.5))


def rule_candidate(doc, ontology: Ontology) -> EventCandidate:
    sent = next(iter(doc.sents))
    verb = sent.root
    return EventCandidate(
        post_id="p",
        sentence_id=0,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        trigger_start_token=verb.i,
        trigger_end_token=verb.i + 1,
        trigger=Trigger(verb.text, verb.idx, verb.idx + len(verb.text)),
        code=ontology.code_for("036"),
        actor=None,
        recipient=None,
        coder=CoderInfo("rule", "agree_036", 0.6),
    )


POST = Post(post_id="p", doc_id="d", index=0, kind="text", text=TEXT)


def test_rules_mode_passes_candidates_through(nlp, classifier) -> None:
    doc = nlp(TEXT)
    rules = [rule_candidate(doc, Ontology.load())]
    assert make_coder("rules", classifier).code(doc, POST, [], rules) == rules


def test_hybrid_rescores_rules_and_adds_a_model_event(nlp, classifier) -> None:
    doc = nlp(TEXT)
    coder = make_coder("hybrid", classifier)
    result = coder.code(doc, POST, [], [rule_candidate(doc, coder.ontology)])
    assert [c.sentence_id for c in result] == [0, 1]
    rule, model = result
    assert rule.coder.method == "hybrid" and rule.coder.rule == "agree_036"
    assert rule.coder.confidence != 0.6
    assert model.coder.method == "model"
    assert model.code.quad_class == 4
    assert 0.3 <= model.coder.confidence <= 1.0
    assert model.trigger.text == doc.text[model.trigger.start : model.trigger.end]


def test_models_mode_ignores_rules(nlp, classifier) -> None:
    doc = nlp(TEXT)
    coder = make_coder("models", classifier)
    result = coder.code(doc, POST, [], [rule_candidate(doc, coder.ontology)])
    assert all(c.coder.method == "model" for c in result)
    assert [c.code.quad_class for c in result] == [1, 4]


def test_confident_threshold_suppresses_model_events(nlp, classifier) -> None:
    doc = nlp(TEXT)
    coder = ModelEventCoder(
        "models", classifier, None, Ontology.load(), CombineConfig(model_threshold=1.01)
    )
    assert coder.code(doc, POST, [], []) == []


def test_unknown_mode_is_refused(classifier) -> None:
    with pytest.raises(ValueError):
        make_coder("neural", classifier)


def test_pick_roles_uses_reciprocal_spans_for_gaps() -> None:
    spans = [TaggedSpan("R", 0, 1), TaggedSpan("R", 2, 3)]
    assert pick_roles(spans) == (spans[0], spans[1])
    spans = [TaggedSpan("T", 4, 5), TaggedSpan("S", 0, 1)]
    assert pick_roles(spans) == (spans[1], spans[0])


def test_spans_map_onto_dictionary_mentions(nlp) -> None:
    from realpolitik.models.coder import span_mention

    doc = nlp("Russian troops entered Georgia.")
    actor = Actor("Russian troops", "Russia", "RUS", "MIL", "RUSMIL", "rus", 0, 14)
    mention = ActorMention(actor, 0, 2, kind="agent")
    assert span_mention(doc, TaggedSpan("S", 1, 2), [mention], "t") is mention
    new = span_mention(doc, TaggedSpan("T", 3, 4), [mention], "t")
    assert new.actor.text == "Georgia" and new.actor.code is None and new.kind == "model"


def test_model_event_trigger_is_the_most_telling_word(nlp, classifier) -> None:
    doc = nlp("Troops shelled the town and killed civilians.")
    event = make_coder("models", classifier).code(doc, POST, [], [])[0]
    weights = classifier.word_weights([t.text for t in doc], 4)
    content = [i for i, t in enumerate(doc) if t.is_alpha and not t.is_stop]
    assert event.trigger.text == doc[max(content, key=lambda i: weights[i])].text
    assert event.trigger.text.lower() in {"troops", "shelled", "town", "killed", "civilians"}


def test_simulate_follows_the_combination_rules() -> None:
    import numpy as np

    from realpolitik.models.combination import simulate

    proba = np.array(
        [
            [0.1, 0.0, 0.0, 0.1, 0.8],  # no rule: model event of class 4
            [0.1, 0.0, 0.0, 0.5, 0.4],  # no rule, unsure: nothing
            [0.0, 0.0, 0.05, 0.05, 0.9],  # rule says 1, classifier sure of 4: override
            [0.95, 0.05, 0.0, 0.0, 0.0],  # rule says 1, classifier sure of none: rule stands
            [0.2, 0.6, 0.0, 0.0, 0.2],  # rule says 3, classifier unsure: rule stands
        ]
    )
    rules = np.array([0, 0, 1, 1, 3])
    config = CombineConfig(model_threshold=0.6, override_threshold=0.85)
    assert simulate(proba, rules, config).tolist() == [4, 0, 4, 1, 3]
    never = CombineConfig(model_threshold=0.6, override_threshold=1.01)
    assert simulate(proba, rules, never).tolist() == [4, 0, 1, 1, 3]


def test_overrides_counts_who_is_right() -> None:
    import numpy as np

    from realpolitik.models.combination import overrides

    proba = np.array([[0.0, 0.0, 0.1, 0.0, 0.9], [0.0, 0.0, 0.0, 0.9, 0.1], [0.9, 0.1, 0, 0, 0]])
    rules, labels = np.array([1, 1, 1]), np.array([4, 1, 0])
    assert overrides(proba, rules, labels, 0.8) == {
        "sentences": 2,
        "model_right": 1,
        "rules_right": 1,
    }


def test_hybrid_adds_beside_and_never_drops_rule_events(nlp, classifier) -> None:
    ontology = Ontology.load()
    doc = nlp("Troops shelled the town and killed civilians.")
    wrong = rule_candidate(doc, ontology)  # a quad-1 rule event on a quad-4 sentence
    override = ModelEventCoder("hybrid", classifier, None, ontology, CombineConfig(0.3, 0.5))
    result = override.code(doc, POST, [], [wrong])
    top = max(result, key=lambda c: c.coder.confidence)
    assert {c.coder.method for c in result} == {"hybrid", "model"}
    assert top.code.quad_class == 4
    calm = nlp("The weather was mild in the capital.")
    rule = rule_candidate(calm, ontology)
    kept = override.code(calm, POST, [], [rule])
    assert [(c.code.cameo, c.coder.rule) for c in kept] == [(rule.code.cameo, rule.coder.rule)]
    assert wrong.code.cameo in {c.code.cameo for c in result if c.coder.method == "hybrid"}
