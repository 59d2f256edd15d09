"""The backup archive's layout, shared by writing and restoring.

A backup is a zip file that does not depend on the database it came from:

```
tables/sources.jsonl       one JSON object a line per register row, a file per table
tables/documents.jsonl     (dates as ISO 8601, binary columns as base64)
tables/corrections.jsonl
tables/relations.jsonl
originals/<sha256>         every original file, byte for byte, named by its SHA-256
manifest.json              format and version, row counts and columns per table, and
                           the SHA-256 and size of every other member
```

The manifest is written last (only then are the checksums known) but a zip file
lists its members at its end, so a reader finds the manifest first.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime
from typing import Any, BinaryIO

from sqlalchemy import JSON, Column, DateTime, Integer, LargeBinary, Table

FORMAT_NAME = "politikbase-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES_DIR = "tables/"
ORIGINALS_DIR = "originals/"
ORIGINAL_MEMBER = re.compile(r"originals/([0-9a-f]{64})")
CHUNK_BYTES = 1024 * 1024
ROWS_PER_BATCH = 500

# How a column's values are written: the manifest names it per column, so a reader
# decodes an archive by what the archive says, not by the schema it runs with.
PLAIN, DATETIME, BINARY, JSON_VALUE = "plain", "datetime", "binary", "json"


class ArchiveError(Exception):
    """An archive that cannot be restored: damaged, incomplete or of another format."""


def table_member(table_name: str) -> str:
    return f"{TABLES_DIR}{table_name}.jsonl"


def original_member(sha256: str) -> str:
    return f"{ORIGINALS_DIR}{sha256}"


def column_encoding(column: Column[Any]) -> str:
    if isinstance(column.type, DateTime):
        return DATETIME
    if isinstance(column.type, LargeBinary):
        return BINARY
    if isinstance(column.type, JSON):
        return JSON_VALUE
    return PLAIN


def table_columns(table: Table) -> list[dict[str, str]]:
    return [{"name": column.name, "encoding": column_encoding(column)} for column in table.columns]


def encode_value(value: Any, encoding: str) -> Any:
    if value is None:
        return None
    if encoding == DATETIME:
        return value.isoformat()
    if encoding == BINARY:
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def decode_value(value: Any, encoding: str) -> Any:
    if value is None:
        return None
    if encoding == DATETIME:
        return datetime.fromisoformat(value)
    if encoding == BINARY:
        return base64.b64decode(value, validate=True)
    return value


def autoincrement_keys(table: Table) -> list[Column[Any]]:
    """The integer primary key the database numbers itself, if the table has one."""
    return [
        column for column in table.primary_key.columns
        if isinstance(column.type, Integer) and column.autoincrement in (True, "auto")
    ]


class HashingWriter:
    """Writes through to a stream, keeping the SHA-256, size and line count of what passed."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._digest.update(data)
        self.size += len(data)
        self._stream.write(data)

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()
