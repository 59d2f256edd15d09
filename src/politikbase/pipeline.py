"""One source file through the pure stages: extract → repair → segment → analyse.

`process_source` touches neither the register nor the index, so it can run in a
worker process (or on another machine) and hand back plain data. Every document
carries the full analysis (`DocumentFacts.as_json()`, evidence offsets into the
document's own text) beside the title, kind and organisation it is filed under.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from politikbase.analyse import analyse_document, basic_facts
from politikbase.extract import extract_bytes
from politikbase.index import IndexDocument
from politikbase.index.prepare import PreparedDocument, prepare_document
from politikbase.link.versions import signature_bytes
from politikbase.models import ExtractedDocument, RepairResult, Segment
from politikbase.repair import repair_pages, repair_text
from politikbase.segment import segment_text
from politikbase.store.records import NewDocument

# Kinds of segment that stand for the whole extracted document; they inherit the
# title the file's metadata gives and the full repair log.
WHOLE_DOCUMENT_KINDS = frozenset({"document", "main"})
# The entries of a municipality's policy page are that municipality's policies,
# whether or not each entry names it (the related documents of a hosting site are not).
INHERITING_KINDS = frozenset({"entry"})


@dataclass(slots=True)
class ProcessedSource:
    format: str
    documents: list[NewDocument]
    warnings: list[str] = field(default_factory=list)
    # The index's analysis of each document (same order), done here so that worker
    # processes share that work too; the index redoes it if a correction changed
    # the document before it was filed.
    prepared: list[PreparedDocument] = field(default_factory=list)


def repair(extracted: ExtractedDocument) -> RepairResult:
    """Repair a paged text page-aware (running headers, page numbers); else as one text."""
    if len(extracted.pages) > 1:
        return repair_pages(extracted.pages)
    return repair_text(extracted.pages[0] if extracted.pages else "")


def _segments(extracted: ExtractedDocument, text: str) -> list[Segment]:
    # A JSONL record was cut out by whoever wrote the file: it is one document.
    if extracted.format == "jsonl":
        stripped_start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [Segment(title=extracted.title or "", start=stripped_start, end=end)]
    return segment_text(text)


def _pages_within(page_starts: list[int], start: int, end: int) -> list[int]:
    """Page starts relative to a segment: the page the segment begins on, then later ones."""
    if not page_starts:
        return []
    relative = [0]
    relative.extend(offset - start for offset in page_starts if start < offset < end)
    return relative


def documents_of(extracted: ExtractedDocument, first_ordinal: int) -> list[NewDocument]:
    """The register documents one extracted document becomes."""
    repaired = repair(extracted)
    text = repaired.text
    log = [
        {"kind": c.kind, "before": c.before, "after": c.after, "position": c.position}
        for c in repaired.changes
    ]
    documents: list[NewDocument] = []
    segments = _segments(extracted, text)
    page_municipality = extracted.municipality
    if page_municipality is None and any(s.kind in INHERITING_KINDS for s in segments):
        page_title = extracted.title or text[:120]
        page_municipality = basic_facts(page_title, text, None).municipality
    for number, segment in enumerate(segments):
        whole = segment.kind in WHOLE_DOCUMENT_KINDS
        title = (extracted.title if whole and extracted.title else segment.title) or ""
        if extracted.needs_repair and title:
            # A title read from a PDF page carries the page's damage ("Sundhedspoli k").
            title = repair_text(title).text.strip()
        body = text[segment.start : segment.end]
        hint = page_municipality if segment.kind in INHERITING_KINDS else extracted.municipality
        analysis = analyse_document(body, title=title or None, municipality_hint=hint)
        title, municipality = analysis.title, analysis.municipality
        if not title or municipality is None:
            basic = basic_facts(title or body[:120], body, hint)
            title = title or basic.title
            municipality = municipality or basic.municipality
        documents.append(
            NewDocument(
                ordinal=first_ordinal + number,
                kind=segment.kind,
                title=" ".join(title.split()),
                doc_type=analysis.doc_type,
                municipality=municipality,
                text=body,
                format=extracted.format,
                start=segment.start,
                end=segment.end,
                external_id=extracted.external_id,
                url=extracted.url,
                page_starts=_pages_within(repaired.page_starts, segment.start, segment.end),
                repair_log=log if whole else [],
                facts=analysis.as_json(),
                headings=list(extracted.headings) if whole else [],
                text_signature=signature_bytes(body),
            )
        )
    return documents


def process_source(data: bytes, name: str) -> ProcessedSource:
    """Extract, repair, segment and analyse one file. Raises ExtractionError."""
    extracted_documents = extract_bytes(data, name)
    documents: list[NewDocument] = []
    warnings: list[str] = []
    file_format = extracted_documents[0].format if extracted_documents else "unknown"
    for extracted in extracted_documents:
        warnings.extend(extracted.warnings)
        documents.extend(documents_of(extracted, len(documents)))
    prepared = [
        prepare_document(
            IndexDocument(
                record_id="", title=document.title, text=document.text,
                municipality=document.municipality, doc_type=document.doc_type,
                page_starts=document.page_starts, headings=document.headings,
            )
        )
        for document in documents
    ]
    return ProcessedSource(
        format=file_format, documents=documents, warnings=warnings, prepared=prepared
    )
