"""The Danish word knowledge the repair decides with: lexicon and word scores."""

from __future__ import annotations

import re

import pytest

from politikbase.danish.lexicon import Lexicon, default_lexicon
from politikbase.repair import clear_caches, repair_text
from politikbase.repair.word_scores import MADE_NON_WORD_LOG_PROB, WordScorer


@pytest.fixture(scope="module")
def scorer() -> WordScorer:
    return WordScorer(default_lexicon())


def test_lexicon_knows_words_names_and_compounds() -> None:
    lexicon = default_lexicon()
    assert lexicon.is_word("vigtigt") and lexicon.is_word("sundhedspolitikken")
    assert lexicon.is_common_word("klima") and not lexicon.is_common_word("taarbæk")
    assert lexicon.is_proper_noun("Glostrup") and not lexicon.is_proper_noun("klima")
    assert lexicon.split_compound("sundhedspolitikken") == ("sundheds", "politikken")
    # A function word is never the last part of a compound.
    assert lexicon.split_compound("forholdtil") is None
    assert lexicon.compound_stem("sundheds") == "sundhed"
    assert lexicon.compound_stem("sundhedss") is None


def test_lexicon_prefixes_cover_words_and_compounds() -> None:
    lexicon = default_lexicon()
    assert lexicon.has_prefix("vigti")
    assert lexicon.has_prefix("sundhedspoliti")
    assert lexicon.has_prefix("sundhedskoordinationsudv")  # three parts
    assert not lexicon.has_prefix("vigtq")
    assert not lexicon.has_prefix("x" * 10_000)


def test_lexicon_frequencies_match_wordfreq() -> None:
    import wordfreq

    lexicon = default_lexicon()
    for word in ("til", "politikken", "vigtigt", "ottawa", "2015", "WHO's"):
        assert lexicon.frequency(word) == wordfreq.zipf_frequency(word.lower(), "da")


def test_a_lexicon_from_a_word_set_still_works() -> None:
    lexicon = Lexicon({"sundhed", "politik", "til"})
    assert lexicon.is_word("sundhedspolitik")
    assert lexicon.is_common_word("sundhed")
    assert lexicon.has_prefix("sundhedspol")


def test_noun_compounds_beat_word_pairs_other_compounds_do_not(scorer: WordScorer) -> None:
    def pair(first: str, second: str) -> float:
        return scorer.score(first, as_written=True) + scorer.score(second, as_written=True)

    assert scorer.score("klimatiltag") > pair("klima", "tiltag")
    assert scorer.score("sundhedstilbud") > pair("sundheds", "tilbud")
    assert scorer.score("materielleting") < pair("materielle", "ting")
    assert scorer.score("godtilgang") < pair("god", "tilgang")
    assert scorer.score("borgerentidligt") < pair("borgeren", "tidligt")
    assert scorer.score("medtiltag") == MADE_NON_WORD_LOG_PROB


def test_words_as_written_and_words_made_by_a_repair(scorer: WordScorer) -> None:
    # An unknown capitalised word in the text is likely a name; made by a repair,
    # it is no word at all.
    assert scorer.score("Taarbæks", as_written=True) > scorer.score("Taarbæks")
    assert scorer.score("velfærdsudgiftertil") == MADE_NON_WORD_LOG_PROB
    # Single letters other than Danish words of one letter are fragments.
    assert scorer.score("i") > scorer.score("l", as_written=True)
    # Passives the word list leaves out.
    assert scorer.score("omfattes") > MADE_NON_WORD_LOG_PROB


def _starts_word_or_compound(words: list[str], lexicon: Lexicon, text: str, depth: int) -> bool:
    """`has_prefix` spelled out: every cut of the text tried, every word scanned."""
    if any(word.startswith(text) for word in words):
        return True
    return depth < 2 and any(
        lexicon.compound_stem(text[:cut]) is not None
        and _starts_word_or_compound(words, lexicon, text[cut:], depth + 1)
        for cut in range(3, len(text))
    )


def test_word_starts_agree_with_a_scan_of_every_cut(seeds: dict[str, str]) -> None:
    # Words of a real damaged text, and strings a repair tries: word starts, words
    # run together with and without linking letters, lost glyphs put back anywhere.
    text_words = sorted({word.lower() for word in re.findall(r"[^\W\d_]+", seeds["002"])})
    lexicon = Lexicon(set(text_words))
    tried = set()
    for index, word in enumerate(text_words):
        following = text_words[(index * 7 + 3) % len(text_words)]
        tried.update(word[:cut] for cut in range(1, len(word) + 1))
        for link in ("", "s", "e"):
            tried.add(word + link + following[: 2 + index % 6])
        for glyph in ("ti", "tt", "fl"):
            tried.add(word[: len(word) // 2] + glyph + following[:4])
    for candidate in sorted(tried)[::3]:
        expected = _starts_word_or_compound(text_words, lexicon, candidate, 0)
        assert lexicon.has_prefix(candidate) is expected, candidate


def test_repair_gives_the_same_text_on_cold_and_warm_caches(seeds: dict[str, str]) -> None:
    warm = repair_text(seeds["002"])
    clear_caches()
    cold = repair_text(seeds["002"])
    assert cold.text == warm.text and cold.changes == warm.changes
