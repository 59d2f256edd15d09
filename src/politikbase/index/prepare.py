"""The index's text analysis of one document, done apart from the index itself.

Cutting a document into passages and running the Danish analysis over them is the
costly part of indexing, and it needs nothing but the document. Done here, it runs
in the ingest's worker processes beside extraction and analysis; the process that
owns the index writer then only hands the prepared passages to tantivy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from politikbase.danish.analyzer import DanishAnalyzer
from politikbase.index.models import IndexDocument
from politikbase.index.passages import passage_heading, split_passages


@dataclass(slots=True, frozen=True)
class PreparedPassage:
    start: int
    end: int
    page: int | None
    body: str
    body_expanded: str
    heading: str = ""  # the heading line the passage opens with, analysed


@dataclass(slots=True)
class PreparedDocument:
    """A document's passages with their analysed text, ready for the index writer."""

    title: str
    text: str
    municipality: str | None
    doc_type: str | None
    page_starts: list[int]
    headings: list[str]
    title_prepared: str
    title_expanded: str
    passages: list[PreparedPassage]

    def is_for(self, doc: IndexDocument) -> bool:
        """True when the prepared analysis still fits the document as filed (a
        correction may have changed its title or filters since)."""
        return (
            self.title == doc.title and self.municipality == doc.municipality
            and self.doc_type == doc.doc_type and self.page_starts == doc.page_starts
            and self.headings == doc.headings and self.text == doc.text
        )


@lru_cache(maxsize=1)
def default_analyzer() -> DanishAnalyzer:
    """One analyzer per process: its word caches are what make it fast."""
    return DanishAnalyzer()


def prepare_document(
    doc: IndexDocument, analyzer: DanishAnalyzer | None = None
) -> PreparedDocument:
    analyzer = analyzer or default_analyzer()
    headings = frozenset(" ".join(heading.split()) for heading in doc.headings)
    passages = [
        PreparedPassage(
            start=passage.start, end=passage.end, page=passage.page,
            body=analyzer.prepare(doc.text[passage.start : passage.end]),
            body_expanded=analyzer.expansion_text(doc.text[passage.start : passage.end]),
            heading=analyzer.prepare(passage_heading(doc.text, passage, headings)),
        )
        for passage in split_passages(doc.text, doc.page_starts)
    ]
    return PreparedDocument(
        title=doc.title, text=doc.text, municipality=doc.municipality, doc_type=doc.doc_type,
        page_starts=list(doc.page_starts), headings=list(doc.headings),
        title_prepared=analyzer.prepare(doc.title),
        title_expanded=analyzer.expansion_text(doc.title), passages=passages,
    )
