"""find_mentions on hand-built Docs (no parse) and on the seeds with the real model."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from realpolitik.actors import ActorResolver
from realpolitik.records import ActorMention

from .conftest import SEEDS


def by_text(mentions: list[ActorMention]) -> dict[str, ActorMention]:
    return {m.actor.text or "": m for m in mentions}


def test_unparsed_doc_and_pronoun(resolver: ActorResolver) -> None:
    words = [
        "Russian",
        "troops",
        "arrived",
        "in",
        "Syria",
        ".",
        "Later",
        "he",
        "met",
        "Vladimir",
        "Putin",
        "and",
        "he",
        "left",
        ".",
    ]
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert not doc.has_annotation("DEP")
    mentions = resolver.find_mentions(doc, date(2016, 1, 1))
    found = by_text(mentions)
    assert found["Russian troops"].actor.code == "RUSMIL"
    assert found["Syria"].actor.country == "SYR"
    starts = [m.start_token for m in mentions]
    assert starts == sorted(starts)
    spans = [(m.start_token, m.end_token) for m in mentions]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    pronouns = [m for m in mentions if m.kind == "pronoun"]
    assert [p.actor.name for p in pronouns] == ["Vladimir Putin"]
    assert pronouns[0].actor.text == "he" and doc.text[pronouns[0].actor.start :].startswith("he")


def test_agent_country_from_of_phrase(resolver: ActorResolver) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["the", "leaders", "of", "Iran", "met"])
    (leaders, *_rest) = resolver.find_mentions(doc, None)
    assert (leaders.actor.country, leaders.actor.sector) == ("IRN", "GOV")


@pytest.mark.slow
def test_seed_004(resolver: ActorResolver, nlp) -> None:
    paths = sorted(SEEDS.glob("004_*.txt"))
    if not paths:
        pytest.skip("seeds not available")
    doc = nlp(paths[0].read_text(encoding="utf-8"))
    mentions = resolver.find_mentions(doc, date(2021, 2, 1))
    codes = {m.actor.text: m.actor.code for m in mentions}
    assert any("Hassan Nasrallah" in t and c == "LBNREB" for t, c in codes.items())
    assert any("Maj Gen Qassem Soleimani" in t for t in codes)
    assert codes["President Putin"] == "RUSGOV"
    assert codes["Russian Defense Minister Sergey Shoigu"].startswith("RUSGOV")
    assert codes["the Pentagon"] == "USAMIL"
    assert codes["Moscow"] == "RUSGOV"
    assert codes["Trump administration"] == "USAGOV"
    assert codes["Iranian"] == "IRN"
    assert codes["Russian air force contingent"] == "RUSMIL"
    assert codes["ISIS"].startswith("IMGREB")


@pytest.mark.slow
def test_seed_000(resolver: ActorResolver, nlp) -> None:
    paths = sorted(SEEDS.glob("000_*.txt"))
    if not paths:
        pytest.skip("seeds not available")
    doc = nlp(paths[0].read_text(encoding="utf-8"))
    mentions = resolver.find_mentions(doc, date(2024, 12, 20))
    found = [(m.actor.text, m.actor.country, m.actor.sector) for m in mentions]
    assert any(t and "leaders" in t and c == "SYR" and s in {"MIL", "SPY"} for t, c, s in found)
    assert any(t == "Russia National Security Council" and c == "RUS" for t, c, _ in found)
    assert ("the Americans", "USA", None) in found
    assert any(t == "Shanghai Cooperation alliance" and c == "IGO" for t, c, _ in found)
    assert any(t and "Muslim Brotherhood" in t for t, _, _ in found)


def test_boilerplate_yields_no_political_actor(resolver: ActorResolver, nlp) -> None:
    doc = nlp("Global Research articles can be read in 27 languages by activating the menu.")
    political = [
        m for m in resolver.find_mentions(doc, None) if m.actor.sector not in {"MED", "BUS"}
    ]
    assert political == []


def test_unambiguous_name_stands_against_a_wrong_ner_label(resolver: ActorResolver, nlp) -> None:
    doc = nlp("Everyone knew how Soleimani, the commander, was working with Damascus.")
    soleimani = next(t for t in doc if t.text == "Soleimani")
    soleimani.ent_type_ = "GPE"  # the small model's frequent guess for this name
    found = by_text(resolver.find_mentions(doc, date(2016, 1, 1)))
    assert found["Soleimani"].actor.code == "IRNMIL"
