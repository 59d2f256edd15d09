"""The opening of a document: the title block before its first section or prose.

The cover and title block of a document say what it is, what period it covers and
who issued it ("Strategi 2014-2016", "DIGITALISERINGSSTRATEGI 2016-2020 April 2016",
"v. Luise Pape Rydahl, teknisk chef"). The opening ends at the first generic
section heading ("Indledning", "Forord", "Indhold"), at the end of the first real
sentence, or after `MAX_OPENING_CHARS`, whichever comes first. A short title line
ending in a full stop ("Den dobbelte ambition. Direktionens strategiplan") is no
sentence.
"""

from __future__ import annotations

import re

MAX_OPENING_CHARS = 250
MIN_SENTENCE_WORDS = 6

_GENERIC_HEADING = re.compile(
    r"(?<![\w-])(?:indledning|forord|indhold|indholdsfortegnelse|baggrund|resum[eé]|"
    r"introduktion|sammenfatning|læsevejledning)(?![\w-])"
)
_SENTENCE_MARK = re.compile(r"[.!?](?=\s+[A-ZÆØÅ])")
_LINE_OR_MARK = re.compile(r"\n|[.!?](?=\s)")


def opening_end(text: str, lowered: str, start: int = 0) -> int:
    """Where the opening of `text` ends (`lowered` is its lower-cased copy).

    `start` is where the opening starts: after the title when the text starts with it.
    """
    limit = min(len(text), start + MAX_OPENING_CHARS)
    generic = _GENERIC_HEADING.search(lowered, start + 1, limit)
    if generic is not None:
        limit = generic.start()
    segment_start = start
    for match in _LINE_OR_MARK.finditer(text, start, limit):
        if match.group() == "\n":
            segment_start = match.end()
            continue
        if _SENTENCE_MARK.match(text, match.start()) is None:
            continue
        if len(text[segment_start : match.start()].split()) >= MIN_SENTENCE_WORDS:
            return match.end()
        segment_start = match.end()
    return limit


def opening_start(text: str, title_span: tuple[int, int] | None) -> int:
    """Where the opening starts: after the title when the text opens with it, else 0."""
    if title_span is not None and not text[: title_span[0]].strip():
        return title_span[1]
    return 0
