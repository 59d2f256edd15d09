"""The kinds of documents a municipality adopts, and the Danish words that name them.

A Danish title names its kind in the last part of a compound ("Handicappolitik",
"Frivillighedsstrategi", "Klimahandleplan"), sometimes inflected ("politikken") or
as a separate word ("Politik for frivillighed").
"""

from __future__ import annotations

import re

DOC_TYPES = (
    "politik", "strategi", "plan", "handleplan", "regler", "retningslinjer", "vision",
    "oversigt", "høring", "andet",
)

# Checked in order: the first kind whose word occurs in the title wins, so more
# specific words come before the general ones they contain ("handleplan" before
# "plan", "strategiplan" counts as a strategy).
_TYPE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (doc_type, re.compile(pattern, re.IGNORECASE))
    for doc_type, pattern in (
        ("høring", r"høringsudkast|høringsmateriale|høringsversion|\budkast\b|i høring"),
        ("oversigt", r"^politikker og strategier$|oversigt over .*politikker"),
        ("handleplan", r"hand(?:le|lings)plan|indsatsplan|aktionsplan"),
        ("retningslinjer", r"retningslinje|vejledning|kvalitetsstandard|servicedeklaration"),
        ("regler", r"regler\b|regulativ|reglement|vedtægt|\bregler for\b"),
        ("strategi", r"strategi"),
        ("politik", r"politik"),
        ("vision", r"\bvision"),
        ("plan", r"plan(?:en|er|erne)?\b|program(?:met)?\b"),
    )
)


def doc_type_from_title(title: str) -> str:
    """The kind of document a title names, or "andet" when it names none."""
    for doc_type, pattern in _TYPE_WORDS:
        if pattern.search(title):
            return doc_type
    return "andet"
