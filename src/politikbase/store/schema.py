"""The register's tables (SQLAlchemy), the same on SQLite and PostgreSQL.

Migrations (store/migrations) create and change them; a change here needs a new
revision there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SourceRow(Base):
    """A stored original file and what became of it."""

    __tablename__ = "sources"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(1024))
    size: Mapped[int] = mapped_column(Integer)
    format: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)  # "ok" | "failed"
    error: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_seen: Mapped[datetime] = mapped_column(DateTime)
    last_attempt: Mapped[datetime] = mapped_column(DateTime)


class DocumentRow(Base):
    """One document found in a source: its repaired text and basic facts."""

    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(256), unique=True)
    source_sha256: Mapped[str] = mapped_column(ForeignKey("sources.sha256"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    doc_type: Mapped[str] = mapped_column(String(32), index=True)
    municipality: Mapped[str | None] = mapped_column(String(128), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    # Where the segment lies in the repaired text of its extracted document.
    start: Mapped[int] = mapped_column(Integer, default=0)
    end: Mapped[int] = mapped_column(Integer, default=0)
    page_starts: Mapped[list[int]] = mapped_column(JSON, default=list)
    repair_log: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    # The analysis as extracted (DocumentFacts.as_json()); corrections are kept apart.
    facts: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)
    headings: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    text_signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    # The policy this document is a version of (the id of the group's first document).
    policy_id: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class CorrectionRow(Base):
    """A person's correction of a fact.

    Keyed by the document's public id (its external id, else its register id), so it
    survives re-ingest; the source name and extracted title find the document again
    when a changed file gives it a new register id.
    """

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_key: Mapped[str] = mapped_column(String(256), index=True)
    source_name: Mapped[str] = mapped_column(String(1024))
    extracted_title: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[Any] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class RelationRow(Base):
    """A relation a document states (replaces, based_on, related_to), resolved if possible."""

    __tablename__ = "relations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    target_id: Mapped[str | None] = mapped_column(String(64), index=True)
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class IngestJobRow(Base):
    """An ingest that runs in the background (`politikbase.jobs`), kept until done.

    A job is claimed by one runner at a time: `runner` names it ("host:pid") and
    `heartbeat_at` is renewed while it works, so a job whose runner died (a crash, a
    restart of the service) is taken up again by the next runner.
    """

    __tablename__ = "ingest_jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    state: Mapped[str] = mapped_column(String(16), index=True)  # see store.jobs
    origin: Mapped[str] = mapped_column(String(16))  # "upload" | "paths"
    retry_failed: Mapped[bool] = mapped_column(Boolean, default=False)
    runner: Mapped[str | None] = mapped_column(String(256))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Times a runner took the job up since it last finished a file: a job that stops
    # its runner again and again is failed, while restarts during a long job are not
    # held against it.
    starts_without_progress: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class IngestJobFileRow(Base):
    """One file of a job: an uploaded original (by its SHA-256) or a path on the server,
    and once it is done, what became of it."""

    __tablename__ = "ingest_job_files"

    job_id: Mapped[str] = mapped_column(
        ForeignKey("ingest_jobs.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(1024))
    sha256: Mapped[str | None] = mapped_column(String(64))
    path: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(16))  # None until done
    documents: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
