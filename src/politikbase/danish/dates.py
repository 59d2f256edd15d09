"""Danish dates and year ranges as documents write them, at the precision they state.

Dates: "den 10. september 2014", "d. 14. august 2013", "10. april 2019",
"1. feb. 2014", "den xx. juni 2015" (a day left open in a draft: month precision),
"i maj 2014", "dec. 2013", "19.03.2013", "19.03. 2013", "13/3 2017", "7/1-08",
"2013-03-19", "foråret 2017" and "ultimo 2011" (year precision). A date is given
as "YYYY-MM-DD", "YYYY-MM" or "YYYY", exactly as precise as the text: no day is
ever invented.

Year ranges: "2020-2023", "2020 – 2023", "2013-14", "2013/14", "2020 til 2023",
"2020 til og med 2023", and "2012 2015" where a lost dash left two years side by
side (the caller decides where that reading is safe).

All functions read lower-cased text (`policy_words.lower_in_place`), which keeps
every offset and lets the patterns run without case folding.
"""

from __future__ import annotations

import calendar
import re
from typing import NamedTuple

MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
# Longest first, so "september" is not read as "sep" + "tember".
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
# The last year a two-digit year ("7/1-08") is read in the 2000s.
TWO_DIGIT_YEAR_PIVOT = 69
# A range longer than this is two unrelated years, not a period.
MAX_RANGE_YEARS = 25
# Two years side by side are read as a range only this close.
MAX_SPACED_RANGE_YEARS = 12

DAY, MONTH, YEAR = "day", "month", "year"

_DATE = re.compile(
    # den 10. september 2014 / d. 14. august 2013 / den xx. juni 2015 / 1. feb. 2014
    rf"(?<![\w.])(?:(?:den|d\.)\s*)?(?P<day>[0-3]?\d|xx)\.?\s*(?P<month>{_MONTH})\.?,?\s+"
    rf"(?P<year>{_YEAR})(?!\d)"
    # 19.03.2013 / 19.03. 2013 / 13/3 2017 / 7/1-08 / 05-12-2014
    rf"|(?<![\w.,/-])(?P<nday>[0-3]?\d)(?P<sep>[./-])(?P<nmonth>[01]?\d)"
    rf"(?:[./-]\s?|(?<=\d)\s(?=\d{{4}}))(?P<nyear>{_YEAR}|\d{{2}})(?![\w]|[.,/-]\d)"
    # 2013-03-19
    rf"|(?<![\w.-])(?P<iyear>{_YEAR})-(?P<imonth>[01]\d)-(?P<iday>[0-3]\d)(?![\w-])"
    # i maj 2014 / dec. 2013
    rf"|(?<![\w.])(?P<monly>{_MONTH})\.?\s+(?P<myear>{_YEAR})(?!\d)"
    # foråret 2017 / ultimo 2011
    rf"|(?<![\w.])(?P<season>(?:forår|efterår|sommer|vinter)(?:et|en)?|ultimo|primo|medio|"
    rf"slutningen\s+af|starten\s+af|begyndelsen\s+af|udgangen\s+af)\s+(?P<syear>{_YEAR})(?!\d)"
)
# The year comes first and the look-behind (at the character before it) after it: a
# pattern that opens with digits is tried only where a "19" or "20" stands, one that
# opens with a look-behind at every position of the text.
_BARE_YEAR = re.compile(
    rf"(?P<year>{_YEAR})(?<![\w.,/–-]{_YEAR})(?![\w]|[,.]\d|\s?[-–/]\s?\d)"
)
_RANGE = re.compile(
    rf"(?P<first>{_YEAR})(?<![\w.,/–-]{_YEAR})"
    r"(?P<link>\s*[-–—/]\s*|\s+til\s+og\s+med\s+|\s+til\s+|\s+)"
    r"(?P<second>(?:19|20)\d{2}|\d{2})(?![\w]|[.,]\d|[-–/]\d)"
)


class DanishDate(NamedTuple):
    value: str  # "2014-09-10", "2014-05" or "2014"
    precision: str  # DAY, MONTH or YEAR
    start: int
    end: int


class YearRange(NamedTuple):
    value: str  # "2020-2023"
    first: int
    last: int
    spaced: bool  # written "2012 2015", with nothing between the years
    start: int
    end: int


def _full_year(digits: str) -> int:
    year = int(digits)
    if len(digits) == 2:
        return 2000 + year if year <= TWO_DIGIT_YEAR_PIVOT else 1900 + year
    return year


def _valid(year: int, month: int, day: int | None = None) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def _date_of(match: re.Match[str]) -> DanishDate | None:
    start, end = match.span()
    if match.group("month") is not None:
        year, month = int(match.group("year")), MONTHS[match.group("month")]
        if match.group("day") == "xx":
            return DanishDate(f"{year:04d}-{month:02d}", MONTH, start, end)
        day = int(match.group("day"))
        if not _valid(year, month, day):
            return None
        return DanishDate(f"{year:04d}-{month:02d}-{day:02d}", DAY, start, end)
    if match.group("nday") is not None:
        year = _full_year(match.group("nyear"))
        month, day = int(match.group("nmonth")), int(match.group("nday"))
        if not _valid(year, month, day):
            return None
        return DanishDate(f"{year:04d}-{month:02d}-{day:02d}", DAY, start, end)
    if match.group("iyear") is not None:
        year, month, day = (int(match.group(g)) for g in ("iyear", "imonth", "iday"))
        if not _valid(year, month, day):
            return None
        return DanishDate(f"{year:04d}-{month:02d}-{day:02d}", DAY, start, end)
    if match.group("monly") is not None:
        year, month = int(match.group("myear")), MONTHS[match.group("monly")]
        return DanishDate(f"{year:04d}-{month:02d}", MONTH, start, end)
    return DanishDate(match.group("syear"), YEAR, start, end)


def find_dates(lowered: str, start: int = 0, end: int | None = None) -> list[DanishDate]:
    """Every full, month or season date in `lowered[start:end]` (bare years excluded)."""
    found: list[DanishDate] = []
    for match in _DATE.finditer(lowered, start, len(lowered) if end is None else end):
        date = _date_of(match)
        if date is not None:
            found.append(date)
    return found


def find_years(lowered: str, start: int = 0, end: int | None = None) -> list[DanishDate]:
    """Every bare year ("2017") in `lowered[start:end]`, ranges and dates not included."""
    return [
        DanishDate(m.group("year"), YEAR, m.start(), m.end())
        for m in _BARE_YEAR.finditer(lowered, start, len(lowered) if end is None else end)
    ]


def find_year_ranges(lowered: str, start: int = 0, end: int | None = None) -> list[YearRange]:
    """Every year range in `lowered[start:end]`, normalised to "YYYY-YYYY"."""
    found: list[YearRange] = []
    for match in _RANGE.finditer(lowered, start, len(lowered) if end is None else end):
        first = int(match.group("first"))
        second_digits = match.group("second")
        if len(second_digits) == 2:
            last = first - first % 100 + int(second_digits)
        else:
            last = int(second_digits)
        spaced = match.group("link").isspace()
        limit = MAX_SPACED_RANGE_YEARS if spaced else MAX_RANGE_YEARS
        if not first < last <= first + limit:
            continue
        if spaced and len(second_digits) == 2:
            continue
        found.append(YearRange(f"{first}-{last}", first, last, spaced, *match.span()))
    return found
