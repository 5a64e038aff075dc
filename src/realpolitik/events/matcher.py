"""Match step: which pattern (if any) a token triggers, and the tokens that satisfied it.

A common trigger ("say", "attack") has hundreds of candidate patterns; the token
features they test (children, word forms, passive voice) are read once per
trigger into a `TokenFacts` and shared by all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from realpolitik.events.patterns import Pattern, PatternIndex, PhraseHeads, index_heads

PREP_DEPS = frozenset({"prep", "agent", "dative", "prt"})
MODIFIER_DEPS = frozenset({"advmod", "amod", "compound", "npadvmod", "nmod", "acomp"})
PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
PARTICLE_DEPS = PREP_DEPS | {"advmod"}
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
PASSIVE_OBJECT_DEPS = OBJECT_DEPS | {"nsubjpass"}


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger token, the pattern it matched and the object noun the pattern required."""

    trigger: Token
    pattern: Pattern
    object: Token | None


class TokenFacts:
    """Per-trigger memo of the token features patterns test (children, forms, modifiers);
    keyed by token index, so one instance serves the tokens of one Doc only."""

    __slots__ = ("_children", "_modifiers", "_objects", "_words", "heads")

    def __init__(self, heads: dict[tuple[str, ...], PhraseHeads] | None = None) -> None:
        self.heads = heads if heads is not None else {}
        self._children: dict[int, list[tuple[Token, str]]] = {}
        self._words: dict[int, set[str]] = {}
        self._modifiers: dict[int, set[str]] = {}
        self._objects: dict[int, list[Token]] = {}

    def phrase_heads(self, phrases: tuple[str, ...]) -> PhraseHeads:
        """`phrases` by head word, as the pattern index holds them (else indexed now)."""
        found = self.heads.get(phrases)
        return found if found is not None else index_heads(phrases)

    def children(self, token: Token) -> list[tuple[Token, str]]:
        """(child, dependency label) pairs, in `token.children` order."""
        found = self._children.get(token.i)
        if found is None:
            found = self._children[token.i] = [(c, c.dep_) for c in token.children]
        return found

    def words(self, token: Token) -> set[str]:
        found = self._words.get(token.i)
        if found is None:
            found = self._words[token.i] = words(token)
        return found

    def objects(self, verb: Token) -> list[Token]:
        """The children of `verb` that may be its object (passive subjects too, if passive)."""
        found = self._objects.get(verb.i)
        if found is None:
            children = self.children(verb)
            passive = any(dep in ("nsubjpass", "auxpass") for _, dep in children)
            deps = PASSIVE_OBJECT_DEPS if passive else OBJECT_DEPS
            found = self._objects[verb.i] = [child for child, dep in children if dep in deps]
        return found

    def modifiers(self, token: Token) -> set[str]:
        """The forms of the phrase modifiers of `token` ("air" of "air strike")."""
        found = self._modifiers.get(token.i)
        if found is None:
            found = self._modifiers[token.i] = {
                w for c, dep in self.children(token) if dep in PHRASE_DEPS for w in self.words(c)
            }
        return found


def words(token: Token) -> set[str]:
    """The forms a dictionary word may match: lemma and lower-cased text."""
    return {token.lemma_.lower(), token.text.lower()}


def matches_phrase(token: Token, phrases: tuple[str, ...], facts: TokenFacts | None = None) -> bool:
    """True if `token` heads one of `phrases` (head word last, modifiers among its children)."""
    facts = facts or TokenFacts()
    heads = facts.phrase_heads(phrases)
    for form in facts.words(token):
        for mods in heads.get(form, ()):
            if not mods or all(m in facts.modifiers(token) for m in mods):
                return True
    return False


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def object_of(
    verb: Token, phrases: tuple[str, ...], facts: TokenFacts | None = None
) -> Token | None:
    """The direct object (or passive subject) of `verb` that heads one of `phrases`."""
    facts = facts or TokenFacts()
    for child in facts.objects(verb):
        if matches_phrase(child, phrases, facts):
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


def preps_of(token: Token, name: str, facts: TokenFacts | None = None) -> list[Token]:
    facts = facts or TokenFacts()
    return [
        c
        for c, dep in facts.children(token)
        if dep in PREP_DEPS and c.text.lower() == name and not is_time_adjunct(c)
    ]


def prep_matches(heads: list[Token], pattern: Pattern, facts: TokenFacts | None = None) -> bool:
    facts = facts or TokenFacts()
    for head in heads:
        for prep in preps_of(head, pattern.prep or "", facts):
            if not pattern.prep_object:
                return True
            if any(matches_phrase(p, pattern.prep_object, facts) for p, _ in facts.children(prep)):
                return True
    return False


def satisfies(
    token: Token, pattern: Pattern, facts: TokenFacts | None = None
) -> tuple[bool, Token | None]:
    """Whether `token` meets every constraint of `pattern`, and the object noun it used."""
    facts = facts or TokenFacts()
    obj = object_of(token, pattern.object, facts) if pattern.object else None
    if pattern.object and obj is None:
        return False, None
    heads = [token] if obj is None else [token, obj]
    children = facts.children(token)
    if pattern.particle and not any(
        dep in PARTICLE_DEPS and c.text.lower() == pattern.particle for c, dep in children
    ):
        return False, None
    if pattern.prep and not prep_matches(heads, pattern, facts):
        return False, None
    if pattern.subject and not any(
        matches_phrase(c, pattern.subject, facts)
        for c, dep in children
        if c.i < token.i and dep != "punct"
    ):
        return False, None
    if pattern.modifier and not any(
        matches_phrase(c, pattern.modifier, facts) for c, dep in children if dep in MODIFIER_DEPS
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
    facts = TokenFacts(index.phrase_heads)
    # Cheap necessary conditions first: an object heading one of the pattern's object
    # phrases, and (without an object) a preposition of the pattern's word.
    object_forms = {form for child in facts.objects(token) for form in facts.words(child)}
    prep_words = {c.text.lower() for c, dep in facts.children(token) if dep in PREP_DEPS}
    for pattern in candidates(token, pos, index):
        if pattern.object:
            if object_forms.isdisjoint(pattern.object_heads):
                continue
        elif pattern.prep and pattern.prep not in prep_words:
            continue
        ok, obj = satisfies(token, pattern, facts)
        if not ok:
            continue
        extra = phrase_words(obj, pattern.object, facts) - 1 if obj else 0
        score = pattern.specificity + extra
        if score > best_score:
            best, best_score = Match(token, pattern, obj), score
    if best is None or best.pattern.cameo is None:
        return None
    return best


def phrase_words(token: Token, phrases: tuple[str, ...], facts: TokenFacts | None = None) -> int:
    """Word count of the longest of `phrases` that `token` heads."""
    facts = facts or TokenFacts()
    return max((len(p.split()) for p in phrases if matches_phrase(token, (p,), facts)), default=1)
