"""What the section finder marks in a text before it builds the tree.

A mark is a heading (it opens a section that runs until the next heading at its
level or above) or an item of a list (a bullet, a numbered line, or one entry of
a numbered list written inline). Items belong to an `ItemList`, which may be
announced by the text around it ("De syv prioriterede fokusområder er: 1. …").
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADING = "heading"
ITEM = "item"
PLAIN_KIND = "heading"  # the kind of a heading that is nothing more specific
ITEM_KIND = "item"  # the kind of a list item whose list says nothing about it

# Where a list came from.
BULLETS = "bullets"
NUMBERED_LINES = "numbered lines"
LINES = "lines"  # short lines after a lead-in ending in a colon
INLINE = "inline list"


@dataclass(slots=True)
class Mark:
    """A heading or list item found in the text, with exact offsets.

    `start` is where it starts, its number or bullet included; `title_start` and
    `title_end` are where its title stands. `end` is known for items and worked out
    for headings when the tree is built.
    """

    form: str
    kind: str
    title: str
    start: int
    title_start: int
    title_end: int
    end: int | None = None
    number: str | None = None
    depth: int | None = None  # numbering depth of a numbered heading ("2.2" → 2)
    label: bool = False  # a labelled heading: "Mål 1:", "Spor 2:", "Eksempel:"
    list_id: int | None = None  # items: the list they belong to
    anchor_list: int | None = None  # headings: the list whose item they take up
    level: int = 0


@dataclass(slots=True)
class ItemList:
    """Items that form one list, and the text that leads into it."""

    id: int
    source: str
    items: list[Mark] = field(default_factory=list)
    lead_in: str = ""  # the sentence or heading just before the list
    kind: str = ITEM_KIND

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        last = self.items[-1]
        return last.end if last.end is not None else last.title_end
