"""Plain data passed between the pipeline stages.

Each stage takes and returns these dataclasses, never ORM objects, so a stage can
be tested, benchmarked or run in another process without the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ExtractionError(Exception):
    """A file could not be turned into text; the message says why, for a person."""


@dataclass(slots=True, frozen=True)
class PageOrigin:
    """How the text of one page was obtained: "text-layer" or "ocr".

    `confidence` is the OCR's mean word confidence (0–1), None for a text layer
    and for a page where OCR found no words.
    """

    method: str
    confidence: float | None = None


@dataclass(slots=True)
class ExtractedDocument:
    """The text of one source, as the extractor found it (before repair).

    `pages` holds one string per page for paged formats (PDF) and a single string
    otherwise. `needs_repair` is true where the text comes from a layout format
    whose extraction damages words (PDF); web pages and Word files keep theirs.
    `page_origins` says, page by page, how a PDF's text was obtained (empty for
    other formats).
    """

    source_name: str
    format: str
    pages: list[str]
    title: str | None = None
    headings: list[str] = field(default_factory=list)
    external_id: str | None = None
    url: str | None = None
    municipality: str | None = None
    needs_repair: bool = False
    warnings: list[str] = field(default_factory=list)
    page_origins: list[PageOrigin] = field(default_factory=list)


@dataclass(slots=True)
class RepairChange:
    """One change the repair made, kept as a log a person can audit."""

    kind: str  # "ligature", "hyphenation", "page-number", "running-header", ...
    before: str
    after: str
    position: int  # offset in the text before repair


@dataclass(slots=True)
class RepairResult:
    text: str
    changes: list[RepairChange] = field(default_factory=list)
    # Character offset in `text` where each page starts (empty for unpaged input).
    page_starts: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Segment:
    """One document found inside a text, with exact character boundaries.

    `kind` is "document" (the file is one document), "entry" (one entry of a
    policy listing page), "main" (the main document of a transcript page) or
    "related" (a related-document entry of a transcript page).
    `text[start:end]` of the segmented text is exactly the segment.
    """

    title: str
    start: int
    end: int
    kind: str = "document"
    title_start: int | None = None
    title_end: int | None = None


@dataclass(slots=True)
class BasicFacts:
    """What the register needs to know about a document to file and filter it."""

    title: str
    doc_type: str
    municipality: str | None = None
