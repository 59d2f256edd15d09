"""The register as CSV and JSONL files, and the Atom feed of new and changed policies."""

from __future__ import annotations

import csv
import io
import json

from fastapi import APIRouter, Request, Response

from politikbase.service import Service
from politikbase.store.records import DocumentRecord
from politikbase.web.feeds import MEDIA_TYPE, FeedEntry, atom_feed
from politikbase.web.labels import stated_date
from politikbase.web.pages_policy import attachment
from politikbase.web.portal import portal_of, query_url
from politikbase.web.responses import tagged
from politikbase.web.snapshot import Snapshot

router = APIRouter(include_in_schema=False)

CSV_FIELDS = [*Service.CSV_FIELDS, "adopted_date", "status", "due_date"]
FEED_SIZE = 100


def _records(snapshot: Snapshot, organisation: str) -> list[DocumentRecord]:
    if not organisation:
        return snapshot.records
    return [record for record in snapshot.records if record.municipality == organisation]


def _calendar(snapshot: Snapshot, record: DocumentRecord) -> dict[str, str | None]:
    entry = snapshot.entries.get(record.public_id)
    return {
        "adopted_date": entry.adopted_date if entry else None,
        "status": entry.status if entry else None,
        "due_date": entry.due.due_date.isoformat() if entry and entry.due else None,
    }


@router.get("/eksport.csv")
def export_csv(request: Request, organisation: str = "") -> Response:
    snapshot = portal_of(request).snapshot()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for record in _records(snapshot, organisation):
        writer.writerow(Service.summary_json(record) | _calendar(snapshot, record))
    return tagged(request, buffer.getvalue(), "text/csv; charset=utf-8",
                  headers={"Content-Disposition": attachment("politikker.csv")})


@router.get("/eksport.jsonl")
def export_jsonl(request: Request, organisation: str = "") -> Response:
    snapshot = portal_of(request).snapshot()
    lines = [
        json.dumps(Service.detail_json(record) | _calendar(snapshot, record), ensure_ascii=False)
        + "\n"
        for record in _records(snapshot, organisation)
    ]
    return tagged(request, "".join(lines), "application/x-ndjson; charset=utf-8",
                  headers={"Content-Disposition": attachment("politikker.jsonl")})


def _summary(record: DocumentRecord, new: bool) -> str:
    adopted = record.fact("adopted_date")
    parts = [f"{'Ny' if new else 'Ændret'}: {record.title} ({record.doc_type}"
             f"{', ' + record.municipality if record.municipality else ''})."]
    if adopted:
        parts.append(f"Vedtaget {stated_date(adopted)}.")
    return " ".join(parts)


@router.get("/feed.atom")
def atom(request: Request, organisation: str = "") -> Response:
    snapshot = portal_of(request).snapshot()
    base = str(request.base_url).rstrip("/")
    records = sorted(_records(snapshot, organisation), key=lambda r: r.updated_at, reverse=True)
    entries = [
        FeedEntry(
            id=f"{base}/politik/{record.public_id}", title=record.title,
            link=f"{base}/politik/{record.public_id}", updated=record.updated_at,
            published=record.created_at, category=record.doc_type,
            summary=_summary(record, record.updated_at == record.created_at),
        )
        for record in records[:FEED_SIZE]
    ]
    where = organisation or "alle organisationer"
    body = atom_feed(
        feed_id=f"{base}{query_url('/feed.atom', organisation=organisation)}",
        title=f"Nye og ændrede politikker: {where}",
        self_link=f"{base}{query_url('/feed.atom', organisation=organisation)}",
        site_link=f"{base}{query_url('/', organisation=organisation)}", entries=entries,
    )
    return tagged(request, body, MEDIA_TYPE)
