"""The sentence pre-filter: inflection, sentence selection, and offset-exact assembly."""

from __future__ import annotations

import pytest

from realpolitik.nlp import split_forms
from realpolitik.prefilter import (
    SelectiveParser,
    SentenceFilter,
    _Trigger,
    inflect,
    is_parsed,
    lemmatizer_tables,
    load_excluded_triggers,
)

TEXT = (
    "Share this article on social media.  Subscribe now!\n\n"
    "Russia attacked Ukraine on Monday, officials said. The weather was mild.\n"
    "Iran met Syrian officials in Moscow. Cookies help us.Prices rose again."
)


@pytest.fixture(scope="module")
def parser(nlp) -> SelectiveParser:
    sentence_filter = SentenceFilter.from_lemmas(
        nlp, ["attack", "meet", "strike"], ["Russia", "Iran", "Syrian officials", "Ukraine"]
    )
    return SelectiveParser(nlp, sentence_filter)


def test_inflect_with_rules_and_irregular_forms(nlp) -> None:
    rules, exceptions = lemmatizer_tables(nlp)
    forms = inflect(["attack", "meet", "seize", "fly", "strike"], rules, exceptions)
    for form in ("attacks", "attacked", "attacking", "met", "meets", "seized", "seizing"):
        assert form in forms
    for form in ("flies", "flew", "struck", "strikes"):
        assert form in forms
    assert "weather" not in forms


def test_inflect_without_tables_keeps_lemmas() -> None:
    assert inflect(["Attack", ""], {}, {}) == frozenset({"attack"})


def test_keeps_only_sentences_with_trigger_and_actor(parser: SelectiveParser) -> None:
    plan = parser.plan(TEXT)
    kept = [plan.doc[start:end].text for start, end, keep in plan.ranges if keep]
    assert any("Russia attacked Ukraine" in text for text in kept)
    assert any("Iran met Syrian officials" in text for text in kept)
    assert not any("weather" in text or "Cookies" in text for text in kept)


def test_pronoun_counts_as_actor(nlp) -> None:
    sentence_filter = SentenceFilter.from_lemmas(nlp, ["attack"], ["Russia"])
    doc = SelectiveParser(nlp, sentence_filter).plan("They attacked the town. Nobody attacked.").doc
    assert sentence_filter.keep(doc) == [True, False]


def test_assembled_doc_has_the_exact_text_tokens_and_offsets(nlp, parser) -> None:
    ((doc, context),) = list(parser.pipe([(TEXT, "ctx")]))
    reference = nlp.make_doc(TEXT)
    assert context == "ctx"
    assert doc.text == TEXT
    assert [(t.text, t.idx, t.whitespace_) for t in doc] == [
        (t.text, t.idx, t.whitespace_) for t in reference
    ]
    for ent in doc.ents:
        assert TEXT[ent.start_char : ent.end_char] == ent.text
    russia = next(ent for ent in doc.ents if ent.text == "Russia")
    assert russia.start_char == TEXT.index("Russia")


def test_only_kept_sentences_are_parsed(parser: SelectiveParser) -> None:
    ((doc, _),) = list(parser.pipe([(TEXT, None)]))
    sentences = list(doc.sents)
    assert "".join(s.text_with_ws for s in sentences) == TEXT
    parsed = [s.text for s in sentences if is_parsed(s)]
    unparsed = [s.text for s in sentences if not is_parsed(s)]
    assert any("attacked" in text for text in parsed)
    assert any("met" in text for text in parsed)
    assert any("weather" in text for text in unparsed)
    assert any("Subscribe" in text for text in unparsed)
    attacked = next(t for t in doc if t.text == "attacked")
    assert attacked.lemma_ == "attack"
    assert {child.dep_ for child in attacked.children} >= {"nsubj", "dobj"}
    assert next(t for t in doc if t.text == "weather").lemma_ == ""


def test_unparsed_sentences_keep_their_boundaries(parser: SelectiveParser) -> None:
    ((doc, _),) = list(parser.pipe([(TEXT, None)]))
    texts = [s.text.strip() for s in doc.sents]
    assert "Share this article on social media." in texts
    assert "Subscribe now!" in texts


def test_all_kept_equals_full_pipeline(nlp, parser: SelectiveParser) -> None:
    text = "Russia attacked Ukraine. Iran met Syrian officials."
    ((doc, _),) = list(parser.pipe([(text, None)]))
    full = nlp(text)
    assert [(t.dep_, t.head.i, t.lemma_) for t in doc] == [
        (t.dep_, t.head.i, t.lemma_) for t in full
    ]


def test_nothing_kept_gives_tokens_only(parser: SelectiveParser) -> None:
    ((doc, _),) = list(parser.pipe([("The weather was mild. Prices rose.", None)]))
    assert not doc.has_annotation("DEP")
    assert len(list(doc.sents)) == 2


def test_batches_route_docs_back_to_their_contexts(parser: SelectiveParser) -> None:
    texts = [f"Russia attacked town {i}. The weather was mild." for i in range(7)]
    results = list(parser.pipe(((t, i) for i, t in enumerate(texts)), batch_size=3))
    assert [context for _, context in results] == list(range(7))
    assert [doc.text for doc, _ in results] == texts


def test_split_forms_matches_the_tokenizer(nlp) -> None:
    forms = ["united states", "U.S. Army", "dont", "cannot", "al-Qaeda", "co-operation",
             "Hezbollah", "gonna", "  two  spaces", "", "Côte d'Ivoire", "5km"]  # fmt: skip
    expected = [[token.text for token in doc] for doc in nlp.tokenizer.pipe(forms)]
    assert split_forms(nlp.tokenizer, forms) == expected


def test_excluded_trigger_forms_do_not_keep_a_sentence(nlp) -> None:
    text = "Russia is ready. Russia attacked Ukraine."
    plain = SentenceFilter.from_lemmas(nlp, ["be", "attack"], ["Russia"])
    assert plain.keep(SelectiveParser(nlp, plain).plan(text).doc) == [True, True]
    patterns = [_Trigger(("be",)), _Trigger(("attack",))]
    quiet = SentenceFilter.build(nlp, patterns, ["Russia"], excluded=["is"])
    assert quiet.keep(SelectiveParser(nlp, quiet).plan(text).doc) == [False, True]


def test_shipped_exclusions_are_lower_case_forms() -> None:
    excluded = load_excluded_triggers()
    assert "is" in excluded
    assert all(form == form.lower() and " " not in form for form in excluded)


def test_deferred_entities_only_where_asked(nlp) -> None:
    text = "Russia attacked Ukraine on Monday. Iran met Syrian officials in Moscow."
    sentence_filter = SentenceFilter.from_lemmas(nlp, ["attack", "meet"], ["Russia", "Iran"])
    parser = SelectiveParser(nlp, sentence_filter, defer_entities=True)
    ((doc, _),) = list(parser.pipe([(text, None)]))
    assert not doc.ents and all(is_parsed(s) for s in doc.sents)
    second = list(doc.sents)[1]
    parser.add_entities(doc, [(second.start_char, second.end_char)])
    alone = nlp(second.text)
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in alone.ents]
    assert all(e.start >= second.start for e in doc.ents) and doc.ents


def test_add_entities_without_deferral_changes_nothing(parser: SelectiveParser) -> None:
    ((doc, _),) = list(parser.pipe([("Russia attacked Ukraine on Monday.", None)]))
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    parser.add_entities(doc, [(0, len(doc.text))])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before


def test_actor_tokens_decide_the_actor_test(nlp) -> None:
    sentence_filter = SentenceFilter.from_lemmas(nlp, ["attack"], ["Russia"])
    text = "They attacked the town. Russia attacked Kyiv. They attacked again."
    doc = SelectiveParser(nlp, sentence_filter).plan(text).doc
    found = [token.i for token in doc if token.text == "Russia"] + [len(doc) - 4]
    # only the tokens the resolver reads as actors count (here: Russia, the last "They")
    assert sentence_filter.keep(doc, found) == [False, True, True]
    assert sentence_filter.keep(doc, []) == [False, False, False]


def test_actor_finder_is_used_by_the_plan(nlp) -> None:
    sentence_filter = SentenceFilter.from_lemmas(nlp, ["attack"], ["Russia", "turkey"])
    parser = SelectiveParser(
        nlp, sentence_filter, find_actors=lambda doc: [t.i for t in doc if t.text == "Russia"]
    )
    plan = parser.plan("The turkey attacked the farmer. Russia attacked Kyiv.")
    assert [keep for _, _, keep in plan.ranges] == [False, True]


def test_entities_for_several_docs_in_one_pass(nlp) -> None:
    texts = ["Russia attacked Ukraine on Monday. Iran met Syrian officials.", "Iran met Putin."]
    sentence_filter = SentenceFilter.from_lemmas(nlp, ["attack", "meet"], ["Russia", "Iran"])
    parser = SelectiveParser(nlp, sentence_filter, defer_entities=True)
    docs = [doc for doc, _ in parser.pipe([(text, None) for text in texts])]
    first = next(iter(docs[0].sents))
    parser.add_entities_many([(docs[0], [(first.start_char, first.end_char)]), (docs[1], [])])
    assert {e.text for e in docs[0].ents} >= {"Russia", "Ukraine"}
    assert all(e.end <= first.end for e in docs[0].ents)
    assert not docs[1].ents
