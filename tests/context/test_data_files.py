"""The context data files load, validate, and reject malformed replacements."""

from __future__ import annotations

import json

import pytest

from realpolitik.context.data import (
    CUE_LISTS,
    load_country_aliases,
    load_cues,
    load_periods,
    load_place_additions,
)
from realpolitik.errors import DataValidationError
from realpolitik.settings import Settings


def test_shipped_files_load():
    cues = load_cues()
    assert set(cues.lists) == set(CUE_LISTS)
    assert cues.has("report_verbs", "say")
    names = {p.name for p in load_periods()}
    assert {"Iran-Iraq War", "Great Game", "Soviet era", "Syrian civil war"} <= names
    assert load_place_additions()
    assert "US" in load_country_aliases()["USA"]


def _override(tmp_path, name, payload):
    folder = tmp_path / "context"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps(payload), encoding="utf-8")
    return Settings(data_dir=str(tmp_path))


def test_missing_provenance_is_rejected(tmp_path):
    settings = _override(tmp_path, "periods.json", {"schema": "periods/1", "periods": []})
    with pytest.raises(DataValidationError, match="provenance"):
        load_periods(settings)


def test_period_with_end_before_start_is_rejected(tmp_path):
    bad = {"name": "X", "aliases": ["x war"], "start": "1990-01-01", "end": "1980-01-01",
           "precision": "decade"}  # fmt: skip
    payload = {"provenance": {"source": "test"}, "schema": "periods/1", "periods": [bad]}
    with pytest.raises(DataValidationError, match="end before start"):
        load_periods(_override(tmp_path, "periods.json", payload))


def test_cue_list_must_be_strings(tmp_path):
    payload = {"provenance": {}, "schema": "cues/1"} | {k: ["x"] for k in CUE_LISTS}
    payload["negators"] = [1]
    with pytest.raises(DataValidationError, match="negators"):
        load_cues(_override(tmp_path, "cues.json", payload))
