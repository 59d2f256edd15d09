"""Search (`/sog`): the best passages with the matched words marked, filters, and titles
that match what is typed."""

from __future__ import annotations

import re

from fastapi import APIRouter, Request, Response
from markupsafe import Markup, escape

from politikbase.danish.subjects import SUBJECT_AREAS
from politikbase.index.models import SearchFilters
from politikbase.service import SearchOutcome, SearchResult
from politikbase.web.labels import STATUS_LABELS
from politikbase.web.portal import portal_of
from politikbase.web.snapshot import Snapshot

router = APIRouter(include_in_schema=False)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_SUGGESTIONS = 8
# The index marks matched words as [[word]]; in escaped text the brackets are unchanged.
_MARKED = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)
_WORD = re.compile(r"\w+")
SUBJECT_LABELS = {area.slug: area.label for area in SUBJECT_AREAS}


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


FACET_TITLES = {
    "organisation": "Organisation", "type": "Type", "subject": "Emne", "status": "Status",
    "year": "Vedtaget år",
}
# The query parameter of each facet's filter.
FACET_PARAMETERS = {
    "organisation": "organisation", "type": "type", "subject": "emne", "status": "status",
    "year": "aar",
}
SHOWN_FACET_VALUES = 10


def search_filters(
    organisation: str, doc_type: str, subject: str, status: str, year: str
) -> SearchFilters:
    return SearchFilters(
        municipalities=(organisation,) if organisation else (),
        doc_types=(doc_type,) if doc_type else (),
        subjects=(subject,) if subject else (),
        statuses=(status,) if status else (),
        years=(int(year),) if year.isdigit() else (),
    )


def facet_label(facet: str, value: str) -> str:
    if facet == "status":
        return STATUS_LABELS.get(value, value)
    if facet == "subject":
        return SUBJECT_LABELS.get(value, value)
    return value


@router.get("/sog")
def search_page(
    request: Request, q: str = "", organisation: str = "", type: str = "", emne: str = "",
    status: str = "", aar: str = "", antal: int = DEFAULT_LIMIT, side: int = 1,
    bogstaveligt: bool = False,
) -> Response:
    portal = portal_of(request)
    snapshot = portal.snapshot()
    query = q.strip()
    limit = max(1, min(antal, MAX_LIMIT))
    page = max(1, side)
    chosen = {"organisation": organisation, "type": type, "emne": emne, "status": status,
              "aar": aar}
    outcome: SearchOutcome | None = None
    if query:
        outcome = portal.service.search_page(
            query, limit=limit, offset=(page - 1) * limit,
            filters=search_filters(organisation, type, emne, status, aar), facets=True,
            understand=not bogstaveligt, exact_total=True,
        )
    return portal.page(
        request, "search.html", snapshot=snapshot, query=query, outcome=outcome,
        results=outcome.results if outcome else [], chosen=chosen, page_number=page,
        limit=limit, literal=bogstaveligt,
        organisations=[(name, name) for name in snapshot.organisations()],
        doc_types=[(name, name) for name in snapshot.doc_types()],
        suggestions=title_suggestions(snapshot, query) if query else [],
        marked_snippet=marked_snippet, result_link=result_link, rows=snapshot.row_of,
        facet_titles=FACET_TITLES, facet_parameters=FACET_PARAMETERS, facet_label=facet_label,
        shown_facet_values=SHOWN_FACET_VALUES,
    )
