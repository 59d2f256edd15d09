"""Where a Danish sentence begins and ends around a point in a text.

A full stop ends a sentence only when a new sentence starts after it: the dots of
"den 10. september", "d. 14. august", "ca. 70", "kr. i tilskud" and "bl.a." do not.
A line break ends a sentence when the next line starts a new one (an upper-case
letter or a bullet); a wrapped line (lower case, a digit) continues it. A blank
line always ends one.

Only a window around the point is read, so finding the sentence of every cue in
a long document stays linear in its length.
"""

from __future__ import annotations

import re

# Words after which a full stop is an abbreviation's, not a sentence's end.
ABBREVIATIONS = frozenset(
    {
        "a", "adr", "afd", "apr", "att", "aug", "bl", "ca", "d", "dec", "dvs", "eks", "ekskl",
        "etc", "evt", "f", "feb", "fhv", "fx", "gl", "hhv", "ift", "iht", "inkl", "jan", "jf",
        "jfr", "jul", "jun", "kap", "kl", "kr", "m", "maks", "mar", "max", "mht", "mia", "mill",
        "min", "mio", "mv", "nov", "nr", "o", "obs", "okt", "osv", "pct", "pga", "pkt", "ref",
        "rev", "s", "sep", "sept", "sk", "st", "stk", "t", "tlf", "tv", "v", "vedr", "vejl",
    }
)
DEFAULT_WINDOW = 400

# Candidate ends: a sentence mark (with a closing quote) before white space, or a line break.
_CANDIDATE = re.compile(r"[.!?;][\"”»')]?(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([^\W_]+)\W*$")
_BLANK_AFTER = re.compile(r"[ \t\r\f\v]*\n")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_BULLETS = frozenset("-•*–·▪◦\"“„»(")


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char in _BULLETS


def _is_end(text: str, position: int, mark_end: int) -> bool:
    """Whether the candidate at `position` (ending at `mark_end`) ends a sentence."""
    mark = text[position]
    after = _NEXT_CHAR.match(text, mark_end)
    if after is None:
        return True
    following = after.group(1)
    if mark == "\n":
        return _BLANK_AFTER.match(text, mark_end) is not None or _starts_sentence(following)
    if mark in "!?;":
        return True
    # A full stop: a sentence ends only where a new one starts.
    if not (_starts_sentence(following) or following.isdigit()):
        return False
    before = _WORD_BEFORE.search(text, max(0, position - 20), position)
    if before is None:
        return True
    word = before.group(1)
    if word.isdigit():
        # "den 10. September 2012" is an ordinal; "i 2013. Det" ends a sentence.
        return len(word) == 4 and not following.isdigit()
    if following.isdigit():
        return False
    return word.lower() not in ABBREVIATIONS


def sentence_start(text: str, position: int, window: int = DEFAULT_WINDOW) -> int:
    """Where the sentence holding `position` starts (at most `window` characters back)."""
    low = max(0, position - window)
    start = low
    # The last end before the point is the one wanted: candidates are judged from there back.
    for match in reversed(list(_CANDIDATE.finditer(text, low, position))):
        if _is_end(text, match.start(), match.end()):
            start = match.end()
            break
    while start < position and text[start].isspace():
        start += 1
    return start


def sentence_end(text: str, position: int, window: int = DEFAULT_WINDOW) -> int:
    """Where the sentence holding `position` ends, its closing mark included."""
    high = min(len(text), position + window)
    for match in _CANDIDATE.finditer(text, position, high):
        if _is_end(text, match.start(), match.end()):
            return match.start() if text[match.start()] == "\n" else match.end()
    return high


def sentence_around(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence that holds `text[start:end]`, as (start, end) offsets."""
    return sentence_start(text, start), sentence_end(text, start if end is None else end)
