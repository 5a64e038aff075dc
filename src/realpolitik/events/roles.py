"""Find the actor and recipient of a matched trigger by dependency role.

A role spec (see `patterns`) names tokens; each token is mapped to the actor
mention covering it or, failing that, to a mention among its modifiers
("the Russian embassy" -> the "Russian" mention), with a confidence that drops
with the distance. Coordinated tokens ("Iran and Russia") each give a mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from realpolitik.events.matcher import PREP_DEPS, Match, is_passive
from realpolitik.records import ActorMention

#: Dependents searched (breadth first) for a mention when the role token has none.
SEARCH_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod", "prep", "pobj"})
NOUN_MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
#: English verbs whose object is the subject of their infinitive ("convince X to help").
OBJECT_CONTROL = frozenset(
    {"convince", "persuade", "urge", "ask", "force", "allow", "order", "invite", "encourage"}
    | {"push", "press", "pressure", "call", "tell", "help", "lead", "prompt", "compel"}
)
MAX_DEPTH = 3
#: Subordinators of a condition on the act ("will invade if Iran tilts ...").
CONDITION_MARKS = frozenset({"if", "unless"})
#: Confidence factor of a recipient implied by a condition rather than governed by the verb.
IMPLIED = 0.85


@dataclass(frozen=True, slots=True)
class Argument:
    """A mention filling a role, with how sure we are it fills it (0-1)."""

    mention: ActorMention
    confidence: float
    spec: str = ""  # the role spec that found it


def mention_index(mentions: list[ActorMention]) -> dict[int, ActorMention]:
    """Token index -> the shortest mention covering it."""
    index: dict[int, ActorMention] = {}
    for mention in sorted(mentions, key=lambda m: m.end_token - m.start_token, reverse=True):
        for i in range(mention.start_token, mention.end_token):
            index[i] = mention
    return index


def find_mention(token: Token, index: dict[int, ActorMention]) -> Argument | None:
    """The mention at `token`, else the nearest one among its modifiers.

    A mention without a country ("the Chairman") gives way to a nearby one with a
    country ("of Russia's Security Council").
    """
    first: Argument | None = None
    frontier, depth = [token], 0
    while frontier and depth <= MAX_DEPTH:
        for candidate in frontier:
            if candidate.i in index:
                found = Argument(index[candidate.i], 1.0 - 0.05 * depth)
                if found.mention.actor.country:
                    return found
                first = first or found
        frontier = [
            child
            for candidate in frontier
            for child in candidate.children
            if child.dep_ in SEARCH_DEPS and (child.dep_ != "prep" or child.text.lower() == "of")
        ]
        depth += 1
    return first


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


class MatchTokens:
    """A match's trigger children and prepositional objects (by preposition), read
    once for all the role specs searched."""

    __slots__ = ("children", "prep_objects")

    def __init__(self, match: Match) -> None:
        self.children = list(match.trigger.children)
        heads = [self.children]
        if match.object is not None:
            heads.append(list(match.object.children))
        self.prep_objects: dict[str, list[Token]] = {}
        for children in heads:
            for prep in children:
                if prep.dep_ in PREP_DEPS:
                    found = self.prep_objects.setdefault(prep.text.lower(), [])
                    found.extend(_pobjs(prep))


def role_tokens(match: Match, spec: str, tokens: MatchTokens | None = None) -> list[Token]:
    """The tokens that fill role `spec` for `match` (before coordination); `tokens`
    are the match's, when the caller has them already."""
    trigger = match.trigger
    tokens = tokens if tokens is not None else MatchTokens(match)
    children = tokens.children
    if spec.startswith("prep:"):
        return list(tokens.prep_objects.get(spec[5:], ()))
    if spec == "nsubj":
        return [c for c in children if c.dep_ == "nsubj"]
    if spec == "agent":
        return [p for c in children if c.dep_ == "agent" for p in _pobjs(c)]
    if spec == "nsubjpass":
        if is_participle_modifier(trigger):  # "civilians imprisoned for ..."
            return [trigger.head]
        return [c for c in children if c.dep_ == "nsubjpass" and c != match.object]
    if spec == "dobj":
        if match.object is not None:  # "rejected a U.S. request": the object's modifiers
            return [match.object]
        return [c for c in children if c.dep_ in ("dobj", "obj")]
    if spec == "ccomp_subj":  # "demanded that Hamas renounce ..."
        return [s for c in children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    if spec == "dative":
        datives = [c for c in children if c.dep_ == "dative"]
        return [p for d in datives for p in (_pobjs(d) or [d])]
    if spec == "poss":
        return [c for c in children if c.dep_ == "poss"]
    if spec == "mod":
        return [c for c in children if c.dep_ in NOUN_MOD_DEPS]
    return []


def _resolve_relative(token: Token) -> Token:
    """'which'/'who' as subject of a relative clause -> the noun the clause modifies."""
    clause = token.head
    if token.text.lower() in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
        return clause.head
    return token


def members(token: Token) -> list[Token]:
    """`token` and the tokens coordinated with it, including "A, B, and C" lists the
    parser attaches as apposition."""
    found = [token, *token.conjuncts]
    for child in token.children:
        if child.dep_ == "appos" and any(c.dep_ in ("cc", "conj") for c in child.children):
            found.extend([child, *child.conjuncts])
    return found


def coordinated(argument: Argument, token: Token) -> list[Token]:
    """Tokens coordinated with any token of the mention ("Barack Obama and ...")."""
    doc = token.doc
    span = doc[argument.mention.start_token : argument.mention.end_token]
    return [c for t in span if t.i != token.i for c in members(t)[1:]]


def arguments(
    match: Match,
    specs: tuple[str, ...],
    index: dict[int, ActorMention],
    exclude: tuple[ActorMention, ...] = (),
) -> list[Argument]:
    """Mentions for the first role spec that yields any (coordinated tokens each count).

    A mention in `exclude` (the actors) found only among a role token's modifiers
    ("Israel strengthened its forces") does not count as a party.
    """
    tokens = MatchTokens(match)
    for rank, spec in enumerate(specs):
        found: list[Argument] = []
        for token in role_tokens(match, spec, tokens):
            queue = members(token)
            while queue:
                member = queue.pop(0)
                argument = find_mention(_resolve_relative(member), index)
                if argument is None or any(a.mention == argument.mention for a in found):
                    continue
                indirect = argument.mention.start_token > member.i or (
                    argument.mention.end_token <= member.i
                )
                if indirect and any(_same(argument.mention, other) for other in exclude):
                    continue
                confidence = argument.confidence - 0.01 * rank
                found.append(Argument(argument.mention, confidence, spec))
                queue.extend(coordinated(argument, member))
        if found:
            return found
    return []


def _same(a: ActorMention, b: ActorMention) -> bool:
    return a == b or (a.actor.code is not None and a.actor.code == b.actor.code)


def is_participle_modifier(verb: Token) -> bool:
    """A past participle modifying a noun ("soldiers killed in ..."): the noun is its patient."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def _controller(verb: Token, patient_roles: tuple[str, ...]) -> tuple[Token, str] | None:
    """The token whose subject (or object) an argument-less verb inherits, and that role.

    A passive verb's actor can only come from its own "by" phrase, or from the
    "by" phrase of a passive verb it is conjoined with.
    """
    head = verb.head
    if is_passive(verb):
        return (head, "agent") if verb.dep_ == "conj" and is_passive(head) else None
    has_object = any(c.dep_ == "dobj" for c in head.children)
    infinitive = any(c.dep_ == "aux" and c.text.lower() == "to" for c in verb.children)
    if verb.dep_ in ("xcomp", "advcl") and infinitive and is_passive(head):
        return head, "nsubjpass"  # "troops were sent to help"
    if verb.dep_ == "xcomp" or (infinitive and head.lemma_ in OBJECT_CONTROL):
        return (head, "dobj") if has_object else (head, "nsubj")
    if verb.dep_ in ("conj", "advcl"):
        return head, "agent" if is_passive(head) else "nsubj"
    if verb.dep_ == "relcl":
        return head, "self"
    if verb.dep_ == "acl" and not any(c.dep_ == "agent" for c in verb.children):
        # "the contingent deployed to Syria" unless the noun is the patient.
        if is_participle_modifier(verb) and "nsubjpass" in patient_roles:
            return None
        return head, "self"
    return None


def inherited_actor(match: Match, index: dict[int, ActorMention], depth: int = 0) -> list[Argument]:
    """The actor of a verb without one, from the verb it is an xcomp/conj/relcl/acl of."""
    found = _controller(match.trigger, match.pattern.recipient)
    if found is None or depth > 3:
        return []
    head, role = found
    if role == "self":
        argument = find_mention(head, index)
        return [Argument(argument.mention, argument.confidence * 0.85)] if argument else []
    head_match = Match(head, match.pattern, None)
    tokens = role_tokens(head_match, role)
    result = [
        Argument(a.mention, a.confidence * 0.85)
        for t in tokens
        for member in (t, *t.conjuncts)
        if (a := find_mention(_resolve_relative(member), index))
    ]
    return result or inherited_actor(head_match, index, depth + 1)


def light_verb_subject(match: Match, index: dict[int, ActorMention]) -> list[Argument]:
    """The subject of the verb an event noun is the object of ("Israel renewed
    negotiations") or a phrase of ("Petraeus met X during a visit to Beirut")."""
    noun = match.trigger
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in ("dobj", "obj"):
        return []
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return []
    head_match = Match(verb, match.pattern, None)
    subjects = role_tokens(head_match, "nsubj")
    return [
        Argument(a.mention, a.confidence * 0.85, "nsubj")
        for token in subjects
        for member in members(token)
        if (a := find_mention(_resolve_relative(member), index))
    ]


def condition_party(
    match: Match, index: dict[int, ActorMention], exclude: tuple[ActorMention, ...] = ()
) -> list[Argument]:
    """The subject of an if/unless clause of an object-less verb ("the Americans will
    invade if Iran's leadership tilts towards Russia" -> Iran), as an implied recipient:
    a conditional threat of force names the party whose conduct sets it off."""
    for clause in match.trigger.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children
        ):
            continue
        found = [
            Argument(a.mention, a.confidence * IMPLIED, "condition")
            for t in clause.children
            if t.dep_ in ("nsubj", "nsubjpass")
            for member in members(t)
            if (a := find_mention(_resolve_relative(member), index))
            and not any(_same(a.mention, other) for other in exclude)
        ]
        if found:
            return found
    return []
