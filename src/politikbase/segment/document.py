"""A text that is one document: one segment over all of it, with a guessed title.

The title is guessed in this order: a first line that names a policy; the heading
that names a policy most often (a running header, "Glostrup Kommunes
Handicappolitik"); a first line that is a heading but not a generic one
("Indledning"); the policy the text names most often ("Sundhedspolitikken …");
any heading near the start; the first sentence. The caller may override it with
the source's metadata.
"""

from __future__ import annotations

from collections import Counter

from politikbase.danish.page_phrases import GENERIC_SECTION_HEADINGS
from politikbase.danish.policy_words import PolicyName, capitalised, find_policy_names
from politikbase.models import Segment
from politikbase.segment.lines import Line, is_heading_like, line_index, split_lines
from politikbase.segment.names import guessed_title, heading_policy_name

# A heading without blank lines around it must be this short to count.
MAX_RUN_IN_HEADING_WORDS = 8
EARLY_HEADING_LINES = 20
MIN_DOMINANT_MENTIONS = 2


def _stands_as_heading(lines: list[Line], index: int) -> bool:
    """Heading-like, and set apart by blank lines or followed by a new sentence."""
    line = lines[index]
    # A question ("Hvad vil kommunen?") heads a section, never the document.
    if not is_heading_like(line.text) or line.text.endswith("?"):
        return False
    before = lines[index - 1] if index else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    apart = (before is None or before.number < line.number - 1) and (
        after is None or after.number > line.number + 1
    )
    starts_sentence = after is not None and after.text[:1].isupper()
    return apart or (starts_sentence and len(line.text.split()) <= MAX_RUN_IN_HEADING_WORDS)


def _is_generic(heading: str) -> bool:
    return heading.strip().lower().rstrip(":") in GENERIC_SECTION_HEADINGS


def _naming_headings(lines: list[Line], names: list[PolicyName]) -> list[Line]:
    """Headings that name a policy, found from the names rather than by reading every line."""
    starts = [line.start for line in lines]
    found: list[Line] = []
    seen: set[int] = set()
    for name in names:
        if name.definite or name.plural:
            continue
        index = line_index(starts, name.start)
        if index in seen:
            continue
        seen.add(index)
        if _stands_as_heading(lines, index) and heading_policy_name(lines[index].text):
            found.append(lines[index])
    return found


def _dominant_name(names: list[PolicyName]) -> PolicyName | None:
    compounds = [name for name in names if name.compound]
    if not compounds:
        return None
    key, count = Counter(name.key for name in compounds).most_common(1)[0]
    if count < MIN_DOMINANT_MENTIONS:
        return None
    return next(name for name in compounds if name.key == key)


def document_title(
    text: str, lines: list[Line], names: list[PolicyName] | None = None
) -> tuple[str, int | None, int | None]:
    """The guessed title and, when it is a line of the text, where that line stands."""
    if not lines:
        return "", None, None
    names = find_policy_names(text, lines[0].start, lines[-1].end) if names is None else names
    first = lines[0]
    first_is_heading = _stands_as_heading(lines, 0) and not _is_generic(first.text)
    if first_is_heading and heading_policy_name(first.text):
        return first.text, first.start, first.end
    naming = _naming_headings(lines, names)
    if naming:
        counts = Counter(line.text for line in naming)
        best = max(naming, key=lambda line: counts[line.text])
        if counts[best.text] >= MIN_DOMINANT_MENTIONS or best.number <= EARLY_HEADING_LINES:
            return best.text, best.start, best.end
    if first_is_heading:
        return first.text, first.start, first.end
    dominant = _dominant_name(names)
    if dominant is not None:
        return capitalised(dominant.name), None, None
    for index in range(min(len(lines), EARLY_HEADING_LINES)):
        if _stands_as_heading(lines, index) and not _is_generic(lines[index].text):
            return lines[index].text, lines[index].start, lines[index].end
    opening = next((line for line in lines if not _is_generic(line.text)), first)
    return guessed_title(opening.text), None, None


def segment_document(
    text: str, lines: list[Line] | None = None, names: list[PolicyName] | None = None
) -> list[Segment]:
    """One segment (kind "document") from the first to the last non-blank character."""
    lines = split_lines(text) if lines is None else lines
    if not lines:
        return []
    title, title_start, title_end = document_title(text, lines, names)
    return [
        Segment(
            title=title,
            start=lines[0].start,
            end=lines[-1].end,
            kind="document",
            title_start=title_start,
            title_end=title_end,
        )
    ]
