"""When a policy is next due for revision, and whether it is current, due soon or overdue.

The due date comes from, in this order of preference:

* the policy's revision rule ("hvert fjerde år", "ved hver valgperiode", "revideres
  i 2024"), read by `politikbase.danish.revision_rules`;
* its stated validity period ("2020-2023": due when the period ends);
* a default age limit (eight years unless configured) when neither is stated.

When both a rule and a period give a date, the earlier one is due: a plan whose
period runs out needs a decision then, whatever its rule allows.

Partial adoption dates are counted from the latest day they can mean, to be fair
to the municipality: "2014" counts from 31 December 2014 and "2014-05" from
31 May 2014; a full date counts from that day. A due date is the last day on
which the revision is still on time.

Nothing here reads today's date: the status is always computed `as_of` a given day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import overload

from politikbase.danish import elections
from politikbase.danish.revision_rules import (
    AFTER_ADOPTION,
    AFTER_ELECTION,
    DEADLINE,
    INTERVAL,
    PERIOD_WINDOW,
    RevisionRule,
    parse_revision_rule,
)

BASIS_RULE = "rule"
BASIS_PERIOD = "period"
BASIS_DEFAULT_AGE = "default age"

CURRENT = "current"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
REPLACED = "replaced"
DRAFT = "draft"
UNKNOWN = "unknown"  # nothing dates the policy, so no due date can be given

DEFAULT_MAX_AGE_YEARS = 8
DUE_SOON_MONTHS = 6
# A rule phrase longer than this is quoted by the part that states the rule.
MAX_QUOTED_RULE_CHARS = 80

_MONTH_NAMES = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
_PARTIAL_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")
_PERIOD = re.compile(r"^\s*(?:(\d{4})\s*(?:-|–|—|/|til)\s*)?(\d{4}|\d{2})\s*$")


@dataclass(frozen=True, slots=True)
class RevisionDue:
    """The last day a revision is on time, what it was computed from, and why (in Danish)."""

    due_date: date
    basis: str  # "rule" | "period" | "default age"
    explanation: str
    counted_from: date | None = None  # the adoption day counted from, when one was used


@dataclass(frozen=True, slots=True)
class StatedDate:
    """An adoption date at its stated precision ("2014", "2014-05", "2014-05-12")."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def latest(self) -> date:
        """The last day the stated date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def danish(self) -> str:
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTH_NAMES[self.month - 1]} {self.year}"
        return danish_date(self.latest)


def danish_date(day: date) -> str:
    """A date the way Danish text writes it: "10. september 2014"."""
    return f"{day.day}. {_MONTH_NAMES[day.month - 1]} {day.year}"


def parse_stated_date(value: str | date) -> StatedDate:
    """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or a date) keeping its precision."""
    if isinstance(value, date):
        return StatedDate(value.year, value.month, value.day)
    match = _PARTIAL_DATE.match(value)
    if match is None:
        raise ValueError(f"not a date as YYYY, YYYY-MM or YYYY-MM-DD: {value!r}")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    stated = StatedDate(year, month, day)
    stated.latest  # noqa: B018 -- validates month and day
    return stated


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, kept within the month it lands in (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _span(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return "1 år" if years == 1 else f"{years} år"
    return "1 måned" if months == 1 else f"{months} måneder"


def _adoption_text(adopted: StatedDate) -> str:
    if adopted.day is not None:
        return f"Vedtaget {adopted.danish()}"
    precision = "det angivne år" if adopted.month is None else "den angivne måned"
    return (
        f"Vedtaget i {adopted.danish()} (regnet fra {danish_date(adopted.latest)}, "
        f"den sidste dag i {precision})"
    )


def _period_text(start: date, end: date) -> str:
    return f"{start.year}-{end.year}"


def _rule_due(rule: RevisionRule, adopted: StatedDate | None) -> tuple[date, str] | None:
    """The due date a rule gives and the explanation, or None if the adoption is needed."""
    quoted = (
        rule.phrase
        if len(rule.phrase) <= MAX_QUOTED_RULE_CHARS
        else rule.phrase[rule.start : rule.end]
    )
    said = f"reglen »{quoted.strip()}«"
    if rule.kind == DEADLINE:
        assert rule.year is not None
        month = rule.month or 12
        due = date(rule.year, month, calendar.monthrange(rule.year, month)[1])
        if rule.until:
            text = (
                f"Ifølge {said} gælder politikken til {danish_date(due)}, "
                "og den skal revideres inden da."
            )
        else:
            text = f"Ifølge {said} skal politikken revideres senest {danish_date(due)}."
        if adopted is not None:
            text = f"{_adoption_text(adopted)}. {text}"
        return due, text
    if adopted is None or rule.months is None:
        return None
    base = adopted.latest
    opening = _adoption_text(adopted)
    if rule.kind in (INTERVAL, AFTER_ADOPTION):
        due = add_months(base, rule.months)
        later = _span(rule.months)
        return due, f"{opening}; {said} giver revision {later} senere, senest {danish_date(due)}."
    if rule.kind == PERIOD_WINDOW:
        current = elections.period_containing(base)
        start, end = elections.next_period_after(base)
        due = min(add_months(start, rule.months) - timedelta(days=1), end)
        if rule.months >= elections.PERIOD_YEARS * 12:
            window = f"i valgperioden {_period_text(start, end)}"
        elif rule.months == elections.PERIOD_YEARS * 6:
            window = f"i første halvdel af valgperioden {_period_text(start, end)}"
        elif rule.months == 12:
            window = f"i første år af valgperioden {_period_text(start, end)}"
        else:
            window = f"de første {_span(rule.months)} af valgperioden {_period_text(start, end)}"
        return due, (
            f"{opening} i valgperioden {_period_text(*current)}; {said} kræver næste revision "
            f"{window}, senest {danish_date(due)}."
        )
    if rule.kind == AFTER_ELECTION:
        election = elections.next_election_after(base)
        due = add_months(election, rule.months)
        return due, (
            f"{opening}; næste kommunalvalg er {danish_date(election)}, og {said} giver "
            f"revision senest {danish_date(due)}."
        )
    return None


def _period_due(period: str) -> tuple[date, str] | None:
    match = _PERIOD.match(period)
    if match is None:
        return None
    first, last = match.groups()
    end_year = int(last)
    if len(last) == 2:  # "2013-14"
        if first is None:
            return None
        end_year = int(first[:2] + last)
    due = date(end_year, 12, 31)
    return due, (
        f"Gælder for perioden {period.strip()}; næste revision senest ved periodens udløb "
        f"{danish_date(due)}."
    )


@overload
def next_revision_due(
    adopted: str | date,
    rule: str | None,
    period: str | None,
    *,
    default_max_age_years: int = DEFAULT_MAX_AGE_YEARS,
) -> RevisionDue: ...


@overload
def next_revision_due(
    adopted: None,
    rule: str | None,
    period: str | None,
    *,
    default_max_age_years: int = DEFAULT_MAX_AGE_YEARS,
) -> RevisionDue | None: ...


def next_revision_due(
    adopted: str | date | None,
    rule: str | None,
    period: str | None,
    *,
    default_max_age_years: int = DEFAULT_MAX_AGE_YEARS,
) -> RevisionDue | None:
    """The next revision due from the adoption date, revision rule and validity period.

    `adopted` is "YYYY", "YYYY-MM", "YYYY-MM-DD" or a date; None when unknown, in
    which case only a stated deadline or period can date the revision (else None).
    A rule that cannot be read is said so in the explanation and the period or the
    default age is used instead.
    """
    stated = parse_stated_date(adopted) if adopted is not None else None
    candidates: list[RevisionDue] = []
    unread_rule = ""
    if rule and rule.strip():
        parsed = parse_revision_rule(rule)
        quoted = f"Revisionsreglen »{rule.strip()}«"
        found = None
        if parsed is None:
            unread_rule = f"{quoted} kunne ikke tolkes. "
        else:
            try:
                found = _rule_due(parsed, stated)
            except ValueError:  # election periods before the four-year rhythm of 1981
                unread_rule = f"{quoted} kan ikke regnes om til valgperioder før 1982. "
            else:
                if found is None:
                    unread_rule = f"{quoted} kræver en vedtagelsesdato. "
        if found is not None:
            candidates.append(RevisionDue(found[0], BASIS_RULE, found[1], _counted(stated)))
    if period and period.strip():
        found = _period_due(period)
        if found is not None:
            candidates.append(
                RevisionDue(found[0], BASIS_PERIOD, unread_rule + found[1], _counted(stated))
            )
    if candidates:
        return min(candidates, key=lambda due: due.due_date)
    if stated is None:
        return None
    due = add_months(stated.latest, default_max_age_years * 12)
    return RevisionDue(
        due,
        BASIS_DEFAULT_AGE,
        f"{unread_rule}{_adoption_text(stated)}. Ingen revisionsregel eller gyldighedsperiode "
        f"er angivet, så standardgrænsen på {default_max_age_years} år gælder: næste revision "
        f"senest {danish_date(due)}.",
        stated.latest,
    )


def _counted(stated: StatedDate | None) -> date | None:
    return stated.latest if stated is not None else None


def revision_status(
    due: RevisionDue | None, *, as_of: date, replaced: bool = False, draft: bool = False
) -> str:
    """The status: replaced, draft, overdue, due_soon (within six months), current or unknown.

    A replaced policy is never due, and a draft is not yet in force; otherwise the
    due date decides, with the due date itself still on time.
    """
    if replaced:
        return REPLACED
    if draft:
        return DRAFT
    if due is None:
        return UNKNOWN
    if as_of > due.due_date:
        return OVERDUE
    if due.due_date <= add_months(as_of, DUE_SOON_MONTHS):
        return DUE_SOON
    return CURRENT
