"""The section tree of one document: headings, numbered principles or themes, goals, actions.

`section_tree(text)` reads a repaired document — one paragraph or heading a line,
or a document site's transcript whose pages are flattened to one long line each
("2 Byens ressourcer fremtidens løsninger Velfærdssamfundet er …") — and returns
its sections with exact offsets. `document_outline(text)` returns the enumerations
as well: the lists the document announces ("ni principper", "fem temaer", "De
syv prioriterede fokusområder er: 1. …"), with the announced count checked
against the items found.

What is found, and where:

* headings: short lines that read as headings; numbered headings that make an
  outline (1, 2, 2.2, 3, …); labelled headings ("Mål 1:", "Tema 2"); on flat
  pages, the title a page opens with and headings that run into the text;
* lists: bullets, numbered lines, numbered lists written inline; their items are
  sections of kind "goal", "action", "principle", … when the lead-in or an
  announcement says so;
* headings that take up a list's items one by one ("Læring og uddannelse"
  after "De syv prioriterede fokusområder er: 1. Læring og uddannelse …"),
  even where they run into the text.

When the extractor knows the headings (Word styles, HTML h-tags) they are given
as `headings` and used instead of guessing which lines are headings; labelled
headings ("Mål 1: …") are kept beside them.
"""

from __future__ import annotations

import re

from politikbase.segment.lines import split_lines
from politikbase.segment.sections_anchors import anchor_headings
from politikbase.segment.sections_counts import find_announcements
from politikbase.segment.sections_enumerations import enumerations
from politikbase.segment.sections_labels import line_label
from politikbase.segment.sections_lines import contents_spans, read_lines
from politikbase.segment.sections_marks import HEADING, PLAIN_KIND, Mark
from politikbase.segment.sections_model import (
    DocumentOutline,
    Enumeration,
    Section,
    iter_sections,
)
from politikbase.segment.sections_numbering import inline_lists, numbered_headings
from politikbase.segment.sections_runin import labelled_headings, page_openings
from politikbase.segment.sections_tree import assign_levels, build_tree, clean_headings
from politikbase.segment.sections_view import TextView, at_run_start, clean_title, text_view

__all__ = [
    "DocumentOutline",
    "Enumeration",
    "Section",
    "document_outline",
    "iter_sections",
    "section_tree",
]

_HEADING_NUMBER = re.compile(r"(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=\S)")


def _given_mark(text: str, start: int, end: int) -> Mark:
    """A heading the extractor named, with its number or label read from it."""
    label = line_label(text[start:end], start)
    if label is not None:
        rest = text[label.end : end].strip()
        title_start = end - len(rest) if rest else start
        return Mark(
            HEADING,
            label.kind,
            clean_title(text[title_start:end]),
            start,
            title_start,
            end,
            number=label.number,
            label=True,
        )
    numbered = _HEADING_NUMBER.match(text, start, end)
    if numbered is not None:
        number = numbered.group("number")
        return Mark(
            HEADING,
            PLAIN_KIND,
            clean_title(text[numbered.end() : end]),
            start,
            numbered.end(),
            end,
            number=number,
            depth=number.count(".") + 1,
        )
    return Mark(HEADING, PLAIN_KIND, clean_title(text[start:end]), start, start, end)


def _given_headings(view: TextView, headings: list[str]) -> list[Mark]:
    """The named headings where they stand in the text, in order.

    A heading is looked for as a line of its own first, then where it runs into
    the text; a table of contents ("Forord 3") is no line of its own.
    """
    text = view.view
    found: list[Mark] = []
    position = 0
    for heading in headings:
        words = heading.split()
        if not words:
            continue
        body = r"\s+".join(re.escape(word) for word in words)
        whole_line = re.compile(r"^[ \t]*(" + body + r")[ \t]*$", re.MULTILINE)
        match = whole_line.search(text, position)
        span = match.span(1) if match else None
        if span is None:
            span = next(
                (
                    run_in.span()
                    for run_in in re.finditer(body, text[position:])
                    if at_run_start(text, position + run_in.start())
                ),
                None,
            )
            span = (position + span[0], position + span[1]) if span else None
        if span is not None:
            found.append(_given_mark(text, *span))
            position = span[1]
    return found


def document_outline(text: str, headings: list[str] | None = None) -> DocumentOutline:
    """The section tree of `text` and the enumerations in it.

    `headings` are the heading texts an extractor knows (DOCX styles, HTML
    h-tags), in document order; those found in the text are the headings.
    """
    lines = split_lines(text)
    if not lines:
        return DocumentOutline([], [])
    view = text_view(text, lines)
    lists = inline_lists(view, 0)
    given = _given_headings(view, headings) if headings else []
    if view.flat:
        taken = {item.start for item_list in lists for item in item_list.items}
        labelled = labelled_headings(view)
        found = labelled + (given or numbered_headings(view, taken) + page_openings(view))
    else:
        # Numbered entries of a table of contents are no list.
        contents = contents_spans(lines)
        lists = [
            item_list
            for item_list in lists
            if not any(start <= item_list.start < end for start, end in contents)
        ]
        spans = [(item_list.start, item_list.end) for item_list in lists]
        skip = {
            index
            for index, line in enumerate(lines)
            if any(start <= line.start < end for start, end in spans)
        }
        read = read_lines(view.view, lines, skip, len(lists))
        lists += read.lists
        # Labelled headings ("Mål 1: …") are plain to see even where an extractor
        # knew only the styled headings.
        found = given + [mark for mark in read.headings if mark.label] if given else read.headings
    anchored = anchor_headings(view, lists, found)
    kept = clean_headings(found if given else found + anchored)
    items = [item for item_list in lists for item in item_list.items]
    marks = sorted(kept + items, key=lambda mark: (mark.start, mark.form != HEADING))
    assign_levels(marks, view.view)
    roots, made = build_tree(text, marks)
    tied = [mark for mark in kept if mark.anchor_list is not None]
    found_enumerations = enumerations(
        view.view, roots, lists, made, tied, find_announcements(view.view)
    )
    return DocumentOutline(roots, found_enumerations)


def section_tree(text: str, headings: list[str] | None = None) -> list[Section]:
    """The sections of `text` as a tree, in document order, with exact offsets.

    `headings` are the heading texts an extractor knows, if any.
    """
    return document_outline(text, headings).sections
