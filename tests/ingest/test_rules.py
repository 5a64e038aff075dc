"""The ingest data files load, and malformed ones are refused with the file and problem named."""

from __future__ import annotations

import pytest
import yaml

from realpolitik.errors import DataValidationError
from realpolitik.ingest.rules import load_rules, parse_boilerplate, parse_forum, parse_header

GOOD_RULE = {"name": "x", "pattern": "^share", "drop": "line", "reason": "r"}


def test_shipped_rules_load(rules) -> None:
    assert len(rules.boilerplate) >= 20
    assert len({rule.name for rule in rules.boilerplate}) == len(rules.boilerplate)
    assert rules.header.metadata_labels["in-depth report"] == "in_depth_report"
    assert rules.html.comment_items


@pytest.mark.parametrize(
    ("rules_list", "problem"),
    [
        ([{**GOOD_RULE, "pattern": "(unclosed"}], "bad regex"),
        ([{**GOOD_RULE, "drop": "document"}], "drop must be"),
        ([GOOD_RULE, GOOD_RULE], "duplicate name"),
        ([{"name": "x", "pattern": "y"}], "needs exactly"),
        ([{**GOOD_RULE, "reason": ""}], "non-empty string"),
    ],
)
def test_bad_boilerplate_is_refused(rules_list, problem) -> None:
    with pytest.raises(DataValidationError, match=problem):
        parse_boilerplate({"version": 1, "rules": rules_list}, "b.yaml")


def test_header_regex_needs_its_groups() -> None:
    data = {
        "version": 1,
        "header_paragraphs": 5,
        "max_title_words": 10,
        "max_author_words": 4,
        "bylines": ["^by (?P<name>.+)$"],
        "datelines": ["(?P<date>.+)"],
        "source_lines": ["(?P<source>.+)"],
        "metadata_labels": ["Region"],
    }
    with pytest.raises(DataValidationError, match="lacks group"):
        parse_header(data, "h.yaml")
    with pytest.raises(DataValidationError, match="must be positive"):
        parse_header({**data, "bylines": ["(?P<author>.+)"], "max_title_words": 0}, "h.yaml")


def test_forum_needs_author_group() -> None:
    with pytest.raises(DataValidationError, match="group 'author'"):
        parse_forum(
            {
                "version": 1,
                "comment_header": "^by (.+) on$",
                "max_author_words": 3,
                "max_title_words": 5,
                "signature_markers": ["//"],
                "max_signature_chars": 10,
            },
            "f.yaml",
        )


def test_data_dir_adds_boilerplate_and_replaces_files(tmp_path) -> None:
    folder = tmp_path / "ingest"
    folder.mkdir()
    extra = {"version": 1, "provenance": "ours", "rules": [{**GOOD_RULE, "name": "house_style"}]}
    (folder / "boilerplate.yaml").write_text(yaml.safe_dump(extra))
    (folder / "forum.yaml").write_text("version: 2\n")
    with pytest.raises(DataValidationError, match="'version' must be 1"):
        load_rules(str(tmp_path))
    (folder / "forum.yaml").write_text("version: 1\n")
    with pytest.raises(DataValidationError, match="'provenance' must say"):
        load_rules(str(tmp_path))
    (folder / "forum.yaml").unlink()
    loaded = load_rules(str(tmp_path))
    assert loaded.boilerplate[-1].name == "house_style"
