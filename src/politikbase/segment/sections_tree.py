"""From marks to a tree: levels, nesting and where each section ends.

Levels come from what the text shows:

* a numbered heading sits at its numbering depth ("2.2" → 2);
* a heading that takes up an item of a list sits one below the heading the list
  stands under, or beside it when that heading is front matter ("Forord",
  "Indledning": a foreword lists what the document's own parts then take up);
* a labelled heading ("Mål 1:") sits under the last unlabelled heading;
* in a numbered document an unnumbered heading after a numbered one is a
  subsection of it;
* otherwise a heading followed directly by another heading, or one that names
  a list in the plural ("Indsatsområder"), opens a part (level 1); when the next
  heading is a plain one, the plain headings after it are the part's subsections
  (level 2) until the next part opens.

List items are children of the heading they stand under. A heading's section
runs until the next heading at its level or above.
"""

from __future__ import annotations

from politikbase.segment.sections_counts import names_items
from politikbase.segment.sections_marks import HEADING, ITEM, Mark
from politikbase.segment.sections_model import HEADING_FORM, ITEM_FORM, Section

# When two marks start at the same place, the more telling one is kept.
_PRIORITY_NUMBERED = 0
_PRIORITY_LABEL = 1
_PRIORITY_ANCHORED = 2
_PRIORITY_PLAIN = 3
# Headings of front matter, whose lists announce the parts of the whole document.
FRONT_MATTER = frozenset(
    {
        "forord", "indledning", "introduktion", "resumé", "resume", "sammenfatning",
        "baggrund", "formål", "læsevejledning", "indhold", "indholdsfortegnelse",
    }
)  # fmt: skip


def _priority(mark: Mark) -> int:
    if mark.depth is not None:
        return _PRIORITY_NUMBERED
    if mark.label:
        return _PRIORITY_LABEL
    if mark.anchor_list is not None:
        return _PRIORITY_ANCHORED
    return _PRIORITY_PLAIN


def _printed(mark: Mark) -> str:
    """The heading as printed, folded for comparison: number or label and title."""
    return " ".join(f"{mark.number or ''} {mark.title}".casefold().split())


def clean_headings(headings: list[Mark]) -> list[Mark]:
    """Headings in order, without overlaps and without a heading repeating the one before.

    Where two headings overlap, the more telling one (numbered, labelled, tied to a
    list) is kept. Slides repeat their title ("Spor 1: …" on two slides in a row);
    a repeated heading adds nothing to the tree.
    """
    ordered = sorted(headings, key=lambda mark: (mark.start, _priority(mark)))
    apart: list[Mark] = []
    for mark in ordered:
        if apart and mark.start < apart[-1].title_end:
            if apart[-1].anchor_list is None and mark.anchor_list is not None:
                apart[-1].anchor_list = mark.anchor_list
            continue
        apart.append(mark)
    kept: list[Mark] = []
    for mark in apart:
        if not kept or _printed(kept[-1]) != _printed(mark):
            kept.append(mark)
    return kept


def _is_plain(mark: Mark) -> bool:
    return mark.form == HEADING and mark.depth is None and not mark.label


def _next_heading_is_plain(marks: list[Mark], index: int) -> bool:
    following = next((mark for mark in marks[index + 1 :] if mark.form == HEADING), None)
    return following is not None and _is_plain(following)


def _is_opener(marks: list[Mark], index: int, text: str) -> bool:
    """True when a heading is followed directly by another heading (no text of its own)."""
    following = marks[index + 1] if index + 1 < len(marks) else None
    if following is None or following.form != HEADING:
        return False
    return not text[marks[index].title_end : following.start].strip()


def _anchored_level(parent: Mark | None) -> int:
    """The level of headings that take up the items of a list under `parent`."""
    if parent is None:
        return 1
    if parent.title.casefold() in FRONT_MATTER:
        return parent.level
    return parent.level + 1


def assign_levels(marks: list[Mark], view: str) -> None:
    """Set the level of every mark (headings and items, in document order)."""
    numbered = any(mark.depth is not None for mark in marks)
    stack: list[Mark] = []
    list_levels: dict[int, int] = {}
    anchored_levels: dict[int, int] = {}
    numbered_level: int | None = None
    part_child_level: int | None = None  # the level of plain headings in the open part
    for index, mark in enumerate(marks):
        if mark.form == ITEM:
            assert mark.list_id is not None
            if mark.list_id not in list_levels:
                parent = stack[-1] if stack else None
                list_levels[mark.list_id] = parent.level + 1 if parent else 1
                anchored_levels[mark.list_id] = _anchored_level(parent)
            mark.level = list_levels[mark.list_id]
            continue
        if mark.depth is not None:
            level = mark.depth
            numbered_level = level
        elif mark.anchor_list is not None and mark.anchor_list in anchored_levels:
            level = anchored_levels[mark.anchor_list]
        elif mark.label:
            parent = next((open_ for open_ in reversed(stack) if not open_.label), None)
            level = parent.level + 1 if parent else 1
        elif numbered and numbered_level is not None:
            level = numbered_level + 1
        elif _is_opener(marks, index, view) or names_items(mark.title):
            level = 1
            part_child_level = 2 if _next_heading_is_plain(marks, index) else None
        else:
            level = part_child_level or 1
        while stack and stack[-1].level >= level:
            stack.pop()
        stack.append(mark)
        mark.level = level


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def build_tree(text: str, marks: list[Mark]) -> tuple[list[Section], dict[int, Section]]:
    """The section tree, and the section made from each mark (by the mark's id)."""
    roots: list[Section] = []
    made: dict[int, Section] = {}
    stack: list[Section] = []

    def close(section: Section, at: int) -> None:
        section.end = max(_trimmed_end(text, section.start, at), section.title_end)

    for mark in marks:
        if mark.form == HEADING:
            while stack and stack[-1].level >= mark.level:
                close(stack.pop(), mark.start)
        section = Section(
            mark.kind,
            mark.title,
            mark.start,
            mark.end if mark.end is not None else mark.title_end,
            mark.level,
            mark.number,
            form=HEADING_FORM if mark.form == HEADING else ITEM_FORM,
            title_start=mark.title_start,
            title_end=mark.title_end,
        )
        made[id(mark)] = section
        (stack[-1].children if stack else roots).append(section)
        if mark.form == HEADING:
            stack.append(section)
    while stack:
        close(stack.pop(), len(text))
    return roots, made
