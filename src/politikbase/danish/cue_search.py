"""Run a costly pattern only near the cheap words it must contain.

Patterns for amounts, legal references and revision rules may start at almost any
word, so running them over a whole text is slow. Each needs a cue ("kr", "§",
"hver"); searching a window around each cue finds the same matches in linear time.

Finding the cues is itself a scan of the whole text, and a regular expression that
may start at many common letters ("e", "k", "d") tries itself at most positions.
`Cues` finds the same cue matches from plain substring searches (`str.find`, many
times faster), and `WordRuns` runs a pattern only in the stretches of text
that hold one of its words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


class Cues:
    """An alternation of cues, each found by the fixed text it opens with.

    `Cues(("kr", None), ("til", re.compile(r"til\\s+revision")))` finds what
    `re.compile(r"kr|til\\s+revision").finditer` finds: the leftmost match, the
    earlier alternative where two start together, never overlapping. A branch's
    pattern (None for the fixed text alone) must match only where its fixed text
    stands at the start of the match.
    """

    __slots__ = ("_branches",)

    def __init__(self, *branches: tuple[str, re.Pattern[str] | None]) -> None:
        if any(not prefix for prefix, _ in branches):
            raise ValueError("every cue needs the fixed text it opens with")
        self._branches = branches

    @classmethod
    def words(cls, words: Iterable[str]) -> Cues:
        """Cues that are fixed texts only."""
        return cls(*((word, None) for word in words))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of every cue match in `text`, in order."""
        candidates: list[tuple[int, int, int]] = []
        find = text.find
        for index, (prefix, pattern) in enumerate(self._branches):
            position = find(prefix)
            while position >= 0:
                if pattern is None:
                    candidates.append((position, index, position + len(prefix)))
                else:
                    match = pattern.match(text, position)
                    if match is not None:
                        candidates.append((position, index, match.end()))
                position = find(prefix, position + 1)
        candidates.sort()
        spans: list[tuple[int, int]] = []
        last_end = 0
        for start, _, end in candidates:
            # A later start inside the match before it, or a later alternative at its start.
            if start < last_end or (spans and spans[-1][0] == start):
                continue
            spans.append((start, end))
            last_end = end
        return spans


def matches_around_cues(
    pattern: re.Pattern[str], cue: Cues, lowered: str, lookback: int, lookahead: int
) -> list[re.Match[str]]:
    """The non-overlapping matches of `pattern` that contain a match of `cue`, in order.

    `lowered` is the lower-cased text both patterns are written for.
    """
    matches: list[re.Match[str]] = []
    last_end = 0
    length = len(lowered)
    for cue_start, cue_end in cue.spans(lowered):
        if cue_start < last_end:
            continue
        low = max(last_end, cue_start - lookback)
        high = min(length, cue_end + lookahead)
        for match in pattern.finditer(lowered, low, high):
            if match.start() <= cue_start < match.end():
                matches.append(match)
                last_end = match.end()
                break
    return matches


def _run_start(lowered: str, position: int, through_last_outside: re.Pattern[str]) -> int:
    """Where the run of allowed characters that holds `position` starts."""
    window = 64
    high = position
    while high > 0:
        low = max(0, high - window)
        last = through_last_outside.match(lowered, low, high)
        if last is not None:
            return last.end()
        high = low
        window *= 2
    return 0


class WordRuns:
    """`pattern.finditer`, run only in the stretches of text that hold one of `words`.

    Every match of `pattern` must hold one of `words` and consist of characters of
    the class `allowed` only (written as inside a character set: "a-zæøå\\s").
    The text is cut at every other character into runs; a match never crosses a
    cut, so the runs without any of the words hold no match and are skipped. A run
    is searched with the character after it in sight, so look-aheads see the text
    as it is (and look-behinds always do).
    """

    __slots__ = ("_pattern", "_run", "_through_last_outside", "_words")

    def __init__(self, pattern: re.Pattern[str], words: Sequence[str], allowed: str) -> None:
        self._run = re.compile(f"[{allowed}]*")
        # Greedy: from the window's start through its last character that is not allowed.
        self._through_last_outside = re.compile(f"(?s:.*)[^{allowed}]")
        if not words or any(self._run.fullmatch(word) is None for word in words):
            raise ValueError("the words must be written in the allowed characters")
        self._pattern = pattern
        self._words = tuple(words)

    def finditer(self, lowered: str) -> list[re.Match[str]]:
        """What `pattern.finditer(lowered)` finds, in order."""
        anchors: list[int] = []
        find = lowered.find
        for word in self._words:
            position = find(word)
            while position >= 0:
                anchors.append(position)
                position = find(word, position + 1)
        if not anchors:
            return []
        anchors.sort()
        length = len(lowered)
        matches: list[re.Match[str]] = []
        searched_to = -1
        for anchor in anchors:
            if anchor < searched_to:
                continue
            start = _run_start(lowered, anchor, self._through_last_outside)
            end = self._run.match(lowered, anchor).end()  # type: ignore[union-attr]
            matches.extend(self._pattern.finditer(lowered, start, min(length, end + 1)))
            searched_to = end
        return matches
