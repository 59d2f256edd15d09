"""The Danish phrases by which a policy relates itself to other policies.

* replaces: "Reglerne erstatter indkøbspolitikken", "afløser Rudersdal Kommunes
  psykiatri- og handicappolitik fra 2008", "træder i stedet for";
* based on: "tager udgangspunkt i", "med udgangspunkt i", "tager afsæt i", "med
  afsæt i", "bygger (videre) på", "er forankret i", "udspringer af", "er en
  udmøntning af", "udmønter";
* related to: "skal ses i sammenhæng med", "skal læses sammen med", "hænger
  sammen med", "spiller sammen med".

The policies named after such a phrase may continue in the next sentence when it
opens with "Eksempelvis", "Herunder", "Fx" or "Bl.a." (a list of examples).
"""

from __future__ import annotations

import re

from politikbase.danish.cue_search import WordRuns

REPLACES, BASED_ON, RELATED_TO = "replaces", "based_on", "related_to"

_CUES: dict[str, str] = {
    REPLACES: (
        r"erstatter|erstattede|afløser|afløste|træder\s+i\s+stedet\s+for"
        r"|trådte\s+i\s+stedet\s+for"
    ),
    BASED_ON: (
        r"(?:tager|tog)\s+(?:sit\s+|sin\s+|deres\s+)?(?:udgangspunkt(?:et)?|afsæt(?:tet)?)\s+i"
        r"|med\s+(?:udgangspunkt|afsæt)\s+i|bygger\s+(?:videre\s+)?på|er\s+forankret\s+i"
        r"|udspringer\s+af|er\s+en\s+udmøntning\s+af|udmønter"
    ),
    RELATED_TO: (
        r"(?:ses|læses)\s+i\s+(?:tæt\s+)?sammenhæng\s+med|(?:ses|læses)\s+sammen\s+med"
        r"|hænger\s+sammen\s+med|spiller\s+sammen\s+med"
    ),
}
# No look-behind in front: a pattern that opens with words is found by a fast scan
# for their letters; `cue_starts_word` checks the word boundary instead.
RELATION_CUE = re.compile(
    r"(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _CUES.items()) + r")(?![\w])"
)
# Every cue holds one of these words and is written in letters and spaces only, so
# the cue pattern needs to run only in the stretches of text that hold one of them.
_CUE_WORDS = (
    "erstat", "afløs", "stedet", "udgangspunkt", "afsæt", "bygger", "forankret",
    "udspringer", "udmønt", "sammen",
)
_CUE_RUNS = WordRuns(RELATION_CUE, _CUE_WORDS, r"a-zæøå\s")
# A sentence that goes on listing examples of what the sentence before named.
EXAMPLES_OPENER = re.compile(
    r"\s*(?:eksempelvis|herunder|fx|f\.eks\.|bl\.a\.|blandt\s+andet|for\s+eksempel)\b[\s:,]*",
    re.IGNORECASE,
)
# Inside an object: "forskellige politikker, herunder Sundhedspolitikken".
EXAMPLES_INSIDE = re.compile(
    r"(?<![\w])(?:herunder|eksempelvis|fx|f\.eks\.|bl\.a\.|blandt\s+andet|især|navnlig)(?![\w])"
)


def relation_cues(lowered: str) -> list[re.Match[str]]:
    """Every match of `RELATION_CUE` in the lower-cased text, in order."""
    return _CUE_RUNS.finditer(lowered)


def cue_starts_word(text: str, match: re.Match[str]) -> bool:
    """True when a cue match starts a word (it is not the tail of a longer word)."""
    return match.start() == 0 or not text[match.start() - 1].isalnum()


def relation_of(match: re.Match[str]) -> str:
    """Which relation a cue match states."""
    return next(kind for kind in _CUES if match.group(kind) is not None)
