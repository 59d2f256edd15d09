"""Next revision due and revision status, with fixed dates."""

from __future__ import annotations

from datetime import date

import pytest

from politikbase.analyse.revision import (
    BASIS_DEFAULT_AGE,
    BASIS_PERIOD,
    BASIS_RULE,
    CURRENT,
    DRAFT,
    DUE_SOON,
    OVERDUE,
    REPLACED,
    UNKNOWN,
    RevisionDue,
    add_months,
    next_revision_due,
    parse_stated_date,
    revision_status,
)


def test_every_fourth_year_counts_from_the_adoption_day() -> None:
    due = next_revision_due("2019-04-10", "hvert fjerde år", None)
    assert (due.due_date, due.basis) == (date(2023, 4, 10), BASIS_RULE)
    assert "hvert fjerde år" in due.explanation
    assert "10. april 2023" in due.explanation


def test_every_other_year_and_yearly() -> None:
    assert next_revision_due("2020-02-01", "hvert andet år", None).due_date == date(2022, 2, 1)
    assert next_revision_due(date(2020, 2, 1), "årligt", None).due_date == date(2021, 2, 1)


def test_leap_day_moves_to_the_end_of_february() -> None:
    assert next_revision_due("2016-02-29", "hvert år", None).due_date == date(2017, 2, 28)


def test_partial_dates_count_from_their_latest_possible_day() -> None:
    by_year = next_revision_due("2014", "hvert fjerde år", None)
    assert by_year.due_date == date(2018, 12, 31)
    assert by_year.counted_from == date(2014, 12, 31)
    assert "31. december 2014" in by_year.explanation
    by_month = next_revision_due("2014-05", "hvert fjerde år", None)
    assert by_month.due_date == date(2018, 5, 31)


def test_every_election_period_is_due_by_the_end_of_the_next_period() -> None:
    # Adopted in the period 2018-2021, so due in 2022-2025.
    due = next_revision_due("2019-06-12", "ved hver valgperiode", None)
    assert (due.due_date, due.basis) == (date(2025, 12, 31), BASIS_RULE)
    assert "2022-2025" in due.explanation


def test_first_half_of_the_next_election_period() -> None:
    phrase = "inden for den første halvdel af den kommunale valgperiode"
    due = next_revision_due("2013-04-10", phrase, None)
    assert due.due_date == date(2015, 12, 31)
    # Adopted after the election but before the new council took office.
    assert next_revision_due("2021-12-01", phrase, None).due_date == date(2023, 12, 31)
    assert next_revision_due("2022-01-01", phrase, None).due_date == date(2027, 12, 31)


def test_first_year_of_the_period_and_after_the_election() -> None:
    start = next_revision_due("2019-06-12", "ved starten af hver ny valgperiode", None)
    assert start.due_date == date(2022, 12, 31)
    after = next_revision_due("2013-11-30", "senest et år efter kommunalvalget", None)
    assert after.due_date == date(2018, 11, 21)


def test_stated_year_and_validity_need_no_adoption_date() -> None:
    revised = next_revision_due(None, "revideres i 2024", None)
    assert revised is not None
    assert (revised.due_date, revised.basis) == (date(2024, 12, 31), BASIS_RULE)
    valid = next_revision_due("2021", "gælder til 2025", None)
    assert valid.due_date == date(2025, 12, 31)


def test_once_after_adoption() -> None:
    assert next_revision_due("2020-03-15", "senest 2 år efter", None).due_date == date(2022, 3, 15)


def test_period_gives_the_due_date_without_a_rule() -> None:
    due = next_revision_due(None, None, "2020-2023")
    assert due is not None
    assert (due.due_date, due.basis) == (date(2023, 12, 31), BASIS_PERIOD)
    assert next_revision_due(None, None, "2013-14").due_date == date(2014, 12, 31)  # type: ignore[union-attr]


def test_the_earlier_of_rule_and_period_is_due() -> None:
    yearly = next_revision_due("2020-02-01", "årligt", "2020-2023")
    assert (yearly.due_date, yearly.basis) == (date(2021, 2, 1), BASIS_RULE)
    every_fourth = next_revision_due("2020-02-01", "hvert fjerde år", "2020-2021")
    assert (every_fourth.due_date, every_fourth.basis) == (date(2021, 12, 31), BASIS_PERIOD)


def test_default_age_says_so() -> None:
    due = next_revision_due("2014-09-10", None, None)
    assert (due.due_date, due.basis) == (date(2022, 9, 10), BASIS_DEFAULT_AGE)
    assert "8 år" in due.explanation
    longer = next_revision_due("2014-09-10", None, None, default_max_age_years=10)
    assert longer.due_date == date(2024, 9, 10)


def test_unreadable_rule_falls_back_and_says_why() -> None:
    due = next_revision_due("2012-08", "når det findes relevant", None)
    assert due.basis == BASIS_DEFAULT_AGE
    assert "kunne ikke tolkes" in due.explanation
    assert due.due_date == date(2020, 8, 31)


def test_election_rule_before_the_four_year_periods_falls_back_to_the_default_age() -> None:
    due = next_revision_due("1979-05-01", "ved hver valgperiode", None)
    assert (due.due_date, due.basis) == (date(1987, 5, 1), BASIS_DEFAULT_AGE)
    assert "før 1982" in due.explanation


def test_nothing_to_date_the_policy_by() -> None:
    assert next_revision_due(None, None, None) is None
    assert next_revision_due(None, "hvert fjerde år", None) is None


def test_invalid_adoption_dates_are_refused() -> None:
    with pytest.raises(ValueError):
        next_revision_due("10. september 2014", None, None)
    with pytest.raises(ValueError):
        parse_stated_date("2014-13")


def _due(day: date) -> RevisionDue:
    return RevisionDue(day, BASIS_RULE, "")


@pytest.mark.parametrize(
    ("due_date", "status"),
    [
        (date(2024, 6, 1), OVERDUE),
        (date(2025, 5, 31), OVERDUE),
        (date(2025, 6, 1), DUE_SOON),  # the due date itself is still on time
        (date(2025, 12, 1), DUE_SOON),  # within six months
        (date(2025, 12, 2), CURRENT),
        (date(2030, 1, 1), CURRENT),
    ],
)
def test_status_as_of_a_fixed_day(due_date: date, status: str) -> None:
    assert revision_status(_due(due_date), as_of=date(2025, 6, 1)) == status


def test_replaced_and_draft_win_over_the_due_date() -> None:
    overdue = _due(date(2010, 1, 1))
    assert revision_status(overdue, as_of=date(2025, 6, 1), replaced=True) == REPLACED
    assert revision_status(overdue, as_of=date(2025, 6, 1), draft=True) == DRAFT
    assert revision_status(None, as_of=date(2025, 6, 1)) == UNKNOWN


def test_add_months_keeps_within_the_month() -> None:
    assert add_months(date(2021, 1, 31), 1) == date(2021, 2, 28)
    assert add_months(date(2021, 11, 30), 3) == date(2022, 2, 28)
    assert add_months(date(2021, 5, 15), -6) == date(2020, 11, 15)
