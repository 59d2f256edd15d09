"""Facet counts and facet filters over the passage index.

Counts are of policies, not passages: each bucket carries the number of distinct
`policy_key`s in it (tantivy's cardinality aggregation, exact for small counts and
within about 1 % beyond). The status of a policy depends on the day it is asked on,
so it is not indexed; it is computed here from the indexed lifecycle and revision
due date as of that day, with the rule of `politikbase.analyse.revision`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import tantivy

from politikbase.analyse.revision import DUE_SOON_MONTHS, add_months
from politikbase.index.models import DRAFT, IN_FORCE, REPLACED, FacetCount, SearchFilters
from politikbase.index.schema import (
    ADOPTED_YEAR,
    DOC_TYPE,
    DUE_DAY,
    LIFECYCLE,
    MUNICIPALITY,
    POLICY_KEY,
    SUBJECT,
    day_number,
)

ORGANISATION_FACET = "organisation"
TYPE_FACET = "type"
SUBJECT_FACET = "subject"
STATUS_FACET = "status"
YEAR_FACET = "year"
FACETS = (ORGANISATION_FACET, TYPE_FACET, SUBJECT_FACET, STATUS_FACET, YEAR_FACET)

CURRENT, DUE_SOON, OVERDUE, UNKNOWN = "current", "due_soon", "overdue", "unknown"
STATUSES = (CURRENT, DUE_SOON, OVERDUE, UNKNOWN, DRAFT, REPLACED)

_TEXT_FACETS = {ORGANISATION_FACET: MUNICIPALITY, TYPE_FACET: DOC_TYPE, SUBJECT_FACET: SUBJECT}
MAX_BUCKETS = 200
_POLICIES = {"policies": {"cardinality": {"field": POLICY_KEY}}}


def _due_ranges(as_of: date) -> dict[str, tuple[int | None, int | None]]:
    """Due-day ranges [low, high) of the in-force statuses as of a day."""
    today = day_number(as_of)
    soon = day_number(add_months(as_of, DUE_SOON_MONTHS) + timedelta(days=1))
    return {UNKNOWN: (None, 1), OVERDUE: (1, today), DUE_SOON: (today, soon), CURRENT: (soon, None)}


def aggregation_request(as_of: date) -> dict[str, Any]:
    request: dict[str, Any] = {
        name: {"terms": {"field": field, "size": MAX_BUCKETS}, "aggs": _POLICIES}
        for name, field in _TEXT_FACETS.items()
    }
    request[YEAR_FACET] = {
        "terms": {"field": ADOPTED_YEAR, "size": MAX_BUCKETS}, "aggs": _POLICIES,
    }
    ranges = []
    for key, (low, high) in _due_ranges(as_of).items():
        bucket: dict[str, Any] = {"key": key}
        if low is not None:
            bucket["from"] = low
        if high is not None:
            bucket["to"] = high
        ranges.append(bucket)
    request[STATUS_FACET] = {
        "terms": {"field": LIFECYCLE, "size": 10},
        "aggs": {"due": {"range": {"field": DUE_DAY, "ranges": ranges}, "aggs": _POLICIES}}
        | _POLICIES,
    }
    return request


def _policies(bucket: dict[str, Any]) -> int:
    return round(bucket.get("policies", {}).get("value") or 0)


def read_facets(result: dict[str, Any]) -> dict[str, list[FacetCount]]:
    """Facet counts from tantivy's aggregation result, most policies first."""
    facets: dict[str, list[FacetCount]] = {}
    for name in (*_TEXT_FACETS, YEAR_FACET):
        facets[name] = [
            FacetCount(str(bucket["key"]), _policies(bucket))
            for bucket in result.get(name, {}).get("buckets", [])
            if _policies(bucket) > 0 and bucket["key"] not in (0, "0", 0.0)
        ]
    statuses: dict[str, int] = {}
    for bucket in result.get(STATUS_FACET, {}).get("buckets", []):
        if bucket["key"] == IN_FORCE:
            for due in bucket.get("due", {}).get("buckets", []):
                statuses[due["key"]] = statuses.get(due["key"], 0) + _policies(due)
        else:
            statuses[bucket["key"]] = statuses.get(bucket["key"], 0) + _policies(bucket)
    facets[STATUS_FACET] = [
        FacetCount(status, statuses[status]) for status in STATUSES if statuses.get(status)
    ]
    for name in facets:
        facets[name].sort(key=lambda facet: (-facet.count, facet.value))
    facets[YEAR_FACET].sort(key=lambda facet: facet.value, reverse=True)
    return facets


def filter_clauses(
    schema: tantivy.Schema, filters: SearchFilters, as_of: date
) -> list[tantivy.Query]:
    """One query per restricted field; a passage must match them all."""
    clauses: list[tantivy.Query] = []
    for field, values in (
        (MUNICIPALITY, filters.municipalities),
        (DOC_TYPE, filters.doc_types),
        (SUBJECT, filters.subjects),
    ):
        if values:
            clauses.append(tantivy.Query.term_set_query(schema, field, list(values)))
    if filters.municipalities and filters.unknown_organisation_too:
        unknown = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, tantivy.Query.all_query()),
            (tantivy.Occur.MustNot, tantivy.Query.exists_query(MUNICIPALITY)),
        ])
        clauses[0] = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, clauses[0]), (tantivy.Occur.Should, unknown)]
        )
    if filters.years:
        clauses.append(tantivy.Query.term_set_query(schema, ADOPTED_YEAR, list(filters.years)))
    if filters.adopted_from is not None or filters.adopted_to is not None:
        clauses.append(
            tantivy.Query.range_query(
                schema, ADOPTED_YEAR, tantivy.FieldType.Unsigned,
                max(filters.adopted_from or 1, 1), filters.adopted_to,
            )
        )
    if filters.statuses:
        clauses.append(_status_query(schema, filters.statuses, as_of))
    return clauses


def _status_query(schema: tantivy.Schema, statuses: tuple[str, ...], as_of: date) -> tantivy.Query:
    should = tantivy.Occur.Should
    must = tantivy.Occur.Must
    alternatives: list[tuple[tantivy.Occur, tantivy.Query]] = []
    ranges = _due_ranges(as_of)
    for status in statuses:
        if status in (DRAFT, REPLACED):
            alternatives.append(
                (should, tantivy.Query.term_query(schema, LIFECYCLE, status, index_option="basic"))
            )
        elif status in ranges:
            low, high = ranges[status]
            in_range = tantivy.Query.range_query(
                schema, DUE_DAY, tantivy.FieldType.Unsigned, low if low is not None else 0,
                high, include_upper=high is None,
            ) if high is not None or low is not None else tantivy.Query.all_query()
            in_force = tantivy.Query.term_query(schema, LIFECYCLE, IN_FORCE, index_option="basic")
            alternatives.append(
                (should, tantivy.Query.boolean_query([(must, in_force), (must, in_range)]))
            )
    if not alternatives:
        return tantivy.Query.empty_query()
    return tantivy.Query.boolean_query(alternatives)
