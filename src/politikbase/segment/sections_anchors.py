"""Headings that take up, one by one, the items of a list given before them.

A document often lists its themes first ("De syv prioriterede fokusområder er:
1. Læring og uddannelse 2. …") and then gives each one a section under the same
words, or nearly the same ("Helhed i social-psykiatrien" is described under
"Helhed i den social-psykiatriske indsats"). Looking for the items' words after
the list, in order, finds those headings even where they run into the text
around them, and tells which list each heading belongs to.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from politikbase.segment.sections_marks import HEADING, PLAIN_KIND, ItemList, Mark
from politikbase.segment.sections_view import (
    TextView,
    at_run_start,
    clean_title,
    is_capitalised,
    scan_run,
)

MAX_ITEM_WORDS = 10
MAX_HEADING_WORDS = 12
MIN_SIMILARITY = 0.6
MIN_STEM = 4
STEM_CUT = 3  # letters an inflection or derivation may change at a word's end
_TOKEN = re.compile(r"[\w-]+")


def _tokens(title: str) -> list[str]:
    return _TOKEN.findall(title.lower())


def _same_word(first: str, second: str) -> bool:
    """Equal, or sharing a stem ("resultater"/"resultat", "familie"/"familieliv")."""
    if first == second:
        return True
    shorter = min(len(first), len(second))
    if shorter < MIN_STEM:
        return False
    common = 0
    while common < shorter and first[common] == second[common]:
        common += 1
    return common >= max(MIN_STEM, shorter - STEM_CUT + 1)


def similarity(first: str, second: str) -> float:
    """How far two titles share their words (Dice over stem-matched words)."""
    left, right = _tokens(first), _tokens(second)
    if not left or not right:
        return 0.0
    unused = list(right)
    matched = 0
    for word in left:
        for index, other in enumerate(unused):
            if _same_word(word, other):
                matched += 1
                del unused[index]
                break
    return 2 * matched / (len(left) + len(right))


def _word_pattern(word: str) -> str:
    if len(word) > MIN_STEM + STEM_CUT - 1:
        return re.escape(word[: len(word) - STEM_CUT]) + r"[\w-]*"
    return re.escape(word) + r"(?![\w-])"


def _item_pattern(title: str) -> re.Pattern[str]:
    """The first two words of a title, each by its stem, with any punctuation between."""
    words = _TOKEN.findall(title)[:2]
    return re.compile(r"(?<![\w-])" + r"[\W_]+".join(_word_pattern(word) for word in words))


def _anchorable(item_list: ItemList) -> bool:
    """True for a list of short titles (not sentences) that sections may take up."""
    return len(item_list.items) >= 2 and all(
        item.title
        and len(item.title.split()) <= MAX_ITEM_WORDS
        and is_capitalised(item.title)
        and not any(char in item.title for char in ".!?")
        for item in item_list.items
    )


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def anchor_headings(view: TextView, lists: list[ItemList], headings: list[Mark]) -> list[Mark]:
    """New headings that take up list items; headings already found are tied to their lists.

    Returns only the headings not found before; `anchor_list` is set on both.
    """
    text = view.view
    by_start = {mark.title_start: mark for mark in headings}
    spans = sorted((item.start, item.end or item.title_end) for lst in lists for item in lst.items)
    starts = [span[0] for span in spans]
    new: list[Mark] = []
    for item_list in lists:
        if not _anchorable(item_list):
            continue
        position = item_list.end
        for item in item_list.items:
            for match in _item_pattern(item.title).finditer(text, position):
                start = match.start()
                if _inside(spans, starts, start) or not at_run_start(text, start):
                    continue
                run = scan_run(text, start, MAX_HEADING_WORDS + 1)
                if run.stop not in ("soft", "break", "end") or run.words > MAX_HEADING_WORDS:
                    continue
                title = clean_title(text[run.start : run.end])
                if similarity(item.title, title) < MIN_SIMILARITY:
                    continue
                known = by_start.get(start)
                if known is not None:
                    if known.anchor_list is None:
                        known.anchor_list = item_list.id
                else:
                    mark = Mark(
                        HEADING, PLAIN_KIND, title, start, start, run.end,
                        anchor_list=item_list.id,
                    )  # fmt: skip
                    by_start[start] = mark
                    new.append(mark)
                position = run.end
                break
    return new
