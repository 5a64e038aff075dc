"""Sources -> raw documents: files, directories, stdin, and rows of JSONL / JSON / CSV.

Every failure becomes a `Skipped` record with a one-line reason; nothing a
source contains can stop the stream.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from realpolitik.errors import InputError
from realpolitik.ingest.build import Given, parse_document
from realpolitik.ingest.dates import coerce_date
from realpolitik.ingest.decode import decode_bytes, looks_like_html, looks_like_jsonl
from realpolitik.ingest.rules import IngestRules
from realpolitik.records import Document, Skipped
from realpolitik.settings import Settings

DOCUMENT_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html"}
ROW_SUFFIXES = frozenset({".jsonl", ".json", ".csv"})
SUPPORTED_SUFFIXES = frozenset(DOCUMENT_SUFFIXES) | ROW_SUFFIXES
ROW_FIELDS = frozenset({"text", "id", "date", "title", "author", "publisher", "url"})
SNIFF_BYTES = 8192

Result = Document | Skipped


def guarded(source: str, make: Callable[[], Document]) -> Result:
    """Run one document's parse; any failure becomes `Skipped` so a batch never dies."""
    try:
        return make()
    except InputError as exc:
        return Skipped(source, str(exc))
    except Exception as exc:  # a parser bug on one odd page must not end the batch
        return Skipped(source, f"could not parse: {type(exc).__name__}: {exc}")


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def row_document(row: Any, source: str, settings: Settings, rules: IngestRules) -> Result:
    """One JSON object or CSV row -> a Document (its `text` may be plain text or HTML)."""
    if not isinstance(row, dict):
        return Skipped(source, "row is not a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        return Skipped(source, "row has no 'text'")
    if len(text.encode("utf-8")) > settings.max_document_bytes:
        return Skipped(source, f"too large (text over {settings.max_document_bytes} bytes)")
    raw_date = _text_or_none(row.get("date"))
    when = coerce_date(raw_date) if raw_date else None
    extra = {k: v for k, v in row.items() if k not in ROW_FIELDS and v not in (None, "")}
    if raw_date and when is None:
        extra["unparsed_date"] = raw_date
    given = Given(
        source=source,
        doc_id=_text_or_none(row.get("id")),
        title=_text_or_none(row.get("title")),
        author=_text_or_none(row.get("author")),
        publisher=_text_or_none(row.get("publisher")),
        date=when,
        url=_text_or_none(row.get("url")),
        metadata=extra,
    )
    return guarded(source, lambda: parse_document(text, given, "auto", rules))


def jsonl_row(number: int, line: str, base: str, settings: Settings, rules: IngestRules) -> Result:
    """One JSONL line -> a document; a malformed line is skipped, the rest go on."""
    source = f"{base}#row={number}"
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(source, f"malformed JSON line: {exc.msg} at column {exc.colno}")
    return row_document(row, source, settings, rules)


def jsonl_text_rows(
    text: str, base: str, settings: Settings, rules: IngestRules
) -> Iterator[Result]:
    """Every non-empty line of a decoded JSONL text (stdin) as a document."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield jsonl_row(number, line, base, settings, rules)


def _sniff_file(path: Path) -> str | None:
    """A skip reason if the start of a streamed file is empty or binary, else None."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if not head.strip():
        return "empty"
    return "binary (contains NUL bytes)" if b"\x00" in head else None


def read_jsonl_file(path: Path, settings: Settings, rules: IngestRules) -> Iterator[Result]:
    """Stream a JSONL file line by line (its size is limited per row, not per file)."""
    problem = _sniff_file(path)
    if problem:
        yield Skipped(str(path), problem)
        return
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield Skipped(f"{path}#row={number}", "undecodable line (not UTF-8)")
                continue
            yield jsonl_row(number, line, str(path), settings, rules)


def read_csv_file(path: Path, settings: Settings, rules: IngestRules) -> Iterator[Result]:
    """Stream a UTF-8 CSV file with a header row that names a `text` column."""
    problem = _sniff_file(path)
    if problem:
        yield Skipped(str(path), problem)
        return
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            if not reader.fieldnames or "text" not in reader.fieldnames:
                yield Skipped(str(path), "CSV has no 'text' column")
                return
            for number, row in enumerate(reader, start=1):
                yield row_document(row, f"{path}#row={number}", settings, rules)
        except (csv.Error, UnicodeDecodeError) as exc:
            yield Skipped(f"{path}#row={reader.line_num}", f"malformed CSV: {exc}")


def json_rows(text: str, base: str, settings: Settings, rules: IngestRules) -> Iterator[Result]:
    """A JSON document: one object, or a list of objects (one Document each)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Skipped(base, f"malformed JSON: {exc.msg} at line {exc.lineno}")
        return
    if isinstance(data, dict):
        yield row_document(data, base, settings, rules)
    elif isinstance(data, list):
        for number, row in enumerate(data, start=1):
            yield row_document(row, f"{base}#row={number}", settings, rules)
    else:
        yield Skipped(base, "JSON must be an object or a list of objects")


def _read_bytes(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size > settings.max_document_bytes:
        raise InputError(f"too large ({size} bytes > {settings.max_document_bytes})")
    return path.read_bytes()


def read_document_file(path: Path, settings: Settings, rules: IngestRules) -> Iterator[Result]:
    """A file holding one document (or, for .json, a list of them), read whole."""
    source = str(path)
    try:
        text = decode_bytes(_read_bytes(path, settings))
    except InputError as exc:
        yield Skipped(source, str(exc))
        return
    if path.suffix.lower() == ".json":
        yield from json_rows(text, source, settings, rules)
        return
    fmt = DOCUMENT_SUFFIXES.get(path.suffix.lower(), "auto")
    yield guarded(source, lambda: parse_document(text, Given(source=source), fmt, rules))


def read_stdin(stream: BinaryIO, settings: Settings, rules: IngestRules) -> Iterator[Result]:
    """Standard input, sniffed: an HTML page, JSONL rows, or plain text."""
    data = stream.read(settings.max_document_bytes + 1)
    if len(data) > settings.max_document_bytes:
        yield Skipped("stdin", f"too large (over {settings.max_document_bytes} bytes)")
        return
    try:
        text = decode_bytes(data)
    except InputError as exc:
        yield Skipped("stdin", str(exc))
        return
    if not looks_like_html(text) and looks_like_jsonl(text):
        yield from jsonl_text_rows(text, "stdin", settings, rules)
        return
    yield guarded("stdin", lambda: parse_document(text, Given(source="stdin"), "auto", rules))


def walk_directory(root: Path) -> list[Path]:
    """Supported files under `root`, sorted; hidden files and folders are left out."""
    found = (
        path
        for path in root.rglob("*")
        if path.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(root).parts)
        and path.is_file()
    )
    return sorted(found)


def read_file(path: Path, settings: Settings, rules: IngestRules) -> Iterator[Result]:
    """One file by its suffix: JSONL and CSV are streamed, others are read whole."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl_file(path, settings, rules)
    elif suffix == ".csv":
        yield from read_csv_file(path, settings, rules)
    else:
        yield from read_document_file(path, settings, rules)


def read_path(source: str, settings: Settings, rules: IngestRules) -> Iterator[Result]:
    """A file or a directory named by the caller; OS errors become `Skipped`."""
    path = Path(source)
    if not path.exists():
        yield Skipped(source, "no such file")
        return
    files = walk_directory(path) if path.is_dir() else [path]
    for file in files:
        try:
            yield from read_file(file, settings, rules)
        except OSError as exc:
            yield Skipped(str(file), f"unreadable: {exc.strerror or exc}")
