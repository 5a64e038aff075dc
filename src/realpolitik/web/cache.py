"""An ASGI middleware that keeps the encoded answers of GET API requests until the next write.

`Backend` already caches query results; this also skips validating and
encoding the same JSON again, which dominates the cost of a repeated request.
Entries are keyed by path, query string and the backend's write generation,
so a write makes every older entry unreachable at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Path prefixes of the cacheable GET endpoints.
CACHEABLE = ("/events", "/actors", "/relations/", "/network", "/shifts", "/documents/", "/info")


class ResponseCache:
    """Serve repeated GET API requests from memory; `generation()` changes on every write."""

    def __init__(
        self,
        app: ASGIApp,
        generation: Callable[[Scope], int | None],
        max_entries: int = 1024,
        max_body: int = 2_000_000,
    ) -> None:
        self.app = app
        self.generation = generation
        self.max_entries = max_entries
        self.max_body = max_body
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()

    def _key(self, scope: Scope) -> tuple | None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        if not scope["path"].startswith(CACHEABLE):
            return None
        generation = self.generation(scope)
        if generation is None:
            return None
        return (scope["path"], scope.get("query_string", b""), generation)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        if key in self.entries:
            self.entries.move_to_end(key)
            status, headers, body = self.entries[key]
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, self._recorder(key, send))

    def _recorder(self, key: tuple, send: Send) -> Send:
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(status=message["status"], headers=list(message["headers"]))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and started.get("status") == 200:
                    self._store(key, started["status"], started["headers"], b"".join(chunks))
            await send(message)

        return record

    def _store(self, key: tuple, status: int, headers: list, body: bytes) -> None:
        if len(body) > self.max_body:
            return
        self.entries[key] = (status, [*headers, (b"x-cache", b"hit")], body)
        while len(self.entries) > self.max_entries:
            self.entries.popitem(last=False)
