"""The words that say what kind of document a title or a heading names.

A Danish title names its kind in the head of a compound ("Handicappolitik",
"Klimahandleplan", "Dagplejens udviklingskontrakt"), in a bare noun where a name
puts one ("Politik for medborgerskab", "Finansiel politik", "Byrådets vision",
"Velfærdsteknologisk Strategi 2014-2017"), or in the genre of a document that is
no policy at all ("NOTAT", "Jobprofil", "Pixi for kommunalpolitikere", "KL
budskaber", "Personalekonferansen").

Each kind has a register type, one of `DOC_TYPES`; kinds that are no policy
(notat, præsentation, jobprofil, …) have the type "andet" and keep their own name
as the finer kind.

A definite or bare kind word does not name the document where it is the object
of a preposition ("Input til ... udmøntning af socialpolitikken", "Visioner for
sundhedsaftalen", "Sammenhæng til vision 2018"),
a bare noun in a sentence ("drøftelse af strategien"), a plural ("politikker og
strategier") or a numbered section ("1. Vision"). "Udkast til", "Forslag til" and
"Høringsversion" say what state the document is in, not what it is: the draft of a
policy is a policy.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from politikbase.danish.policy_words import PolicyName, find_policy_names

# The register's document types (the `doc_type` of the analyse contract).
DOC_TYPES = (
    "politik", "strategi", "plan", "handleplan", "regler", "retningslinjer", "vision",
    "oversigt", "høring", "andet",
)

ANDET = "andet"

# Genres with no policy type: (pattern of the lower-cased word, kind).
# Compound heads are allowed where the genre is the head ("udviklingskontrakt").
_GENRES: tuple[tuple[str, str], ...] = (
    (r"notat(?:ark|et)?|n\s?ot\s?at", "notat"),
    (r"\w*kontrakt(?:en)?", "kontrakt"),
    (r"\w*aftale(?:n)?", "aftale"),
    (r"\w*rapport(?:en)?", "rapport"),
    (r"(?:års)?beretning(?:en)?", "årsberetning"),
    (r"\w*ansøgning(?:en)?", "ansøgning"),
    (r"indstilling(?:en)?", "indstilling"),
    (r"skabelon(?:en)?", "skabelon"),
    (r"referat(?:et)?|resum[eé]|beslutningsprotokol(?:len)?", "referat"),
    (r"nyhedsbrev(?:et)?|ledernyt", "nyhedsbrev"),
    (r"(?:job|stillings|krav|person)s?profil(?:en)?|jobannonce|stillingsopslag", "jobprofil"),
    (
        r"(?:ledelses|styrings|arbejds|værdi)s?grundlag(?:et)?|lederprofil(?:er|erne)?"
        r"|lederkompetencer(?:ne)?|ledelsesværdier",
        "ledelsesgrundlag",
    ),
    (r"pjece(?:n)?|pixi|folder(?:en)?", "pjece"),
    (r"udspil(?:let)?|budskaber", "udspil"),
    (r"projektbeskrivelse(?:n)?|kommissorium", "projektbeskrivelse"),
    (r"debatmateriale(?:t)?|debatoplæg(?:get)?", "debatmateriale"),
    (r"valgprogram(?:met)?", "valgprogram"),
    # "Oplæg for MSE-studerende" is a talk; "Oplæg til ny ældrepolitik" a draft of one.
    (r"præsentation(?:en)?|oplæg(?:get)?(?!\s+til\s)", "præsentation"),
    (
        r"\w*konfer[ae]n[cs]e(?:n)?|\w*seminar(?:et)?|årsmøde(?:t)?|temadag(?:en)?"
        r"|\w*innovationsdag(?:en)?|workshop(?:pen)?|kick[\s-]?off",
        "præsentation",
    ),
    (r"høringssvar(?:et)?|høringsbrev(?:et)?|høringsnotat(?:et)?|høringsmateriale(?:t)?", "høring"),
    (r"(?:børne|unge|menneske|lærings|grund|elev|borger)syn(?:et)?", "syn"),
)
# Policy kinds that policy_words does not know as nouns.
_MORE_POLICY_KINDS: tuple[tuple[str, str], ...] = (
    (r"\w*vejledning(?:en)?|\w*kvalitetsstandard(?:er|en|erne)?|servicedeklaration(?:en)?",
     "retningslinjer"),
    (r"strategisk(?:e)?\s+ramme(?:r)?", "strategi"),
)
_ALL_GENRES = _GENRES + _MORE_POLICY_KINDS
_GENRE_WORD = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<g{i}>{pattern})" for i, (pattern, _) in enumerate(_ALL_GENRES))
    + r")(?![\w-])"
)
_GENRE_KINDS = tuple(kind for _, kind in _ALL_GENRES)

# Heads of "-plan" compounds that make it an action plan, and modifiers that make
# a plan a strategy ("strategiplan").
_ACTION_PLAN = re.compile(r"(?:handle|handlings|indsats|aktions)plan")
_NOUN_KINDS = {
    "politik": "politik",
    "strategi": "strategi",
    "plan": "plan",
    "program": "plan",
    "vision": "vision",
    "regler": "regler",
    "regulativ": "regler",
    "reglement": "regler",
    "vedtægter": "regler",
    "retningslinjer": "retningslinjer",
    "kodeks": "retningslinjer",
}
_PREPOSITIONS = frozenset(
    {
        "af", "for", "til", "om", "i", "på", "med", "mod", "fra", "over", "under", "efter",
        "ved", "mellem", "gennem", "jf", "jf.", "vedr.", "vedrørende", "hos", "uden",
    }
)
# A preposition after these words does not make the next word an object: the
# document is the draft of what follows.
_TRANSPARENT = frozenset(
    {
        "udkast", "forslag", "oplæg", "høringsudkast", "høringsforslag", "høringsversion",
        "revision", "rev.",
    }
)
_DETERMINERS = frozenset(
    {
        "en", "et", "den", "det", "de", "denne", "dette", "disse", "vores", "vor", "sin", "sit",
        "sine", "hans", "hendes", "deres", "jeres", "min", "mit", "din", "dit", "ny", "nye",
        "anden", "andet", "andre", "hver", "hvert", "enhver", "ingen", "nogen", "noget",
    }
)
_WORD_BEFORE = re.compile(r"(\S+)\s*$")
_DEFINITE_GENRE = re.compile(r"(?:en|et|ne)$")
_COORDINATION = frozenset({"og", "&", "samt"})
_SECTION_NUMBER = re.compile(r"(?:^|\s)\d+(?:\.\d+)*\.?\s*$")
_YEARS_AFTER = re.compile(r"\s*(?:(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?)?\s*[.:!?]?\s*$")
# "Finansiel politik", "Velfærdsteknologisk Strategi", "Sammenhængende Børne politik".
_ADJECTIVE_ENDINGS = ("sk", "ske", "el", "elle", "ig", "ige", "ende", "ede", "et", "lig", "lige")
_BARE_WINDOW = 40


class KindWord(NamedTuple):
    kind: str  # "politik", "handleplan", "notat", "præsentation", ...
    doc_type: str  # one of DOC_TYPES
    start: int
    end: int


def doc_type_of_kind(kind: str) -> str:
    """The register type of a kind: the kind itself for policy kinds, else "andet"."""
    return kind if kind in DOC_TYPES else ANDET


def _word_before(text: str, position: int, low: int) -> str:
    match = _WORD_BEFORE.search(text, max(low, position - _BARE_WINDOW), position)
    return match.group(1) if match else ""


def _is_object(text: str, position: int, low: int) -> bool:
    """True when the word at `position` follows a preposition (and so names something else)."""
    before = _word_before(text, position, low)
    if before.lower().strip(",:;") not in _PREPOSITIONS:
        return False
    earlier = _word_before(text, position - len(before) - 1, low).lower().strip(",:;-–")
    return earlier not in _TRANSPARENT


def _bare_names_document(text: str, name: PolicyName, low: int, high: int) -> bool:
    """Whether a bare kind noun ("Strategi", "politik") stands where a name puts it."""
    written = text[name.start : name.end]
    before_text = text[max(low, name.start - _BARE_WINDOW) : name.start]
    if _SECTION_NUMBER.search(before_text) and before_text.strip():
        return False
    before = _word_before(text, name.start, low)
    lowered_before = before.lower().strip(",:;")
    if lowered_before in _DETERMINERS:
        return False
    if lowered_before in _COORDINATION:
        # "Vision og strategi for ...": coordinated with a kind noun before it.
        earlier = _word_before(text, name.start - len(before) - 1, low)
        return bool(find_policy_names(earlier))
    if not before.strip() or before.rstrip()[-1:] in ".:!?–-|":
        return True  # the first word of a title or of one of its parts
    if written[:1].isupper():
        return True
    if before[:1].isupper() and before.endswith("s"):
        return True  # a proper owner: "Byrådets vision", "Sorø Kommunes strategi"
    if lowered_before.endswith(_ADJECTIVE_ENDINGS):
        return True
    # The last word of the part, years and a final mark aside: "Sammenhængende Børne. politik".
    return _YEARS_AFTER.match(text, name.end, high) is not None


def _policy_kind(name: PolicyName) -> str:
    kind = _NOUN_KINDS[name.noun]
    if kind == "plan":
        compound = name.written.split()[-1].lower()
        if _ACTION_PLAN.search(compound):
            return "handleplan"
        if "strategi" in compound:
            return "strategi"
    return kind


def _policy_kind_words(text: str, low: int, high: int) -> list[KindWord]:
    found: list[KindWord] = []
    for name in find_policy_names(text, low, high):
        if name.plural:
            continue
        if name.definite and not name.compound:
            continue
        # An indefinite compound after a preposition still names the document
        # ("Holstebro Byråd ønsker med Dagtilbudspolitik at …"); nothing else does.
        if (name.definite or not name.compound) and _is_object(text, name.start, low):
            continue
        if not name.compound and not _bare_names_document(text, name, low, high):
            continue
        kind = _policy_kind(name)
        found.append(KindWord(kind, kind, name.start, name.end))
    return found


def _genre_words(lowered: str, low: int, high: int) -> list[KindWord]:
    found: list[KindWord] = []
    for match in _GENRE_WORD.finditer(lowered, low, high):
        index = int(next(name for name, value in match.groupdict().items() if value)[1:])
        kind = _GENRE_KINDS[index]
        if _DEFINITE_GENRE.search(match.group()) and _is_object(lowered, match.start(), low):
            continue
        found.append(KindWord(kind, doc_type_of_kind(kind), match.start(), match.end()))
    return found


def kind_words(text: str, lowered: str, start: int = 0, end: int | None = None) -> list[KindWord]:
    """Every word in `text[start:end]` that names the kind of the document, in order.

    Where a genre and a policy noun overlap ("valgprogram" ends in "program"), the
    genre wins: it is the longer, more specific word.
    """
    high = len(text) if end is None else end
    genres = _genre_words(lowered, start, high)
    policies = [
        word
        for word in _policy_kind_words(text, start, high)
        if not any(g.start < word.end and word.start < g.end for g in genres)
    ]
    return sorted(genres + policies, key=lambda word: word.start)
