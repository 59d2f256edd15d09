"""Grouping the best passages of a search by policy: the loop for short hit lists and
the array operations for long ones give the same groups."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from politikbase.index.search_index import (
    ARRAY_GROUPING_MIN,
    _group_as_arrays,
    _group_in_a_loop,
    group_by_policy,
)

# Record and policy keys are unsigned 64-bit numbers in the index.
KEYS = st.integers(min_value=0, max_value=2**64 - 1)


def test_each_record_counts_once_and_policies_keep_their_first_place() -> None:
    # Passages best first: record 7 (policy 1) twice, record 8 of policy 2, record 9
    # another version of policy 1.
    records = [7, 8, 7, 9, 8]
    policies = [1, 2, 1, 1, 2]
    assert _group_in_a_loop(records, policies) == ([0, 3, 1], [0, 2])
    assert _group_as_arrays(records, policies) == ([0, 3, 1], [0, 2])


@settings(max_examples=200, deadline=None)
@given(
    keys=st.lists(st.tuples(KEYS, KEYS), min_size=1, max_size=40, unique_by=lambda key: key[0]),
    order=st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=600),
)
def test_both_ways_group_alike(keys: list[tuple[int, int]], order: list[int]) -> None:
    # Passages of a few records (each of one policy), in any order, with repeats.
    chosen = [keys[number % len(keys)] for number in order]
    records = [record for record, _ in chosen]
    policies = [policy for _, policy in chosen]
    assert _group_as_arrays(records, policies) == _group_in_a_loop(records, policies)


def test_long_hit_lists_take_the_array_way() -> None:
    records = list(range(ARRAY_GROUPING_MIN * 2))
    policies = [record // 3 for record in records]
    positions, starts = group_by_policy(records, policies)
    assert positions == records
    assert starts == list(range(0, len(records), 3))
