"""The register: sources, the documents found in them, and their originals.

Every write is one transaction, so a crash or a bad file leaves the register as it
was before that file. Originals are stored before parsing starts.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Engine,
    Row,
    Select,
    bindparam,
    case,
    create_engine,
    delete,
    event,
    func,
    insert,
    literal,
    make_url,
    select,
    update,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from politikbase.store.blobs import BlobStore, sha256_of
from politikbase.store.corrections import COLUMN_FIELDS, check_correction
from politikbase.store.jobs import JobQueue
from politikbase.store.migrate import current_revision, upgrade_schema
from politikbase.store.records import (
    CorrectionRecord,
    DocumentRecord,
    FactValue,
    FiledDocument,
    LifecycleRecord,
    NewDocument,
    RelationRecord,
    SourceRecord,
)
from politikbase.store.schema import (
    CorrectionRow,
    DocumentRow,
    RelationRow,
    SourceRow,
)

REGISTER_FILE = "register.sqlite"
DATABASE_VARIABLE = "POLITIKBASE_DATABASE"
ORIGINALS_DIR = "originals"
MAX_KEYS_IN_QUERY = 500


@dataclass(slots=True)
class FilingResult:
    """What filing one source changed, so the index can follow."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # The added and updated documents as filed (corrections applied), so the index
    # can follow without reading them back.
    filed: list[FiledDocument] = field(default_factory=list)
    # Of those, the ones whose whole record is known without reading it back (the
    # new documents of a new file, which no correction concerns), by id.
    records: dict[str, DocumentRecord] = field(default_factory=dict)

    @property
    def to_index(self) -> list[str]:
        return self.added + self.updated


@dataclass(slots=True)
class LinkingRecord:
    """What linking reads of a document: its name, organisation, signature and facts.

    Linking runs after every ingest over the whole register, so it reads these few
    columns rather than whole documents (texts, repair logs, headings).
    """

    id: str
    title: str
    municipality: str | None
    text_signature: bytes | None
    # The text only when the register holds no signature for it, else "".
    text: str
    facts: dict[str, Any]  # with corrections applied, as `DocumentRecord.facts`
    extracted_evidence: dict[str, Any]
    corrected_fields: set[str]


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


def database_url(data_dir: Path, explicit: str | None = None) -> str:
    """Where the register's tables live: an explicit URL, else $POLITIKBASE_DATABASE,
    else a SQLite file in the data directory.

    PostgreSQL is reached through psycopg 3, so a plain postgresql:// URL names it.
    """
    url = explicit or os.environ.get(DATABASE_VARIABLE) or ""
    if not url:
        return f"sqlite:///{data_dir / REGISTER_FILE}"
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain):]
    return url


def register_exists(data_dir: Path, url: str | None = None) -> bool:
    """Whether a register was made there: its SQLite file, or its tables in the server."""
    resolved = database_url(data_dir, url)
    if make_url(resolved).get_backend_name() == "sqlite":
        return (data_dir / REGISTER_FILE).is_file()
    engine = create_engine(resolved, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return current_revision(connection) is not None
    finally:
        engine.dispose()


def open_engine(data_dir: Path, url: str | None = None) -> Engine:
    """The register's database, its schema migrated to the newest revision."""
    data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(database_url(data_dir, url))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _set_sqlite_pragmas)
    upgrade_schema(engine)
    return engine


class Register:
    """Originals as files in the data directory; tables in SQLite there or in a database
    named by URL (see `database_url`)."""

    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = data_dir
        self.engine = open_engine(data_dir, database_url)
        self.blobs = BlobStore(data_dir / ORIGINALS_DIR)
        self.jobs = JobQueue(self.engine)
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
            # A source seen for the first time has no documents yet (they refer to it).
            first_seen = source in session.new
            source.status = "ok"
            source.error = None
            source.warnings = list(warnings or [])
            previous: dict[str, DocumentRow] = {} if first_seen else {
                row.id: row
                for row in session.scalars(
                    select(DocumentRow).where(DocumentRow.source_sha256 == sha256)
                )
            }
            kept: set[str] = set()
            # Most registers have no corrections at all; then there is nothing to claim.
            any_corrections = session.scalar(select(CorrectionRow.id).limit(1)) is not None
            # New documents of a new file, the usual case, are inserted in one statement.
            inserted: list[dict[str, Any]] = []
            for document in documents:
                content_hash = _content_hash(document)
                row = None
                if document.external_id is not None:
                    row = session.scalar(
                        select(DocumentRow).where(DocumentRow.external_id == document.external_id)
                    )
                if row is None:
                    row = previous.get(f"{sha256[:12]}-{document.ordinal}")
                if row is None and document.external_id is None and not any_corrections:
                    identifier = f"{sha256[:12]}-{document.ordinal}"
                    inserted.append(
                        _document_values(identifier, document, sha256, content_hash, now)
                    )
                    result.added.append(identifier)
                    kept.add(identifier)
                    result.filed.append(_filed(identifier, document))
                    result.records[identifier] = _new_record(
                        identifier, document, sha256, source.name, now
                    )
                    continue
                if row is None:
                    row = DocumentRow(
                        id=f"{sha256[:12]}-{document.ordinal}", created_at=now,
                        content_sha256="",
                    )
                    session.add(row)
                    result.added.append(row.id)
                    changed = True
                elif row.content_sha256 == content_hash:
                    result.unchanged.append(row.id)
                    changed = False
                else:
                    result.updated.append(row.id)
                    changed = True
                _fill_document(row, document, sha256, content_hash, now)
                if any_corrections:
                    # The lookups must not flush the rows filed so far one by one.
                    with session.no_autoflush:
                        claimed = self._claim_corrections(session, row, name)
                    _apply_corrections(row, claimed)
                kept.add(row.id)
                if changed:
                    result.filed.append(
                        FiledDocument(
                            id=row.id, ordinal=row.ordinal, title=row.title,
                            doc_type=row.doc_type, municipality=row.municipality, text=row.text,
                            page_starts=list(row.page_starts or []),
                        )
                    )
            if inserted:
                session.execute(insert(DocumentRow.__table__), inserted)
            for stale_id, stale in previous.items():
                if stale_id not in kept:
                    session.delete(stale)
                    result.removed.append(stale_id)
        return result

    def _claim_corrections(
        self, session: Session, row: DocumentRow, source_name: str
    ) -> list[CorrectionRow]:
        """The corrections of a document being filed, found again after a changed source.

        A correction is keyed by the public id. A document without an external id gets
        a new register id when its file changes, so the corrections made to the
        document of the same file name and extracted title are carried over to it.
        """
        key = row.external_id or row.id
        found = list(
            session.scalars(
                select(CorrectionRow).where(CorrectionRow.document_key == key)
                .order_by(CorrectionRow.id)
            )
        )
        if found or row.external_id is not None:
            return found
        extracted_title = str((row.facts or {}).get("title") or row.title)
        earlier = session.scalars(
            select(CorrectionRow).where(
                CorrectionRow.source_name == source_name,
                CorrectionRow.extracted_title == extracted_title,
            ).order_by(CorrectionRow.id)
        )
        carried = [
            CorrectionRow(
                document_key=key, source_name=source_name, extracted_title=extracted_title,
                field=correction.field, value=correction.value, author=correction.author,
                note=correction.note, created_at=correction.created_at,
            )
            for correction in earlier
        ]
        session.add_all(carried)
        return carried

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
        # Documents without an organisation come first on every database (PostgreSQL
        # would put them last).
        query = query.order_by(
            DocumentRow.municipality.asc().nulls_first(), DocumentRow.title, DocumentRow.id
        )
        with self._sessions() as session:
            return self._records(session, [(row, name) for row, name in session.execute(query)])

    def iter_documents(self, batch_size: int = 500) -> Iterator[DocumentRecord]:
        """Every document, streamed in batches (for reindexing a large register)."""
        query = _record_rows().order_by(DocumentRow.id).execution_options(yield_per=batch_size)
        with self._sessions() as session:
            # Corrections are few (people make them): all of them are read at once.
            corrections = _corrections_for(session, None)
            for row in session.execute(query):
                key = row.external_id or row.id
                yield _document_record(row, row.source_name, corrections.get(key, []))

    def linking_records(self) -> list[LinkingRecord]:
        """Every document as linking needs it, in id order (as `iter_documents`)."""
        documents = DocumentRow.__table__
        query = (
            select(
                documents.c.id, documents.c.external_id, documents.c.title,
                documents.c.municipality, documents.c.text_signature,
                case(
                    (documents.c.text_signature.is_(None), documents.c.text),
                    else_=literal(""),
                ),
                documents.c.facts,
            )
            .join(SourceRow.__table__)
            .order_by(documents.c.id)
        )
        records: list[LinkingRecord] = []
        with self._sessions() as session:
            corrections = _corrections_for(session, None)
            for identifier, external_id, title, municipality, signature, text, facts in (
                session.execute(query)
            ):
                public_id = external_id or identifier
                extracted = dict(facts or {})
                merged = dict(extracted)
                corrected: set[str] = set()
                for correction in corrections.get(public_id, []):
                    merged[correction.field] = correction.value
                    corrected.add(correction.field)
                merged["id"] = public_id
                records.append(
                    LinkingRecord(
                        id=identifier, title=title, municipality=municipality,
                        text_signature=signature, text=text or "", facts=merged,
                        extracted_evidence=dict(extracted.get("evidence") or {}),
                        corrected_fields=corrected,
                    )
                )
        return records

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
                    return self._records(session, [(found[0], found[1])])[0]
            matches = session.execute(
                select(DocumentRow, SourceRow.name).join(SourceRow)
                .where(DocumentRow.id.startswith(identifier, autoescape=True)).limit(2)
            ).all()
            if len(matches) != 1:
                return None
            return self._records(session, [(matches[0][0], matches[0][1])])[0]

    def documents_by_ids(self, ids: list[str]) -> dict[str, DocumentRecord]:
        if not ids:
            return {}
        query = _record_rows().where(DocumentRow.id.in_(ids))
        with self._sessions() as session:
            rows = list(session.execute(query))
            keys = {row.external_id or row.id for row in rows}
            corrections = _corrections_for(session, keys)
            return {
                row.id: _document_record(
                    row, row.source_name, corrections.get(row.external_id or row.id, [])
                )
                for row in rows
            }

    def count_documents(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(DocumentRow)) or 0

    # -- corrections -----------------------------------------------------------

    def correct(
        self, identifier: str, field_name: str, value: FactValue, *, author: str,
        note: str | None = None,
    ) -> DocumentRecord:
        """Keep a person's correction of one fact; it wins over extraction from now on.

        Raises KeyError for an unknown document and ValueError for a bad field or value.
        """
        record = self.document(identifier)
        if record is None:
            raise KeyError(identifier)
        value = check_correction(field_name, value)
        with self._sessions.begin() as session:
            row = session.get(DocumentRow, record.id)
            assert row is not None
            # The title as extracted, before any correction of it, finds the document
            # again after its file changes (see `_claim_corrections`).
            earlier = session.scalar(
                select(CorrectionRow.extracted_title)
                .where(CorrectionRow.document_key == record.public_id).limit(1)
            )
            extracted_title = earlier or str(record.extracted_facts.get("title") or record.title)
            correction = CorrectionRow(
                document_key=record.public_id, source_name=record.source_name,
                extracted_title=extracted_title,
                field=field_name, value=value, author=author, note=note, created_at=_now(),
            )
            session.add(correction)
            _apply_corrections(row, [correction])
        corrected = self.document(record.id)
        assert corrected is not None
        return corrected

    # -- policies, versions and relations ----------------------------------------

    def set_links(
        self, policy_ids: dict[str, str], relations: dict[str, list[RelationRecord]]
    ) -> None:
        """Replace the version groups and the resolved relations (one transaction).

        Only documents whose policy changed are written: after an ingest most
        documents keep the policy they had.
        """
        documents = DocumentRow.__table__
        with self._sessions.begin() as session:
            current = session.execute(select(documents.c.id, documents.c.policy_id))
            changed = [
                {"document_id": document_id, "policy": policy_ids.get(document_id)}
                for document_id, policy_id in current
                if policy_ids.get(document_id) != policy_id
            ]
            if changed:
                # One statement executed for many rows (executemany), not one per row.
                session.execute(
                    update(documents)
                    .where(documents.c.id == bindparam("document_id"))
                    .values(policy_id=bindparam("policy"))
                    .execution_options(synchronize_session=False),
                    changed,
                )
            session.execute(delete(RelationRow))
            rows = [
                {
                    "document_id": document_id, "kind": relation.kind, "name": relation.name,
                    "target_id": relation.target_id, "evidence": relation.evidence,
                }
                for document_id, items in relations.items()
                for relation in items
            ]
            if rows:
                session.execute(insert(RelationRow.__table__), rows)

    def versions(self, record: DocumentRecord) -> list[DocumentRecord]:
        """The documents grouped with `record` as versions of one policy (itself included)."""
        if record.policy_id is None:
            return [record]
        query = (
            select(DocumentRow, SourceRow.name).join(SourceRow)
            .where(DocumentRow.policy_id == record.policy_id).order_by(DocumentRow.id)
        )
        with self._sessions() as session:
            return self._records(session, [(row, name) for row, name in session.execute(query)])

    def relations(self, document_id: str) -> list[RelationRecord]:
        with self._sessions() as session:
            rows = [
                (row, title)
                for row, title in session.execute(
                    select(RelationRow, DocumentRow.title)
                    .outerjoin(DocumentRow, DocumentRow.id == RelationRow.target_id)
                    .where(RelationRow.document_id == document_id).order_by(RelationRow.id)
                )
            ]
        return [
            RelationRecord(row.kind, row.name, row.target_id, title, row.evidence)
            for row, title in rows
        ]

    def replaced_ids(self) -> set[str]:
        """Documents another document says it replaces (resolved relations)."""
        with self._sessions() as session:
            return set(
                session.scalars(
                    select(RelationRow.target_id).where(
                        RelationRow.kind == "replaces", RelationRow.target_id.is_not(None)
                    )
                )
            )

    def _records(
        self, session: Session, rows: list[tuple[DocumentRow, str]]
    ) -> list[DocumentRecord]:
        keys = {row.external_id or row.id for row, _ in rows}
        corrections = _corrections_for(session, keys)
        return [
            _document_record(row, name, corrections.get(row.external_id or row.id, []))
            for row, name in rows
        ]

    def relations_by_document(self) -> dict[str, list[RelationRecord]]:
        """Every stated relation, by the id of the document that states it (one query)."""
        found: dict[str, list[RelationRecord]] = {}
        with self._sessions() as session:
            for row, title in session.execute(
                select(RelationRow, DocumentRow.title)
                .outerjoin(DocumentRow, DocumentRow.id == RelationRow.target_id)
                .order_by(RelationRow.id)
            ):
                found.setdefault(row.document_id, []).append(
                    RelationRecord(row.kind, row.name, row.target_id, title, row.evidence)
                )
        return found


    def lifecycle_records(self) -> list[LifecycleRecord]:
        """Every document as the revision calendar's version rules need it (no text)."""
        documents = DocumentRow.__table__
        query = select(
            documents.c.id, documents.c.external_id, documents.c.policy_id,
            documents.c.doc_type, documents.c.created_at,
            func.length(documents.c.text), documents.c.facts,
        ).order_by(documents.c.id)
        records: list[LifecycleRecord] = []
        with self._sessions() as session:
            corrections = _corrections_for(session, None)
            for identifier, external_id, policy_id, doc_type, created, length, facts in (
                session.execute(query)
            ):
                merged = dict(facts or {})
                for correction in corrections.get(external_id or identifier, []):
                    merged[correction.field] = correction.value
                records.append(LifecycleRecord(
                    id=identifier, external_id=external_id, policy_id=policy_id,
                    doc_type=doc_type, created_at=created, text_length=length or 0,
                    merged_facts=merged,
                ))
        return records


def _document_values(
    identifier: str, document: NewDocument, sha256: str, content_hash: str, now: datetime
) -> dict[str, Any]:
    """The columns of a new document's row, as `_fill_document` fills them."""
    return {
        "id": identifier, "external_id": document.external_id, "source_sha256": sha256,
        "ordinal": document.ordinal, "kind": document.kind, "title": document.title,
        "doc_type": document.doc_type, "municipality": document.municipality,
        "url": document.url, "format": document.format, "text": document.text,
        "content_sha256": content_hash, "start": document.start, "end": document.end,
        "page_starts": list(document.page_starts), "repair_log": list(document.repair_log),
        "facts": dict(document.facts), "headings": list(document.headings),
        "text_signature": document.text_signature, "policy_id": None,
        "created_at": now, "updated_at": now,
    }


def _new_record(
    identifier: str, document: NewDocument, sha256: str, source_name: str, now: datetime
) -> DocumentRecord:
    """The record of a new document, as reading its row back would give it."""
    return DocumentRecord(
        id=identifier, external_id=document.external_id, source_sha256=sha256,
        source_name=source_name, ordinal=document.ordinal, kind=document.kind,
        title=document.title, doc_type=document.doc_type, municipality=document.municipality,
        url=document.url, format=document.format, text=document.text, start=document.start,
        end=document.end, page_starts=list(document.page_starts),
        repair_log=list(document.repair_log), created_at=now, updated_at=now,
        extracted_facts=dict(document.facts), corrections=[],
        headings=list(document.headings), text_signature=document.text_signature,
        policy_id=None,
    )


def _filed(identifier: str, document: NewDocument) -> FiledDocument:
    return FiledDocument(
        id=identifier, ordinal=document.ordinal, title=document.title,
        doc_type=document.doc_type, municipality=document.municipality, text=document.text,
        page_starts=list(document.page_starts),
    )


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
    row.facts = dict(document.facts)
    row.headings = list(document.headings)
    row.text_signature = document.text_signature
    row.content_sha256 = content_hash
    row.updated_at = now


def _corrections_for(
    session: Session, keys: set[str] | None
) -> dict[str, list[CorrectionRecord]]:
    """Corrections by document key, oldest first (`keys` None: all of them)."""
    # Plain rows, not ORM objects: this runs on every read of documents (searches too).
    table = CorrectionRow.__table__
    query = select(
        table.c.document_key, table.c.field, table.c.value, table.c.author, table.c.note,
        table.c.created_at,
    ).order_by(table.c.id)
    # For a long list of documents it is cheaper to read every correction.
    if keys is not None and len(keys) <= MAX_KEYS_IN_QUERY:
        if not keys:
            return {}
        query = query.where(table.c.document_key.in_(sorted(keys)))
    found: dict[str, list[CorrectionRecord]] = {}
    for key, field_name, value, author, note, created_at in session.execute(query):
        found.setdefault(key, []).append(
            CorrectionRecord(field_name, value, author, note, created_at)
        )
    return found


def _apply_corrections(row: DocumentRow, corrections: list[CorrectionRow]) -> None:
    """Corrected title, kind and organisation go into the columns lists and filters read."""
    for correction in corrections:
        if correction.field in COLUMN_FIELDS:
            value = correction.value
            if correction.field == "municipality":
                row.municipality = value or None
            elif value:
                setattr(row, correction.field, value)


def _record_rows() -> Select[Any]:
    """A document's columns and its source's name, as plain rows: reading many documents
    this way skips building (and tracking) an ORM object for each."""
    documents, sources = DocumentRow.__table__, SourceRow.__table__
    return select(documents, sources.c.name.label("source_name")).join_from(documents, sources)


def _document_record(
    row: DocumentRow | Row[Any], source_name: str,
    corrections: list[CorrectionRecord] | None = None,
) -> DocumentRecord:
    return DocumentRecord(
        id=row.id, external_id=row.external_id, source_sha256=row.source_sha256,
        source_name=source_name, ordinal=row.ordinal, kind=row.kind, title=row.title,
        doc_type=row.doc_type, municipality=row.municipality, url=row.url, format=row.format,
        text=row.text, start=row.start, end=row.end, page_starts=list(row.page_starts or []),
        repair_log=list(row.repair_log or []), created_at=row.created_at,
        updated_at=row.updated_at, extracted_facts=dict(row.facts or {}),
        corrections=list(corrections or []), headings=list(row.headings or []),
        text_signature=row.text_signature,
        policy_id=row.policy_id,
    )


def _source_record(row: SourceRow, document_count: int) -> SourceRecord:
    return SourceRecord(
        sha256=row.sha256, name=row.name, size=row.size, format=row.format, status=row.status,
        error=row.error, warnings=list(row.warnings or []), attempts=row.attempts,
        first_seen=row.first_seen, last_attempt=row.last_attempt, document_count=document_count,
    )
