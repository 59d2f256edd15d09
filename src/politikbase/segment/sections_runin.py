"""Run-in headings of flat pages: the title a page opens with, and labelled headings.

When a document's pages are flattened to one line each, a page (a slide, a new
chapter) usually opens with its title: "2 Kommunen 3.0 på 2 minutter: Kommunen
1.0 Er myndighed …". The opening words are a title when they stop where
something new starts — a capital after a lower-case word, a question mark, a
colon after a few words — before they make a sentence. Labels with a colon
("Spor 1: Politisk ledelse af aktive borgere", "Dilemma 1:") are headings
anywhere in the text.
"""

from __future__ import annotations

from politikbase.segment.sections_labels import running_labels
from politikbase.segment.sections_marks import HEADING, PLAIN_KIND, Mark
from politikbase.segment.sections_view import (
    TextView,
    at_run_start,
    clean_title,
    is_capitalised,
    is_marker,
    next_word,
    scan_run,
)

MAX_OPENING_WORDS = 9
MAX_OPENING_QUESTION_WORDS = 12
MAX_OPENING_COLON_WORDS = 6
MAX_LABEL_TITLE_WORDS = 8
_OPEN_ENDINGS = frozenset({"at", "og", "eller", "men", "samt", "som", "der", "hvis", "når"})


def _title_run_ok(words: int, stop: str, last: str) -> bool:
    if stop == "punct":
        if last == "?":
            return words <= MAX_OPENING_QUESTION_WORDS
        return last == ":" and words <= MAX_OPENING_COLON_WORDS
    return stop in ("soft", "break", "end") and words <= MAX_OPENING_WORDS


def page_openings(view: TextView) -> list[Mark]:
    """The titles flat pages open with."""
    text = view.view
    found: list[Mark] = []
    for start, end in view.pages:
        word = next_word(text, start, end)
        if word is None or is_marker(word.group()) or not is_capitalised(word.group()):
            continue
        run = scan_run(text, word.start(), MAX_OPENING_QUESTION_WORDS, question=True, limit=end)
        if not _title_run_ok(run.words, run.stop, run.last):
            continue
        title = clean_title(text[run.start : run.end])
        if title.split()[-1].lower() in _OPEN_ENDINGS:
            continue
        found.append(Mark(HEADING, PLAIN_KIND, title, run.start, run.start, run.end))
    return found


def labelled_headings(view: TextView) -> list[Mark]:
    """Headings opened by a label and a colon, anywhere in running text."""
    text = view.view
    found: list[Mark] = []
    for label in running_labels(text):
        if not at_run_start(text, label.start):
            continue
        word = next_word(text, label.end)
        title_start, title_end = label.start, label.end
        if word is not None and is_capitalised(word.group()):
            run = scan_run(text, word.start(), MAX_LABEL_TITLE_WORDS + 1, question=True)
            if run.words <= MAX_LABEL_TITLE_WORDS and (
                run.stop in ("soft", "break", "end") or run.last == "?"
            ):
                title_start, title_end = run.start, run.end
        found.append(
            Mark(
                HEADING,
                label.kind,
                clean_title(text[title_start:title_end]),
                label.start,
                title_start,
                title_end,
                number=label.number,
                label=True,
            )
        )
    return found
