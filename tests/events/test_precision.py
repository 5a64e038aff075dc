"""Precision and recall rules on hand-built parses: unplaced events, attack instruments."""

from realpolitik.records import Actor, ActorMention
from tests.events.parses import mention, parse, post_for


def unplaced(doc, start: int, end: int, sector: str) -> ActorMention:
    """A mention with a sector but no country or code ("insurgents")."""
    text = doc[start:end].text
    actor = Actor(text=text, name=text, country=None, sector=sector, code=None, id=None)
    return ActorMention(actor, start, end, "sector")


def test_event_with_no_identifiable_party_is_dropped(event_coder):
    # Insurgents killed civilians .
    doc = parse(
        [
            ("Insurgents", 1, "nsubj", "NOUN", "insurgent"),
            ("killed", 1, "ROOT", "VERB", "kill"),
            ("civilians", 1, "dobj", "NOUN", "civilian"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    mentions = [unplaced(doc, 0, 1, "REB"), unplaced(doc, 2, 3, "CVL")]
    assert event_coder.code(doc, post_for(doc), mentions) == []
    mentions = [unplaced(doc, 0, 1, "REB"), mention(doc, 2, 3, "SYRCVL")]
    (event,) = event_coder.code(doc, post_for(doc), mentions)
    assert event.recipient.actor.code == "SYRCVL"


def test_author_of_the_attack_a_passive_harm_came_in(event_coder):
    # Civilians were killed in Israeli shelling .
    doc = parse(
        [
            ("Civilians", 2, "nsubjpass", "NOUN", "civilian"),
            ("were", 2, "auxpass", "AUX", "be"),
            ("killed", 2, "ROOT", "VERB", "kill"),
            ("in", 2, "prep", "ADP", "in"),
            ("Israeli", 5, "amod", "ADJ", "israeli"),
            ("shelling", 3, "pobj", "NOUN", "shelling"),
            (".", 2, "punct", "PUNCT", "."),
        ]
    )
    events = event_coder.code(
        doc, post_for(doc), [mention(doc, 0, 1, "PSECVL"), mention(doc, 4, 5, "ISR")]
    )
    coded = [
        (e.actor.actor.code, e.recipient.actor.code) for e in events if e.actor and e.recipient
    ]
    assert coded == [("ISR", "PSECVL")]
    assert all(e.code.quad_class == 4 for e in events)


def test_party_of_an_endorsed_agreement_is_the_recipient(event_coder):
    # Ukraine endorsed an agreement with the EU .
    doc = parse(
        [
            ("Ukraine", 1, "nsubj", "PROPN", "Ukraine"),
            ("endorsed", 1, "ROOT", "VERB", "endorse"),
            ("an", 3, "det", "DET", "an"),
            ("agreement", 1, "dobj", "NOUN", "agreement"),
            ("with", 3, "prep", "ADP", "with"),
            ("the", 6, "det", "DET", "the"),
            ("EU", 4, "pobj", "PROPN", "EU"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    mentions = [mention(doc, 0, 1, "UKR"), mention(doc, 6, 7, "IGOEUREEC")]
    events = event_coder.code(doc, post_for(doc), mentions)
    coded = [(e.code.cameo, e.actor.actor.code, e.recipient.actor.code) for e in events]
    assert ("051", "UKR", "IGOEUREEC") in coded


def test_subject_of_a_condition_is_the_implied_recipient_of_force(event_coder):
    # Americans will invade if Iran tilts .
    doc = parse(
        [
            ("Americans", 2, "nsubj", "PROPN", "American"),
            ("will", 2, "aux", "AUX", "will"),
            ("invade", 2, "ROOT", "VERB", "invade"),
            ("if", 5, "mark", "SCONJ", "if"),
            ("Iran", 5, "nsubj", "PROPN", "Iran"),
            ("tilts", 2, "advcl", "VERB", "tilt"),
            (".", 2, "punct", "PUNCT", "."),
        ]
    )
    mentions = [mention(doc, 0, 1, "USA"), mention(doc, 4, 5, "IRN")]
    (event,) = event_coder.code(doc, post_for(doc), mentions)
    assert (event.code.event_type, event.actor.actor.code) == ("ASSAULT", "USA")
    assert event.recipient.actor.code == "IRN"
    assert event.coder.confidence < 0.85 * 0.85  # implied: no surer than a one-sided event


def test_seizing_parts_of_a_country_is_occupation(event_coder):
    # ISIL seized parts of Iraq .
    doc = parse(
        [
            ("ISIL", 1, "nsubj", "PROPN", "ISIL"),
            ("seized", 1, "ROOT", "VERB", "seize"),
            ("parts", 1, "dobj", "NOUN", "part"),
            ("of", 2, "prep", "ADP", "of"),
            ("Iraq", 3, "pobj", "PROPN", "Iraq"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    mentions = [mention(doc, 0, 1, "IMGREBISI"), mention(doc, 4, 5, "IRQ")]
    events = event_coder.code(doc, post_for(doc), mentions)
    assert [(e.code.cameo, e.recipient.actor.code) for e in events] == [("192", "IRQ")]


def test_time_adjunct_is_not_a_prepositional_verb(event_coder):
    # Russia called Iran on Tuesday . / Russia called on Iran .
    from spacy.tokens import Span

    dated = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("called", 1, "ROOT", "VERB", "call"),
            ("Iran", 1, "dobj", "PROPN", "Iran"),
            ("on", 1, "prep", "ADP", "on"),
            ("Tuesday", 3, "pobj", "PROPN", "Tuesday"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    dated.ents = [Span(dated, 4, 5, label="DATE")]
    mentions = [mention(dated, 0, 1, "RUS"), mention(dated, 2, 3, "IRN")]
    assert not any(
        e.code.cameo == "020" for e in event_coder.code(dated, post_for(dated), mentions)
    )
    appeal = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("called", 1, "ROOT", "VERB", "call"),
            ("on", 1, "prep", "ADP", "on"),
            ("Iran", 2, "pobj", "PROPN", "Iran"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    mentions = [mention(appeal, 0, 1, "RUS"), mention(appeal, 3, 4, "IRN")]
    events = event_coder.code(appeal, post_for(appeal), mentions)
    assert [(e.code.cameo, e.recipient.actor.code) for e in events] == [("020", "IRN")]


def test_passive_subject_of_a_transitive_verb_is_its_recipient(event_coder):
    # Iran was accused by Israel .
    doc = parse(
        [
            ("Iran", 2, "nsubjpass", "PROPN", "Iran"),
            ("was", 2, "auxpass", "AUX", "be"),
            ("accused", 2, "ROOT", "VERB", "accuse"),
            ("by", 2, "agent", "ADP", "by"),
            ("Israel", 3, "pobj", "PROPN", "Israel"),
            (".", 2, "punct", "PUNCT", "."),
        ]
    )
    mentions = [mention(doc, 0, 1, "IRN"), mention(doc, 4, 5, "ISR")]
    events = event_coder.code(doc, post_for(doc), mentions)
    assert [(e.code.cameo, e.actor.actor.code, e.recipient.actor.code) for e in events] == [
        ("112", "ISR", "IRN")
    ]
