from pathlib import Path

import pytest

from realpolitik.errors import DataValidationError
from realpolitik.events.patterns import read_pattern_file

CODES = {"042", "190", "020"}
PROVENANCE = "provenance: {origin: test, licence: MIT}\n"


def _file(tmp_path: Path, patterns: str, provenance: str = PROVENANCE) -> Path:
    path = tmp_path / "patterns.yaml"
    path.write_text(provenance + "patterns:\n" + patterns, encoding="utf-8")
    return path


def test_shipped_dictionary_is_large(event_coder):
    lemmas = event_coder.trigger_lemmas()
    assert len(lemmas) > 500
    assert {"visit", "meet", "sanction", "invade", "assassinate", "strike", "defection"} <= lemmas


def test_valid_entry_gets_default_roles(tmp_path):
    (pattern,) = read_pattern_file(
        _file(tmp_path, "- {id: a, lemmas: [visit], pos: VERB, cameo: '042'}\n"), CODES
    )
    assert pattern.actor == ("nsubj", "agent")
    assert pattern.recipient[0] == "dobj"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("- {id: a, lemmas: [visit], cameo: '999'}\n", "not in ontology"),
        ("- {id: a, lemmas: [visit], cameo: '042', recipient: [object]}\n", "unknown role"),
        ("- {id: a, lemmas: [], cameo: '042'}\n", "no lemmas"),
        ("- {id: a, lemmas: [visit], pos: ADJ, cameo: '042'}\n", "pos"),
        ("- {id: a, lemmas: [visit], cameo: '042', colour: red}\n", "unknown fields"),
        ("- {id: a, lemmas: [visit], cameo: '042', confidence: 2}\n", "confidence"),
        ("- {lemmas: [visit], cameo: '042'}\n", "without an id"),
    ],
)
def test_invalid_entries_name_file_and_pattern(tmp_path, entry, problem):
    with pytest.raises(DataValidationError, match=problem) as error:
        read_pattern_file(_file(tmp_path, entry), CODES)
    assert "patterns.yaml" in str(error.value)


def test_provenance_is_required(tmp_path):
    with pytest.raises(DataValidationError, match="provenance"):
        read_pattern_file(_file(tmp_path, "[]\n", provenance=""), CODES)
