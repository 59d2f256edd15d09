"""The revision calendar: when each policy in the register is next due, and its status.

The due date comes from the (corrected) adoption date, revision rule and period
through `analyse.revision.next_revision_due`; the status from `revision_status`
as of a given day. A document is *replaced* when another record says it replaces
it, or when a later adopted version of the same policy is in the register; it is a
*draft* while its status is "udkast" or "høring". Nothing here reads today's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from politikbase.analyse.revision import (
    DEFAULT_MAX_AGE_YEARS,
    RevisionDue,
    next_revision_due,
    parse_stated_date,
    revision_status,
)
from politikbase.store.records import DocumentRecord, LifecycleRecord

DRAFT_STATUSES = frozenset({"udkast", "høring"})
# A page listing many policies is no policy of its own and is never due.
NOT_POLICIES = frozenset({"oversigt"})


@dataclass(slots=True)
class DueEntry:
    id: str
    title: str
    municipality: str | None
    doc_type: str
    adopted_date: str | None
    revision_rule: str | None
    period: str | None
    status: str
    due: RevisionDue | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "municipality": self.municipality,
            "doc_type": self.doc_type, "adopted_date": self.adopted_date,
            "revision_rule": self.revision_rule, "period": self.period, "status": self.status,
            "due_date": self.due.due_date.isoformat() if self.due else None,
            "basis": self.due.basis if self.due else None,
            "explanation": self.due.explanation if self.due else None,
        }


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _adopted(record: DocumentRecord | LifecycleRecord) -> str | None:
    value = _text(record.fact("adopted_date"))
    if value is None:
        return None
    try:
        parse_stated_date(value)
    except ValueError:
        return None
    return value


def _superseded(records: Sequence[DocumentRecord | LifecycleRecord]) -> set[str]:
    """Versions of a policy that a later adopted version of the same policy follows."""
    by_policy: dict[str, list[tuple[date, str]]] = {}
    for record in records:
        adopted = _adopted(record)
        if record.policy_id is None or adopted is None or _is_draft(record):
            continue
        by_policy.setdefault(record.policy_id, []).append(
            (parse_stated_date(adopted).latest, record.id)
        )
    superseded: set[str] = set()
    for versions in by_policy.values():
        latest = max(day for day, _ in versions)
        superseded.update(identifier for day, identifier in versions if day < latest)
    return superseded


def _is_draft(record: DocumentRecord | LifecycleRecord) -> bool:
    return record.fact("status") in DRAFT_STATUSES or record.doc_type == "høring"


def revision_calendar(
    records: list[DocumentRecord],
    replaced_ids: set[str],
    *,
    as_of: date,
    default_max_age_years: int = DEFAULT_MAX_AGE_YEARS,
) -> list[DueEntry]:
    """Every policy with its due date and status, the oldest due date first.

    `replaced_ids` are the records other records say they replace. Entries that
    nothing dates come last.
    """
    policies = [record for record in records if record.doc_type not in NOT_POLICIES]
    replaced = replaced_ids | _superseded(policies)
    entries: list[DueEntry] = []
    for record in policies:
        adopted = _adopted(record)
        rule, period = _text(record.fact("revision_rule")), _text(record.fact("period"))
        due = next_revision_due(
            adopted, rule, period, default_max_age_years=default_max_age_years
        )
        status = revision_status(
            due, as_of=as_of, replaced=record.id in replaced, draft=_is_draft(record)
        )
        entries.append(
            DueEntry(
                id=record.public_id, title=record.title, municipality=record.municipality,
                doc_type=record.doc_type, adopted_date=adopted, revision_rule=rule,
                period=period, status=status, due=due,
            )
        )
    entries.sort(key=lambda e: (e.due is None, e.due.due_date if e.due else date.max, e.title))
    return entries


@dataclass(frozen=True, slots=True)
class Lifecycle:
    """Where a document stands among its policy's versions, independent of the day."""

    policy_id: str
    is_current: bool  # the version to show first: the newest adopted one in force
    replaced: bool
    draft: bool
    due_date: date | None  # the next revision, as the calendar computes it


def lifecycles(
    records: Sequence[DocumentRecord | LifecycleRecord],
    replaced_ids: set[str],
    *,
    default_max_age_years: int = DEFAULT_MAX_AGE_YEARS,
) -> dict[str, Lifecycle]:
    """Each record's lifecycle, by record id (the calendar's rules, without a day)."""
    replaced = replaced_ids | _superseded(records)
    by_policy: dict[str, list[DocumentRecord | LifecycleRecord]] = {}
    for record in records:
        by_policy.setdefault(record.policy_id or record.id, []).append(record)
    found: dict[str, Lifecycle] = {}
    for policy_id, versions in by_policy.items():
        # Of versions adopted the same day, the fullest text (the document itself
        # rather than its entry on a listing page) is the one to show.
        def precedence(
            record: DocumentRecord | LifecycleRecord,
        ) -> tuple[bool, bool, str, int, str]:
            return (
                record.id not in replaced, not _is_draft(record),
                _adopted(record) or "", record.text_length, record.created_at.isoformat(),
            )

        current = max(versions, key=precedence).id
        for record in versions:
            due = None
            if record.doc_type not in NOT_POLICIES:
                revision = next_revision_due(
                    _adopted(record), _text(record.fact("revision_rule")),
                    _text(record.fact("period")), default_max_age_years=default_max_age_years,
                )
                due = revision.due_date if revision else None
            found[record.id] = Lifecycle(
                policy_id=policy_id, is_current=record.id == current,
                replaced=record.id in replaced, draft=_is_draft(record), due_date=due,
            )
    return found
