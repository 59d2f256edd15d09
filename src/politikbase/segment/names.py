"""Titles for segments: policy names in headings, names inferred from text, guesses.

An entry of a listing page is titled by its heading when it has one, by the name
its link line offers ("Hent børne- og ungesynet her") or by the policy its text is
about ("Glostrup Kommunes borgerrettede alkoholpolitik ...") when it has none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from politikbase.danish.lexicon import default_lexicon
from politikbase.danish.page_phrases import link_object
from politikbase.danish.policy_words import (
    PolicyName,
    capitalised,
    find_policy_names,
    first_policy_name,
    indefinite_noun,
)

# The policy a paragraph is about is named early ("Formålet med beskæftigelsespolitikken
# er ..."); a name further on is usually a reference to another policy.
SUBJECT_WORDS = 6
# "Den finansielle politik": a bare noun ends a name of at most this many words.
MAX_BARE_NAME_WORDS = 3
MAX_GUESSED_TITLE_WORDS = 10
LINE_CACHE_SIZE = 8192

_WORD_START = re.compile(r"\S+")
_POSTMODIFIER = re.compile(r"\s(?:for|om|til|på|i|af|med|vedr\.?|fra)\s", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;](?:\s|$)")
_FOLD = re.compile(r"[\s-]+")


@lru_cache(maxsize=LINE_CACHE_SIZE)
def line_policy_names(line: str) -> tuple[PolicyName, ...]:
    """The policy nouns of one line, remembered: the same line is read by several rules."""
    return tuple(find_policy_names(line))


def heading_policy_name(heading: str) -> PolicyName | None:
    """The policy a heading names ("Energistrategi", "Regler om indkøb og udbud"), or None.

    Headings name a policy in the indefinite singular; "Politikker og strategier"
    (a page heading) and "Sådan bruger vi politikken" (a section) name none. A
    bare noun names a policy only where a name puts it: first ("Politik for
    medborgerskab") or after an adjective ("Finansiel politik"), never alone
    ("Vision") or inside a sentence ("I kommunen har vi en vision om").
    """
    for name in line_policy_names(heading):
        if name.definite or name.plural:
            continue
        if name.compound:
            return name
        words_before = len(heading[: name.start].split())
        words = len(heading.split())
        if words >= 2 and (words_before == 0 or words_before + 1 == words <= MAX_BARE_NAME_WORDS):
            return name
    return None


def subject_policy_name(line: str) -> PolicyName | None:
    """The compound policy name among the first words of a line (what it is about)."""
    names = [name for name in line_policy_names(line) if name.compound]
    if not names:
        return None
    words = list(_WORD_START.finditer(line, 0, names[0].end + 1))
    return names[0] if len(words) <= SUBJECT_WORDS else None


def starts_with_bare_reference(line: str) -> bool:
    """True for a line that refers back to the policy just named ("Politikken beskriver")."""
    names = line_policy_names(line)
    return bool(names) and names[0].start == 0 and not names[0].compound


def name_from_link(line: str) -> tuple[str, bool] | None:
    """The name a link line offers, in its indefinite form, and whether it names a policy.

    "Hent børne- og ungesynet her" gives ("børne- og ungesyn", False), "Hent
    Energistrategien her" ("Energistrategi", True); "Hent den her" gives None.
    """
    offered = link_object(line)
    if offered is None:
        return None
    postmodifier = _POSTMODIFIER.search(offered)
    head_phrase = offered[: postmodifier.start()] if postmodifier else offered
    rest = offered[postmodifier.start() :] if postmodifier else ""
    policy = first_policy_name(head_phrase)
    if policy is None:
        bare = find_policy_names(head_phrase)
        if bare and not rest and bare[-1].start == 0:
            return None  # a bare "politikken": nothing beyond what the entry says
        policy = bare[-1] if bare else None
    if policy is not None:
        # Only the policy word is inflected: "Sundhedspolitikken 2020-2024" keeps its years,
        # "Reglerne om tilskud" its subject.
        return head_phrase[: policy.start] + policy.name + head_phrase[policy.end :] + rest, True
    words = head_phrase.split(" ")
    words[-1] = indefinite_noun(words[-1], default_lexicon().is_word)
    return " ".join(words) + rest, False


def enriched_heading(heading: str, names: list[PolicyName]) -> str:
    """A heading without a policy noun completed from the entry's own wording.

    A listing may head an entry "Demens" while its text and link call it
    "demensstrategien"; the policy's name is then "Demensstrategi".
    """
    folded_heading = _folded(heading)
    for name in names:
        folded_name = _folded(name.name)
        if (
            name.compound
            and folded_name.startswith(folded_heading)
            and (len(folded_name) > len(folded_heading))
        ):
            return capitalised(name.name) if heading[:1].isupper() else name.name
    return heading


def _folded(text: str) -> str:
    return _FOLD.sub(" ", text.lower()).strip()


def guessed_title(text: str) -> str:
    """A title for text that has none: its first sentence, at most ten words."""
    end = _SENTENCE_END.search(text)
    sentence = text[: end.start()] if end else text
    words = sentence.split()
    return capitalised(" ".join(words[:MAX_GUESSED_TITLE_WORDS]).strip(" ,;-–"))
