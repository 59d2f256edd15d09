"""What kind of document a text is, and what state it is in (draft, hearing).

In order: the sure marks of a slide deck (a slide counter "1 of 15" opening the
text, "Tak for ordet"); the marks of an overview page ("Politikker og strategier",
a page offering many documents for download); the first word in the title that
names a kind ("Udkast til Beskæftigelsesplan 2017" → plan, "NOTATARK. En vision
for …" → notat); a speaker in the title or opening ("v. Luise Pape Rydahl,
teknisk chef", "Lisbeth Binderup, Kommunaldirektør"); the first kind word of the
opening ("Strategi 2018 Fællesskab, sammenhæng og forenkling"). A document that
names no kind is "andet".

"Vision og strategi for …" is a strategy: a vision coordinated with another kind
is part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from politikbase.analyse.opening import opening_start
from politikbase.danish.document_kinds import ANDET, KindWord, kind_words
from politikbase.danish.policy_words import lower_in_place

PRESENTATION = "præsentation"
OVERVIEW = "oversigt"
# "Politikker og strategier", "Oversigt over kommunens politikker": a page of many.
_PLURAL_KINDS = r"(?:politikker|strategier|planer|handleplaner|visioner|retningslinjer|regler)"
_OVERVIEW_TITLE = re.compile(
    rf"^\s*(?:[\w-]+\s+kommunes\s+|kommunens\s+|vores\s+)?{_PLURAL_KINDS}"
    rf"(?:(?:\s*,\s*|\s+og\s+){_PLURAL_KINDS})*\s*$|(?<![\w])oversigt\s+over(?![\w])"
)
# A page offering many documents for download is a listing of them.
_DOWNLOAD_LINE = re.compile(r"^[ \t]*(?:hent|download)\b")
# The same after a line break (a plain first character makes the search fast).
_DOWNLOAD_LINE_AFTER_BREAK = re.compile(r"\n[ \t]*(?:hent|download)\b")
MIN_OVERVIEW_LINKS = 5
HEARING, DRAFT = "høring", "udkast"

# "v. Luise Pape Rydahl", "V. PIA FÆRCH", "Ved Ann Kathrine Fihl"
_SPEAKER_LEAD = re.compile(r"(?:^|\n)\s*(?i:v\.|v/|ved)\s+[A-ZÆØÅ][\w-]+\s+[A-ZÆØÅ]")
_ROLE = (
    r"(?:[\w-]*(?:direktør|chef|konsulent|professor|lektor|adjunkt|formand|forkvinde|medlem|"
    r"facilitator|terapeut|forsker|rådgiver|borgmester|rådmand)|ph\.d\.)"
)
# "Lisbeth Binderup, Kommunaldirektør", "Hans Stavnsager Seniorkonsulent"
_SPEAKER = re.compile(
    rf"(?<![\w])[A-ZÆØÅ][a-zæøå]+(?:\s+[A-ZÆØÅ][a-zæøå]+){{1,3}},?\s+(?i:{_ROLE})(?![\w])"
)
_SLIDE_COUNTER = re.compile(r"\s*\d+\s+of\s+\d+(?![\w])")  # used with match(): anchored
_THANKS = re.compile(r"tak\s+for\s+ordet")
_HEARING = re.compile(
    r"(?<![\w])(?:høringsversion|høringsudkast|høringsforslag|i\s+høring|til\s+høring)(?![\w])"
)
_DRAFT = re.compile(r"(?<![\w])(?:udkast|forslag\s+til|kladde)(?![\w])")
# "B e s k æ f t i g e l s e s p o l i t i k": letters set apart by spaces.
_SPACED_LETTERS = re.compile(r"^(?:\S\s){4,}\S$")
_SPACE = re.compile(r"\s+")
_COORDINATED_WITH_VISION = re.compile(r"\s*(?:og|&|samt)\s*$")
MAX_COORDINATION_GAP = 8


@dataclass(frozen=True, slots=True)
class Kind:
    doc_type: str
    kind: str
    start: int | None  # the word that names the kind, where it stands in the text
    end: int | None
    confidence: float


def _first_kind(words: list[KindWord], source: str) -> KindWord | None:
    if not words:
        return None
    first = words[0]
    if first.kind == "vision" and len(words) > 1:
        gap = source[first.end : words[1].start]
        if len(gap) <= MAX_COORDINATION_GAP and _COORDINATED_WITH_VISION.match(gap):
            return words[1]
    return first


def _despaced(title: str) -> str:
    return _SPACE.sub("", title) if _SPACED_LETTERS.match(title.strip()) else title


def _names_speaker(title: str, text: str, opening: int) -> bool:
    head = text[: max(opening, len(title) + 1)]
    return any(_SPEAKER_LEAD.search(part) or _SPEAKER.search(part) for part in (title, head))


def _download_lines(lowered: str) -> int:
    """How many lines start with "hent" or "download"."""
    first = _DOWNLOAD_LINE.match(lowered) is not None
    return first + len(_DOWNLOAD_LINE_AFTER_BREAK.findall(lowered))


def find_kind(
    text: str,
    lowered: str,
    title: str,
    title_span: tuple[int, int] | None,
    opening: int,
) -> Kind:
    """The kind of the document titled `title` whose text is `text`."""
    start = opening_start(text, title_span)
    counter = _SLIDE_COUNTER.match(text) or _SLIDE_COUNTER.match(text, start)
    if counter is not None or _THANKS.search(lowered) is not None:
        return Kind(ANDET, PRESENTATION, None, None, 0.8)
    if _OVERVIEW_TITLE.search(lower_in_place(title)) or (
        _download_lines(lowered) >= MIN_OVERVIEW_LINKS
    ):
        return Kind(OVERVIEW, OVERVIEW, None, None, 0.8)
    if title_span is not None:
        word = _first_kind(kind_words(text, lowered, *title_span), text)
        if word is not None:
            return Kind(word.doc_type, word.kind, word.start, word.end, 0.9)
    readable = _despaced(title)
    if title_span is None or readable != title:
        word = _first_kind(kind_words(readable, lower_in_place(readable)), readable)
        if word is not None:
            return Kind(word.doc_type, word.kind, None, None, 0.85)
    if _names_speaker(title, text, opening):
        return Kind(ANDET, PRESENTATION, None, None, 0.7)
    word = _first_kind(kind_words(text, lowered, start, max(opening, start)), text)
    if word is not None:
        return Kind(word.doc_type, word.kind, word.start, word.end, 0.75)
    return Kind(ANDET, ANDET, None, None, 0.5)


def find_status(title: str, lowered: str, opening: int, adopted: bool) -> str | None:
    """"høring" or "udkast" where the title or opening says so, else "vedtaget" if adopted."""
    head = lower_in_place(title) + "\n" + lowered[:opening]
    if _HEARING.search(head):
        return HEARING
    if _DRAFT.search(head):
        return DRAFT
    return "vedtaget" if adopted else None
