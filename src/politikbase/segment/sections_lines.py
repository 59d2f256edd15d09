"""Headings and lists of text written one paragraph or heading a line.

* A heading is a short line without closing punctuation, not continued by the
  next line (a lower-case start continues it), not leading into a list whose
  items finish its sentence ("Derfor" / "• vil vi sikre …"), and not a link
  line ("Hent handicappolitikken her").
* A numbered line is a list item when numbered lines follow each other, and a
  numbered heading when body text follows it and the numbers make an outline.
* Bullets that follow each other form a list, led in by the line before them.
  Short lines after a line ending in a colon form a list too ("Politikken har
  fire temaer:" / "Trivsel og sundhed" / "Læring" / …), up to the announced count
  or to a line that repeats the first item (where the sections on them begin).
* A labelled line ("Mål 1: …", "Tema 2") is a heading of its label's kind.
* A table of contents (lines ending in increasing page numbers) holds no headings,
  and of three or more heading-like lines in a row (table cells, an address) only
  the first is a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from politikbase.danish.page_phrases import is_link_line
from politikbase.segment.lines import Line
from politikbase.segment.sections_anchors import similarity
from politikbase.segment.sections_counts import find_announcements
from politikbase.segment.sections_labels import line_label
from politikbase.segment.sections_marks import (
    BULLETS,
    HEADING,
    ITEM,
    ITEM_KIND,
    LINES,
    NUMBERED_LINES,
    PLAIN_KIND,
    ItemList,
    Mark,
)
from politikbase.segment.sections_numbering import keep_outline
from politikbase.segment.sections_view import clean_title, is_capitalised

_BULLET_CHARS = "-•*–·▪◦●■►✓➢→□◆"
_BULLET = re.compile(r"^[" + _BULLET_CHARS + r"]\s*(?=\S)")
_NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})(?P<separator>\.|\))?\s+(?=\S)")
_LETTERED = re.compile(r"^(?P<number>[a-zæøå])\)\s+(?=\S)")
# A heading does not end in a word that needs more after it.
_OPEN_ENDINGS = frozenset(
    {"at", "og", "eller", "men", "samt", "som", "en", "et", "hvis", "når", "fordi", "der", "i"}
)
_NO_HEADING_END = frozenset(".,;!")
_OPENING_QUOTES = "\"“„«'‘("

MAX_HEADING_WORDS = 14
MAX_NUMBERED_HEADING_WORDS = 22
MAX_HEADING_CHARS = 120
MAX_NUMBERED_HEADING_CHARS = 180
MAX_COLON_HEADING_WORDS = 3
MAX_HEADING_COMMAS = 2
MAX_LABEL_TITLE_WORDS = 20
MIN_CONTENTS_LINES = 3
MAX_STACKED_HEADINGS = 2  # a title and its subtitle; more in a row are not headings
REPEATED_ITEM_SIMILARITY = 0.8
_CONTENTS_LINE = re.compile(r"^\S.{1,100}?(?:\s*[.…·_]{2,}\s*|\s+)(?P<page>\d{1,3})$")


@dataclass(frozen=True, slots=True)
class LineMarks:
    """What the lines hold: headings, and lists of items."""

    headings: list[Mark]
    lists: list[ItemList]


def _bullet(line: Line) -> re.Match[str] | None:
    # Checked first by its first character: most lines are not bullets.
    return _BULLET.match(line.text) if line.text[0] in _BULLET_CHARS else None


def _continues(line: Line | None) -> bool:
    """True when `line` continues the sentence of the line before it (lower-case start)."""
    if line is None:
        return False
    first = line.text[0]
    if first.isalpha():
        return first.islower()
    bullet = _bullet(line)
    text = line.text[bullet.end() :] if bullet else line.text
    first = text.lstrip(_OPENING_QUOTES)[:1]
    return first.isalpha() and first.islower()


def is_heading_line(text: str, following: Line | None, numbered: bool = False) -> bool:
    """True when a line reads as a heading, given the line after it."""
    if len(text) > (MAX_NUMBERED_HEADING_CHARS if numbered else MAX_HEADING_CHARS):
        return False
    last = text[-1]
    if last in _NO_HEADING_END:
        return False
    words = text.split()
    if len(words) > (MAX_NUMBERED_HEADING_WORDS if numbered else MAX_HEADING_WORDS):
        return False
    if last == ":" and len(words) > MAX_COLON_HEADING_WORDS:
        return False
    if not numbered and not (is_capitalised(text) or text[0].isdigit()):
        return False
    if words[-1].lower().strip(":") in _OPEN_ENDINGS or text.count(",") > MAX_HEADING_COMMAS:
        return False
    if not any(char.isalpha() for char in text) or is_link_line(text):
        return False
    return not _continues(following)


def contents_end(lines: list[Line], index: int) -> int:
    """The index after a table of contents starting at line `index` (`index` if none)."""
    pages: list[int] = []
    position = index
    while position < len(lines):
        match = _CONTENTS_LINE.match(lines[position].text)
        if match is None or (pages and int(match.group("page")) < pages[-1]):
            break
        pages.append(int(match.group("page")))
        position += 1
    return position if len(pages) >= MIN_CONTENTS_LINES else index


def contents_spans(lines: list[Line]) -> list[tuple[int, int]]:
    """Where the tables of contents stand (start and end offsets)."""
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        # Cheap test first: a contents line ends with a digit.
        end = contents_end(lines, index) if lines[index].text[-1].isdigit() else index
        if end > index:
            spans.append((lines[index].start, lines[end - 1].end))
            index = end
        else:
            index += 1
    return spans


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _follows(previous: tuple[str, str], current: tuple[str, str]) -> bool:
    """True when numbered line `current` continues a list after `previous` (same style)."""
    (previous_number, previous_style), (number, style) = previous, current
    if style != previous_style:
        return False
    before, after = _number_key(previous_number), _number_key(number)
    return len(before) == len(after) and after[:-1] == before[:-1] and after[-1] == before[-1] + 1


class _Reader:
    """Walks the lines once, collecting headings, numbered headings and lists."""

    def __init__(self, text: str, lines: list[Line], skip: set[int], first_id: int) -> None:
        self.text = text
        self.lines = lines
        self.skip = skip  # lines that hold an inline list
        self.next_id = first_id
        self.headings: list[Mark] = []
        self.plain_lines: list[int] = []  # the line index of each plain heading
        self.numbered: dict[str, list[Mark]] = {}
        self.lists: list[ItemList] = []

    def _new_list(self, source: str, items: list[Mark], lead_in: str) -> None:
        item_list = ItemList(self.next_id, source, items, lead_in)
        self.next_id += 1
        for item in items:
            item.list_id = item_list.id
        self.lists.append(item_list)

    def _lead_in(self, index: int) -> str:
        return self.lines[index - 1].text if index > 0 else ""

    def _contents(self, index: int) -> int:
        """The index after a table of contents starting at `index` (`index` if none)."""
        return contents_end(self.lines, index)

    def _line_list(self, index: int) -> int:
        """The index after a list of short lines led in by line `index - 1` (a colon)."""
        lead_in = self.lines[index - 1]
        counts = [a.count for a in find_announcements(lead_in.text) if a.count is not None]
        limit = counts[-1] if counts else len(self.lines)
        items: list[Mark] = []
        position = index
        while position < len(self.lines) and len(items) < limit:
            line = self.lines[position]
            if (
                _bullet(line)
                or _numbered_style(line)
                or line_label(line.text, line.start)
                or not is_heading_line(line.text, None)
            ):
                break
            title = clean_title(line.text)
            if items and similarity(items[0].title, title) >= REPEATED_ITEM_SIMILARITY:
                break  # the sections on the items begin
            items.append(
                Mark(ITEM, ITEM_KIND, title, line.start, line.start, line.end, end=line.end)
            )
            position += 1
        if len(items) < 2 or (counts and len(items) != limit):
            return index
        self._new_list(LINES, items, lead_in.text)
        return position

    def _bullets(self, index: int) -> int:
        """Read the bullet list starting at line `index`; the index after it."""
        items: list[Mark] = []
        position = index
        while position < len(self.lines):
            line = self.lines[position]
            bullet = _bullet(line)
            if bullet is None:
                break
            end = line.end
            # A wrapped bullet goes on in lower case on the next line.
            while position + 1 < len(self.lines) and _continues(self.lines[position + 1]):
                if _bullet(self.lines[position + 1]):
                    break
                position += 1
                end = self.lines[position].end
            title_start = line.start + bullet.end()
            title = clean_title(self.text[title_start:end])
            items.append(Mark(ITEM, ITEM_KIND, title, line.start, title_start, end, end=end))
            position += 1
        self._new_list(BULLETS, items, self._lead_in(index))
        return position

    def _numbered_run(self, index: int, style: tuple[str, str]) -> int:
        """Index after the run of numbered lines that continue each other from `index`."""
        position, last = index, style
        while position + 1 < len(self.lines):
            following = _numbered_style(self.lines[position + 1])
            if following is None or not _follows(last, following[0]):
                break
            position += 1
            last = following[0]
        return position + 1

    def _numbered(self, index: int, style: tuple[str, str], opening: int) -> int:
        end = self._numbered_run(index, style)
        if end - index >= 2:
            items = []
            for line in self.lines[index:end]:
                match = _numbered_style(line)
                assert match is not None
                (number, _), title_offset = match
                items.append(
                    Mark(
                        ITEM,
                        ITEM_KIND,
                        clean_title(line.text[title_offset:]),
                        line.start,
                        line.start + title_offset,
                        line.end,
                        end=line.end,
                        number=number,
                    )
                )
            self._new_list(NUMBERED_LINES, items, self._lead_in(index))
            return end
        line = self.lines[index]
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        title = line.text[opening:]
        if is_heading_line(title, following, numbered=True) and is_capitalised(title):
            number, separator = style
            self.numbered.setdefault(separator, []).append(
                Mark(
                    HEADING,
                    PLAIN_KIND,
                    clean_title(title),
                    line.start,
                    line.start + opening,
                    line.end,
                    number=number,
                    depth=number.count(".") + 1,
                )
            )
        return index + 1

    def _label(self, index: int) -> bool:
        line = self.lines[index]
        if not line.text[0].isupper():
            return False
        label = line_label(line.text, line.start)
        if label is None:
            return False
        rest = self.text[label.end : line.end].strip()
        if rest and (rest[0].islower() or len(rest.split()) > MAX_LABEL_TITLE_WORDS):
            return False  # "Mål 1 er at …": a sentence about a goal, not its heading
        if rest:
            title_start = line.end - len(rest)
            title = clean_title(rest)
        else:
            title_start, title = line.start, clean_title(line.text)
        self.headings.append(
            Mark(
                HEADING,
                label.kind,
                title,
                line.start,
                title_start,
                line.end,
                number=label.number,
                label=True,
            )
        )
        return True

    def _unstacked(self) -> list[Mark]:
        """Labelled and plain headings, without the lines after the first of a stack."""
        plain = [mark for mark in self.headings if not mark.label]
        kept = [mark for mark in self.headings if mark.label]
        run_start = 0
        for position in range(1, len(plain) + 1):
            if (
                position < len(plain)
                and self.plain_lines[position] == self.plain_lines[position - 1] + 1
            ):
                continue
            run = plain[run_start:position]
            kept.extend(run if len(run) <= MAX_STACKED_HEADINGS else run[:1])
            run_start = position
        return kept

    def _plain(self, index: int) -> None:
        line = self.lines[index]
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if is_heading_line(line.text, following):
            title = clean_title(line.text)
            self.headings.append(Mark(HEADING, PLAIN_KIND, title, line.start, line.start, line.end))
            self.plain_lines.append(index)

    def _step(self, index: int) -> int:
        """Read what starts at line `index`; the index of the next line to read."""
        line = self.lines[index]
        # A long line opening with a letter is a paragraph: nothing to read in it.
        if index in self.skip or (
            len(line.text) > MAX_NUMBERED_HEADING_CHARS and line.text[0].isalpha()
        ):
            return index + 1
        after = self._contents(index)
        if after == index and index and self.lines[index - 1].text.endswith(":"):
            after = self._line_list(index)
        if after > index:
            return after
        if _bullet(line):
            return self._bullets(index)
        numbered = _numbered_style(line)
        if numbered is not None:
            return self._numbered(index, numbered[0], numbered[1])
        if not self._label(index):
            self._plain(index)
        return index + 1

    def read(self) -> LineMarks:
        index = 0
        while index < len(self.lines):
            index = self._step(index)
        numbered = max(
            (keep_outline(marks) for marks in self.numbered.values()), key=len, default=[]
        )
        headings = sorted(self._unstacked() + numbered, key=lambda mark: mark.start)
        return LineMarks(headings, self.lists)


def _numbered_style(line: Line) -> tuple[tuple[str, str], int] | None:
    """((number, separator), where the title starts) for a numbered line, else None."""
    if not line.text[0].isdigit():
        return None
    match = _NUMBERED.match(line.text)
    if match is None:
        return None
    separator = match.group("separator") or ""
    number = match.group("number")
    if "." in number:
        separator = "."  # "1.1 Baggrund" and "1.1. Baggrund" number one outline with "1."
    elif not separator:
        separator = "bare"  # "1 Indledning" (or a footnote: "1 Se WHO's charter …")
    return (number, separator), match.end()


def read_lines(text: str, lines: list[Line], skip: set[int], first_id: int) -> LineMarks:
    """Headings and lists of a text written a paragraph a line.

    `skip` holds the indexes of lines read already (they hold an inline list).
    """
    return _Reader(text, lines, skip, first_id).read()
