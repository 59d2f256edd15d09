"""The period a document covers: "2020-2023", or one year ("Beskæftigelsesplan 2017").

Where a period is stated, in order of trust:

1. in the title ("Forvaltningens strategiplan for 2013-14" → "2013-2014");
2. in the opening, the title block ("Strategi 2014-2016", "DIGITALISERINGSSTRATEGI
   2016-2020 April 2016");
3. anywhere, as a range after the document's own name ("Glostrup Kommunes
   Sundheds- og Forebyggelsesstrategi 2020-2023", "Dagtilbudspolitikken for 2013
   2017") or in a stated period ("gælder for perioden 2020-2023").

A range beats a single year in the same place. A year is no period where it is a
date ("April 2016", "19.03.2013", "forår 2017"), a horizon or a point in time ("frem
mod 2021", "i 2012-2013", "siden 2010"), a publication line ("Udgivet af Faxe
Kommune 2013", "Herlev Kommune, 2016"), or a vision's target year ("Byrådets
vision 2018", "budget 2010"). A single year counts only in the title and the opening: further on,
"Udviklingsstrategi 2012" names an earlier edition. A slide deck has no period of
its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from politikbase.danish.dates import find_dates, find_year_ranges, find_years
from politikbase.danish.policy_words import find_policy_names, lower_in_place
from politikbase.danish.relations import RELATION_CUE

# Words after which a year is a point in time or a horizon, not a period.
_POINT_IN_TIME = frozenset(
    {
        "i", "fra", "til", "mod", "siden", "før", "efter", "inden", "senest", "år", "ultimo",
        "primo", "medio", "frem", "indtil", "ca.", "ca", "omkring", "dato", "dato:", "©",
        "copyright", "version", "rev.", "pr.", "per", "af", "den", "d.",
    }
)
# A single year after these names a target ("vision 2018") or a budget ("budget 2010").
_TARGET_OR_BUDGET = frozenset(
    {"vision", "visionen", "budget", "budgettet", "budgetår", "regnskab", "regnskabet"}
)
# Words of a publication line: a year in the next few words is when it was published.
_PUBLICATION = re.compile(
    r"(?<![\w])(?:udgivet|opdateret|revideret|evalueret|oprettet|godkendt|vedtaget|trykt|"
    r"redigeret|udarbejdet)(?![\w])"
)
_PUBLICATION_WORDS = 4
_STATED_PERIOD = re.compile(
    r"(?:(?:gælder|gældende|løber)(?:\s+(?:for|i))?(?:\s+(?:perioden|årene))?(?:\s+fra)?"
    r"|\w*(?:strategi|politik|plan|program|aftale)perioden)\s+$"
)
_EARLIER = re.compile(r"(?:tidligere|forrige|gamle|hidtidige|sidste|første)\s+$")
_FROM_TO = re.compile(r"fra\s+(?:19|20)\d{2}\s+til\s")
_AFTER_NAME = re.compile(r"\s+(?:for\s+(?:perioden\s+)?|i\s+perioden\s+)?$")
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_PROSE_AFTER = re.compile(r"[ \t]+[a-zæøå]")
_NAME_WINDOW = 90
_WORDS_WINDOW = 60


@dataclass(frozen=True, slots=True)
class Period:
    value: str
    start: int | None
    end: int | None
    confidence: float


def _is_period_year(lowered: str, start: int, low: int, single: bool) -> bool:
    before = lowered[max(low, start - _WORDS_WINDOW) : start]
    if before.rstrip().endswith(","):
        return False
    word = _WORD_BEFORE.search(before)
    previous = word.group(1) if word else ""
    if previous in _POINT_IN_TIME:
        return False
    if single and previous in _TARGET_OR_BUDGET:
        return False
    recent = before.split()[-_PUBLICATION_WORDS:]
    return _PUBLICATION.search(" ".join(recent)) is None


def _names_other_policy(
    text: str, lowered: str, start: int, low: int, own_keys: Collection[str]
) -> bool:
    """True when the years at `start` follow the name of another policy ("afløser
    Integrationspolitik 2015-2019", "bygger på Kommuneplan 2021")."""
    window_start = max(low, start - _NAME_WINDOW)
    if RELATION_CUE.search(lowered, window_start, start) is not None:
        return True  # "Politikken afløser Integrationspolitik 2015-2019": an earlier edition
    names = [n for n in find_policy_names(text, window_start, start) if n.compound]
    if not names or names[-1].key in own_keys:
        return False
    return bool(_AFTER_NAME.fullmatch(lowered, names[-1].end, start)) or names[-1].end == start


def _in_zone(
    text: str,
    lowered: str,
    low: int,
    high: int,
    own_keys: Collection[str] | None = None,
) -> tuple[str, int, int] | None:
    """The first stated range (else year) in `lowered[low:high]`: (value, start, end).

    `own_keys` are given for an opening (not for the title itself): there a single
    year counts only where a heading has it, not in running prose ("økonomi for
    2008 indgik en række principper"), and years after another policy's name are
    that policy's.
    """
    dates = [(d.start, d.end) for d in find_dates(lowered, low, high)]
    title_block = own_keys is not None

    def free(start: int, end: int) -> bool:
        if any(s < end and start < e for s, e in dates):
            return False
        return not (
            title_block and _names_other_policy(text, lowered, start, low, own_keys or ())
        )

    for found in find_year_ranges(lowered, low, high):
        if not free(found.start, found.end):
            continue
        # "fra 2022 til 2026" is a period; "fra 2022" alone a starting point.
        from_to = _FROM_TO.search(lowered, max(low, found.start - 5), found.end)
        if from_to or _is_period_year(lowered, found.start, low, False):
            return found.value, found.start, found.end
    for year in find_years(lowered, low, high):
        if title_block and _PROSE_AFTER.match(text, year.end):
            continue
        if free(year.start, year.end) and _is_period_year(lowered, year.start, low, True):
            return year.value, year.start, year.end
    return None


def _after_own_name(text: str, lowered: str, own_keys: Collection[str]) -> Period | None:
    for found in find_year_ranges(lowered):
        window_start = max(0, found.start - _NAME_WINDOW)
        if _STATED_PERIOD.search(lowered, window_start, found.start):
            return Period(found.value, found.start, found.end, 0.8)
        if not own_keys:
            continue
        names = [n for n in find_policy_names(text, window_start, found.start) if n.compound]
        if not names or names[-1].key not in own_keys:
            continue
        if RELATION_CUE.search(lowered, window_start, names[-1].start) is not None:
            continue  # an earlier edition the document replaces or builds on
        if _EARLIER.search(lowered, window_start, names[-1].start) is not None:
            continue  # "den tidligere Sundhedspolitik 2015-2018"
        if _AFTER_NAME.fullmatch(lowered, names[-1].end, found.start) or (
            names[-1].end == found.start
        ):
            return Period(found.value, names[-1].start, found.end, 0.8)
    return None


def find_period(
    text: str,
    lowered: str,
    title: str,
    title_span: tuple[int, int] | None,
    opening: int,
    own_keys: Collection[str],
) -> Period | None:
    """The period the document states for itself, or None."""
    if title_span is not None:
        found = _in_zone(text, lowered, *title_span)
        if found is not None:
            return Period(found[0], found[1], found[2], 0.9)
    elif title:
        found = _in_zone(title, lower_in_place(title), 0, len(title))
        if found is not None:
            return Period(found[0], None, None, 0.85)
    found = _in_zone(text, lowered, 0, opening, own_keys)
    if found is not None:
        return Period(found[0], found[1], found[2], 0.8)
    return _after_own_name(text, lowered, own_keys)
