"""Report frames: the speech, belief or report construction that presents an event as a claim.

A frame is found by walking up from the event's clause: a speech or belief
verb taking the clause as complement ("X said that ..."), a passive report
verb ("is said to"), a report noun ("there are reports that ..."), "according
to X", a report adverb ("reportedly"), or a speech verb inserted in the clause
("..., officials said").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from realpolitik.context.clauses import children, is_aside, subject_of
from realpolitik.context.data import Cues

FIRST_PERSON = frozenset({"i", "we", "me", "us"})
EXISTENTIAL = frozenset({"be", "have", "emerge", "circulate", "exist", "surface", "come"})
FRAME_DEPS = frozenset({"ccomp", "xcomp", "dep", "parataxis", "advcl", "csubj", "conj"})


@dataclass(frozen=True, slots=True)
class ReportFrame:
    """Who presents the event, with what word; ``kind`` is report | denial | question."""

    kind: str
    cue: str
    speaker: Token | None  # head token of the speaker phrase, if named
    verb: Token | None


NON_SPEAKERS = frozenset({"all", "this", "that", "which", "what", "it", "these", "those"})


def _is_first_person(token: Token | None) -> bool:
    """First person (the author's own voice) or a word that cannot be a speaker."""
    return token is not None and (token.lower_ in FIRST_PERSON or token.lower_ in NON_SPEAKERS)


def according_to(token: Token, cues: Cues) -> ReportFrame | None:
    """'according to X' / 'citing X' attached to `token`."""
    for child in token.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ == "according":
            for to in children(child, {"prep"}):
                objects = children(to, {"pobj"})
                if objects:
                    return ReportFrame("report", "according to", _source_of(objects[0], cues), None)
        if child.lower_ in cues.lists["source_prepositions"]:
            objects = children(child, {"pobj", "dobj"})
            if objects:
                return ReportFrame("report", child.lower_, _source_of(objects[0], cues), None)
    return None


def _source_of(token: Token, cues: Cues) -> Token:
    """For 'information obtained by SPIEGEL' the source is SPIEGEL, not the information."""
    if token.lemma_.lower() in cues.lists["report_nouns"]:
        for acl in children(token, {"acl", "relcl"}):
            for agent in children(acl, {"agent"}):
                objects = children(agent, {"pobj"})
                if objects:
                    return objects[0]
    return token


def adverb_frame(token: Token, cues: Cues) -> ReportFrame | None:
    """'reportedly', 'allegedly' modifying `token`."""
    for child in children(token, {"advmod"}):
        if child.lower_ in cues.lists["report_adverbs"]:
            return ReportFrame("report", child.lower_, None, None)
    return None


def inserted_frame(token: Token, cues: Cues) -> ReportFrame | None:
    """'Russia invaded, officials said': a speech verb hanging off the event's clause."""
    for child in children(token, {"parataxis", "advcl", "conj"}):
        if child.lemma_.lower() not in cues.lists["report_verbs"]:
            continue
        if not any(c.dep_ == "ccomp" for c in child.children):
            speaker = subject_of(child)
            if not _is_first_person(speaker):
                return ReportFrame("report", child.lower_, speaker, child)
    return None


def _report_noun(head: Token, cues: Cues) -> Token | None:
    if head.lemma_.lower() in cues.lists["report_nouns"]:
        return head
    if head.lemma_.lower() in EXISTENTIAL:
        for child in children(head, {"attr", "nsubj", "dobj"}):
            if child.lemma_.lower() in cues.lists["report_nouns"]:
                return child
    return None


def _noun_cue(noun: Token) -> str:
    head = noun.head
    expl = [c for c in head.children if c.dep_ == "expl"] if noun.dep_ == "attr" else []
    if expl:
        return f"{expl[0].lower_} {head.lower_} {noun.lower_}"
    return noun.lower_


def verb_frame(clause: Token, head: Token, cues: Cues) -> ReportFrame | None:
    """The frame a governing word `head` puts around the clause headed by `clause`."""
    lemma = head.lemma_.lower()
    dep = clause.dep_
    marks = {c.lower_ for c in children(clause, {"mark", "advmod"})}
    asks = dep in {"ccomp", "dep", "csubj"} and lemma in cues.lists["question_governors"]
    if asks and marks & (cues.lists["question_marks"] | {"if"}):
        return ReportFrame("question", lemma, subject_of(head), head)
    if dep in FRAME_DEPS - {"conj"}:
        if lemma in cues.lists["denial_verbs"] and dep != "xcomp":
            if _negated(head):  # "nobody can deny that ...": an assertion
                return None
            return ReportFrame("denial", head.lower_, subject_of(head), head)
        report = cues.lists["report_verbs"] | cues.lists["belief_verbs"]
        if lemma in report and (dep != "xcomp" or _is_passive(head)):
            speaker = subject_of(head) if dep != "xcomp" else _agent(head)
            if not _is_first_person(speaker):
                return ReportFrame("report", head.lower_, speaker, head)
    if dep == "prep" and lemma in cues.lists["report_verbs"] | cues.lists["belief_verbs"]:
        speaker = _agent(head) if _is_passive(head) else subject_of(head)
        return ReportFrame("report", head.lower_, speaker, head)  # "accused X of arming"
    noun = _report_noun(head, cues)
    if noun is not None and dep in {"ccomp", "acl", "dep", "relcl", "advcl", "appos"}:
        governor = noun.head
        if noun.dep_ == "dobj" and governor.lemma_.lower() in cues.lists["denial_verbs"]:
            return ReportFrame("denial", governor.lower_, subject_of(governor), governor)
        return ReportFrame("report", _noun_cue(noun), _noun_source(noun), head)
    return None


def _negated(token: Token) -> bool:
    subject = subject_of(token)
    negative_subject = subject is not None and subject.lower_ in {"nobody", "none", "no"}
    no_one = subject is not None and any(c.lower_ == "no" for c in subject.children)
    return negative_subject or no_one or any(c.dep_ == "neg" for c in token.children)


def _noun_source(noun: Token) -> Token | None:
    """'reports from Damascus' / 'Reuters reports' give no speaker; 'his claim' gives its owner."""
    for child in children(noun, {"poss"}):
        return child
    return None


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)


def _agent(token: Token) -> Token | None:
    for agent in children(token, {"agent"}):
        objects = children(agent, {"pobj"})
        if objects:
            return objects[0]
    return None


def local_frame(token: Token, cues: Cues) -> ReportFrame | None:
    """Frames attached directly to a token: 'according to', 'reportedly', inserted speech."""
    return according_to(token, cues) or adverb_frame(token, cues) or inserted_frame(token, cues)


def find_frame(top: Token, cues: Cues) -> ReportFrame | None:
    """Walk up from the top of the event's own clause to the nearest report frame."""
    current = top
    for _ in range(40):
        frame = local_frame(current, cues)
        if frame is not None:
            return frame
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ in {"acl", "relcl", "appos"} and is_aside(current):
            return None
        frame = verb_frame(current, head, cues)
        if frame is not None:
            return frame
        current = head
    return None
