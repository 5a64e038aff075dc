"""The driver: batch coding equals post-by-post coding; deferred entities where needed."""

from __future__ import annotations

from realpolitik.ingest import document_from_text
from realpolitik.prefilter import is_parsed

TEXT = (
    "Russian warplanes struck rebel positions near Aleppo on Tuesday, the monitor said.\n\n"
    "The weather in Moscow was cold. Iran's foreign minister met his Turkish counterpart "
    "in Ankara and they agreed to cooperate."
)


def test_batch_and_single_post_coding_agree(coder) -> None:
    document = document_from_text(TEXT, date="2020-03-01")
    batch = coder.code_document(document).events
    single = []
    for post in document.posts:
        ((doc, _),) = list(coder.parse([(post.text, None)]))
        single.extend(coder.code_post(document, post, doc))
    assert batch and [e.to_dict() for e in batch] == [e.to_dict() for e in single]


def test_entities_only_in_sentences_with_candidates(coder) -> None:
    document = document_from_text(TEXT, date="2020-03-01")
    (post,) = document.posts
    ((doc, _),) = list(coder.parse([(post.text, None)]))
    found = coder.find_candidates(document, post, doc)
    coder.complete_entities([found])
    with_candidates = {c.sentence_start for c in found.candidates}
    for sentence in doc.sents:
        has_entities = any(token.ent_iob_ for token in sentence)
        assert has_entities == (sentence.start_char in with_candidates)
        if "weather" in sentence.text:
            assert not is_parsed(sentence)
