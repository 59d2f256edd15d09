"""The shape of the tantivy query a search runs, and the array counting of facets.

A query is kept flat so that tantivy can skip blocks of passages that cannot reach
the best ones (block-max WAND, which it applies only to a top-level list of term
clauses). Flat or nested, the clauses score the same: these tests hold both to that.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
import tantivy

from politikbase.danish.analyzer import DanishAnalyzer
from politikbase.index import IndexDocument, SearchIndex
from politikbase.index.facets import (
    CURRENT,
    DUE_SOON,
    LIFECYCLE_CODES,
    OVERDUE,
    STATUSES,
    UNKNOWN,
    _per_policy,
    _status_numbers,
)
from politikbase.index.models import DRAFT, IN_FORCE, REPLACED
from politikbase.index.query import (
    COMPOUND_HALVES_WEIGHT,
    FIELD_WEIGHTS,
    SINGLE_HALF_WEIGHT,
    WORD_FIELDS,
)
from politikbase.index.schema import day_number


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    built = SearchIndex(tmp_path_factory.mktemp("shape"), analyzer=DanishAnalyzer())
    texts = [
        ("exact", "Handicappolitik", "Kommunens handicappolitik for borgere med handicap."),
        ("apart", "Politik", "Vores politik for borgere med handicap og deres pårørende."),
        ("half", "Plan", "En plan for tilgængelighed, så borgere med handicap kan deltage."),
        ("health", "Sundhedspolitik", "Sundhed og trivsel for alle borgere i kommunen."),
    ]
    for number, topic in enumerate(("kultur", "klima", "ældre", "idræt", "natur")):
        texts.append((f"other-{number}", "Politik", f"Vores politik for {topic} i kommunen."))
    for record_id, title, text in texts:
        built.add(IndexDocument(record_id, title, text, "Glostrup Kommune", "politik"))
    built.commit()
    return built


def test_a_query_of_words_runs_as_one_flat_list_of_terms(index: SearchIndex) -> None:
    _, compiled = index.compile("sundhed trivsel")
    shape = repr(compiled)
    assert shape.startswith("Query(BooleanQuery { subqueries: [(Should, Boost(query=TermQuery")
    assert shape.count("BooleanQuery") == 1  # nothing nested, nothing wrapped


def _nested(schema: tantivy.Schema, term: str, modifier: str, head: str) -> tantivy.Query:
    """A known compound's query as nested clauses, each weight its own boost."""
    should, must = tantivy.Occur.Should, tantivy.Occur.Must

    def in_fields(word: str, fields: tuple[tuple[str, float], ...]) -> tantivy.Query:
        return tantivy.Query.boolean_query([
            (should, tantivy.Query.boost_query(
                tantivy.Query.term_query(schema, field, word, index_option="freq"), weight
            ))
            for field, weight in fields
        ])

    halves = tantivy.Query.boolean_query(
        [(must, in_fields(modifier, WORD_FIELDS)), (must, in_fields(head, WORD_FIELDS))]
    )
    word = tantivy.Query.boolean_query([
        (should, in_fields(term, FIELD_WEIGHTS)),
        (should, tantivy.Query.boost_query(halves, COMPOUND_HALVES_WEIGHT)),
        (should, tantivy.Query.boost_query(in_fields(modifier, FIELD_WEIGHTS), SINGLE_HALF_WEIGHT)),
    ])
    return tantivy.Query.boolean_query(
        [(must, tantivy.Query.boolean_query([(should, word)]))]
    )


def test_flat_query_scores_as_the_nested_one(index: SearchIndex) -> None:
    searcher = index.searcher()
    parsed, flat = index.compile("handicappolitik", searcher=searcher)
    word = parsed.words[0]
    assert (word.modifier, word.head) == ("handicap", "politik")
    assert word.term is not None and word.term in parsed.known_compounds
    nested = _nested(index.schema, word.term, word.modifier, word.head)
    assert flat is not None
    found = searcher.search(flat, 20, count=False).hits
    expected = searcher.search(nested, 20, count=False).hits
    assert len(found) == len(expected) == 3
    for (score, address), (expected_score, expected_address) in zip(found, expected, strict=True):
        assert (address.segment_ord, address.doc) == (expected_address.segment_ord,
                                                      expected_address.doc)
        assert score == pytest.approx(expected_score, rel=1e-5)


def column(*values: int) -> np.ndarray:
    return np.asarray(values, dtype=np.uint64)


def test_a_policy_counts_once_per_value_of_its_versions() -> None:
    policies = np.asarray([0, 0, 1, 2, 2], dtype=np.int64)
    # Policy 0: both versions of value 7; policy 2: one version 7, one version 9.
    assert _per_policy([column(7, 7, 8, 7, 9)], policies) == {7: 2, 8: 1, 9: 1}
    # Several columns (subject areas): a value in either counts the policy once.
    counted = _per_policy([column(7, 0, 8, 7, 0), column(0, 7, 0, 9, 7)], policies)
    assert counted == {7: 2, 8: 1, 9: 1}


def test_no_value_is_not_counted_and_any_value_fits() -> None:
    policies = np.asarray([0, 1, 2], dtype=np.int64)
    assert _per_policy([column(0, 0, 0)], policies) == {}
    huge = (1 << 64) - 1
    assert _per_policy([column(huge, huge, 5)], policies) == {huge: 2, 5: 1}


def test_status_numbers_follow_the_revision_rule() -> None:
    as_of = date(2026, 6, 1)
    today = day_number(as_of)
    in_force, draft, replaced = (LIFECYCLE_CODES[name] for name in (IN_FORCE, DRAFT, REPLACED))
    cases = [
        (in_force, 0, UNKNOWN),  # no due date
        (in_force, today - 1, OVERDUE),
        (in_force, today, DUE_SOON),
        (in_force, day_number(date(2026, 9, 1)), DUE_SOON),
        (in_force, day_number(date(2028, 1, 1)), CURRENT),
        (draft, today - 1, DRAFT),
        (replaced, day_number(date(2028, 1, 1)), REPLACED),
        (9, today, UNKNOWN),  # a lifecycle code this version does not know
    ]
    numbers = _status_numbers(
        column(*(code for code, _, _ in cases)), column(*(day for _, day, _ in cases)), as_of
    )
    assert [STATUSES[number - 1] for number in numbers.tolist()] == [
        status for _, _, status in cases
    ]


def test_index_fixture_is_on_disk(index: SearchIndex) -> None:
    assert Path(index.path).is_dir() and index.count_passages() >= 9
