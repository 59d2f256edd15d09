"""One source file through the pure stages: extract → repair → segment → analyse.

`process_source` touches neither the register nor the index, so it can run in a
worker process (or on another machine) and hand back plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from politikbase.analyse import basic_facts
from politikbase.extract import extract_bytes
from politikbase.models import ExtractedDocument, RepairResult, Segment
from politikbase.repair import repair_pages, repair_text
from politikbase.segment import segment_text
from politikbase.store.records import NewDocument

# Kinds of segment that stand for the whole extracted document; they inherit the
# title the file's metadata gives and the full repair log.
WHOLE_DOCUMENT_KINDS = frozenset({"document", "main"})


@dataclass(slots=True)
class ProcessedSource:
    format: str
    documents: list[NewDocument]
    warnings: list[str] = field(default_factory=list)


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
    for number, segment in enumerate(_segments(extracted, text)):
        whole = segment.kind in WHOLE_DOCUMENT_KINDS
        title = (extracted.title if whole and extracted.title else segment.title) or ""
        if extracted.needs_repair and title:
            # A title read from a PDF page carries the page's damage ("Sundhedspoli k").
            title = repair_text(title).text.strip()
        body = text[segment.start : segment.end]
        facts = basic_facts(title or body[:120], body, extracted.municipality)
        documents.append(
            NewDocument(
                ordinal=first_ordinal + number,
                kind=segment.kind,
                title=facts.title,
                doc_type=facts.doc_type,
                municipality=facts.municipality,
                text=body,
                format=extracted.format,
                start=segment.start,
                end=segment.end,
                external_id=extracted.external_id,
                url=extracted.url,
                page_starts=_pages_within(repaired.page_starts, segment.start, segment.end),
                repair_log=log if whole else [],
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
    return ProcessedSource(format=file_format, documents=documents, warnings=warnings)
