"""The policies a document replaces, builds on, or should be read with.

After a cue ("erstatter", "tager udgangspunkt i", "skal ses i sammenhæng med",
see `danish.relations`) the rest of the sentence is its object. The values are the
policies the object names, verbatim:

* a list of names is split ("erstatter indkøbspolitikken og udbudsstrategien" →
  "indkøbspolitikken", "udbudsstrategien"), each with its owner ("Rudersdal
  Kommunes psykiatri- og handicappolitik");
* examples of a general class are the values, not the class ("forskellige
  politikker i Glostrup Kommune, herunder Sundhedspolitikken" → "Sundhedspolitikken"),
  also in a next sentence that opens "Eksempelvis …";
* one name is kept with the phrase around it ("de hidtidige virksomhedsplaner for
  både direktionen og resten af administrationen");
* an object that names no policy ("de gældende officielle anbefalinger", "den
  enkeltes ressourcer") gives nothing.

A policy name is a compound on a policy noun ("Sundhedspolitikken",
"virksomhedsplaner"), or a bare one that is capitalised or owned by a proper name
("Byrådets Vision", "Lemvig Kommunes vision"); "kommunens vision" and "politikker
og strategier" are general words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from politikbase.danish.policy_words import PolicyName, find_policy_names
from politikbase.danish.relations import (
    EXAMPLES_INSIDE,
    EXAMPLES_OPENER,
    cue_starts_word,
    relation_cues,
    relation_of,
)
from politikbase.danish.sentences import sentence_end

# Between the names of a list: separators, repeated prepositions, determiners.
_LIST_GLUE = re.compile(
    r"[\s,;:]*(?:(?:og|samt|eller|&|i|på|af|den|det|de|både|som)[\s,;:]+)*", re.IGNORECASE
)
# An owner before a name: "Rudersdal Kommunes ", "Byrådets ", "FN's ".
_OWNER_BEFORE = re.compile(r"(?:[A-ZÆØÅ][\w-]*\s+)?[A-ZÆØÅ][\w-]*(?:s|'s|’s)\s+$")
# "Vision Furesø", "Vision 2030": a bare capitalised name goes on with its proper part.
_PROPER_AFTER = re.compile(r"\s+(?:[A-ZÆØÅ][\w-]+|(?:19|20)\d{2})")
# "Klimaplan 2030", "Ældrepolitik 2015-2019", "Sundhedspolitikken fra 2008": the edition.
_YEARS_AFTER = re.compile(
    r"\s+(?:fra\s+)?(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2})?(?![\w-])"
)
# Where a single-name object ends: a comma, a relative clause, a new coordinated clause.
_OBJECT_END = re.compile(r"[,;:(]|\s(?:som|der|hvor|hvilket|hvis|så|idet|fordi|og)\s")
_CLAUSE_BEFORE = re.compile(r";|\s(?:som|der|hvor|hvilket|hvis|idet|fordi)\s")
_MAX_OBJECT_WORDS = 15
_MAX_EXAMPLE_SENTENCE = 400
_OWNER_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Relation:
    kind: str  # REPLACES, BASED_ON or RELATED_TO
    value: str
    start: int  # the evidence: from the cue to the end of the value
    end: int


def _is_name(text: str, name: PolicyName) -> bool:
    if name.compound:
        return True
    if text[name.start].isupper():
        return True
    return _OWNER_BEFORE.search(text, max(0, name.start - _OWNER_WINDOW), name.start) is not None


def _span_with_owner(text: str, name: PolicyName, low: int) -> tuple[int, int]:
    start, end = name.start, name.end
    owner = _OWNER_BEFORE.search(text, max(low, start - _OWNER_WINDOW), start)
    if owner is not None:
        start = owner.start()
    if not name.compound:
        proper = _PROPER_AFTER.match(text, end)
        if proper is not None:
            end = proper.end()
    years = _YEARS_AFTER.match(text, end)
    if years is not None:
        end = years.end()
    return start, end


def _names(text: str, start: int, end: int) -> list[PolicyName]:
    return [name for name in find_policy_names(text, start, end) if _is_name(text, name)]


def _is_list(text: str, names: list[PolicyName], start: int) -> bool:
    spans = [_span_with_owner(text, name, start) for name in names]
    gaps = [(start, spans[0][0])] + [(a[1], b[0]) for a, b in pairwise(spans)]
    return all(_LIST_GLUE.fullmatch(text, low, high) is not None for low, high in gaps)


def _single_object(
    text: str, start: int, end: int, name: PolicyName
) -> tuple[int, int] | None:
    """The phrase around one name: from the object's start to where the phrase ends.

    None when the name stands in a clause of its own ("principper som dansk
    handicappolitik bygger på"): the object itself names no policy.
    """
    if _CLAUSE_BEFORE.search(text, start, name.start) is not None:
        return None
    search_from = name.end
    while True:
        cut = _OBJECT_END.search(text, search_from, end)
        if cut is None:
            stop = end
            break
        # "for både direktionen og resten af administrationen" is one phrase.
        if cut.group().strip() == "og" and "både " in text[start : cut.start()]:
            search_from = cut.end()
            continue
        stop = cut.start()
        break
    words = text[start:stop].split()
    if len(words) > _MAX_OBJECT_WORDS:
        return _span_with_owner(text, name, start)
    return start, stop


def _object_end(text: str, cue_end: int) -> tuple[int, int | None]:
    """Where the cue's sentence ends, and where a following list of examples starts."""
    end = sentence_end(text, cue_end)
    opener = EXAMPLES_OPENER.match(text, end + 1 if text[end : end + 1] in ".;" else end)
    if opener is None:
        return end, None
    return sentence_end(text, opener.end(), _MAX_EXAMPLE_SENTENCE), opener.end()


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return end


def find_relations(text: str, lowered: str) -> list[Relation]:
    """Every policy the text relates itself to, in order of the cues."""
    found: list[Relation] = []
    for cue in relation_cues(lowered):
        if not cue_starts_word(lowered, cue):
            continue
        kind = relation_of(cue)
        start = cue.end()
        end, examples = _object_end(text, start)
        end = _strip_end(text, start, end)
        inside = EXAMPLES_INSIDE.search(lowered, start, end)
        if examples is None and inside is not None:
            examples = inside.end()
        names = _names(text, examples if examples is not None else start, end)
        if not names:
            continue
        while start < end and text[start].isspace():
            start += 1
        if examples is not None or (len(names) > 1 and _is_list(text, names, start)):
            low = examples if examples is not None else start
            for name in names:
                value_start, value_end = _span_with_owner(text, name, low)
                value = text[value_start:value_end]
                found.append(Relation(kind, value, cue.start(), value_end))
            continue
        single = _single_object(text, start, end, names[0])
        if single is None:
            continue
        value_start, value_end = single
        value_end = _strip_end(text, value_start, value_end)
        found.append(Relation(kind, text[value_start:value_end], cue.start(), value_end))
    return found
