from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.errors import UsageError
from realpolitik.settings import Settings, load_settings


def test_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()


def test_layers_file_env_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "realpolitik.toml").write_text('batch_size = 8\ncoder = "hybrid"\nworkers = 3\n')
    monkeypatch.setenv("REALPOLITIK_WORKERS", "2")
    settings = load_settings(coder="rules")
    assert (settings.batch_size, settings.workers, settings.coder) == (8, 2, "rules")


def test_unknown_setting_in_file_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "realpolitik.toml").write_text("bogus = 1\n")
    with pytest.raises(UsageError, match="bogus"):
        load_settings()


def test_named_settings_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not found"):
        load_settings(tmp_path / "missing.toml")
