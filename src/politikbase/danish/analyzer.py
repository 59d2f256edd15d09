"""The Danish search analyzer: the same analysis for indexed text and for queries.

Two layers, so that the bulk of the work runs in tantivy's Rust code:

* the token pipeline, run by tantivy on titles and passages: words (letters and
  digits), lowercase, Danish stop words, Snowball's Danish stemmer. It keeps æ, ø and
  å (folding them to a, o, a would merge "for" and "før"); `fold_spelling` maps the
  old "aa" spelling to "å" ("Aabenraa" = "Åbenrå") and the Swedish/German ä, ö to æ, ø
  before text reaches it;
* expansions, computed here per distinct word (cached) and indexed in a field of their
  own: the parts of compounds and the runs of adjacent parts ("handicappolitikken" →
  handicap, politikken), the base of participles the stemmer misses ("handicappede" →
  handicap), and the compounds that truncated words stand for ("børne- og
  ungepolitik" → børnepolitik). The whole compound stays in the main field, so an
  exact match outranks a match on parts.

A query word is analysed the same way (`analyze_word`), so "politik for handicappede"
meets "Handicappolitik" on the parts handicap and politik.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import tantivy

from politikbase.danish.compounds import CompoundSplitter
from politikbase.danish.inflection import participle_base
from politikbase.danish.lexicon import Lexicon, default_lexicon
from politikbase.danish.stopwords import DANISH_STOP_WORDS

TOKENIZER_NAME = "danish"
# Longer "words" are tables, URLs or glued-together junk, never search terms.
MAX_TOKEN_LENGTH = 60
# Words shorter than this are neither compounds (two parts of three letters) nor
# participles with a recoverable base.
MIN_EXPANDABLE_LENGTH = 6
WORD_CACHE_SIZE = 1 << 18

# The words tantivy's simple tokenizer produces: runs of letters and digits.
WORD = re.compile(r"[^\W_]+")
# Only whole runs match: a shorter run fails at every start, a longer one matches whole.
EXPANDABLE_WORD = re.compile(rf"[^\W_]{{{MIN_EXPANDABLE_LENGTH},}}")

_SPELLING_FOLDS = (
    ("aa", "å"),
    ("Aa", "Å"),
    ("AA", "Å"),
    ("aA", "å"),
    ("ä", "æ"),
    ("Ä", "Æ"),
    ("ö", "ø"),
    ("Ö", "Ø"),
)


def fold_spelling(text: str) -> str:
    """Text in one spelling: composed characters, "å" for the old "aa", "æ"/"ø" for ä/ö.

    Offsets change ("aa" is two characters, "å" one), so folded text is only indexed,
    never shown: passages keep their original text for snippets.
    """
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    for old, new in _SPELLING_FOLDS:
        if old in text:
            text = text.replace(old, new)
    return text


def build_token_pipeline() -> tantivy.TextAnalyzer:
    """tantivy's analyzer for Danish text (register it under `TOKENIZER_NAME`)."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_LENGTH))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.custom_stopword(sorted(DANISH_STOP_WORDS)))
        .filter(tantivy.Filter.stemmer("danish"))
        .build()
    )


def _build_stemmer() -> tantivy.TextAnalyzer:
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw())
        .filter(tantivy.Filter.stemmer("danish"))
        .build()
    )


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text and where it is: `text[start:end] == word`."""

    word: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class WordAnalysis:
    """The index terms of one word.

    `term` is the stem of the whole word (None for a stop word); `expansion_terms` are
    the stems of its parts, part runs and base form; `modifier` and `head` are the
    stems of a compound's two halves ("informationssikkerhed", "politik"); `base` is
    the stem of a participle's base word ("handicappede" → "handicap").
    """

    term: str | None
    expansion_terms: tuple[str, ...] = ()
    modifier: str | None = None
    head: str | None = None
    base: str | None = None

    @property
    def is_compound(self) -> bool:
        return self.modifier is not None and self.head is not None

    def all_terms(self) -> tuple[str, ...]:
        return ((self.term,) if self.term else ()) + self.expansion_terms


class DanishAnalyzer:
    """Analyses Danish text for the index and for queries, with per-word caches."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon if lexicon is not None else default_lexicon()
        self._pipeline = build_token_pipeline()
        self._stemmer = _build_stemmer()
        self.splitter = CompoundSplitter(self._lexicon, self._stem_raw)
        self.surface_expansions = lru_cache(maxsize=WORD_CACHE_SIZE)(self._surface_expansions)
        self._chunk_text = lru_cache(maxsize=WORD_CACHE_SIZE)(self._expansion_text_of_chunk)
        self.stem = lru_cache(maxsize=WORD_CACHE_SIZE)(self._stem)
        self.analyze_word = lru_cache(maxsize=WORD_CACHE_SIZE)(self._analyze_word)

    # -- the token pipeline ------------------------------------------------------------

    @staticmethod
    def token_pipeline() -> tantivy.TextAnalyzer:
        return build_token_pipeline()

    @staticmethod
    def prepare(text: str) -> str:
        """Text as the token pipeline should see it."""
        return fold_spelling(text)

    def _stem_raw(self, word: str) -> str:
        stems = self._stemmer.analyze(word)
        return stems[0] if stems else word

    def _stem(self, word: str) -> str | None:
        """The index term of one word, or None for a stop word (or no word at all)."""
        terms = self._pipeline.analyze(fold_spelling(word))
        return terms[0] if len(terms) == 1 else None

    # -- expansions --------------------------------------------------------------------

    def _lexicon_form(self, word: str) -> str:
        """The word in the lexicon's modern spelling where the old "aa" hides it."""
        if "aa" in word and not self._lexicon.is_simple_word(word):
            return word.replace("aa", "å")
        return word

    def _surface_expansions(self, word: str) -> tuple[str, ...]:
        """Words that stand for parts of a lowercase word (empty for most words)."""
        if len(word) < MIN_EXPANDABLE_LENGTH or word in DANISH_STOP_WORDS:
            return ()
        form = self._lexicon_form(word)
        compound = self.splitter.split(form)
        expansions = list(compound.subwords()) if compound else []
        base = participle_base(form, self._lexicon.is_simple_word)
        if base is not None:
            expansions.append(base)
        return tuple(expansions)

    def base_word(self, word: str) -> str | None:
        """The listed base word of a participle the stemmer misses ("handicappede")."""
        return participle_base(self._lexicon_form(word.lower()), self._lexicon.is_simple_word)

    def _analyze_word(self, word: str) -> WordAnalysis:
        lowered = word.lower()
        term = self.stem(lowered)
        if term is None:
            return WordAnalysis(term=None)
        expansion_terms: list[str] = []
        for expansion in self.surface_expansions(lowered):
            stem = self.stem(expansion)
            if stem is not None and stem != term and stem not in expansion_terms:
                expansion_terms.append(stem)
        base_word = self.base_word(lowered)
        base = self.stem(base_word) if base_word else None
        compound = self.splitter.split(self._lexicon_form(lowered))
        modifier = self.stem(compound.modifier) if compound else None
        head = self.stem(compound.head) if compound else None
        return WordAnalysis(
            term=term,
            expansion_terms=tuple(expansion_terms),
            modifier=modifier if modifier and head else None,
            head=head if modifier and head else None,
            base=base if base != term else None,
        )

    def expansion_text(self, text: str) -> str:
        """The expansions of every word of a text, ready for the token pipeline.

        Indexed in a field beside the text itself; repeated words repeat their
        expansions, so term frequencies stay meaningful.
        """
        lowered = text.lower()
        # Whitespace-separated chunks are looked up whole (cached), so the common
        # case costs one cache hit per chunk; punctuation is dealt with on a miss.
        # Each chunk gives its expansions with a space after each, so the pieces
        # are simply concatenated; the last space goes unless truncations follow.
        expanded = "".join(map(self._chunk_text, lowered.split()))
        truncations = self.splitter.complete_truncations(lowered)
        if truncations:
            expanded += " ".join(truncations)
        else:
            expanded = expanded[:-1]
        return fold_spelling(expanded)

    def _expansion_text_of_chunk(self, chunk: str) -> str:
        """Expansions of the words in a lowercase chunk of non-space characters, each
        followed by a space ("" for most chunks)."""
        if len(chunk) < MIN_EXPANDABLE_LENGTH:
            return ""
        words = EXPANDABLE_WORD.findall(chunk)
        expansions = chain.from_iterable(map(self.surface_expansions, words))
        return "".join(expansion + " " for expansion in expansions)

    # -- whole texts -------------------------------------------------------------------

    @staticmethod
    def tokens(text: str) -> Iterator[Token]:
        """The words of a text with their exact offsets."""
        for match in WORD.finditer(text):
            yield Token(match.group(), match.start(), match.end())

    def word_terms(self, text: str) -> list[str]:
        """The stems of a text's words, as the title and body fields index them."""
        return self._pipeline.analyze(fold_spelling(text))  # type: ignore[no-any-return]

    def terms(self, text: str) -> list[str]:
        """Every index term of a text: word stems, then expansion stems (for inspection)."""
        main = self._pipeline.analyze(fold_spelling(text))
        extra = self._pipeline.analyze(self.expansion_text(text))
        return main + extra
