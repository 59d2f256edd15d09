"""Where a lost ligature may hide: gaps in the text, grouped into chains.

A dropped ligature glyph leaves a *gap*: two or more spaces between letters
("poli  kken"), spaces at the start of a line or after an opening mark before a
fragment (" lgang", "-  lpasning"), or spaces before punctuation ("demokra  ,"). A
kept f-ligature leaves a stray single space after it ("fl ere"). Where extraction
collapses gaps into one space ("genera oner"), suspect single spaces are sites too
(see `single_gaps`). Sites next to each other, with one run of letters between them,
form a *chain* ("a  rak  vt", "sig l at"), which is decided as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from heapq import merge

from politikbase.danish.ligatures import LIGATURE_CHARACTERS, SPACED_LIGATURE_ENDINGS

# Every site is a run of spaces, so one scan for space runs finds them all; what
# kind of site a run is depends on the characters around it. (Putting lookarounds
# first would make the engine try them at every position, several times slower.)
_ANY_SITE = re.compile(
    r"  +|\n +|^ +"
    rf"| (?<=(?:{'|'.join(SPACED_LIGATURE_ENDINGS)}) )(?=[^\W\d_])"
    r"| (?<=[\ufb00-\ufb04] )(?=[^\W\d_])"
)
# Without stray single spaces and line starts, the sites are just runs of spaces.
_GAP_SITE = re.compile(r"  +")
_LETTERS = re.compile(r"[^\W\d_]+")
_SPACE_RUN = re.compile(r" +")
_GLYPHS = str.maketrans(LIGATURE_CHARACTERS)
TAIL_PUNCTUATION = frozenset(',.;:!?)]”"’')
# Marks after which a word starts without a space ("-tilpasning", "(tiltag").
OPENING_MARKS = frozenset("-–(“„\"'‘«/")
SENTENCE_END = frozenset(".!?:•")
FRAGMENT_WINDOW = 48
# A line ending like this runs on into the next line.
_RUNS_ON = re.compile(r"[^\W\d_]|[,\-–(]")

# A chain: where it starts and ends, and the whitespace spans of its sites.
ChainSpan = tuple[int, int, list[tuple[int, int]]]


def find_chains(
    text: str, with_spaced: bool, with_lead: bool, singles: Sequence[int] = ()
) -> Iterator[ChainSpan]:
    """The chains of gaps in `text`, left to right.

    Stray spaces after f-ligatures and gaps at the start of a word are only sites
    in a document already known to be damaged; elsewhere they are ordinary text.
    `singles` are the offsets (in order) of single spaces between letters that are
    sites too (suspect spaces in text whose gaps collapsed).
    """
    sites: list[tuple[int, int]] = []
    chain_start = chain_end = 0
    size = len(text)
    pattern = _ANY_SITE if with_spaced or with_lead else _GAP_SITE
    # Suspect spaces come in with a mark; one that the pattern found too (a stray
    # space after an f-ligature) comes first from the pattern and is taken once.
    found = ((*match.span(), False) for match in pattern.finditer(text))
    spans = merge(found, ((offset, offset + 1, True) for offset in singles)) if singles else found
    last_start = -1
    for start, end, suspect in spans:
        if start == last_start:
            continue
        last_start = start
        following = text[end] if end < size else ""
        if start == 0 or text[start] == "\n":
            start += text[start] == "\n"
            if not (with_lead and following.isalpha()):
                continue
            kind = "lead"
        elif not text[start - 1].isalpha():
            # After a mark, a word lost the glyph it starts with: "-  lpasning",
            # ",  dlig". A word space after a comma or a full stop stays (and is
            # the site itself where the gap collapsed into it: ", lbydes").
            wide = end - start > 1
            if not (following.isalpha() and ((with_lead and wide) or suspect)):
                continue
            mark = text[start - 1]
            # "rettigheds-  l" is a suspended compound before "til": keep its space.
            if not suspect and (
                mark not in OPENING_MARKS or (mark == "-" and text[start - 2 : start - 1].isalpha())
            ):
                start += 1
            kind = "lead"
        elif following.isalpha():
            kind = "spaced" if end - start == 1 else "gap"
            if kind == "spaced" and not (with_spaced or suspect):
                continue
        elif following in TAIL_PUNCTUATION and following:
            kind = "tail"
        elif with_lead and following in ("\n", "") and end - start > 1:
            # "pasningsgaran   " at the end of a line: the word lost its last glyph.
            kind = "tail"
        else:
            continue
        if sites and chain_end != start:
            yield chain_start, chain_end, sites
            sites = []
        if not sites:
            chain_start = start if kind == "lead" else _fragment_start(text, start)
        sites.append((start, end))
        if kind == "tail":
            yield chain_start, end, sites
            sites = []
            continue
        after = _LETTERS.match(text, end)
        chain_end = after.end() if after is not None else end
    if sites:
        yield chain_start, chain_end, sites


def _fragment_start(text: str, position: int) -> int:
    """Where the run of letters that ends at `position` begins."""
    # Usually the run goes back to a space or line break a few letters before;
    # finding that (within a bounded window: a text may have no line break at all)
    # is faster than stepping back letter by letter.
    window = max(0, position - FRAGMENT_WINDOW)
    begin = max(text.rfind(" ", window, position), text.rfind("\n", window, position)) + 1
    if begin > window and text[begin:position].isalpha():
        return begin
    begin = position
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return begin


def parse_chain(chain_text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The kinds of the sites of a chain and its fragments, read from its text alone.

    Kinds: "lead" (spaces before the first fragment), "gap" (two or more spaces
    between fragments), "spaced" (one space after an f-ligature), "single" (one
    space elsewhere: a suspect word space), "tail" (spaces after the last fragment,
    before punctuation or the end of the line).
    """
    kinds: list[str] = []
    for run in _SPACE_RUN.finditer(chain_text):
        start = run.start()
        if start == 0:
            kinds.append("lead")
        elif run.end() == len(chain_text):
            kinds.append("tail")
        elif len(run.group()) > 1:
            kinds.append("gap")
        else:
            before = chain_text[max(0, start - 2) : start].translate(_GLYPHS)
            kinds.append("spaced" if before.endswith(SPACED_LIGATURE_ENDINGS) else "single")
    return tuple(kinds), tuple(_LETTERS.findall(chain_text))


def starts_sentence(text: str, position: int) -> bool:
    """True when `position` may start a sentence or a heading, where a capital says
    nothing about names: after an end mark, at the start of the text, or at the
    start of a line that follows no running sentence (a blank line, a heading)."""
    index = position - 1
    newlines = 0
    while index >= 0 and text[index] in " \t\r\n":
        newlines += text[index] == "\n"
        index -= 1
    if index < 0 or text[index] in SENTENCE_END:
        return True
    return newlines >= 2 or (newlines == 1 and not _RUNS_ON.match(text[index]))
