"""Plain data of the search index: what goes in, and what a search gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

HIGHLIGHT_START = "[["
HIGHLIGHT_END = "]]"

# Where a document stands in its policy's life; with the revision due date this
# gives the status a search reports (`politikbase.index.facets.STATUSES`).
IN_FORCE = "in_force"
DRAFT = "draft"
REPLACED = "replaced"


@dataclass(slots=True)
class IndexDocument:
    """One document of the register, as the index needs it.

    `policy_id` groups the versions of one policy (a document alone is its own
    policy); `is_current` marks the version a search shows first. `due_date` is the
    next revision date: the index keeps it, not a status, because a status changes
    with the day while the due date does not.
    """

    record_id: str  # the register's id for the document
    title: str
    text: str
    municipality: str | None = None
    doc_type: str | None = None
    page_starts: list[int] = field(default_factory=list)  # offset where each page starts
    policy_id: str | None = None
    is_current: bool = True
    lifecycle: str = IN_FORCE  # IN_FORCE, DRAFT or REPLACED
    due_date: date | None = None
    adopted_year: int | None = None
    subjects: list[str] = field(default_factory=list)  # subject area slugs
    headings: list[str] = field(default_factory=list)  # as extraction found them

    @property
    def policy(self) -> str:
        return self.policy_id or self.record_id


@dataclass(slots=True, frozen=True)
class SearchFilters:
    """Restrictions on a search; within a field the values are alternatives."""

    municipalities: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    adopted_from: int | None = None  # first adoption year, inclusive
    adopted_to: int | None = None  # last adoption year, inclusive
    # Keep documents whose organisation is unknown beside those of `municipalities`
    # (ranked after them): for an organisation read from the query's words.
    unknown_organisation_too: bool = False

    @property
    def is_empty(self) -> bool:
        return not (
            self.municipalities or self.doc_types or self.subjects or self.statuses
            or self.years or self.adopted_from is not None or self.adopted_to is not None
        )


@dataclass(slots=True)
class SearchHit:
    """A policy found by a search, shown by one document with its best passage.

    `snippet` is (a window of) that passage with every matching word wrapped in
    `HIGHLIGHT_START` / `HIGHLIGHT_END` ("[[" and "]]"), and "…" where the window cuts
    the passage; `passage_start`/`passage_end` are the passage's offsets in the
    document text, and `page` its 1-based page when the document has pages.
    `other_versions` are the record ids of the policy's other versions that also
    matched, best first.
    """

    record_id: str
    score: float
    title: str
    snippet: str
    passage_start: int
    passage_end: int
    page: int | None
    is_current: bool = True
    other_versions: list[str] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class FacetCount:
    value: str
    count: int  # policies (versions of one policy count once)


@dataclass(slots=True)
class SearchPage:
    """One page of results, with the number of policies matched and the facets."""

    hits: list[SearchHit]
    total: int  # policies matched; a lower bound when not `total_exact`
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    total_exact: bool = True
    facets_exact: bool = True  # False: the facets count the best results only


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of a document's text: `text[start:end]`, on 1-based `page` if known."""

    start: int
    end: int
    page: int | None = None
