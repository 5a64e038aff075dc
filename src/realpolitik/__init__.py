"""realpolitik: political event data (PLOVER/CAMEO) and actor relations from text.

The public API::

    from realpolitik import Coder, code_text
    coder = Coder.load()
    for coded in coder.code_documents(read_sources(["article.html"])): ...
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "CodedDocument",
    "Coder",
    "Event",
    "Settings",
    "__version__",
    "code_text",
    "load_settings",
]


def __getattr__(name: str):  # lazy: importing realpolitik must not load spaCy
    if name in {"Coder", "CodedDocument", "code_text"}:
        from realpolitik import pipeline

        return getattr(pipeline, name)
    if name == "Event":
        from realpolitik.records import Event

        return Event
    if name in {"Settings", "load_settings"}:
        from realpolitik import settings

        return getattr(settings, name)
    raise AttributeError(name)
