"""Danish municipal election days and election periods, computed."""

from __future__ import annotations

from datetime import date

import pytest

from politikbase.danish.elections import (
    election_day,
    election_year_for,
    is_election_year,
    next_election_after,
    next_period_after,
    period_containing,
    period_of_election,
)


@pytest.mark.parametrize(
    ("year", "day"),
    [
        (2001, date(2001, 11, 20)),
        (2005, date(2005, 11, 15)),
        (2009, date(2009, 11, 17)),
        (2013, date(2013, 11, 19)),
        (2017, date(2017, 11, 21)),
        (2021, date(2021, 11, 16)),
        (2025, date(2025, 11, 18)),
    ],
)
def test_election_is_held_on_the_third_tuesday_of_november(year: int, day: date) -> None:
    assert election_day(year) == day


def test_elections_come_every_fourth_year_from_1981() -> None:
    assert [year for year in range(1975, 2031) if is_election_year(year)] == [
        1981, 1985, 1989, 1993, 1997, 2001, 2005, 2009, 2013, 2017, 2021, 2025, 2029,
    ]  # fmt: skip
    with pytest.raises(ValueError):
        election_day(2022)


def test_period_starts_on_the_first_of_january_after_the_election() -> None:
    assert period_of_election(2021) == (date(2022, 1, 1), date(2025, 12, 31))
    assert period_containing(date(2022, 1, 1)) == (date(2022, 1, 1), date(2025, 12, 31))
    assert period_containing(date(2025, 12, 31)) == (date(2022, 1, 1), date(2025, 12, 31))


def test_outgoing_council_sits_between_election_and_new_year() -> None:
    # Elected 16 November 2021, the new council takes office on 1 January 2022.
    assert election_year_for(date(2021, 11, 17)) == 2017
    assert election_year_for(date(2021, 12, 31)) == 2017
    assert election_year_for(date(2022, 1, 1)) == 2021
    assert period_containing(date(2019, 6, 12)) == (date(2018, 1, 1), date(2021, 12, 31))


def test_next_period_and_next_election() -> None:
    assert next_period_after(date(2013, 4, 10)) == (date(2014, 1, 1), date(2017, 12, 31))
    assert next_election_after(date(2013, 4, 10)) == date(2013, 11, 19)
    assert next_election_after(date(2013, 11, 19)) == date(2017, 11, 21)
    assert next_election_after(date(2022, 3, 1)) == date(2025, 11, 18)


def test_days_before_the_four_year_periods_are_refused() -> None:
    with pytest.raises(ValueError):
        period_containing(date(1980, 5, 1))
