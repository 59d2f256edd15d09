"""The register and its index opened together, as the interfaces (CLI, web) use them."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from rich.markup import escape

from politikbase.analyse.revision import DEFAULT_MAX_AGE_YEARS
from politikbase.comparison import CompareOutcome, compare_row, policy_matcher
from politikbase.danish.organisations import organisation_by_name
from politikbase.index import IndexDocument, SearchHit, SearchIndex
from politikbase.index.facets import FACETS as FACET_NAMES
from politikbase.index.models import FacetCount, SearchFilters
from politikbase.index.understanding import UnderstoodQuery
from politikbase.indexing import index_document, sync_links
from politikbase.link import link_register
from politikbase.link.calendar import DueEntry, revision_calendar
from politikbase.similarity import (
    NEAR_DUPLICATE,
    NEAR_DUPLICATE_RESEMBLANCE,
    SIMILAR,
    VERSION,
    SimilarEntry,
    SimilarOutcome,
    text_resemblance,
)
from politikbase.store import DocumentRecord, Register
from politikbase.store.records import FactValue

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
    adopted_date: str | None = None
    is_current: bool = True
    other_versions: list[str] = field(default_factory=list)  # public ids, also matched

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "municipality": self.municipality,
            "doc_type": self.doc_type, "score": round(self.score, 4),
            "snippet": self.snippet, "snippet_text": _MARK.sub(r"\1", self.snippet),
            "passage": {"start": self.passage_start, "end": self.passage_end},
            "page": self.page, "record_id": self.record_id, "source": self.source_name,
            "adopted_date": self.adopted_date, "is_current": self.is_current,
            "other_versions": self.other_versions,
        }

    def snippet_markup(self) -> str:
        """The snippet as rich markup, matches in bold yellow."""
        parts = _MARK.split(self.snippet)
        return "".join(
            f"[bold yellow]{escape(part)}[/bold yellow]" if odd else escape(part)
            for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
        )


@dataclass(slots=True)
class SearchOutcome:
    results: list[SearchResult]
    total: int  # policies matched; at least this many when not `total_exact`
    facets: dict[str, list[FacetCount]]
    understood: UnderstoodQuery
    total_exact: bool = True
    facets_exact: bool = True  # False: the facets describe the best results only

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total, "total_exact": self.total_exact,
            "facets_exact": self.facets_exact,
            "results": [result.as_json() for result in self.results],
            "facets": {
                name: [{"value": facet.value, "count": facet.count} for facet in counts]
                for name, counts in self.facets.items()
            },
            "understood": self.understood.as_json(),
        }


def _text_fact(record: DocumentRecord, name: str) -> str | None:
    value = record.fact(name)
    return value if isinstance(value, str) and value else None


class RegisterTexts:
    """The index's text source: the register, which holds every document's text.

    The records read for a search's snippets are kept (per thread) until the service
    takes them to build the results, so a search reads each record once.
    """

    def __init__(self, register: Register) -> None:
        self._register = register
        self._local = threading.local()

    def __call__(self, record_ids: Sequence[str]) -> dict[str, IndexDocument]:
        records = self._register.documents_by_ids(list(record_ids))
        self._local.records = records
        return {
            record.id: IndexDocument(record.id, record.title, record.text)
            for record in records.values()
        }

    def records(self, record_ids: Sequence[str]) -> dict[str, DocumentRecord]:
        """The records of these ids: those just read for snippets, the rest now."""
        kept: dict[str, DocumentRecord] = getattr(self._local, "records", {})
        self._local.records = {}
        found = {key: kept[key] for key in record_ids if key in kept}
        missing = [key for key in record_ids if key not in found]
        if missing:
            found.update(self._register.documents_by_ids(missing))
        return found


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

    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.register = Register(data_dir, database_url)
        self._texts = RegisterTexts(self.register)
        self.index = SearchIndex(data_dir / INDEX_DIR, text_source=self._texts)

    def search(
        self, query: str, *, limit: int = 10, municipality: str | None = None,
        doc_type: str | None = None,
    ) -> list[SearchResult]:
        """The best results for a query (see `search_page` for facets and paging)."""
        filters = SearchFilters(
            municipalities=(self.organisation_name(municipality),) if municipality else (),
            doc_types=(doc_type,) if doc_type else (),
        )
        return self.search_page(query, limit=limit, filters=filters).results

    def search_page(
        self,
        query: str,
        *,
        limit: int = 10,
        offset: int = 0,
        filters: SearchFilters | None = None,
        facets: bool = False,
        understand: bool = True,
        exact_total: bool = False,
        as_of: date | None = None,
    ) -> SearchOutcome:
        """A page of results, one per policy, with the number of policies found, the
        facet counts when asked, and what the query was understood to ask for."""
        filters = filters or SearchFilters()
        if filters.municipalities:
            filters = replace(filters, municipalities=tuple(
                self.organisation_name(name) for name in filters.municipalities
            ))
        if understand:
            understood, page = self.index.understood_search(
                query, limit=limit, offset=offset, filters=filters, facets=facets,
                count=exact_total, as_of=as_of,
            )
        else:
            understood = UnderstoodQuery(text=query, filters=filters)
            page = self.index.search_page(
                query, limit=limit, offset=offset, filters=filters, facets=facets,
                count=exact_total, as_of=as_of,
            )
        return SearchOutcome(
            results=self._results(page.hits), total=page.total, facets=page.facets,
            understood=understood, total_exact=page.total_exact, facets_exact=page.facets_exact,
        )

    def _results(self, hits: list[SearchHit]) -> list[SearchResult]:
        wanted = [hit.record_id for hit in hits]
        wanted += [other for hit in hits for other in hit.other_versions]
        records = self._texts.records(wanted)
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
                    adopted_date=_text_fact(record, "adopted_date"),
                    is_current=hit.is_current,
                    other_versions=[
                        records[other].public_id for other in hit.other_versions
                        if other in records
                    ],
                )
            )
        return results

    @staticmethod
    def organisation_name(name: str) -> str:
        """The official name of an organisation given by any of its names."""
        known = organisation_by_name(name)
        return known.name if known else name

    @staticmethod
    def summary_json(record: DocumentRecord) -> dict[str, Any]:
        return {
            "id": record.public_id, "title": record.title, "doc_type": record.doc_type,
            "municipality": record.municipality, "kind": record.kind, "format": record.format,
            "source": record.source_name, "url": record.url, "characters": len(record.text),
            "pages": len(record.page_starts) or None,
        }

    @staticmethod
    def facts_json(record: DocumentRecord) -> list[dict[str, Any]]:
        """Each fact with its value, where it came from, and its evidence or correction."""
        extracted = record.extracted_facts
        evidence = extracted.get("evidence") or {}
        latest = {correction.field: correction for correction in record.corrections}
        facts: list[dict[str, Any]] = []
        for name, value in record.facts.items():
            if name in {"id", "evidence"}:
                continue
            correction = latest.get(name)
            facts.append({
                "field": name, "value": value,
                "source": "corrected" if correction else "extracted",
                "evidence": [] if correction else list(evidence.get(name, [])),
                "correction": correction.as_json() if correction else None,
                "extracted_value": extracted.get(name) if correction else None,
            })
        return facts

    @staticmethod
    def detail_json(record: DocumentRecord) -> dict[str, Any]:
        return Service.summary_json(record) | {
            "record_id": record.id, "external_id": record.external_id,
            "source_sha256": record.source_sha256, "start": record.start, "end": record.end,
            "page_starts": record.page_starts, "repairs": len(record.repair_log),
            "created_at": record.created_at.isoformat(),
            "updated_at": record.updated_at.isoformat(), "policy_id": record.policy_id,
            "analysis": record.facts, "facts": Service.facts_json(record),
            "corrections": [correction.as_json() for correction in record.corrections],
            "text": record.text,
        }

    def show_json(self, record: DocumentRecord) -> dict[str, Any]:
        """The detail of one document with its versions and relations."""
        return self.detail_json(record) | {
            "versions": [
                {
                    "id": version.public_id, "title": version.title,
                    "municipality": version.municipality,
                    "status": version.fact("status"),
                    "adopted_date": version.fact("adopted_date"),
                    "this": version.id == record.id,
                }
                for version in self.versions(record)
            ],
            "relations": [
                relation.as_json() | {"target_public_id": self._public_id(relation.target_id)}
                for relation in self.register.relations(record.id)
            ],
        }

    def versions(self, record: DocumentRecord) -> list[DocumentRecord]:
        """The versions of `record`'s policy, oldest adoption first (undated last)."""
        found = self.register.versions(record)
        return sorted(found, key=lambda v: (str(v.fact("adopted_date") or "9999"), v.id))

    def _public_id(self, record_id: str | None) -> str | None:
        if record_id is None:
            return None
        target = self.register.document(record_id)
        return target.public_id if target is not None else record_id

    def correct(
        self, identifier: str, field_name: str, value: FactValue, *, author: str,
        note: str | None = None,
    ) -> DocumentRecord:
        """Keep a correction, and bring the index and the links up to date with it."""
        record = self.register.correct(identifier, field_name, value, author=author, note=note)
        self.index.add(index_document(record))
        self.index.commit()
        link_register(self.register)
        sync_links(self.register, self.index, [record.id])
        return record

    def due(
        self, as_of: date, *, default_max_age_years: int = DEFAULT_MAX_AGE_YEARS
    ) -> list[DueEntry]:
        """The revision calendar as of a day, the oldest due date first."""
        return revision_calendar(
            self.register.documents(), self.register.replaced_ids(), as_of=as_of,
            default_max_age_years=default_max_age_years,
        )

    # -- similar policies, comparison, title suggestions ---------------------------------

    def similar(
        self, identifier: str, *, limit: int = 10, as_of: date | None = None
    ) -> SimilarOutcome | None:
        """Policies like this one in other organisations, and its versions and near-
        duplicates flagged as such; None when the id is unknown."""
        record = self.register.document(identifier)
        if record is None:
            return None
        versions = [v for v in self.versions(record) if v.id != record.id]
        entries = [SimilarEntry(version, 1.0, VERSION) for version in versions]
        described = index_document(record)
        described.policy_id = record.policy_id  # leave out the policy's own versions
        hits = self.index.similar(described, limit=limit, other_organisations=False)
        records = self.register.documents_by_ids([hit.record_id for hit in hits])
        signature = record.text_signature
        others: list[SimilarEntry] = []
        known = {record.id} | {version.id for version in versions}
        for hit in hits:
            other = records.get(hit.record_id)
            if other is None or other.id in known:
                continue
            resemblance = text_resemblance(signature, other.text_signature)
            if resemblance >= NEAR_DUPLICATE_RESEMBLANCE:
                entries.append(SimilarEntry(other, resemblance, NEAR_DUPLICATE))
            elif other.municipality != record.municipality:
                others.append(SimilarEntry(other, hit.score, SIMILAR, snippet=hit.snippet))
        return SimilarOutcome(record=record, entries=entries + others[:limit])

    def compare(
        self, subject_or_type: str, *, as_of: date, municipality: str | None = None
    ) -> CompareOutcome:
        """One row per organisation that has a policy of this type, subject area or
        name ("frivillighedsstrategi"): its current such policy, age and status."""
        matcher = policy_matcher(subject_or_type)
        calendar = {entry.id: entry for entry in self.due(as_of)}
        chosen: dict[str, list[DocumentRecord]] = {}
        for record in self.register.iter_documents():
            if not record.municipality or not matcher.matches(record):
                continue
            if municipality and record.municipality != self.organisation_name(municipality):
                continue
            entry = calendar.get(record.public_id)
            if entry is None or entry.status in {"replaced", "draft"}:
                continue
            chosen.setdefault(record.municipality, []).append(record)
        rows = [
            compare_row(organisation, records, calendar, as_of)
            for organisation, records in chosen.items()
        ]
        rows.sort(key=lambda row: (row.organisation, row.title))
        return CompareOutcome(asked=subject_or_type, matched_by=matcher.kind, rows=rows)

    def suggest(self, prefix: str, *, limit: int = 10) -> list[DocumentRecord]:
        """Titles that start with, or have a word starting with, what was typed."""
        wanted = prefix.strip().casefold()
        if len(wanted) < 2:
            return []
        found: list[tuple[int, str, DocumentRecord]] = []
        seen: set[str] = set()
        for record in self.register.documents():
            title = record.title.casefold()
            policy = record.policy_id or record.id
            if policy in seen:
                continue
            if title.startswith(wanted):
                rank = 0
            elif any(word.startswith(wanted) for word in re.findall(r"\w+", title)):
                rank = 1
            elif wanted in title:
                rank = 2
            else:
                continue
            seen.add(policy)
            found.append((rank, title, record))
        found.sort(key=lambda item: (item[0], len(item[1]), item[1]))
        return [record for _, _, record in found[:limit]]


class FacetFilterError(ValueError):
    """A facet filter that names no facet or has no value."""


def parse_facet_filters(items: Sequence[str]) -> SearchFilters:
    """Filters from "facet=value" strings: organisation, type, subject, status or year
    (a year, or a range "2015..2020" with either end open)."""
    values: dict[str, list[str]] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name, value = name.strip().lower(), value.strip()
        if not sep or not value or name not in FACET_NAMES:
            raise FacetFilterError(
                f"cannot read the facet filter {item!r}: write FACET=VALUE with FACET one of "
                f"{', '.join(FACET_NAMES)}"
            )
        values.setdefault(name, []).append(value)
    years: list[int] = []
    adopted_from = adopted_to = None
    for value in values.get("year", []):
        first, dots, last = value.partition("..")
        try:
            if dots:
                adopted_from = int(first) if first else None
                adopted_to = int(last) if last else None
            else:
                years.append(int(value))
        except ValueError as error:
            raise FacetFilterError(f"not a year or a range of years: {value!r}") from error
    return SearchFilters(
        municipalities=tuple(values.get("organisation", [])),
        doc_types=tuple(values.get("type", [])),
        subjects=tuple(values.get("subject", [])),
        statuses=tuple(values.get("status", [])),
        years=tuple(years), adopted_from=adopted_from, adopted_to=adopted_to,
    )
