"""The non-blank lines of a text with their exact character offsets.

Every segmenter works on lines; keeping the offsets of the stripped line content
lets a segment be cut from the original text exactly, without copying it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

_BULLET = re.compile(r"^[-•*–·▪◦]\s")
_HEADING_END_PUNCTUATION = frozenset(".,;:!")
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14


class Line(NamedTuple):
    """One non-blank line: its stripped text and where that text stands.

    A named tuple rather than a dataclass: a long document has many thousands
    of lines, and tuples are the cheapest to create.
    """

    number: int  # 1-based line number in the text
    text: str
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, split on "\\n" only, whitespace stripped."""
    lines: list[Line] = []
    position = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            lines.append(Line(number, stripped, start, start + len(stripped)))
        position += len(raw) + 1
    return lines


def is_bullet(line: str) -> bool:
    """True for a list item ("- sikre ...", "• Økonomi")."""
    return _BULLET.match(line) is not None


def is_heading_like(line: str) -> bool:
    """True for a short line that reads as a heading rather than a sentence."""
    # Cheapest tests first: most lines of a document fail on their first or last character.
    first = line[0]
    if not (first.isupper() or first.isdigit()) or line[-1] in _HEADING_END_PUNCTUATION:
        return False
    if len(line) > MAX_HEADING_CHARS or is_bullet(line):
        return False
    if len(line.split()) > MAX_HEADING_WORDS:
        return False
    return any(char.isalpha() for char in line)


def line_index(starts: list[int], offset: int) -> int:
    """The index of the line holding `offset`, given the lines' start offsets."""
    return bisect_right(starts, offset) - 1
