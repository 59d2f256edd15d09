"""Danish compound words: splitting them into parts, and completing truncated ones.

Danish writes compounds as one word ("handicappolitikken", "informationssikkerheds-
politik"), so a search for "politik for handicappede" finds nothing unless the index
knows the parts. No list can hold every compound; the parts, however, are ordinary
words of the lexicon (`politikbase.danish.lexicon`), joined by the linking letters
Danish uses ("sundhed+s+politik", "børn+e+have").

How a word is split follows Koehn & Knight's frequency method (2003): among all ways
to cut a word into listed words, take the one whose parts have the highest geometric
mean frequency, and split only when that beats the frequency of the whole word. A
frequent word such as "samfund" stays whole, because "sam" and "fund" together are
rarer than it; a rare compound such as "demensstrategi" splits, because "demens" and
"strategi" are far more common than it. Frequencies are wordfreq's Zipf values
(log10 per billion words, so their mean is the log of the geometric mean), capped so
that very common short words ("dag", "vel") cannot win by frequency alone.

Three linguistic constraints keep the parts real:

* a part is a content word of at least three letters, never a stop word nor one of the
  bound morphemes that the word list also holds as words ("sam", "gen", "hed", "lig");
* the last part must carry at least two letters of the word's stem, so inflection
  ("politik|ken") is never taken for a part;
* a linking letter follows only where Danish puts one (no "s" after "s", no "e" after
  a vowel).

`complete_truncations` handles coordination with a shared last element: in
"børne- og ungepolitikken" the first conjunct stands for "børnepolitikken".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from politikbase.danish.lexicon import Lexicon
from politikbase.danish.stopwords import DANISH_STOP_WORDS

LINKING_LETTERS = ("s", "e")
VOWELS = frozenset("aeiouyæøå")
MIN_PART_LENGTH = 3
# The last part must keep this many letters of the whole word's stem.
MIN_HEAD_STEM_LETTERS = 2
MAX_PARTS = 3
# Zipf values are capped here: beyond it a part is simply "common".
FREQUENCY_CAP = 4.5
# Zipf given to a word the word list knows but wordfreq's list does not rank.
LISTED_WORD_ZIPF = 1.0
# Three-letter parts are often chance substrings; accept only common ones.
SHORT_PART_LENGTH = 3
SHORT_PART_MIN_ZIPF = 3.5
# Each part beyond two costs this much of the mean Zipf value, favouring fewer parts.
EXTRA_PART_PENALTY = 0.3
PART_CACHE_SIZE = 1 << 18
SPLIT_CACHE_SIZE = 1 << 18

# Prefixes, particles and derivational suffixes that the word list also holds as words
# but that are not parts of a compound ("sam|arbejde", "tryg|hed", "institut|ion").
# Stop words ("for", "til", "med", "over", ...) are excluded as well.
_BOUND_MORPHEMES_TEXT = """
    an be bi fore gen sam und ur mis van ved vel frem bag hen igen imod mellem uden gennem
    hed lig else ing ning isk ende ene ens ere erne ion ist inde agtig bar som mæssig vis
    skab dom ske sen ser res les tet ret get let ken
"""
BOUND_MORPHEMES = frozenset(_BOUND_MORPHEMES_TEXT.split())

# One way to cut the end of a word: (sum of Zipf, first cut, word form of first piece).
_Way = tuple[float, int, str]

_LETTERS = r"[^\W\d_]"
# "børne- og unge…", "social-, sundheds- og ældre…": truncated words before a conjunction.
TRUNCATED_COORDINATION = re.compile(
    rf"\b((?:{_LETTERS}{{2,}}-(?:\s*,\s*|\s+))+)(?:og|eller|samt|&)\s+({_LETTERS}{{6,}})\b"
)
TRUNCATED_WORD = re.compile(rf"({_LETTERS}{{2,}})-")
TRUNCATION_FOLLOWERS = frozenset(" ,\n\t\r")


@dataclass(frozen=True, slots=True)
class Compound:
    """A word cut into parts.

    `pieces` are the word as written, cut up ("sundheds", "politikken"), so that
    their concatenation is the word; `parts` are the same as words, with the linking
    letter dropped ("sundhed", "politikken").
    """

    word: str
    pieces: tuple[str, ...]
    parts: tuple[str, ...]

    @property
    def head(self) -> str:
        """The last part, which names what the compound is ("politikken")."""
        return self.parts[-1]

    @property
    def modifier(self) -> str:
        """Everything before the head, as a word ("informationssikkerhed")."""
        return self.span(0, len(self.parts) - 1)

    def span(self, first: int, stop: int) -> str:
        """The word formed by parts first..stop-1, without a trailing linking letter."""
        return "".join(self.pieces[first : stop - 1]) + self.parts[stop - 1]

    def subwords(self) -> tuple[str, ...]:
        """Every part and every run of adjacent parts short of the whole word.

        "dagtilbudspolitik" (dag|tilbuds|politik) gives dag, tilbud, politik,
        dagtilbud and tilbudspolitik, so a search for "dagtilbud" finds it.
        """
        count = len(self.parts)
        return tuple(
            self.span(first, first + length)
            for length in range(1, count)
            for first in range(count - length + 1)
        )


class CompoundSplitter:
    """Splits Danish compounds with the lexicon's words and frequencies."""

    def __init__(self, lexicon: Lexicon, stem: Callable[[str], str]) -> None:
        self._lexicon = lexicon
        self._stem = stem
        self.split = lru_cache(maxsize=SPLIT_CACHE_SIZE)(self._split)
        # Splitting tries every substring of a word as a part; the same candidate parts
        # recur across words ("politik", "plan"), so their scores are remembered too.
        self._zipf = lru_cache(maxsize=PART_CACHE_SIZE)(self._part_zipf)

    def _part_zipf(self, form: str) -> float | None:
        """How common a word is as a compound part, or None if it cannot be one."""
        if (
            len(form) < MIN_PART_LENGTH
            or form in DANISH_STOP_WORDS
            or form in BOUND_MORPHEMES
            or not self._lexicon.is_simple_word(form)
        ):
            return None
        zipf = self._lexicon.frequency(form)
        if len(form) == SHORT_PART_LENGTH and zipf < SHORT_PART_MIN_ZIPF:
            return None
        if self._stem(form) in BOUND_MORPHEMES:
            return None
        return min(max(zipf, LISTED_WORD_ZIPF), FREQUENCY_CAP)

    def _as_modifier(self, piece: str) -> tuple[float, str] | None:
        """Score and word form of a non-final piece, which may end in a linking letter."""
        best: tuple[float, str] | None = None
        zipf = self._zipf(piece)
        if zipf is not None:
            best = (zipf, piece)
        link = piece[-1]
        if link in LINKING_LETTERS:
            stem = piece[:-1]
            allowed = stem[-1:] != "s" if link == "s" else stem[-1:] not in VOWELS
            linked = self._zipf(stem) if allowed else None
            if linked is not None and (best is None or linked > best[0]):
                best = (linked, stem)
        return best

    def _split(self, word: str) -> Compound | None:
        """The best split of a lowercase word into two or more parts, or None."""
        length = len(word)
        if length < 2 * MIN_PART_LENGTH or not word.isalpha():
            return None
        choice_score = self._whole_word_zipf(word)
        if choice_score >= FREQUENCY_CAP:
            return None  # no mean of capped part scores can beat it
        head_start_limit = len(self._stem(word)) - MIN_HEAD_STEM_LETTERS
        zipf = self._zipf
        # Built from the end of the word: ways[parts][start] is the best way to cut
        # word[start:] into exactly `parts` pieces, as (sum of Zipf, first cut, word
        # form of the first piece). Only cuts where the rest of the word can be cut
        # are tried, so a word without a listed ending costs one lookup per letter.
        heads: dict[int, _Way] = {}
        for start in range(MIN_PART_LENGTH, min(head_start_limit, length - MIN_PART_LENGTH) + 1):
            score = zipf(word[start:])
            if score is not None:
                heads[start] = (score, length, word[start:])
        if not heads:
            return None
        ways: list[dict[int, _Way]] = [{}, heads]
        as_modifier = self._as_modifier
        choice_parts = 0
        for parts in range(2, MAX_PARTS + 1):
            # Ascending cuts (dicts keep the ascending order they were filled in), and
            # only a strictly better total replaces the best so far: among equal
            # totals the earliest cut wins.
            rests = list(ways[-1].items())
            found: dict[int, _Way] = {}
            ways.append(found)
            if not rests:
                continue
            # Below the top level, a way is needed at every start a piece can end at.
            starts = [0]
            if parts < MAX_PARTS:
                starts.extend(range(MIN_PART_LENGTH, rests[-1][0] - MIN_PART_LENGTH + 1))
            for start in starts:
                best: _Way | None = None
                lowest_cut = start + MIN_PART_LENGTH
                for cut, rest in rests:
                    if cut < lowest_cut:
                        continue
                    first = as_modifier(word[start:cut])
                    if first is None:
                        continue
                    total = first[0] + rest[0]
                    if best is None or total > best[0]:
                        best = (total, cut, first[1])
                if best is not None:
                    found[start] = best
            candidate = found.get(0)
            if candidate is None:
                continue
            score = candidate[0] / parts - EXTRA_PART_PENALTY * (parts - 2)
            if score > choice_score:
                choice_parts, choice_score = parts, score
        if not choice_parts:
            return None
        pieces: list[str] = []
        forms: list[str] = []
        start = 0
        for parts in range(choice_parts, 0, -1):
            _, cut, form = ways[parts][start]
            pieces.append(word[start:cut])
            forms.append(form)
            start = cut
        return Compound(word=word, pieces=tuple(pieces), parts=tuple(forms))

    def _whole_word_zipf(self, word: str) -> float:
        zipf = self._lexicon.frequency(word)
        if zipf == 0.0 and self._lexicon.is_simple_word(word):
            zipf = LISTED_WORD_ZIPF
        return min(zipf, FREQUENCY_CAP)

    def complete_truncations(self, lowered_text: str) -> list[str]:
        """The compounds that truncated words stand for, in lowercase text.

        "børne- og ungepolitikken" gives ["børnepolitikken"]; "social-, sundheds- og
        ældreområdet" gives ["socialområdet", "sundhedsområdet"].
        """
        completed: list[str] = []
        covered = 0
        hyphen = lowered_text.find("-", 1)
        while hyphen != -1:
            # Only a letter, a hyphen, then a space or comma can start one; the
            # pattern is tried from the start of that word, not across the text.
            if (
                hyphen >= covered
                and lowered_text[hyphen - 1].isalpha()
                and lowered_text[hyphen + 1 : hyphen + 2] in TRUNCATION_FOLLOWERS
            ):
                word_start = hyphen - 1
                while word_start > 0 and lowered_text[word_start - 1].isalpha():
                    word_start -= 1
                match = TRUNCATED_COORDINATION.match(lowered_text, word_start)
                if match is not None:
                    completed.extend(self._completions(match))
                    covered = match.end()
            hyphen = lowered_text.find("-", hyphen + 1)
        return completed

    def _completions(self, match: re.Match[str]) -> list[str]:
        compound = self.split(match.group(2))
        if compound is None:
            return []
        shared_end = "".join(compound.pieces[1:])
        return [truncated + shared_end for truncated in TRUNCATED_WORD.findall(match.group(1))]
