"""Snippets: a passage with the words that matched a query marked.

A word is marked when any of its index terms (its stem, or the stem of one of its
compound parts) is a term of the query, so "politik for handicappede" marks
"[[Handicappolitikken]]". A passage longer than a snippet is cut to the window that
holds the most marked words, at word boundaries, with "…" where text is left out.
"""

from __future__ import annotations

from collections.abc import Set

from politikbase.danish.analyzer import DanishAnalyzer, Token
from politikbase.index.models import HIGHLIGHT_END, HIGHLIGHT_START

SNIPPET_CHARS = 360
LEADING_CONTEXT_CHARS = 60  # shown before the first marked word of a cut window
ELLIPSIS = "…"


def make_snippet(
    passage: str,
    query_terms: Set[str],
    analyzer: DanishAnalyzer,
    max_chars: int = SNIPPET_CHARS,
) -> str:
    """The passage (or its best window) with matching words marked."""
    tokens = list(analyzer.tokens(passage))
    matched = [token for token in tokens if _matches(token, query_terms, analyzer)]
    start, end = _window(passage, tokens, matched, max_chars)
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


def strip_markup(snippet: str) -> str:
    """The snippet's text without highlight markers and ellipses."""
    return (
        snippet.replace(HIGHLIGHT_START, "")
        .replace(HIGHLIGHT_END, "")
        .removeprefix(ELLIPSIS)
        .removesuffix(ELLIPSIS)
    )


def _matches(token: Token, query_terms: Set[str], analyzer: DanishAnalyzer) -> bool:
    analysis = analyzer.analyze_word(token.word.lower())
    return any(term in query_terms for term in analysis.all_terms())


def _window(
    passage: str, tokens: list[Token], matched: list[Token], max_chars: int
) -> tuple[int, int]:
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
    start = _word_start_at_or_after(tokens, anchor) if anchor else 0
    if start + max_chars >= len(passage):
        return start, len(passage)
    return start, _word_end_at_or_before(tokens, start + max_chars, start)


def _word_start_at_or_after(tokens: list[Token], offset: int) -> int:
    for token in tokens:
        if token.start >= offset:
            return token.start
    return offset


def _word_end_at_or_before(tokens: list[Token], offset: int, floor: int) -> int:
    end = floor
    for token in tokens:
        if token.end > offset:
            break
        end = token.end
    return end if end > floor else offset
