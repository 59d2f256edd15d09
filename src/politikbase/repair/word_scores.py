"""How likely a string is as a word of Danish text, for choosing between readings.

Scores are log10 probabilities. A listed word scores by its wordfreq frequency. A
compound that no list holds scores as its two parts written together. When the
first part is a noun (the lexicon lists its definite form: "dagen", "dagene"), bare or
with a linking letter ("sundhed+s"), it gets a bonus: Danish writes noun compounds
closed, so "klima" + "tiltag" is read "klimatiltag" rather than two words. Other
first parts ("social|politik") get a penalty instead, so that "materielle ting"
stays two words. The first part is never a function word ("med tiltag"), a name
("Taarbæks tilfælde") or an inflected form ("mulige tilflyttere", "borgeren
tidligt").
"""

from __future__ import annotations

from politikbase.danish.compound_parts import (
    DEFINITE_ENDINGS,
    DEFINITE_ENDINGS_AFTER_E,
    INFLECTED_ENDINGS,
    NOT_COMPOUND_HEADS,
    NOUN_ENDINGS,
    NOUN_ENDINGS_AFTER_E,
    NOUN_SUFFIXES,
)
from politikbase.danish.lexicon import (
    LINKING_LETTERS,
    MAX_WORD_LENGTH,
    MIN_PART_LENGTH,
    ONE_LETTER_WORDS,
    VOWELS,
    Lexicon,
)
from politikbase.danish.stopwords import DANISH_STOP_WORDS

ZIPF_OFFSET = 9.0
# Listed words that wordfreq has not seen.
UNSEEN_LISTED_ZIPF = 1.5
NON_WORD_LOG_PROB = -12.0
# A repair must never make a string that is no word: it would trade two unknown
# fragments for one ("velfærdsudgiftertil"), which is no repair.
MADE_NON_WORD_LOG_PROB = -20.0
# Word lists count every letter as a word ("l", "d"), but in Danish text a lone
# lower-case letter other than "i", "å" and "ø" is what a lost glyph left.
STRAY_LETTER_LOG_PROB = NON_WORD_LOG_PROB
# A short string that only the frequency list knows ("me", "gt", "es") is as often a
# fragment or a foreign word as a Danish word: it counts this much less (log10).
MAX_SHORT_LENGTH = 3
SHORT_UNLISTED_PENALTY = -2.0
# A repair that makes a short word from a lone letter ("s" → "sti", "a" → "tia") must
# make a common one ("l" → "til", "d" → "tid"); rarer short words it makes are none.
MIN_SHORT_MADE_ZIPF = 4.5
# A passive made from a listed verb ("omfatte" + "s") scores as the verb, less this.
PASSIVE_PENALTY = -1.0
# An unknown word with a capital, as written in the text, is more likely a name than
# garbage (never a word made by a repair: that would make any join a "name").
UNKNOWN_NAME_LOG_PROB = -8.5
# log10 of how much likelier two nouns are written as one compound than apart; a
# first part that is not a noun ("social|politik") makes a compound less likely
# than the two words apart ("materielle ting", "føre tilsyn").
COMPOUND_BONUS = 1.0
OTHER_HEAD_PENALTY = -1.5
# Only first parts this long are tried as compounds themselves ("sundhedsfremme|…").
MIN_COMPOUND_HEAD = 6
CACHE_LIMIT = 200_000


class WordScorer:
    """Scores words for one lexicon; remembers its answers."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._scores: dict[tuple[str, bool], float] = {}
        self._compounds: dict[str, float | None] = {}
        self._nouns: dict[str, bool] = {}

    def score(self, word: str, as_written: bool = False) -> float:
        """log10 probability of `word` (0 for the empty word); `as_written` when the
        word stands in the text as it is, not made by a repair."""
        if not word:
            return 0.0
        if len(word) > MAX_WORD_LENGTH:
            # No word is this long; analysing one would take time quadratic in it.
            return NON_WORD_LOG_PROB if as_written else MADE_NON_WORD_LOG_PROB
        key = (word, as_written)
        score = self._scores.get(key)
        if score is None:
            score = self._score(word, as_written)
            if len(self._scores) >= CACHE_LIMIT:
                self._scores.clear()
            self._scores[key] = score
        return score

    def _score(self, word: str, as_written: bool) -> float:
        lowered = word.lower()
        if len(word) == 1 and word.islower() and word not in ONE_LETTER_WORDS:
            return STRAY_LETTER_LOG_PROB
        if self.lexicon.is_simple_word(lowered):
            score = self.listed_score(lowered)
            if (
                not as_written
                and len(word) <= MAX_SHORT_LENGTH
                and score < MIN_SHORT_MADE_ZIPF - ZIPF_OFFSET
            ):
                return MADE_NON_WORD_LOG_PROB
            if (
                len(word) <= MAX_SHORT_LENGTH
                and word.islower()
                and not self.lexicon.in_word_list(lowered)
            ):
                score += SHORT_UNLISTED_PENALTY
            return score
        capitalised = word[:1].isupper() and not word.isupper()
        if not as_written:
            fallback = MADE_NON_WORD_LOG_PROB
        else:
            fallback = UNKNOWN_NAME_LOG_PROB if capitalised else NON_WORD_LOG_PROB
        scores = [fallback]
        compound = self.compound_score(lowered)
        if compound is not None:
            scores.append(compound)
        if lowered.endswith("es") and self.lexicon.is_common_word(lowered[:-1]):
            # The word list leaves out many passives ("omfattes", "tilrettelægges").
            scores.append(self.listed_score(lowered[:-1]) + PASSIVE_PENALTY)
        return max(scores)

    def is_spelled_word(self, word: str) -> bool:
        """In the spelling list, or a compound or passive of words in it: a piece of
        text that needs no repair."""
        lowered = word.lower()
        return (
            self.lexicon.in_word_list(lowered)
            or self.compound_score(lowered) is not None
            or (lowered.endswith("es") and self.lexicon.is_common_word(lowered[:-1]))
        )

    def listed_score(self, lowered: str) -> float:
        return (self.lexicon.frequency(lowered) or UNSEEN_LISTED_ZIPF) - ZIPF_OFFSET

    def compound_score(self, lowered: str, as_head: bool = False) -> float | None:
        """The best score of `lowered` as first part + last part, or None.

        `as_head`: the compound is itself the first part of a longer one, so its
        last part must be a noun too ("sundhedsfremme|indsats", not
        "behovsorienteret|tilgang").
        """
        key = "+" + lowered if as_head else lowered
        if key in self._compounds:
            return self._compounds[key]
        best: float | None = None
        for cut in self.lexicon.common_word_ends(lowered, MIN_PART_LENGTH, DANISH_STOP_WORDS):
            tail = lowered[cut:]
            if as_head and not self.is_noun_stem(tail):
                continue
            head = self._head_score(lowered[:cut])
            if head is None:
                continue
            score = head + self.listed_score(tail)
            if best is None or score > best:
                best = score
        if len(self._compounds) >= CACHE_LIMIT:
            self._compounds.clear()
        self._compounds[key] = best
        return best

    def _head_score(self, head: str) -> float | None:
        """Score of a compound's first part, with the bonus or penalty of its kind;
        None when it cannot begin a compound."""
        best: float | None = None
        for link in LINKING_LETTERS:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)] if link else head
            if (link == "s" and stem.endswith("s")) or (link == "e" and stem[-1:] in VOWELS):
                continue
            if link == "e" and head.endswith(INFLECTED_ENDINGS):
                continue  # "hjælpere", "vigtige": an inflected form, not a stem + "e"
            if self.is_noun_stem(stem):
                score = self.listed_score(stem) + COMPOUND_BONUS
            elif self._is_content_stem(stem):
                score = self.listed_score(stem) + OTHER_HEAD_PENALTY
            else:
                continue
            best = score if best is None else max(best, score)
        if best is None and len(head) >= MIN_COMPOUND_HEAD:
            # A first part may itself be a compound ("sundhedsfremme|indsats").
            for candidate in (head, head[:-1]) if head[-1] in "se" else (head,):
                inner = self.compound_score(candidate, as_head=True)
                if inner is not None and (best is None or inner + COMPOUND_BONUS > best):
                    best = inner + COMPOUND_BONUS
        return best

    def is_noun_stem(self, stem: str) -> bool:
        """A common noun in its bare form: its definite form is listed, it is not."""
        known = self._nouns.get(stem)
        if known is None:
            known = self._is_noun_stem(stem)
            if len(self._nouns) >= CACHE_LIMIT:
                self._nouns.clear()
            self._nouns[stem] = known
        return known

    def _is_content_stem(self, stem: str) -> bool:
        """A word that may begin a compound at all: a common content word in a form
        that is not inflected ("social" in "socialpolitik", "børn" in "børnepolitik")."""
        return self._may_be_part(stem) and not self._is_e_form(stem)

    def _may_be_part(self, stem: str) -> bool:
        return not (
            len(stem) < MIN_PART_LENGTH
            or stem in NOT_COMPOUND_HEADS
            or not self.lexicon.is_common_word(stem)
            or stem.endswith(INFLECTED_ENDINGS)
            or self._is_definite(stem)
        )

    def _is_e_form(self, stem: str) -> bool:
        """ "syge", "materielle": the "-e" form of another word ("syg", "materiel")."""
        if not stem.endswith("e"):
            return False
        common = self.lexicon.is_common_word
        base = stem[:-1]
        return common(base) or (len(base) > 2 and base[-1] == base[-2] and common(base[:-1]))

    def _is_noun_stem(self, stem: str) -> bool:
        if not self._may_be_part(stem):
            return False
        if stem.endswith(NOUN_SUFFIXES):
            return True
        common = self.lexicon.is_common_word
        if common(stem + "t") and common(stem + "e"):
            return False  # an adjective: "god", "godt", "gode"
        bases = [stem]
        if stem[-1] not in VOWELS:
            bases.append(stem + stem[-1])  # "tilbud" → "tilbuddene", "job" → "jobbet"
        endings = NOUN_ENDINGS_AFTER_E if stem.endswith("e") else NOUN_ENDINGS
        return any(common(base + ending) for base in bases for ending in endings)

    def _is_definite(self, stem: str) -> bool:
        """ "borgeren", "miljøet", "kommunen": a listed word plus a definite ending."""
        common = self.lexicon.is_common_word
        for ending in DEFINITE_ENDINGS:
            base = stem[: -len(ending)]
            if stem.endswith(ending) and len(base) >= MIN_PART_LENGTH and common(base):
                return True
        for ending in DEFINITE_ENDINGS_AFTER_E:
            base = stem[: -len(ending)]
            if stem.endswith(ending) and base.endswith("e") and common(base):
                return True
        return False
