from __future__ import annotations

import re

import pytest

from politikbase.danish.analyzer import DanishAnalyzer
from politikbase.danish.compounds import CompoundSplitter
from politikbase.danish.lexicon import default_lexicon


@pytest.fixture(scope="module")
def splitter() -> CompoundSplitter:
    return DanishAnalyzer().splitter


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("handicappolitikken", ("handicap", "politikken")),
        ("sundhedspolitik", ("sundhed", "politik")),
        ("arbejdsmiljøpolitikken", ("arbejdsmiljø", "politikken")),
        ("ungepolitik", ("unge", "politik")),
        ("demensstrategi", ("demens", "strategi")),
        ("ejendomsejere", ("ejendom", "ejere")),
        ("informationssikkerhedspolitikken", ("information", "sikkerhed", "politikken")),
    ],
)
def test_compounds_split_into_listed_words(
    splitter: CompoundSplitter, word: str, parts: tuple[str, ...]
) -> None:
    compound = splitter.split(word)
    assert compound is not None
    assert compound.parts == parts
    assert "".join(compound.pieces) == word


@pytest.mark.parametrize(
    "word",
    ["samfund", "samarbejde", "politikken", "vedtaget", "mulighederne", "tryghed", "fællesskabet"],
)
def test_simple_words_and_inflections_stay_whole(splitter: CompoundSplitter, word: str) -> None:
    assert splitter.split(word) is None


def test_subwords_of_three_parts(splitter: CompoundSplitter) -> None:
    compound = splitter.split("informationssikkerhedspolitik")
    assert compound is not None
    assert compound.head == "politik"
    assert compound.modifier == "informationssikkerhed"
    assert set(compound.subwords()) == {
        "information",
        "sikkerhed",
        "politik",
        "informationssikkerhed",
        "sikkerhedspolitik",
    }


def test_truncated_coordination_is_completed(splitter: CompoundSplitter) -> None:
    assert splitter.complete_truncations("børne- og ungepolitikken er vedtaget") == [
        "børnepolitikken"
    ]
    assert splitter.complete_truncations("social-, sundheds- og ældreområdet") == [
        "socialområdet",
        "sundhedsområdet",
    ]
    assert splitter.complete_truncations("børn 0-18 år og unge, it- og") == []


def test_truncations_in_real_listing(splitter: CompoundSplitter, seeds: dict[str, str]) -> None:
    completed = splitter.complete_truncations(seeds["000"].lower())
    assert "børnepolitikken" in completed
    assert "florapolitik" in completed
    assert "kulturpolitik" in completed


def test_splits_of_real_text_use_lexicon_words(
    splitter: CompoundSplitter, seeds: dict[str, str]
) -> None:
    lexicon = default_lexicon()
    words = set(re.findall(r"[^\W\d_]{6,}", seeds["003"].lower()))
    compounds = [compound for word in words if (compound := splitter.split(word))]
    assert len(compounds) > 50
    for compound in compounds:
        assert "".join(compound.pieces) == compound.word
        assert all(len(part) >= 3 and lexicon.is_simple_word(part) for part in compound.parts)
