"""Tell the shape of a text from its structure: listing page, transcript page or document.

* transcript: a document's pages (numbered, or under a document site's header)
  followed by a list of related documents (title, a snippet repeating it, a
  recurring link line), or numbered pages flattened to one long line each;
* listing: entries marked the way listing pages mark them — link lines that close
  or head entries, several headings that name different policies and are followed by a
  description, or several paragraphs that each open by naming a different
  policy and state its adoption;
* document: anything else.

Most texts are documents, so cheap whole-text counts rule a listing out before
any line is classified.
"""

from __future__ import annotations

from dataclasses import dataclass

from politikbase.danish.page_phrases import (
    adoption_verb_offsets,
    is_adoption_statement,
    is_link_line,
    link_verb_ends,
)
from politikbase.danish.policy_words import PolicyName, find_policy_names, lower_in_place
from politikbase.segment.lines import Line, line_index, split_lines
from politikbase.segment.listing import LineKind, classify, is_entry_heading, page_style
from politikbase.segment.names import heading_policy_name, subject_policy_name
from politikbase.segment.transcript import TranscriptLayout, transcript_layout

LISTING = "listing"
TRANSCRIPT = "transcript"
DOCUMENT = "document"

MIN_ENTRIES = 3
MIN_CLOSED_ENTRIES_WITH_NAMES = 2
MIN_LINK_LINES = 2
# Listing pages are mostly entry headings; a long document has many other headings.
MIN_NAMING_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class TextShape:
    """A text's shape, with what was worked out on the way (reused by the segmenters)."""

    shape: str
    kinds: list[LineKind] | None = None  # a listing's classified lines
    layout: TranscriptLayout | None = None  # a transcript's parts


def _described_names(lines: list[Line], starts: list[int], names: list[PolicyName]) -> set[str]:
    """Distinct policies named by a heading that a description follows."""
    keys: set[str] = set()
    seen: set[int] = set()
    for name in names:
        if name.definite or name.plural:
            continue
        index = line_index(starts, name.start)
        if index in seen or index + 1 >= len(lines):
            continue
        seen.add(index)
        line = lines[index]
        following = lines[index + 1]
        # A description opens a new sentence; a lower-case start continues a wrapped line.
        if not following.text[:1].isupper() and not following.text[:1].isdigit():
            continue
        if not is_entry_heading(line) or is_entry_heading(following):
            continue
        named = heading_policy_name(line.text)
        if named is not None:
            keys.add(named.key)
    return keys


def _link_lines(lowered: str, lines: list[Line], starts: list[int]) -> int:
    """How many lines are link lines, reading only lines that start with a link verb."""
    indexes = {line_index(starts, end) for end in link_verb_ends(lowered)}
    return sum(1 for index in indexes if is_link_line(lines[index].text))


def _adopted_subjects(lowered: str, lines: list[Line], starts: list[int]) -> set[str]:
    """Distinct policies named at the start of a line that states an adoption."""
    keys: set[str] = set()
    offsets = adoption_verb_offsets(lowered)
    for index in sorted({line_index(starts, offset) for offset in offsets}):
        line = lines[index]
        if is_adoption_statement(line.text):
            subject = subject_policy_name(line.text)
            if subject is not None:
                keys.add(subject.key)
    return keys


def _listing_kinds(text: str, lines: list[Line], names: list[PolicyName]) -> list[LineKind] | None:
    """The classified lines when the text is a listing page, else None."""
    starts = [line.start for line in lines]
    lowered = lower_in_place(text)
    named = _described_names(lines, starts, names)
    if _link_lines(lowered, lines, starts) < MIN_LINK_LINES and len(named) < MIN_ENTRIES:
        if len(_adopted_subjects(lowered, lines, starts)) < MIN_ENTRIES:
            return None
        return classify(lines)
    kinds = classify(lines)
    style = page_style(kinds)
    if style.links_close and (
        style.closing_links >= MIN_ENTRIES or len(named) >= MIN_CLOSED_ENTRIES_WITH_NAMES
    ):
        return kinds
    if len(named) >= MIN_ENTRIES and style.naming_headings >= MIN_NAMING_SHARE * style.headings:
        return kinds
    if style.links_open and style.links >= MIN_ENTRIES:
        return kinds
    if len(_adopted_subjects(lowered, lines, starts)) >= MIN_ENTRIES:
        return kinds
    return None


def shape_of(text: str, lines: list[Line], names: list[PolicyName] | None = None) -> TextShape:
    """The shape of a text given its lines and, if known, its policy names."""
    layout = transcript_layout(lines)
    if layout is not None:
        return TextShape(TRANSCRIPT, layout=layout)
    kinds = _listing_kinds(text, lines, find_policy_names(text) if names is None else names)
    if kinds is not None:
        return TextShape(LISTING, kinds)
    return TextShape(DOCUMENT)


def detect_shape(text: str) -> str:
    """The text's shape from its structure: "listing", "transcript" or "document"."""
    return shape_of(text, split_lines(text)).shape
