"""read_sources over every input kind, and every kind of bad input becoming `Skipped`."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from realpolitik.ingest import read_sources
from realpolitik.records import Document, Skipped

ARTICLE = (
    "Iran and Russia sign accord\n\n"
    "By Jane Doe\n\n"
    "Tehran, March 3, 2021\n\n"
    "Iran and Russia signed a cooperation accord in Tehran on Wednesday, officials said.\n\n"
    "Follow us on Twitter\n"
)
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>Kyiv talks</title></head><body>"
    "<article><h1>Kyiv talks</h1><p>Poland and Ukraine agreed on Tuesday to expand "
    "military cooperation, the two defence ministers said in Kyiv.</p></article></body></html>"
)


def read(sources, settings, rules) -> list[Document | Skipped]:
    return list(read_sources([str(s) for s in sources], settings, rules=rules))


def only_document(results) -> Document:
    (document,) = results
    assert isinstance(document, Document), document
    return document


def only_skip(results) -> Skipped:
    (skipped,) = results
    assert isinstance(skipped, Skipped), skipped
    return skipped


def test_text_file(tmp_path, settings, rules) -> None:
    path = tmp_path / "accord.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    document = only_document(read([path], settings, rules))
    assert document.source == str(path)
    assert (document.title, document.author) == ("Iran and Russia sign accord", "Jane Doe")
    assert (document.publisher, document.date) == ("Tehran", date(2021, 3, 3))
    assert document.posts[0].text == (
        "Iran and Russia signed a cooperation accord in Tehran on Wednesday, officials said."
    )


def test_markdown_file(tmp_path, settings, rules) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "# NATO meets in Brussels\n\n**NATO** ministers [met](https://x.org) in *Brussels*.\n",
        encoding="utf-8",
    )
    document = only_document(read([path], settings, rules))
    assert document.title == "NATO meets in Brussels"
    assert document.posts[0].text == "NATO ministers met in Brussels."


def test_html_file(tmp_path, settings, rules) -> None:
    path = tmp_path / "page.htm"
    path.write_text(HTML_PAGE, encoding="utf-8")
    document = only_document(read([path], settings, rules))
    assert document.title == "Kyiv talks"
    assert document.posts[0].text.startswith("Poland and Ukraine agreed on Tuesday")
    assert document.metadata["format"] == "html"


def test_jsonl_rows_with_metadata_and_html(tmp_path, settings, rules) -> None:
    path = tmp_path / "rows.jsonl"
    rows = [
        {"id": "a1", "text": ARTICLE, "date": "2021-03-05", "author": "Wire Staff", "lang": "en"},
        {"text": HTML_PAGE, "title": "Given title", "url": "https://example.org/k"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = read([path], settings, rules)
    assert first.source == f"{path}#row=1" and second.source == f"{path}#row=2"
    # explicit fields win over what the text says
    assert (first.doc_id, first.date, first.author) == ("a1", date(2021, 3, 5), "Wire Staff")
    assert first.posts[0].author == "Wire Staff"
    assert first.title == "Iran and Russia sign accord"
    assert first.metadata["lang"] == "en"
    assert first.posts[0].post_id == "a1:0"
    assert (second.title, second.url) == ("Given title", "https://example.org/k")
    assert second.metadata["format"] == "html"


def test_json_list_and_object(tmp_path, settings, rules) -> None:
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps([{"text": "Egypt hosted talks."}, {"text": "Qatar mediated."}]))
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": 7, "text": "Oman hosted talks."}))
    results = read([listing, single], settings, rules)
    assert [r.source for r in results] == [f"{listing}#row=1", f"{listing}#row=2", str(single)]
    assert results[2].doc_id == "7"
    assert results[0].posts[0].kind == "text"


def test_csv_rows(tmp_path, settings, rules) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        'id,date,text\nc1,2020-01-03,"US forces struck a convoy near Baghdad airport."\nc2,,\n',
        encoding="utf-8",
    )
    document, skipped = read([path], settings, rules)
    assert document.doc_id == "c1" and document.date == date(2020, 1, 3)
    assert skipped == Skipped(f"{path}#row=2", "row has no 'text'")


def test_directory_walk_is_recursive_sorted_and_filtered(tmp_path, settings, rules) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Chile recalled its ambassador.")
    (tmp_path / "a.md").write_text("Peru expelled a diplomat.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    results = read([tmp_path], settings, rules)
    assert [r.source for r in results] == [str(tmp_path / "a.md"), str(tmp_path / "b" / "z.txt")]


@pytest.mark.parametrize(
    ("payload", "kind"),
    [
        (ARTICLE.encode(), "text"),
        (HTML_PAGE.encode(), "html"),
        (b'{"text": "Japan protested."}\n\n{"text": "Korea replied."}\n', "jsonl"),
    ],
)
def test_stdin_is_sniffed(monkeypatch, settings, rules, payload, kind) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    results = list(read_sources(["-"], settings, rules=rules))
    assert all(isinstance(r, Document) for r in results)
    if kind == "jsonl":
        assert [r.source for r in results] == ["stdin#row=1", "stdin#row=3"]
    else:
        assert [r.source for r in results] == ["stdin"]
        assert results[0].metadata["format"] == kind


# --------------------------------------------------------------------------- bad input


def test_missing_path(tmp_path, settings, rules) -> None:
    missing = tmp_path / "nope.txt"
    assert only_skip(read([missing], settings, rules)) == Skipped(str(missing), "no such file")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n \t\n", "empty"),
        ("nul.txt", b"Iran\x00\x01\x02 said \x00 things" * 20, "binary (contains NUL bytes)"),
        ("noise.txt", bytes(range(1, 32)) * 40, "binary (mostly non-text characters)"),
        (
            "bad.txt",
            b"\x81\x8d\x8f\x90\x9d" * 50,
            "undecodable (neither UTF-8 nor Windows-1252 text)",
        ),
        ("accents.txt", "éèàùâêîôûç".encode("latin-1") * 30, "undecodable"),
        ("empty.jsonl", b"", "empty"),
        ("nul.jsonl", b'{"text": "a"}\n\x00\x00', "binary (contains NUL bytes)"),
        ("nul.csv", b"text\n\x00\x00", "binary (contains NUL bytes)"),
        ("broken.json", b'{"text": ', "malformed JSON"),
        ("scalar.json", b"42", "JSON must be an object or a list of objects"),
        ("nocol.csv", b"id,body\n1,Iran protested.\n", "CSV has no 'text' column"),
        ("junk.html", b"<html><body><script>var a = 1;</script></body></html>", "HTML"),
        ("boiler.txt", b"Follow us on Twitter\n\nAll rights reserved.\n", "boilerplate"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(
    tmp_path, settings, rules, name, content, reason
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    skipped = only_skip(read([path], settings, rules))
    assert skipped.source == str(path)
    assert reason in skipped.reason
    assert "\n" not in skipped.reason


def test_cp1252_text_is_decoded(tmp_path, settings, rules) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes(
        "The minister\x92s visit to Ankara \x96 a \x93turning point\x94.".encode("latin-1")
    )
    document = only_document(read([path], settings, rules))
    assert document.posts[0].text == "The minister’s visit to Ankara – a “turning point”."


def test_oversized_file_is_skipped_before_reading(tmp_path, settings, rules) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Iran protested. " * 100)
    skipped = only_skip(read([path], settings.replace(max_document_bytes=100), rules))
    assert skipped.reason == "too large (1600 bytes > 100)"


def test_oversized_row_and_stdin(tmp_path, monkeypatch, settings, rules) -> None:
    small = settings.replace(max_document_bytes=50)
    path = tmp_path / "rows.jsonl"
    path.write_text(
        json.dumps({"text": "x " * 100}) + "\n" + json.dumps({"text": "Iran protested."})
    )
    skipped, document = read([path], small, rules)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("too large")
    assert isinstance(document, Document)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 51)))
    assert only_skip(list(read_sources(["-"], small, rules=rules))).reason.startswith("too large")


def test_malformed_jsonl_line_among_good_ones(tmp_path, settings, rules) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "Iran protested."}\n'
        b"{not json}\n"
        b'{"id": "x", "title": "no text here"}\n'
        b"[1, 2]\n"
        b'{"text": "caf\xe9 \xff"}\n'
        b'{"text": "Turkey closed the border."}\n'
    )
    results = read([path], settings, rules)
    kinds = [(r.source.rsplit("=", 1)[1], type(r).__name__) for r in results]
    assert kinds == [
        ("1", "Document"),
        ("2", "Skipped"),
        ("3", "Skipped"),
        ("4", "Skipped"),
        ("5", "Skipped"),
        ("6", "Document"),
    ]
    assert results[1].reason.startswith("malformed JSON line")
    assert results[2].reason == "row has no 'text'"
    assert results[3].reason == "row is not a JSON object"
    assert results[4].reason == "undecodable line (not UTF-8)"


def test_bad_date_in_row_is_kept_as_metadata(tmp_path, settings, rules) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": "Iran protested.", "date": "sometime soon"}))
    document = only_document(read([path], settings, rules))
    assert document.date is None and document.metadata["unparsed_date"] == "sometime soon"


def test_unreadable_file(tmp_path, monkeypatch, settings, rules) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Iran protested.")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert only_skip(read([path], settings, rules)) == Skipped(
        str(path), "unreadable: Permission denied"
    )
