"""Put the lines back together: wrapped lines into paragraphs, one paragraph a line.

For hard-wrapped page text, each pair of neighbouring lines either continues one
paragraph (joined with a space, or without one across a hyphenated word) or starts
a new one (separated by a blank line, as a paragraph or heading of its own). For
text that is not wrapped, the lines are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from politikbase.danish.lexicon import Lexicon
from politikbase.danish.stopwords import DANISH_STOP_WORDS
from politikbase.models import RepairChange
from politikbase.repair import hyphenation
from politikbase.repair.hyphenation import HyphenJoin, hyphenated_head
from politikbase.repair.lines import Line
from politikbase.repair.profile import TextProfile

BULLETS = frozenset("•▪◦●■□➢►✓*·○◆◇→")
_NUMBERED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s|[-–—]\s")
_WORD_START = re.compile(r"\w+")
PARAGRAPH_BREAK = "\n\n"
# A line that ends this early (share of the width) and is followed by a capital
# ends its paragraph: a heading, or the last line of a paragraph.
SHORT_LINE = 0.6
# A block of this many lines has its own width (a narrow column, a text box).
MIN_BLOCK_FOR_WIDTH = 3
# A hyphenated word may be split by a page break and the furniture around it.
MAX_BLANKS_IN_HYPHENATION = 8
SENTENCE_END = frozenset(".!?:;")
RUNS_ON = frozenset(",–—-(&/")


@dataclass(slots=True)
class Assembly:
    """The repaired text, the joins logged on the way, and where each page starts."""

    text: str
    changes: list[RepairChange] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=list)


def keep_lines(lines: list[Line], page_count: int) -> Assembly:
    """Text that is not wrapped: the kept lines, as they are, one per line."""
    pieces: list[str] = []
    starts: list[int | None] = [None] * page_count
    length = 0
    for line in lines:
        if line.removed is not None:
            continue
        if pieces:
            pieces.append("\n")
            length += 1
        _note_page(starts, line.page, length)
        pieces.append(line.text)
        length += len(line.text)
    return Assembly("".join(pieces), [], _fill_starts(starts, length))


def join_paragraphs(
    lines: list[Line], profile: TextProfile, lexicon: Lexicon, original: str, page_count: int
) -> Assembly:
    """Wrapped text: one paragraph or heading a line, blank lines between them.

    Joins of lines within a paragraph are not logged one by one (they are the
    shape of the text, not a change of its words); hyphenation joins are.
    """
    contents = [_content(line) for line in lines]
    widths = _BlockWidths(contents, profile.wrap_width)
    indent_marks_blocks = profile.indent_marks_blocks
    pieces: list[str] = []
    changes: list[RepairChange] = []
    starts: list[int | None] = [None] * page_count
    length = 0
    previous: Line | None = None
    previous_index = 0
    blanks = 0
    noted_page = -1
    for index, line in enumerate(lines):
        content = contents[index]
        if not content:
            blanks += 1
            continue
        if previous is None:
            separator = ""
        else:
            previous_content = contents[previous_index]
            if (
                blanks == 0
                and content[0].islower()
                and previous_content[-1] != "-"
                and content[1:2] not in (".", ")")
                and not (line.indented and indent_marks_blocks)
            ):
                # The common case: a sentence runs on into a lower-case line.
                separator = " "
            else:
                meeting = _meeting(
                    previous_content,
                    content,
                    line,
                    blanks,
                    widths.at(previous_index),
                    indent_marks_blocks,
                    lexicon,
                )
                if isinstance(meeting, HyphenJoin):
                    head = hyphenated_head(previous_content) or ""
                    if not meeting.keep_hyphen:
                        pieces[-1] = pieces[-1][:-1]
                        length -= 1
                    separator = meeting.separator
                    changes.append(_hyphen_change(previous, line, head, content, meeting, original))
                else:
                    separator = meeting
        pieces.append(separator)
        length += len(separator)
        if line.page != noted_page:
            _note_page(starts, line.page, length)
            noted_page = line.page
        pieces.append(content)
        length += len(content)
        previous, previous_index, blanks = line, index, 0
    return Assembly("".join(pieces), changes, _fill_starts(starts, length))


def _content(line: Line) -> str:
    """The line's text with its whitespace made plain ("" for blank or removed lines)."""
    if line.removed is not None:
        return ""
    content = line.text.strip()
    if "  " in content or "\t" in content:
        content = " ".join(content.split())
    return content


def _meeting(
    previous: str,
    content: str,
    line: Line,
    blanks: int,
    width: int,
    indent_marks_blocks: bool,
    lexicon: Lexicon,
) -> HyphenJoin | str:
    """How `previous` meets the next line: a hyphen join, " " or a paragraph break."""
    if previous[-1] == "-" and blanks <= MAX_BLANKS_IN_HYPHENATION and content[0].isalnum():
        head = hyphenated_head(previous)
        if head is not None:
            decision = hyphenation.decide(head, content, lexicon)
            if decision is not None:
                return decision
    ends_sentence = previous[-1] in SENTENCE_END
    short = len(previous) < SHORT_LINE * width
    first = content[0]
    if first in BULLETS or (
        (first.isdigit() or content[1:2] in (".", ")", " "))
        and _NUMBERED.match(content)
        and (ends_sentence or short or blanks > 0)
    ):
        return PARAGRAPH_BREAK
    if line.indented and indent_marks_blocks:
        return PARAGRAPH_BREAK
    # "... og" + "-processer": a word that shares its first part with the one before.
    continues = first.islower() or first.isdigit() or (first in "-–" and content[1:2].isalpha())
    if blanks > 0:
        return " " if continues and not ends_sentence else PARAGRAPH_BREAK
    if continues or previous[-1] in RUNS_ON or _ends_in_function_word(previous):
        return " "
    if short:
        return PARAGRAPH_BREAK
    return " "


def _ends_in_function_word(line: str) -> bool:
    """ "... samarbejder med" + "Glostrup Kommune": no heading ends in "med"."""
    cut = line.rfind(" ")
    return cut >= 0 and line[cut + 1 :] in DANISH_STOP_WORDS


class _BlockWidths:
    """The width to judge a line by: its block's (a run of lines without a blank
    between) if the block is tall enough to show one, else the page's. A block's
    width is measured only when one of its lines needs it."""

    def __init__(self, contents: list[str], page_width: int) -> None:
        self._contents = contents
        self._page_width = page_width
        # Where each line's block starts and ends, found in one pass.
        self._first: list[int] = []
        first = 0
        for index, content in enumerate(contents):
            if not content:
                first = index + 1
            self._first.append(first)
        self._last: list[int] = [0] * len(contents)
        last = len(contents) - 1
        for index in range(len(contents) - 1, -1, -1):
            if not contents[index]:
                last = index - 1
            self._last[index] = last
        self._by_block: dict[int, int] = {}

    def at(self, index: int) -> int:
        first = self._first[index]
        width = self._by_block.get(first)
        if width is None:
            last = self._last[index]
            width = self._page_width
            if last - first + 1 >= MIN_BLOCK_FOR_WIDTH:
                block = self._contents[first : last + 1]
                width = min(width, max(len(content) for content in block))
            self._by_block[first] = width
        return width


def _hyphen_change(
    previous: Line, line: Line, head: str, content: str, meeting: HyphenJoin, original: str
) -> RepairChange:
    """The log of a hyphenation join: `before` is the original text from the start of
    the word's first part to the end of its second ("sund-\nhed"), `after` the word
    as the repaired text has it."""
    tail = _WORD_START.match(content)
    tail_text = tail.group() if tail else ""
    after = head + ("-" if meeting.keep_hyphen else "") + meeting.separator + tail_text
    hyphen_at = previous.start + len(original[previous.start : previous.end].rstrip()) - 1
    start = hyphen_at
    while start > previous.start and original[start - 1].isalnum():
        start -= 1
    line_text = original[line.start : line.end]
    first = _WORD_START.search(line_text)
    end = line.start + first.end() if first else line.start
    return RepairChange("hyphenation", original[start:end], after, start)


def _note_page(starts: list[int | None], page: int, offset: int) -> None:
    if page < len(starts) and starts[page] is None:
        starts[page] = offset


def _fill_starts(starts: list[int | None], length: int) -> list[int]:
    """Pages that gave no text start where the next page's text starts."""
    filled: list[int] = [length] * len(starts)
    following = length
    for page in range(len(starts) - 1, -1, -1):
        start = starts[page]
        following = start if start is not None else following
        filled[page] = following
    return filled
