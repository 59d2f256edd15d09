"""Plain records the register reads and writes (no ORM objects leave the store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class NewDocument:
    """A document ready to be filed: the output of extract → repair → segment → analyse."""

    ordinal: int
    kind: str
    title: str
    doc_type: str
    municipality: str | None
    text: str
    format: str
    start: int = 0
    end: int = 0
    external_id: str | None = None
    url: str | None = None
    page_starts: list[int] = field(default_factory=list)
    repair_log: list[dict[str, object]] = field(default_factory=list)


@dataclass(slots=True)
class DocumentRecord:
    id: str
    external_id: str | None
    source_sha256: str
    source_name: str
    ordinal: int
    kind: str
    title: str
    doc_type: str
    municipality: str | None
    url: str | None
    format: str
    text: str
    start: int
    end: int
    page_starts: list[int]
    repair_log: list[dict[str, object]]
    created_at: datetime
    updated_at: datetime

    @property
    def public_id(self) -> str:
        """The id people see: the external id when the source gave one."""
        return self.external_id or self.id


@dataclass(slots=True)
class SourceRecord:
    sha256: str
    name: str
    size: int
    format: str | None
    status: str
    error: str | None
    warnings: list[str]
    attempts: int
    first_seen: datetime
    last_attempt: datetime
    document_count: int = 0
