"""Does a text show the shape of PDF extraction?

Repair is applied to every text the project ingests, and most of it (web pages,
Word files, transcripts) is already right: one paragraph a line. Only text whose
lines were wrapped by a page layout may have its lines joined. Such text has a
narrow, steady line width and many lines that stop mid-sentence and go on in
lower case on the next line; text with one paragraph a line has neither.
"""

from __future__ import annotations

from dataclasses import dataclass

# Wider lines than this are paragraphs, not lines of a printed page; narrower
# ones are lists or tables (a narrow column still holds some 35 characters).
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 30
MIN_WRAPPED_LINES = 4
# Share of line pairs where a sentence runs on into a lower-case line.
MIN_RUN_ON_SHARE = 0.15
MIN_RUN_ON_PAIRS = 2
# Share of lines that fill most of the width (a wrapped paragraph's lines do).
MIN_FULL_LINE_SHARE = 0.25
FULL_LINE_FRACTION = 0.6
# When most lines are indented, indentation says nothing about text blocks.
MAX_INDENTED_SHARE = 0.25
WIDTH_PERCENTILE = 0.9
SENTENCE_END = frozenset(".!?:;")


@dataclass(frozen=True, slots=True)
class TextProfile:
    wrapped: bool
    wrap_width: int
    indent_marks_blocks: bool


def profile_lines(lines: list[str]) -> TextProfile:
    """Decide from the raw lines whether the text is hard-wrapped page text."""
    contents = [line.strip() for line in lines]
    lengths = sorted(len(content) for content in contents if content)
    if len(lengths) < MIN_WRAPPED_LINES:
        return TextProfile(False, lengths[-1] if lengths else 0, False)
    width = lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))]
    indented = sum(1 for line in lines if line[:1] in (" ", "\t") and line.strip())
    indent_marks_blocks = indented <= MAX_INDENTED_SHARE * len(lengths)
    if width > MAX_WRAP_WIDTH:
        return TextProfile(False, width, indent_marks_blocks)
    full_length = FULL_LINE_FRACTION * width
    full = sum(1 for length in lengths if length >= full_length)
    pairs, run_ons = _run_on_pairs(contents, full_length)
    wrapped = (
        width >= MIN_WRAP_WIDTH
        and full >= MIN_FULL_LINE_SHARE * len(lengths)
        and run_ons >= MIN_RUN_ON_PAIRS
        and run_ons >= MIN_RUN_ON_SHARE * max(1, pairs)
    )
    return TextProfile(wrapped, width, indent_marks_blocks)


def _run_on_pairs(contents: list[str], full_length: float) -> tuple[int, int]:
    """Pairs of lines (at most one blank line apart), and how many run on: a full
    line whose sentence goes on in lower case on the next line. (Short lines that
    go on in lower case are lists and tables: "Jens Hansen" + "tlf. 1234 5678".)"""
    pairs = run_ons = 0
    previous = ""
    blanks = 0
    for content in contents:
        if not content:
            blanks += 1
            continue
        if previous and blanks <= 1:
            pairs += 1
            if (
                content[0].islower()
                and previous[-1] not in SENTENCE_END
                and len(previous) >= full_length
            ):
                run_ons += 1
        previous = content
        blanks = 0
    return pairs, run_ons
