"""Does the index agree with the register, and is the register sound?

The register is the truth: an index that lacks a document, or still holds one the
register no longer has (after a crash between filing and indexing, say), is repaired
from it. Originals and the database file cannot be repaired from anything here;
they are reported, and a backup restores them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, select, text

from politikbase.index import SearchIndex
from politikbase.indexing import index_document, sync_links
from politikbase.store import Register
from politikbase.store.schema import Base, DocumentRow, SourceRow

CHUNK_BYTES = 1024 * 1024
REINDEX_BATCH = 200


@dataclass(slots=True)
class CheckReport:
    documents: int = 0  # in the register
    indexed: int = 0  # records in the index
    passages: int = 0
    originals: int = 0  # originals checked
    missing_from_index: list[str] = field(default_factory=list)
    orphaned_in_index: list[str] = field(default_factory=list)
    missing_originals: list[str] = field(default_factory=list)
    damaged_originals: list[str] = field(default_factory=list)
    database_problems: list[str] = field(default_factory=list)
    repaired: bool = False

    @property
    def ok(self) -> bool:
        return not (
            self.missing_from_index or self.orphaned_in_index or self.missing_originals
            or self.damaged_originals or self.database_problems
        )

    @property
    def index_agrees(self) -> bool:
        return not (self.missing_from_index or self.orphaned_in_index)

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "documents": self.documents, "indexed": self.indexed,
            "passages": self.passages, "originals": self.originals,
            "missing_from_index": self.missing_from_index,
            "orphaned_in_index": self.orphaned_in_index,
            "missing_originals": self.missing_originals,
            "damaged_originals": self.damaged_originals,
            "database_problems": self.database_problems, "repaired": self.repaired,
        }


def _file_sha256(handle: Any) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK_BYTES):
        digest.update(chunk)
    return digest.hexdigest()


def _database_problems(register: Register) -> list[str]:
    """What the database's own checks find: on SQLite damaged pages or indexes and
    broken references; elsewhere (the server guards its pages) broken references."""
    with register.engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            return _missing_references(connection)
        found = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        problems = [line for line in found if line != "ok"]
        for table, rowid, parent, _ in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"row {rowid} of {table} refers to a missing row of {parent}")
    return problems


def _missing_references(connection: Connection) -> list[str]:
    """Rows whose foreign key names no row, found by query (as SQLite's foreign_key_check,
    for a database whose constraints were dropped or deferred at some point)."""
    problems: list[str] = []
    for table in Base.metadata.sorted_tables:
        key = next(iter(table.primary_key.columns))
        for constraint in table.foreign_key_constraints:
            parent = constraint.referred_table
            pairs = [(element.parent, element.column) for element in constraint.elements]
            query = (
                select(key)
                .select_from(table.outerjoin(parent, and_(*(c == p for c, p in pairs))))
                .where(
                    and_(*(c.is_not(None) for c, _ in pairs)),
                    pairs[0][1].is_(None),
                )
                .order_by(key)
            )
            for identifier in connection.scalars(query):
                problems.append(
                    f"row {identifier} of {table.name} refers to a missing row of {parent.name}"
                )
    return problems


def compare_index(register: Register, index: SearchIndex) -> CheckReport:
    """Only the comparison of record ids: cheap enough to run before every ingest."""
    report = CheckReport()
    with register.engine.connect() as connection:
        register_ids = set(connection.scalars(select(DocumentRow.__table__.c.id)))
    indexed = index.indexed_record_ids()
    report.documents, report.indexed = len(register_ids), len(indexed)
    report.passages = sum(indexed.values())
    report.missing_from_index = sorted(register_ids - indexed.keys())
    report.orphaned_in_index = sorted(indexed.keys() - register_ids)
    return report


def check_register(register: Register, index: SearchIndex) -> CheckReport:
    """Compare the index's record ids with the register's, and verify every original
    against its SHA-256 and the database against its own checks."""
    report = compare_index(register, index)
    sources = SourceRow.__table__
    with register.engine.connect() as connection:
        original_ids = list(connection.scalars(select(sources.c.sha256).order_by(sources.c.sha256)))
    for sha256 in original_ids:
        try:
            with register.blobs.path_for(sha256).open("rb") as handle:
                if _file_sha256(handle) != sha256:
                    report.damaged_originals.append(sha256)
        except FileNotFoundError:
            report.missing_originals.append(sha256)
        report.originals += 1
    report.database_problems = _database_problems(register)
    return report


def repair_index(register: Register, index: SearchIndex, report: CheckReport) -> None:
    """Index what the index lacks and delete what the register no longer holds."""
    for orphan in report.orphaned_in_index:
        index.delete(orphan)
    missing = report.missing_from_index
    for start in range(0, len(missing), REINDEX_BATCH):
        records = register.documents_by_ids(missing[start : start + REINDEX_BATCH])
        for record in records.values():
            index.add(index_document(record))
    index.commit()
    # Re-added documents are indexed as policies of their own; their versions and
    # lifecycle come back from the register's links.
    sync_links(register, index, missing)
    report.repaired = True
