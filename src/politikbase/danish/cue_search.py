"""Run a costly pattern only near the cheap words it must contain.

Patterns for amounts, legal references and revision rules may start at almost any
word, so running them over a whole text is slow. Each needs a cue ("kr", "§",
"hver"); searching a window around each cue finds the same matches in linear time.
"""

from __future__ import annotations

import re


def matches_around_cues(
    pattern: re.Pattern[str], cue: re.Pattern[str], lowered: str, lookback: int, lookahead: int
) -> list[re.Match[str]]:
    """The non-overlapping matches of `pattern` that contain a match of `cue`, in order.

    `lowered` is the lower-cased text both patterns are written for.
    """
    matches: list[re.Match[str]] = []
    last_end = 0
    for found_cue in cue.finditer(lowered):
        if found_cue.start() < last_end:
            continue
        low = max(last_end, found_cue.start() - lookback)
        high = min(len(lowered), found_cue.end() + lookahead)
        for match in pattern.finditer(lowered, low, high):
            if match.start() <= found_cue.start() < match.end():
                matches.append(match)
                last_end = match.end()
                break
    return matches
