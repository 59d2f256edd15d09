"""Read a Danish revision rule ("hvert fjerde år", "ved hver valgperiode") into a structure.

Policies state when they are to be revised in a handful of ways, and each maps
to one kind of rule:

* `interval` — every so often: "hvert fjerde år", "hvert 2. år", "årligt",
  "en gang om året", "hvert halve år", "hver 3. måned";
* `after_adoption` — once, some time after adoption: "senest 2 år efter
  vedtagelsen", "evalueres efter et år";
* `period_window` — in every election period, within its first `months`:
  "ved hver valgperiode" (the whole period, 48 months), "inden for den første
  halvdel af valgperioden" (24), "ved starten af hver ny valgperiode" (12);
* `after_election` — some time after every election: "senest et år efter
  kommunalvalget";
* `deadline` — by a stated year or month: "revideres i 2024", "gælder til 2025"
  (`until` is set when the phrase states how long the policy is valid).

The phrase may be a whole sentence; the first rule found in it is read. Number
words are read as Danish cardinals and ordinals ("fjerde", "to", "4.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INTERVAL = "interval"
AFTER_ADOPTION = "after_adoption"
PERIOD_WINDOW = "period_window"
AFTER_ELECTION = "after_election"
DEADLINE = "deadline"

MONTHS_PER_YEAR = 12
WHOLE_PERIOD_MONTHS = 48
HALF_PERIOD_MONTHS = 24
HALF_YEAR_MONTHS = 6
QUARTER_MONTHS = 3

# Cardinals and ordinals that count years or months in a rule.
_NUMBER_WORDS: dict[str, int] = {
    "et": 1, "én": 1, "en": 1, "ét": 1, "eet": 1, "første": 1,
    "to": 2, "andet": 2, "anden": 2,
    "tre": 3, "tredje": 3,
    "fire": 4, "fjerde": 4,
    "fem": 5, "femte": 5,
    "seks": 6, "sjette": 6,
    "syv": 7, "syvende": 7,
    "otte": 8, "ottende": 8,
    "ni": 9, "niende": 9,
    "ti": 10, "tiende": 10,
    "elleve": 11, "ellevte": 11,
    "tolv": 12, "tolvte": 12,
}  # fmt: skip
_MONTH_NAMES: dict[str, int] = {
    name: number
    for number, name in enumerate(
        (
            "januar", "februar", "marts", "april", "maj", "juni",
            "juli", "august", "september", "oktober", "november", "december",
        ),
        start=1,
    )
}  # fmt: skip

_NUMBER_ALTERNATIVES = r"\d{1,2}\.?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_NUMBER = r"(?P<number>" + _NUMBER_ALTERNATIVES + ")"
_UNIT = r"(?P<unit>års?|måneders|måneder|måned)"
# The council's period under its several names ("valgperioden", "byrådsperiode").
_PERIOD_NOUN = (
    r"(?:kommunal|regional)?(?:valgperiode|byrådsperiode|kommunalbestyrelsesperiode|"
    r"regionsrådsperiode|funktionsperiode|byrådets\s+periode|kommunalbestyrelsens\s+periode)n?s?"
)
_NEW = r"(?:(?:ny|nye|kommunale|regionale|kommende)\s+)?"
_ELECTION_NOUN = r"(?:kommunal|regions|regional)?valg(?:et)?"
_ADOPTION_NOUN = (
    r"(?:vedtagelsen|godkendelsen|ikrafttrædelsen|ikrafttræden|implementeringen|"
    r"offentliggørelsen|politikkens\s+vedtagelse|denne\s+politiks\s+vedtagelse)"
)
_MONTH_YEAR = r"(?:(?P<month>" + "|".join(_MONTH_NAMES) + r")\s+)?(?P<year>(?:19|20)\d{2})\b"

_HALF_YEARLY = re.compile(
    r"\bhvert\s+halve\s+år\b|\bhalvårlig(?:t|e)?\b|\bto\s+gange\s+om\s+året\b"
)
_QUARTERLY = re.compile(r"\bhvert\s+kvartal\b|\bkvartalsvis\b")
_YEARLY = re.compile(
    r"\bhvert\s+(?:kalender)?år\b|\bårlig(?:t|e)?\b"
    r"|\b(?:en|én)\s+gang\s+(?:om|hvert|pr\.?|i)\s+år(?:et)?\b|\bfra\s+år\s+til\s+år\b"
)
_EVERY_N_YEARS = re.compile(
    r"\b(?:(?:for\s+)?hvert?\s+"
    + _NUMBER
    + r"\s+år|med\s+(?P<apart>"
    + _NUMBER_ALTERNATIVES
    + r")\s+års?\s+(?:mellemrum|interval))\b"
)
_EVERY_N_MONTHS = re.compile(r"\bhver\s+" + _NUMBER + r"\s+måned\b")
_FIRST_HALF = re.compile(
    r"\b(?:første|1\.)\s+halvdel\s+af\s+(?:den\s+|hver\s+)?" + _NEW + _PERIOD_NOUN
    + r"|\b" + _PERIOD_NOUN + r"\s+første\s+halvdel\b"
)  # fmt: skip
_FIRST_YEAR = re.compile(
    r"\b(?:første|1\.)\s+år\s+(?:af|i)\s+(?:den\s+|hver\s+)?" + _NEW + _PERIOD_NOUN
    + r"|\b" + _PERIOD_NOUN + r"\s+første\s+år\b"
    + r"|\b(?:starten|begyndelsen|start)\s+af\s+(?:hver|en|den)\s+" + _NEW + _PERIOD_NOUN
)  # fmt: skip
_EVERY_PERIOD = re.compile(
    r"\b(?:hver|enhver|ny|nye)\s+" + _NEW + _PERIOD_NOUN
    + r"|\bhvert\s+(?:nyt\s+)?(?:kommunal|regions|regional)?valg\b"
    + r"|\bi\s+løbet\s+af\s+(?:hver\s+|den\s+)?" + _NEW + _PERIOD_NOUN
)  # fmt: skip
_AFTER_ELECTION = re.compile(
    r"\b(?:senest|inden|indenfor|inden\s+for)\s+" + _NUMBER + r"\s+" + _UNIT
    + r"\s+efter\s+(?:hvert\s+|et\s+)?" + _ELECTION_NOUN + r"\b"
)  # fmt: skip
_AFTER_ADOPTION = re.compile(
    r"(?:\b(?:senest|inden|indenfor|inden\s+for|efter)\s+|\b(?="
    + _NUMBER_ALTERNATIVES + r"\s+\S+\s+efter\s+" + _ADOPTION_NOUN + r"))"
    + _NUMBER + r"\s+" + _UNIT + r"\b(?:\s+efter\s+" + _ADOPTION_NOUN + r")?"
)  # fmt: skip
_UNTIL = re.compile(
    r"\b(?:(?:gælder|gældende|gyldig|løber|kører|dækker|rækker|varer)\s+"
    r"(?:(?:frem\s+)?til(?:\s+og\s+med)?|indtil|perioden\s+frem\s+til)"
    r"|frem\s+til(?:\s+og\s+med)?|udløber(?:\s+i)?)\s+"
    r"(?:(?:udgangen|slutningen)\s+af\s+)?" + _MONTH_YEAR
)
_BY_YEAR = re.compile(
    r"\b(?:revideres|revision|revideret|opdateres|opdatering|evalueres|evaluering|"
    r"rulleres|fornyes|genbesøges|justeres|gennemgås|tages\s+op|forventes|skal)\b"
    r"[^.;]{0,40}?\b(?:i|inden|senest|primo|medio|ultimo|foråret|efteråret|løbet\s+af|"
    r"udgangen\s+af|slutningen\s+af)\s+(?:(?:i|af|udgangen\s+af)\s+)?" + _MONTH_YEAR
)


@dataclass(frozen=True, slots=True)
class RevisionRule:
    """A revision rule read from its phrase; `start`/`end` is the part of the phrase read."""

    kind: str
    phrase: str
    start: int
    end: int
    months: int | None = None  # interval, time after adoption or election, or period window
    year: int | None = None  # deadline year
    month: int | None = None  # deadline month, when stated
    until: bool = False  # a deadline stated as the end of validity ("gælder til 2025")


def number_value(word: str) -> int | None:
    """The value of a Danish number word or numeral ("fjerde" → 4, "2." → 2)."""
    word = word.lower().rstrip(".")
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _months(match: re.Match[str]) -> int | None:
    count = number_value(match.group("number"))
    if count is None:
        return None
    unit = match.groupdict().get("unit") or "år"
    return count if unit.startswith("måned") else count * MONTHS_PER_YEAR


def _rule(
    kind: str,
    phrase: str,
    match: re.Match[str],
    *,
    months: int | None = None,
    year: int | None = None,
    month: int | None = None,
    until: bool = False,
) -> RevisionRule:
    return RevisionRule(kind, phrase, match.start(), match.end(), months, year, month, until)


def _deadline(phrase: str, match: re.Match[str], until: bool) -> RevisionRule:
    month = match.group("month")
    return _rule(
        DEADLINE,
        phrase,
        match,
        year=int(match.group("year")),
        month=_MONTH_NAMES[month] if month else None,
        until=until,
    )


def _election_rule(phrase: str, lowered: str) -> RevisionRule | None:
    for pattern, months in ((_FIRST_HALF, HALF_PERIOD_MONTHS), (_FIRST_YEAR, MONTHS_PER_YEAR)):
        match = pattern.search(lowered)
        if match:
            return _rule(PERIOD_WINDOW, phrase, match, months=months)
    match = _AFTER_ELECTION.search(lowered)
    if match and _months(match):
        return _rule(AFTER_ELECTION, phrase, match, months=_months(match))
    match = _EVERY_PERIOD.search(lowered)
    if match:
        return _rule(PERIOD_WINDOW, phrase, match, months=WHOLE_PERIOD_MONTHS)
    return None


def _interval_rule(phrase: str, lowered: str) -> RevisionRule | None:
    match = _EVERY_N_YEARS.search(lowered)
    if match:
        count = number_value(match.group("number") or match.group("apart"))
        if count:
            return _rule(INTERVAL, phrase, match, months=count * MONTHS_PER_YEAR)
    match = _EVERY_N_MONTHS.search(lowered)
    if match:
        count = number_value(match.group("number"))
        if count:
            return _rule(INTERVAL, phrase, match, months=count)
    for pattern, months in (
        (_HALF_YEARLY, HALF_YEAR_MONTHS),
        (_QUARTERLY, QUARTER_MONTHS),
        (_YEARLY, MONTHS_PER_YEAR),
    ):
        match = pattern.search(lowered)
        if match:
            return _rule(INTERVAL, phrase, match, months=months)
    return None


def parse_revision_rule(phrase: str) -> RevisionRule | None:
    """The rule a Danish phrase states, or None when it states none that can be dated.

    Election-period rules are read first (their phrases hold words like "år"
    that would read as intervals), then intervals, time after adoption, and
    stated deadlines. `start`/`end` of the rule are offsets in the phrase with its
    whitespace collapsed (the phrase kept in the rule is that form).
    """
    phrase = " ".join(phrase.split())
    lowered = phrase.lower()
    for read in (_election_rule, _interval_rule):
        rule = read(phrase, lowered)
        if rule is not None:
            return rule
    match = _AFTER_ADOPTION.search(lowered)
    if match and _months(match):
        return _rule(AFTER_ADOPTION, phrase, match, months=_months(match))
    match = _UNTIL.search(lowered)
    if match:
        return _deadline(phrase, match, until=True)
    match = _BY_YEAR.search(lowered)
    if match:
        return _deadline(phrase, match, until=False)
    return None
