"""Text clean-up shared by the extractors, and the test for a meaningful title.

Every extractor hands on text with "\\n" line ends, in Unicode NFC (so "å" is one
code point whether the source composed it or not) and without control characters
other than tab and newline. The functions here are linear in the text and skip
work that is not needed, because they run on every page of every file.
"""

from __future__ import annotations

import re
import unicodedata

# C0/C1 control characters except tab and newline; form feed is handled by callers
# that treat it as a page break before this runs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"\s+")

# Titles that document tools fill in by themselves and that name no document.
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:untitled|unavngivet|uden titel|ingen titel|dokument|document|doc|"
    r"præsentation|presentation|powerpoint[- ]?præsentation|powerpoint presentation|"
    r"slide|dias|titel|title|skabelon|template|udkast|draft|ny|new|test|"
    r"microsoft word|word|pdf|indesign)\s*\d*$",
    re.IGNORECASE,
)
_TOOL_PREFIX = re.compile(
    r"^(?:microsoft (?:word|powerpoint|excel)|word|powerpoint)\s*[-–:]\s*", re.IGNORECASE
)
_FILE_NAME = re.compile(
    r"\.(?:docx?|dotx?|pdf|indd|idml|pptx?|xlsx?|odt|rtf|txt|qxp|ai|eps|html?|pages)\s*$",
    re.IGNORECASE,
)
# A path or a word joined by underscores ("handicappolitik_endelig_v3") is a file
# name, not a title; people do not type underscores into titles.
_MACHINE_NAME = re.compile(r"\\|_|^\S*/\S*$|^\S+\d\S*$")
_LETTER = re.compile(r"[^\W\d_]")
MAX_TITLE_LENGTH = 300


def normalize_newlines(text: str) -> str:
    """CR LF and lone CR line ends become LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_text(text: str) -> str:
    """Newlines normalised, control characters dropped, NFC."""
    text = normalize_newlines(text)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def collapse_spaces(text: str) -> str:
    """All runs of whitespace become one space, ends stripped (for one-line values)."""
    return _SPACES.sub(" ", text).strip()


def meaningful_title(candidate: str | None) -> str | None:
    """The title cleaned up, or None when it is empty, a file name or a placeholder.

    Office tools fill a document's title property with the file name
    ("Microsoft Word - sundhedspolitik_endelig.docx") or a template word
    ("Dokument1", "PowerPoint-præsentation"); such values name no document.
    """
    if not candidate:
        return None
    title = collapse_spaces(clean_text(candidate))
    stripped = _TOOL_PREFIX.sub("", title)
    if stripped != title or _FILE_NAME.search(title):
        # The value came from a file name; it is not a title even if readable.
        return None
    if len(title) > MAX_TITLE_LENGTH or len(_LETTER.findall(title)) < 3:
        return None
    if _PLACEHOLDER_TITLE.match(title) or _MACHINE_NAME.search(title):
        return None
    return title


# "Fjordby Kommune", "Region Hovedstaden", "Københavns Kommune": a publisher that
# is a municipality or region by its own name; anything longer is a person or unit.
_PUBLIC_BODY = re.compile(r"^(?:[^\W\d_][\w.' -]{1,40}\s+Kommune|Region\s+[^\W\d_][\w -]{1,30})$")


def municipality_from_publisher(publisher: str | None) -> str | None:
    """The publisher when it names a municipality or region, else None."""
    if not publisher:
        return None
    name = collapse_spaces(clean_text(publisher))
    return name if _PUBLIC_BODY.match(name) else None
