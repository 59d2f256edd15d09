from __future__ import annotations

from politikbase.danish.inflection import participle_base
from politikbase.danish.lexicon import default_lexicon


def test_participle_finds_listed_base_word() -> None:
    lexicon = default_lexicon()
    assert participle_base("handicappede", lexicon.is_simple_word) == "handicap"
    assert participle_base("handicappedes", lexicon.is_simple_word) == "handicap"


def test_adjectives_in_ed_and_other_words_are_left_alone() -> None:
    lexicon = default_lexicon()
    assert participle_base("fremmede", lexicon.is_simple_word) is None
    assert participle_base("politik", lexicon.is_simple_word) is None
    assert participle_base("rede", lexicon.is_simple_word) is None


def test_base_must_be_listed() -> None:
    assert participle_base("handicappede", lambda word: False) is None
