"""Labelled headings: "Mål 1: Alle børn trives", "Tema 2 – Sundhed", "Spor 1:", "Eksempel:".

A label word names what the section is (a goal, a theme, a principle, …) and a
number or letter usually follows it. On a line of its own a label needs a number
or a colon; inside running text (flat pages) it needs its colon, since "mål" and
"eksempel" are everyday words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from politikbase.segment.sections_counts import (
    ACTION,
    FOCUS_AREA,
    GOAL,
    PRINCIPLE,
    THEME,
    VALUE,
)
from politikbase.segment.sections_marks import PLAIN_KIND

_LABEL_KINDS: dict[str, str] = {
    "mål": GOAL, "delmål": GOAL, "målsætning": GOAL, "strategisk mål": GOAL,
    "pejlemærke": GOAL, "ambition": GOAL, "effektmål": GOAL, "resultatmål": GOAL,
    "tema": THEME, "temaområde": THEME, "spor": THEME, "søjle": THEME,
    "princip": PRINCIPLE, "grundprincip": PRINCIPLE,
    "fokusområde": FOCUS_AREA, "indsatsområde": FOCUS_AREA, "område": FOCUS_AREA,
    "indsats": ACTION, "initiativ": ACTION, "handling": ACTION, "tiltag": ACTION,
    "værdi": VALUE,
    "kapitel": PLAIN_KIND, "afsnit": PLAIN_KIND, "del": PLAIN_KIND, "bilag": PLAIN_KIND,
    "trin": PLAIN_KIND, "fase": PLAIN_KIND, "dilemma": PLAIN_KIND, "eksempel": PLAIN_KIND,
    "case": PLAIN_KIND, "spørgsmål": PLAIN_KIND,
}  # fmt: skip
_WORDS = "|".join(
    re.escape(word[0].upper() + word[1:]).replace(r"\ ", r"\s+")
    for word in sorted(_LABEL_KINDS, key=len, reverse=True)
)
_NUMBER = r"(?:\s+(?P<number>\d{1,2}(?:\.\d{1,2})?|[IVX]{1,4}|[A-ZÆØÅ])(?![\w]))?"
# At the start of a line: "Mål 1: …", "Mål 1. …", "Tema 2 – …", "Mål 1", "Formål:" is not one.
_LINE_LABEL = re.compile(
    r"(?P<label>"
    + _WORDS
    + r")"
    + _NUMBER
    + r"(?P<separator>\s*(?::|\.(?=\s)|\s[-–—](?=\s))|\s*$|(?=\s))"
)
# In running text the colon is required: "Dilemma 1:", "Eksempel: Den bedste start på livet".
_RUNNING_LABEL = re.compile(r"(?P<label>" + _WORDS + r")" + _NUMBER + r"\s*:(?=\s|$)")


@dataclass(frozen=True, slots=True)
class Label:
    """A label at `start`: its kind, its number ("Mål 1") and where the title may begin."""

    start: int
    end: int  # after the label, its number and its separator
    kind: str
    number: str | None


def _label(match: re.Match[str], offset: int) -> Label:
    word = " ".join(match.group("label").split())
    number = match.group("number")
    return Label(
        offset + match.start(),
        offset + match.end(),
        _LABEL_KINDS[word.lower()],
        f"{word} {number}" if number else None,
    )


def line_label(line: str, offset: int) -> Label | None:
    """The label opening a line, if it has a number or a colon."""
    match = _LINE_LABEL.match(line)
    if match is None:
        return None
    has_colon = ":" in match.group("separator")
    if match.group("number") is None and not has_colon:
        return None
    return _label(match, offset)


def running_labels(view: str) -> list[Label]:
    """Every "Label N:" inside running text."""
    return [
        _label(match, 0)
        for match in _RUNNING_LABEL.finditer(view)
        if match.start() == 0
        or not (view[match.start() - 1].isalnum() or view[match.start() - 1] in "-_")
    ]
