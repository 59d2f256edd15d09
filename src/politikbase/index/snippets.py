"""Snippets: a passage with the words that matched a query marked.

A word is marked when any of its index terms (its stem, or the stem of one of its
compound parts) is a term of the query, so "politik for handicappede" marks
"[[Handicappolitikken]]". A passage longer than a snippet is cut to the window that
holds the most marked words, at word boundaries, with "…" where text is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from functools import lru_cache

from politikbase.danish.analyzer import WORD, DanishAnalyzer, Token
from politikbase.index.models import HIGHLIGHT_END, HIGHLIGHT_START

SNIPPET_CHARS = 360
LEADING_CONTEXT_CHARS = 60  # shown before the first marked word of a cut window
ELLIPSIS = "…"


def make_snippet(
    passage: str,
    query_terms: Set[str],
    analyzer: DanishAnalyzer,
    max_chars: int = SNIPPET_CHARS,
    memo: dict[str, bool] | None = None,
) -> str:
    """The passage (or its best window) with matching words marked.

    Only words that hold a query term somewhere are analysed: a term is a stem, of
    the word or of one of its parts, and a stem is the start of the word it comes
    from. `memo` remembers, across the snippets of one search, which words match.
    """
    memo = {} if memo is None else memo
    candidates = _candidate_words(frozenset(query_terms))
    matched: list[Token] = []
    if candidates is not None:
        for found in _words_holding(candidates, passage):
            word = found.group()
            lowered = word.lower()
            matches = memo.get(lowered)
            if matches is None:
                matches = memo[lowered] = any(
                    term in query_terms for term in analyzer.analyze_word(lowered).all_terms()
                )
            if matches:
                matched.append(Token(word, found.start(), found.end()))
    start, end = _window(passage, matched, max_chars)
    pieces: list[str] = [ELLIPSIS] if start > 0 else []
    cursor = start
    for token in matched:
        if token.start < start or token.end > end:
            continue
        pieces.append(passage[cursor : token.start])
        pieces.append(f"{HIGHLIGHT_START}{token.word}{HIGHLIGHT_END}")
        cursor = token.end
    pieces.append(passage[cursor:end])
    if end < len(passage):
        pieces.append(ELLIPSIS)
    return "".join(pieces)


# Indexed text is spelling-folded ("å" for "aa"); the words as written may not be.
_UNFOLDED = {"å": "(?:å|aa)", "æ": "(?:æ|ä)", "ø": "(?:ø|ö)"}


@lru_cache(maxsize=256)
def _candidate_words(terms: frozenset[str]) -> re.Pattern[str] | None:
    """The terms, in any case or spelling, wherever they stand in a word."""
    if not terms:
        return None
    alternatives = sorted(
        ("".join(_UNFOLDED.get(char, re.escape(char)) for char in term) for term in terms),
        key=len, reverse=True,
    )
    return re.compile(f"(?:{'|'.join(alternatives)})", re.IGNORECASE)


def _words_holding(terms: re.Pattern[str], passage: str) -> Iterator[re.Match[str]]:
    """Each whole word of the passage that holds one of the terms, once."""
    done = -1
    for found in terms.finditer(passage):
        if found.start() < done:
            continue
        start = found.start()
        while start > 0 and _is_word_char(passage, start - 1):
            start -= 1
        word = WORD.match(passage, start)
        if word is not None:
            done = word.end()
            yield word


def strip_markup(snippet: str) -> str:
    """The snippet's text without highlight markers and ellipses."""
    return (
        snippet.replace(HIGHLIGHT_START, "")
        .replace(HIGHLIGHT_END, "")
        .removeprefix(ELLIPSIS)
        .removesuffix(ELLIPSIS)
    )


def _window(passage: str, matched: list[Token], max_chars: int) -> tuple[int, int]:
    """Start and end of the snippet window, on word boundaries."""
    if len(passage) <= max_chars:
        return 0, len(passage)
    anchor = 0
    if matched:
        # Two pointers: the marked word that starts the window holding the most others.
        best_count, last = 0, 0
        for first, token in enumerate(matched):
            last = max(last, first)
            while last + 1 < len(matched) and matched[last + 1].end - token.start <= max_chars:
                last += 1
            if last - first + 1 > best_count:
                best_count, anchor = last - first + 1, token.start
        anchor = max(0, anchor - LEADING_CONTEXT_CHARS)
    start = _word_start_at_or_after(passage, anchor) if anchor else 0
    if start + max_chars >= len(passage):
        return start, len(passage)
    return start, _word_end_at_or_before(passage, start + max_chars, start)


def _word_start_at_or_after(passage: str, offset: int) -> int:
    if offset > 0 and _is_word_char(passage, offset - 1):  # inside a word: the next one
        following = _NOT_WORD.search(passage, offset)
        offset = following.end() if following else len(passage)
    found = WORD.search(passage, offset)
    return found.start() if found else offset


def _word_end_at_or_before(passage: str, offset: int, floor: int) -> int:
    """The end of the last word that ends at or before `offset` (and after `floor`)."""
    end = offset
    while end > floor and _is_word_char(passage, end) and _is_word_char(passage, end - 1):
        end -= 1  # a word runs across the offset: back to its start
    while end > floor and not _is_word_char(passage, end - 1):
        end -= 1
    return end if end > floor else offset


_NOT_WORD = re.compile(r"[\W_]")


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and (text[index].isalnum() and text[index] != "_")
