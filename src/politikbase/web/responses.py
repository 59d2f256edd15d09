"""Responses with an ETag, answered with 304 Not Modified when the client has them."""

from __future__ import annotations

import hashlib

from fastapi import Request, Response


def entity_tag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def matches_tag(header: str | None, tag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    candidates = {part.strip().removeprefix("W/") for part in header.split(",")}
    return tag in candidates


def tagged(
    request: Request, body: bytes | str, media_type: str, *, status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """`body` with its ETag; 304 without a body when If-None-Match names that tag."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    tag = entity_tag(data)
    # Revalidate every time: the register can change at any moment.
    sent = {"ETag": tag, "Cache-Control": "no-cache", **(headers or {})}
    if status_code == 200 and matches_tag(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers=sent)
    return Response(data, status_code=status_code, media_type=media_type, headers=sent)
