from __future__ import annotations

from politikbase.danish.stopwords import DANISH_STOP_WORDS, SNOWBALL_DANISH, is_stop_word


def test_snowball_list_is_complete_and_lowercase() -> None:
    assert len(SNOWBALL_DANISH) == 94
    assert all(word == word.lower() for word in DANISH_STOP_WORDS)


def test_function_words_and_interrogatives_are_stop_words() -> None:
    for word in ("og", "For", "på", "hvornår", "Hvordan", "hvilke"):
        assert is_stop_word(word)


def test_policy_words_are_not_stop_words() -> None:
    for word in ("politik", "strategi", "kommune", "handicap", "børn", "unge"):
        assert not is_stop_word(word)
