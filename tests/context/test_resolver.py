"""The resolver on real parses with hand-chosen candidates (no event coder needed)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.context import ContextResolver, InMemoryGazetteer
from realpolitik.context.data import load_cues, load_periods
from realpolitik.records import (
    ActorMention,
    CoderInfo,
    Document,
    EventCandidate,
    EventCode,
    Post,
    Trigger,
)

from .test_places import BAGHDAD, MOSCOW, RUSSIA

CODE = EventCode("CONSULT", None, (), "040", 1, 1.0)


@pytest.fixture(scope="module")
def resolver():
    gazetteer = InMemoryGazetteer(
        {"Baghdad": BAGHDAD, "Moscow": MOSCOW, "Russia": RUSSIA}, countries=frozenset({"Russia"})
    )
    return ContextResolver(load_cues(), load_periods(), gazetteer)


def candidate(doc, word: str, nth: int = 0) -> EventCandidate:
    token = [t for t in doc if t.text == word][nth]
    sent = token.sent
    return EventCandidate(
        post_id="p",
        sentence_id=0,
        sentence_start=sent.start_char,
        sentence_end=sent.end_char,
        trigger_start_token=token.i,
        trigger_end_token=token.i + 1,
        trigger=Trigger(token.text, token.idx, token.idx + len(token)),
        code=CODE,
        actor=None,
        recipient=None,
        coder=CoderInfo("rule", None, 1.0),
    )


def documents(text: str, when: date | None, author: str | None = "Pepe Escobar"):
    post = Post("p", "d", 0, "article", text, author=author, date=when)
    document = Document(
        "d", "test", "h", (post,), author=author, publisher="Global Research", date=when,
        original_source="Asia Times",
    )  # fmt: skip
    return post, document


TEXT = (
    "In a stunning interview to the Beirut-based al Mayadeen network, Hezbollah's "
    "secretary-general Hassan Nasrallah has outlined how Maj Gen Qassem Soleimani - "
    "assassinated by an American drone strike at Baghdad airport a little over a year ago - "
    "was instrumental in convincing Russia to help Syria militarily in its war against "
    "Salafi-jihadis.\n\nNasrallah sets the stage for the crucial visit by Maj Gen Soleimani "
    "to Moscow in 2015, when he had a two-hour face-to-face meeting with President Putin:\n\n"
    "(In this meeting) he (Soleimani) presented a (comprehensive) strategic report to (Putin) "
    "on the situation in Syria and the region."
)


def test_seed_like_article(nlp, resolver):
    doc = nlp(TEXT)
    post, document = documents(TEXT, date(2021, 2, 1))
    nasrallah = next(t for t in doc if t.text == "Nasrallah")
    from realpolitik.records import Actor

    speaker = Actor("Hassan Nasrallah", "Hassan Nasrallah", "LBN", "PTY", "LBNPTY", "nasrallah")
    mentions = [ActorMention(speaker, nasrallah.i - 1, nasrallah.i + 1, "person")]
    cands = [candidate(doc, w) for w in ("strike", "help", "visit", "meeting", "presented")]
    strike, help_, visit, meeting, presented = resolver.resolve(
        doc, cands, post, document, mentions
    )
    assert strike.status == "asserted" and strike.attribution.speaker is None
    assert strike.date.start.startswith("2020") and strike.date.basis == "relative"
    assert strike.location is not None and strike.location.country == "IRQ"
    assert help_.status == "reported" and help_.attribution.speaker == speaker
    assert help_.attribution.cue == "outlined"
    for event in (visit, meeting):
        assert event.status == "reported"
        assert event.attribution.speaker is not None
        assert "Nasrallah" in event.attribution.speaker.text
        assert event.date.start == "2015-01-01" and event.date.precision == "year"
    assert visit.location is not None and visit.location.name == "Moscow"
    assert presented.status == "reported" and "Nasrallah" in presented.attribution.speaker.text
    assert strike.attribution.author == "Pepe Escobar"
    assert strike.attribution.publisher == "Global Research"
    assert strike.attribution.original_source == "Asia Times"


def test_undated_document_never_invents_dates(nlp, resolver):
    text = "There are reports today that four generals have defected to Iran. Russia sent troops."
    doc = nlp(text)
    post, document = documents(text, None, author="ayatoilet1")
    defected, sent = resolver.resolve(
        doc, [candidate(doc, "defected"), candidate(doc, "sent")], post, document, []
    )
    assert defected.status == "reported" and defected.attribution.cue == "there are reports"
    assert defected.date.start is None and defected.date.basis == "unknown"
    assert sent.date.start is None and sent.date.basis == "unknown"
    assert sent.attribution.author == "ayatoilet1"


def test_undated_event_gets_publication_date(nlp, resolver):
    text = "Russia sent troops to Syria."
    doc = nlp(text)
    post, document = documents(text, date(2021, 2, 1))
    (sent,) = resolver.resolve(doc, [candidate(doc, "sent")], post, document, [])
    assert (sent.date.start, sent.date.basis, sent.date.precision) == (
        "2021-02-01",
        "publication",
        "day",
    )


def test_period_cue_in_paragraph_dates_past_event(nlp, resolver):
    text = (
        "The Russians did much damage to Iran in the Great Game. "
        "Russian armies took the northern provinces by force."
    )
    doc = nlp(text)
    post, document = documents(text, date(2010, 5, 5))
    (took,) = resolver.resolve(doc, [candidate(doc, "took")], post, document, [])
    assert took.date.basis == "period" and took.date.start == "1830-01-01"


def test_hypothetical_and_future_statuses(nlp, resolver):
    text = "The Americans will invade if Iran tilts towards Russia. Putin will visit Tehran."
    doc = nlp(text)
    post, document = documents(text, date(2021, 2, 1))
    invade, visit = resolver.resolve(
        doc, [candidate(doc, "invade"), candidate(doc, "visit")], post, document, []
    )
    assert invade.status == "hypothetical"
    assert visit.status == "future"


def test_dated_after_publication_is_future(nlp, resolver):
    text = "The ministers meet in Moscow on 3 March 2021."
    doc = nlp(text)
    post, document = documents(text, date(2021, 2, 1))
    (meet,) = resolver.resolve(doc, [candidate(doc, "meet")], post, document, [])
    assert meet.status == "future" and meet.date.start == "2021-03-03"


def test_unparsed_sentence_is_tolerated(resolver):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Officials said Russia will not invade Ukraine in 2022."
    doc = nlp(text)
    post, document = documents(text, date(2021, 2, 1))
    (invade,) = resolver.resolve(doc, [candidate(doc, "invade")], post, document, [])
    assert invade.status == "negated"
    assert invade.date.start == "2022-01-01"
