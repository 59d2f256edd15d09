"""The register (`/`): every policy with its age, status and next revision, filtered and sorted."""

from __future__ import annotations

from collections import Counter
from datetime import date

from fastapi import APIRouter, Request, Response

from politikbase.web.labels import STATUS_LABELS, STATUS_ORDER
from politikbase.web.portal import portal_of, query_url
from politikbase.web.snapshot import PolicyRow

router = APIRouter()

NO_ORGANISATION = "-"
SORTS = {"navn": "navn", "alder": "alder (ældste først)", "revision": "næste revision"}


def filter_rows(
    rows: list[PolicyRow], *, organisation: str = "", subject: str = "", doc_type: str = "",
    status: str = "",
) -> list[PolicyRow]:
    def keep(row: PolicyRow) -> bool:
        if organisation == NO_ORGANISATION and row.municipality:
            return False
        if organisation and organisation != NO_ORGANISATION and row.municipality != organisation:
            return False
        if subject and row.subject != subject:
            return False
        if doc_type and row.doc_type != doc_type:
            return False
        return not status or row.status == status

    return [row for row in rows if keep(row)]


def sort_rows(rows: list[PolicyRow], sort: str) -> list[PolicyRow]:
    if sort == "navn":
        return sorted(rows, key=lambda row: (row.title.casefold(), row.id))
    if sort == "alder":  # oldest first, undated last
        return sorted(rows, key=lambda row: (row.age_months is None, -(row.age_months or 0)))
    if sort == "revision":  # earliest due first, undated last
        return sorted(rows, key=lambda row: (row.due_date is None, row.due_date or date.max))
    return rows


@router.get("/", include_in_schema=False)
def register_page(
    request: Request, organisation: str = "", emne: str = "", type: str = "", status: str = "",
    sorter: str = "",
) -> Response:
    portal = portal_of(request)
    snapshot = portal.snapshot()
    sorter = sorter if sorter in SORTS else ""
    in_organisation = filter_rows(snapshot.rows, organisation=organisation)
    rows = sort_rows(
        filter_rows(in_organisation, subject=emne, doc_type=type, status=status), sorter
    )
    counts = Counter(row.status for row in in_organisation)
    organisations = [(name, name) for name in snapshot.organisations()]
    if any(row.municipality is None for row in snapshot.rows):
        organisations.append((NO_ORGANISATION, "Uden kendt organisation"))
    heading = "Politikker og strategier"
    if organisation and organisation != NO_ORGANISATION:
        heading += f" i {organisation}"
    return portal.page(
        request, "register.html", snapshot=snapshot, heading=heading, rows=rows,
        chosen={"organisation": organisation, "emne": emne, "type": type, "status": status,
                "sorter": sorter},
        filtered=any((organisation, emne, type, status, sorter)),
        organisations=organisations,
        subjects=[(subject, subject) for subject in snapshot.subjects()],
        doc_types=[(doc_type, doc_type) for doc_type in snapshot.doc_types()],
        statuses=[(name, STATUS_LABELS[name]) for name in STATUS_ORDER],
        sort_options=[(key, text.capitalize()) for key, text in SORTS.items()],
        sort_caption=f"sorteret efter {SORTS.get(sorter, 'organisation og navn')}",
        status_counts=[(name, counts[name]) for name in STATUS_ORDER if counts[name]],
        feed_url=query_url("/feed.atom", organisation=organisation),
    )
