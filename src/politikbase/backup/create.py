"""Writing a backup: the register's rows read through SQLAlchemy, and the originals.

Rows are read in one read transaction, so a backup taken while an ingest runs is one
consistent state of the register; originals are never changed once written, so
reading them afterwards is safe. Nothing is held in memory whole: rows go out in
batches and originals in chunks.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import Connection, Engine, Table, create_engine, event, select

from politikbase.backup.archive import (
    CHUNK_BYTES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    ROWS_PER_BATCH,
    HashingWriter,
    encode_value,
    original_member,
    table_columns,
    table_member,
)
from politikbase.store import Register
from politikbase.store.schema import Base, IngestJobFileRow, SourceRow

# Originals in these formats are compressed already; deflating them again costs time
# and saves nothing.
STORED_FORMATS = frozenset({"pdf", "docx"})


@dataclass(slots=True)
class BackupSummary:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    originals: int = 0
    original_bytes: int = 0
    archive_bytes: int = 0
    # Originals the register names but the data directory lacks, or holds with other
    # bytes than their SHA-256 says (kept as found, and named in the manifest).
    missing_originals: list[str] = field(default_factory=list)
    damaged_originals: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path), "rows": self.rows, "originals": self.originals,
            "original_bytes": self.original_bytes, "archive_bytes": self.archive_bytes,
            "missing_originals": self.missing_originals,
            "damaged_originals": self.damaged_originals,
        }


def _generator() -> str:
    try:
        return f"politikbase {version('politikbase')}"
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "politikbase"


@contextmanager
def _snapshot(engine: Engine) -> Any:
    """A connection that sees one state of the register for all its reads."""
    if engine.dialect.name != "sqlite":
        with engine.execution_options(isolation_level="REPEATABLE READ").begin() as connection:
            yield connection
        return
    # Python's sqlite3 starts no transaction for reads, so each SELECT would see the
    # latest commit; an explicit BEGIN holds one snapshot (WAL lets writers go on).
    snapshot = create_engine(engine.url)

    def no_implicit_transactions(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.isolation_level = None

    def begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN")

    event.listen(snapshot, "connect", no_implicit_transactions)
    event.listen(snapshot, "begin", begin)
    try:
        with snapshot.begin() as connection:
            yield connection
    finally:
        snapshot.dispose()


def _member_info(name: str, stamp: tuple[int, ...], compress_type: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp[:6])
    info.compress_type = compress_type
    info.external_attr = 0o644 << 16  # a plain readable file when unpacked by hand
    return info


def _write_table(
    archive: zipfile.ZipFile, connection: Connection, table: Table, stamp: tuple[int, ...]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Write a table's rows as JSON Lines; its manifest entries (table, member)."""
    columns = table_columns(table)
    name = table_member(table.name)
    info = _member_info(name, stamp, zipfile.ZIP_DEFLATED)
    rows = 0
    query = select(table).order_by(*table.primary_key.columns)
    result = connection.execution_options(yield_per=ROWS_PER_BATCH).execute(query)
    with archive.open(info, "w", force_zip64=True) as stream:
        out = HashingWriter(stream)
        for batch in result.partitions():
            lines = []
            for row in batch:
                values = row._mapping
                encoded = {
                    column["name"]: encode_value(values[column["name"]], column["encoding"])
                    for column in columns
                }
                lines.append(json.dumps(encoded, ensure_ascii=False, separators=(",", ":")))
            rows += len(lines)
            out.write(("\n".join(lines) + "\n").encode("utf-8"))
    return (
        {"member": name, "rows": rows, "columns": columns},
        {"sha256": out.sha256, "size": out.size},
    )


def _copy_original(source: BinaryIO, out: HashingWriter) -> None:
    while chunk := source.read(CHUNK_BYTES):
        out.write(chunk)


def _write_originals(
    archive: zipfile.ZipFile, register: Register, sources: list[tuple[str, str | None]],
    stamp: tuple[int, ...], summary: BackupSummary, members: dict[str, Any],
) -> None:
    for sha256, file_format in sources:
        path = register.blobs.path_for(sha256)
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            summary.missing_originals.append(sha256)
            continue
        stored = file_format in STORED_FORMATS
        compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info = _member_info(original_member(sha256), stamp, compress_type)
        with handle, archive.open(info, "w", force_zip64=True) as stream:
            out = HashingWriter(stream)
            _copy_original(handle, out)
        if out.sha256 != sha256:
            summary.damaged_originals.append(sha256)
        members[info.filename] = {"sha256": out.sha256, "size": out.size}
        summary.originals += 1
        summary.original_bytes += out.size


def write_backup(register: Register, target: Path) -> BackupSummary:
    """Write the whole register (rows and originals) as one archive at `target`.

    The archive is written beside the target and moved into place when complete, so
    an interrupted backup never leaves a partial archive under the target's name.
    """
    target = Path(target)
    summary = BackupSummary(path=target)
    created = datetime.now(UTC)
    stamp = tuple(created.timetuple())
    manifest: dict[str, Any] = {
        "format": FORMAT_NAME, "format_version": FORMAT_VERSION,
        "created_at": created.isoformat(), "generator": _generator(),
    }
    tables: dict[str, Any] = {}
    members: dict[str, Any] = {}
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", allowZip64=True) as archive:
            with _snapshot(register.engine) as connection:
                for table in Base.metadata.sorted_tables:
                    entry, member = _write_table(archive, connection, table, stamp)
                    tables[table.name] = entry
                    members[entry["member"]] = member
                    summary.rows[table.name] = entry["rows"]
                sources = SourceRow.__table__
                listed = connection.execute(
                    select(sources.c.sha256, sources.c.format).order_by(sources.c.sha256)
                )
                originals = [(sha256, file_format) for sha256, file_format in listed]
                # Uploads waiting in a job are not sources yet; kept, the job runs after
                # a restore as it would have here.
                filed = {sha256 for sha256, _ in originals}
                waiting = connection.scalars(
                    select(IngestJobFileRow.sha256).distinct()
                    .where(IngestJobFileRow.sha256.is_not(None))
                    .order_by(IngestJobFileRow.sha256)
                )
                originals += [(sha256, None) for sha256 in waiting if sha256 not in filed]
            _write_originals(archive, register, originals, stamp, summary, members)
            manifest["tables"] = tables
            manifest["originals"] = {
                "count": summary.originals, "bytes": summary.original_bytes,
                "missing": summary.missing_originals, "damaged": summary.damaged_originals,
            }
            manifest["members"] = members
            info = _member_info(MANIFEST, stamp, zipfile.ZIP_DEFLATED)
            archive.writestr(info, json.dumps(manifest, ensure_ascii=False, indent=1))
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    summary.archive_bytes = target.stat().st_size
    return summary

