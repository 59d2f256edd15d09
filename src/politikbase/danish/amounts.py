"""Money amounts as Danish documents write them, kept verbatim.

"4.188.000 kr.", "8,5 mia. kr.", "1,2 mio. kroner", "kr. 4.000", "DKK 1,5 mio.",
"500 millioner kroner", "en milliard kroner", "to mio. kr.", "100.000-200.000 kr.".
A number without a currency is no amount ("1,1-6 milliarder" may be people), and a
number word needs a scale ("en milliard kroner", never "en krone").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from politikbase.danish.cue_search import Cues, matches_around_cues

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_WORD = (
    r"(?:en|et|én|to|tre|fire|fem|seks|syv|otte|ni|ti|tolv|femten|tyve|tredive|fyrre|"
    r"halvtreds|tres|halvfjerds|firs|halvfems|hundrede|halvanden|en\s+halv|et\s+halvt)"
)
_SCALE = r"(?:mio\.|mia\.|mill\.|millioner|million|milliarder|milliard|tusinde?|t\.)"
_CURRENCY = r"(?:kr\.|kroner|kr(?![\w.])|dkk|danske\s+kroner|euro|€)"
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?:(?:{_NUMBER})(?:\s*[-–]\s*(?:{_NUMBER}))?(?:\s*{_SCALE})?"
    rf"|{_NUMBER_WORD}\s+{_SCALE})\s*{_CURRENCY}"
    rf"|(?<![\w.])(?:kr\.|dkk)\s*(?:{_NUMBER})(?:\s*{_SCALE})?(?![\w])"
)


class Amount(NamedTuple):
    text: str
    start: int
    end: int


# Every amount names its currency; the amount pattern runs only around these.
_CUE = Cues.words(("kr", "dkk", "euro", "€"))
_CUE_LOOKBACK = 50
_CUE_LOOKAHEAD = 40


def find_amounts(text: str, lowered: str) -> list[Amount]:
    """Every money amount in `text` (matched on its lower-cased copy `lowered`)."""
    return [
        Amount(text[match.start() : match.end()], *match.span())
        for match in matches_around_cues(_AMOUNT, _CUE, lowered, _CUE_LOOKBACK, _CUE_LOOKAHEAD)
    ]
