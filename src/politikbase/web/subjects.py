"""The subject a policy is about, for the register's filter.

The analysis assigns subject areas from a controlled vocabulary (the `subjects`
fact); the first one is the main area. A document filed before that fact existed
is given the subject its title names: Danish policy titles name it as the first
part of a compound ("Klimaplan", "Børne- og ungepolitik") or after "for"
("Politik for røgfri arbejdstid").
"""

from __future__ import annotations

import re

from politikbase.danish.document_kinds import DOC_TYPES
from politikbase.danish.lexicon import LexiconUnavailable, default_lexicon
from politikbase.danish.policy_words import capitalised, first_policy_name
from politikbase.danish.subjects import SUBJECT_AREAS

_NOUN_FOR = re.compile(
    r"^\s*(?:" + "|".join(map(re.escape, DOC_TYPES)) + r")\w*\s+(?:for|om)\s+(?P<subject>.+)$",
    re.IGNORECASE,
)
_AREA_LABELS = {area.slug: area.label for area in SUBJECT_AREAS}
_TRAILING_YEARS = re.compile(r"[\s,:–-]*\d{4}(?:\s*[-–/]\s*\d{2,4})?\b.*$")


def _without_linking_s(modifier: str) -> str:
    """ "Digitaliserings" -> "Digitalisering" when the word list knows the word without s.

    Word lists hold the linking forms too (they occur in open compounds), so the
    form without s being a word is what decides.
    """
    if not modifier.endswith("s") or len(modifier) < 4:
        return modifier
    last_word = modifier.rsplit(" ", 1)[-1]
    try:
        lexicon = default_lexicon()
    except LexiconUnavailable:
        return modifier
    if last_word[:-1].lower() in lexicon:
        return modifier[:-1]
    return modifier


def title_subject(title: str) -> str | None:
    """The subject a title names, capitalised, or None when it names none."""
    stated = _NOUN_FOR.match(title)
    if stated is not None:
        subject = _TRAILING_YEARS.sub("", stated.group("subject")).strip(" .,-")
        return capitalised(subject) if subject else None
    name = first_policy_name(title)
    if name is None or not name.name.lower().endswith(name.noun):
        return None
    modifier = name.name[: len(name.name) - len(name.noun)].rstrip("-").strip()
    if len(modifier) < 2:
        return None
    return capitalised(_without_linking_s(modifier))


def policy_subject(subjects: object, title: str) -> str | None:
    """The main subject area the analysis found, else the subject the title names."""
    if isinstance(subjects, list) and subjects:
        return _AREA_LABELS.get(str(subjects[0]), str(subjects[0]))
    return title_subject(title)
