"""The Danish lexicon: which strings are Danish words, and how common they are.

Two real sources are combined:

* Debian's `wdanish` word list (`/usr/share/dict/danish`, ~313,000 full forms from
  the Stavekontrolden project), which knows inflected forms ("politikken",
  "vigtigt") but not every compound; it writes proper nouns with a capital
  ("Glostrup"), which tells them from common words;
* `wordfreq`'s Danish frequencies (subtitles, Wikipedia, web text), which rank
  words by how often they are written (and also hold names, abbreviations and
  foreign words).

Danish writes compounds as one word ("sundhedspolitikken"), so no list can hold
them all: `is_word` also accepts a form made of two known words, with the linking
letters Danish uses ("sundhed+s+politikken", "børn+e+politik"). A function word
("til", "og") is never the last part of a compound: "forholdtil" is not a word.
"""

from __future__ import annotations

import math
import os
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

import wordfreq

from politikbase.danish.stopwords import DANISH_STOP_WORDS

WORD_LIST_CANDIDATES = (
    "/usr/share/dict/danish",
    "/usr/share/dict/dansk",
)

# Linking elements between the parts of a Danish compound ("fugemorfemer").
LINKING_LETTERS = ("", "s", "e")
VOWELS = frozenset("aeiouyæøå")
# A compound part shorter than this is too often a stray fragment ("l", "gt").
MIN_PART_LENGTH = 3
# Parts beyond two that a word's beginning may show ("sundheds|koordinations|…").
MAX_COMPOUND_DEPTH = 1
# The only letters that are Danish words on their own: the preposition and the nouns
# for a stream and an island. Word lists and frequency lists hold every letter (as a
# letter), but in running text another lone lower-case letter is a fragment.
ONE_LETTER_WORDS = frozenset("iåø")
# Longer strings are not words (nor compounds worth analysing): the compound
# analysis is quadratic in the length, so it must never see a run-away token.
MAX_WORD_LENGTH = 60
# Answers kept per lexicon for the compound analysis; real text repeats its words.
CACHE_LIMIT = 200_000

# Where a word was found, as bits of one small integer per word.
COMMON = 1  # in the word list, written in lower case
PROPER = 2  # in the word list, written with a capital (a name)
RANKED = 4  # in wordfreq's Danish list


class LexiconUnavailable(RuntimeError):
    """No Danish word list is installed."""


def _word_list_path() -> Path | None:
    configured = os.environ.get("POLITIKBASE_WORDLIST")
    candidates = (configured,) if configured else WORD_LIST_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


class Lexicon:
    """Case-insensitive membership and frequency of Danish words."""

    def __init__(self, words: set[str], sources: dict[str, int] | None = None) -> None:
        # A dict of strings and small integers is not tracked by the garbage
        # collector (a set is): the collector would otherwise walk 300,000 entries
        # again and again, slowing down every caller that allocates many objects.
        self._words: dict[str, int] = (
            sources if sources is not None else dict.fromkeys(words, COMMON)
        )
        self._sorted: tuple[str, ...] | None = None
        self._compounds: dict[str, tuple[str, str] | None] = {}
        self._prefixes: dict[str, bool] = {}
        self._rests: dict[tuple[str, int], bool] = {}

    def clear_caches(self) -> None:
        """Forget the answers remembered about words (compound splits, word starts);
        the word lists and what was built from them on loading stay."""
        self._compounds.clear()
        self._prefixes.clear()
        self._rests.clear()

    @classmethod
    def load(cls) -> Lexicon:
        path = _word_list_path()
        if path is None:
            raise LexiconUnavailable(
                "No Danish word list found. Install Debian's 'wdanish' package "
                "(or set POLITIKBASE_WORDLIST to a file with one word per line)."
            )
        sources: dict[str, int] = {}
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                word = line.strip()
                if word:
                    lowered = word.lower()
                    sources[lowered] = sources.get(lowered, 0) | (
                        COMMON if word == lowered else PROPER
                    )
        for word in wordfreq.get_frequency_dict("da"):
            sources[word] = sources.get(word, 0) | RANKED
        return cls(set(), sources)

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._words

    def is_simple_word(self, word: str) -> bool:
        """True when the word itself is listed (no compound analysis)."""
        return word.lower() in self._words

    def is_common_word(self, word: str) -> bool:
        """True when the word list has the word in lower case (not only as a name)."""
        return bool(self._words.get(word.lower(), 0) & COMMON)

    def common_word_ends(
        self, lowered: str, min_length: int, excluded: frozenset[str] = frozenset()
    ) -> list[int]:
        """Where `lowered` (in lower case) can be cut so that a common word not in
        `excluded` ends it, with at least `min_length` letters on either side: the
        possible last parts of a compound, found in one pass."""
        words = self._words
        return [
            cut
            for cut in range(min_length, len(lowered) - min_length + 1)
            if words.get(lowered[cut:], 0) & COMMON and lowered[cut:] not in excluded
        ]

    def in_word_list(self, word: str) -> bool:
        """True when the spelling list has the word, in lower case or as a name; a
        string that only the frequency list knows is often a fragment or foreign
        ("gt", "me")."""
        return bool(self._words.get(word.lower(), 0) & (COMMON | PROPER))

    def is_proper_noun(self, word: str) -> bool:
        """True when the word list has the word only with a capital ("Glostrup")."""
        return self._words.get(word.lower(), 0) & (COMMON | PROPER) == PROPER

    def split_compound(self, word: str) -> tuple[str, str] | None:
        """The split of a two-part compound into listed words, or None.

        The head is the longest listed prefix that leaves a listed tail, so
        "sundhedspolitikken" gives ("sundheds", "politikken") via the linking "s".
        """
        lowered = word.lower()
        if lowered in self._compounds:
            return self._compounds[lowered]
        split = self._split(lowered) if len(lowered) <= MAX_WORD_LENGTH else None
        if len(self._compounds) >= CACHE_LIMIT:
            self._compounds.clear()
        self._compounds[lowered] = split
        return split

    def _split(self, lowered: str) -> tuple[str, str] | None:
        for cut in range(len(lowered) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
            head, tail = lowered[:cut], lowered[cut:]
            if tail not in self._words or tail in DANISH_STOP_WORDS:
                continue
            if self.compound_stem(head) is not None:
                return head, tail
        return None

    def compound_stem(self, head: str) -> str | None:
        """The listed word a compound's first part stands for, or None.

        "sundheds" gives "sundhed" (linking "s"), "børne" gives "børn" (linking
        "e"); a linking letter never doubles the stem's last letter ("sundhedss")
        and an "e" never follows a vowel. Function words are no compound parts.
        """
        # A linking letter first: "sundheds" stands for "sundhed", though the word
        # list also has the genitive "sundheds".
        for link in ("s", "e", ""):
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)] if link else head
            if link == "s" and stem.endswith("s"):
                continue
            if link == "e" and stem[-1:] in VOWELS:
                continue
            if (
                len(stem) >= MIN_PART_LENGTH
                and stem in self._words
                and stem not in DANISH_STOP_WORDS
            ):
                return stem
        return None

    def has_prefix(self, prefix: str) -> bool:
        """True when some listed word, or a compound of listed words, starts so.

        Used to abandon a repair hypothesis early: no Danish word starts "vigtq".
        """
        if len(prefix) > MAX_WORD_LENGTH:
            return False
        lowered = prefix.lower()
        if not lowered:
            return True
        known = self._prefixes.get(lowered)
        if known is not None:
            return known
        answer = self._starts_part(lowered, 0)
        if len(self._prefixes) >= CACHE_LIMIT:
            self._prefixes.clear()
        self._prefixes[lowered] = answer
        return answer

    def _starts_part(self, lowered: str, depth: int) -> bool:
        """A listed word starts so, or (within the depth allowed) a compound head
        followed by the start of a word or of another compound
        ("sundheds|koordinations|udvalget" has three parts)."""
        if self._sorted is None:
            self._sorted = tuple(sorted(self._words))
        ordered = self._sorted
        index = bisect_left(ordered, lowered)
        following = ordered[index] if index < len(ordered) else ""
        if following.startswith(lowered):
            return True
        if depth > MAX_COMPOUND_DEPTH:
            return False
        # A head's stem is a listed word that the text starts with, so it sorts before
        # the text, and so does every word between the two (they all start with the
        # stem): the word just before where the text would be inserted shares at
        # least the stem's letters with it. No longer stem need be looked up.
        reach = _shared_start(lowered, ordered[index - 1]) if index else 0
        listed = self._words
        last = len(lowered) - 1
        for length in range(min(reach, last), MIN_PART_LENGTH - 1, -1):
            # The head's stem, as `compound_stem` reads it.
            stem = lowered[:length]
            if stem not in listed or stem in DANISH_STOP_WORDS:
                continue
            link = lowered[length] if length < last else ""
            if (
                (link == "s" and stem[-1] != "s") or (link == "e" and stem[-1] not in VOWELS)
            ) and self._part_follows(lowered[length + 1 :], depth + 1):
                return True
            if self._part_follows(lowered[length:], depth + 1):
                return True
        return False

    def _part_follows(self, rest: str, depth: int) -> bool:
        """`_starts_part` for what follows a head; the same rests follow many heads."""
        key = (rest, depth)
        known = self._rests.get(key)
        if known is None:
            known = self._starts_part(rest, depth)
            if len(self._rests) >= CACHE_LIMIT:
                self._rests.clear()
            self._rests[key] = known
        return known

    def is_word(self, word: str) -> bool:
        """True for a listed word or a compound of two listed words."""
        lowered = word.lower()
        if lowered in self._words:
            return True
        if len(lowered) > MAX_WORD_LENGTH:
            return False
        if "-" in lowered:
            return all(part == "" or self.is_word(part) for part in lowered.split("-"))
        return self.split_compound(lowered) is not None

    def frequent_common_words(self, min_zipf: float) -> list[str]:
        """The words of the spelling list (in lower case) at least this frequent."""
        words = self._words
        return [
            word
            for word, zipf in _zipf_table().items()
            if zipf >= min_zipf and words.get(word, 0) & COMMON
        ]

    @staticmethod
    def frequency(word: str) -> float:
        """Zipf frequency (0 = unseen, 7 = the most common words)."""
        lowered = word.lower()
        if lowered.isalpha():
            # The table answers plain words directly; wordfreq's own lookup
            # tokenises and normalises on every call, which the repair cannot afford.
            return _zipf_table().get(lowered, 0.0)
        return wordfreq.zipf_frequency(lowered, "da")


def _shared_start(first: str, second: str) -> int:
    """The number of letters two strings start with in common."""
    limit = min(len(first), len(second))
    index = 0
    while index < limit and first[index] == second[index]:
        index += 1
    return index


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """wordfreq's Danish frequencies as Zipf values, rounded as wordfreq rounds them."""
    return {
        word: round(math.log10(share) + 9, 2)
        for word, share in wordfreq.get_frequency_dict("da").items()
        if share > 0
    }


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon loaded once per process (loading takes a fraction of a second)."""
    return Lexicon.load()
