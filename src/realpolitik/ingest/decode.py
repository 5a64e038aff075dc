"""Bytes -> text, refusing binary and undecodable input; and sniffing what text is.

Decoding order: a UTF-16 byte-order mark, then UTF-8 (with or without BOM),
then Windows-1252 only when it decodes cleanly *and* reads like Western text.
"""

from __future__ import annotations

import codecs
import json
import re

from realpolitik.errors import InputError

#: Above this share of control characters, decoded text is treated as binary.
MAX_CONTROL_SHARE = 0.02
#: Windows-1252 text in English-language sources is mostly ASCII.
MIN_ASCII_SHARE_CP1252 = 0.85
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(html|head|body|p|div|article|section|span|a|br|h[1-6]|ul|li|table|meta|title|script)\b[^>]*>",
    re.IGNORECASE,
)
#: Tags needed to call a fragment HTML when it does not start with <html>/<!doctype>.
MIN_HTML_TAGS = 3


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _decode_utf16(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    return None


def _decode_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    ascii_share = sum(1 for char in text if char < "\x80") / max(len(text), 1)
    return text if ascii_share >= MIN_ASCII_SHARE_CP1252 else None


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes, or raise `InputError` saying why it is not text."""
    if not data.strip():
        raise InputError("empty")
    text = _decode_utf16(data)
    if text is None:
        if b"\x00" in data:
            raise InputError("binary (contains NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_cp1252(data)
    if text is None:
        raise InputError("undecodable (neither UTF-8 nor Windows-1252 text)")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError("binary (mostly non-text characters)")
    if not text.strip():
        raise InputError("empty")
    return text


def looks_like_html(text: str) -> bool:
    """An HTML page or fragment: starts like one, or has several common tags."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= MIN_HTML_TAGS


def looks_like_jsonl(text: str) -> bool:
    """Every non-empty line is a JSON object."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    for line in lines:
        stripped = line.strip()
        if not (stripped.startswith("{") and stripped.endswith("}")):
            return False
        try:
            if not isinstance(json.loads(stripped), dict):
                return False
        except json.JSONDecodeError:
            return False
    return True
