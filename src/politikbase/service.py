"""The register and its index opened together, as the interfaces (CLI, web) use them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from rich.markup import escape

from politikbase.danish.organisations import organisation_by_name
from politikbase.index import SearchIndex
from politikbase.store import DocumentRecord, Register

INDEX_DIR = "index"
# The index marks matched words in snippets like this.
_MARK = re.compile(r"\[\[(.+?)\]\]", re.DOTALL)


@dataclass(slots=True)
class SearchResult:
    id: str
    record_id: str
    title: str
    municipality: str | None
    doc_type: str
    score: float
    snippet: str  # with [[marked]] matches
    passage_start: int
    passage_end: int
    page: int | None
    source_name: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "municipality": self.municipality,
            "doc_type": self.doc_type, "score": round(self.score, 4),
            "snippet": self.snippet, "snippet_text": _MARK.sub(r"\1", self.snippet),
            "passage": {"start": self.passage_start, "end": self.passage_end},
            "page": self.page, "record_id": self.record_id, "source": self.source_name,
        }

    def snippet_markup(self) -> str:
        """The snippet as rich markup, matches in bold yellow."""
        parts = _MARK.split(self.snippet)
        return "".join(
            f"[bold yellow]{escape(part)}[/bold yellow]" if odd else escape(part)
            for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
        )


class Service:
    DEMO_QUERIES: ClassVar[tuple[str, ...]] = (
        "politik for handicappede",
        "frivillige foreninger",
        "hvornår revideres sundhedspolitikken",
        "klima",
    )
    CSV_FIELDS: ClassVar[list[str]] = [
        "id", "title", "doc_type", "municipality", "kind", "format", "source", "url",
        "characters", "pages",
    ]

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.register = Register(data_dir)
        self.index = SearchIndex(data_dir / INDEX_DIR)

    def search(
        self, query: str, *, limit: int = 10, municipality: str | None = None,
        doc_type: str | None = None,
    ) -> list[SearchResult]:
        if municipality:
            known = organisation_by_name(municipality)
            municipality = known.name if known else municipality
        hits = self.index.search(query, limit=limit, municipality=municipality, doc_type=doc_type)
        records = self.register.documents_by_ids([hit.record_id for hit in hits])
        results: list[SearchResult] = []
        for hit in hits:
            record = records.get(hit.record_id)
            if record is None:  # indexed but no longer in the register: not shown
                continue
            results.append(
                SearchResult(
                    id=record.public_id, record_id=record.id, title=record.title,
                    municipality=record.municipality, doc_type=record.doc_type,
                    score=hit.score, snippet=hit.snippet, passage_start=hit.passage_start,
                    passage_end=hit.passage_end, page=hit.page, source_name=record.source_name,
                )
            )
        return results

    @staticmethod
    def summary_json(record: DocumentRecord) -> dict[str, Any]:
        return {
            "id": record.public_id, "title": record.title, "doc_type": record.doc_type,
            "municipality": record.municipality, "kind": record.kind, "format": record.format,
            "source": record.source_name, "url": record.url, "characters": len(record.text),
            "pages": len(record.page_starts) or None,
        }

    @staticmethod
    def detail_json(record: DocumentRecord) -> dict[str, Any]:
        return Service.summary_json(record) | {
            "record_id": record.id, "external_id": record.external_id,
            "source_sha256": record.source_sha256, "start": record.start, "end": record.end,
            "page_starts": record.page_starts, "repairs": len(record.repair_log),
            "created_at": record.created_at.isoformat(),
            "updated_at": record.updated_at.isoformat(), "text": record.text,
        }
