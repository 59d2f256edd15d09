"""The section tree of a document and the enumerations in it, as plain data."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

HEADING_FORM = "heading"
ITEM_FORM = "item"


@dataclass(slots=True)
class Section:
    """One section of a document: a heading and its text, or one item of a list.

    `kind` is "heading", or what the section is when the text says so: "principle",
    "theme", "goal", "focus_area", "action", "approach", "value", "function", or
    "item" for a list item of no stated kind. `text[start:end]` is the whole
    section, its number or bullet included; `text[title_start:title_end]` is where
    its title stands, so `text[start:title_end]` is the heading as printed.
    `number` is the section's number as printed without its final full stop
    ("1", "2.2", "Mål 1"). `form` tells a heading ("heading") from a list item ("item").
    """

    kind: str
    title: str
    start: int
    end: int
    level: int
    number: str | None = None
    children: list[Section] = field(default_factory=list)
    form: str = field(default=HEADING_FORM, kw_only=True)
    title_start: int = field(kw_only=True)
    title_end: int = field(kw_only=True)


@dataclass(slots=True)
class Enumeration:
    """A list of principles, themes, goals, … with the count the text announces for it.

    `items` are sections of the tree (list items, or the headings that make the
    list). `announcement` is the phrase that announces the list ("ni principper",
    "De syv prioriterede fokusområder"), at `announcement_start`, and
    `stated_count` the number it states, if any.
    """

    kind: str
    items: list[Section]
    source: str  # "bullets", "numbered lines", "inline list", "numbered headings", "sub-headings"
    stated_count: int | None = None
    announcement: str | None = None
    announcement_start: int | None = None
    announcement_end: int | None = None

    @property
    def count_confirmed(self) -> bool:
        """True when the text states a count and the list has exactly that many items."""
        return self.stated_count is not None and self.stated_count == len(self.items)


@dataclass(slots=True)
class DocumentOutline:
    """The section tree of a document and the enumerations found in it."""

    sections: list[Section]
    enumerations: list[Enumeration]


def iter_sections(sections: list[Section]) -> Iterator[Section]:
    """Every section of a tree, depth first, in document order."""
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        yield section
        stack.extend(reversed(section.children))
