"""The only place that loads spaCy: the offline English model from its PyPI package."""

from __future__ import annotations

import spacy
from spacy.language import Language

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
