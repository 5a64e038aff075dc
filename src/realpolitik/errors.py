"""The exception tree of realpolitik (every error the package raises on purpose).

RealpolitikError
├── ModelNotInstalledError   the spaCy model package is missing
├── DataValidationError      a dictionary / pattern / ontology file is malformed
├── InputError               a document cannot be read (becomes a `Skipped` record)
├── StoreError               the event database cannot be opened or migrated
└── UsageError               the caller asked for something impossible
"""

from __future__ import annotations


class RealpolitikError(Exception):
    """Base class of every error raised on purpose by realpolitik."""


class ModelNotInstalledError(RealpolitikError):
    """The spaCy model package is not installed."""


class DataValidationError(RealpolitikError):
    """A data file (actors, patterns, ontology) does not match its schema."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class InputError(RealpolitikError):
    """A document cannot be read; its message is the one-line skip reason."""


class StoreError(RealpolitikError):
    """The event store cannot be opened, migrated or written."""


class UsageError(RealpolitikError):
    """The caller asked for something that cannot be done (bad option, unknown actor...)."""
