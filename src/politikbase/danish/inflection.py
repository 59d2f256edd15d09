"""Base forms that the Danish Snowball stemmer misses.

Snowball's Danish stemmer removes "-e" but not the "-ed" before it, so the past
participle "handicappede" stems to "handicapped", not to "handicap" like the noun, and
"arbejdede" to "arbejded", not to "arbejd". A search for "politik for handicappede"
must still find "handicappolitik". `participle_base` recovers the base word from the
lexicon: strip the ending, undo the doubled consonant ("handicapp-" → "handicap"), or
restore the infinitive "-e" ("uddann-" → "uddanne"), and keep a candidate only when
the lexicon lists it. Adjectives in "-ed" ("fremmed" → "fremmede") are left alone.
"""

from __future__ import annotations

from collections.abc import Callable

# Participle and past-tense endings that Snowball leaves partly in place.
PARTICIPLE_ENDINGS = ("edes", "ede")
MIN_BASE_LENGTH = 4


def participle_base(word: str, is_word: Callable[[str], bool]) -> str | None:
    """The listed base word of a lowercase "-ede" form, or None."""
    for ending in PARTICIPLE_ENDINGS:
        if not word.endswith(ending):
            continue
        root = word[: -len(ending)]
        # "fremmede" is the adjective "fremmed" inflected, not a participle.
        if len(root) < MIN_BASE_LENGTH or is_word(root + "ed"):
            return None
        candidates = [root]
        if root[-1] == root[-2]:
            candidates.append(root[:-1])
        candidates.append(root + "e")
        for candidate in candidates:
            if len(candidate) >= MIN_BASE_LENGTH and is_word(candidate):
                return candidate
        return None
    return None
