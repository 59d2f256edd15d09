"""Grouping the best passages of a search by policy."""

from __future__ import annotations

from politikbase.index.search_index import group_by_policy


def test_each_record_counts_once_and_policies_keep_their_first_place() -> None:
    # Passages best first: record 7 (policy 1) twice, record 8 of policy 2, record 9
    # another version of policy 1.
    records = [7, 8, 7, 9, 8]
    policies = [1, 2, 1, 1, 2]
    assert group_by_policy(records, policies) == ([0, 3, 1], [0, 2])


def test_a_long_hit_list_of_distinct_records() -> None:
    records = list(range(400))
    policies = [record // 3 for record in records]
    positions, starts = group_by_policy(records, policies)
    assert positions == records
    assert starts == list(range(0, len(records), 3))
