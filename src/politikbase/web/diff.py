"""Word-level differences between two versions of a text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Words and runs of marks, each with the white space after it (kept so the result reads
# as the text did, but not compared, so re-wrapped lines are no change).
_TOKEN = re.compile(r"\s+|\w+\s*|[^\w\s]+\s*")


@dataclass(frozen=True, slots=True)
class DiffPart:
    kind: str  # "same" | "added" | "removed"
    text: str


@dataclass(frozen=True, slots=True)
class WordDiff:
    parts: list[DiffPart]
    words_added: int
    words_removed: int

    @property
    def identical(self) -> bool:
        return self.words_added == 0 and self.words_removed == 0


def _words(tokens: list[str]) -> int:
    return sum(1 for token in tokens if token[0].isalnum() or token[0] == "_")


def word_diff(old: str, new: str) -> WordDiff:
    """What changed from `old` to `new`, word by word; unchanged stretches are written as
    `new` has them."""
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = SequenceMatcher(
        None, [token.strip() for token in old_tokens], [token.strip() for token in new_tokens],
        autojunk=False,
    )
    parts: list[DiffPart] = []
    added = removed = 0

    def emit(kind: str, tokens: list[str]) -> None:
        if not tokens:
            return
        text = "".join(tokens)
        if parts and parts[-1].kind == kind:
            parts[-1] = DiffPart(kind, parts[-1].text + text)
        else:
            parts.append(DiffPart(kind, text))

    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation == "equal":
            emit("same", new_tokens[new_start:new_end])
            continue
        gone, came = old_tokens[old_start:old_end], new_tokens[new_start:new_end]
        removed += _words(gone)
        added += _words(came)
        emit("removed", gone)
        emit("added", came)
    return WordDiff(parts, added, removed)
