"""The repair of one text or one paged text, step by step.

1. Look at the text: is it wrapped page text, does it have gaps, odd characters?
   Text that shows none of that is returned as it is, unread by the lexicon.
2. Edits inside lines: lost ligatures, ligature and soft-hyphen characters,
   footnote markers.
3. Page furniture: page numbers, running headers and footers.
4. Lines back into paragraphs (wrapped text only).

Every change is logged with its offset in the text before repair; for pages that
text is the pages joined with "\\n".
"""

from __future__ import annotations

import re

from politikbase.danish.lexicon import Lexicon, default_lexicon
from politikbase.danish.ligatures import LIGATURE_CHARACTERS
from politikbase.models import RepairChange, RepairResult
from politikbase.repair.furniture import (
    footnote_marker_edits,
    mark_page_furniture,
    mark_text_furniture,
)
from politikbase.repair.ligature_gaps import repair_ligatures
from politikbase.repair.lines import Edit, Line, apply_edits, split_lines
from politikbase.repair.paragraphs import Assembly, join_paragraphs, keep_lines
from politikbase.repair.profile import TextProfile, profile_lines
from politikbase.repair.single_gaps import may_have_collapsed_gaps

# Change positions refer to the pages joined by this (the lines' own separator).
PAGE_SEPARATOR = "\n"
SOFT_HYPHEN = "\u00ad"
_LIGATURE_CHARACTER = re.compile("[" + "".join(LIGATURE_CHARACTERS) + "]")
_SOFT_HYPHEN = re.compile(SOFT_HYPHEN + r"(?P<line_end> *$)?", re.MULTILINE)


def repair(pages: list[str], paged: bool, lexicon: Lexicon | None = None) -> RepairResult:
    """Repair the pages of one document (a single page when pages are unknown)."""
    original = PAGE_SEPARATOR.join(pages)
    raw_lines = original.split("\n")
    profile = profile_lines(raw_lines)
    edits, changes = _character_edits(original, profile)
    if "  " in original or may_have_collapsed_gaps(original):
        lexicon = lexicon or default_lexicon()
        ligature_edits, ligature_changes = repair_ligatures(original, lexicon)
        edits += ligature_edits
        changes += ligature_changes
    if not (paged or profile.wrapped or edits):
        return RepairResult(original, [], [])
    lines = split_lines(pages)
    if profile.wrapped:
        marker_edits = footnote_marker_edits(lines)
        edits += marker_edits
        changes += [_edit_change(edit, original) for edit in marker_edits]
    apply_edits(lines, sorted(edits, key=lambda edit: edit.start), original)
    _mark_indented(lines, original)
    if paged:
        mark_page_furniture(lines, len(pages))
    elif profile.wrapped:
        mark_text_furniture(lines)
    changes += _removal_changes(lines, original)
    assembly = _assemble(lines, profile, original, len(pages), lexicon)
    changes += assembly.changes
    changes.sort(key=lambda change: change.position)
    return RepairResult(assembly.text, changes, assembly.page_starts if paged else [])


def _assemble(
    lines: list[Line],
    profile: TextProfile,
    original: str,
    page_count: int,
    lexicon: Lexicon | None,
) -> Assembly:
    if not profile.wrapped:
        return keep_lines(lines, page_count)
    assembly = join_paragraphs(lines, profile, lexicon or default_lexicon(), original, page_count)
    if assembly.text and original.rstrip(" \t\r").endswith("\n"):
        # A text file ends with a line break; the paragraphs keep the one it had.
        assembly.text += "\n"
    return assembly


def _character_edits(original: str, profile: TextProfile) -> tuple[list[Edit], list[RepairChange]]:
    """Ligature characters spelled out; soft hyphens dropped (kept at a wrapped line's
    end as a hyphen, so the hyphenation step joins the word)."""
    edits: list[Edit] = []
    if any(char in original for char in LIGATURE_CHARACTERS):
        edits += [
            Edit(m.start(), m.end(), LIGATURE_CHARACTERS[m.group()], "ligature-character")
            for m in _LIGATURE_CHARACTER.finditer(original)
        ]
    if SOFT_HYPHEN in original:
        for match in _SOFT_HYPHEN.finditer(original):
            at_line_end = match.group("line_end") is not None and profile.wrapped
            edits.append(
                Edit(match.start(), match.start() + 1, "-" if at_line_end else "", "soft-hyphen")
            )
    return edits, [_edit_change(edit, original) for edit in edits]


def _edit_change(edit: Edit, original: str) -> RepairChange:
    return RepairChange(edit.kind, original[edit.start : edit.end], edit.replacement, edit.start)


def _mark_indented(lines: list[Line], original: str) -> None:
    """Indentation that a repair did not explain (" lgang" was a lost "ti")."""
    for line in lines:
        line.indented = (
            original[line.start : line.start + 1] in (" ", "\t")
            and line.text[:1] in (" ", "\t")
            and bool(line.text.strip())
        )


def _removal_changes(lines: list[Line], original: str) -> list[RepairChange]:
    return [
        RepairChange(line.removed, original[line.start : line.end], "", line.start)
        for line in lines
        if line.removed is not None
    ]
