"""Phrases that announce a list, and what kind of things a list holds.

Danish policies announce their lists: "Handicappolitikken består af ni
principper", "De syv prioriterede fokusområder er:", "Følgende temaer beskriver
…". The number word says how many items follow, and the noun says what they are
(principles, themes, focus areas, goals, actions); a noun is recognised by its
head, so "støttefunktioner" and "indsatsområder" are read as "funktioner" and
"områder".

The lead-in of a bulleted list says what its items are too: "Det er vores mål,
at" introduces goals, "Derfor" or "Det gør vi ved at" actions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from politikbase.segment.sections_marks import ITEM_KIND

PRINCIPLE = "principle"
THEME = "theme"
FOCUS_AREA = "focus_area"
GOAL = "goal"
ACTION = "action"
APPROACH = "approach"
VALUE = "value"
FUNCTION = "function"

CARDINALS: dict[str, int] = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9,
    "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15,
    "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19, "tyve": 20,
}  # fmt: skip

# Plural heads of nouns that name the items of a list, and the kind each gives.
# Longer heads first: "målsætninger" before "mål", "indsatsområder" before "områder".
_NOUN_KINDS: tuple[tuple[str, str], ...] = (
    ("principper", PRINCIPLE),
    ("temaer", THEME),
    ("fokusområder", FOCUS_AREA),
    ("indsatsområder", FOCUS_AREA),
    ("temaområder", THEME),
    ("målområder", GOAL),
    ("områder", FOCUS_AREA),
    ("målsætninger", GOAL),
    ("pejlemærker", GOAL),
    ("ambitioner", GOAL),
    ("mål", GOAL),
    ("indsatser", ACTION),
    ("initiativer", ACTION),
    ("handlinger", ACTION),
    ("tiltag", ACTION),
    ("spor", THEME),
    ("tilgange", APPROACH),
    ("værdier", VALUE),
    ("funktioner", FUNCTION),
    ("søjler", THEME),
    ("fokuspunkter", FOCUS_AREA),
    ("elementer", ITEM_KIND),
    ("punkter", ITEM_KIND),
    ("perspektiver", ITEM_KIND),
    ("dimensioner", ITEM_KIND),
    ("anbefalinger", ACTION),
    ("byggesten", ITEM_KIND),
    ("strategier", ITEM_KIND),
    ("udfordringer", ITEM_KIND),
)
_NOUN_HEADS = "|".join(head for head, _ in _NOUN_KINDS)
_NUMBER = "|".join(sorted(CARDINALS, key=len, reverse=True))
# "ni principper", "De syv prioriterede fokusområder", "5 indsatsområder". Matched only
# where a cheap scan for a number between spaces has found one: the full pattern
# tried at every position of a long text would cost more than all the rest.
_NUMBER_HIT = re.compile(r"[\s(](?:" + _NUMBER + r"|\d{1,2})\s")
_COUNT_PHRASE = re.compile(
    r"(?P<number>" + _NUMBER + r"|\d{1,2})\s+"
    r"(?:[\w-]+,?\s+){0,3}?"
    r"(?P<noun>[\w-]*?(?:" + _NOUN_HEADS + r"))(?![\w-])"
)
# "følgende temaer", "nedenstående indsatser": an announcement without a count.
_FOLLOWING_WORDS = ("følgende", "nedenstående")
_FOLLOWING_PHRASE = re.compile(
    r"(?:" + "|".join(_FOLLOWING_WORDS) + r")\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[\w-]*?(?:" + _NOUN_HEADS + r"))(?![\w-])"
)
_HEAD_AT_WORD_END = re.compile(r"(?:" + _NOUN_HEADS + r")(?![\w-])")
_GOAL_CUE = re.compile(
    r"(?<![\w-])(?:mål(?:et|ene|sætning(?:en|er|erne)?)?|vil\s+opnå|ønsker\s+at\s+opnå)(?![\w-])"
)
_ACTION_CUE = re.compile(
    r"^(?:derfor|det\s+gør\s+vi|sådan\s+gør\s+vi|vi\s+vil|det\s+vil\s+vi)(?![\w-])"
    r"|(?<![\w-])(?:indsatser|initiativer|handlinger|tiltag|vil\s+vi|gør\s+vi|arbejder\s+vi)"
    r"(?![\w-])"
)


@dataclass(frozen=True, slots=True)
class Announcement:
    """A phrase that announces a list: how many items (if said) and of what kind."""

    start: int
    end: int
    phrase: str
    count: int | None
    kind: str


def noun_kind(noun: str) -> str:
    """The kind of item a plural noun names ("indsatsområder" → focus_area)."""
    lowered = noun.lower()
    for head, kind in _NOUN_KINDS:
        if lowered.endswith(head):
            return kind
    return ITEM_KIND


def names_items(title: str) -> str | None:
    """The kind of item a heading names in the plural ("Indsatsområder", "Mål og
    indsatser"), or None when it names no list."""
    lowered = title.lower()
    for match in reversed(list(_HEAD_AT_WORD_END.finditer(lowered))):
        word_start = match.start()
        while word_start > 0 and (
            lowered[word_start - 1].isalnum() or lowered[word_start - 1] == "-"
        ):
            word_start -= 1
        word = lowered[word_start : match.end()]
        # "mål" is singular and plural alike; as a heading it must stand alone.
        if match.group() == "mål" and word != "mål":
            continue
        return noun_kind(word)
    return None


def _word_starts(lowered: str, words: tuple[str, ...]) -> list[int]:
    """Where each of `words` starts a word of `lowered` (found by plain search: fast)."""
    found: list[int] = []
    for word in words:
        position = lowered.find(word)
        while position >= 0:
            if position == 0 or not (
                lowered[position - 1].isalnum() or lowered[position - 1] == "-"
            ):
                found.append(position)
            position = lowered.find(word, position + 1)
    return found


def find_announcements(text: str) -> list[Announcement]:
    """Every phrase in `text` that announces a list, in order."""
    lowered = text.lower()
    found: list[Announcement] = []
    starts = [hit.start() + 1 for hit in _NUMBER_HIT.finditer(lowered)]
    for start in [0, *starts]:
        match = _COUNT_PHRASE.match(lowered, start)
        if match is None:
            continue
        number = match.group("number")
        count = int(number) if number.isdigit() else CARDINALS[number]
        if count < 2:
            continue
        found.append(
            Announcement(
                match.start(), match.end(), text[match.start() : match.end()], count,
                noun_kind(match.group("noun")),
            )
        )  # fmt: skip
    for start in _word_starts(lowered, _FOLLOWING_WORDS):
        match = _FOLLOWING_PHRASE.match(lowered, start)
        if match is None:
            continue
        found.append(
            Announcement(
                match.start(), match.end(), text[match.start() : match.end()], None,
                noun_kind(match.group("noun")),
            )
        )  # fmt: skip
    found.sort(key=lambda announcement: announcement.start)
    return found


def lead_in_kind(lead_in: str) -> str | None:
    """The kind of item a bulleted list's lead-in introduces: goals, actions, or None."""
    lowered = " ".join(lead_in.lower().split())
    if not lowered:
        return None
    if _ACTION_CUE.search(lowered):
        return ACTION
    if _GOAL_CUE.search(lowered):
        return GOAL
    return None
