"""Each pattern kind on hand-built parses (no statistical parser involved)."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from tests.events.parses import mention, parse, post_for


def code(event_coder, doc, spans):
    mentions = [mention(doc, start, end, actor) for start, end, actor in spans]
    return [
        (
            e.code.cameo,
            e.actor.actor.code if e.actor else None,
            e.recipient.actor.code if e.recipient else None,
        )
        for e in event_coder.code(doc, post_for(doc), mentions)
    ]


def test_verbal_event_with_offsets(event_coder):
    doc = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("attacked", 1, "ROOT", "VERB", "attack"),
            ("Syria", 1, "dobj", "PROPN", "Syria"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    mentions = [mention(doc, 0, 1, "RUS"), mention(doc, 2, 3, "SYR")]
    (event,) = event_coder.code(doc, post_for(doc), mentions)
    assert (event.code.event_type, event.code.cameo) == ("ASSAULT", "190")
    assert (event.actor.actor.code, event.recipient.actor.code) == ("RUS", "SYR")
    assert doc.text[event.trigger.start : event.trigger.end] == "attacked"
    assert (event.sentence_id, event.sentence_start, event.sentence_end) == (0, 0, len(doc.text))
    assert event.coder.method == "rule" and event.coder.rule == "core.attack"
    assert 0 < event.coder.confidence <= 1


def test_passive_agent_is_actor_found_through_modifier(event_coder):
    # Soleimani was assassinated by an American drone strike .
    doc = parse(
        [
            ("Soleimani", 2, "nsubjpass", "PROPN", "Soleimani"),
            ("was", 2, "auxpass", "AUX", "be"),
            ("assassinated", 2, "ROOT", "VERB", "assassinate"),
            ("by", 2, "agent", "ADP", "by"),
            ("an", 7, "det", "DET", "an"),
            ("American", 7, "amod", "ADJ", "american"),
            ("drone", 7, "compound", "NOUN", "drone"),
            ("strike", 3, "pobj", "NOUN", "strike"),
            (".", 2, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "IRNMIL"), (5, 6, "USA")])
    assert events == [("186", "USA", "IRNMIL")]  # the strike inside the agent is not coded twice


def test_coordinated_subjects_of_symmetric_verb_are_reciprocal(event_coder):
    # Iran and Russia met .
    doc = parse(
        [
            ("Iran", 3, "nsubj", "PROPN", "Iran"),
            ("and", 0, "cc", "CCONJ", "and"),
            ("Russia", 0, "conj", "PROPN", "Russia"),
            ("met", 3, "ROOT", "VERB", "meet"),
            (".", 3, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "IRN"), (2, 3, "RUS")])
    assert sorted(events) == [("040", "IRN", "RUS"), ("040", "RUS", "IRN")]


def test_coordinated_objects_each_get_an_event(event_coder):
    # Russia bombed Syria and Iraq .
    doc = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("bombed", 1, "ROOT", "VERB", "bomb"),
            ("Syria", 1, "dobj", "PROPN", "Syria"),
            ("and", 2, "cc", "CCONJ", "and"),
            ("Iraq", 2, "conj", "PROPN", "Iraq"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "RUS"), (2, 3, "SYR"), (4, 5, "IRQ")])
    assert events == [("195", "RUS", "SYR"), ("195", "RUS", "IRQ")]


def test_nominal_events(event_coder):
    # Russian air strikes against ISIS followed Soleimani 's visit to Moscow .
    doc = parse(
        [
            ("Russian", 2, "amod", "ADJ", "russian"),
            ("air", 2, "compound", "NOUN", "air"),
            ("strikes", 5, "nsubj", "NOUN", "strike"),
            ("against", 2, "prep", "ADP", "against"),
            ("ISIS", 3, "pobj", "PROPN", "ISIS"),
            ("followed", 5, "ROOT", "VERB", "follow"),
            ("Soleimani", 8, "poss", "PROPN", "Soleimani"),
            ("'s", 6, "case", "PART", "'s"),
            ("visit", 5, "dobj", "NOUN", "visit"),
            ("to", 8, "prep", "ADP", "to"),
            ("Moscow", 9, "pobj", "PROPN", "Moscow"),
            (".", 5, "punct", "PUNCT", "."),
        ]
    )
    spans = [(0, 1, "RUS"), (4, 5, "IMGSUNREB"), (6, 7, "IRNMIL"), (10, 11, "RUSGOV")]
    assert code(event_coder, doc, spans) == [
        ("195", "RUS", "IMGSUNREB"),
        ("042", "IRNMIL", "RUSGOV"),
    ]


def test_of_object_of_noun_is_recipient(event_coder):
    # The invasion of Iraq happened .
    doc = parse(
        [
            ("The", 1, "det", "DET", "the"),
            ("invasion", 4, "nsubj", "NOUN", "invasion"),
            ("of", 1, "prep", "ADP", "of"),
            ("Iraq", 2, "pobj", "PROPN", "Iraq"),
            ("happened", 4, "ROOT", "VERB", "happen"),
            (".", 4, "punct", "PUNCT", "."),
        ]
    )
    assert code(event_coder, doc, [(3, 4, "IRQ")]) == [("190", None, "IRQ")]


def test_several_events_per_sentence_through_conjoined_verbs(event_coder):
    # Russia attacked Syria and threatened Turkey .
    doc = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("attacked", 1, "ROOT", "VERB", "attack"),
            ("Syria", 1, "dobj", "PROPN", "Syria"),
            ("and", 1, "cc", "CCONJ", "and"),
            ("threatened", 1, "conj", "VERB", "threaten"),
            ("Turkey", 4, "dobj", "PROPN", "Turkey"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "RUS"), (2, 3, "SYR"), (5, 6, "TUR")])
    assert events == [("190", "RUS", "SYR"), ("130", "RUS", "TUR")]


def test_xcomp_object_control_gives_the_actor(event_coder):
    # Iran convinced Russia to help Syria militarily .
    doc = parse(
        [
            ("Iran", 1, "nsubj", "PROPN", "Iran"),
            ("convinced", 1, "ROOT", "VERB", "convince"),
            ("Russia", 1, "dobj", "PROPN", "Russia"),
            ("to", 4, "aux", "PART", "to"),
            ("help", 1, "xcomp", "VERB", "help"),
            ("Syria", 4, "dobj", "PROPN", "Syria"),
            ("militarily", 4, "advmod", "ADV", "militarily"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "IRN"), (2, 3, "RUS"), (5, 6, "SYR")])
    assert ("072", "RUS", "SYR") in events
    assert all(actor != "IRN" or cameo != "072" for cameo, actor, _ in events)


def test_xcomp_subject_control(event_coder):
    # Russia agreed to cooperate with Iran .
    doc = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("agreed", 1, "ROOT", "VERB", "agree"),
            ("to", 3, "aux", "PART", "to"),
            ("cooperate", 1, "xcomp", "VERB", "cooperate"),
            ("with", 3, "prep", "ADP", "with"),
            ("Iran", 4, "pobj", "PROPN", "Iran"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "RUS"), (5, 6, "IRN")])
    assert ("060", "RUS", "IRN") in events


def test_call_on_is_a_request_to_the_called(event_coder):
    # The Brotherhood called on Iran to end its support .
    doc = parse(
        [
            ("The", 1, "det", "DET", "the"),
            ("Brotherhood", 2, "nsubj", "PROPN", "Brotherhood"),
            ("called", 2, "ROOT", "VERB", "call"),
            ("on", 2, "prep", "ADP", "on"),
            ("Iran", 3, "pobj", "PROPN", "Iran"),
            ("to", 6, "aux", "PART", "to"),
            ("end", 2, "xcomp", "VERB", "end"),
            ("its", 8, "poss", "PRON", "its"),
            ("support", 6, "dobj", "NOUN", "support"),
            (".", 2, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(1, 2, "MBR"), (4, 5, "IRN")])
    assert events[0][0].startswith("02")
    assert events[0][1:] == ("MBR", "IRN")


def test_speech_verb_alone_is_not_an_event(event_coder):
    # Putin said Iran is strong .
    doc = parse(
        [
            ("Putin", 1, "nsubj", "PROPN", "Putin"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Iran", 3, "nsubj", "PROPN", "Iran"),
            ("is", 1, "ccomp", "AUX", "be"),
            ("strong", 3, "acomp", "ADJ", "strong"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    assert code(event_coder, doc, [(0, 1, "RUSGOV"), (2, 3, "IRN")]) == []


def test_self_directed_and_argumentless_events_are_dropped(event_coder):
    # Russia helped Russia . / Troops attacked .
    doc = parse(
        [
            ("Russia", 1, "nsubj", "PROPN", "Russia"),
            ("helped", 1, "ROOT", "VERB", "help"),
            ("Russia", 1, "dobj", "PROPN", "Russia"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    assert code(event_coder, doc, [(0, 1, "RUS"), (2, 3, "RUS")]) == []
    assert code(event_coder, doc, []) == []


def test_unparsed_sentences_are_skipped(event_coder):
    doc = Doc(Vocab(), words=["Russia", "attacked", "Syria", "."])
    assert event_coder.code(doc, post_for(doc), [mention(doc, 0, 1, "RUS")]) == []


def test_longer_object_phrase_wins(event_coder):
    # The US launched an air strike against ISIS .
    doc = parse(
        [
            ("The", 1, "det", "DET", "the"),
            ("US", 2, "nsubj", "PROPN", "US"),
            ("launched", 2, "ROOT", "VERB", "launch"),
            ("an", 5, "det", "DET", "an"),
            ("air", 5, "compound", "NOUN", "air"),
            ("strike", 2, "dobj", "NOUN", "strike"),
            ("against", 2, "prep", "ADP", "against"),
            ("ISIS", 6, "pobj", "PROPN", "ISIS"),
            (".", 2, "punct", "PUNCT", "."),
        ]
    )
    assert code(event_coder, doc, [(1, 2, "USA"), (7, 8, "IMGREBISI")]) == [
        ("195", "USA", "IMGREBISI")
    ]


def test_demand_that_clause_subject_is_recipient(event_coder):
    # Washington demanded that Hamas disarm .
    doc = parse(
        [
            ("Washington", 1, "nsubj", "PROPN", "Washington"),
            ("demanded", 1, "ROOT", "VERB", "demand"),
            ("that", 4, "mark", "SCONJ", "that"),
            ("Hamas", 4, "nsubj", "PROPN", "Hamas"),
            ("disarm", 1, "ccomp", "VERB", "disarm"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "USAGOV"), (3, 4, "PSEREB")])
    assert ("100", "USAGOV", "PSEREB") in events


def test_light_verb_subject_is_the_actor_of_an_event_noun(event_coder):
    # Israel and Lebanon undertook negotiations .
    doc = parse(
        [
            ("Israel", 3, "nsubj", "PROPN", "Israel"),
            ("and", 0, "cc", "CCONJ", "and"),
            ("Lebanon", 0, "conj", "PROPN", "Lebanon"),
            ("undertook", 3, "ROOT", "VERB", "undertake"),
            ("negotiations", 3, "dobj", "NOUN", "negotiation"),
            (".", 3, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "ISR"), (2, 3, "LBN")])
    assert sorted(events) == [("040", "ISR", "LBN"), ("040", "LBN", "ISR")]


def test_defection_is_from_the_actors_own_government(event_coder):
    # Syrian officers defected to Iran .
    doc = parse(
        [
            ("Syrian", 1, "amod", "ADJ", "syrian"),
            ("officers", 2, "nsubj", "NOUN", "officer"),
            ("defected", 2, "ROOT", "VERB", "defect"),
            ("to", 2, "prep", "ADP", "to"),
            ("Iran", 3, "pobj", "PROPN", "Iran"),
            (".", 2, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 2, "SYRMIL"), (4, 5, "IRN")])
    assert events == [("120", "SYRMIL", "SYRGOV")]  # Iran is where they went, not whom they left


def test_work_with_is_cooperation(event_coder):
    # Iran worked with Syria .
    doc = parse(
        [
            ("Iran", 1, "nsubj", "PROPN", "Iran"),
            ("worked", 1, "ROOT", "VERB", "work"),
            ("with", 1, "prep", "ADP", "with"),
            ("Syria", 2, "pobj", "PROPN", "Syria"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "IRN"), (3, 4, "SYR")])
    assert ("060", "IRN", "SYR") in events
