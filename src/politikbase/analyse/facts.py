"""The facts the analyse stage states about one document, each with its evidence.

`DocumentFacts.as_json()` is the analyse contract: the keys `id, title, doc_type,
municipality, adopted_date, adopted_by, period, revision_rule, law_refs, replaces,
based_on, related_to, amounts, evidence`, plus `kind` (the finer kind of a
document that is no policy: "notat", "præsentation", …) and `status` ("udkast",
"høring", "vedtaget" or null).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Evidence:
    """Where a fact stands: `text[start:end] == self.text` in the analysed text."""

    text: str
    start: int
    end: int
    confidence: float

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
        }


# The fields of the contract, in its order; list fields hold several values.
SCALAR_FIELDS = (
    "title", "doc_type", "municipality", "adopted_date", "adopted_by", "period", "revision_rule",
)
LIST_FIELDS = ("law_refs", "replaces", "based_on", "related_to", "amounts")


@dataclass(slots=True)
class DocumentFacts:
    id: str | None
    title: str | None  # None when the text states no title and none was given
    doc_type: str
    municipality: str | None = None
    adopted_date: str | None = None
    adopted_by: str | None = None
    period: str | None = None
    revision_rule: str | None = None
    law_refs: list[str] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)
    based_on: list[str] = field(default_factory=list)
    related_to: list[str] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    kind: str | None = None
    status: str | None = None
    subjects: list[str] = field(default_factory=list)  # subject area slugs, main area first

    def as_json(self) -> dict[str, Any]:
        """The contract's JSON object (plain dicts, lists and strings)."""
        return {
            "id": self.id,
            "title": self.title,
            "doc_type": self.doc_type,
            "municipality": self.municipality,
            "adopted_date": self.adopted_date,
            "adopted_by": self.adopted_by,
            "period": self.period,
            "revision_rule": self.revision_rule,
            "law_refs": list(self.law_refs),
            "replaces": list(self.replaces),
            "based_on": list(self.based_on),
            "related_to": list(self.related_to),
            "amounts": list(self.amounts),
            "evidence": {
                name: [item.as_json() for item in items]
                for name, items in self.evidence.items()
                if items
            },
            "kind": self.kind,
            "status": self.status,
            "subjects": list(self.subjects),
        }
