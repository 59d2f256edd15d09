"""Danish legal references as policies write them.

* A law named by a compound in "-lov": "serviceloven", "Sundhedslovens",
  "folkeoplysningsloven", "Finansloven", "Barnets Lov";
* a law named by its title: "lov om social service", "Lov om kommunernes styrelse";
* an EU regulation: "databeskyttelsesforordningen";
* a section of a law: "Servicelovens § 83", "§ 83 i serviceloven",
  "servicelovens §§ 83-86", "Sundhedslovens § 138, stk. 2".

Sections coordinated under one law ("Servicelovens § 83 og § 86") are two
references, each named with the law: "Servicelovens § 83", "Servicelovens § 86".
A reference is otherwise kept verbatim. A compound that continues past "lov"
("lovgivning", "Finanslovsaftalen") is no law, and neither is "barselsorloven".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from politikbase.danish.cue_search import Cues, matches_around_cues

_LETTERS = r"[^\W\d_]"
# A law compound: at least three letters before "lov", and "-en", "-ens", "-s" after.
_LAW_WORD = rf"{_LETTERS}{{3,}}lov(?:en|ens|s)?|barnets\s+lov(?:en|ens)?"
# "lov om social service": the title runs until a function word or punctuation.
_TITLE_STOP = r"(?:og|samt|eller|der|som|at|i|til|for|med|af|på|er|har|skal|kan|vil|fra|ved|jf)"
_LAW_TITLE = rf"lov\s+om\s+{_LETTERS}+(?:\s+(?!{_TITLE_STOP}(?![\w-])){_LETTERS}+){{0,4}}"
_REGULATION = rf"{_LETTERS}{{3,}}forordning(?:en|ens)?"
# "§ 83", "§ 83 a", "§ 17, stk. 4", "§ 5, nr. 2"
_NUMBER = r"\d+(?:\s?[a-z](?![\w]))?"
_SECTION = rf"§§?\s*{_NUMBER}(?:\s*,\s*stk\.\s*\d+)?(?:\s*,\s*nr\.\s*\d+)?"
# "§ 83 og 86": a bare number continues the list only where the list ends after it.
_MORE_SECTIONS = (
    rf"(?:\s*(?:,|og|samt|eller|-|–)\s*"
    rf"(?:{_SECTION}|{_NUMBER}(?=\s*(?:[.,;:)]|og\b|samt\b|eller\b|$))))*"
)

_REFERENCE = re.compile(
    # Servicelovens § 83 og § 86
    rf"(?<![\w-])(?P<owner>{_LAW_WORD}|{_REGULATION}|{_LAW_TITLE})\s+"
    rf"(?P<sections>{_SECTION}{_MORE_SECTIONS})"
    # § 83 i serviceloven / § 4 i lov om social service
    rf"|(?P<section_first>{_SECTION})\s+i\s+(?P<law_after>{_LAW_WORD}|{_LAW_TITLE}|{_REGULATION})"
    rf"(?![\w-])"
    # serviceloven / lov om social service / databeskyttelsesforordningen
    rf"|(?<![\w-])(?P<law>{_LAW_WORD}|{_LAW_TITLE}|{_REGULATION})(?![\w-])"
)
# Where a reference can stand: a law word, a section sign or a regulation.
_CUE = Cues.words(("lov", "§", "forordning"))
_CUE_LOOKBACK = 60
_CUE_LOOKAHEAD = 160
_ONE_SECTION = re.compile(rf"§?\s*({_NUMBER}(?:\s*,\s*stk\.\s*\d+)?(?:\s*,\s*nr\.\s*\d+)?)")
_SECTION_RANGE = re.compile(r"§§\s*\d+\s*[-–]\s*\d+")
_SPACES = re.compile(r"\s+")
# Words ending in "lov" that name no law.
_NOT_LAWS = ("orlov", "orloven", "orlovens", "orlovs", "forlov", "forloven")


class LawReference(NamedTuple):
    text: str  # "Servicelovens § 83"
    start: int  # where the evidence for it starts
    end: int


def _is_law(word: str) -> bool:
    return not word.lower().endswith(_NOT_LAWS)


def _sections(owner: str, sections: str, start: int, end: int) -> list[LawReference]:
    """One reference per section coordinated after a law's name; a range stays one."""
    if _SECTION_RANGE.match(sections):
        return [LawReference(f"{owner} {_SPACES.sub(' ', sections)}", start, end)]
    references = []
    for match in _ONE_SECTION.finditer(sections):
        number = _SPACES.sub(" ", match.group(1)).strip()
        references.append(LawReference(f"{owner} § {number}", start, end))
    return references


def _references(lowered: str) -> list[re.Match[str]]:
    """The reference matches of the whole text, found by running the patterns (which
    start at any word) only around the words where a reference can stand."""
    return matches_around_cues(_REFERENCE, _CUE, lowered, _CUE_LOOKBACK, _CUE_LOOKAHEAD)


def find_law_references(text: str, lowered: str) -> list[LawReference]:
    """Every legal reference in `text`, in order, duplicates included.

    `lowered` is `text` in lower case with every offset kept (`lower_in_place`): the
    patterns run on it, the references are cut from `text` as written.
    """
    found: list[LawReference] = []
    for match in _references(lowered):
        start, end = match.span()
        if match.group("owner") is not None:
            owner = _SPACES.sub(" ", text[start : match.end("owner")])
            if _is_law(owner):
                sections = text[match.start("sections") : end]
                found.extend(_sections(owner, sections, start, end))
        elif match.group("section_first") is not None:
            if _is_law(match.group("law_after")):
                found.append(LawReference(_SPACES.sub(" ", text[start:end]), start, end))
        elif _is_law(match.group("law")):
            found.append(LawReference(_SPACES.sub(" ", text[start:end]), start, end))
    return found


def law_key(reference: str) -> str:
    """A comparison key: the same reference written twice gives the same key."""
    lowered = _SPACES.sub(" ", reference.lower())
    return re.sub(r"(lov|forordning)(?:en|ens|s)\b", r"\1", lowered)
