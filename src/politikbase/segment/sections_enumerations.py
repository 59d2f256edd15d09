"""Enumerations: the lists of a document, tied to the phrases that announce them.

Candidates are the lists found (bullets, numbered lines, inline lists) and the
groups of headings in the tree: a run of numbered sibling headings (1, 2, 3, …)
and the subsections of a heading. An announcement ("ni principper", "Følgende
temaer") is tied to the list right after it or right before it when that list
has the announced number of items; else, as in "Handicappolitikken består af
ni principper" in a foreword, to the first list further on with that many items.

An enumeration's kind comes from its announcement's noun, else from its lead-in
("Det er vores mål, at" → goals, "Derfor" → actions), else from the heading it
stands under when that names a list ("Centrale udgangspunkter og principper").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from politikbase.segment.sections_counts import (
    Announcement,
    lead_in_kind,
    names_items,
)
from politikbase.segment.sections_marks import ITEM_KIND, PLAIN_KIND, ItemList, Mark
from politikbase.segment.sections_model import HEADING_FORM, Enumeration, Section

NUMBERED_HEADINGS = "numbered headings"
SUB_HEADINGS = "sub-headings"
ADJACENT_AFTER_CHARS = 300
ADJACENT_BEFORE_CHARS = 150
MIN_ITEMS = 2
# An announcement far from its list ("Politikken består af ni principper" in a
# foreword) is tied to the next list of that size; lists of two are too common for that.
MIN_REMOTE_COUNT = 3
MAX_REMOTE_CHARS = 20_000
_LAST_NUMBER = re.compile(r"\d+$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”»)]?\s")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(slots=True)
class _Candidate:
    items: list[Section]
    source: str
    lead_in: str = ""  # lists: the text leading into them
    parent_title: str = ""  # heading groups: the heading they stand under
    list_id: int | None = None
    adjacent: list[Announcement] = field(default_factory=list)
    remote: list[Announcement] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end


def _last_number(section: Section) -> int | None:
    """The last number of a section's number ("2.3" → 3, "Mål 2" → 2), if it has one."""
    match = _LAST_NUMBER.search(section.number or "")
    return int(match.group()) if match else None


def _numbered_runs(headings: list[Section]) -> list[list[Section]]:
    """Runs of sibling headings numbered 1, 2, 3, … at one depth."""
    runs: list[list[Section]] = []
    current: list[Section] = []
    previous: int | None = None
    for section in headings:
        value = _last_number(section)
        if value is not None and current and previous is not None and value == previous + 1:
            current.append(section)
            previous = value
            continue
        if len(current) >= MIN_ITEMS:
            runs.append(current)
        current = [section] if value == 1 else []
        previous = value
    if len(current) >= MIN_ITEMS:
        runs.append(current)
    return runs


def _heading_groups(sections: list[Section], parent: Section | None) -> list[_Candidate]:
    found: list[_Candidate] = []
    headings = [section for section in sections if section.form == HEADING_FORM]
    title = parent.title if parent else ""
    runs = _numbered_runs(headings)
    found.extend(_Candidate(run, NUMBERED_HEADINGS, parent_title=title) for run in runs)
    whole_run = len(runs) == 1 and len(runs[0]) == len(headings)
    if parent is not None and len(headings) >= MIN_ITEMS and not whole_run:
        found.append(_Candidate(headings, SUB_HEADINGS, parent_title=title))
    for section in headings:
        found.extend(_heading_groups(section.children, section))
    return found


def _leads_into(text: str, announcement: Announcement, candidate: _Candidate) -> bool:
    """True when the announcement's sentence runs on into the list ("… temaer er: 1. …")."""
    if candidate.start < announcement.end:
        return False
    between = text[announcement.end : candidate.start]
    head = between.rstrip()
    if not head.strip(" \t\n:"):
        return True
    if len(between) > ADJACENT_AFTER_CHARS:
        return False
    if _SENTENCE_BREAK.search(head) or _BLANK_LINE.search(head):
        return False
    # "Følgende temaer beskriver …:" may stand apart from its list.
    return head.endswith(":") or _BLANK_LINE.search(between) is None


def _bind(text: str, candidates: list[_Candidate], announcements: list[Announcement]) -> None:
    starts = [candidate.start for candidate in candidates]
    by_end = sorted(candidates, key=lambda candidate: candidate.end)
    ends = [candidate.end for candidate in by_end]
    for announcement in announcements:
        after_index = bisect_left(starts, announcement.end)
        adjacent: list[_Candidate] = []
        if (
            after_index < len(candidates)
            and candidates[after_index].start - announcement.end <= ADJACENT_AFTER_CHARS
        ):
            adjacent.append(candidates[after_index])
        before_index = bisect_right(ends, announcement.start) - 1
        if (
            before_index >= 0
            and announcement.start - ends[before_index] <= ADJACENT_BEFORE_CHARS
            and not any(candidate is by_end[before_index] for candidate in adjacent)
        ):
            adjacent.append(by_end[before_index])
        count = announcement.count
        chosen = next(
            (
                c
                for c in adjacent
                if (count is None and _leads_into(text, announcement, c))
                or (count is not None and len(c.items) == count)
            ),
            None,
        )
        if chosen is not None:
            chosen.adjacent.append(announcement)
            continue
        if count is not None and count >= MIN_REMOTE_COUNT:
            remote = next(
                (
                    c
                    for c in candidates[after_index:]
                    if len(c.items) == count and c.start - announcement.end <= MAX_REMOTE_CHARS
                ),
                None,
            )
            if remote is not None:
                remote.remote.append(announcement)
                continue
        # A count in words announces the list its sentence leads into even when the
        # items found differ; a bare numeral may be anything (a slide number: "11 Spor 1:").
        if (
            adjacent
            and not announcement.phrase[:1].isdigit()
            and _leads_into(text, announcement, adjacent[0])
        ):
            adjacent[0].adjacent.append(announcement)


def _kind(candidate: _Candidate) -> str | None:
    announced = candidate.adjacent + candidate.remote
    if announced:
        return announced[0].kind
    if candidate.lead_in:
        kind = lead_in_kind(candidate.lead_in) or names_items(candidate.lead_in)
        if kind:
            return kind
    if candidate.parent_title:
        return names_items(candidate.parent_title)
    return ITEM_KIND if candidate.list_id is not None else None


def enumerations(
    text: str,
    roots: list[Section],
    lists: list[ItemList],
    made: dict[int, Section],
    anchored: list[Mark],
    announcements: list[Announcement],
) -> list[Enumeration]:
    """The enumerations of a document; sets the kind of their items and anchored headings."""
    candidates = [
        _Candidate(
            [made[id(item)] for item in item_list.items],
            item_list.source,
            lead_in=item_list.lead_in,
            list_id=item_list.id,
        )
        for item_list in lists
    ]
    candidates.extend(_heading_groups(roots, None))
    candidates.sort(key=lambda candidate: candidate.start)
    _bind(text, candidates, announcements)
    found: list[Enumeration] = []
    kinds_by_list: dict[int, str] = {}
    for candidate in candidates:
        kind = _kind(candidate)
        if kind is None:
            continue
        if candidate.list_id is not None:
            kinds_by_list[candidate.list_id] = kind
        for section in candidate.items:
            # A heading stays a heading unless its list says what it is.
            if section.kind == ITEM_KIND or (section.kind == PLAIN_KIND and kind != ITEM_KIND):
                section.kind = kind
        announced = candidate.adjacent + candidate.remote
        counted = next((a for a in announced if a.count is not None), None)
        first = counted or (announced[0] if announced else None)
        found.append(
            Enumeration(
                kind,
                candidate.items,
                candidate.source,
                stated_count=counted.count if counted else None,
                announcement=first.phrase if first else None,
                announcement_start=first.start if first else None,
                announcement_end=first.end if first else None,
            )
        )
    for mark in anchored:
        kind = kinds_by_list.get(mark.anchor_list) if mark.anchor_list is not None else None
        section = made.get(id(mark))
        if kind and kind != ITEM_KIND and section is not None and section.kind == PLAIN_KIND:
            section.kind = kind
    found.sort(key=lambda enumeration: enumeration.items[0].start)
    return found
