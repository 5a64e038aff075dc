"""The only place that loads spaCy: the offline English model from its PyPI package."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import spacy
from spacy.attrs import DEP, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from realpolitik.errors import ModelNotInstalledError
from realpolitik.settings import DEFAULT_MODEL, MODEL_PACKAGE_PIN

#: Token attributes a one-token attribute-ruler rule may read and still be memoized.
MEMO_READABLE = frozenset({"LOWER", "ORTH", "TEXT", "TAG", "DEP", "IS_SPACE"})

#: Distinct token keys the memoized attribute ruler keeps (about 100 bytes each).
MEMO_LIMIT = 200_000

#: Components the coder never reads; disabling them saves time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline named `model` (callers keep it; loading takes ~0.3 s).

    Raises `ModelNotInstalledError` with the install command when it is missing;
    never downloads anything.
    """
    try:
        nlp = spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model '{model}' is not installed. Install it with: "
            f"pip install '{MODEL_PACKAGE_PIN}' (or reinstall realpolitik: pip install -e .)"
        ) from exc
    memoize_attribute_ruler(nlp)
    return nlp


class MemoizedAttributeMatch:
    """Exactly `AttributeRuler.match`, with one-token rules looked up per token key.

    The small English model's attribute ruler maps (tag, lower, dep) to POS and
    morphology through ~180 Matcher patterns, many with set or regex predicates
    evaluated in Python for every token -- a tenth of the whole pipeline's cost.
    A one-token rule depends only on the token attributes its patterns read, so
    its result is computed once per distinct key (by spaCy's own Matcher on a
    one-token Doc) and reused; multi-token rules still go through a Matcher.
    Matches come back in the ruler's own order, so `set_annotations` is unchanged.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        read: set[str] = set()
        for attr_id, rule in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings.add(str(attr_id))
            patterns = rule["patterns"]
            one_token = rule["index"] in (0, -1) and all(
                len(pattern) == 1 and "OP" not in pattern[0] for pattern in patterns
            )
            (self.single if one_token else self.multi).add(match_id, patterns)
            if one_token:
                read.update(name.upper() for pattern in patterns for name in pattern[0])
        if not read <= MEMO_READABLE:
            raise ValueError(f"one-token rules read {sorted(read - MEMO_READABLE)}")
        self.exact = bool(read & {"ORTH", "TEXT"})
        self.key_attrs = [ORTH if self.exact else LOWER, TAG, DEP]
        self.known: dict[tuple[int, int, int], tuple[tuple[int, int], ...]] = {}

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The ruler's matches on `doc`: (attr_id, match_id, start, end), sorted."""
        matches = [
            (int(self.vocab.strings[m_id]), m_id, start, end)
            for m_id, start, end in self.multi(doc, allow_missing=True, as_spans=False)
        ]
        for index, row in enumerate(doc.to_array(self.key_attrs).tolist()):
            key = (row[0], row[1], row[2])
            found = self.known.get(key)
            if found is None:
                if len(self.known) >= MEMO_LIMIT:
                    self.known.clear()
                found = self.known[key] = self._evaluate(*key)
            matches.extend((attr_id, m_id, index, index + 1) for attr_id, m_id in found)
        matches.sort()
        return matches

    def _evaluate(self, word: int, tag: int, dep: int) -> tuple[tuple[int, int], ...]:
        """The one-token rules matching a token with this text (or lower form), tag, dep."""
        probe = Doc(self.vocab, words=[self.vocab.strings[word]])
        probe[0].tag = tag
        probe[0].dep = dep
        found = self.single(probe, allow_missing=True, as_spans=False)
        return tuple(sorted({(int(self.vocab.strings[m]), m) for m, _, _ in found}))


class MemoizedLemmas:
    """`Lemmatizer.lemmatize` remembered per (form, POS, morphology).

    In rule mode a lemma depends on nothing else, but spaCy caches only part of
    its paths (base forms and proper nouns are worked out again for every token).
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.compute = lemmatizer.lemmatize
        self.known: dict[tuple[int, int, int], list[str]] = {}

    def __call__(self, token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = self.known.get(key)
        if found is None:
            if len(self.known) >= MEMO_LIMIT:
                self.known.clear()
            found = self.known[key] = self.compute(token)
        return found


def memoize_attribute_ruler(nlp: Language) -> None:
    """Give the pipeline's attribute ruler a `MemoizedAttributeMatch` and its rule
    lemmatizer `MemoizedLemmas` (when they are there)."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.match = MemoizedAttributeMatch(ruler)
    if "lemmatizer" in nlp.pipe_names and nlp.get_pipe("lemmatizer").mode == "rule":
        lemmatizer = nlp.get_pipe("lemmatizer")
        lemmatizer.lemmatize = MemoizedLemmas(lemmatizer)


def split_forms(tokenizer: Tokenizer, forms: Sequence[str]) -> list[list[str]]:
    """The token texts of each form, exactly as `tokenizer` splits it.

    A form of single-space-separated ASCII-letter words, none a tokenizer special
    case, is split on spaces (no affix or infix rule applies to letters alone);
    only the other forms go through the tokenizer. Dictionaries are mostly such
    forms, so this is several times faster than tokenizing all of them.
    """
    rules = tokenizer.rules
    words = [_plain_words(form, rules) for form in forms]
    hard = [index for index, found in enumerate(words) if found is None]
    for index, doc in zip(hard, tokenizer.pipe(forms[index] for index in hard), strict=True):
        words[index] = [token.text for token in doc]
    return words  # type: ignore[return-value]


def _plain_words(form: str, rules: Mapping[str, object]) -> list[str] | None:
    """The words of `form` when splitting on spaces is all the tokenizer would do."""
    words = form.split(" ")
    for word in words:
        if not (word.isascii() and word.isalpha()) or word in rules:
            return None
    return words
