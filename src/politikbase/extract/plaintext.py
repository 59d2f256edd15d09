"""Plain text and Markdown files.

Encoding: a byte-order mark decides (UTF-8 or UTF-16); otherwise UTF-8 when the
bytes are valid UTF-8, else Windows-1252 (cp1252), the encoding of older Danish
Windows files, with a warning so a person can check "æøå". A form feed (what
`pdftotext` writes between pages) starts a new page.

The text of a plain file may well be a copy of a PDF's text layer with all its
damage, so it is marked for repair; repair leaves correct text alone.

Only Markdown states a title (its first "# " heading); a plain text file does
not, and the analysis stage finds its title in the text.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from politikbase.extract.textnorm import clean_text, collapse_spaces
from politikbase.models import ExtractedDocument, ExtractionError

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_NON_SPACE = re.compile(r"\S")


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """The bytes as text, and the warnings the decoding gives rise to."""
    if data.startswith(_UTF8_BOM):
        return data[len(_UTF8_BOM) :].decode("utf-8", errors="replace"), []
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        warning = f"not valid UTF-8 (byte {error.start}); decoded as Windows-1252 (cp1252)"
        return data.decode("cp1252", errors="replace"), [warning]


def extract_text(data: bytes, name: str) -> list[ExtractedDocument]:
    text, warnings = decode_text(data)
    text = clean_text_keep_pages(text)
    if not _NON_SPACE.search(text):
        raise ExtractionError("no text in file (only whitespace)")
    # Splitting copies the text; a file without page breaks is kept as it is.
    pages = text.split("\f") if "\f" in text else [text]
    title: str | None = None
    headings: list[str] = []
    if PurePath(name).suffix.lower() in MARKDOWN_SUFFIXES:
        pages, headings, title = _markdown_structure(pages)
    return [
        ExtractedDocument(
            source_name=name,
            format="text",
            pages=pages,
            title=title,
            headings=headings,
            needs_repair=True,
            warnings=warnings,
        )
    ]


def clean_text_keep_pages(text: str) -> str:
    """`clean_text` that keeps form feeds, the page breaks of exported text."""
    if "\f" not in text:
        return clean_text(text)
    return "\f".join(clean_text(page) for page in text.split("\f"))


def _markdown_structure(pages: list[str]) -> tuple[list[str], list[str], str | None]:
    """Headings without their "#" marks, the headings, and the first top heading."""
    headings: list[str] = []
    title: str | None = None
    top_level = 7

    def unmark(match: re.Match[str]) -> str:
        nonlocal title, top_level
        heading = collapse_spaces(match.group(2))
        headings.append(heading)
        level = len(match.group(1))
        if level < top_level:
            top_level, title = level, heading
        return heading

    plain_pages = [_ATX_HEADING.sub(unmark, page) for page in pages]
    return plain_pages, headings, title
