from __future__ import annotations

from itertools import pairwise

import pytest

from politikbase.index.passages import (
    MAX_PASSAGE_CHARS,
    MIN_PASSAGE_CHARS,
    page_of,
    split_passages,
)


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_passages_of_real_text_are_exact_and_sized(seeds: dict[str, str], seed: str) -> None:
    text = seeds[seed]
    passages = split_passages(text)
    assert len(passages) > 5
    previous_end = 0
    for passage in passages:
        chunk = text[passage.start : passage.end]
        assert chunk == chunk.strip() and chunk
        assert len(chunk) <= MAX_PASSAGE_CHARS
        assert passage.start >= previous_end
        assert not text[previous_end : passage.start].strip()  # nothing left out
        previous_end = passage.end
    assert not text[previous_end:].strip()
    long_enough = [p for p in passages[:-1] if p.end - p.start >= MIN_PASSAGE_CHARS]
    assert len(long_enough) >= 0.8 * (len(passages) - 1)


def test_paragraph_breaks_are_preferred(seeds: dict[str, str]) -> None:
    text = seeds["002"]
    passages = split_passages(text)
    gaps = [text[a.end : b.start] for a, b in pairwise(passages)]
    at_paragraph_break = [gap for gap in gaps if gap.count("\n") >= 2]
    assert len(at_paragraph_break) >= 0.6 * len(gaps)


def test_passages_keep_to_pages(seeds: dict[str, str]) -> None:
    text = seeds["003"]
    page_starts = list(range(0, len(text), 2500))
    passages = split_passages(text, page_starts)
    for passage in passages:
        assert passage.page == page_of(passage.start, page_starts)
        page_end = page_starts[passage.page] if passage.page < len(page_starts) else len(text)
        assert passage.end <= page_end


def test_overlong_line_is_cut_after_sentences() -> None:
    sentence = "Kommunen arbejder for et godt og trygt liv for alle borgere i byen. "
    text = sentence * 60
    passages = split_passages(text)
    assert len(passages) > 1
    for passage in passages:
        assert text[passage.end - 1] == "."
        assert passage.end - passage.start <= MAX_PASSAGE_CHARS


def test_text_without_words_still_has_a_passage() -> None:
    assert [(p.start, p.end) for p in split_passages("")] == [(0, 0)]
    assert [(p.start, p.end) for p in split_passages("  \n\n ")] == [(0, 0)]


def test_page_of() -> None:
    assert page_of(0, [0, 100, 250]) == 1
    assert page_of(120, [0, 100, 250]) == 2
    assert page_of(999, [0, 100, 250]) == 3
    assert page_of(5, []) is None
