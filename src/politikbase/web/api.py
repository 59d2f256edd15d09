"""The JSON API (`/api/v1`): policies, versions, search, the revision calendar and
organisations. Lists are paged (`page`, `per_page`, a Link header); every answer has
an ETag and is answered 304 when the client already has it."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from politikbase.web.pages_policy import find_record
from politikbase.web.pages_register import filter_rows, sort_rows
from politikbase.web.pages_search import search_filters, title_suggestions
from politikbase.web.portal import portal_of, query_url
from politikbase.web.responses import tagged

router = APIRouter()

JSON = "application/json"
MAX_PER_PAGE = 200

Page = Annotated[int, Query(ge=1, description="Side, fra 1.")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Poster pr. side.")]
Organisation = Annotated[str, Query(description="Kun denne organisation (fuldt navn).")]
DocType = Annotated[str, Query(description="Kun denne type: politik, strategi, plan, …")]


def json_response(
    request: Request, value: Any, headers: dict[str, str] | None = None, status_code: int = 200,
) -> Response:
    body = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    return tagged(request, body, JSON, headers=headers, status_code=status_code)


def paged(
    request: Request, items: list[Any], page: int, per_page: int, total: int | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """One page of `items`; with `total`, `items` is that page already (read as such)."""
    start = 0 if total is not None else (page - 1) * per_page
    total = len(items) if total is None else total
    pages = max(1, -(-total // per_page))
    params = {key: value for key, value in request.query_params.items() if key != "page"}
    links: list[str] = []
    body: dict[str, Any] = {
        "items": items[start : start + per_page], "page": page, "per_page": per_page,
        "total": total, "pages": pages, "next": None, "prev": None,
    }
    if page < pages:
        body["next"] = query_url(request.url.path, **params, page=page + 1)
        links.append(f'<{body["next"]}>; rel="next"')
    if page > 1:
        body["prev"] = query_url(request.url.path, **params, page=min(page - 1, pages))
        links.append(f'<{body["prev"]}>; rel="prev"')
    return body, ({"Link": ", ".join(links)} if links else {})


@router.get("/policies", summary="Politikkerne i registeret, én pr. politik")
def policies(
    request: Request, page: Page = 1, per_page: PerPage = 50, organisation: Organisation = "",
    type: DocType = "",
    status: Annotated[str, Query(description="current, due_soon, overdue, replaced, draft, "
                                             "unknown")] = "",
    subject: Annotated[str, Query(description="Emne, fx Handicap")] = "",
    sort: Annotated[str, Query(description="navn, alder eller revision")] = "",
) -> Response:
    rows = filter_rows(portal_of(request).snapshot().rows, organisation=organisation,
                       subject=subject, doc_type=type, status=status)
    body, headers = paged(request, [row.as_json() for row in sort_rows(rows, sort)], page,
                          per_page)
    return json_response(request, body, headers)


@router.get("/policies/{identifier}", summary="Én politik: fakta med kilder, versioner, "
            "relationer og tekst")
def policy(request: Request, identifier: str) -> Response:
    portal = portal_of(request)
    snapshot, record = find_record(portal, identifier)
    entry = snapshot.entries.get(record.public_id)
    return json_response(request, portal.service.show_json(record) | {
        "revision": entry.as_json() if entry else None,
    })


@router.get("/policies/{identifier}/versions", summary="Versionerne af en politik")
def versions(request: Request, identifier: str) -> Response:
    portal = portal_of(request)
    snapshot, record = find_record(portal, identifier)
    row = snapshot.row_of.get(record.id)
    found = [snapshot.by_id[v] for v in row.version_ids] if row else [record]
    return json_response(request, [
        portal.service.summary_json(version) | {
            "status": version.fact("status"), "adopted_date": version.fact("adopted_date"),
            "shown": row is not None and version.public_id == row.id,
        }
        for version in found
    ])


@router.get("/policies/{identifier}/similar",
            summary="Lignende politikker i andre organisationer, versioner og dubletter")
def similar(request: Request, identifier: str,
            limit: Annotated[int, Query(ge=1, le=50)] = 10) -> Response:
    portal = portal_of(request)
    _, record = find_record(portal, identifier)
    found = portal.service.similar(record.id, limit=limit)
    return json_response(request, found.as_json() if found else None)


@router.get("/search", summary="Søg i teksterne; bedste afsnit pr. dokument, fund markeret [[så]]")
def search(
    request: Request, q: Annotated[str, Query(min_length=1, description="Søgeord")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000, description="Spring så mange over")] = 0,
    organisation: Organisation = "", type: DocType = "",
    subject: Annotated[str, Query(description="Kun dette emne (slug)")] = "",
    status: Annotated[str, Query(description="Kun denne status")] = "",
    year: Annotated[str, Query(description="Kun vedtaget dette år")] = "",
    literal: Annotated[bool, Query(description="Læs ikke organisation og år ud af "
                                               "søgningen")] = False,
) -> Response:
    outcome = portal_of(request).service.search_page(
        q, limit=limit, offset=offset,
        filters=search_filters(organisation, type, subject, status, year), facets=True,
        understand=not literal, exact_total=True,
    )
    return json_response(request, {"query": q, "offset": offset} | outcome.as_json())


@router.get("/suggest", summary="Titler der passer til det, der er skrevet")
def suggest(request: Request, q: Annotated[str, Query(description="Begyndelsen af en titel")] = ""
            ) -> Response:
    return json_response(request, title_suggestions(portal_of(request).snapshot(), q))


@router.get("/due", summary="Revisionskalenderen: næste revision og status pr. dokument")
def due(
    request: Request, page: Page = 1, per_page: PerPage = 50,
    as_of: Annotated[date | None, Query(description="Dagen der vurderes ud fra (ÅÅÅÅ-MM-DD); "
                                                    "standard i dag")] = None,
    status: Annotated[str, Query(description="Kun denne status")] = "",
    organisation: Organisation = "",
) -> Response:
    portal = portal_of(request)
    entries = portal.service.due(as_of) if as_of else portal.snapshot().due
    kept = [entry.as_json() for entry in entries
            if (not status or entry.status == status)
            and (not organisation or entry.municipality == organisation)]
    body, headers = paged(request, kept, page, per_page)
    return json_response(request, body, headers)


@router.get("/organisations", summary="Organisationerne i registeret med antal politikker")
def organisations(request: Request) -> Response:
    rows = portal_of(request).snapshot().rows
    by_name: dict[str, Counter[str]] = {}
    for row in rows:
        by_name.setdefault(row.municipality or "", Counter())[row.status] += 1
    return json_response(request, [
        {
            "name": name or None, "policies": sum(counts.values()), "statuses": dict(counts),
            "register": query_url("/", organisation=name) if name else None,
            "policies_url": query_url("/api/v1/policies", organisation=name) if name else None,
            "feed": query_url("/feed.atom", organisation=name) if name else None,
        }
        for name, counts in sorted(by_name.items())
    ])

