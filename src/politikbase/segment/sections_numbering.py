"""Numbered things: lists written inline ("1. X 2. Y 3. Z") and numbered headings.

An inline list is a run of numbers 1, 2, 3, … each followed by a short item with
no sentence break inside it; the last item ends at its full stop, or, when the
items are short titles, where the text goes on with something new. Numbers that
are not part of such a list and open a title ("2. Vi skal mobilisere …",
"2.2. Mobilisering …") are numbered headings when, taken together, they make a
plausible outline: increasing, the chapter number rising one at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from politikbase.segment.sections_marks import (
    HEADING,
    INLINE,
    ITEM,
    ITEM_KIND,
    PLAIN_KIND,
    ItemList,
    Mark,
)
from politikbase.segment.sections_view import (
    TextView,
    at_run_start,
    clean_title,
    is_capitalised,
    is_terminal,
    next_word,
    scan_run,
    text_before,
)

# Neither pattern opens with a look-behind, which would make the regex engine try
# every position of the text; `_stands_alone` checks the character before instead.
_INLINE_MARKER = re.compile(r"(?P<number>\d{1,2})(?P<separator>[.)])(?=\s+\S)")
_HEADING_MARKER = re.compile(
    r"(?P<number>\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\.)(?=\s+[\"“„«(]?[A-ZÆØÅ])"
)
_NOT_BEFORE_NUMBER = ".,/§-"
_WORD = re.compile(r"\S+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Words that join items and are not part of them: "… rolle og ansvar og 3) den …".
_TRAILING_JOINERS = re.compile(r"(?:[\s,;]+(?:og|eller|samt))+[\s,;]*$")

MAX_ITEM_WORDS = 40
SHORT_ITEM_WORDS = 12
MAX_GAP_CHARS = 400  # between the numbers of one inline list
MAX_NUMBERED_TITLE_WORDS = 22
MAX_OUTLINE_DEPTH = 4
MAX_OUTLINE_STARTS = 20
MIN_OUTLINE_HEADINGS = 2


@dataclass(frozen=True, slots=True)
class _Marker:
    start: int
    after: int  # where the item's text starts
    number: int
    separator: str


def _stands_alone(view: str, start: int) -> bool:
    """True when a number at `start` is not the tail of a longer number, word or date."""
    if start == 0:
        return True
    before = view[start - 1]
    return not (before.isalnum() or before == "_" or before in _NOT_BEFORE_NUMBER)


def _marker_at(view: str, match: re.Match[str] | None) -> _Marker | None:
    if match is None or not _stands_alone(view, match.start()):
        return None
    word = next_word(view, match.end())
    if word is None:
        return None
    separator = match.group("separator")
    # "21. januar" is a date; an item after "N." opens with a capital.
    if separator == "." and not is_capitalised(word.group()):
        return None
    return _Marker(match.start(), word.start(), int(match.group("number")), separator)


def _first_markers(view: str) -> list[_Marker]:
    """Every "1." and "1)" that can open a list, found by plain search (fast)."""
    found: list[_Marker] = []
    for opening in ("1.", "1)"):
        position = view.find(opening)
        while position >= 0:
            marker = _marker_at(view, _INLINE_MARKER.match(view, position))
            if marker is not None and marker.number == 1:
                found.append(marker)
            position = view.find(opening, position + 1)
    found.sort(key=lambda marker: marker.start)
    return found


def _following_markers(view: str, first: _Marker) -> list[_Marker]:
    """The markers after `first`, as far as a list that starts there can reach."""
    found: list[_Marker] = []
    position = first.after
    while True:
        match = _INLINE_MARKER.search(view, position, position + MAX_GAP_CHARS)
        if match is None:
            return found
        marker = _marker_at(view, match)
        if marker is not None:
            found.append(marker)
        position = match.end()


def _one_item(view: str, start: int, end: int, one_paragraph: bool) -> bool:
    """True when `view[start:end]` can be one item: short, one sentence at most.

    With `one_paragraph` the item may wrap onto the next line but not cross a blank one.
    """
    gap = view[start:end]
    if one_paragraph and _BLANK_LINE.search(gap):
        return False
    words = gap.split()
    if not words or len(words) > MAX_ITEM_WORDS:
        return False
    return not any(is_terminal(word) and word.rstrip('"”»)')[-1] in ".!?" for word in words[:-1])


def _last_item_end(view: str, start: int, short: bool, one_line: bool) -> int:
    """Where the last item of an inline list ends."""
    limit = view.find("\n", start) if one_line else -1
    limit = len(view) if limit < 0 else limit
    if short:
        return scan_run(view, start, MAX_ITEM_WORDS, limit=limit).end
    end = start
    for count, match in enumerate(_WORD.finditer(view, start, limit)):
        if count >= MAX_ITEM_WORDS:
            break
        end = match.end()
        if is_terminal(match.group()) and match.group()[-1] in ".!?":
            break
    return end


def _item(view: str, marker: _Marker, end: int) -> Mark:
    text = view[marker.after : end]
    joined = _TRAILING_JOINERS.search(text)
    if joined:
        text = text[: joined.start()]
    text = text.rstrip().rstrip(".,;:").rstrip()
    title_end = marker.after + len(text)
    return Mark(
        ITEM,
        ITEM_KIND,
        clean_title(text),
        marker.start,
        marker.after,
        title_end,
        end=title_end,
        number=str(marker.number),
    )


def inline_lists(view: TextView, first_id: int) -> list[ItemList]:
    """The numbered lists written inline, ids counted from `first_id`."""
    text = view.view
    one_line = not view.flat
    lists: list[ItemList] = []
    covered = 0  # lists do not overlap: a "1." inside a list found is one of its items
    for first in _first_markers(text):
        if first.start < covered:
            continue
        run = [first]
        while True:
            last = run[-1]
            following = next(
                (
                    marker
                    for marker in _following_markers(text, last)
                    if marker.number == last.number + 1 and marker.separator == last.separator
                ),
                None,
            )
            if following is None or not _one_item(
                text, last.after, following.start, one_paragraph=one_line
            ):
                break
            run.append(following)
        if len(run) < 2:
            continue
        items = [_item(text, current, following.start) for current, following in pairwise(run)]
        short = all(
            len(item.title.split()) <= SHORT_ITEM_WORDS and text[item.title_end] != "."
            for item in items
        )
        items.append(_item(text, run[-1], _last_item_end(text, run[-1].after, short, one_line)))
        lead_in = text_before(text, run[0].start)
        lists.append(ItemList(first_id + len(lists), INLINE, items, lead_in))
        covered = items[-1].title_end
    for item_list in lists:
        for item in item_list.items:
            item.list_id = item_list.id
    return lists


def numbered_headings(view: TextView, taken: set[int]) -> list[Mark]:
    """Numbered headings inside running text (flat pages), before the outline check.

    `taken` holds the offsets of numbers already read as inline list items.
    """
    text = view.view
    found: list[Mark] = []
    for match in _HEADING_MARKER.finditer(text):
        if (
            match.start() in taken
            or not _stands_alone(text, match.start())
            or not at_run_start(text, match.start())
        ):
            continue
        word = next_word(text, match.end())
        if word is None:
            continue
        run = scan_run(text, word.start(), MAX_NUMBERED_TITLE_WORDS, question=True)
        if run.ends_sentence or run.stop == "limit":
            continue
        number = match.group("number").rstrip(".")
        found.append(
            Mark(
                HEADING,
                PLAIN_KIND,
                clean_title(text[run.start : run.end]),
                match.start(),
                run.start,
                run.end,
                number=number,
                depth=number.count(".") + 1,
            )
        )
    return keep_outline(found)


def _numbers(mark: Mark) -> tuple[int, ...]:
    assert mark.number is not None
    return tuple(int(part) for part in mark.number.split("."))


def keep_outline(candidates: list[Mark]) -> list[Mark]:
    """The longest run of numbered headings that reads as an outline (1, 2, 2.1, 3, …)."""
    numbers = [_numbers(mark) for mark in candidates]
    best: list[int] = []
    starts = [index for index, value in enumerate(numbers) if value[0] == 1]
    for first in starts[:MAX_OUTLINE_STARTS]:
        chain = [first]
        last = numbers[first]
        for index in range(first + 1, len(numbers)):
            value = numbers[index]
            if value > last and value[0] <= last[0] + 1 and len(value) <= MAX_OUTLINE_DEPTH:
                chain.append(index)
                last = value
        if len(chain) > len(best):
            best = chain
    if len(best) < MIN_OUTLINE_HEADINGS:
        return []
    return [candidates[index] for index in best]
