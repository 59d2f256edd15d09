"""Plain records the register reads and writes (no ORM objects leave the store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# A fact's value: a string, a list of strings (law_refs, replaces, …) or nothing.
FactValue = str | list[str] | None


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
    facts: dict[str, Any] = field(default_factory=dict)  # DocumentFacts.as_json()
    headings: list[str] = field(default_factory=list)  # as the extractor knew them
    # The MinHash signature linking compares texts by (see link.versions), computed
    # with the pure stages so that re-linking never reads the texts again.
    text_signature: bytes | None = None


@dataclass(slots=True)
class CorrectionRecord:
    """A person's correction of one fact; it wins over what was extracted."""

    field: str
    value: FactValue
    author: str
    note: str | None
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "field": self.field, "value": self.value, "author": self.author, "note": self.note,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(slots=True)
class RelationRecord:
    """A relation a document states, resolved to a register record where one is found."""

    kind: str  # "replaces" | "based_on" | "related_to"
    name: str  # as the text names it
    target_id: str | None
    target_title: str | None
    evidence: dict[str, Any] | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "name": self.name, "target_id": self.target_id,
            "target_title": self.target_title, "evidence": self.evidence,
        }


@dataclass(slots=True)
class FiledDocument:
    """A document as the register filed it: what the index needs to follow."""

    id: str
    ordinal: int
    title: str
    doc_type: str
    municipality: str | None
    text: str
    page_starts: list[int]


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
    extracted_facts: dict[str, Any] = field(default_factory=dict)
    corrections: list[CorrectionRecord] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    text_signature: bytes | None = None
    policy_id: str | None = None  # the policy whose version this document is

    @property
    def public_id(self) -> str:
        """The id people see: the external id when the source gave one."""
        return self.external_id or self.id

    @property
    def text_length(self) -> int:
        return len(self.text)

    def fact(self, name: str) -> FactValue:
        """A fact's value: the latest correction if there is one, else as extracted."""
        for correction in reversed(self.corrections):
            if correction.field == name:
                return correction.value
        return self.extracted_facts.get(name)  # type: ignore[no-any-return]

    @property
    def facts(self) -> dict[str, Any]:
        """The analyse contract's object with corrections applied (evidence as extracted)."""
        merged = dict(self.extracted_facts)
        for correction in self.corrections:
            merged[correction.field] = correction.value
        merged["id"] = self.public_id
        return merged


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


@dataclass(slots=True)
class LifecycleRecord:
    """What deciding a document's place among its policy's versions needs: no text."""

    id: str
    external_id: str | None
    policy_id: str | None
    doc_type: str
    created_at: datetime
    text_length: int
    merged_facts: dict[str, Any]  # corrections applied

    @property
    def public_id(self) -> str:
        return self.external_id or self.id

    def fact(self, name: str) -> FactValue:
        return self.merged_facts.get(name)  # type: ignore[no-any-return]
