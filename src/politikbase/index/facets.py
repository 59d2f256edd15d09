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

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt
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


def value_names(codes: FacetCodes) -> dict[str, dict[int, str]]:
    """For each coded facet, its values by number."""
    return {facet: codes.names(facet) for facet in (ORGANISATION_FACET, TYPE_FACET, SUBJECT_FACET)}


def count_facets(
    searcher: tantivy.Searcher,
    addresses: Sequence[tantivy.DocAddress],
    policies: Sequence[int] | npt.NDArray[np.int64],
    names: dict[str, dict[int, str]],
    as_of: date,
) -> dict[str, list[FacetCount]]:
    """Facet counts of policies, each given by the best passage of each of its
    matching versions (`addresses`, with `policies` numbering the policy of each).
    A policy counts once for every value some version has, as a filter on that
    value would find it.

    A thousand passages are counted for every faceted search, so the columns are
    counted as arrays: a loop over them in Python would cost more than the search.
    """
    policy = np.asarray(policies, dtype=np.int64)

    def column(name: str) -> npt.NDArray[np.uint64]:
        values = searcher.fast_field_values(name, list(addresses))
        if None in values:  # a passage indexed before the column existed
            values = [value or 0 for value in values]
        return np.asarray(values, dtype=np.uint64)

    counted: dict[str, dict[int, int]] = {
        ORGANISATION_FACET: _per_policy([column(MUNICIPALITY_KEY)], policy),
        TYPE_FACET: _per_policy([column(DOC_TYPE_KEY)], policy),
        SUBJECT_FACET: _per_policy([column(name) for name in SUBJECT_KEYS], policy),
        YEAR_FACET: _per_policy([column(ADOPTED_YEAR)], policy),
        STATUS_FACET: _per_policy(
            [_status_numbers(column(LIFECYCLE_CODE), column(DUE_DAY), as_of)], policy
        ),
    }
    status_names = dict(enumerate(STATUSES, start=1))
    facets: dict[str, list[FacetCount]] = {}
    for facet, counts in counted.items():
        known = status_names if facet == STATUS_FACET else names.get(facet)
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


def _status_numbers(
    lifecycle_codes: npt.NDArray[np.uint64], due_days: npt.NDArray[np.uint64], as_of: date
) -> npt.NDArray[np.uint64]:
    """Each passage's status as its 1-based position in STATUSES, from its
    lifecycle code and due day: the rule of `_due_ranges`, which the filters use."""
    today, soon = _thresholds(as_of)
    number = {status: position for position, status in enumerate(STATUSES, start=1)}
    in_force = np.select(
        [due_days < 1, due_days < today, due_days < soon],
        [number[UNKNOWN], number[OVERDUE], number[DUE_SOON]],
        number[CURRENT],
    )
    lifecycle = np.full_like(lifecycle_codes, number[UNKNOWN])  # a code not known here
    for code, name in _LIFECYCLES.items():
        lifecycle[lifecycle_codes == code] = number.get(name, number[UNKNOWN])
    in_force_code = LIFECYCLE_CODES[IN_FORCE]
    return np.where(lifecycle_codes == in_force_code, in_force, lifecycle).astype(np.uint64)


def _per_policy(
    columns: list[npt.NDArray[np.uint64]], policies: npt.NDArray[np.int64]
) -> dict[int, int]:
    """How many policies have each value other than 0 (none), a passage's policy
    given by `policies` and its values by `columns` (one value per column)."""
    values = np.concatenate(columns)
    owners = np.tile(policies, len(columns)).astype(np.uint64)
    present = values != 0
    values, owners = values[present], owners[present]
    if values.size == 0:
        return {}
    width = int(owners.max()) + 1
    if int(values.max()) >= (1 << 63) // width:  # no room to pair: number the values
        distinct, numbers = np.unique(values, return_inverse=True)
        counted = _per_policy([numbers.astype(np.uint64) + 1], owners.astype(np.int64))
        return {int(distinct[number - 1]): count for number, count in counted.items()}
    # Each (value, policy) pair as one number, value first: sorted, the pairs of
    # one value lie together, and a value counts its distinct pairs.
    pairs = values * np.uint64(width) + owners
    pairs.sort()
    pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
    found = pairs // np.uint64(width)
    starts = np.flatnonzero(np.concatenate(([True], found[1:] != found[:-1])))
    counts = np.diff(np.append(starts, found.size))
    return dict(zip(found[starts].tolist(), counts.tolist(), strict=True))


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
            clauses.append(_any_value(schema, field, values))
    if filters.municipalities and filters.unknown_organisation_too:
        unknown = tantivy.Query.boolean_query([
            (tantivy.Occur.Must, tantivy.Query.all_query()),
            (tantivy.Occur.MustNot, tantivy.Query.exists_query(MUNICIPALITY)),
        ])
        clauses[0] = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, clauses[0]), (tantivy.Occur.Should, unknown)]
        )
    if filters.years:
        clauses.append(_any_value(schema, ADOPTED_YEAR, filters.years))
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


def _any_value(schema: tantivy.Schema, field: str, values: Sequence[str | int]) -> tantivy.Query:
    """Passages with one of the values in a field. One value is a term query: a set
    of terms collects every passage that has one before the search starts, where a
    term's passages are read only as far as the search needs them."""
    if len(values) == 1:
        return tantivy.Query.term_query(schema, field, values[0], index_option="basic")
    return tantivy.Query.term_set_query(schema, field, list(values))


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
