"""Comparison keys for the names of policies, so that different wordings of one name meet.

"Indkøbspolitikken", "indkøbspolitik" and "INDKØBSPOLITIK" give one key; so do
"UDKAST: Frederiksbergs Frivillighedsstrategi" and "Frederiksbergs
Frivillighedsstrategi April 2013" once the draft marker and the dates are gone.
Policy nouns are reduced to their base form by `danish.policy_words`, other
definite nouns by the lexicon, and old spellings folded ("aa" → "å").
"""

from __future__ import annotations

import re
from functools import lru_cache

from politikbase.danish.analyzer import fold_spelling
from politikbase.danish.lexicon import default_lexicon
from politikbase.danish.policy_words import find_policy_names, indefinite_noun

# Words that mark a version rather than name the policy ("UDKAST:", "3. udkast",
# "Forslag til", "Høringsversion", "Udkast nr. 2", "revideret").
_VERSION_WORDS = re.compile(
    r"\b(?:\d+\.\s*)?(?:udkast|forslag\s+til|forslag|høringsudkast|høringsversion|høringsforslag"
    r"|høring|revideret|revision|endelig|vedtaget|godkendt)\b(?:\s+nr\.?\s*\d+)?[:.\-–]?",
    re.IGNORECASE,
)
# Years, periods, dates and page numbers say which version, not which policy.
_NUMBERS = re.compile(r"\b\d[\d./-]*\b")
_MONTHS = re.compile(
    r"\b(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november"
    r"|december)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_STOP = frozenset({"for", "i", "og", "til", "af", "om", "den", "det", "de", "en", "et", "på"})


def policy_name_keys(name: str) -> set[str]:
    """Keys of the compound policy names in `name` ("Børne- og ungepolitik" for both forms)."""
    return {fold_spelling(found.key) for found in find_policy_names(name) if found.compound}


@lru_cache(maxsize=65536)
def _base_word(word: str) -> str:
    return indefinite_noun(word, default_lexicon().is_word)


def title_key(title: str) -> str:
    """A title without version markers and dates, each word in its base form."""
    cleaned = _MONTHS.sub(" ", _NUMBERS.sub(" ", _VERSION_WORDS.sub(" ", title)))
    words = [_base_word(word.lower()) for word in _WORD.findall(cleaned)]
    return fold_spelling(" ".join(word for word in words if word not in _STOP))


def name_keys(name: str) -> set[str]:
    """Every key a name can be matched on: its policy names and its whole-title key."""
    keys = policy_name_keys(name)
    whole = title_key(name)
    if whole:
        keys.add(whole)
    return keys
