"""What `similar` gives back: the versions of a policy, its near-duplicates, and the
policies of other organisations whose text resembles it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from politikbase.link.versions import signature_from_bytes
from politikbase.store import DocumentRecord

VERSION, NEAR_DUPLICATE, SIMILAR = "version", "near_duplicate", "similar"
# Estimated Jaccard resemblance of word 3-shingles from which two texts are the same
# document (the threshold linking uses to group a document filed twice).
NEAR_DUPLICATE_RESEMBLANCE = 0.6


def text_resemblance(first: bytes | None, second: bytes | None) -> float:
    """Estimated Jaccard resemblance of two texts from their stored MinHash signatures."""
    if not first or not second or len(first) != len(second):
        return 0.0
    return float(signature_from_bytes(first).jaccard(signature_from_bytes(second)))


@dataclass(slots=True)
class SimilarEntry:
    record: DocumentRecord
    score: float
    relation: str  # VERSION, NEAR_DUPLICATE or SIMILAR
    snippet: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.record.public_id, "title": self.record.title,
            "municipality": self.record.municipality, "doc_type": self.record.doc_type,
            "adopted_date": self.record.fact("adopted_date"), "relation": self.relation,
            "score": round(self.score, 4), "snippet": self.snippet,
        }


@dataclass(slots=True)
class SimilarOutcome:
    record: DocumentRecord
    entries: list[SimilarEntry] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.record.public_id, "title": self.record.title,
            "municipality": self.record.municipality,
            "versions": [e.as_json() for e in self.entries if e.relation == VERSION],
            "near_duplicates": [e.as_json() for e in self.entries if e.relation == NEAR_DUPLICATE],
            "similar": [e.as_json() for e in self.entries if e.relation == SIMILAR],
        }
