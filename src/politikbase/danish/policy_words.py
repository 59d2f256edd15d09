"""The Danish nouns that name a municipality's policy documents, and the names built on them.

A policy is named by a compound whose last part is the kind of document
("Handicappolitik", "Frivillighedsstrategi", "Klimahandleplan"), often coordinated
("Børne- og ungepolitikken", "Sundheds- og forebyggelsesstrategi") and inflected
in running text ("politikken", "strategien", "reglerne"). Segmentation uses these
names to tell which policy a paragraph is about and to name entries that have
no title line of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

# Each kind of document with its inflected forms: form -> (base form, definite, plural).
# "regler" and "retningslinjer" are named in the plural, so their plural is the base.
_NOUN_FORMS: dict[str, tuple[str, tuple[tuple[str, bool, bool], ...]]] = {
    "politik": (
        "politik",
        (
            ("politik", False, False),
            ("politikken", True, False),
            ("politikkens", True, False),
            ("politikker", False, True),
            ("politikkerne", True, True),
        ),
    ),
    "strategi": (
        "strategi",
        (
            ("strategi", False, False),
            ("strategien", True, False),
            ("strategiens", True, False),
            ("strategier", False, True),
            ("strategierne", True, True),
        ),
    ),
    "plan": (
        "plan",
        (
            ("plan", False, False),
            ("planen", True, False),
            ("planens", True, False),
            ("planer", False, True),
            ("planerne", True, True),
        ),
    ),
    "program": (
        "program",
        (
            ("program", False, False),
            ("programmet", True, False),
            ("programmets", True, False),
            ("programmer", False, True),
            ("programmerne", True, True),
        ),
    ),
    "vision": (
        "vision",
        (
            ("vision", False, False),
            ("visionen", True, False),
            ("visioner", False, True),
            ("visionerne", True, True),
        ),
    ),
    "regler": (
        "regler",
        (
            ("regler", False, False),
            ("reglerne", True, False),
            ("reglernes", True, False),
        ),
    ),
    "retningslinjer": (
        "retningslinjer",
        (
            ("retningslinjer", False, False),
            ("retningslinjerne", True, False),
            ("retningslinje", False, False),
            ("retningslinjen", True, False),
        ),
    ),
    "regulativ": (
        "regulativ",
        (
            ("regulativ", False, False),
            ("regulativet", True, False),
            ("regulativer", False, True),
        ),
    ),
    "reglement": (
        "reglement",
        (
            ("reglement", False, False),
            ("reglementet", True, False),
            ("reglementer", False, True),
        ),
    ),
    "vedtægter": (
        "vedtægter",
        (
            ("vedtægter", False, False),
            ("vedtægterne", True, False),
            ("vedtægt", False, False),
            ("vedtægten", True, False),
        ),
    ),
    "kodeks": ("kodeks", (("kodeks", False, False), ("kodekset", True, False))),
}

POLICY_NOUNS: tuple[str, ...] = tuple(_NOUN_FORMS)

# form -> (noun, base, definite, plural)
_FORM_INFO: dict[str, tuple[str, str, bool, bool]] = {
    form: (noun, base, definite, plural)
    for noun, (base, forms) in _NOUN_FORMS.items()
    for form, definite, plural in forms
}

# Words that end like a policy noun but name something else.
_NOT_POLICY_WORDS = frozenset(
    {
        "revision",
        "revisionen",
        "television",
        "supervision",
        "supervisionen",
        "division",
        "provision",
        "provisionen",
        "kaplan",
        "kaplanen",
    }
)


def _noun_pattern(forms: list[str]) -> str:
    """One noun's forms as a common stem and its endings ("politik(?:kerne|ken|…)?")."""
    stem = forms[0]
    for form in forms[1:]:
        while not form.startswith(stem):
            stem = stem[:-1]
    endings = sorted((form[len(stem) :] for form in forms if form != stem), key=len, reverse=True)
    if not endings:
        return re.escape(stem)
    optional = "?" if stem in forms else ""
    return re.escape(stem) + "(?:" + "|".join(map(re.escape, endings)) + ")" + optional


# Matched against lower-cased text: case-insensitive matching is many times slower.
_POLICY_FORM = re.compile(
    "(?:"
    + "|".join(_noun_pattern([form for form, _, _ in forms]) for _, forms in _NOUN_FORMS.values())
    + r")(?![\w-])"
)
# The coordinated first parts before a compound ("Børne- og ", "Sundheds-, Ældre- og ").
_COORDINATION_BEFORE = re.compile(r"(?:[^\W\d_]+-,?\s+)+(?:og|eller)\s+$", re.IGNORECASE)
_COORDINATION_WINDOW = 80


class PolicyName(NamedTuple):
    """One mention of a policy noun in a text, with where it stands.

    A named tuple: policy documents name policies every few lines, and tuples
    are the cheapest records to create.
    """

    written: str  # as it stands in the text ("Børne- og ungepolitikken")
    name: str  # the base form, cased as written ("Børne- og ungepolitik")
    noun: str  # the kind of document ("politik")
    definite: bool
    plural: bool
    compound: bool  # "Handicappolitik", "IT-strategi": a name, not a bare noun
    start: int
    end: int

    @property
    def key(self) -> str:
        """A comparison key: the same policy mentioned twice gives the same key."""
        return re.sub(r"\s+", " ", self.name.lower())


def lower_in_place(text: str) -> str:
    """`text` in lower case with every character kept in its place."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


# The letters, digits, hyphens and underscores a word is made of, read backwards from
# where a policy noun starts: its compound head ("Handicap" in "Handicappolitik").
_WORD_RUN = re.compile(r"[\w-]*")


def _policy_names(text: str, start: int, end: int) -> list[PolicyName]:
    found: list[PolicyName] = []
    piece = text[start:end]
    lowered = lower_in_place(piece)
    backwards = piece[::-1]
    size = len(piece)
    for match in _POLICY_FORM.finditer(lowered):
        form_start, form_end = match.span()
        back = size - form_start
        word_start = form_start - (_WORD_RUN.match(backwards, back).end() - back)
        head, form = piece[word_start:form_start], piece[form_start:form_end]
        if (head + form).lower() in _NOT_POLICY_WORDS:
            continue
        coordination = ""
        if lowered[max(0, word_start - 7) : word_start].rstrip().endswith((" og", " eller")):
            window = piece[max(0, word_start - _COORDINATION_WINDOW) : word_start]
            before = _COORDINATION_BEFORE.search(window)
            if before is not None:
                coordination = before.group()
        noun, base, definite, plural = _FORM_INFO[match.group()]
        if form.isupper() and len(form) > 1:
            base = base.upper()
        elif form[0].isupper() and not head:
            base = capitalised(base)
        found.append(
            PolicyName(
                written=coordination + head + form,
                name=coordination + head + base,
                noun=noun,
                definite=definite,
                plural=plural,
                compound=bool(coordination) or len(head.strip("-")) >= 2,
                start=start + word_start - len(coordination),
                end=start + form_end,
            )
        )
    return found


def find_policy_names(text: str, start: int = 0, end: int | None = None) -> list[PolicyName]:
    """Every policy noun in `text[start:end]`, bare ("politikken") or in a name."""
    return _policy_names(text, start, len(text) if end is None else end)


def first_policy_name(text: str, start: int = 0, end: int | None = None) -> PolicyName | None:
    """The first compound policy name in `text[start:end]` (bare nouns are skipped)."""
    for name in _policy_names(text, start, len(text) if end is None else end):
        if name.compound:
            return name
    return None


def capitalised(name: str) -> str:
    """A name as a title: first letter upper case, the rest as written."""
    return name[:1].upper() + name[1:] if name else name


# Definite endings of Danish nouns, longest first, with what is left in their place
# ("reglerne" -> "regler", "pjecen" -> "pjece", "synet" -> "syn").
_DEFINITE_ENDINGS: tuple[str, ...] = ("erne", "ene", "ne", "en", "et", "n")


def indefinite_noun(word: str, is_word: Callable[[str], bool]) -> str:
    """The indefinite form of a noun that may be definite ("ungesynet" -> "ungesyn").

    `is_word` decides whether a shortened form is a Danish word, so a word that
    only looks definite ("budget", "folder") is kept as it is.
    """
    info = _FORM_INFO.get(word.lower())
    if info is not None:
        return _recase(info[1], word)
    names = find_policy_names(word)
    if len(names) == 1 and names[0].start == 0 and names[0].end == len(word):
        return names[0].name
    lowered = word.lower()
    for ending in _DEFINITE_ENDINGS:
        stem = lowered[: -len(ending)]
        if not lowered.endswith(ending) or len(stem) < 3:
            continue
        if ending == "n" and not stem.endswith("e"):
            continue
        if is_word(stem):
            return word[: len(stem)]
    return word


def _recase(base: str, like: str) -> str:
    if like.isupper():
        return base.upper()
    if like[:1].isupper():
        return capitalised(base)
    return base
