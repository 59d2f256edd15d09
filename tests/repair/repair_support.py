"""Helpers for the repair tests: damage as a ligature-losing PDF does it, the scorer."""

from __future__ import annotations

import re
import sys
import textwrap
from functools import lru_cache
from pathlib import Path
from types import ModuleType

# How a PDF that drops ligature glyphs damages text, as seen in the real seed 002:
# a lost "ti", "tt", "ft", ... inside a word leaves one space per letter
# ("vig  gt"), one at the start of a word leaves one space ("forhold  l"), and a
# kept f-ligature is followed by a stray space ("fl ere").
_LOST = re.compile(r"tti|ti|tt|ft|fh|tf")
_KEPT = re.compile(r"ffi|ff|fi|fl")
BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _damage_word(word: str) -> str:
    start = _LOST.match(word)
    prefix = " " if start else ""
    rest = word[start.end() :] if start else word
    rest = _LOST.sub(lambda match: " " * len(match.group()), rest)
    return prefix + _KEPT.sub(lambda match: match.group() + " ", rest)


def damage_text(text: str, width: int = 80) -> str:
    """`text` (one paragraph a line) as a ligature-losing PDF would give it:
    wrapped at `width`, glyphs lost, a trailing space on every line."""
    paragraphs = [line for line in text.split("\n") if line.strip()]
    wrapped = []
    for paragraph in paragraphs:
        lines = textwrap.wrap(paragraph, width, break_on_hyphens=False)
        wrapped.append(
            "\n".join(" ".join(_damage_word(w) for w in line.split(" ")) + " " for line in lines)
        )
    return "\n\n".join(wrapped) + "\n"


@lru_cache(maxsize=1)
def scorer(shared: Path) -> ModuleType:
    """The shared scorer (word error rate), loaded as the benchmarks load it."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from devset import load_scorer
    finally:
        sys.path.remove(str(BENCHMARKS))
    return load_scorer(shared)


def gold_002(shared: Path) -> str:
    return (shared / "eval" / "dev" / "clean_002.txt").read_text(encoding="utf-8")


# The same damage as PDF text extractors that collapse every gap into one space
# (pypdfium2 among them) show it: a lost glyph inside a word leaves one space
# ("genera oner"), one at the start or the end of a word leaves none, since the word
# space takes its place ("sig l at", "dri og"), and a word that was one glyph is gone.
_LOST_ANYWHERE = re.compile(r"tti|ti|tt|ft|fh|tf")
_SPACES = re.compile(r" {2,}")


def _collapse_line(line: str) -> str:
    damaged = _KEPT.sub(lambda match: match.group() + " ", _LOST_ANYWHERE.sub(" ", line))
    # Runs of spaces become one; a line that starts with a lost glyph keeps its space.
    return _SPACES.sub(" ", damaged).rstrip(" ")


def collapse_text(text: str, width: int = 80) -> str:
    """`text` (one paragraph a line) as a ligature-losing PDF read by an extractor
    that collapses gaps gives it: wrapped at `width`, glyphs lost, no double spaces."""
    paragraphs = [line for line in text.split("\n") if line.strip()]
    wrapped = []
    for paragraph in paragraphs:
        lines = textwrap.wrap(paragraph, width, break_on_hyphens=False)
        wrapped.append("\n".join(_collapse_line(line) for line in lines))
    return "\n\n".join(wrapped) + "\n"
