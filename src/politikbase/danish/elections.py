"""Danish municipal and regional election periods, computed rather than listed.

Since 1981 the municipal councils are elected every fourth year on the third
Tuesday of November (1981, 1985, …, 2013, 2017, 2021, 2025, …); the regional
councils are elected on the same day since 2005. An election period starts on
1 January after the election and lasts four years, so the council elected on
16 November 2021 sits from 1 January 2022 to 31 December 2025. Between the
election and 1 January the outgoing council is still in office.

Before 1982 the periods were irregular (the 1978 election was held in March and
its council sat until the end of 1981), so these functions refuse earlier dates
rather than compute wrong ones.
"""

from __future__ import annotations

from datetime import date, timedelta

FIRST_REGULAR_ELECTION_YEAR = 1981  # the first November election of the four-year rhythm
FIRST_REGIONAL_ELECTION_YEAR = 2005
PERIOD_YEARS = 4
ELECTION_MONTH = 11  # November
ELECTION_WEEKDAY = 1  # Tuesday (Monday is 0)
ELECTION_WEEK_OF_MONTH = 3  # the third Tuesday
FIRST_PERIOD_START = date(FIRST_REGULAR_ELECTION_YEAR + 1, 1, 1)


def is_election_year(year: int) -> bool:
    """True for a year with a municipal election in November (1981, 1985, … 2021, 2025)."""
    return (
        year >= FIRST_REGULAR_ELECTION_YEAR
        and (year - FIRST_REGULAR_ELECTION_YEAR) % PERIOD_YEARS == 0
    )


def election_day(year: int) -> date:
    """The day of the municipal election of `year`: the third Tuesday of November."""
    if not is_election_year(year):
        raise ValueError(f"{year} is not a Danish municipal election year")
    first = date(year, ELECTION_MONTH, 1)
    first_tuesday = first + timedelta(days=(ELECTION_WEEKDAY - first.weekday()) % 7)
    return first_tuesday + timedelta(weeks=ELECTION_WEEK_OF_MONTH - 1)


def _check_regular(day: date) -> None:
    if day < FIRST_PERIOD_START:
        raise ValueError(
            f"{day.isoformat()} lies before the four-year election periods that began in 1982"
        )


def election_year_for(day: date) -> int:
    """The year of the election that chose the council in office on `day`.

    The council elected in November takes office on 1 January, so a day between
    an election and the new year still belongs to the previous election.
    """
    _check_regular(day)
    offset = (day.year - 1 - FIRST_REGULAR_ELECTION_YEAR) % PERIOD_YEARS
    return day.year - 1 - offset


def period_of_election(year: int) -> tuple[date, date]:
    """The first and last day of the period of the council elected in `year`."""
    if not is_election_year(year):
        raise ValueError(f"{year} is not a Danish municipal election year")
    return date(year + 1, 1, 1), date(year + PERIOD_YEARS, 12, 31)


def period_containing(day: date) -> tuple[date, date]:
    """The election period holding `day`: (1 January after an election, 31 December
    four years later), both days included."""
    return period_of_election(election_year_for(day))


def next_period_after(day: date) -> tuple[date, date]:
    """The election period that follows the one holding `day`."""
    return period_of_election(election_year_for(day) + PERIOD_YEARS)


def next_election_after(day: date) -> date:
    """The first election day after `day` (an election on `day` itself does not count)."""
    year = max(day.year, FIRST_REGULAR_ELECTION_YEAR)
    year += (FIRST_REGULAR_ELECTION_YEAR - year) % PERIOD_YEARS
    candidate = election_day(year)
    return candidate if candidate > day else election_day(year + PERIOD_YEARS)
