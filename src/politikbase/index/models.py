"""Plain data of the search index: what goes in, and what a search gives back."""

from __future__ import annotations

from dataclasses import dataclass, field

HIGHLIGHT_START = "[["
HIGHLIGHT_END = "]]"


@dataclass(slots=True)
class IndexDocument:
    """One document of the register, as the index needs it."""

    record_id: str  # the register's id for the document
    title: str
    text: str
    municipality: str | None = None
    doc_type: str | None = None
    page_starts: list[int] = field(default_factory=list)  # offset where each page starts


@dataclass(slots=True)
class SearchHit:
    """A document found by a search, with its best passage.

    `snippet` is (a window of) that passage with every matching word wrapped in
    `HIGHLIGHT_START` / `HIGHLIGHT_END` ("[[" and "]]"), and "…" where the window cuts
    the passage; `passage_start`/`passage_end` are the passage's offsets in the
    document text, and `page` its 1-based page when the document has pages.
    """

    record_id: str
    score: float
    title: str
    snippet: str
    passage_start: int
    passage_end: int
    page: int | None


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a document's text: `text[start:end]`, on 1-based `page` if known."""

    start: int
    end: int
    page: int | None = None
