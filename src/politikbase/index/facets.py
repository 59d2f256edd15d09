"""Facet counts and facet filters over the passage index.

Counts are of policies, not passages or versions. They are counted over the
policies of the best `FACET_PASSAGES` passages a search finds - all of them when
fewer match, which `SearchPage.facets_exact` tells - by reading each policy's best
passage's columns (`politikbase.index.schema`): a fixed cost whatever the number
of matches, where aggregating over every matching passage grows with the index.

The status of a policy depends on the day it is asked on, so it is not indexed; it
is computed here from the indexed lifecycle and revision due date as of that day,
with the rule of `politikbase.analyse.revision`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import chain
from typing import Any

import tantivy

from politikbase.analyse.revision import DUE_SOON_MONTHS, add_months
from politikbase.index.facet_codes import FacetCodes
from politikbase.index.models import (
    DRAFT,
    IN_FORCE,
    REPLACED,
    FacetCount,
    IndexDocument,
    SearchFilters,
)
from politikbase.index.schema import (
    ADOPTED_YEAR,
    DOC_TYPE,
    DOC_TYPE_KEY,
    DUE_DAY,
    LIFECYCLE,
    LIFECYCLE_CODE,
    MUNICIPALITY,
    MUNICIPALITY_KEY,
    SUBJECT,
    SUBJECT_KEYS,
    day_number,
)

ORGANISATION_FACET = "organisation"
TYPE_FACET = "type"
SUBJECT_FACET = "subject"
STATUS_FACET = "status"
YEAR_FACET = "year"
FACETS = (ORGANISATION_FACET, TYPE_FACET, SUBJECT_FACET, STATUS_FACET, YEAR_FACET)
# Facets describe the policies of this many best passages (all, when fewer match).
FACET_PASSAGES = 1000

CURRENT, DUE_SOON, OVERDUE, UNKNOWN = "current", "due_soon", "overdue", "unknown"
STATUSES = (CURRENT, DUE_SOON, OVERDUE, UNKNOWN, DRAFT, REPLACED)
LIFECYCLE_CODES = {IN_FORCE: 0, DRAFT: 1, REPLACED: 2}
_LIFECYCLES = {code: name for name, code in LIFECYCLE_CODES.items()}


def facet_columns(document: IndexDocument, codes: FacetCodes) -> list[tuple[str, int]]:
    """The numeric columns a passage of the document carries for facet counting."""
    columns = [
        (MUNICIPALITY_KEY, codes.code(ORGANISATION_FACET, document.municipality)),
        (DOC_TYPE_KEY, codes.code(TYPE_FACET, document.doc_type)),
        (LIFECYCLE_CODE, LIFECYCLE_CODES.get(document.lifecycle, 0)),
    ]
    subjects = list(dict.fromkeys(document.subjects))[: len(SUBJECT_KEYS)]
    subjects += [""] * (len(SUBJECT_KEYS) - len(subjects))
    columns += [
        (column, codes.code(SUBJECT_FACET, subject))
        for column, subject in zip(SUBJECT_KEYS, subjects, strict=True)
    ]
    return columns


def _thresholds(as_of: date) -> tuple[int, int]:
    """Day numbers of `as_of` and of the first day past the due-soon window."""
    return (
        day_number(as_of),
        day_number(add_months(as_of, DUE_SOON_MONTHS) + timedelta(days=1)),
    )


def _due_ranges(as_of: date) -> dict[str, tuple[int | None, int | None]]:
    """Due-day ranges [low, high) of the in-force statuses as of a day."""
    today, soon = _thresholds(as_of)
    return {UNKNOWN: (None, 1), OVERDUE: (1, today), DUE_SOON: (today, soon), CURRENT: (soon, None)}


def _status_rule(as_of: date) -> Callable[[int, int], str]:
    """The status of a passage's document from its lifecycle code and due day, the
    same rule as `_due_ranges` gives the filters."""
    today, soon = _thresholds(as_of)

    def status(lifecycle_code: int, due_day: int) -> str:
        if lifecycle_code:
            return _LIFECYCLES.get(lifecycle_code, UNKNOWN)
        if due_day < 1:
            return UNKNOWN
        if due_day < today:
            return OVERDUE
        return DUE_SOON if due_day < soon else CURRENT

    return status


def value_names(codes: FacetCodes) -> dict[str, dict[int, str]]:
    """For each coded facet, its values by number."""
    return {facet: codes.names(facet) for facet in (ORGANISATION_FACET, TYPE_FACET, SUBJECT_FACET)}


def count_facets(
    searcher: tantivy.Searcher,
    policies: Sequence[Sequence[tantivy.DocAddress]],
    names: dict[str, dict[int, str]],
    as_of: date,
) -> dict[str, list[FacetCount]]:
    """Facet counts of policies, each given by the best passage of each of its
    matching versions. A policy counts once for every value some version has, as a
    filter on that value would find it."""
    addresses = [address for versions in policies for address in versions]
    sizes = [len(versions) for versions in policies]

    def column(name: str) -> list[int]:
        return [value or 0 for value in searcher.fast_field_values(name, addresses)]

    status = _status_rule(as_of)
    statuses = [
        status(code, due_day)
        for code, due_day in zip(column(LIFECYCLE_CODE), column(DUE_DAY), strict=True)
    ]
    counted: dict[str, Counter[object]] = {
        ORGANISATION_FACET: _per_policy([column(MUNICIPALITY_KEY)], sizes),
        TYPE_FACET: _per_policy([column(DOC_TYPE_KEY)], sizes),
        SUBJECT_FACET: _per_policy([column(name) for name in SUBJECT_KEYS], sizes),
        YEAR_FACET: _per_policy([column(ADOPTED_YEAR)], sizes),
        STATUS_FACET: _per_policy([statuses], sizes),
    }
    facets: dict[str, list[FacetCount]] = {}
    for facet, counts in counted.items():
        known = names.get(facet)
        facets[facet] = sorted(
            (
                FacetCount(known[value] if known is not None else str(value), count)
                for value, count in counts.items()
                if value and (known is None or value in known)
            ),
            key=lambda facet_count: (-facet_count.count, facet_count.value),
        )
    facets[YEAR_FACET].sort(key=lambda facet_count: facet_count.value, reverse=True)
    facets[STATUS_FACET].sort(key=lambda facet_count: STATUSES.index(facet_count.value))
    return facets


def _per_policy(columns: list[list[Any]], sizes: list[int]) -> Counter[object]:
    """How many policies have each value, a policy given by `sizes[i]` passages and
    each passage's values by `columns` (one value per column)."""
    if all(size == 1 for size in sizes):  # the usual case: one matching version each
        return Counter(chain.from_iterable(columns))
    counts: Counter[object] = Counter()
    single = columns[0] if len(columns) == 1 else None
    position = 0
    for size in sizes:
        if single is not None and size == 1:
            counts[single[position]] += 1
        else:
            end = position + size
            seen = {value for values in columns for value in values[position:end]}
            for value in seen:
                counts[value] += 1
        position += size
    return counts


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
