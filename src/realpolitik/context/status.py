"""Status of an event: asserted, reported, hypothetical, future, negated or question.

Decided from the event's own clause. The *scope* of an event is its trigger
plus the words whose modality it shares: the predicate a nominal trigger is an
argument of when that predicate is a support verb ("launch strikes"), the
governor of a control complement ("plans to visit", "refused to attend"), the
head of a coordinated verb without its own auxiliary. Markers in that scope
decide, in this order: question > condition > negation > modal/hedge >
future > report frame > asserted.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from realpolitik.context.clauses import (
    ARGUMENT_DEPS,
    children,
    ends_with_question,
    has_parse,
    is_predicate,
    parenthetical,
    sentence_of,
)
from realpolitik.context.data import Cues, load_cues
from realpolitik.context.frames import ReportFrame, find_frame, local_frame
from realpolitik.records import Status

PRECEDENCE = (
    Status.QUESTION,
    "condition",
    Status.NEGATED,
    Status.HYPOTHETICAL,
    Status.FUTURE,
    Status.REPORTED,
)
NOMINAL_DEPS = ARGUMENT_DEPS | {"conj", "appos"}
WEAK_MODALS = frozenset({"might", "may"})


@dataclass(frozen=True, slots=True)
class StatusResult:
    status: Status
    cue: str | None
    frame: ReportFrame | None


def _has_own_aux(token: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "MD" for c in token.children)


def _word_keys(token: Token) -> tuple[str, ...]:
    """The lemma plus suffix-stripped forms (the lemmatizer errs: 'hopes' -> 'hop')."""
    word = token.lower_
    keys = [token.lemma_.lower(), word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            keys.append(word[: -len(suffix)] + repl)
    return tuple(keys)


def _token_kind(token: Token, cues: Cues) -> Status | None:
    return next((k for k in (_governor_kind(w, cues) for w in _word_keys(token)) if k), None)


def _governor_kind(lemma: str, cues: Cues) -> Status | None:
    if lemma in cues.lists["negative_governors"]:
        return Status.NEGATED
    if lemma in cues.lists["future_governors"]:
        return Status.FUTURE
    if lemma in cues.lists["hypothetical_governors"]:
        return Status.HYPOTHETICAL
    return None


def _is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _is_control(token: Token) -> bool:
    """An infinitival complement ('to visit') or gerund complement of its head."""
    if token.dep_ == "xcomp":
        return True
    infinitive = _is_infinitive(token)
    return token.dep_ in {"advcl", "ccomp", "pcomp"} and (infinitive or token.tag_ == "VBG")


def own_scope(trigger: Token, cues: Cues) -> tuple[list[Token], list[tuple[object, str]]]:
    """The event's scope (trigger first) and the governor cues met on the way up."""
    scope, found = [trigger], []
    token = trigger
    for _ in range(12):
        head = token.head
        if head.i == token.i or not _shares_scope(token, head, cues, found):
            break
        scope.append(head)
        token = head
    return scope, found


def _shares_scope(token: Token, head: Token, cues: Cues, found: list[tuple[object, str]]) -> bool:
    """Whether `head` belongs to the scope of `token`; governor cues are added to `found`."""
    lemma, dep = head.lemma_.lower(), token.dep_
    kind = _token_kind(head, cues)
    reporting = cues.lists["report_verbs"] | cues.lists["belief_verbs"]
    if dep in {"pobj", "pcomp"} and head.lower_ == "without":
        found.append((Status.NEGATED, "without"))
    if lemma in cues.lists["negative_nouns"] and dep in {"acl", "prep", "relcl"}:
        found.append((Status.NEGATED, lemma))
        return True
    if dep == "prep" and lemma in reporting:
        return False  # "accused X of arming": a report frame, found above
    if _is_control(token) and (is_predicate(head) or kind):
        if dep == "xcomp" and lemma in reporting and (kind is None or _is_passive(head)):
            return False  # "is said to have met": a report frame, found above
        if kind is not None:
            found.append((kind, lemma))
        return True
    if dep in {"acl", "relcl"} and _is_infinitive(token):  # "calls to mediate"
        if kind is not None:
            found.append((kind, lemma))
        return True
    if dep == "conj":
        return not _has_own_aux(token)
    if dep not in NOMINAL_DEPS:
        return False
    if is_predicate(head) and token.pos_ == "ADP" and kind == Status.NEGATED:
        found.append((kind, lemma))  # "refrained from criticising", "stopped short of"
        return True
    if is_predicate(head) and not token.tag_.startswith("VB") and token.pos_ != "ADP":
        kind = kind if dep in {"dobj", "nsubjpass"} else None
        if kind is not None:
            found.append((kind, lemma))
            return True
        return lemma in cues.lists["support_verbs"]
    return True


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)


def _markers(token: Token, cues: Cues, is_trigger: bool) -> list[tuple[object, str]]:
    """Status cues among the children of one scope word."""
    found: list[tuple[object, str]] = []
    modals = [c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}]
    for child in token.children:
        word, dep = child.lower_, child.dep_
        if dep == "neg" or (dep == "advmod" and word in {"never", "hardly", "barely", "scarcely"}):
            weak = set(modals) & WEAK_MODALS
            found.append((Status.HYPOTHETICAL if weak else Status.NEGATED, word))
        elif dep in {"aux", "auxpass"} and word in cues.lists["hypothetical_modals"]:
            found.append((Status.HYPOTHETICAL, word))
        elif dep in {"aux", "auxpass"} and word in cues.lists["future_modals"]:
            found.append((Status.FUTURE, word))
        elif dep == "mark" and word in cues.lists["conditional_marks"]:
            found.append(("condition", word))
        elif dep == "mark" and word in cues.lists["question_marks"]:
            found.append((Status.QUESTION, word))
        elif dep in {"nsubj", "nsubjpass"} and _negative_subject(child, cues):
            found.append((Status.NEGATED, child.lower_))
        elif _condition_mark(child, cues):
            found.append(("condition", _condition_mark(child, cues) or ""))
        elif dep == "advmod" and word in cues.lists["hedge_adverbs"]:
            found.append((Status.HYPOTHETICAL, word))
        elif dep == "det" and word in cues.lists["negative_determiners"]:
            found.append((Status.NEGATED, word))
        elif dep == "amod":
            found.extend(_adjective(child, cues))
    return found


def _adjective(child: Token, cues: Cues) -> list[tuple[object, str]]:
    word = child.lower_
    if word in cues.lists["future_adjectives"]:
        return [(Status.FUTURE, word)]
    if word in cues.lists["hypothetical_adjectives"]:
        return [(Status.HYPOTHETICAL, word)]
    return []


def _negative_subject(subject: Token, cues: Cues) -> bool:
    """'No troops were deployed', 'Neither side fired', 'Nobody attacked'."""
    if subject.lower_ in {"nobody", "none", "nothing", "neither"}:
        return True
    if subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children):
        return True
    return any(
        c.dep_ == "det" and c.lower_ in cues.lists["negative_determiners"] for c in subject.children
    )


def _condition_mark(clause: Token, cues: Cues) -> str | None:
    for child in children(clause, {"mark"}):
        if child.lower_ in cues.lists["conditional_marks"]:
            return child.lower_
    return None


def _temporal_inheritance(top: Token, cues: Cues) -> list[tuple[object, str]]:
    """'... after Iran agrees': a present-tense temporal clause takes its main clause's modality."""
    if top.dep_ != "advcl" or top.tag_ not in {"VBZ", "VBP", "VB"}:
        return []
    marks = {c.lower_ for c in children(top, {"mark", "advmod"})}
    if not marks & cues.lists["temporal_marks"]:
        return []
    head = top.head
    return [
        (kind, word)
        for kind, word in _markers(head, cues, False)
        if kind in {Status.FUTURE, Status.HYPOTHETICAL}
    ]


def _decide(found: list[tuple[object, str]], frame: ReportFrame | None) -> StatusResult:
    by_kind: dict[object, str] = {}
    for kind, word in found:
        by_kind.setdefault(kind, word)
    if frame is not None and frame.kind == "denial":
        by_kind.setdefault(Status.NEGATED, frame.cue)
    if frame is not None and frame.kind == "question":
        by_kind.setdefault(Status.QUESTION, frame.cue)
    if frame is not None and frame.kind == "report":
        by_kind.setdefault(Status.REPORTED, frame.cue)
    for kind in PRECEDENCE:
        if kind in by_kind:
            status = Status.HYPOTHETICAL if kind == "condition" else Status(kind)
            return StatusResult(status, by_kind[kind], frame)
    return StatusResult(Status.ASSERTED, None, frame)


def analyse_status(doc: Doc, index: int, cues: Cues, sent: Span | None = None) -> StatusResult:
    """Status, deciding cue and report frame of the event triggered at token `index`."""
    trigger = doc[index]
    sent = sent if sent is not None else sentence_of(trigger)
    if not has_parse(sent):
        return surface_status(sent, index, cues)
    scope, found = own_scope(trigger, cues)
    found = list(found)
    if ends_with_question(sent):
        found.append((Status.QUESTION, "?"))
    for token in scope:
        found.extend(_markers(token, cues, token.i == trigger.i))
    found.extend(_temporal_inheritance(scope[-1], cues))
    frame = next((f for f in (local_frame(t, cues) for t in scope) if f), None)
    frame = frame or find_frame(scope[-1], cues)
    aside = parenthetical(sent, index)
    framed = frame is not None and frame.verb is not None and aside is not None
    if framed and not aside[0] < frame.verb.i < aside[1]:
        frame = None  # an aside between dashes is the author's voice, not the speaker's
    return _decide(found, frame)


def classify_status(doc: Doc, index: int, cues: Cues | None = None) -> tuple[Status, str | None]:
    """Status of the event triggered at token `index`, and the cue that decided it."""
    result = analyse_status(doc, index, cues or load_cues())
    return result.status, result.cue


def surface_status(sent: Span, index: int, cues: Cues) -> StatusResult:
    """Fallback for an unparsed sentence: cue words near the trigger in its clause."""
    words = [t.lower_ for t in sent]
    lemmas = [(t.lemma_ or t.lower_).lower() for t in sent]
    at = index - sent.start
    before = words[max(0, at - 4) : at]
    found: list[tuple[object, str]] = []
    if ends_with_question(sent):
        found.append((Status.QUESTION, "?"))
    found += [("condition", w) for w in words if w in cues.lists["conditional_marks"]]
    found += [(Status.NEGATED, w) for w in before if w in cues.lists["negators"]]
    found += [(Status.HYPOTHETICAL, w) for w in before if w in cues.lists["hypothetical_modals"]]
    found += [(Status.FUTURE, w) for w in before if w in cues.lists["future_modals"]]
    frame = None
    for i, (word, lemma) in enumerate(zip(words, lemmas, strict=True)):
        if lemma in cues.lists["report_verbs"] or word in cues.lists["report_adverbs"]:
            frame = ReportFrame("report", word, None, sent[i])
        elif word == "according" and i + 1 < len(words) and words[i + 1] == "to":
            frame = ReportFrame("report", "according to", None, sent[i])
    return _decide(found, frame)
