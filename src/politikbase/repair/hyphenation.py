"""Words hyphenated across a line break: join them, unless the hyphen is real.

"sundhedsom-" + "rådet" is one word broken by the layout. But a line may also end
in a hyphen that belongs to the text: a suspended compound ("Børne-" + "og
ungepolitik"), a hyphenated name or abbreviation ("Lyngby-" + "Taarbæk", "CO2-" +
"udledning", "EU-" + "borgere"), a range ("2015-" + "2018"), or a compound whose
parts do not close into one word ("it-" + "systemer"). Danish writes compounds
closed, so two words that do close into one ("sundheds-" + "fremme") are joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from politikbase.danish.hyphenation import COORDINATING_WORDS
from politikbase.danish.lexicon import Lexicon

_FIRST_WORD = re.compile(r"\w+")
# Below this a part is too short to be told from a fragment.
MIN_PART = 2


@dataclass(frozen=True, slots=True)
class HyphenJoin:
    """How the two lines meet: drop the hyphen or keep it, with a space or not."""

    keep_hyphen: bool
    separator: str


JOIN = HyphenJoin(keep_hyphen=False, separator="")
KEEP = HyphenJoin(keep_hyphen=True, separator="")
SUSPENDED = HyphenJoin(keep_hyphen=True, separator=" ")


def hyphenated_head(line: str) -> str | None:
    """The word part before a hyphen that ends the line ("sundhedsom-" → "sundhedsom").

    Read backwards from the end: a regular expression searched from the start
    would try every position of every line.
    """
    end = len(line) - 1
    if end < 1 or line[end] != "-":
        return None
    start = end
    while start > 0 and line[start - 1].isalnum():
        start -= 1
    return line[start:end] if start < end else None


def decide(head: str, next_line: str, lexicon: Lexicon) -> HyphenJoin | None:
    """How "<head>-" at a line's end meets the next line; None when it is no word break."""
    first = _FIRST_WORD.match(next_line)
    if first is None:
        return None
    tail = first.group()
    if tail.lower() in COORDINATING_WORDS and not lexicon.is_simple_word(head + tail):
        return SUSPENDED
    if tail.isdigit() or head.isdigit():
        # "2015-" + "2018" is a range.
        return KEEP
    if tail[:1].isupper() or (len(head) > 1 and head.isupper()):
        return KEEP
    joined = head + tail
    if lexicon.is_word(joined):
        return JOIN
    if (
        len(head) >= MIN_PART
        and len(tail) >= MIN_PART
        and lexicon.is_simple_word(head)
        and lexicon.is_simple_word(tail)
    ):
        return KEEP
    return JOIN
