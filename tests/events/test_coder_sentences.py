"""The event coder codes sentences independently, so a subset can be coded alone."""

from __future__ import annotations

from realpolitik.ingest import document_from_text


def test_coding_chosen_sentences_gives_their_share_of_the_candidates(coder) -> None:
    text = "Russia attacked Ukraine. The weather was mild. Iran met Syrian officials in Moscow."
    (post,) = document_from_text(text, date="2020-03-01").posts
    doc = coder.nlp(post.text)
    mentions = coder.actors.find_mentions(doc, None)
    everything = coder.events.code(doc, post, mentions)
    assert {c.sentence_id for c in everything} == {0, 2}
    for chosen in ({0}, {2}, {0, 2}, set()):
        part = coder.events.code(doc, post, mentions, chosen)
        assert part == [c for c in everything if c.sentence_id in chosen]
