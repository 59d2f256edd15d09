"""Lines of a text with their place in the original, and in-line edits applied to them.

Repairs inside a line (ligatures, footnote markers) are found as edits on the
original text; the later steps (page furniture, paragraphs) work on lines whose text
already carries those edits, but still know where each line came from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace original[start:end] by `replacement`; `kind` names it in the log."""

    start: int
    end: int
    replacement: str
    kind: str


@dataclass(slots=True)
class Line:
    """One line: its current text, where it was, and what the steps found."""

    text: str
    start: int  # offset of the line in the original text
    end: int  # offset just past the line (its "\n" not included)
    page: int
    # The original line starts with whitespace that no repair explained: in PDF
    # text that marks the start of a new text block (a page, a box, a column).
    indented: bool = False
    removed: str | None = None  # the kind of page furniture, when the line is dropped

    @property
    def is_blank(self) -> bool:
        return self.removed is not None or not self.text.strip()


def split_lines(pages: list[str]) -> list[Line]:
    """The lines of the pages, with offsets in the pages joined by "\n"."""
    lines: list[Line] = []
    append = lines.append
    position = 0
    for page_number, page in enumerate(pages):
        for raw in page.split("\n"):
            end = position + len(raw)
            append(Line(raw, position, end, page_number))
            position = end + 1
    return lines


def apply_edits(lines: list[Line], edits: Iterable[Edit], original: str) -> None:
    """Rewrite the text of the lines the edits fall in (edits sorted, not overlapping)."""
    edits = list(edits)
    if not edits:
        return
    index = 0
    line_number = 0
    while index < len(edits):
        while lines[line_number].end < edits[index].start:
            line_number += 1
        line = lines[line_number]
        pieces: list[str] = []
        cursor = line.start
        while index < len(edits) and edits[index].start <= line.end:
            edit = edits[index]
            pieces.append(original[cursor : edit.start])
            pieces.append(edit.replacement)
            cursor = edit.end
            index += 1
        pieces.append(original[cursor : line.end])
        line.text = "".join(pieces)
        line_number += 1
