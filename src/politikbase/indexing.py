"""From register records to index documents, and keeping the index's view of
policies in step with the register's links.

A document is indexed as soon as it is filed, as a policy of its own. Linking the
register afterwards may make it a version of another policy, no longer the current
version, or replaced; such documents are indexed again (`sync_links`). The index
folder keeps the link state of every document it holds in a non-default state
(`link_states.json`), so a sync re-indexes only what linking changed. The file is
derived data: when it is missing, every document in a non-default state is
re-indexed once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from politikbase.files import write_atomically
from politikbase.index import IndexDocument, SearchIndex
from politikbase.index.models import DRAFT, IN_FORCE, REPLACED
from politikbase.index.prepare import PreparedDocument
from politikbase.link.calendar import Lifecycle, lifecycles
from politikbase.store import DocumentRecord, Register
from politikbase.store.records import FiledDocument, LifecycleRecord

LINK_STATE_FILE = "link_states.json"


@dataclass(frozen=True, slots=True)
class LinkState:
    policy_id: str | None
    is_current: bool
    lifecycle: str
    due_date: date | None

    def as_list(self) -> list[Any]:
        return [self.policy_id, self.is_current, self.lifecycle,
                self.due_date.isoformat() if self.due_date else None]

    @staticmethod
    def from_list(values: list[Any]) -> LinkState:
        policy_id, is_current, lifecycle, due = values
        return LinkState(policy_id, bool(is_current), lifecycle,
                         date.fromisoformat(due) if due else None)


def _lifecycle_name(lifecycle: Lifecycle) -> str:
    if lifecycle.replaced:
        return REPLACED
    return DRAFT if lifecycle.draft else IN_FORCE


def link_state(record_id: str, lifecycle: Lifecycle) -> LinkState:
    return LinkState(
        policy_id=None if lifecycle.policy_id == record_id else lifecycle.policy_id,
        is_current=lifecycle.is_current, lifecycle=_lifecycle_name(lifecycle),
        due_date=lifecycle.due_date,
    )


def alone(lifecycle: Lifecycle) -> LinkState:
    """The state a document has as a policy of its own (as it is indexed when filed),
    whatever policy linking has put it in: its own draft status and due date."""
    return LinkState(
        policy_id=None, is_current=True, lifecycle=DRAFT if lifecycle.draft else IN_FORCE,
        due_date=lifecycle.due_date,
    )


def standalone_state(record: DocumentRecord | LifecycleRecord) -> LinkState:
    return alone(lifecycles([record], set())[record.id])


def _subjects(record: DocumentRecord) -> list[str]:
    subjects = record.fact("subjects")
    if not isinstance(subjects, list):
        return []
    slugs = [item.get("slug") if isinstance(item, dict) else item for item in subjects]
    return [slug for slug in slugs if isinstance(slug, str) and slug]


def _adopted_year(record: DocumentRecord) -> int | None:
    adopted = record.fact("adopted_date")
    if isinstance(adopted, str) and adopted[:4].isdigit():
        return int(adopted[:4])
    return None


def index_document(
    record: DocumentRecord | FiledDocument, state: LinkState | None = None
) -> IndexDocument:
    """What the index needs of a register document (in its link state, if known)."""
    document = IndexDocument(
        record_id=record.id, title=record.title, text=record.text,
        municipality=record.municipality, doc_type=record.doc_type,
        page_starts=record.page_starts,
    )
    if isinstance(record, DocumentRecord):
        document.headings = list(record.headings)
        state = state or standalone_state(record)
        document.subjects = _subjects(record)
        document.adopted_year = _adopted_year(record)
    if state is not None:
        document.policy_id = state.policy_id
        document.is_current = state.is_current
        document.lifecycle = state.lifecycle
        document.due_date = state.due_date
    return document


class LinkStateFile:
    """The link states the index holds that differ from a record's standalone state."""

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / LINK_STATE_FILE
        self.states: dict[str, LinkState] = {}
        self.missing = True
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            self.states = {key: LinkState.from_list(value) for key, value in raw.items()}
            self.missing = False
        except (OSError, ValueError, TypeError, KeyError):
            pass

    def save(self) -> None:
        held = {key: state.as_list() for key, state in sorted(self.states.items())}
        write_atomically(self.path, json.dumps(held).encode("utf-8"))


def sync_links(
    register: Register,
    index: SearchIndex,
    fresh_ids: Iterable[str] = (),
    prepared: Mapping[str, PreparedDocument] | None = None,
) -> int:
    """Re-index the documents whose link state changed; returns how many.

    `fresh_ids` were indexed in their standalone state since the last sync;
    `prepared` holds the index analysis of some documents, so it is not done again.
    """
    prepared = prepared or {}
    records = register.lifecycle_records()
    states = lifecycles(records, register.replaced_ids())
    held = LinkStateFile(index.path)
    fresh = set(fresh_ids)
    changed: list[tuple[str, LinkState]] = []
    for record in records:
        wanted = link_state(record.id, states[record.id])
        standalone = alone(states[record.id])
        if record.id in fresh or held.missing:
            indexed = standalone
        else:
            indexed = held.states.get(record.id, standalone)
        if wanted != indexed:
            changed.append((record.id, wanted))
        if wanted != standalone:
            held.states[record.id] = wanted
        else:
            held.states.pop(record.id, None)
    known = {record.id for record in records}
    held.states = {key: state for key, state in held.states.items() if key in known}
    full = register.documents_by_ids([record_id for record_id, _ in changed])
    for record_id, state in changed:
        if record_id in full:
            index.add(index_document(full[record_id], state), prepared.get(record_id))
    if changed:
        index.commit()
    held.save()
    return len(changed)
