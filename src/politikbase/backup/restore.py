"""Restoring a backup: every checksum verified first, then a fresh register built.

A restore never works in the target directly: the register, originals and index are
built in a folder beside it and moved into place only when complete, so a damaged
archive or a failure half-way leaves the target as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, make_url, select, text

from politikbase.backup.archive import (
    CHUNK_BYTES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    ORIGINAL_MEMBER,
    ROWS_PER_BATCH,
    ArchiveError,
    HashingWriter,
    autoincrement_keys,
    decode_value,
)
from politikbase.ingest import reindex
from politikbase.service import INDEX_DIR, Service
from politikbase.store import Register
from politikbase.store import register as register_module
from politikbase.store.register import ORIGINALS_DIR, REGISTER_FILE
from politikbase.store.schema import Base

# What a data directory holds; `--force` replaces these and leaves anything else.
DATA_DIR_ENTRIES = (
    REGISTER_FILE, f"{REGISTER_FILE}-wal", f"{REGISTER_FILE}-shm", ORIGINALS_DIR, INDEX_DIR,
)
# Reading a damaged zip member raises one of these (bad CRC, broken deflate stream, ...).
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError)


class TargetNotEmpty(Exception):
    """The data directory to restore into already holds something."""


@dataclass(slots=True)
class RestoreSummary:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    originals: int = 0
    indexed: int = 0
    missing_originals: list[str] = field(default_factory=list)
    damaged_originals: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path), "rows": self.rows, "originals": self.originals,
            "indexed": self.indexed, "missing_originals": self.missing_originals,
            "damaged_originals": self.damaged_originals,
        }


class BackupReader:
    """An opened archive whose manifest has been read and checked for form."""

    def __init__(self, archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
        self.archive = archive
        self.manifest = manifest

    @property
    def members(self) -> dict[str, dict[str, Any]]:
        return self.manifest["members"]  # type: ignore[no-any-return]

    @property
    def tables(self) -> dict[str, dict[str, Any]]:
        return self.manifest["tables"]  # type: ignore[no-any-return]

    def verify(self) -> None:
        """Read every member and compare its SHA-256, size and row count with the
        manifest; ArchiveError on the first difference."""
        present = set(self.archive.namelist()) - {MANIFEST}
        listed = set(self.members)
        missing = sorted(listed - present)
        if missing:
            raise ArchiveError(
                f"the archive is incomplete: {len(missing)} member(s) missing, "
                f"first {missing[0]}"
            )
        extra = sorted(present - listed)
        if extra:
            raise ArchiveError(f"the archive holds a member its manifest does not list: {extra[0]}")
        rows = {entry["member"]: entry["rows"] for entry in self.tables.values()}
        for name, expected in sorted(self.members.items()):
            digest, size, lines = self._measure(name)
            if digest != expected["sha256"] or size != expected["size"]:
                raise ArchiveError(f"the archive is damaged: {name} does not match its checksum")
            if name in rows and lines != rows[name]:
                raise ArchiveError(
                    f"the archive is damaged: {name} holds {lines} rows, its manifest says "
                    f"{rows[name]}"
                )

    def _measure(self, name: str) -> tuple[str, int, int]:
        lines = 0
        try:
            with self.archive.open(name) as member:
                sink = HashingWriter(_Discard())
                while chunk := member.read(CHUNK_BYTES):
                    sink.write(chunk)
                    lines += chunk.count(b"\n")
        except _READ_ERRORS as error:
            raise ArchiveError(f"the archive is damaged: cannot read {name} ({error})") from error
        return sink.sha256, sink.size, lines

    def rows(self, table_name: str) -> Iterator[list[dict[str, Any]]]:
        """The table's rows, decoded, in batches."""
        entry = self.tables[table_name]
        encodings = {column["name"]: column["encoding"] for column in entry["columns"]}
        batch: list[dict[str, Any]] = []
        try:
            with self.archive.open(entry["member"]) as member:
                for line in member:
                    raw = json.loads(line)
                    batch.append(
                        {name: decode_value(raw.get(name), encodings[name]) for name in encodings}
                    )
                    if len(batch) >= ROWS_PER_BATCH:
                        yield batch
                        batch = []
        except _READ_ERRORS as error:
            raise ArchiveError(f"the archive is damaged: {entry['member']} ({error})") from error
        if batch:
            yield batch

    def originals(self) -> Iterator[tuple[str, str]]:
        """(member name, SHA-256 the original is kept under) for every original."""
        for name in sorted(self.members):
            found = ORIGINAL_MEMBER.fullmatch(name)
            if found:
                yield name, found.group(1)


class _Discard:
    def write(self, data: bytes) -> int:
        return len(data)


def _check_manifest(manifest: Any) -> None:
    try:
        _check_manifest_entries(manifest)
    except (KeyError, TypeError, AttributeError) as error:
        raise ArchiveError(f"the backup's manifest is malformed ({error!r})") from error


def _check_manifest_entries(manifest: Any) -> None:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise ArchiveError("not a politikbase backup (its manifest names another format)")
    found = manifest.get("format_version")
    if found != FORMAT_VERSION:
        raise ArchiveError(
            f"the backup has format version {found!r}; this politikbase reads version "
            f"{FORMAT_VERSION}"
        )
    for key in ("tables", "members", "originals"):
        if not isinstance(manifest.get(key), dict):
            raise ArchiveError(f"the backup's manifest lacks its {key!r} entry")
    known = Base.metadata.tables
    for table_name, entry in manifest["tables"].items():
        if table_name not in known:
            raise ArchiveError(f"the backup holds a table this politikbase does not know: "
                               f"{table_name}")
        columns = {column.name for column in known[table_name].columns}
        unknown = [c["name"] for c in entry["columns"] if c["name"] not in columns]
        if unknown:
            raise ArchiveError(
                f"the backup's table {table_name} has columns this politikbase does not know: "
                f"{', '.join(unknown)}"
            )
        if entry["member"] not in manifest["members"]:
            raise ArchiveError(f"the backup's manifest lists no checksum for {entry['member']}")


@contextmanager
def open_backup(path: Path) -> Iterator[BackupReader]:
    """Open an archive and read its manifest (ArchiveError when it is not a backup
    this version can restore)."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError as error:
        raise ArchiveError(f"no such archive: {path}") from error
    except _READ_ERRORS as error:
        raise ArchiveError(f"not a readable backup archive: {path} ({error})") from error
    with archive:
        try:
            manifest = json.loads(archive.read(MANIFEST))
        except KeyError as error:
            raise ArchiveError(
                "not a politikbase backup, or a damaged one: the archive has no manifest"
            ) from error
        except _READ_ERRORS as error:
            raise ArchiveError(f"the archive's manifest cannot be read ({error})") from error
        _check_manifest(manifest)
        yield BackupReader(archive, manifest)


def _insert_rows(connection: Connection, table: Table, reader: BackupReader) -> int:
    count = 0
    for batch in reader.rows(table.name):
        connection.execute(insert(table), batch)
        count += len(batch)
    # Rows came with their numbers; a database with sequences must continue after them.
    if connection.dialect.name == "postgresql":
        for column in autoincrement_keys(table):
            highest = connection.scalar(select(func.max(column)))
            if highest is not None:
                connection.execute(
                    text("SELECT setval(pg_get_serial_sequence(:table, :column), :value)"),
                    {"table": table.name, "column": column.name, "value": highest},
                )
    return count


def _write_original(reader: BackupReader, member: str, path: Path) -> None:
    """Stream a member to its place in the original store (atomically, as the store does)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out, reader.archive.open(member) as source:
            shutil.copyfileobj(source, out, CHUNK_BYTES)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except _READ_ERRORS as error:
        Path(temporary).unlink(missing_ok=True)
        raise ArchiveError(f"the archive is damaged: cannot read {member} ({error})") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def restore_register(reader: BackupReader, register: Register) -> RestoreSummary:
    """Fill an empty register from a verified archive: originals, then every table's
    rows in one transaction. The index is not touched (see `restore_data_dir`)."""
    summary = RestoreSummary(path=register.data_dir)
    with register.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if connection.scalar(select(func.count()).select_from(table)):
                raise TargetNotEmpty(f"the register's table {table.name} is not empty")
    for member, sha256 in reader.originals():
        _write_original(reader, member, register.blobs.path_for(sha256))
        summary.originals += 1
    with register.engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in reader.tables:
                summary.rows[table.name] = _insert_rows(connection, table, reader)
    originals = reader.manifest["originals"]
    summary.missing_originals = list(originals.get("missing", []))
    summary.damaged_originals = list(originals.get("damaged", []))
    return summary


def _is_empty(folder: Path) -> bool:
    return not folder.exists() or not any(folder.iterdir())


def _move_into_place(staging: Path, target: Path) -> None:
    # The target is made here rather than renamed from the staging folder, so it gets
    # ordinary permissions (a temporary folder is private to its owner).
    target.mkdir(parents=True, exist_ok=True)
    for name in DATA_DIR_ENTRIES:
        old = target / name
        if old.is_dir():
            shutil.rmtree(old)
        else:
            old.unlink(missing_ok=True)
    for entry in staging.iterdir():
        os.replace(entry, target / entry.name)
    staging.rmdir()


def _server_url(target: Path, explicit: str | None) -> str | None:
    """The database server that holds the target's tables; None when they are a SQLite
    file in the data directory (built in the staging folder, then moved)."""
    url = register_module.database_url(target, explicit)
    return None if make_url(url).get_backend_name() == "sqlite" else url


def restore_data_dir(
    archive: Path, target: Path, *, force: bool = False, database_url: str | None = None
) -> RestoreSummary:
    """Restore a backup into a data directory: empty or new, or any with `force`.

    Every member's checksum is verified before anything is written; the register is
    built beside the target, its index rebuilt from it, and all moved into place.
    With a database server (`database_url`, or $POLITIKBASE_DATABASE) the tables are
    filled there directly and must be empty; originals and index go to the target.
    """
    target = Path(target)
    if not force and not _is_empty(target):
        raise TargetNotEmpty(
            f"{target} is not empty; restore into an empty folder, or use --force to replace "
            f"the register it holds"
        )
    with open_backup(archive) as reader:
        reader.verify()
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.restoring-"))
        try:
            service = Service(staging, _server_url(target, database_url))
            try:
                summary = restore_register(reader, service.register)
                summary.indexed = reindex(service.register, service.index)
            finally:
                service.index.close()
                service.register.close()
            _move_into_place(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    summary.path = target
    return summary
