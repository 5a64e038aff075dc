"""Load and validate the ingest data files (boilerplate, header, forum, HTML comment rules).

The rules are data under ``realpolitik/data/ingest/``; a ``data_dir`` from the
settings may add boilerplate rules (``<data_dir>/ingest/boilerplate.yaml``)
and replace the other files.  Every file is checked against its schema here,
once, so the parsers can trust what they get.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from lxml import etree

from realpolitik.errors import DataValidationError

SCHEMA_VERSION = 1
DROP_SCOPES = frozenset({"line", "paragraph"})
AUTHOR_PLACEHOLDER = "{author}"


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """One boilerplate pattern: drop the matching line or its whole paragraph."""

    name: str
    pattern: str  # may contain {author}; compiled per document by `compile_for`
    drop: str
    reason: str

    def compile_for(self, author: str | None) -> re.Pattern[str] | None:
        """The compiled pattern for a document, or None if it needs an unknown author."""
        if AUTHOR_PLACEHOLDER not in self.pattern:
            return re.compile(self.pattern, re.IGNORECASE)
        if not author:
            return None
        return re.compile(
            self.pattern.replace(AUTHOR_PLACEHOLDER, re.escape(author)), re.IGNORECASE
        )


@dataclass(frozen=True, slots=True)
class HeaderRules:
    header_paragraphs: int
    max_title_words: int
    max_author_words: int
    bylines: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    source_lines: tuple[re.Pattern[str], ...]
    metadata_labels: dict[str, str]  # lower-cased label -> metadata key


@dataclass(frozen=True, slots=True)
class ForumRules:
    comment_header: re.Pattern[str]
    max_author_words: int
    max_title_words: int
    signature_markers: tuple[re.Pattern[str], ...]
    max_signature_chars: int


@dataclass(frozen=True, slots=True)
class HtmlRules:
    comment_items: tuple[str, ...]
    comment_authors: tuple[str, ...]
    comment_contents: tuple[str, ...]
    comment_dates: tuple[str, ...]
    author_suffixes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IngestRules:
    """Everything the ingest parsers read from data files."""

    boilerplate: tuple[BoilerplateRule, ...]
    header: HeaderRules
    forum: ForumRules
    html: HtmlRules


# --------------------------------------------------------------------------- validation


def _require(data: dict[str, Any], key: str, kind: type, path: str) -> Any:
    if key not in data:
        raise DataValidationError(path, f"missing key '{key}'")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DataValidationError(path, f"'{key}' must be {kind.__name__}")
    if kind is int and value <= 0:
        raise DataValidationError(path, f"'{key}' must be positive")
    return value


def _strings(data: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
    values = _require(data, key, list, path)
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        raise DataValidationError(path, f"'{key}' must be a non-empty list of strings")
    return tuple(values)


def _regex(pattern: str, path: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataValidationError(path, f"{where}: bad regex {pattern!r}: {exc}") from exc


def _regexes(
    data: dict[str, Any], key: str, path: str, groups: set[str]
) -> tuple[re.Pattern[str], ...]:
    compiled = tuple(_regex(p, path, key) for p in _strings(data, key, path))
    for regex in compiled:
        missing = groups - set(regex.groupindex)
        if missing:
            raise DataValidationError(path, f"{key}: {regex.pattern!r} lacks group(s) {missing}")
    return compiled


def _xpaths(data: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
    expressions = _strings(data, key, path)
    for expression in expressions:
        try:
            etree.XPath(expression)
        except etree.XPathSyntaxError as exc:
            raise DataValidationError(path, f"{key}: bad XPath {expression!r}: {exc}") from exc
    return expressions


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataValidationError(str(path), f"cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise DataValidationError(str(path), "top level must be a mapping")
    if data.get("version") != SCHEMA_VERSION:
        raise DataValidationError(str(path), f"'version' must be {SCHEMA_VERSION}")
    provenance = data.get("provenance")
    if not isinstance(provenance, str) or not provenance.strip():
        raise DataValidationError(str(path), "'provenance' must say where the rules come from")
    return data


# --------------------------------------------------------------------------- per-file parsers


def parse_boilerplate(data: dict[str, Any], path: str) -> tuple[BoilerplateRule, ...]:
    """Validate a boilerplate file: unique names, known drop scopes, compiling regexes."""
    entries = _require(data, "rules", list, path)
    rules: list[BoilerplateRule] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        where = f"rule {number}"
        if not isinstance(entry, dict) or set(entry) != {"name", "pattern", "drop", "reason"}:
            raise DataValidationError(path, f"{where}: needs exactly name, pattern, drop, reason")
        if not all(isinstance(entry[k], str) and entry[k].strip() for k in entry):
            raise DataValidationError(path, f"{where}: every field must be a non-empty string")
        if entry["name"] in seen:
            raise DataValidationError(path, f"{where}: duplicate name {entry['name']!r}")
        if entry["drop"] not in DROP_SCOPES:
            raise DataValidationError(path, f"{where}: drop must be one of {sorted(DROP_SCOPES)}")
        _regex(entry["pattern"].replace(AUTHOR_PLACEHOLDER, "Author"), path, where)
        seen.add(entry["name"])
        rules.append(BoilerplateRule(**entry))
    return tuple(rules)


def _metadata_key(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")


def parse_header(data: dict[str, Any], path: str) -> HeaderRules:
    labels = _strings(data, "metadata_labels", path)
    return HeaderRules(
        header_paragraphs=_require(data, "header_paragraphs", int, path),
        max_title_words=_require(data, "max_title_words", int, path),
        max_author_words=_require(data, "max_author_words", int, path),
        bylines=_regexes(data, "bylines", path, {"author"}),
        datelines=_regexes(data, "datelines", path, {"date"}),
        source_lines=_regexes(data, "source_lines", path, {"source"}),
        metadata_labels={label.lower(): _metadata_key(label) for label in labels},
    )


def parse_forum(data: dict[str, Any], path: str) -> ForumRules:
    header = _require(data, "comment_header", str, path)
    comment_header = _regex(header, path, "comment_header", flags=0)
    if "author" not in comment_header.groupindex:
        raise DataValidationError(path, "comment_header lacks group 'author'")
    return ForumRules(
        comment_header=comment_header,
        max_author_words=_require(data, "max_author_words", int, path),
        max_title_words=_require(data, "max_title_words", int, path),
        signature_markers=tuple(
            _regex(p, path, "signature_markers", flags=re.MULTILINE)
            for p in _strings(data, "signature_markers", path)
        ),
        max_signature_chars=_require(data, "max_signature_chars", int, path),
    )


def parse_html(data: dict[str, Any], path: str) -> HtmlRules:
    return HtmlRules(
        comment_items=_xpaths(data, "comment_items", path),
        comment_authors=_xpaths(data, "comment_authors", path),
        comment_contents=_xpaths(data, "comment_contents", path),
        comment_dates=_xpaths(data, "comment_dates", path),
        author_suffixes=_strings(data, "author_suffixes", path),
    )


# --------------------------------------------------------------------------- loading


def _shipped(name: str) -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "ingest" / name))


def _pick(name: str, data_dir: str | None) -> Path:
    """The user's copy of a data file if the data folder has one, else the shipped file."""
    if data_dir:
        candidate = Path(data_dir) / "ingest" / name
        if candidate.is_file():
            return candidate
    return _shipped(name)


def load_rules(data_dir: str | None = None) -> IngestRules:
    """Read and validate every ingest data file (about 10 ms); callers keep the result."""
    boilerplate_path = _shipped("boilerplate.yaml")
    boilerplate = parse_boilerplate(_read_yaml(boilerplate_path), str(boilerplate_path))
    extra = Path(data_dir) / "ingest" / "boilerplate.yaml" if data_dir else None
    if extra is not None and extra.is_file():
        boilerplate += parse_boilerplate(_read_yaml(extra), str(extra))
    header, forum, html = (_pick(n, data_dir) for n in ("header.yaml", "forum.yaml", "html.yaml"))
    return IngestRules(
        boilerplate=boilerplate,
        header=parse_header(_read_yaml(header), str(header)),
        forum=parse_forum(_read_yaml(forum), str(forum)),
        html=parse_html(_read_yaml(html), str(html)),
    )
