"""What the words of a search query say besides their subject.

A person searching a national register writes "klimastrategi Aarhus", "politik for
handicappede vedtaget efter 2015" or "Region Midtjylland sundhed". This module finds
the organisation, the document type and the years such a query names, as plain
spans of the query, leaving the decision of what to do with them to the search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from politikbase.danish.organisations import Organisation, organisation_by_name

# Document type words a query may use, by the type they ask for.
TYPE_WORDS: dict[str, str] = {
    "politik": "politik", "politikker": "politik", "politikken": "politik",
    "strategi": "strategi", "strategier": "strategi", "strategien": "strategi",
    "plan": "plan", "planer": "plan", "planen": "plan",
    "handleplan": "handleplan", "handleplaner": "handleplan", "handlingsplan": "handleplan",
    "retningslinjer": "retningslinjer", "vision": "vision", "visioner": "vision",
    "regler": "regler", "regulativ": "regler",
}

# Place names that are also everyday words: only taken as a place when capitalised
# or followed by "kommune" ("vejen til job" is no query about Vejen).
_AMBIGUOUS_PLACES = frozenset({"vejen", "odder", "greve", "skive", "varde", "tønder", "assens",
                               "lemvig", "struer", "læsø", "ærø", "samsø", "fanø"})

_ORGANISATION = re.compile(
    r"(?<![\w-])(?P<name>region\s+(?:hovedstaden|sjælland|syddanmark|midtjylland|nordjylland)"
    r"|[^\W\d_]+(?:-[^\W\d_]+)?(?:\s+(?:regions)?kommunes?)?)(?![\w-])",
    re.IGNORECASE,
)
_MUNICIPALITY_WORD = re.compile(r"\s+(?:regions)?kommunes?$", re.IGNORECASE)
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_YEAR_PHRASES = (
    (re.compile(rf"(?:vedtaget\s+|godkendt\s+)?(?:efter|siden)\s+{_YEAR}\b", re.I), "after"),
    (re.compile(rf"(?:vedtaget\s+|godkendt\s+)?(?:fra)\s+{_YEAR}\b(?!\s*[-–])", re.I), "from"),
    (re.compile(rf"(?:vedtaget\s+|godkendt\s+)?(?:før|inden)\s+{_YEAR}\b", re.I), "before"),
    (re.compile(rf"(?:vedtaget|godkendt)\s+(?:i\s+)?{_YEAR}\b", re.I), "in"),
)


@dataclass(frozen=True, slots=True)
class QuerySpan:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class OrganisationInQuery(QuerySpan):
    name: str  # the official name


@dataclass(frozen=True, slots=True)
class YearsInQuery(QuerySpan):
    first: int | None  # inclusive
    last: int | None  # inclusive


def organisations_in_query(query: str) -> list[OrganisationInQuery]:
    """Municipalities and regions the query names, by place or official name."""
    found: list[OrganisationInQuery] = []
    for match in _ORGANISATION.finditer(query):
        name = match.group("name")
        has_kommune = _MUNICIPALITY_WORD.search(name) is not None
        place = _MUNICIPALITY_WORD.sub("", name)
        if (place.lower() in _AMBIGUOUS_PLACES and not has_kommune
                and not place[:1].isupper()):
            continue
        if place.lower() in TYPE_WORDS:
            continue
        organisation = _organisation(name if has_kommune else place)
        if organisation is None and not has_kommune:
            continue
        if organisation is not None and (
            has_kommune or place.lower().rstrip("s") in _place_forms(organisation.short_name)
            or name.lower().startswith("region")
        ):
            found.append(OrganisationInQuery(match.start(), match.end(), organisation.name))
    return found


@lru_cache(maxsize=8192)
def _organisation(name: str) -> Organisation | None:
    """`organisation_by_name`, remembered: a query's words recur across searches."""
    return organisation_by_name(name)


def _place_forms(short_name: str) -> set[str]:
    # A place is only recognised as itself, not as a word that merely resembles it.
    lower = short_name.lower()
    return {lower, lower.rstrip("s"), lower.replace("aa", "å"), lower.replace("å", "aa")}


def years_in_query(query: str) -> list[YearsInQuery]:
    """Adoption year limits the query states ("vedtaget efter 2015", "før 2010")."""
    found: list[YearsInQuery] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _YEAR_PHRASES:
        for match in pattern.finditer(query):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            year = int(match.group("year"))
            first, last = {
                "after": (year + 1, None), "from": (year, None), "before": (None, year - 1),
                "in": (year, year),
            }[kind]
            found.append(YearsInQuery(match.start(), match.end(), first, last))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda span: span.start)


def type_words_in_query(query: str) -> list[tuple[QuerySpan, str]]:
    """Standalone type words ("politik", "strategier") and the type each asks for."""
    return [
        (QuerySpan(match.start(), match.end()), TYPE_WORDS[match.group().lower()])
        for match in re.finditer(r"(?<![\w-])[^\W\d_]+(?![\w-])", query)
        if match.group().lower() in TYPE_WORDS
    ]
