"""The Danish lexicon: which strings are Danish words, and how common they are.

Two real sources are combined:

* Debian's `wdanish` word list (`/usr/share/dict/danish`, ~313,000 full forms from
  the Stavekontrolden project), which knows inflected forms ("politikken",
  "vigtigt") but not every compound;
* `wordfreq`'s Danish frequencies (subtitles, Wikipedia, web text), which rank
  words by how often they are written.

Danish writes compounds as one word ("sundhedspolitikken"), so no list can hold
them all: `is_word` also accepts a form made of two known words, with the linking
letters Danish uses ("sundhed+s+politikken", "børn+e+politik").
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import wordfreq

WORD_LIST_CANDIDATES = (
    "/usr/share/dict/danish",
    "/usr/share/dict/dansk",
)

# Linking elements between the parts of a Danish compound ("fugemorfemer").
LINKING_LETTERS = ("", "s", "e")
# A compound part shorter than this is too often a stray fragment ("l", "gt").
MIN_PART_LENGTH = 3


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

    def __init__(self, words: set[str]) -> None:
        self._words = words

    @classmethod
    def load(cls) -> Lexicon:
        path = _word_list_path()
        if path is None:
            raise LexiconUnavailable(
                "No Danish word list found. Install Debian's 'wdanish' package "
                "(or set POLITIKBASE_WORDLIST to a file with one word per line)."
            )
        with path.open(encoding="utf-8", errors="replace") as handle:
            words = {line.strip().lower() for line in handle if line.strip()}
        words.update(wordfreq.get_frequency_dict("da"))
        return cls(words)

    def __len__(self) -> int:
        return len(self._words)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self._words

    def is_simple_word(self, word: str) -> bool:
        """True when the word itself is listed (no compound analysis)."""
        return word.lower() in self._words

    def split_compound(self, word: str) -> tuple[str, str] | None:
        """The split of a two-part compound into listed words, or None.

        The head is the longest listed prefix that leaves a listed tail, so
        "sundhedspolitikken" gives ("sundheds", "politikken") via the linking "s".
        """
        lowered = word.lower()
        for cut in range(len(lowered) - MIN_PART_LENGTH, MIN_PART_LENGTH - 1, -1):
            head, tail = lowered[:cut], lowered[cut:]
            if tail not in self._words:
                continue
            for link in LINKING_LETTERS:
                if link and not head.endswith(link):
                    continue
                stem = head[: len(head) - len(link)] if link else head
                if len(stem) >= MIN_PART_LENGTH and stem in self._words:
                    return head, tail
        return None

    def is_word(self, word: str) -> bool:
        """True for a listed word or a compound of two listed words."""
        lowered = word.lower()
        if lowered in self._words:
            return True
        if "-" in lowered:
            return all(part == "" or self.is_word(part) for part in lowered.split("-"))
        return self.split_compound(lowered) is not None

    @staticmethod
    def frequency(word: str) -> float:
        """Zipf frequency (0 = unseen, 7 = the most common words)."""
        return wordfreq.zipf_frequency(word.lower(), "da")


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon loaded once per process (loading takes a fraction of a second)."""
    return Lexicon.load()
