"""Split a document-hosting site's transcript page into its document and related entries.

Such a page has three parts: the site's header (the document's name, "Save this
PDF as", "Størrelse: px", "Download "…"", "Transkript"), the document's pages as
text (each opening with its page number, "1 …", "2 …"), and a list of related
documents, each a title line, a snippet that repeats the title, and a link line
("Læs mere") that recurs after every entry.

The related list is found by that structure (a short line recurring after
snippets that repeat the line before them), the pages by their numbering, and
the header by the site's fixed wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from politikbase.models import Segment
from politikbase.segment.lines import Line, split_lines
from politikbase.segment.names import guessed_title

# The hosting site's own interface text around a document.
_SITE_CHROME = re.compile(
    r"^(?:save\s+this\s+(?:pdf|document)\s+as:?"
    r"|(?:(?:word|png|txt|jpg|jpeg|pdf|docx?|epub)\s*){2,}"
    r"|størrelse:.*"
    r"|starte\s+visningen\s+fra\s+side:?.*"
    r"|download\s*[\"“„].*[\"”]"
    r"|transkript(?:ion)?|transcript)$",
    re.IGNORECASE,
)
_DOWNLOAD_TITLE = re.compile(r"^download\s*[\"“„](?P<title>.+)[\"”]$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?P<number>\d{1,4})\s+\S")
_LEADING_PAGE_NUMBER = re.compile(r"^\d{1,4}\s+")
_PAGE_MARKER = re.compile(r"\bSide\s+\d+\s+af\s+\d+\b", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
_FIRST_ALNUM = re.compile(r"[^\W_]")
_EDGE_PUNCTUATION = "\"'“”„«»()[]{}.,:;!?"

# A recurring link line is short and carries no numbers ("Læs mere", "Read more").
MAX_LINK_CHARS = 25
MAX_LINK_WORDS = 3
MIN_RELATED_ENTRIES = 2
# Pages flattened to one line each are long; a numbered list's items are not.
MIN_FLAT_PAGE_CHARS = 200
MIN_NUMBERED_PAGES = 3
MIN_FLAT_PAGES = 2
HEADER_SEARCH_LINES = 15
# Header lines of the site's interface that frame a document ("Transkript", "Størrelse: px").
MIN_HEADER_CHROME = 2
PAGE_HEADING_WORDS = 3
# A related entry of one line is its title when this short, else its snippet.
MAX_TITLE_ONLY_CHARS = 100


@dataclass(frozen=True, slots=True)
class RelatedEntry:
    """One entry of the related list: its title line (if any) and its snippet lines."""

    title: Line | None
    body: list[Line]


def repeated_title_rest(title: str, text: str) -> str | None:
    """`text` after a repetition of `title` at its start, or None if it does not repeat it.

    Letters and digits must repeat exactly; punctuation and spacing may differ,
    as extraction drops quotes and full stops from repeated titles.
    """
    if text[: len(title)].lower() == title.lower():
        position = len(title)  # the usual case: repeated as it stands
        if position < len(text) and text[position].isalnum() and title[-1:].isalnum():
            return None
        return text[position:].strip()
    first_title = _FIRST_ALNUM.search(title)
    first_text = _FIRST_ALNUM.search(text)
    if first_title is None or first_text is None:
        return None
    if first_title.group().lower() != first_text.group().lower():
        return None  # the usual case when nothing repeats: decided without a full scan
    target = [char.lower() for char in title if char.isalnum()]
    matched = position = 0
    while matched < len(target) and position < len(text):
        char = text[position]
        if char.isalnum():
            if char.lower() != target[matched]:
                return None
            matched += 1
        position += 1
    if matched < len(target) or (position < len(text) and text[position].isalnum()):
        return None
    trailing = title[len(title.rstrip(_EDGE_PUNCTUATION)) :]
    if trailing and text.startswith(trailing, position):
        position += len(trailing)
    return text[position:].strip()


def related_link_text(lines: list[Line], framed: bool = False) -> str | None:
    """The recurring link line that closes each related entry ("Læs mere"), if any.

    It recurs, and most entries it closes are a title and a snippet repeating
    that title; under a document site's header (`framed`) one such entry will do.
    """
    places: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        text = line.text
        if (
            len(text) <= MAX_LINK_CHARS
            and len(text.split()) <= MAX_LINK_WORDS
            and _DIGIT.search(text) is None
        ):
            places.setdefault(text, []).append(index)
    recurring = sorted(
        (indexes for indexes in places.values() if len(indexes) >= MIN_RELATED_ENTRIES),
        key=len,
        reverse=True,
    )
    for indexes in recurring[:3]:
        repeats = sum(
            1
            for index in indexes
            if index >= 2
            and repeated_title_rest(lines[index - 2].text, lines[index - 1].text) is not None
        )
        enough = repeats >= MIN_RELATED_ENTRIES and repeats * 2 >= len(indexes)
        if enough or (framed and repeats >= 1):
            return lines[indexes[0]].text
    return None


def _related_entries(lines: list[Line], link_text: str) -> tuple[int, list[RelatedEntry]]:
    """The index of the first line of the related list, and its entries."""
    closers = [index for index, line in enumerate(lines) if line.text == link_text]
    entries: list[RelatedEntry] = []
    first = closers[0]
    # The first entry follows the document's last page: its snippet, and its title
    # when the snippet repeats it or a line stands between it and the last numbered page.
    snippet_index = first - 1
    pages = _numbered_pages(lines, snippet_index)
    after_last_page = bool(pages) and snippet_index - 1 > pages[-1]
    if snippet_index >= 1 and (
        repeated_title_rest(lines[snippet_index - 1].text, lines[snippet_index].text) is not None
        or (after_last_page and len(lines[snippet_index - 1].text) <= MAX_TITLE_ONLY_CHARS)
    ):
        list_start = snippet_index - 1
        entries.append(RelatedEntry(lines[list_start], [lines[snippet_index]]))
    else:
        list_start = max(snippet_index, 0)
        if snippet_index >= 0:
            entries.append(RelatedEntry(None, [lines[snippet_index]]))
    for previous, closer in pairwise(closers):
        group = lines[previous + 1 : closer]
        if not group:
            continue
        if len(group) == 1:
            only = group[0]
            if len(only.text) <= MAX_TITLE_ONLY_CHARS:
                entries.append(RelatedEntry(only, []))
            else:
                entries.append(RelatedEntry(None, [only]))
        else:
            entries.append(RelatedEntry(group[0], group[1:]))
    return list_start, entries


def _numbered_pages(lines: list[Line], end: int) -> list[int]:
    """Indexes of the lines before `end` that open pages 1, 2, 3, … in order."""
    opened: list[int] = []
    expected = 1
    for index in range(end):
        match = _PAGE_NUMBER.match(lines[index].text)
        if match and int(match.group("number")) == expected:
            opened.append(index)
            expected += 1
    return opened


def _words(text: str) -> list[tuple[str, int]]:
    """Words folded for comparison, with where each starts."""
    return [
        (match.group().strip(_EDGE_PUNCTUATION).lower(), match.start())
        for match in _WORD.finditer(text)
    ]


def _main_title(
    lines: list[Line], header_end: int, first_page: Line | None
) -> tuple[str, int | None, int | None]:
    """The document's name: the header's fullest form of it, cut to where page 1 starts it.

    The header line may prefix the issuer ("Stab for Strategi … Forvaltningens
    strategiplan for 2013-14") while page 1 prints the name short ("Forvaltningens
    strategiplan for"); the name then runs from page 1's first words to the end.
    """
    candidate: tuple[str, int] | None = None
    for line in lines[:header_end]:
        match = _DOWNLOAD_TITLE.match(line.text)
        if match:
            candidate = (match.group("title").strip(), line.start + match.start("title"))
            break
    if candidate is None and header_end > 0 and not _SITE_CHROME.match(lines[0].text):
        candidate = (lines[0].text, lines[0].start)
    page_heading = ""
    if first_page is not None:
        page_text = _PAGE_MARKER.sub(" ", first_page.text)
        page_text = _LEADING_PAGE_NUMBER.sub("", page_text.strip())
        page_heading = page_text.strip()
    if candidate is None:
        if not page_heading:
            return "", None, None
        return guessed_title(page_heading), None, None
    title, title_start = candidate
    heading_words = [word for word, _ in _words(page_heading)[:PAGE_HEADING_WORDS]]
    title_words = _words(title)
    if heading_words:
        for index in range(1, len(title_words) - len(heading_words) + 1):
            window = [word for word, _ in title_words[index : index + len(heading_words)]]
            if window == heading_words:
                cut = title_words[index][1]
                title, title_start = title[cut:], title_start + cut
                break
    return title, title_start, title_start + len(title)


@dataclass(frozen=True, slots=True)
class TranscriptLayout:
    """Where a transcript page's parts are, as line indexes."""

    header_end: int  # the site's header is lines[:header_end]
    list_start: int  # the related list is lines[list_start:]
    pages: list[int]  # lines that open numbered pages
    related: list[RelatedEntry]

    @property
    def has_document(self) -> bool:
        """True when a document's pages stand between the header and the related list."""
        return self.header_end < self.list_start


def transcript_layout(lines: list[Line]) -> TranscriptLayout | None:
    """The layout of a transcript page, or None when the lines are not one.

    A related list alone does not make a transcript (a listing page may close its
    entries with "Læs mere" too): the site's header or numbered pages must come
    before it. Numbered pages flattened to long lines make one on their own.
    """
    header_lines = min(HEADER_SEARCH_LINES, len(lines))
    chrome = [i for i in range(header_lines) if _SITE_CHROME.match(lines[i].text)]
    # Under a document site's header one entry that repeats its title is enough.
    link_text = related_link_text(lines, framed=len(chrome) >= MIN_HEADER_CHROME)
    if link_text is not None:
        list_start, related = _related_entries(lines, link_text)
    else:
        list_start, related = len(lines), []
    chrome = [index for index in chrome if index < list_start]
    header_end = chrome[-1] + 1 if chrome else 0
    pages = [index for index in _numbered_pages(lines, list_start) if index >= header_end]
    if not chrome and pages:
        header_end = pages[0]
    long_pages = sum(1 for index in pages if len(lines[index].text) >= MIN_FLAT_PAGE_CHARS)
    flat_pages = len(pages) >= MIN_NUMBERED_PAGES and long_pages >= MIN_FLAT_PAGES
    framed = len(chrome) >= MIN_HEADER_CHROME or long_pages > 0
    if flat_pages or (related and framed):
        return TranscriptLayout(header_end, list_start, pages, related)
    return None


def segment_transcript(
    text: str, lines: list[Line] | None = None, layout: TranscriptLayout | None = None
) -> list[Segment]:
    """The main document (kind "main") and one segment per related entry ("related").

    `layout` is the page's layout when the caller has worked it out already.
    """
    lines = split_lines(text) if lines is None else lines
    layout = transcript_layout(lines) if layout is None else layout
    if layout is None:
        return []
    segments: list[Segment] = []
    if layout.has_document:
        first_page = lines[layout.pages[0]] if layout.pages else None
        title, title_start, title_end = _main_title(lines, layout.header_end, first_page)
        segments.append(
            Segment(
                title=title,
                start=lines[layout.header_end].start,
                end=lines[layout.list_start - 1].end,
                kind="main",
                title_start=title_start,
                title_end=title_end,
            )
        )
    for entry in layout.related:
        parts = ([entry.title] if entry.title else []) + entry.body
        if entry.title is not None:
            title, title_start, title_end = entry.title.text, entry.title.start, entry.title.end
        else:
            title, title_start, title_end = guessed_title(entry.body[0].text), None, None
        segments.append(
            Segment(
                title=title,
                start=parts[0].start,
                end=parts[-1].end,
                kind="related",
                title_start=title_start,
                title_end=title_end,
            )
        )
    return segments


def related_snippet(text: str, segment: Segment) -> str:
    """The snippet of a related entry: its text after the title, without the repeated title."""
    if segment.title_start is None or segment.title_end is None:
        return " ".join(text[segment.start : segment.end].split())
    body = " ".join(text[segment.title_end : segment.end].split())
    rest = repeated_title_rest(segment.title, body)
    return body if rest is None else rest
