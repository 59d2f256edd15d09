"""The text as the section finder reads it, and the runs of words that make run-in headings.

Two shapes of text reach the section finder:

* one paragraph or heading a line (repaired PDF text, Word files, web pages);
* "flat" pages: a document site's transcript, where every page is one long line
  opening with its page number ("2 Byens ressourcer fremtidens løsninger
  Velfærdssamfundet er …"), headings run into the text around them.

The view is the text with the page furniture of flat pages (page numbers, "Side 3
af 13") blanked out, same length, so every offset found in it is an offset of the
text.

A run is a stretch of words that can stand as a heading. Danish writes nouns in
lower case, so a capitalised word after a lower-case word (or a number) with no
punctuation between starts something new: in "… bedre resultater Læring og
uddannelse Dagtilbud og folkeskole er …" the runs "Læring og uddannelse" and
"Dagtilbud og …" are told apart without any punctuation. After a capitalised
word, a capital continues a name ("Asker Kommune") unless it is a function word
("Økonomi En god …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from politikbase.danish.stopwords import DANISH_STOP_WORDS
from politikbase.segment.lines import Line

_PAGE_OPENING = re.compile(r"(\d{1,4})\s+")
_PAGE_MARKER = re.compile(r"\bSide\s+\d{1,4}\s+af\s+\d{1,4}\b", re.IGNORECASE)
_TRAILING_NUMBER = re.compile(r"\s(\d{1,4})$")
_WORD = re.compile(r"\S+")
_MARKER_WORD = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}[.)]$")
_OPENING_QUOTES = "\"“„«'‘"
_CLOSING = "\"”»'’)]"
_TERMINAL = frozenset(".!?:;")
# Abbreviations end with a full stop without ending the sentence.
_ABBREVIATIONS = frozenset(
    {
        "bl.a.", "fx.", "f.eks.", "mv.", "m.v.", "ca.", "evt.", "jf.", "nr.", "pct.", "kr.",
        "mio.", "mia.", "inkl.", "ekskl.", "osv.", "m.fl.", "m.m.", "dvs.", "vedr.", "ang.",
        "hhv.", "o.l.", "st.", "tlf.", "ift.", "iht.", "pga.", "p.t.", "ex.", "resp.", "mht.",
    }
)  # fmt: skip

# Flat pages are long; a numbered list's lines are not.
MIN_FLAT_PAGE_CHARS = 200
MIN_FLAT_PAGES = 2
MIN_FLAT_SHARE = 0.4  # of the text's characters held by flat pages
QUESTION_WORDS = 12


@dataclass(frozen=True, slots=True)
class TextView:
    """The text, its furniture-free view, and (for flat text) where each page's words are."""

    text: str
    view: str
    flat: bool
    pages: list[tuple[int, int]]  # start and end of each flat page's content


@dataclass(frozen=True, slots=True)
class Run:
    """Words from `start` to `end` (trailing punctuation included) that may stand as a title.

    `stop` says why the run ended: "soft" (the next word starts something new),
    "punct" (the run's last word ends with . ! ? : or ;), "break" (a line ends),
    "limit" (too many words) or "end" (the text ends).
    """

    start: int
    end: int
    words: int
    stop: str
    last: str  # the last character of the run

    @property
    def ends_sentence(self) -> bool:
        return self.stop == "punct" and self.last in ".;!"


def _flat_pages(lines: list[Line]) -> list[Line]:
    """The lines that open pages 1, 2, 3, … in order, when they hold most of the text."""
    pages: list[Line] = []
    expected = 1
    for line in lines:
        match = _PAGE_OPENING.match(line.text)
        if match and int(match.group(1)) == expected:
            pages.append(line)
            expected += 1
    long_pages = sum(1 for line in pages if len(line.text) >= MIN_FLAT_PAGE_CHARS)
    if long_pages < MIN_FLAT_PAGES:
        return []
    total = sum(len(line.text) for line in lines)
    if sum(len(line.text) for line in pages) < MIN_FLAT_SHARE * total:
        return []
    return pages


def text_view(text: str, lines: list[Line]) -> TextView:
    """The view of `text`: flat pages lose their page numbers and "Side N af M" markers."""
    pages = _flat_pages(lines)
    if not pages:
        return TextView(text, text, False, [])
    blanks: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for number, line in enumerate(pages, start=1):
        opening = _PAGE_OPENING.match(line.text)
        assert opening is not None
        blanks.append((line.start, line.start + opening.end()))
        for marker in _PAGE_MARKER.finditer(line.text):
            blanks.append((line.start + marker.start(), line.start + marker.end()))
        trailing = _TRAILING_NUMBER.search(line.text)
        if trailing and int(trailing.group(1)) == number and trailing.start() > opening.end():
            blanks.append((line.start + trailing.start(1), line.end))
        spans.append((line.start + opening.end(), line.end))
    pieces: list[str] = []
    position = 0
    for start, end in sorted(blanks):
        start = max(start, position)
        pieces.append(text[position:start])
        pieces.append(" " * max(0, end - start))
        position = max(position, end)
    pieces.append(text[position:])
    view = "".join(pieces)
    assert len(view) == len(text)
    return TextView(text, view, True, spans)


def first_letter(word: str) -> str:
    """The first letter of a word, or "" when it has none ("3.0", "-")."""
    for char in word:
        if char.isalpha():
            return char
    return ""


def is_capitalised(word: str) -> bool:
    """True for a word whose first character is an upper-case letter (after a quote)."""
    stripped = word.lstrip(_OPENING_QUOTES + "(")
    return bool(stripped) and stripped[0].isupper()


def is_marker(word: str) -> bool:
    """True for a list or section number standing alone: "1.", "2.2.", "3)"."""
    return _MARKER_WORD.match(word) is not None


def is_terminal(word: str) -> bool:
    """True when a word ends its sentence or clause with . ! ? : or ; (not "bl.a.", "21.")."""
    stripped = word.rstrip(_CLOSING)
    if not stripped or stripped[-1] not in _TERMINAL:
        return False
    if stripped[-1] != ".":
        return True
    lowered = stripped.lower()
    if lowered in _ABBREVIATIONS:
        return False
    digits = stripped[:-1]
    # "21." is an ordinal ("21. januar"); "2013." ends a sentence.
    return not (digits.isdigit() and len(digits) <= 2)


def starts_run(previous: str, word: str) -> bool:
    """True when `word` opens a new run after `previous` (no punctuation between them)."""
    if word[0] in _OPENING_QUOTES or is_marker(word):
        return True
    if not is_capitalised(word) or previous.endswith(","):
        return False
    letter = first_letter(previous)
    if letter == "" or letter.islower():
        return True
    # After a capitalised word a capital usually continues a name ("Asker Kommune"),
    # but a function word is never part of one: "Økonomi En god og stabil økonomi …".
    return word.strip(_OPENING_QUOTES + _CLOSING + ".,:;!?").lower() in DANISH_STOP_WORDS


def _question_end(view: str, start: int, limit: int) -> int | None:
    """The end of a question within `QUESTION_WORDS` words from `start` on the same line."""
    for count, match in enumerate(_WORD.finditer(view, start, limit)):
        if count >= QUESTION_WORDS:
            return None
        word = match.group()
        if word.rstrip(_CLOSING).endswith("?"):
            return match.end()
        if is_terminal(word):
            return None
    return None


def scan_run(
    view: str, start: int, max_words: int, *, question: bool = False, limit: int | None = None
) -> Run:
    """The run of words from `start` (the start of a word) up to `limit` (a line's end).

    With `question`, a question within a few words is taken whole ("Hvordan hænger
    Kommunen 3.0 sammen med vores faglighed?"), capitals and all.
    """
    limit = len(view) if limit is None else limit
    if question:
        end = _question_end(view, start, limit)
        if end is not None:
            words = len(view[start:end].split())
            return Run(start, end, words, "punct", "?")
    previous = ""
    previous_end = start
    count = 0
    for match in _WORD.finditer(view, start, limit):
        word = match.group()
        if count:
            if "\n" in view[previous_end : match.start()]:
                return Run(start, previous_end, count, "break", view[previous_end - 1])
            if starts_run(previous, word):
                return Run(start, previous_end, count, "soft", view[previous_end - 1])
            if count >= max_words:
                return Run(start, previous_end, count, "limit", view[previous_end - 1])
        count += 1
        previous, previous_end = word, match.end()
        if is_terminal(word):
            return Run(start, previous_end, count, "punct", word.rstrip(_CLOSING)[-1])
    stop = "end" if limit >= len(view) else "break"
    last = view[previous_end - 1] if count else ""
    return Run(start, previous_end, count, stop, last)


def next_word(view: str, position: int, limit: int | None = None) -> re.Match[str] | None:
    """The first word at or after `position`."""
    return _WORD.search(view, position, len(view) if limit is None else limit)


def previous_word(view: str, position: int) -> str:
    """The word ending before `position` (skipping blanks), or "" at the text's start."""
    end = position
    while end > 0 and view[end - 1].isspace():
        end -= 1
    begin = end
    while begin > 0 and not view[begin - 1].isspace():
        begin -= 1
    return view[begin:end]


def at_run_start(view: str, position: int) -> bool:
    """True when the word at `position` can open a heading: after a line break, the end
    of a sentence or clause, or a lower-case word or number with no punctuation."""
    before = position
    while before > 0 and view[before - 1] in " \t":
        before -= 1
    if before == 0 or view[before - 1] == "\n":
        return True
    previous = previous_word(view, position)
    if is_terminal(previous):
        return True
    word = next_word(view, position)
    return word is not None and starts_run(previous, word.group())


def clean_title(title: str) -> str:
    """A title with its spacing collapsed and a trailing full stop, comma or colon removed."""
    title = " ".join(title.split())
    return title.rstrip(".,;:").rstrip()


_SENTENCE_END = re.compile(r"[.!?][\"”»)]?\s|\n")
LEAD_IN_CHARS = 300


def text_before(view: str, position: int, max_chars: int = LEAD_IN_CHARS) -> str:
    """The sentence (or line) that ends at `position`: the lead-in of a list there."""
    window_start = max(0, position - max_chars)
    window = view[window_start:position].rstrip()
    cut = 0
    for match in _SENTENCE_END.finditer(window):
        if match.end() < len(window):
            cut = match.end()
    return " ".join(window[cut:].split())
