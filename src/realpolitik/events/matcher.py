"""Match step: which pattern (if any) a token triggers, and the tokens that satisfied it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from realpolitik.events.patterns import Pattern, PatternIndex

PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
MODIFIER_DEPS = frozenset({"advmod", "amod", "compound", "npadvmod", "nmod", "acomp"})
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
PARTICLE_DEPS = PREP_DEPS | {"advmod"}
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger token, the pattern it matched and the object noun the pattern required."""

    trigger: Token
    pattern: Pattern
    object: Token | None


def words(token: Token) -> set[str]:
    """The forms a dictionary word may match: lemma and lower-cased text."""
    return {token.lemma_.lower(), token.text.lower()}


def matches_phrase(token: Token, phrases: tuple[str, ...]) -> bool:
    """True if `token` heads one of `phrases` (head word last, modifiers among its children)."""
    forms = words(token)
    modifiers: set[str] | None = None
    for phrase in phrases:
        *mods, head = phrase.split()
        if head not in forms:
            continue
        if not mods:
            return True
        if modifiers is None:
            modifiers = {w for c in token.children if c.dep_ in PHRASE_DEPS for w in words(c)}
        if all(m in modifiers for m in mods):
            return True
    return False


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def object_of(verb: Token, phrases: tuple[str, ...]) -> Token | None:
    """The direct object (or passive subject) of `verb` that heads one of `phrases`."""
    deps = OBJECT_DEPS | {"nsubjpass"} if is_passive(verb) else OBJECT_DEPS
    for child in verb.children:
        if child.dep_ in deps and matches_phrase(child, phrases):
            return child
    return None


#: Entity types of a time adjunct ("called X on Tuesday" is not "called on X").
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def is_time_adjunct(prep: Token) -> bool:
    """A preposition whose objects are dates or times ("on Tuesday", "on 15 October"):
    every noun in them is part of a date or time entity."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    nouns = [t for o in objects for t in o.subtree if t.pos_ in ("NOUN", "PROPN")]
    return bool(nouns) and all(t.ent_type_ in TIME_ENTITIES for t in nouns)


def preps_of(token: Token, name: str) -> list[Token]:
    return [
        c
        for c in token.children
        if c.dep_ in PREP_DEPS and c.text.lower() == name and not is_time_adjunct(c)
    ]


def prep_matches(heads: list[Token], pattern: Pattern) -> bool:
    for head in heads:
        for prep in preps_of(head, pattern.prep or ""):
            if not pattern.prep_object:
                return True
            if any(matches_phrase(p, pattern.prep_object) for p in prep.children):
                return True
    return False


def satisfies(token: Token, pattern: Pattern) -> tuple[bool, Token | None]:
    """Whether `token` meets every constraint of `pattern`, and the object noun it used."""
    obj = object_of(token, pattern.object) if pattern.object else None
    if pattern.object and obj is None:
        return False, None
    heads = [token] if obj is None else [token, obj]
    particles = [c.text.lower() for c in token.children if c.dep_ in PARTICLE_DEPS]
    if pattern.particle and pattern.particle not in particles:
        return False, None
    if pattern.prep and not prep_matches(heads, pattern):
        return False, None
    if pattern.subject and not any(
        matches_phrase(c, pattern.subject) for c in token.lefts if c.dep_ != "punct"
    ):
        return False, None
    if pattern.modifier and not any(
        matches_phrase(c, pattern.modifier) for c in token.children if c.dep_ in MODIFIER_DEPS
    ):
        return False, None
    return True, obj


def trigger_pos(token: Token) -> str | None:
    if token.pos_ == "VERB":
        return "VERB"
    if token.pos_ == "NOUN":
        return "NOUN"
    return None


def lemma_forms(token: Token) -> list[str]:
    """The parser's lemma, then plain de-inflections (the small model lemmatizes
    "staged" as "stag")."""
    text = token.text.lower()
    forms = [token.lemma_.lower(), text]
    for suffix, replacement in (("ing", ""), ("ing", "e"), ("ed", ""), ("d", ""), ("s", "")):
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            forms.append(text[: -len(suffix)] + replacement)
    return forms


def candidates(token: Token, pos: str, index: PatternIndex) -> tuple[Pattern, ...]:
    """Patterns of the first form of `token` that has any."""
    for form in lemma_forms(token):
        found = index.candidates(form, pos)
        if found:
            return found
    return ()


def match_token(token: Token, index: PatternIndex) -> Match | None:
    """The most specific pattern `token` satisfies (earlier files win ties), else None.

    Specificity counts constraints plus the extra words of a matched object phrase,
    so "launch an air strike" prefers the pattern naming "air strike" over "strike".
    A winning pattern with no CAMEO code blocks the token ("not an event").
    """
    pos = trigger_pos(token)
    if pos is None:
        return None
    best: Match | None = None
    best_score = -1
    for pattern in candidates(token, pos, index):
        ok, obj = satisfies(token, pattern)
        if not ok:
            continue
        score = pattern.specificity + (phrase_words(obj, pattern.object) - 1 if obj else 0)
        if score > best_score:
            best, best_score = Match(token, pattern, obj), score
    if best is None or best.pattern.cameo is None:
        return None
    return best


def phrase_words(token: Token, phrases: tuple[str, ...]) -> int:
    """Word count of the longest of `phrases` that `token` heads."""
    return max((len(p.split()) for p in phrases if matches_phrase(token, (p,))), default=1)
