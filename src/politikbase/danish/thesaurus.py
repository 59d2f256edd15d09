"""Danish synonyms from the thesaurus LibreOffice uses (Debian package `mythes-da`).

People search with other words than the documents use: "mental sundhed" for a
"Temaplan for psykisk sundhed", "kostpolitik" for a "Mad- og måltidspolitik". The
thesaurus lists, for each word, its senses as lines of synonyms. Only plain synonyms
are read: hyponyms ("(underbegreb)") would widen a search to every kind of a thing,
and words of several words or marked as slang are left out. Which synonyms a query
may use is the search's decision (it keeps those the index knows, at low weight).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

THESAURUS_PATHS = (
    Path("/usr/share/mythes/th_da_DK.dat"),
    Path("/usr/local/share/mythes/th_da_DK.dat"),
)
_MARKED = re.compile(r"\([^)]*\)")
_SKIPPED_MARKS = ("underbegreb", "vulgær", "daglig tale")
MAX_SYNONYMS = 12


def thesaurus_path() -> Path | None:
    return next((path for path in THESAURUS_PATHS if path.is_file()), None)


@lru_cache(maxsize=1)
def _text() -> str:
    """The thesaurus file (about 4 MB); a query looks up a few words in it, which is
    faster than parsing all 30,000 entries first."""
    path = thesaurus_path()
    return path.read_text(encoding="utf-8") if path is not None else ""


@lru_cache(maxsize=4096)
def synonyms(word: str) -> tuple[str, ...]:
    """The word's single-word synonyms over all its senses (empty when unknown)."""
    headword = word.lower()
    text = _text()
    entry = re.search(rf"^{re.escape(headword)}\|(\d+)\n", text, re.MULTILINE)
    if entry is None:
        return ()
    lines = text[entry.end() :].split("\n", int(entry.group(1)))[: int(entry.group(1))]
    found: list[str] = []
    for line in lines:
        for synonym in line.split("|")[1:]:
            if any(mark in synonym for mark in _SKIPPED_MARKS):
                continue
            synonym = _MARKED.sub("", synonym).strip().lower()
            if synonym and " " not in synonym and synonym != headword:
                found.append(synonym)
    return tuple(dict.fromkeys(found))[:MAX_SYNONYMS]


def has_thesaurus() -> bool:
    return bool(_text())
