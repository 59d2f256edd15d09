"""Headings of a PDF page, found by the type they are set in.

A PDF's text layer has no headings, only text in fonts and sizes. A line is a
heading when it is set wholly in bold at body size or larger, or in type far
larger than the body's (cover titles often use a regular weight); pull quotes
(larger but not bold) and running headers (smaller) are not. Consecutive
heading lines in the same type are one wrapped heading.

Fonts are asked about only for lines that could start a heading (short, not
ending like a sentence, not starting in lower case) and for the line after a
heading, so the cost per page stays a handful of PDFium calls.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from politikbase.extract.textnorm import clean_text, collapse_spaces

# Bold at or above body size; regular weight only from this ratio up.
BOLD_MIN_RATIO = 1.0
REGULAR_MIN_RATIO = 1.5
MAX_HEADING_LENGTH = 150
# Lines at least this share of the page's longest line are running text.
FULL_LINE_SHARE = 0.6
# Running-text lines asked for their size, to know the body size.
FULL_LINES_SIZED = 3
BOLD_WEIGHT = 600
_BOLD_NAME = re.compile(rb"bold|black|heavy|semibold|demi", re.IGNORECASE)
_FONT_NAME_BUFFER = 128
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = frozenset(".,;")

# The raw handle and functions, looked up once: these run for many lines a page.
_TextPageHandle = pdfium_c.FPDF_TEXTPAGE
_font_size = pdfium_c.FPDFText_GetFontSize
_font_weight = pdfium_c.FPDFText_GetFontWeight
_font_info = pdfium_c.FPDFText_GetFontInfo
# One buffer for font names, reused: PDFium is called from one thread at a time.
_FONT_NAME = ctypes.create_string_buffer(_FONT_NAME_BUFFER)


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    size: float


@dataclass(frozen=True, slots=True)
class PageLayout:
    headings: list[Heading]
    body_size: float | None  # the size most of the page's text is set in


@dataclass(slots=True)
class _Line:
    text: str  # without surrounding spaces
    number: int  # line number on the page
    first: int  # character index of its first and last non-space character
    last: int
    size: float | None = None  # asked only where needed


def page_layout(textpage: pdfium.PdfTextPage, raw_text: str) -> PageLayout:
    """The headings of a page, from the text PDFium gave for it (CR LF line ends)."""
    if not raw_text or textpage.count_chars() != len(raw_text):
        # Character and text indexes disagree; sizes could not be matched to lines.
        return PageLayout([], None)
    return _layout(textpage.raw, raw_text)


def _layout(textpage: _TextPageHandle, raw_text: str) -> PageLayout:
    split = raw_text.split("\r\n")
    # A line nearly as long as the longest is running text: headings are short, and
    # type large enough for a heading fits fewer characters on a line. Only a few
    # such lines are asked for their size, to know the body size.
    full_line = FULL_LINE_SHARE * max(map(len, split))
    short_lines: list[_Line] = []
    chars_by_size: Counter[float] = Counter()
    full_lines_sized = 0
    offset = 0
    for number, raw_line in enumerate(split):
        text = raw_line.strip()
        if text:
            if len(raw_line) >= full_line:
                if full_lines_sized < FULL_LINES_SIZED:
                    first = offset + len(raw_line) - len(raw_line.lstrip())
                    chars_by_size[_size(textpage, first)] += len(text)
                    full_lines_sized += 1
            else:
                first = offset + len(raw_line) - len(raw_line.lstrip())
                line = _Line(text, number, first, first + len(text) - 1)
                if _may_start_heading(text):
                    line.size = _size(textpage, first)
                    chars_by_size[line.size] += len(text)
                short_lines.append(line)
        offset += len(raw_line) + 2
    if not chars_by_size:
        return PageLayout([], None)
    body_size = chars_by_size.most_common(1)[0][0]
    return PageLayout(_headings(textpage, short_lines, body_size), body_size)


def _headings(textpage: _TextPageHandle, lines: list[_Line], body_size: float) -> list[Heading]:
    headings: list[Heading] = []
    last_heading_line = -2
    for line in lines:
        follows_heading = line.number == last_heading_line + 1
        if line.size is None:
            if not follows_heading:
                continue
            # Perhaps the second line of a wrapped heading ("Politik for borgere / med handicap").
            line.size = _size(textpage, line.first)
        if not _is_heading(textpage, line, body_size):
            continue
        text = collapse_spaces(clean_text(line.text.replace("\ufffe", "-")))
        if follows_heading and headings[-1].size == line.size:
            headings[-1] = Heading(f"{headings[-1].text} {text}", line.size)
        else:
            headings.append(Heading(text, line.size))
        last_heading_line = line.number
    return headings


def _may_start_heading(text: str) -> bool:
    """False for the lines running text is made of, before any font is asked about."""
    return (
        len(text) <= MAX_HEADING_LENGTH
        and text[-1] not in _SENTENCE_END
        and not text[0].islower()
        and _LETTER.search(text) is not None
    )


def _size(textpage: _TextPageHandle, index: int) -> float:
    return round(_font_size(textpage, index), 1)


def _is_heading(textpage: _TextPageHandle, line: _Line, body_size: float) -> bool:
    size = line.size or 0.0
    if size < body_size * BOLD_MIN_RATIO or len(line.text) > MAX_HEADING_LENGTH:
        return False
    if size >= body_size * REGULAR_MIN_RATIO:
        return True
    return _is_bold(textpage, line.first) and _is_bold(textpage, line.last)


def _is_bold(textpage: _TextPageHandle, index: int) -> bool:
    weight = _font_weight(textpage, index)
    if weight > 0:
        return weight >= BOLD_WEIGHT
    # Fonts without a weight (the standard 14, some subsets) say it in their name.
    length = _font_info(textpage, index, _FONT_NAME, _FONT_NAME_BUFFER, None)
    if not 0 < length <= _FONT_NAME_BUFFER:
        return False  # no name, or one too long for the buffer: PDFium wrote nothing
    return _BOLD_NAME.search(_FONT_NAME.value) is not None
