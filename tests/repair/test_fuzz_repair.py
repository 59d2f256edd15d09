"""Fuzzing the repair: any text is repaired without a crash, and clean text is left alone."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from politikbase.repair import repair_pages, repair_text

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Letters, digits, punctuation and the whitespace and ligature characters the repair
# works on, so the generator reaches its rules more often than plain random text would.
PIECES = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzæøåABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ0123456789")
    + list(" \n\n\t-­.,;:!?()§%»«\"'/") + ["ﬁ", "ﬂ", "\u00a0", "\u200b", "\ufffd", "- \n"]
)
ANY_TEXT = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=1200).map("".join))


@FUZZ
@given(text=ANY_TEXT)
def test_any_text_is_repaired_without_a_crash(text: str) -> None:
    result = repair_text(text)
    assert isinstance(result.text, str)
    for change in result.changes:
        assert 0 <= change.position <= max(len(text), len(result.text))


@FUZZ
@given(pages=st.lists(ANY_TEXT, max_size=5))
def test_any_pages_are_repaired_without_a_crash(pages: list[str]) -> None:
    assert isinstance(repair_pages(pages).text, str)


@pytest.fixture(scope="module")
def seed_words(seeds: dict[str, str]) -> list[str]:
    """Words of the real seed documents, each as it is written there."""
    words = {word for text in seeds.values() for word in re.findall(r"[a-zæøåA-ZÆØÅ]{2,}", text)}
    return sorted(words)


@FUZZ
@given(data=st.data())
def test_clean_text_of_real_words_is_left_as_it_is(
    seed_words: list[str], data: st.DataObject
) -> None:
    sentences = data.draw(
        st.lists(st.lists(st.sampled_from(seed_words), min_size=3, max_size=14), min_size=1,
                 max_size=8)
    )
    text = "\n\n".join(" ".join(words).capitalize() + "." for words in sentences)
    assert repair_text(text).text == text
