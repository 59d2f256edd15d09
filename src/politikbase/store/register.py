"""The register: sources, the documents found in them, and their originals.

Every write is one transaction, so a crash or a bad file leaves the register as it
was before that file. Originals are stored before parsing starts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.orm import Session, sessionmaker

from politikbase.store.blobs import BlobStore, sha256_of
from politikbase.store.records import DocumentRecord, NewDocument, SourceRecord
from politikbase.store.schema import Base, DocumentRow, SourceRow

REGISTER_FILE = "register.sqlite"
ORIGINALS_DIR = "originals"


@dataclass(slots=True)
class FilingResult:
    """What filing one source changed, so the index can follow."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def to_index(self) -> list[str]:
        return self.added + self.updated


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _content_hash(document: NewDocument) -> str:
    parts = (document.title, document.doc_type, document.municipality or "", document.text)
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _set_sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # WAL lets readers (search, web) work while an ingest writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_engine(data_dir: Path) -> Engine:
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{data_dir / REGISTER_FILE}")
    event.listen(engine, "connect", _set_sqlite_pragmas)
    Base.metadata.create_all(engine)
    return engine


class Register:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.engine = open_engine(data_dir)
        self.blobs = BlobStore(data_dir / ORIGINALS_DIR)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    # -- originals -------------------------------------------------------------

    def keep_original(self, data: bytes) -> str:
        """Store the bytes of a source and return their SHA-256."""
        return self.blobs.put(data, sha256_of(data))

    def original(self, sha256: str) -> bytes:
        return self.blobs.get(sha256)

    # -- sources ---------------------------------------------------------------

    def source(self, sha256: str) -> SourceRecord | None:
        with self._sessions() as session:
            row = session.get(SourceRow, sha256)
            if row is None:
                return None
            count = session.scalar(
                select(func.count()).where(DocumentRow.source_sha256 == sha256)
            )
            return _source_record(row, count or 0)

    def sources(self, status: str | None = None) -> list[SourceRecord]:
        with self._sessions() as session:
            counts = dict(
                session.execute(
                    select(DocumentRow.source_sha256, func.count()).group_by(
                        DocumentRow.source_sha256
                    )
                ).all()
            )
            query = select(SourceRow).order_by(SourceRow.name)
            if status:
                query = query.where(SourceRow.status == status)
            rows = session.scalars(query)
            return [_source_record(row, counts.get(row.sha256, 0)) for row in rows]

    def record_failure(
        self, sha256: str, name: str, size: int, file_format: str | None, error: str,
        warnings: list[str] | None = None,
    ) -> None:
        """Note that a source could not be read; its original is already kept."""
        with self._sessions.begin() as session:
            row = self._upsert_source(session, sha256, name, size, file_format)
            row.status = "failed"
            row.error = error
            row.warnings = list(warnings or [])

    def file_documents(
        self, sha256: str, name: str, size: int, file_format: str,
        documents: list[NewDocument], warnings: list[str] | None = None,
    ) -> FilingResult:
        """File the documents of one source, replacing what it held before.

        A document with an external id that the register already holds (from an
        earlier version of a JSONL file, say) is updated in place and keeps its id.
        """
        result = FilingResult()
        now = _now()
        with self._sessions.begin() as session:
            source = self._upsert_source(session, sha256, name, size, file_format)
            source.status = "ok"
            source.error = None
            source.warnings = list(warnings or [])
            previous = {
                row.id: row
                for row in session.scalars(
                    select(DocumentRow).where(DocumentRow.source_sha256 == sha256)
                )
            }
            kept: set[str] = set()
            for document in documents:
                content_hash = _content_hash(document)
                row = None
                if document.external_id is not None:
                    row = session.scalar(
                        select(DocumentRow).where(DocumentRow.external_id == document.external_id)
                    )
                if row is None:
                    row = previous.get(f"{sha256[:12]}-{document.ordinal}")
                if row is None:
                    row = DocumentRow(
                        id=f"{sha256[:12]}-{document.ordinal}", created_at=now,
                        content_sha256="",
                    )
                    session.add(row)
                    result.added.append(row.id)
                elif row.content_sha256 == content_hash:
                    result.unchanged.append(row.id)
                else:
                    result.updated.append(row.id)
                _fill_document(row, document, sha256, content_hash, now)
                kept.add(row.id)
            for stale_id, stale in previous.items():
                if stale_id not in kept:
                    session.delete(stale)
                    result.removed.append(stale_id)
        return result

    def _upsert_source(
        self, session: Session, sha256: str, name: str, size: int, file_format: str | None
    ) -> SourceRow:
        now = _now()
        row = session.get(SourceRow, sha256)
        if row is None:
            row = SourceRow(
                sha256=sha256, name=name, size=size, format=file_format, status="new",
                warnings=[], attempts=0, first_seen=now, last_attempt=now,
            )
            session.add(row)
        row.format = file_format or row.format
        row.attempts = (row.attempts or 0) + 1
        row.last_attempt = now
        return row

    # -- documents -------------------------------------------------------------

    def documents(
        self, municipality: str | None = None, doc_type: str | None = None
    ) -> list[DocumentRecord]:
        query = select(DocumentRow, SourceRow.name).join(SourceRow)
        if municipality:
            query = query.where(DocumentRow.municipality == municipality)
        if doc_type:
            query = query.where(DocumentRow.doc_type == doc_type)
        query = query.order_by(DocumentRow.municipality, DocumentRow.title, DocumentRow.id)
        with self._sessions() as session:
            rows = session.execute(query)
            return [_document_record(row, source_name) for row, source_name in rows]

    def iter_documents(self, batch_size: int = 500) -> Iterator[DocumentRecord]:
        """Every document, streamed in batches (for reindexing a large register)."""
        query = (
            select(DocumentRow, SourceRow.name).join(SourceRow).order_by(DocumentRow.id)
            .execution_options(yield_per=batch_size)
        )
        with self._sessions() as session:
            for row, source_name in session.execute(query):
                yield _document_record(row, source_name)

    def document(self, identifier: str) -> DocumentRecord | None:
        """A document by its id, its external id, or an unambiguous id prefix."""
        with self._sessions() as session:
            for condition in (
                DocumentRow.id == identifier,
                DocumentRow.external_id == identifier,
            ):
                found = session.execute(
                    select(DocumentRow, SourceRow.name).join(SourceRow).where(condition)
                ).first()
                if found:
                    return _document_record(*found)
            matches = session.execute(
                select(DocumentRow, SourceRow.name).join(SourceRow)
                .where(DocumentRow.id.startswith(identifier, autoescape=True)).limit(2)
            ).all()
            return _document_record(*matches[0]) if len(matches) == 1 else None

    def documents_by_ids(self, ids: list[str]) -> dict[str, DocumentRecord]:
        if not ids:
            return {}
        query = select(DocumentRow, SourceRow.name).join(SourceRow).where(DocumentRow.id.in_(ids))
        with self._sessions() as session:
            return {row.id: _document_record(row, name) for row, name in session.execute(query)}

    def count_documents(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0


def _fill_document(
    row: DocumentRow, document: NewDocument, sha256: str, content_hash: str, now: datetime
) -> None:
    row.external_id = document.external_id
    row.source_sha256 = sha256
    row.ordinal = document.ordinal
    row.kind = document.kind
    row.title = document.title
    row.doc_type = document.doc_type
    row.municipality = document.municipality
    row.url = document.url
    row.format = document.format
    row.text = document.text
    row.start = document.start
    row.end = document.end
    row.page_starts = list(document.page_starts)
    row.repair_log = list(document.repair_log)
    row.content_sha256 = content_hash
    row.updated_at = now


def _document_record(row: DocumentRow, source_name: str) -> DocumentRecord:
    return DocumentRecord(
        id=row.id, external_id=row.external_id, source_sha256=row.source_sha256,
        source_name=source_name, ordinal=row.ordinal, kind=row.kind, title=row.title,
        doc_type=row.doc_type, municipality=row.municipality, url=row.url, format=row.format,
        text=row.text, start=row.start, end=row.end, page_starts=list(row.page_starts or []),
        repair_log=list(row.repair_log or []), created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _source_record(row: SourceRow, document_count: int) -> SourceRecord:
    return SourceRecord(
        sha256=row.sha256, name=row.name, size=row.size, format=row.format, status=row.status,
        error=row.error, warnings=list(row.warnings or []), attempts=row.attempts,
        first_seen=row.first_seen, last_attempt=row.last_attempt, document_count=document_count,
    )
