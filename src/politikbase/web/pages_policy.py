"""One policy (`/politik/{id}`): facts with evidence, sections, text, versions, relations,
downloads and page images; and the word-level difference between two versions."""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request, Response

from politikbase.similarity import SIMILAR, SimilarEntry
from politikbase.store.records import DocumentRecord
from politikbase.web.diff import word_diff
from politikbase.web.labels import FORMAT_LABELS
from politikbase.web.pdfpages import NotAPdf, page_count, page_png
from politikbase.web.policy_view import fact_views, outline, relation_views, text_html
from politikbase.web.portal import HTML, Portal, portal_of
from politikbase.web.responses import tagged
from politikbase.web.snapshot import Snapshot

router = APIRouter(include_in_schema=False)

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}
SIMILAR_SHOWN = 6
_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")


def find_record(portal: Portal, identifier: str) -> tuple[Snapshot, DocumentRecord]:
    snapshot = portal.snapshot()
    record = snapshot.record(identifier)
    if record is None:
        found = portal.service.register.document(identifier)  # an unambiguous id prefix
        record = snapshot.record(found.id) if found else None
    if record is None:
        raise HTTPException(404, f"Ingen politik med id {identifier}")
    return snapshot, record


def pdf_pages(portal: Portal, record: DocumentRecord) -> int:
    if record.format != "pdf":
        return 0

    def count() -> int:
        try:
            return page_count(portal.service.register.original(record.source_sha256))
        except (NotAPdf, FileNotFoundError):
            return 0

    return int(portal.pages.get(("sider", record.source_sha256), count))


def similar_policies(portal: Portal, record: DocumentRecord) -> list[SimilarEntry]:
    """Policies of other organisations whose text resembles this one."""
    found = portal.service.similar(record.id, limit=SIMILAR_SHOWN)
    return [entry for entry in found.entries if entry.relation == SIMILAR] if found else []


def attachment(name: str) -> str:
    """A Content-Disposition value that keeps a Danish file name (RFC 6266)."""
    plain = name.encode("ascii", "replace").decode().replace('"', "")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


@router.get("/politik/{identifier}")
def policy_page(request: Request, identifier: str, fremhaev: str = "") -> Response:
    portal = portal_of(request)
    snapshot, record = find_record(portal, identifier)
    span = _SPAN.match(fremhaev)
    found = (int(span.group(1)), int(span.group(2))) if span else None

    def render() -> str:
        facts = fact_views(record)
        sections = outline(record)
        row = snapshot.row_of.get(record.id)
        versions = [snapshot.by_id[v] for v in row.version_ids] if row else [record]
        versions.sort(key=lambda v: (str(v.fact("adopted_date") or "9999"), v.id))
        return portal.render_html(
            "policy.html", snapshot=snapshot, path=request.url.path,
            search_titles=snapshot.titles(), record=record, row=row,
            entry=snapshot.entries.get(record.public_id), facts=facts, sections=sections,
            text=text_html(record, facts, sections, found), found=found,
            versions=versions, relations=relation_views(record, snapshot),
            pages=pdf_pages(portal, record), format_label=FORMAT_LABELS.get(record.format,
                                                                           record.format),
            similar=similar_policies(portal, record),
        )

    html = portal.pages.get(("politik", snapshot.stamp, record.id, found), render)
    return tagged(request, html, HTML)


@router.get("/politik/{identifier}/original")
def original_file(request: Request, identifier: str) -> Response:
    portal = portal_of(request)
    _, record = find_record(portal, identifier)
    try:
        data = portal.service.register.original(record.source_sha256)
    except FileNotFoundError:
        raise HTTPException(404, "Den oprindelige fil findes ikke længere") from None
    media_type = MEDIA_TYPES.get(record.format, "application/octet-stream")
    return tagged(request, data, media_type,
                  headers={"Content-Disposition": attachment(record.source_name)})


@router.get("/politik/{identifier}/tekst.txt")
def repaired_text(request: Request, identifier: str) -> Response:
    _, record = find_record(portal_of(request), identifier)
    name = f"{record.public_id}.txt"
    return tagged(request, record.text, "text/plain; charset=utf-8",
                  headers={"Content-Disposition": attachment(name).replace("attachment", "inline")})


@router.get("/politik/{identifier}/side/{page}.png")
def page_image(request: Request, identifier: str, page: int) -> Response:
    portal = portal_of(request)
    _, record = find_record(portal, identifier)
    if record.format != "pdf":
        raise HTTPException(404, "Kun PDF-filer har sidebilleder")

    def render() -> bytes:
        return page_png(portal.service.register.original(record.source_sha256), page)

    try:
        image = portal.images.get((record.source_sha256, page), render)
    except (IndexError, NotAPdf, FileNotFoundError):
        raise HTTPException(404, f"Side {page} findes ikke") from None
    return tagged(request, image, "image/png")


@router.get("/politik/{identifier}/side/{page}")
def page_view(request: Request, identifier: str, page: int) -> Response:
    portal = portal_of(request)
    snapshot, record = find_record(portal, identifier)
    pages = pdf_pages(portal, record)
    if not 1 <= page <= pages:
        raise HTTPException(404, f"Side {page} findes ikke")
    return portal.page(request, "page.html", snapshot=snapshot, record=record, page=page,
                       pages=pages)


@router.get("/politik/{identifier}/forskel")
def version_diff(request: Request, identifier: str, fra: str = "", til: str = "") -> Response:
    portal = portal_of(request)
    snapshot, record = find_record(portal, identifier)
    row = snapshot.row_of.get(record.id)
    version_ids = row.version_ids if row else [record.public_id]
    if fra not in version_ids or til not in version_ids:
        raise HTTPException(404, "Vælg to versioner af samme politik")
    old, new = snapshot.by_id[fra], snapshot.by_id[til]
    difference = portal.pages.get(("forskel", snapshot.stamp, old.id, new.id),
                                  lambda: word_diff(old.text, new.text))
    return portal.page(request, "diff.html", snapshot=snapshot, record=record, old=old,
                       new=new, diff=difference)
