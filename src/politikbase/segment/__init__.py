"""Segmentation: one (repaired) text becomes the documents it holds.

* A policy listing page gives one segment per entry (kind "entry").
* A transcript page of a document-hosting site gives the main document (kind
  "main", the transcript pages without the site's header) and one segment per
  related-document entry (kind "related": title and snippet, without the link line).
* Any other text is one segment (kind "document").

Each segment has exact boundaries (`text[segment.start:segment.end]`) and a
title. `title_start`/`title_end` give where the title stands in the text when it
was taken from it; they are None when the title was inferred (an entry without
a title line, named after the policy its text describes).
"""

from __future__ import annotations

from politikbase.danish.policy_words import find_policy_names
from politikbase.models import Segment
from politikbase.segment.document import segment_document
from politikbase.segment.lines import split_lines
from politikbase.segment.listing import segment_listing
from politikbase.segment.shapes import DOCUMENT, LISTING, TRANSCRIPT, detect_shape, shape_of
from politikbase.segment.transcript import related_snippet, segment_transcript

__all__ = [
    "DOCUMENT",
    "LISTING",
    "TRANSCRIPT",
    "detect_shape",
    "related_snippet",
    "segment_text",
]


def segment_text(text: str) -> list[Segment]:
    """The documents `text` holds, in order; empty for a text with nothing in it."""
    lines = split_lines(text)
    names = find_policy_names(text)
    found = shape_of(text, lines, names)
    segments: list[Segment] = []
    if found.shape == TRANSCRIPT:
        segments = segment_transcript(text, lines, found.layout)
    elif found.shape == LISTING:
        segments = segment_listing(text, lines, found.kinds)
    return segments or segment_document(text, lines, names)
