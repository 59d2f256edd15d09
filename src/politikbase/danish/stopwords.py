"""Danish stop words for search.

The list is the Snowball project's Danish stop word list (the one Lucene, Elasticsearch
and tantivy ship), extended with the interrogative words that start Danish questions
("hvornår blev …", "hvordan får …"). Interrogatives are a closed class of function
words: left in, a rare one such as "hvornår" gets a high inverse document frequency and
lets any passage that happens to ask a question outrank the passages about the subject.
"""

from __future__ import annotations

_SNOWBALL_DANISH_TEXT = """
    og i jeg det at en den til er som på de med han af for ikke der var mig sig men et
    har om vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller
    hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter
    ned skulle denne end dette mit også under have dig anden hende mine alt meget sit
    sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer
    sådan
"""
SNOWBALL_DANISH = frozenset(_SNOWBALL_DANISH_TEXT.split())

_INTERROGATIVES_TEXT = "hvornår hvordan hvorfor hvorledes hvem hvis hvilken hvilket hvilke hvorhen"
INTERROGATIVES = frozenset(_INTERROGATIVES_TEXT.split())

DANISH_STOP_WORDS: frozenset[str] = SNOWBALL_DANISH | INTERROGATIVES


def is_stop_word(word: str) -> bool:
    """True for a Danish function word that search ignores (case-insensitive)."""
    return word.lower() in DANISH_STOP_WORDS
