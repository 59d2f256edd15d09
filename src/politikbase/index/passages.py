"""Cutting a document's text into passages for the index.

A passage is a few hundred to about a thousand characters of whole lines, cut where
the text itself pauses: preferably at a blank line (a paragraph break), else after a
line that ends a sentence, and only when nothing else fits at an ordinary line break
or, inside an overlong line, after a sentence or between words. Passages never cross a
page boundary, so each has one page number. Offsets are exact: `text[start:end]` is
the passage, without surrounding whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

from politikbase.index.models import Passage

MIN_PASSAGE_CHARS = 300  # a paragraph break ends a passage once it has this much
TARGET_PASSAGE_CHARS = 700  # a sentence-ending line break ends it from here on
MAX_PASSAGE_CHARS = 1000  # never longer

# How strongly the text pauses before a line.
LINE_BREAK, SENTENCE_BREAK, PARAGRAPH_BREAK = 0, 1, 2

PARAGRAPH_SEPARATOR = re.compile(r"\n[^\S\n]*\n\s*")
LINE = re.compile(r"[^\n]+")
SENTENCE_END = re.compile(r"[.!?:;](?=\s)")
SENTENCE_END_CHARS = ".!?:;"
WHITESPACE = re.compile(r"\s")


def split_passages(text: str, page_starts: Sequence[int] = ()) -> list[Passage]:
    """The passages of a text; a text with no words still gets one empty passage."""
    passages: list[Passage] = []
    for page_number, (start, end) in _page_ranges(text, page_starts):
        passages.extend(_pack(_units(text, start, end), page_number))
    if not passages:
        passages.append(Passage(0, 0, 1 if page_starts else None))
    return passages


def page_of(offset: int, page_starts: Sequence[int]) -> int | None:
    """The 1-based page holding an offset, or None when pages are unknown."""
    if not page_starts:
        return None
    return max(1, bisect_right(page_starts, offset))


def _page_ranges(
    text: str, page_starts: Sequence[int]
) -> Iterator[tuple[int | None, tuple[int, int]]]:
    if not page_starts:
        yield None, (0, len(text))
        return
    bounds = sorted({min(max(0, offset), len(text)) for offset in page_starts} | {0})
    for index, start in enumerate(bounds):
        end = bounds[index + 1] if index + 1 < len(bounds) else len(text)
        if end > start:
            yield page_of(start, page_starts), (start, end)


def _units(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """Paragraphs, lines or pieces of lines as (start, end, pause before)."""
    block_start = start
    for separator in PARAGRAPH_SEPARATOR.finditer(text, start, end):
        block_end = separator.start()
        if block_end - block_start <= MAX_PASSAGE_CHARS:
            # The common case, without a generator per paragraph: it fits whole.
            unit_start, unit_end = _strip(text, block_start, block_end)
            if unit_end > unit_start:
                yield unit_start, unit_end, PARAGRAPH_BREAK
        else:
            yield from _block_units(text, block_start, block_end)
        block_start = separator.end()
    yield from _block_units(text, block_start, end)


def _block_units(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """A paragraph: one unit when it fits in a passage, else its lines."""
    start, end = _strip(text, start, end)
    if start == end:
        return
    if end - start <= MAX_PASSAGE_CHARS:
        yield start, end, PARAGRAPH_BREAK
        return
    pause = PARAGRAPH_BREAK
    for match in LINE.finditer(text, start, end):
        line_start, line_end = _strip(text, match.start(), match.end())
        if line_start == line_end:
            continue
        yield from _line_pieces(text, line_start, line_end, pause)
        pause = SENTENCE_BREAK if text[line_end - 1] in SENTENCE_END_CHARS else LINE_BREAK


def _line_pieces(text: str, start: int, end: int, pause: int) -> Iterator[tuple[int, int, int]]:
    """A line, cut into pieces no longer than a passage."""
    while end - start > MAX_PASSAGE_CHARS:
        limit = start + MAX_PASSAGE_CHARS
        cut = _last_cut(SENTENCE_END, text, start + MIN_PASSAGE_CHARS, limit, 1)
        piece_pause = SENTENCE_BREAK
        if cut is None:
            cut = _last_cut(WHITESPACE, text, start + MIN_PASSAGE_CHARS, limit, 0)
            piece_pause = LINE_BREAK
        cut = cut if cut is not None else limit
        piece_start, piece_end = _strip(text, start, cut)
        if piece_end > piece_start:
            yield piece_start, piece_end, pause
        pause = piece_pause
        start, end = _strip(text, cut, end)
    if end > start:
        yield start, end, pause


def _last_cut(pattern: re.Pattern[str], text: str, low: int, high: int, shift: int) -> int | None:
    cut = None
    for match in pattern.finditer(text, low, high):
        cut = match.start() + shift
    return cut


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pack(units: Iterator[tuple[int, int, int]], page: int | None) -> Iterator[Passage]:
    """Whole units gathered greedily into passages, closed at the strongest pause."""
    current_start: int | None = None
    current_end = 0
    for start, end, pause in units:
        if current_start is not None:
            length = current_end - current_start
            if (
                end - current_start > MAX_PASSAGE_CHARS
                or (pause == PARAGRAPH_BREAK and length >= MIN_PASSAGE_CHARS)
                or (pause == SENTENCE_BREAK and length >= TARGET_PASSAGE_CHARS)
            ):
                yield Passage(current_start, current_end, page)
                current_start = None
        if current_start is None:
            current_start = start
        current_end = end
    if current_start is not None:
        yield Passage(current_start, current_end, page)


def passage_heading(text: str, passage: Passage, headings: frozenset[str]) -> str:
    """The heading a passage opens with, when its first line is one of the document's
    headings (as extraction found them from font sizes or styles); else ""."""
    if not headings:
        return ""
    first = text[passage.start : passage.end].partition("\n")[0]
    first = " ".join(first.split())
    return first if first in headings else ""
