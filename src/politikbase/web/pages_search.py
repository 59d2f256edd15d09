"""Search (`/sog`): the best passages with the matched words marked, filters, and titles
that match what is typed."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request, Response
from markupsafe import Markup, escape

from politikbase.service import SearchResult
from politikbase.web.portal import portal_of
from politikbase.web.snapshot import Snapshot

router = APIRouter(include_in_schema=False)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_SUGGESTIONS = 8
# The index marks matched words as [[word]]; in escaped text the brackets are unchanged.
_MARKED = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)
_WORD = re.compile(r"\w+")


def marked_snippet(snippet: str) -> Markup:
    """The snippet escaped, then its matches wrapped in <mark> (never the other way round)."""
    return Markup(_MARKED.sub(r"<mark>\1</mark>", str(escape(snippet))))


def title_suggestions(snapshot: Snapshot, query: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """Titles in the register that start with, or hold every word of, what was typed."""
    words = [word.casefold() for word in _WORD.findall(query)]
    if not words:
        return []
    folded = query.strip().casefold()
    starting: list[str] = []
    holding: list[str] = []
    for title in snapshot.titles():
        lowered = title.casefold()
        if lowered.startswith(folded):
            starting.append(title)
        elif all(word in lowered for word in words):
            holding.append(title)
    return (starting + holding)[:limit]


def result_link(result: SearchResult) -> str:
    return f"/politik/{result.id}?fremhaev={result.passage_start}-{result.passage_end}#fundet"


@router.get("/sog")
def search_page(
    request: Request, q: str = "", organisation: str = "", type: str = "",
    antal: int = DEFAULT_LIMIT,
) -> Response:
    portal = portal_of(request)
    snapshot = portal.snapshot()
    query = q.strip()
    limit = max(1, min(antal, MAX_LIMIT))
    results: list[SearchResult] = []
    if query:
        results = portal.service.search(
            query, limit=limit, municipality=organisation or None, doc_type=type or None
        )
    return portal.page(
        request, "search.html", snapshot=snapshot, query=query, results=results,
        chosen={"organisation": organisation, "type": type},
        organisations=[(name, name) for name in snapshot.organisations()],
        doc_types=[(name, name) for name in snapshot.doc_types()],
        suggestions=title_suggestions(snapshot, query) if query else [],
        marked_snippet=marked_snippet, result_link=result_link, rows=snapshot.row_of,
    )
