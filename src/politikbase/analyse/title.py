"""The title of a document: the one its source gives, or the one its text states.

A title from the file's metadata or from segmentation is kept unless it is no
title at all (empty, a file name, "Dokument1"). Otherwise the text is read the way
segmentation reads a document (a heading naming a policy, a running footer, the
first heading), and where the text has no heading, the policy its first sentence
is about ("Glostrup Kommunes borgerrettede alkoholpolitik udtrykker …" →
"Alkoholpolitik") or the one its link line offers ("Hent børne- og ungesynet her"
→ "Børne- og ungesyn"). A text that states none gets a stand-in (its first words),
marked as not stated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from politikbase.danish.page_phrases import GENERIC_SECTION_HEADINGS, is_link_line
from politikbase.danish.policy_words import capitalised, find_policy_names
from politikbase.segment.document import document_title
from politikbase.segment.lines import split_lines
from politikbase.segment.names import enriched_heading, name_from_link, subject_policy_name

_PLACEHOLDER = re.compile(
    r"^\s*$|^\(?uden titel\)?$|^(?:untitled|unavngivet|dokument\d*|document\d*|microsoft word)$"
    r"|\.(?:pdf|docx?|odt|rtf|html?|txt)$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_SENTENCE_END = frozenset(".!?,;:")
MAX_TITLE_LINE_WORDS = 20
SEARCH_WINDOW = 20_000
MAX_LINK_LINES = 40


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    start: int | None  # where it stands in the analysed text, when it does
    end: int | None
    confidence: float
    # False for a stand-in (the first words of the text): the text states no title.
    stated: bool = True


def is_placeholder(title: str) -> bool:
    """True for a "title" that names nothing: empty, a file name, "Dokument1"."""
    stripped = title.strip()
    return bool(_PLACEHOLDER.search(stripped)) or ("_" in stripped and " " not in stripped)


def locate(text: str, phrase: str, window: int = SEARCH_WINDOW) -> tuple[int, int] | None:
    """Where `phrase` stands in the start of `text`, spaces and case aside."""
    exact = text.find(phrase, 0, window)
    if exact >= 0:
        return exact, exact + len(phrase)
    words = phrase.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
    found = pattern.search(text, 0, window)
    return found.span() if found else None


def _inferred_title(text: str) -> Title:
    lines = split_lines(text)
    if not lines:
        return Title("(uden titel)", None, None, 0.1, stated=False)
    guessed, start, end = document_title(text, lines)
    if start is not None and end is not None:
        names = find_policy_names(text, 0, min(len(text), SEARCH_WINDOW))
        enriched = enriched_heading(guessed, names)
        return Title(enriched, start, end, 0.8 if enriched == guessed else 0.7)
    if _is_policy_name(guessed):
        # The policy the text names most often ("Sundhedspolitikken …" → "Sundhedspolitik").
        return Title(guessed, None, None, 0.6)
    first = lines[0]
    subject = subject_policy_name(first.text)
    if subject is not None:
        offset = first.start
        return Title(capitalised(subject.name), offset + subject.start, offset + subject.end, 0.7)
    if len(lines) > 1 and _is_title_line(first.text):
        return Title(first.text, first.start, first.end, 0.6)
    for line in lines[:MAX_LINK_LINES]:
        if is_link_line(line.text):
            offered = name_from_link(line.text)
            if offered is not None:
                return Title(capitalised(offered[0]), line.start, line.end, 0.6)
    return Title(guessed, None, None, 0.4, stated=False)


def _is_policy_name(phrase: str) -> bool:
    names = find_policy_names(phrase)
    return len(names) == 1 and names[0].compound and names[0].end - names[0].start == len(phrase)


def _is_title_line(line: str) -> bool:
    """A first line that reads as a title: not a sentence, not a bullet, not too long."""
    return (
        line[-1] not in _SENTENCE_END
        and line.lower().rstrip(":") not in GENERIC_SECTION_HEADINGS
        and len(line.split()) <= MAX_TITLE_LINE_WORDS
        and (line[0].isupper() or line[0].isdigit())
    )


def find_title(text: str, given: str | None) -> Title:
    """The document's title: `given` unless it is a placeholder, else found in the text."""
    if given is not None and not is_placeholder(given):
        clean = _SPACES.sub(" ", given).strip()
        span = locate(text, clean)
        if span is None:
            return Title(clean, None, None, 0.9)
        return Title(clean, span[0], span[1], 0.95)
    return _inferred_title(text)
