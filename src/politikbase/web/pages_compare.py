"""Compare (`/sammenlign`): each organisation's policy of one type, subject area or name,
side by side with its age, status and next revision."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from politikbase.danish.subjects import SUBJECT_AREAS
from politikbase.web.portal import portal_of

router = APIRouter(include_in_schema=False)


@router.get("/sammenlign")
def compare_page(request: Request, emne: str = "") -> Response:
    portal = portal_of(request)
    snapshot = portal.snapshot()
    asked = emne.strip()
    outcome = portal.service.compare(asked, as_of=snapshot.as_of) if asked else None
    return portal.page(
        request, "compare.html", snapshot=snapshot, asked=asked, outcome=outcome,
        examples=[area.label for area in SUBJECT_AREAS],
        doc_types=snapshot.doc_types(),
    )
