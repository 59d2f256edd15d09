"""Where one word space may hide a lost ligature glyph.

Some PDF text extractors (pypdfium2 among them) collapse the gap a lost glyph leaves
into one space, or into the word space next to it: "Kra igere" (Kraftigere), "genera
oner" (generationer), "sig l at" (til), "i vores d." (tid), "dri og" (drift). In such
text any word space may hide a glyph, so only the *suspect* ones become sites: a
space next to a piece that no word list holds ("oner", "kra"), next to a stray letter
("l", "d": no Danish word but "i", "å" and "ø" has one letter), or between two pieces
that a lost glyph joins into a common word ("Sam dig" → "Samtidig", "mål det" →
"måltidet"). Whether a suspect space really hid a glyph is decided later, with the
other sites of its chain.
"""

from __future__ import annotations

import re

from politikbase.danish.lexicon import ONE_LETTER_WORDS, Lexicon
from politikbase.danish.ligatures import LIGATURE_CHARACTERS, LOST_LIGATURES
from politikbase.repair.word_scores import WordScorer

# Lone letters after a word ("forpligter sig l at", "Handicappoli k 2020"): cheap
# to count, and frequent in Danish text with collapsed gaps, since "til" is among
# its most common words (about one in 400 characters). Elsewhere they are rare
# (a genitive after an abbreviation: "KL s"; a bullet); text with fewer is not read
# further. Letters spaced out ("B e s k æ f") follow no word.
_LONE_LETTER = re.compile(r" [a-hj-zæ](?=[ ,;:\n])")
MIN_LONE_LETTERS = 3
MAX_CHARACTERS_PER_LONE_LETTER = 1000
# A letter run, and a run that is an abbreviation before a number or a letter
# ("d. 14. august", "f.eks."), never a fragment.
_LETTERS = re.compile(r"[^\W\d_]+")
_ABBREVIATION_AFTER = re.compile(r"\.(?: ?\d|[^\W\d_])")
# Marks a letter run sticks to without being a word of its own ("FN's").
GLUED_BEFORE = frozenset("'’")
# Marks after which a word space may have swallowed the gap of a word's first glyph.
LEAD_MARKS = frozenset(",.;:!?)–")
# Joins into words at least this frequent (Zipf) make a space between two words
# suspect; rarer words are no evidence against two words that are right.
MIN_JOIN_ZIPF = 3.0
CACHE_LIMIT = 200_000
_GLYPHS = str.maketrans(LIGATURE_CHARACTERS)


def may_have_collapsed_gaps(text: str) -> bool:
    """Cheap test: can the text show collapsed gaps at all (is it worth reading)?"""
    lone = 0
    for match in _LONE_LETTER.finditer(text):
        position = match.start()
        lone += text[position - 2 : position].isalpha()
    return lone >= MIN_LONE_LETTERS and lone * MAX_CHARACTERS_PER_LONE_LETTER >= len(text)


class SuspectSpaces:
    """Finds suspect single spaces with one scorer; remembers what it learnt of pieces."""

    def __init__(self, scorer: WordScorer) -> None:
        self.scorer = scorer
        self.lexicon = scorer.lexicon
        self._suspect_pieces: dict[str, bool] = {}
        self._joins = _glyph_splits(scorer.lexicon)

    def find(self, text: str) -> list[int]:
        """Offsets of the suspect single spaces of `text`, in order."""
        suspects: list[int] = []
        known = self._suspect_pieces
        joins = self._joins
        previous_end = -2
        previous = ""
        previous_suspect = previous_glued = False
        for match in _LETTERS.finditer(text):
            start, end = match.span()
            piece = match.group()
            before = text[start - 1] if start else ""
            # "FN's", "CO2e": the end of a word, not a piece a glyph left.
            glued = before in GLUED_BEFORE or before.isdigit()
            if piece == "s" and len(previous) > 1 and previous.isupper() and before == " ":
                glued = True  # "KL s Innovationsdag": the genitive of an abbreviation
            if glued:
                suspect = False
            elif len(piece) == 1:
                suspect = self._stray_letter(piece, text, end)
            else:
                suspect = known.get(piece)
                if suspect is None:
                    suspect = self._piece_is_suspect(piece)
            if before == " ":
                if start == previous_end + 1:
                    if not previous_glued and (
                        suspect
                        or previous_suspect
                        or (previous.lower() + " " + piece.lower()) in joins
                    ):
                        suspects.append(start - 1)
                elif suspect and text[start - 2 : start - 1] in LEAD_MARKS:
                    # ", lbydes": the word space and the gap of a first glyph are one.
                    suspects.append(start - 1)
            previous_end, previous = end, piece
            previous_suspect, previous_glued = suspect, glued
        return suspects

    @staticmethod
    def _stray_letter(piece: str, text: str, end: int) -> bool:
        # "d. 14. august", "f.eks.": an abbreviation, not what a glyph left.
        return (
            piece not in ONE_LETTER_WORDS
            and piece.islower()
            and _ABBREVIATION_AFTER.match(text, end) is None
        )

    def _piece_is_suspect(self, piece: str) -> bool:
        suspect = not self.scorer.is_spelled_word(piece.translate(_GLYPHS))
        if len(self._suspect_pieces) >= CACHE_LIMIT:
            self._suspect_pieces.clear()
        self._suspect_pieces[piece] = suspect
        return suspect


_SPLITS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _glyph_splits(lexicon: Lexicon) -> frozenset[str]:
    """ "sam dig", "mål det": the two pieces (joined by a space) that a common word
    leaves when a glyph inside it is lost. Built once per lexicon."""
    known = _SPLITS.get(id(lexicon))
    if known is not None and known[0] is lexicon:
        return known[1]
    splits: set[str] = set()
    for word in lexicon.frequent_common_words(MIN_JOIN_ZIPF):
        for glyph in LOST_LIGATURES:
            index = word.find(glyph, 1)
            while index > 0:
                if index + len(glyph) < len(word):
                    splits.add(word[:index] + " " + word[index + len(glyph) :])
                index = word.find(glyph, index + 1)
    frozen = frozenset(splits)
    _SPLITS[id(lexicon)] = (lexicon, frozen)
    return frozen
