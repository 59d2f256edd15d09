"""How often a policy says it is revised, as the phrase it says it in.

Intervals: "hvert fjerde år", "hvert 4. år", "hvert andet år", "hvert år", "årligt",
"én gang om året", "hvert halve år"; election periods: "ved hver valgperiode",
"i hver byrådsperiode", "ved starten af hver ny valgperiode", "efter hvert
kommunalvalg"; deadlines within a period: "inden for den første halvdel af den
kommunale valgperiode"; a year: "revideres i 2024", "skal revideres senest i 2025"
(kept with its verb, the year alone says nothing). A deadline says what must
happen by then, so its phrase keeps the modal clause before it ("skal være
offentliggjort som forslag inden for …"); an interval is kept alone ("hvert
fjerde år").

A phrase is a revision rule only in a sentence about revising the policy
("revideres", "redigeres", "tages op til revision", …) or about adopting or
reviewing a policy it names ("Informationssikkerhedspolitikken vedtages … hvert
fjerde år"); "Der følges årligt op" is a follow-up and "Der udarbejdes hvert år en
status" a report, not a revision.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from politikbase.danish.cue_search import Cues, matches_around_cues
from politikbase.danish.policy_words import find_policy_names

_ORDINAL = r"(?:andet|tredje|fjerde|femte|sjette|ottende|tiende|\d{1,2}\.)"
_PERIOD_NOUN = r"(?:(?:kommunale\s+)?(?:valg|byråds|regionsråds)?periode(?:n)?|kommunalvalg|valg)"
_INTERVAL = (
    rf"hvert\s+{_ORDINAL}\s+år|hvert\s+(?:halve\s+)?år|hver\s+{_ORDINAL}\s+måned"
    r"|(?:(?:én|en)\s+gang\s+)?(?:års|halvårs)?(?<![\w])årligt"
    r"|halvårligt|(?:én|en)\s+gang\s+(?:om|pr\.?|hvert)\s+år(?:et)?"
    rf"|(?:ved|i|efter|for)\s+(?:starten\s+af\s+|begyndelsen\s+af\s+|udgangen\s+af\s+)?"
    rf"(?:hver|hvert)\s+(?:ny(?:e)?\s+)?(?:kommunal)?{_PERIOD_NOUN}"
)
_DEADLINE = (
    r"inden\s+(?:for|udgangen\s+af)\s+(?:den\s+|det\s+)?(?:første|anden|sidste)\s+"
    r"(?:halvdel|halvår|år)\s+af\s+(?:den\s+|hver\s+)?(?:nye\s+)?(?:kommunale\s+)?"
    r"(?:valgperiode|byrådsperiode|regionsrådsperiode|periode)(?:n)?"
)
# "skal være offentliggjort som forslag", "skal vedtages", "skal være revideret"
_MODAL_BEFORE = re.compile(
    r"skal\s+(?:være\s+|have\s+været\s+)?[^\W\d_]+(?:\s+som\s+[^\W\d_]+)?\s+$"
)
# "revideres i 2024", "skal revideres senest i 2025", "tages op til revision i 2026"
_BY_YEAR = (
    r"(?:skal\s+(?:være\s+)?)?(?:revideres|revideret|evalueres|evalueret|opdateres|opdateret|"
    r"rulleres|fornyes|tages\s+op\s+til\s+(?:fornyet\s+)?(?:revision|behandling))\s+"
    r"(?:igen\s+)?(?:senest\s+)?(?:i|inden|ultimo|primo|medio|inden\s+udgangen\s+af)\s+"
    r"(?:år\s+)?(?:19|20)\d{2}"
)
_RULE = re.compile(
    rf"(?<![\w])(?:(?P<deadline>{_DEADLINE})|(?P<interval>{_INTERVAL})|(?P<by_year>{_BY_YEAR}))"
    r"(?![\w])"
)
# Verbs and nouns of revising a policy: enough on their own.
_REVISION_CONTEXT = re.compile(
    r"(?<![\w])(?:revider\w*|revision\w*|rediger\w*|rulle\w*|opdater\w*|forny\w*|"
    r"ajourføres|genbesøges|tages\s+op)(?![\w])"
)
# Verbs of (re)adopting or reviewing: a rule only where the sentence names a policy
# ("Informationssikkerhedspolitikken vedtages … hvert fjerde år"), not in "Der
# udarbejdes hvert år en status".
_ADOPTION_CONTEXT = re.compile(
    r"(?<![\w])(?:vedtages|godkendes|evalueres|justeres|udarbejdes|gennemgås|behandles|"
    r"offentliggjort|offentliggøres)(?![\w])"
)
_MODAL_WINDOW = 60
_CUE_WORDS = ("hver", "årligt", "inden", "revider", "evaluer", "opdater", "rulleres", "fornyes")
_CUE = Cues(*((word, None) for word in _CUE_WORDS), ("til", re.compile(r"til\s+revision")))
_CUE_LOOKBACK = 60
_CUE_LOOKAHEAD = 120


class RevisionPhrase(NamedTuple):
    text: str
    start: int
    end: int


def find_revision_phrase(text: str, lowered: str, start: int, end: int) -> RevisionPhrase | None:
    """The revision rule stated in the sentence `text[start:end]`, or None.

    `lowered` is the text in lower case with offsets kept.
    """
    if _REVISION_CONTEXT.search(lowered, start, end) is None and (
        _ADOPTION_CONTEXT.search(lowered, start, end) is None
        or not find_policy_names(text, start, end)
    ):
        return None
    match = _RULE.search(lowered, start, end)
    if match is None:
        return None
    phrase_start = match.start()
    if match.group("deadline") is not None:
        window_start = max(start, phrase_start - _MODAL_WINDOW)
        modal = _MODAL_BEFORE.search(lowered, window_start, phrase_start)
        if modal is not None:
            phrase_start = modal.start()
    return RevisionPhrase(text[phrase_start : match.end()], phrase_start, match.end())


# The words that say the policy itself is revised. "Opdateres hvert år" may be said of
# the figures in a plan, so a rule in a sentence with one of these comes first.
_REVISING_THE_POLICY = re.compile(r"(?<![\w])(?:revider\w*|revision\w*)(?![\w])")


def speaks_of_revision(lowered: str, start: int, end: int) -> bool:
    """True when the sentence `lowered[start:end]` speaks of revising (not updating)."""
    return _REVISING_THE_POLICY.search(lowered, start, end) is not None


def revision_cues(lowered: str) -> list[int]:
    """Where a revision phrase may stand: the offsets of every rule phrase in the text.

    The rule pattern starts with common words ("i", "en"); it runs only around
    the words every rule holds ("hver", "årligt", "inden").
    """
    return [
        match.start()
        for match in matches_around_cues(_RULE, _CUE, lowered, _CUE_LOOKBACK, _CUE_LOOKAHEAD)
    ]
