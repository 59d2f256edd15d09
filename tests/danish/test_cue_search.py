"""The quick cue scans find exactly what the plain patterns find."""

from __future__ import annotations

import re

import pytest

from politikbase.danish.cue_search import Cues, WordRuns
from politikbase.danish.policy_words import lower_in_place
from politikbase.danish.relations import RELATION_CUE, relation_cues

# Cue alternations as the analysis writes them, beside the plain pattern they stand for.
CUE_PAIRS = [
    (Cues.words(("kr", "dkk", "euro", "€")), r"kr|dkk|euro|€"),
    (Cues.words(("lov", "§", "forordning")), r"lov|§|forordning"),
    (Cues(("hver", None), ("til", re.compile(r"til\s+revision"))), r"hver|til\s+revision"),
    (
        Cues(("ommune", re.compile(r"ommunes?(?!\w)")), ("Region", re.compile(r"Region\s"))),
        r"ommunes?(?!\w)|Region\s",
    ),
    # Overlapping cues: the leftmost wins, and the earlier alternative at one start.
    (Cues.words(("aa", "a", "aaa")), r"aa|a|aaa"),
    (Cues.words(("ab", "bc", "abc")), r"ab|bc|abc"),
]

BUILT = [
    "",
    "aaaa abc bcabc aab",
    "Budgettet er 4.188.000 kr. og 8,5 mia. kroner; DKK 1,5 mio. dkkr eurokr €€",
    "Serviceloven § 83 og §§ 10-12, lovlov forordningforordning",
    "Den tages op til  revision til\nrevision hvert fjerde år, hverhver",
    "Glostrup Kommunes politik, Region  Hovedstaden, kommunerne, Kommune",
]


@pytest.mark.parametrize(("cues", "plain"), CUE_PAIRS)
def test_cues_find_what_the_plain_pattern_finds(
    cues: Cues, plain: str, seeds: dict[str, str]
) -> None:
    pattern = re.compile(plain)
    for text in [*seeds.values(), *BUILT]:
        for variant in (text, lower_in_place(text)):
            assert cues.spans(variant) == [m.span() for m in pattern.finditer(variant)]


def test_a_cue_needs_its_opening_text() -> None:
    with pytest.raises(ValueError):
        Cues(("", re.compile("x")))


def test_relation_cues_are_those_of_the_whole_text(seeds: dict[str, str]) -> None:
    texts = [
        *seeds.values(),
        "Politikken erstatter Indkøbspolitikken, og den tager sit udgangspunkt i visionen.",
        "skal ses i sammenhæng med udgangspunkt i strategien; xerstatter afløste",
        "Den bygger\nvidere på planen. Hænger sammen med" + " ord" * 300 + " udmønter",
    ]
    found_any = False
    for text in texts:
        lowered = lower_in_place(text)
        expected = [(m.span(), m.lastgroup) for m in RELATION_CUE.finditer(lowered)]
        assert [(m.span(), m.lastgroup) for m in relation_cues(lowered)] == expected
        found_any = found_any or bool(expected)
    assert found_any


def test_word_runs_skip_runs_without_the_words() -> None:
    pattern = re.compile(r"(?:grøn|blå)\s+plan(?!\w)")
    runs = WordRuns(pattern, ("plan",), r"a-zæøå\s")
    text = "en grøn plan, 2 blå  planer; blå\nplan. grønplan blå plan"
    assert [m.span() for m in runs.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert runs.finditer("ingen af ordene her") == []


def test_word_runs_need_words_in_the_allowed_characters() -> None:
    with pytest.raises(ValueError):
        WordRuns(re.compile("x"), ("§ 8",), r"a-z")
