"""Coding posted texts: the coder, loaded once per app on first use, and the body parser."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from realpolitik.records import Document

if TYPE_CHECKING:
    from realpolitik.records import CodedDocument

#: Media types POST /documents accepts.
TEXT_TYPES = ("text/plain", "text/html", "text/markdown")
JSON_TYPE = "application/json"


class DocumentCoder(Protocol):
    """What the API needs of a coder (the real `realpolitik.pipeline.Coder` is one)."""

    def code_document(self, document: Document) -> CodedDocument: ...


def default_coder_factory() -> DocumentCoder:
    """Load the real coder with the user's settings."""
    from realpolitik.pipeline import Coder

    return Coder.load()


class LazyCoder:
    """Loads the coder (and the ingest rules) on first use, once, even under concurrent requests."""

    def __init__(self, factory: Callable[[], DocumentCoder]) -> None:
        self._factory = factory
        self._coder: DocumentCoder | None = None
        self._rules: Any = None
        self._lock = threading.Lock()
        self._coding = (
            threading.Lock()
        )  # one document at a time: spaCy pipelines are not thread-safe

    def get(self) -> DocumentCoder:
        with self._lock:
            if self._coder is None:
                self._coder = self._factory()
            return self._coder

    def rules(self) -> Any:
        from realpolitik.ingest import load_rules

        with self._lock:
            if self._rules is None:
                self._rules = load_rules()
            return self._rules

    def code(self, posted: DocumentIn) -> CodedDocument:
        """Ingest a posted document as the CLI would, then code it."""
        document = to_document(posted, self.rules())
        coder = self.get()
        with self._coding:
            return coder.code_document(document)


class DocumentIn(BaseModel):
    """A document posted as JSON: its text (plain or HTML) and optional metadata."""

    model_config = ConfigDict(extra="forbid", str_max_length=50_000_000)

    text: str = Field(min_length=1, description="The document text, plain or HTML.")
    id: str | None = Field(default=None, max_length=200, description="Your id for the document.")
    title: str | None = Field(default=None, max_length=1000)
    author: str | None = Field(default=None, max_length=500)
    publisher: str | None = Field(default=None, max_length=500)
    date: dt.date | None = Field(
        default=None,
        ge=dt.date(1678, 1, 1),
        le=dt.date(2261, 12, 31),
        description="Publication date (ISO 8601, 1678-2261).",
    )
    url: str | None = Field(default=None, max_length=2000)
    format: Literal["auto", "text", "html"] = Field(
        default="auto", description="How to read `text`; auto sniffs HTML."
    )


class BadDocument(ValueError):
    """A posted body that cannot be read as a document; the message says why."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code


def media_type(content_type: str | None) -> str:
    """The bare media type of a Content-Type header, lower-cased, without parameters."""
    return (content_type or "text/plain").split(";", 1)[0].strip().lower()


def decode_text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadDocument(400, f"body is not UTF-8 text (byte {exc.start})") from None


def parse_body(body: bytes, content_type: str | None, metadata: dict[str, Any]) -> DocumentIn:
    """Read a posted body (plain text, HTML or JSON) into a validated `DocumentIn`."""
    kind = media_type(content_type)
    if kind == JSON_TYPE:
        try:
            payload = json.loads(decode_text(body))
        except json.JSONDecodeError as exc:
            raise BadDocument(400, f"body is not valid JSON: {exc.msg} at char {exc.pos}") from None
        if not isinstance(payload, dict):
            raise BadDocument(400, 'JSON body must be an object like {"text": "..."}')
        fields = payload
    elif kind in TEXT_TYPES:
        form = "html" if kind == "text/html" else "text"
        fields = {**metadata, "text": decode_text(body), "format": form}
    else:
        raise BadDocument(
            415, f"unsupported media type {kind!r}; send text/plain, text/html or JSON"
        )
    try:
        document = DocumentIn.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors()
        )
        raise BadDocument(400, problems) from None
    if not document.text.strip() or "\x00" in document.text:
        raise BadDocument(400, "text: document is empty or binary")
    return document


def to_document(posted: DocumentIn, rules: Any = None) -> Document:
    """Ingest a posted document (boilerplate removal, posts, metadata) as the CLI would."""
    from realpolitik.ingest import document_from_text

    metadata = posted.model_dump(exclude={"text", "format"}, exclude_none=True)
    if "id" in metadata:
        metadata["doc_id"] = metadata.pop("id")
    return document_from_text(posted.text, source="api", fmt=posted.format, rules=rules, **metadata)
