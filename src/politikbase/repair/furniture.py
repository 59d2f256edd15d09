"""Page furniture: page numbers, running headers and footers, footnote markers.

With pages known (`repair_pages`), furniture is what sits at the top or bottom
of a page: a bare page number, or a line that recurs at the same edge of many
pages. Without pages (`repair_text` on wrapped PDF text), a page number is a
number alone between blank lines, and a running line is a short line that recurs
at places where a page visibly ends (next to a page number, before a new text
block). Lines are marked `removed`; nothing is deleted from the original.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from math import ceil

from politikbase.repair.lines import Edit, Line

_PAGE_NUMBER = re.compile(
    r"(?:(?:side|page|s\.)\s*)?\d{1,3}(?:\s*(?:af|of|/|\|)\s*\d{1,3})?|[-–—]\s*\d{1,3}\s*[-–—]",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")
_DIGITS = re.compile(r"\d+")
_LIST_ITEM = re.compile(r"[•▪◦●■□➢►✓*·]")
# "... af sygdom. 1" with a footnote "1 Se WHOs charter ..." further on.
_MARKER_AT_END = re.compile(r"(?<=[.!?”\"’)])( *)(\d{1,2}) *$")
_FOOTNOTE_START = re.compile(r" *(\d{1,2})\s+[^\W\d_]")

PAGE_EDGE_LINES = 2
# Nothing longer than this is a page number ("Side 12 af 140").
MAX_PAGE_NUMBER = 16
# Running headers and footers are short: a title, a name, a page number.
MAX_RUNNING_LINE = 70
MIN_RUNNING_REPEATS = 3
MIN_RUNNING_EVIDENCE = 2
# A footnote is printed on the page of its marker: not far below it.
FOOTNOTE_REACH = 80


def is_page_number(content: str) -> bool:
    return len(content) <= MAX_PAGE_NUMBER and _PAGE_NUMBER.fullmatch(content) is not None


def _running_key(content: str) -> str:
    """Running lines differ only in their numbers ("Side 3", "Side 4")."""
    key = _DIGITS.sub("#", content).strip().lower()
    return " ".join(key.split()) if "  " in key or "\t" in key else key


def _could_be_running(content: str) -> bool:
    return (
        0 < len(content) <= MAX_RUNNING_LINE
        and content[-1] not in ".,;:!?"
        and not _LIST_ITEM.match(content)
        and len(_LETTER.findall(content)) >= 2
    )


def mark_page_furniture(lines: list[Line], page_count: int) -> None:
    """Page-aware: numbers and recurring lines at the top or bottom of pages."""
    pages: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        if not line.is_blank:
            pages[line.page].append(line)
    top_keys: Counter[str] = Counter()
    bottom_keys: Counter[str] = Counter()
    for page_lines in pages.values():
        top, bottom = page_lines[:PAGE_EDGE_LINES], page_lines[-PAGE_EDGE_LINES:]
        for line in (*top, *bottom):
            if is_page_number(line.text.strip()):
                line.removed = "page-number"
        # Counted once per page, so a line repeated within one page is not running.
        top_keys.update({_running_key(line.text) for line in top})
        bottom_keys.update({_running_key(line.text) for line in bottom})
    needed = _pages_needed(page_count)
    for page_lines in pages.values():
        kept = [line for line in page_lines if line.removed is None]
        for zone, keys, kind in (
            (kept[:PAGE_EDGE_LINES], top_keys, "running-header"),
            (kept[-PAGE_EDGE_LINES:], bottom_keys, "running-footer"),
        ):
            for line in zone:
                content = line.text.strip()
                if _could_be_running(content) and keys[_running_key(content)] >= needed:
                    line.removed = kind


def _pages_needed(page_count: int) -> int:
    """On how many pages a line must recur to be running furniture."""
    if page_count < 2:
        return page_count + 1  # never
    if page_count <= 4:
        return max(2, ceil(page_count / 2))
    return max(MIN_RUNNING_REPEATS, ceil(0.3 * page_count))


def mark_text_furniture(lines: list[Line]) -> None:
    """Without pages: lone page numbers, and running lines next to page breaks."""
    content_index = [index for index, line in enumerate(lines) if line.text.strip()]
    last = len(content_index) - 1
    for position, index in enumerate(content_index):
        line = lines[index]
        if len(line.text) > MAX_PAGE_NUMBER + 8 or not is_page_number(line.text.strip()):
            continue
        blank_before = position == 0 or content_index[position - 1] < index - 1
        blank_after = position == last or content_index[position + 1] > index + 1
        if blank_before and blank_after:
            line.removed = "page-number"
    _mark_running_lines(lines, content_index)


def _mark_running_lines(lines: list[Line], content_index: list[int]) -> None:
    occurrences: dict[str, list[int]] = defaultdict(list)
    for position in _standalone_positions(lines, content_index):
        text = lines[content_index[position]].text.rstrip()
        if len(text) <= MAX_RUNNING_LINE and text[-1] not in ".,;:!?":
            occurrences[_running_key(text)].append(position)
    for positions in occurrences.values():
        if len(positions) < MIN_RUNNING_REPEATS:
            continue
        if not _could_be_running(lines[content_index[positions[0]]].text.strip()):
            continue
        at_break = [p for p in positions if _at_page_break(lines, content_index, p)]
        if len(at_break) < MIN_RUNNING_EVIDENCE:
            continue
        for position in positions:
            lines[content_index[position]].removed = "running-footer"


def _standalone_positions(lines: list[Line], content_index: list[int]) -> list[int]:
    """Positions (in `content_index`) of lines not inside a paragraph: with a blank
    line or a page break on at least one side, or at either end of the text."""
    last = len(content_index) - 1
    found = []
    for position in range(len(content_index)):
        index = content_index[position]
        if (
            position == 0
            or position == last
            or content_index[position - 1] < index - 1
            or content_index[position + 1] > index + 1
            or lines[content_index[position + 1]].indented
        ) and lines[index].removed is None:
            found.append(position)
    return found


def _at_page_break(lines: list[Line], content_index: list[int], position: int) -> bool:
    """Next to a page number, at either end of the text, or before a new text block."""
    if position == 0 or position == len(content_index) - 1:
        return True
    before = lines[content_index[position - 1]]
    after = lines[content_index[position + 1]]
    return before.removed == "page-number" or after.removed == "page-number" or after.indented


def footnote_marker_edits(lines: list[Line]) -> list[Edit]:
    """Remove a number after a sentence's end when its footnote follows soon after."""
    edits: list[Edit] = []
    for index, line in enumerate(lines):
        if not line.text.rstrip()[-1:].isdigit():
            continue
        match = _MARKER_AT_END.search(line.text)
        if match is None:
            continue
        number = match.group(2)
        for later in lines[index + 1 : index + 1 + FOOTNOTE_REACH]:
            start = _FOOTNOTE_START.match(later.text)
            if start is not None and start.group(1) == number and later.page == line.page:
                edits.append(
                    Edit(
                        line.start + match.start(), line.start + match.end(2), "", "footnote-marker"
                    )
                )
                break
    return edits
