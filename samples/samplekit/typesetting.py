"""What a real PDF does to Danish text: hyphenated line breaks and lost ligatures.

Hyphenation follows the basic Danish rule: between two vowels, the last
consonant goes to the next line ("kom-mune", "sund-hed", "udvik-ling"), except
a stop or "f" followed by "r", which stay together ("an-dres").

Ligature damage copies what the seed PDFs show when a font's ligature glyphs lost
their Unicode mapping: "ti", "tt", "ft", "fh" and "tti" vanish and leave a gap
("vig  gt" for "vigtigt"), while "fi", "fl" and "ff" keep their letters but gain
a gap after them ("fl ere" for "flere").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

VOWELS = frozenset("aeiouyæøåéAEIOUYÆØÅÉ")
_ONSETS_WITH_R = frozenset({"br", "dr", "fr", "gr", "kr", "pr", "tr"})
MIN_HEAD = 2
MIN_TAIL = 3
MIN_HYPHENATED_WORD = 6

# Longest first, so "tti" is lost as one glyph rather than as "tt" and "i".
_LOST_LIGATURES = ("tti", "ti", "tt", "ft", "fh")
_SPLIT_LIGATURES = ("ffi", "ff", "fl", "fi")
_LIGATURE = re.compile("|".join(_LOST_LIGATURES + _SPLIT_LIGATURES))

_TYPOGRAPHY = str.maketrans(
    {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "•": "-"}
)


def hyphenation_points(word: str) -> list[int]:
    """Offsets in `word` where a hyphen may break it across lines."""
    letters = word.rstrip(".,;:!?)\"'")
    if len(letters) < MIN_HYPHENATED_WORD or not letters.isalpha() or letters.isupper():
        return []
    points: list[int] = []
    vowel_positions = [i for i, char in enumerate(letters) if char in VOWELS]
    for left, right in itertools.pairwise(vowel_positions):
        cluster = letters[left + 1 : right]
        if not cluster:
            continue  # two vowels in a row belong to one syllable here
        onset = 2 if len(cluster) >= 3 and cluster[-2:] in _ONSETS_WITH_R else 1
        point = right - onset
        if MIN_HEAD <= point <= len(letters) - MIN_TAIL:
            points.append(point)
    return points


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking that hyphenates a word rather than leave a long gap."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        head, tail = _split_to_fit(line, word, width, measure)
        if head:
            lines.append(f"{line} {head}" if line else head)
            line = tail
        else:
            if line:
                lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _split_to_fit(
    line: str, word: str, width: float, measure: Callable[[str], float]
) -> tuple[str, str]:
    """The part of `word` that still fits on the line (with its hyphen), and the rest."""
    prefix = f"{line} " if line else ""
    if "-" in word.strip("-"):
        # A written hyphen ("Børne-" in "Børne- og", "CO2-ækvivalenter") is a break point.
        cut = word.index("-", 1) + 1
        if measure(prefix + word[:cut]) <= width:
            return word[:cut], word[cut:]
    for point in reversed(hyphenation_points(word)):
        head = word[:point] + "-"
        if measure(prefix + head) <= width:
            return head, word[point:]
    return "", word


def damage_ligatures(text: str) -> str:
    """The text as a PDF whose ligature glyphs lost their Unicode mapping shows it."""

    def replace(match: re.Match[str]) -> str:
        glyph = match.group()
        if glyph in _SPLIT_LIGATURES:
            return glyph + " "
        return " " * len(glyph)

    return _LIGATURE.sub(replace, text)


def has_ligature(text: str) -> bool:
    return _LIGATURE.search(text) is not None


def to_latin1(text: str) -> str:
    """The PDF core fonts know Latin-1 only; typographic marks become their plain forms."""
    return text.translate(_TYPOGRAPHY).encode("latin-1", errors="replace").decode("latin-1")
