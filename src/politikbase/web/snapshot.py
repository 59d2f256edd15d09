"""The register as the pages read it, built once per change of the data and shared.

Every page needs the same view of the register: one row per policy (its versions
grouped), the revision calendar, the relations. Building it reads every document,
so it is built once and kept until the register or the index changes on disk (a
new ingest, a correction) or the day changes (statuses are judged as of today).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from politikbase.analyse.revision import DRAFT, REPLACED, UNKNOWN, parse_stated_date
from politikbase.link.calendar import NOT_POLICIES, DueEntry, revision_calendar
from politikbase.service import INDEX_DIR, Service
from politikbase.store.records import DocumentRecord, RelationRecord
from politikbase.store.register import REGISTER_FILE
from politikbase.web.subjects import policy_subject

# Files whose change means the register or the index changed (SQLite writes go to
# the WAL first; tantivy rewrites meta.json on every commit).
_WATCHED = (REGISTER_FILE, f"{REGISTER_FILE}-wal", f"{INDEX_DIR}/meta.json")


@dataclass(slots=True)
class PolicyRow:
    """One policy of the register, shown by its version in force (or its latest)."""

    id: str  # the public id of the version shown
    record_id: str
    title: str
    doc_type: str
    municipality: str | None
    subject: str | None
    adopted_date: str | None
    adopted_by: str | None
    age_months: int | None
    status: str
    due_date: date | None
    due_explanation: str | None
    version_ids: list[str]
    created_at: datetime
    updated_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "doc_type": self.doc_type,
            "municipality": self.municipality, "subject": self.subject,
            "adopted_date": self.adopted_date, "adopted_by": self.adopted_by,
            "age_months": self.age_months, "status": self.status,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "versions": self.version_ids, "updated_at": self.updated_at.isoformat(),
        }


@dataclass(slots=True)
class Snapshot:
    stamp: str
    as_of: date
    records: list[DocumentRecord]
    rows: list[PolicyRow]
    due: list[DueEntry]
    entries: dict[str, DueEntry]  # by public id
    relations: dict[str, list[RelationRecord]]  # by record id
    by_id: dict[str, DocumentRecord] = field(default_factory=dict)  # record and public ids
    row_of: dict[str, PolicyRow] = field(default_factory=dict)  # by record id

    def record(self, identifier: str) -> DocumentRecord | None:
        return self.by_id.get(identifier)

    def organisations(self) -> list[str]:
        return sorted({row.municipality for row in self.rows if row.municipality})

    def doc_types(self) -> list[str]:
        return sorted({row.doc_type for row in self.rows})

    def subjects(self) -> list[str]:
        return sorted({row.subject for row in self.rows if row.subject}, key=str.casefold)

    def titles(self) -> list[str]:
        return sorted({row.title for row in self.rows}, key=str.casefold)


def months_between(start: date, end: date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def _adopted_day(record: DocumentRecord) -> date | None:
    value = record.fact("adopted_date")
    if not isinstance(value, str):
        return None
    try:
        return parse_stated_date(value).latest
    except ValueError:
        return None


def _shown_version(versions: list[DocumentRecord], entries: dict[str, DueEntry]) -> DocumentRecord:
    """The version a policy is shown by: in force before replaced or draft, then the
    latest adopted, then a whole document before an entry of a listing page."""

    def rank(record: DocumentRecord) -> tuple[bool, date, bool, int]:
        entry = entries.get(record.public_id)
        in_force = entry is not None and entry.status not in (REPLACED, DRAFT)
        return (
            in_force, _adopted_day(record) or date.min, record.kind == "document",
            len(record.text),
        )

    return max(versions, key=rank)


def _policy_row(
    shown: DocumentRecord, versions: list[DocumentRecord], entry: DueEntry | None, as_of: date
) -> PolicyRow:
    adopted = _adopted_day(shown)
    adopted_by = shown.fact("adopted_by")
    return PolicyRow(
        id=shown.public_id, record_id=shown.id, title=shown.title, doc_type=shown.doc_type,
        municipality=shown.municipality,
        subject=policy_subject(shown.fact("subjects"), shown.title),
        adopted_date=entry.adopted_date if entry else None,
        adopted_by=adopted_by if isinstance(adopted_by, str) else None,
        age_months=months_between(adopted, as_of) if adopted and adopted <= as_of else None,
        status=entry.status if entry else UNKNOWN,
        due_date=entry.due.due_date if entry and entry.due else None,
        due_explanation=entry.due.explanation if entry and entry.due else None,
        version_ids=[version.public_id for version in versions],
        created_at=min(version.created_at for version in versions),
        updated_at=max(version.updated_at for version in versions),
    )


def build_snapshot(service: Service, as_of: date, stamp: str = "") -> Snapshot:
    records = service.register.documents()
    due = revision_calendar(records, service.register.replaced_ids(), as_of=as_of)
    entries = {entry.id: entry for entry in due}
    groups: dict[str, list[DocumentRecord]] = {}
    for record in records:
        if record.doc_type not in NOT_POLICIES:
            groups.setdefault(record.policy_id or record.id, []).append(record)
    rows: list[PolicyRow] = []
    row_of: dict[str, PolicyRow] = {}
    for versions in groups.values():
        shown = _shown_version(versions, entries)
        row = _policy_row(shown, versions, entries.get(shown.public_id), as_of)
        rows.append(row)
        row_of.update((version.id, row) for version in versions)
    rows.sort(key=lambda row: (row.municipality is None, row.municipality or "",
                             row.title.casefold(), row.id))
    by_id: dict[str, DocumentRecord] = {}
    for record in records:
        by_id[record.id] = record
        by_id[record.public_id] = record
    return Snapshot(
        stamp=stamp, as_of=as_of, records=records, rows=rows, due=due, entries=entries,
        relations=service.register.relations_by_document(), by_id=by_id, row_of=row_of,
    )


def data_stamp(data_dir: Path) -> str:
    """Changes whenever the register or the index on disk changes."""
    parts: list[str] = []
    for name in _WATCHED:
        try:
            stat = (data_dir / name).stat()
        except FileNotFoundError:
            parts.append("-")
            continue
        parts.append(f"{stat.st_mtime_ns}:{stat.st_size}")
    return hashlib.blake2b("|".join(parts).encode(), digest_size=8).hexdigest()


class SnapshotCache:
    """The current snapshot, rebuilt on first use after the data or the day changed."""

    def __init__(self, service: Service, today: Callable[[], date] = date.today) -> None:
        self.service = service
        self.today = today
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._seen_data = ""

    def stamp(self) -> str:
        """Changes when the data on disk or the day changes.

        A change of the data also makes the index reader take up the newest commit at
        once, so nothing answered (and kept) under the new stamp comes from the old index.
        """
        data = data_stamp(self.service.data_dir)
        if data != self._seen_data:
            self.service.index.reload()
            self._seen_data = data
        return f"{data}-{self.today().isoformat()}"

    def get(self) -> Snapshot:
        stamp = self.stamp()
        current = self._current
        if current is not None and current.stamp == stamp:
            return current
        with self._lock:
            if self._current is None or self._current.stamp != stamp:
                self._current = build_snapshot(self.service, self.today(), stamp)
            return self._current
