"""Comparing organisations: which of them have a policy of a kind, and how old it is.

A researcher asks for a document type ("strategi"), a subject area ("frivillighed og
civilsamfund", or its slug) or a policy name ("frivillighedsstrategi"). A name
matches a title that holds the word itself, in any inflection, or its two halves
("Strategi for frivillighed" for "frivillighedsstrategi").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from politikbase.analyse.revision import parse_stated_date
from politikbase.danish.document_kinds import DOC_TYPES
from politikbase.danish.query_words import TYPE_WORDS
from politikbase.danish.subjects import SUBJECT_AREAS
from politikbase.index.prepare import default_analyzer
from politikbase.link.calendar import DueEntry
from politikbase.store import DocumentRecord

TYPE, SUBJECT, NAME = "type", "subject", "name"


@dataclass(frozen=True, slots=True)
class PolicyMatcher:
    kind: str  # TYPE, SUBJECT or NAME
    value: str
    matches: Callable[[DocumentRecord], bool]


def policy_matcher(asked: str) -> PolicyMatcher:
    wanted = " ".join(asked.split()).casefold()
    doc_type = wanted if wanted in DOC_TYPES else TYPE_WORDS.get(wanted)
    if doc_type is not None:
        return PolicyMatcher(TYPE, doc_type, lambda record: record.doc_type == doc_type)
    area = next(
        (area for area in SUBJECT_AREAS if wanted in (area.slug, area.label.casefold())), None
    )
    if area is not None:
        slug = area.slug
        return PolicyMatcher(SUBJECT, slug, lambda record: slug in _subject_slugs(record))
    return PolicyMatcher(NAME, wanted, _name_matcher(wanted))


def _subject_slugs(record: DocumentRecord) -> set[str]:
    subjects = record.fact("subjects")
    if not isinstance(subjects, list):
        return set()
    return {item.get("slug") if isinstance(item, dict) else item for item in subjects} - {None}


def _name_matcher(name: str) -> Callable[[DocumentRecord], bool]:
    analyzer = default_analyzer()
    words = [analyzer.analyze_word(word) for word in name.split()]
    wanted = [word for word in words if word.term is not None]

    def matches(record: DocumentRecord) -> bool:
        title_terms: set[str] = set()
        for word in analyzer.tokens(record.title):
            title_terms.update(analyzer.analyze_word(word.word.lower()).all_terms())
        for word in wanted:
            if word.term in title_terms:
                continue
            halves = (word.modifier, word.head)
            if all(halves) and all(half in title_terms for half in halves):
                continue
            return False
        return bool(wanted)

    return matches


@dataclass(slots=True)
class CompareRow:
    organisation: str
    id: str
    title: str
    doc_type: str
    adopted_date: str | None
    age_years: float | None
    status: str
    due_date: str | None
    policies: int  # how many such policies the organisation has in force

    def as_json(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation, "id": self.id, "title": self.title,
            "doc_type": self.doc_type, "adopted_date": self.adopted_date,
            "age_years": self.age_years, "status": self.status, "due_date": self.due_date,
            "policies": self.policies,
        }


@dataclass(slots=True)
class CompareOutcome:
    asked: str
    matched_by: str
    rows: list[CompareRow]

    def as_json(self) -> dict[str, Any]:
        return {
            "asked": self.asked, "matched_by": self.matched_by,
            "organisations": len(self.rows), "rows": [row.as_json() for row in self.rows],
        }


def _adopted_day(adopted: str | None) -> date | None:
    if not adopted:
        return None
    try:
        return parse_stated_date(adopted).latest
    except ValueError:
        return None


def compare_row(
    organisation: str, records: list[DocumentRecord], calendar: dict[str, DueEntry],
    as_of: date,
) -> CompareRow:
    """The organisation's newest such policy stands for it; the rest are counted."""

    def recency(record: DocumentRecord) -> tuple[date, str]:
        entry = calendar[record.public_id]
        return (_adopted_day(entry.adopted_date) or date.min, record.title)

    newest = max(records, key=recency)
    entry = calendar[newest.public_id]
    adopted = _adopted_day(entry.adopted_date)
    return CompareRow(
        organisation=organisation, id=newest.public_id, title=newest.title,
        doc_type=newest.doc_type, adopted_date=entry.adopted_date,
        age_years=round((as_of - adopted).days / 365.25, 1) if adopted else None,
        status=entry.status,
        due_date=entry.due.due_date.isoformat() if entry.due else None,
        policies=len(records),
    )
