"""Whole responses to GET requests, kept until the register or the index changes.

Every page and API answer is a function of the URL and the data on disk (and the
day, which decides statuses), so a response is kept under the data stamp and
served again, with its ETag, until the stamp changes. Large bodies (original files,
exports) are not kept.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from politikbase.web.portal import LruCache
from politikbase.web.responses import matches_tag
from politikbase.web.snapshot import SnapshotCache

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
Asgi = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_KEPT_BYTES = 512 * 1024
KEPT_RESPONSES = 1024
# Jobs change as they run, without the register's stamp changing in between.
_NOT_KEPT_PREFIXES = ("/static/", "/api/v1/jobs", "/indlaesninger")


class ResponseCache:
    def __init__(self, app: Asgi, snapshots: SnapshotCache, size: int = KEPT_RESPONSES) -> None:
        self.app = app
        self.snapshots = snapshots
        self.kept = LruCache(size)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET"
                or scope["path"].startswith(_NOT_KEPT_PREFIXES)):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        key = (self.snapshots.stamp(), headers.get(b"host", b""), scope.get("root_path", ""),
               scope["path"], scope.get("query_string", b""))
        kept = self.kept.peek(key)
        if kept is not None:
            await self._send_kept(kept, headers.get(b"if-none-match"), send)
            return
        started: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and started.get("status") == 200:
                    body = b"".join(chunks)
                    if len(body) <= MAX_KEPT_BYTES:
                        self.kept.put(key, (list(started.get("headers", [])), body))
            await send(message)

        await self.app(scope, receive, capture)

    @staticmethod
    async def _send_kept(
        kept: tuple[list[tuple[bytes, bytes]], bytes], if_none_match: bytes | None, send: Send
    ) -> None:
        headers, body = kept
        tag = next((value for name, value in headers if name.lower() == b"etag"), None)
        if tag is not None and if_none_match is not None and matches_tag(
            if_none_match.decode("latin-1"), tag.decode("latin-1")
        ):
            kept_headers = [(n, v) for n, v in headers if n.lower() not in
                            (b"content-length", b"content-type")]
            await send({"type": "http.response.start", "status": 304, "headers": kept_headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
